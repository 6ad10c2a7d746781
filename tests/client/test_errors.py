"""Error statuses, Okta and OAuth error bodies, rate limits and transport failures."""

from __future__ import annotations

import asyncio
import json
import socket
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import web

from oktakit import (
    ApiError,
    ApiToken,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    OAuthError,
    OktaClient,
    OktaError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)
from oktakit._http.error_mapping import api_error_from_response, http_date
from tests._fake_okta import FakeOkta
from tests.client._support import OKTA_ERROR, USER_ID, user_json
from tests.conftest import ORG, TOKEN

USER_URL = f"{ORG}/api/v1/users/{USER_ID}"


def okta_error(code: str = "E0000001", summary: str = "Api validation failed: login", **extra: Any) -> dict:
    return {
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": "oaeHfmOAx1iRLa0H10DeMz5fQ",
        "errorCauses": [],
        **extra,
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (405, ApiError),
        (410, ApiError),
        (412, ApiError),
        (422, ApiError),
    ],
)
async def test_each_error_status_maps_to_its_class(
    status: int, expected: type[ApiError], okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=status, payload=okta_error(), headers={"X-Okta-Request-Id": "req-1"})

    with pytest.raises(ApiError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert expected is type(error)
    assert isinstance(error, OktaError)
    assert status == error.status


async def test_an_api_error_carries_every_field_okta_sent(okta: OktaClient, mocked: FakeOkta) -> None:
    body = okta_error(
        errorCauses=[
            {"errorSummary": "login: An object with this field already exists in the current organization"},
            {"errorSummary": "email: Does not match required pattern", "reason": "pattern"},
        ]
    )
    mocked.post(USER_URL, status=400, payload=body, headers={"X-Okta-Request-Id": "XkY1aB2c3D"})

    with pytest.raises(BadRequestError) as caught:
        await okta.update_user(USER_ID, profile={"login": "taken@acme.com"})

    error = caught.value
    assert (400, "POST", USER_URL) == (error.status, error.method, error.url)
    assert ("E0000001", "Api validation failed: login") == (error.error_code, error.error_summary)
    assert "oaeHfmOAx1iRLa0H10DeMz5fQ" == error.error_id
    assert "XkY1aB2c3D" == error.request_id
    assert (
        "login: An object with this field already exists in the current organization",
        "email: Does not match required pattern",
    ) == error.error_causes


async def test_the_message_names_the_code_summary_error_id_and_request(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=404, payload=OKTA_ERROR)

    with pytest.raises(NotFoundError) as caught:
        await okta.get_user(USER_ID)

    message = str(caught.value)
    assert "E0000007" in message
    assert "Not found: Resource not found: 00u1abc (User)" in message
    assert "oaeMzddieo5QvW8lOZVv0uV6w" in message
    assert f"GET {USER_URL}" in message
    assert message.startswith("HTTP 404 E0000007")


async def test_a_refused_api_token_says_what_to_check(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(USER_URL, status=401, payload=okta_error("E0000011", "Invalid token provided"))

    with pytest.raises(AuthenticationError) as caught:
        await okta.get_user(USER_ID)

    # What Okta's help page on API tokens lists: revoked, unused for 30 days, admin deactivated.
    message = str(caught.value)
    assert all(words in message for words in ("revoked", "30 days", "deactivated"))
    assert caught.value.hint is not None
    assert message.startswith("HTTP 401 E0000011: Invalid token provided")
    assert TOKEN not in message


@pytest.mark.parametrize(("status", "scheme"), [(401, "Bearer"), (401, "DPoP"), (403, "SSWS"), (404, "SSWS")])
def test_the_api_token_hint_is_only_for_a_refused_api_token(status: int, scheme: str) -> None:
    error = api_error_from_response(
        status=status,
        method="GET",
        url=USER_URL,
        headers={"Content-Type": "application/json"},
        body=json.dumps(okta_error("E0000011", "Invalid token provided")).encode(),
        auth_scheme=scheme,
    )
    assert error.hint is None
    assert "30 days" not in str(error)


async def test_error_causes_given_as_a_single_object_are_read(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(
        USER_URL, status=400, payload=okta_error(errorCauses={"errorSummary": "profile.email: invalid"})
    )

    with pytest.raises(BadRequestError) as caught:
        await okta.get_user(USER_ID)

    assert ("profile.email: invalid",) == caught.value.error_causes
    assert "(profile.email: invalid)" in str(caught.value)


@pytest.mark.parametrize(
    ("causes", "expected"),
    [
        (None, ()),
        ([], ()),
        (["plain string cause"], ("plain string cause",)),
        ([{"reason": "no summary"}, {"errorSummary": "kept"}], ("kept",)),
        ("not a list", ()),
        (42, ()),
    ],
)
async def test_odd_error_causes_are_read_leniently(
    causes: Any, expected: tuple[str, ...], okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=400, payload=okta_error(errorCauses=causes))

    with pytest.raises(BadRequestError) as caught:
        await okta.get_user(USER_ID)

    assert expected == caught.value.error_causes


async def test_an_oauth_style_error_body_fills_code_and_summary(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(
        USER_URL,
        status=401,
        payload={"error": "invalid_token", "error_description": "The access token is invalid."},
    )

    with pytest.raises(AuthenticationError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert ("invalid_token", "The access token is invalid.") == (error.error_code, error.error_summary)
    assert (None, ()) == (error.error_id, error.error_causes)
    assert "invalid_token" in str(error)


@pytest.mark.parametrize(
    ("body", "content_type", "summary"),
    [
        (b"", "application/json", None),
        (b"Service Unavailable", "text/plain", "unreadable error body (text/plain, 19 bytes)"),
        (b"[1, 2]", "application/json", "unreadable error body (application/json, 6 bytes)"),
        (b'"just a string"', "application/json", "unreadable error body (application/json, 15 bytes)"),
        (b"{not json", "", "unreadable error body (no content type, 9 bytes)"),
        (
            b"\xff\xfe\x00",
            "application/json; charset=utf-8",
            "unreadable error body (application/json, 3 bytes)",
        ),
        (b"[" * 100_000, "application/json", "unreadable error body (application/json, 100000 bytes)"),
    ],
    ids=["empty", "text", "array", "string", "broken-json", "not-utf8", "deeply-nested"],
)
async def test_an_unreadable_error_body_still_gives_the_typed_error(
    body: bytes, content_type: str, summary: str | None, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=503, body=body, content_type=content_type)

    with pytest.raises(ServerError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert ServerError is type(error)
    assert (503, None, summary, None, ()) == (
        error.status,
        error.error_code,
        error.error_summary,
        error.error_id,
        error.error_causes,
    )


async def test_an_error_body_with_non_string_fields_is_stringified(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=400, payload={"errorCode": 1234, "errorSummary": None, "errorId": ["x"]})

    with pytest.raises(BadRequestError) as caught:
        await okta.get_user(USER_ID)

    assert ("1234", None, "['x']") == (
        caught.value.error_code,
        caught.value.error_summary,
        caught.value.error_id,
    )


# -- rate limits ----------------------------------------------------------------------------

RESET = 1_598_552_424  # 2020-08-27T18:20:24Z


async def test_a_429_carries_reset_time_retry_after_limit_and_remaining(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(
        USER_URL,
        status=429,
        payload=okta_error("E0000047", "API call exceeded rate limit due to too many requests."),
        headers={
            "Date": "Thu, 27 Aug 2020 18:19:54 GMT",
            "X-Rate-Limit-Limit": "600",
            "X-Rate-Limit-Remaining": "0",
            "X-Rate-Limit-Reset": str(RESET),
        },
    )

    with pytest.raises(RateLimitError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert datetime(2020, 8, 27, 18, 20, 24, tzinfo=UTC) == error.reset_at
    assert 30.0 == error.retry_after
    assert (600, 0) == (error.limit, error.remaining)
    assert "E0000047" == error.error_code
    assert "resets at 2020-08-27T18:20:24+00:00" in str(error)


def rate_limited(headers: dict[str, str]) -> RateLimitError:
    error = api_error_from_response(
        status=429,
        method="GET",
        url=USER_URL,
        headers=headers,
        body=json.dumps(okta_error("E0000047")).encode(),
    )
    assert isinstance(error, RateLimitError)
    return error


def test_retry_after_is_measured_against_the_response_date_not_the_local_clock() -> None:
    error = rate_limited({"Date": "Thu, 27 Aug 2020 18:20:00 GMT", "X-Rate-Limit-Reset": str(RESET)})

    assert 24.0 == error.retry_after


def test_retry_after_is_zero_when_the_reset_time_has_passed() -> None:
    error = rate_limited({"Date": "Thu, 27 Aug 2020 18:25:00 GMT", "X-Rate-Limit-Reset": str(RESET)})

    assert 0.0 == error.retry_after


def test_without_a_date_header_retry_after_uses_the_local_clock() -> None:
    reset = int(datetime.now(UTC).timestamp()) + 60

    error = rate_limited({"X-Rate-Limit-Reset": str(reset)})

    assert error.retry_after is not None
    assert 55.0 <= error.retry_after <= 60.0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Rate-Limit-Reset": "soon", "X-Rate-Limit-Limit": "many", "X-Rate-Limit-Remaining": ""},
        {"X-Rate-Limit-Reset": "1598552424.5"},
        {"X-Rate-Limit-Reset": "99999999999999999999"},
        {"X-Rate-Limit-Reset": "-99999999999999999999"},
    ],
    ids=["absent", "not-numbers", "fraction", "far-future", "far-past"],
)
def test_missing_or_malformed_rate_limit_headers_leave_the_fields_empty(headers: dict[str, str]) -> None:
    error = rate_limited(headers)

    assert (None, None, None, None) == (error.reset_at, error.retry_after, error.limit, error.remaining)
    assert "E0000047" == error.error_code


def test_a_malformed_date_header_falls_back_to_the_local_clock() -> None:
    error = rate_limited({"Date": "yesterday-ish", "X-Rate-Limit-Reset": str(RESET)})

    assert 0.0 == error.retry_after


# -- transport failures ---------------------------------------------------------------------


async def test_a_real_refused_connection_is_a_transport_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port any more.

    async with OktaClient(f"http://127.0.0.1:{port}", auth=ApiToken(TOKEN)) as okta:
        with pytest.raises(TransportError) as caught:
            await okta.get_user(USER_ID)

    assert TransportError is type(caught.value)
    assert "ClientConnectorError" in str(caught.value)
    assert None is caught.value.__cause__


async def test_a_real_slow_server_is_a_request_timeout() -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response(user_json())

    app = web.Application()
    app.router.add_get("/api/v1/users/{id}", slow)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        async with OktaClient(f"http://127.0.0.1:{port}", auth=ApiToken(TOKEN), timeout=0.2) as okta:
            with pytest.raises(RequestTimeoutError) as caught:
                await okta.get_user(USER_ID)
    finally:
        await runner.cleanup()

    assert ("GET", f"http://127.0.0.1:{port}/api/v1/users/{USER_ID}") == (
        caught.value.method,
        caught.value.url,
    )
    assert isinstance(caught.value, TransportError)


# -- messages and bodies, straight from api_error_from_response -----------------------------
def error_from(status: int, body: bytes, **headers: str) -> ApiError:
    return api_error_from_response(status=status, method="GET", url=USER_URL, headers=headers, body=body)


def test_the_message_lists_every_error_cause_after_the_summary() -> None:
    body = okta_error(errorCauses=[{"errorSummary": "login: taken"}, {"errorSummary": "email: bad"}])
    message = str(error_from(400, json.dumps(body).encode()))
    assert message.startswith("HTTP 400 E0000001: Api validation failed: login (login: taken; email: bad)")


def test_a_429_message_keeps_the_error_and_adds_the_reset_time() -> None:
    body = json.dumps(
        okta_error("E0000047", "API call exceeded rate limit due to too many requests.")
    ).encode()
    message = str(error_from(429, body, **{"X-Rate-Limit-Reset": "1767225600"}))
    assert message.startswith("HTTP 429 E0000047: API call exceeded rate limit due to too many requests.")
    assert message.endswith("(resets at 2026-01-01T00:00:00+00:00)")


@pytest.mark.parametrize(
    ("body", "code", "summary"),
    [
        ({"errorSummary": "Not found"}, None, "Not found"),  # either field marks Okta's envelope
        ({"errorCode": "E0000007"}, "E0000007", None),
    ],
)
def test_an_okta_envelope_with_only_a_code_or_only_a_summary_is_read_as_okta_s(
    body: dict[str, str], code: str | None, summary: str | None
) -> None:
    error = error_from(404, json.dumps({**body, "error": "x", "error_description": "y"}).encode())
    assert (code, summary) == (error.error_code, error.error_summary)


def test_an_unreadable_body_without_a_content_type_says_so() -> None:
    assert "unreadable error body (no content type, 4 bytes)" == error_from(502, b"oops").error_summary


@pytest.mark.parametrize(("description", "said"), [("", "invalid_client"), (None, "invalid_client")])
def test_an_oauth_refusal_without_a_description_names_only_the_error(
    description: str | None, said: str
) -> None:
    error = OAuthError(status=401, error="invalid_client", description=description, hint="Fix it.", url=ORG)
    assert f"the token request was refused (HTTP 401 {said}). Fix it. [POST {ORG}]" == str(error)


def test_an_unreadable_body_is_described_by_its_media_type_alone() -> None:
    error = error_from(502, b"oops", **{"Content-Type": "text/html; charset=utf-8; level=1"})
    assert "unreadable error body (text/html, 4 bytes)" == error.error_summary


@pytest.mark.parametrize(
    "header",
    [
        "Thu, 27 Aug 2020 18:20:00 GMT",
        "Thu, 27 Aug 2020 18:20:00 -0000",  # RFC 5322's "unknown zone": read as UTC
        "Thu, 27 Aug 2020 20:20:00 +0200",
    ],
)
def test_http_dates_are_read_as_aware_utc_instants(header: str) -> None:
    assert datetime(2020, 8, 27, 18, 20, tzinfo=UTC) == http_date(header)

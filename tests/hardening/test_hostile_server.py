"""A hostile or broken server, on loopback, for the API and for the token endpoint: every way of
going wrong ends in a typed ``OktaError`` that holds no secret anywhere it can reach, after a
bounded amount of reading (the response cap) and a bounded number of requests."""

from __future__ import annotations

import asyncio
import gzip
import json
import tracemalloc
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit import (
    ApiError,
    ApiToken,
    BadRequestError,
    MalformedResponseError,
    OktaClient,
    OktaError,
    PrivateKeyJWT,
    RateLimitError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    TransportError,
)
from tests.auth._support import ec_key, key_material, pem
from tests.client._support import USER_ID, user_json
from tests.conftest import TOKEN
from tests.hardening.hostile import (
    Answer,
    HostileServer,
    MiB,
    compressed,
    gzip_bomb,
    http,
    json_answer,
    raw,
    streamed,
    trickle,
)
from tests.hardening.strategies import dumps, few, hostile_text, json_values, leaked, nested, numbers

CAP = 1 * MiB
USER_PATH = f"/api/v1/users/{USER_ID}"
USERS_PATH = "/api/v1/users"
TOKEN_PATH = "/oauth2/v1/token"
ISSUED = "eyJissued.access-token.SECRET0123456789"  # what a (hostile) token endpoint hands out


@pytest.fixture
async def server() -> AsyncIterator[HostileServer]:
    async with HostileServer().running() as running:
        yield running


def api_client(server: HostileServer, timeout: float = 5.0) -> OktaClient:
    return OktaClient(server.url, auth=ApiToken(TOKEN), timeout=timeout, max_response_bytes=CAP)


def assert_clean(error: BaseException, server: HostileServer, *more: str) -> None:
    """No credential we sent, and none the server issued, is reachable from the error."""
    sent = [TOKEN, ISSUED, *more, *key_material(ec_key("P-256"))]
    for request in server.received:
        sent += [request.headers.get("Authorization", "").partition(" ")[2], request.headers.get("DPoP", "")]
        sent += [v for k, v in _form(request.body).items() if k == "client_assertion"]
    assert [] == leaked(error, sent)


def _form(body: bytes) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(body.decode("latin-1")))


# -- the API -------------------------------------------------------------------------------------------

API_FAILURES: dict[str, tuple[Answer, type[OktaError]]] = {
    "not-json": (http(200, b"<html>hi</html>", [("Content-Type", "text/html")]), MalformedResponseError),
    "absurdly-nested-json": (json_answer(nested(200_000)), MalformedResponseError),
    "wrong-shape": (json_answer(b'{"id": 7, "profile": []}'), MalformedResponseError),
    "truncated-body": (raw(b"HTTP/1.1 200 X\r\nContent-Length: 1000\r\n\r\n{", close=True), TransportError),
    "no-answer": (raw(b"", close=True), TransportError),
    "not-http": (raw(b"SSH-2.0-OpenSSH\r\n\r\n", close=True), TransportError),
    "huge-header": (http(200, b"{}", [("X-Junk", "a" * 100_000)]), TransportError),
    "many-headers": (http(200, b"{}", [(f"X-{i}", "a") for i in range(20_000)]), TransportError),
    "bad-gzip": (compressed(b"this is not gzip"), TransportError),
    "bad-status-line": (raw(b"HTTP/1.1 abc\r\n\r\n", close=True), TransportError),
    "redirect-elsewhere": (http(302, b"", [("Location", "https://evil.example/steal")]), ApiError),
    "server-error-html": (
        http(502, b"<html>bad gateway</html>", [("Content-Type", "text/html")]),
        ServerError,
    ),
    "nested-error-body": (json_answer(nested(200_000), 400), BadRequestError),
    "absurd-rate-limit-reset": (
        json_answer(b"{}", 429, [("X-Rate-Limit-Reset", "9" * 400), ("Date", "garbage")]),
        RateLimitError,
    ),
    "superscript-retry-after": (json_answer(b"{}", 503, [("Retry-After", "²")]), ServerError),
}


ABSURD_HINTS = {
    "400-digit-limit": [("X-Rate-Limit-Limit", "9" * 400), ("X-Rate-Limit-Remaining", "1")],
    "400-digit-reset": [
        ("X-Rate-Limit-Limit", "600"),
        ("X-Rate-Limit-Remaining", "0"),
        ("X-Rate-Limit-Reset", "9" * 400),
    ],
    "negative-reset": [
        ("X-Rate-Limit-Limit", "600"),
        ("X-Rate-Limit-Remaining", "0"),
        ("X-Rate-Limit-Reset", "-5"),
    ],
    "nan-remaining": [
        ("X-Rate-Limit-Limit", "600"),
        ("X-Rate-Limit-Remaining", "NaN"),
        ("X-Rate-Limit-Reset", "1"),
    ],
    "far-future-date": [("Date", "Fri, 31 Dec 9999 23:59:59 GMT")],
    "date-beyond-datetime": [("Date", "Fri, 31 Dec 99999 23:59:59 GMT")],
}


@pytest.mark.parametrize("case", sorted(ABSURD_HINTS))
async def test_answers_with_absurd_hints_are_read_and_the_calls_queued_behind_them_go_on(
    case: str, server: HostileServer
) -> None:
    server.answers[USER_PATH] = json_answer(json.dumps(user_json()).encode(), 200, ABSURD_HINTS[case])

    async with api_client(server) as okta:
        users = await asyncio.gather(*(okta.get_user(USER_ID) for _ in range(5)))

    assert [USER_ID] * 5 == [user.id for user in users]
    assert 5 == len(server.received)


@pytest.mark.parametrize("case", sorted(API_FAILURES))
async def test_a_broken_api_answer_is_a_typed_error_without_secrets(case: str, server: HostileServer) -> None:
    answer, expected = API_FAILURES[case]
    server.answers[USER_PATH] = answer

    async with api_client(server) as okta:
        with pytest.raises(OktaError) as caught:
            await okta.get_user(USER_ID)

    assert expected is type(caught.value)
    assert_clean(caught.value, server)
    # Never more than a handful of attempts, whatever the answer.
    assert len(server.received) <= 5


LINKS = {
    "another-origin": "https://evil.example/api/v1/users?after=x",
    "port-out-of-range": "http://127.0.0.1:99999/api/v1/users?after=x",
    "not-ascii": "/api/v1/users?after=\xe9",
    "scheme-relative": "//evil.example/api/v1/users",
    "with-credentials": "{url}@evil.example/api/v1/users",
}


@pytest.mark.parametrize("case", sorted(LINKS))
async def test_a_next_link_that_cannot_be_followed_safely_is_a_malformed_response(
    case: str, server: HostileServer
) -> None:
    link = LINKS[case].format(url=server.url)
    server.answers[USERS_PATH] = json_answer(b"[]", headers=[("Link", f'<{link}>; rel="next"')])

    async with api_client(server) as okta:
        with pytest.raises(MalformedResponseError) as caught:
            [u async for u in okta.list_users()]

    assert_clean(caught.value, server)
    assert 1 == len(server.received)  # the link was not followed


async def test_a_body_that_never_ends_times_out(server: HostileServer) -> None:
    server.answers[USER_PATH] = trickle()

    async with api_client(server, timeout=0.3) as okta:
        with pytest.raises(RequestTimeoutError) as caught:
            await okta.get_user(USER_ID)

    assert_clean(caught.value, server)


HUGE = {
    "declared-length": streamed(16 * MiB),
    "chunked": streamed(16 * MiB, declared=False),
    "gzip-bomb": compressed(gzip_bomb(64 * MiB)),
    "huge-error-body": streamed(16 * MiB, status=500, declared=False),
}


@pytest.mark.parametrize("case", sorted(HUGE))
async def test_a_huge_answer_stops_at_the_cap_with_bounded_memory(case: str, server: HostileServer) -> None:
    server.answers[USER_PATH] = HUGE[case]

    async with api_client(server) as okta:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError) as caught:
                await okta.get_user(USER_ID)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    assert CAP == caught.value.limit
    # The answer is 16 to 64 times the cap; what was held at once stays within a few caps.
    assert peak < 6 * CAP
    assert 1 == len(server.received)  # an oversized answer is never asked for again
    assert_clean(caught.value, server)


async def test_the_default_cap_is_generous_and_a_smaller_one_is_honoured(server: HostileServer) -> None:
    body = json.dumps(user_json(nickName="x" * 200_000)).encode()
    server.answers[USER_PATH] = json_answer(body)

    async with OktaClient(server.url, auth=ApiToken(TOKEN)) as okta:
        assert USER_ID == (await okta.get_user(USER_ID)).id
    async with OktaClient(server.url, auth=ApiToken(TOKEN), max_response_bytes=len(body) - 1) as okta:
        with pytest.raises(ResponseTooLargeError):
            await okta.get_user(USER_ID)


@pytest.mark.parametrize(
    "framing",
    ["content-length", "until-close", "gzip"],
    ids=["declared-length", "read-until-close", "gzip-decompressed"],
)
@pytest.mark.parametrize(
    ("cap_over_body", "fits"), [(0, True), (-1, False)], ids=["exactly-the-cap", "one-byte-more"]
)
async def test_a_body_of_exactly_the_cap_is_read_and_one_byte_more_is_refused(
    framing: str, cap_over_body: int, fits: bool, server: HostileServer
) -> None:
    # Whitespace pads the JSON to several of the transport's 64 KiB reads, which must join up.
    body = json.dumps(user_json()).encode() + b" " * 200_000
    if framing == "gzip":
        server.answers[USER_PATH] = compressed(gzip.compress(body))
    else:
        headers = [("Content-Type", "application/json")]
        server.answers[USER_PATH] = http(200, body, headers, length=framing == "content-length")

    cap = len(body) + cap_over_body  # counted after decompression
    async with OktaClient(server.url, auth=ApiToken(TOKEN), max_response_bytes=cap) as okta:
        if fits:
            assert USER_ID == (await okta.get_user(USER_ID)).id
        else:
            with pytest.raises(ResponseTooLargeError) as caught:
                await okta.get_user(USER_ID)
            refused = caught.value
            assert (cap, 200, "GET", f"{server.url}{USER_PATH}") == (
                refused.limit,
                refused.status,
                refused.method,
                refused.url,
            )


async def test_an_answer_declaring_more_than_the_cap_is_refused_before_its_body_is_read(
    server: HostileServer,
) -> None:
    # It declares 2 MiB and sends one byte: read, it would end as a truncated body instead.
    head = b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{"
    server.answers[USER_PATH] = raw(head, close=True)

    async with api_client(server) as okta:
        with pytest.raises(ResponseTooLargeError) as caught:
            await okta.get_user(USER_ID)

    refused = caught.value
    assert (CAP, 200, "GET", f"{server.url}{USER_PATH}") == (
        refused.limit,
        refused.status,
        refused.method,
        refused.url,
    )


async def test_a_compressed_answer_is_capped_by_its_content_not_its_declared_length(
    server: HostileServer,
) -> None:
    # Stored without compression, gzip's framing makes the declared length exceed the content.
    body = json.dumps(user_json()).encode() + b" " * 100_000
    framed = gzip.compress(body, compresslevel=0)
    assert len(framed) > len(body)
    server.answers[USER_PATH] = compressed(framed)

    async with OktaClient(server.url, auth=ApiToken(TOKEN), max_response_bytes=len(body)) as okta:
        assert USER_ID == (await okta.get_user(USER_ID)).id


# -- the token endpoint ----------------------------------------------------------------------------------


def service_app_client(server: HostileServer, *, dpop: bool = False) -> OktaClient:
    auth = PrivateKeyJWT("0oa1service", pem(ec_key("P-256")), ["okta.users.read"], dpop=dpop)
    return OktaClient(server.url, auth=auth, timeout=5.0, max_response_bytes=CAP)


def token(**fields: Any) -> Answer:
    body = {"access_token": ISSUED, "token_type": "Bearer", "expires_in": 3600, "scope": "okta.users.read"}
    return json_answer(json.dumps({**body, **fields}).encode())


TOKEN_FAILURES: dict[str, tuple[Answer, type[OktaError]]] = {
    "token-with-crlf": (token(access_token=ISSUED + "\r\nX-Evil: 1"), MalformedResponseError),
    "token-with-space": (token(access_token=ISSUED + " x"), MalformedResponseError),
    "token-not-ascii": (token(access_token=ISSUED + "\u00e9"), MalformedResponseError),
    "token-not-a-string": (token(access_token={"v": ISSUED}), MalformedResponseError),
    "absurdly-nested-json": (json_answer(nested(200_000)), MalformedResponseError),
    "nested-error-body": (json_answer(nested(200_000), 400), BadRequestError),
    "not-json": (http(200, b"<html>", [("Content-Type", "text/html")]), MalformedResponseError),
    "huge-token-response": (streamed(16 * MiB), ResponseTooLargeError),
    "gzip-bomb": (compressed(gzip_bomb(64 * MiB)), ResponseTooLargeError),
    "reset": (raw(b"", close=True), TransportError),
    "not-http": (raw(b"\x00\x01\x02\r\n\r\n", close=True), TransportError),
    "token-type-object": (token(token_type={"a": 1}), OktaError),
}


@pytest.mark.parametrize("dpop", [False, True], ids=["bearer", "dpop"])
@pytest.mark.parametrize("case", sorted(TOKEN_FAILURES))
async def test_a_broken_token_answer_is_a_typed_error_without_secrets(
    case: str, dpop: bool, server: HostileServer
) -> None:
    answer, expected = TOKEN_FAILURES[case]
    server.answers[TOKEN_PATH] = answer
    server.answers[USER_PATH] = json_answer(json.dumps(user_json()).encode())

    async with service_app_client(server, dpop=dpop) as okta:
        with pytest.raises(OktaError) as caught:
            await okta.get_user(USER_ID)

    assert isinstance(caught.value, expected)
    assert [] == server.requests_to(USER_PATH)  # no API request with a token we refused
    assert len(server.requests_to(TOKEN_PATH)) <= 3
    assert_clean(caught.value, server)


token_fields = st.fixed_dictionaries(
    {},
    optional={
        "access_token": st.one_of(hostile_text, st.just(ISSUED), json_values(3)),
        "token_type": st.one_of(st.just("Bearer"), hostile_text, json_values(3)),
        "expires_in": st.one_of(numbers, hostile_text, json_values(3)),
        "scope": st.one_of(st.just("okta.users.read"), hostile_text, json_values(3)),
    },
)


@few
@given(body=st.one_of(token_fields.map(dumps), json_values().map(dumps), st.binary(max_size=64)))
async def test_any_token_response_is_a_usable_token_or_a_typed_error(
    body: bytes, server: HostileServer
) -> None:
    server.received.clear()
    server.answers[TOKEN_PATH] = json_answer(body)
    server.answers[USER_PATH] = json_answer(json.dumps(user_json()).encode())

    async with service_app_client(server) as okta:
        try:
            await okta.get_user(USER_ID)
        except OktaError as error:
            caught: OktaError | None = error
        else:
            caught = None
    if caught is not None:
        assert [] == server.requests_to(USER_PATH)
        assert_clean(caught, server)
    else:  # accepted: the token went out as a valid header value
        [request] = server.requests_to(USER_PATH)
        request.headers["Authorization"].encode("ascii")
    assert 1 == len(server.requests_to(TOKEN_PATH))


BAD_LIFETIMES = {"zero": 0, "negative": -60, "text": "3600", "null": None, "boolean": True, "list": [3600]}


@pytest.mark.parametrize("case", sorted(BAD_LIFETIMES))
async def test_a_token_whose_lifetime_is_not_a_positive_number_is_refused_with_one_request_for_all(
    case: str, server: HostileServer
) -> None:
    server.answers[TOKEN_PATH] = token(expires_in=BAD_LIFETIMES[case])

    async with service_app_client(server) as okta:
        outcomes = await asyncio.gather(*(okta.get_user(USER_ID) for _ in range(200)), return_exceptions=True)

    assert {MalformedResponseError} == {type(o) for o in outcomes}
    assert 1 == len(server.requests_to(TOKEN_PATH))
    assert_clean(outcomes[0], server)  # type: ignore[arg-type]


@pytest.mark.parametrize("lifetime", [1e-9, 1, float("inf")], ids=["a-nanosecond", "one-second", "infinite"])
async def test_two_hundred_concurrent_callers_share_one_token_request_whatever_its_lifetime(
    lifetime: float, server: HostileServer
) -> None:
    body = {
        "access_token": ISSUED,
        "token_type": "Bearer",
        "expires_in": lifetime,
        "scope": "okta.users.read",
    }
    server.answers[TOKEN_PATH] = json_answer(json.dumps(body).encode())  # Infinity for float("inf")
    server.answers[USER_PATH] = json_answer(json.dumps(user_json()).encode())

    async with service_app_client(server) as okta:
        users = await asyncio.gather(*(okta.get_user(USER_ID) for _ in range(200)))

    assert {USER_ID} == {u.id for u in users}
    assert 1 == len(server.requests_to(TOKEN_PATH))

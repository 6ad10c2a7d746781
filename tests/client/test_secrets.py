"""The API token and passwords never show up in logs, reprs, exceptions or tracebacks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from oktakit import ApiToken, HttpRequest, OktaClient, OktaError
from oktakit._http.transport import Response
from oktakit.testing import MockResponse, MockTransport
from oktakit_api import operations as registry
from tests._fake_okta import FakeOkta
from tests._secrets import capture_debug_logs, renderings
from tests.client._support import OKTA_ERROR, USER_ID, user_json
from tests.conftest import ORG, TOKEN

PASSWORD = "Pa55-w0rd-Very-SECRET-4217"
USER_URL = f"{ORG}/api/v1/users/{USER_ID}"
SECRETS = (TOKEN, PASSWORD)


def log_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    texts = [caplog.text]
    for record in caplog.records:
        texts += [record.getMessage(), str(record.msg), repr(record.args), record.exc_text or ""]
    return texts


def assert_no_secret(texts: list[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    return capture_debug_logs(caplog)


Failure = Callable[[OktaClient, FakeOkta], Awaitable[Any]]


async def fails_401(okta: OktaClient, m: FakeOkta) -> Any:
    m.get(
        USER_URL, status=401, payload={**OKTA_ERROR, "errorCode": "E0000011", "errorSummary": "Invalid token"}
    )
    return await okta.get_user(USER_ID)


async def fails_500_on_password_change(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, status=500, payload={**OKTA_ERROR, "errorCode": "E0000009"})
    return await okta.update_user(USER_ID, password=PASSWORD)


async def fails_400_password_policy(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(
        USER_URL,
        status=403,
        payload={
            "errorCode": "E0000080",
            "errorSummary": "The password does not meet the complexity requirements",
            "errorCauses": [{"errorSummary": "password: Password requirements were not met"}],
        },
    )
    return await okta.update_user(USER_ID, password=PASSWORD, strict=True)


async def fails_html_502(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, status=502, body="<html><h1>502 Bad Gateway</h1></html>", content_type="text/html")
    return await okta.update_user(USER_ID, profile={"nickName": "Sam"}, password=PASSWORD)


async def fails_timeout(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, exception=TimeoutError())  # asyncio.TimeoutError is this very class
    return await okta.update_user(USER_ID, password=PASSWORD)


async def fails_connection(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, exception=aiohttp.ClientConnectionError("Connection reset by peer"))
    return await okta.update_user(USER_ID, credentials={"password": {"value": PASSWORD}})


async def fails_disconnect(okta: OktaClient, m: FakeOkta) -> Any:
    m.get(f"{ORG}/api/v1/users", exception=aiohttp.ServerDisconnectedError())
    return [u async for u in okta.list_users()]


async def fails_malformed(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, body='{"id": "00u1abc", "profile": ', status=200)
    return await okta.update_user(USER_ID, password=PASSWORD)


async def fails_wrong_shape(okta: OktaClient, m: FakeOkta) -> Any:
    m.post(USER_URL, payload={**user_json(), "created": "not-a-date"})
    return await okta.update_user(USER_ID, password=PASSWORD)


async def fails_429(okta: OktaClient, m: FakeOkta) -> Any:
    m.get(USER_URL, status=429, payload=OKTA_ERROR, headers={"X-Rate-Limit-Reset": "1598552424"})
    return await okta.get_user(USER_ID)


async def fails_foreign_link(okta: OktaClient, m: FakeOkta) -> Any:
    m.get(
        f"{ORG}/api/v1/users",
        payload=[user_json()],
        headers={"Link": '<https://evil.example/api/v1/users?after=x>; rel="next"'},
    )
    return [u async for u in okta.list_users()]


async def fails_unmatched(okta: OktaClient, m: FakeOkta) -> Any:
    return await okta.unlock_user(USER_ID)


async def fails_in_a_transport_that_quotes_the_request(okta: OktaClient, m: FakeOkta) -> Any:
    # A transport of the user's whose exception holds the request's headers and body.
    m.post(USER_URL, exception=RuntimeError(f"could not send Authorization: SSWS {TOKEN} {PASSWORD}"))
    return await okta.update_user(USER_ID, password=PASSWORD)


FAILURES: list[Failure] = [
    fails_401,
    fails_500_on_password_change,
    fails_400_password_policy,
    fails_html_502,
    fails_timeout,
    fails_connection,
    fails_disconnect,
    fails_malformed,
    fails_wrong_shape,
    fails_429,
    fails_foreign_link,
    fails_unmatched,
    fails_in_a_transport_that_quotes_the_request,
]


@pytest.mark.parametrize("failure", FAILURES, ids=lambda f: f.__name__)
async def test_no_secret_in_exceptions_their_chain_tracebacks_or_debug_logs(
    failure: Failure, okta: OktaClient, mocked: FakeOkta, debug_logs: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(OktaError) as caught:
        await failure(okta, mocked)

    assert_no_secret(renderings(caught.value))
    assert_no_secret(log_texts(debug_logs))


async def test_successful_calls_log_at_debug_without_secrets(
    okta: OktaClient, mocked: FakeOkta, debug_logs: pytest.LogCaptureFixture
) -> None:
    mocked.get(USER_URL, payload=user_json(), headers={"X-Okta-Request-Id": "req-123"})
    mocked.post(USER_URL, payload=user_json())
    mocked.get(
        f"{ORG}/api/v1/users?limit=1",
        payload=[user_json()],
        headers={"Link": f'<{ORG}/api/v1/users?after=1>; rel="next"'},
    )
    mocked.get(f"{ORG}/api/v1/users?after=1", payload=[user_json("00u2")])
    mocked.post(f"{USER_URL}/lifecycle/suspend", body="")

    user = await okta.get_user(USER_ID)
    updated = await okta.update_user(USER_ID, profile={"nickName": "Sam"}, password=PASSWORD)
    users = [u async for u in okta.list_users(limit=1)]
    await okta.suspend_user(USER_ID)

    messages = [r.getMessage() for r in debug_logs.records if r.name == "oktakit"]
    assert 5 == len(messages)
    assert messages[0].startswith(f"GET {USER_URL} -> 200 in ")
    assert messages[0].endswith("(request id req-123)")
    assert_no_secret(log_texts(debug_logs))
    assert_no_secret([repr(okta), repr(user), repr(updated), repr(users), str(user.to_dict())])


async def test_reprs_of_client_credential_pipeline_requests_and_responses_hide_the_token() -> None:
    auth = ApiToken(TOKEN)
    async with OktaClient(ORG, auth=auth, transport=MockTransport(lambda r: MockResponse(200))) as okta:
        pipeline = okta._get_pipeline()
        response = Response(
            status_code=200,
            content=b"{}",
            headers=CIMultiDictProxy(CIMultiDict()),
            method="GET",
            url=USER_URL,
            operation=registry.GET_USER,
        )
        request = HttpRequest(
            "GET",
            URL(f"{USER_URL}?search=profile.email+eq+%22{PASSWORD}%22"),
            {"Authorization": f"SSWS {TOKEN}"},
            timeout=1,
            max_response_bytes=1,
        )
        built = registry.UPDATE_USER.build_request(
            USER_ID, body={"credentials": {"password": {"value": PASSWORD}}}
        )
        texts = [
            repr(auth),
            str(auth),
            repr(pipeline),
            repr(response),
            repr(okta),
            repr(request),
            repr(built),
        ]

    assert "<Pipeline https://acme.okta.com>" == repr(pipeline)
    assert f"<Response 200 GET {USER_URL}>" == repr(response)
    assert f"<HttpRequest GET {USER_URL}>" == repr(request)
    assert "<ApiRequest updateUser POST /api/v1/users/{id}>" == repr(built)
    assert_no_secret(texts)


async def test_configuration_errors_do_not_echo_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []
    for token in (f"{TOKEN} {PASSWORD}", f"{TOKEN}\x00", f"SSWS {TOKEN}\r\nX-Evil: 1"):
        with pytest.raises(OktaError) as caught:
            ApiToken(token)
        texts += renderings(caught.value)
    monkeypatch.setenv("OKTA_ORG_URL", "http://acme.okta.com")
    monkeypatch.setenv("OKTA_API_TOKEN", TOKEN)
    with pytest.raises(OktaError) as caught:
        OktaClient.from_env()
    texts += renderings(caught.value)

    assert_no_secret(texts)

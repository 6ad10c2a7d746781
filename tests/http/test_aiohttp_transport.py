"""The default transport on a real aiohttp session (aioresponses answering): which session it
uses, when it is closed, what aiohttp is asked for (timeout, no redirects), and how aiohttp's
failures become typed errors."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey
from aiohttp.http_exceptions import BadStatusLine
from aioresponses import aioresponses
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from oktakit import (
    AiohttpTransport,
    ApiToken,
    ConfigurationError,
    OktaClient,
    OktaError,
    RequestTimeoutError,
    TransportError,
)
from tests.client._support import USER_ID, user_json
from tests.conftest import ORG, TOKEN

USER_URL = f"{ORG}/api/v1/users/{USER_ID}"
#: An answer aiohttp could not take (its parser's words, as it raises them).
BAD_ANSWER = aiohttp.ClientResponseError(
    aiohttp.RequestInfo(URL(USER_URL), "POST", CIMultiDictProxy(CIMultiDict()), URL(USER_URL)),
    (),
    status=400,
    message="Invalid header value char",
)
DNS_KEY = ConnectionKey("acme.okta.com", 443, True, True, None, None, None, None)


def session_of(okta: OktaClient) -> aiohttp.ClientSession:
    """The session under an open client's default transport."""
    transport = okta._get_pipeline()._transport
    assert isinstance(transport, AiohttpTransport)
    return transport.session


def aiohttp_calls(mocked: aioresponses) -> list[dict[str, Any]]:
    """The keyword arguments of every ``ClientSession.request`` aioresponses answered."""
    return [call.kwargs for calls in mocked.requests.values() for call in calls]


async def test_from_env_passes_session_and_timeout_through(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    monkeypatch.setenv("OKTA_ORG_URL", ORG)
    monkeypatch.setenv("OKTA_API_TOKEN", TOKEN)
    mocked.get(USER_URL, payload=user_json())

    async with aiohttp.ClientSession() as session:
        async with OktaClient.from_env(session=session, timeout=3) as okta:
            await okta.get_user(USER_ID)
            assert session is session_of(okta)

        [call] = aiohttp_calls(mocked)
        assert aiohttp.ClientTimeout(total=3.0) == call["timeout"]
        assert call["allow_redirects"] is False
        assert not session.closed


async def test_a_session_passed_in_is_used_and_not_closed_on_exit(mocked: aioresponses) -> None:
    mocked.get(USER_URL, payload=user_json(), repeat=True)

    async with aiohttp.ClientSession() as session:
        async with OktaClient(ORG, auth=ApiToken(TOKEN), session=session) as okta:
            await okta.get_user(USER_ID)
            assert session is session_of(okta)
        await okta.close()

        assert not session.closed


async def test_a_borrowed_session_closed_by_its_owner_is_a_configuration_error(mocked: aioresponses) -> None:
    session = aiohttp.ClientSession()
    okta = OktaClient(ORG, auth=ApiToken(TOKEN), session=session)
    await session.close()

    with pytest.raises(ConfigurationError, match="has been closed"):
        await okta.get_user(USER_ID)
    assert {} == mocked.requests


def test_a_session_and_a_transport_together_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        OktaClient(ORG, auth=ApiToken(TOKEN), session=object(), transport=object())  # type: ignore[arg-type]


async def test_a_session_the_client_created_is_closed_on_exit(mocked: aioresponses) -> None:
    mocked.get(USER_URL, payload=user_json())

    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as okta:
        await okta.get_user(USER_ID)
        session = session_of(okta)
        assert not session.closed

    assert session.closed


async def test_a_client_used_without_async_with_opens_a_session_lazily_and_close_closes_it(
    mocked: aioresponses,
) -> None:
    mocked.get(USER_URL, payload=user_json())
    okta = OktaClient(ORG, auth=ApiToken(TOKEN))

    user = await okta.get_user(USER_ID)
    session = session_of(okta)
    await okta.close()
    await okta.close()

    assert USER_ID == user.id
    assert session.closed


async def test_a_closed_client_opens_a_fresh_session_when_used_again(mocked: aioresponses) -> None:
    mocked.get(USER_URL, payload=user_json(), repeat=True)

    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as okta:
        await okta.get_user(USER_ID)
        first = session_of(okta)
    async with okta:
        await okta.get_user(USER_ID)
        second = session_of(okta)

    assert first is not second
    assert (True, True) == (first.closed, second.closed)


async def test_two_clients_for_two_orgs_share_nothing(mocked: aioresponses) -> None:
    mocked.get(f"https://one.okta.com/api/v1/users/{USER_ID}", payload=user_json("00u1one"))
    mocked.get(f"https://two.okta.com/api/v1/users/{USER_ID}", payload=user_json("00u2two"))

    async with (
        OktaClient("https://one.okta.com", auth=ApiToken("token-one")) as one,
        OktaClient("https://two.okta.com", auth=ApiToken("token-two")) as two,
    ):
        first, second = await asyncio.gather(one.get_user(USER_ID), two.get_user(USER_ID))
        assert session_of(one) is not session_of(two)

    assert ("00u1one", "00u2two") == (first.id, second.id)
    sent = {url.host: calls[0].kwargs["headers"] for (_, url), calls in mocked.requests.items()}
    assert "SSWS token-one" == sent["one.okta.com"]["Authorization"]
    assert "SSWS token-two" == sent["two.okta.com"]["Authorization"]


async def test_every_request_carries_the_client_timeout_and_follows_no_redirect(mocked: aioresponses) -> None:
    mocked.get(USER_URL, payload=user_json())
    mocked.post(f"{USER_URL}/lifecycle/suspend", payload={})

    async with OktaClient(ORG, auth=ApiToken(TOKEN), timeout=7.5) as okta:
        await okta.get_user(USER_ID)
        await okta.suspend_user(USER_ID)

    assert [aiohttp.ClientTimeout(total=7.5)] * 2 == [call["timeout"] for call in aiohttp_calls(mocked)]
    assert [False, False] == [call["allow_redirects"] for call in aiohttp_calls(mocked)]


async def test_the_aiohttp_session_gets_the_request_exactly_as_the_transport_was_given_it(
    mocked: aioresponses,
) -> None:
    mocked.post(f"{USER_URL}?strict=true", payload=user_json())
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as okta:
        await okta.update_user(USER_ID, profile={"nickName": "Sam"}, strict=True)

    [((method, url), [call])] = list(mocked.requests.items())
    assert ("POST", URL(f"{USER_URL}?strict=true")) == (method, url)
    assert b'{"profile":{"nickName":"Sam"}}' == call.kwargs["data"]
    assert f"SSWS {TOKEN}" == call.kwargs["headers"]["Authorization"]
    assert "application/json" == call.kwargs["headers"]["Content-Type"]


# -- aiohttp's failures, as typed errors ------------------------------------------------------


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (aiohttp.ClientConnectionError("Connection reset by peer"), TransportError),
        (aiohttp.ServerDisconnectedError(), TransportError),
        (aiohttp.ClientConnectorDNSError(DNS_KEY, OSError(-2, "Name or service not known")), TransportError),
        (
            aiohttp.ClientConnectorError(DNS_KEY, ConnectionRefusedError(111, "Connection refused")),
            TransportError,
        ),
        (aiohttp.ClientPayloadError("Response payload is not completed"), TransportError),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), TransportError),
        (TimeoutError(), RequestTimeoutError),  # asyncio.TimeoutError is this very class
        (aiohttp.ServerTimeoutError("Timeout on reading data from socket"), RequestTimeoutError),
        (aiohttp.ConnectionTimeoutError("Connection timeout to host"), RequestTimeoutError),
        (BAD_ANSWER, TransportError),
        (BadStatusLine("SSH-2.0-OpenSSH"), TransportError),
    ],
    ids=[
        "connection-error",
        "server-disconnected",
        "dns",
        "connection-refused",
        "payload",
        "os-error",
        "timeout",
        "server-timeout",
        "connect-timeout",
        "bad-answer",
        "not-http",
    ],
)
async def test_a_transport_failure_becomes_a_transport_error(
    exception: Exception, expected: type[TransportError], okta: OktaClient, mocked: aioresponses
) -> None:
    mocked.post(f"{USER_URL}/lifecycle/suspend", exception=exception)

    with pytest.raises(TransportError) as caught:
        await okta.suspend_user(USER_ID)

    error = caught.value
    assert expected is type(error)
    assert isinstance(error, OktaError)
    assert ("POST", f"{USER_URL}/lifecycle/suspend") == (error.method, error.url)
    # aiohttp's exceptions can hold the request's headers: they are named, never chained.
    assert (None, None) == (error.__cause__, error.__context__)
    assert type(exception).__name__ in str(error)
    assert f"[POST {USER_URL}/lifecycle/suspend]" in str(error)


@pytest.mark.parametrize(
    ("exception", "words"),
    [
        (BAD_ANSWER, "ClientResponseError: 400 Invalid header value char"),
        (BadStatusLine("SSH-2.0-OpenSSH"), "BadStatusLine: the answer is not valid HTTP"),
        (
            aiohttp.ClientOSError(104, "Connection reset by peer"),
            "ClientOSError: [Errno 104] Connection reset by peer",
        ),
    ],
    ids=["bad-answer", "not-http", "os-error"],
)
async def test_a_transport_error_says_what_failed_in_aiohttps_words(
    exception: Exception, words: str, okta: OktaClient, mocked: aioresponses
) -> None:
    mocked.post(f"{USER_URL}/lifecycle/suspend", exception=exception)

    with pytest.raises(TransportError) as caught:
        await okta.suspend_user(USER_ID)

    assert str(caught.value).startswith(f"request failed: {words}")


@pytest.mark.parametrize(("session", "kind"), [("http://acme", "str"), (object(), "object")])
def test_a_session_that_is_not_an_aiohttp_session_is_refused_naming_its_type(
    session: object, kind: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        OktaClient(ORG, auth=ApiToken(TOKEN), session=session)  # type: ignore[arg-type]
    assert f"session must be an aiohttp.ClientSession, not {kind}" == str(caught.value)

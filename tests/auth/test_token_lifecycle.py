"""The access token: fetched once, shared, refreshed before it expires and after Okta rejects it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

from oktakit import AuthenticationError, OAuthError, OktaClient
from tests.auth._support import (
    BEARER_CHALLENGE,
    INVALID_TOKEN,
    TOKEN_URL,
    Answer,
    Api,
    ApiRequest,
    Clock,
    TokenEndpoint,
    oauth_error,
)
from tests.auth.conftest import service_app
from tests.client._support import USER_ID, user_json
from tests.conftest import ORG


def rejected(*tokens: str) -> Callable[[ApiRequest], Answer]:
    """An API that answers 401 invalid_token to requests carrying one of ``tokens``."""

    def respond(request: ApiRequest) -> Answer:
        if request.token in tokens:
            return Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE))
        return Answer(payload=user_json())

    return respond


async def test_one_token_serves_many_calls(okta: OktaClient, token_endpoint: TokenEndpoint, api: Api) -> None:
    for _ in range(5):
        await okta.get_user(USER_ID)

    assert 1 == len(token_endpoint.requests)
    assert [token_endpoint.issued[0]] * 5 == [r.token for r in api.requests]


async def test_concurrent_cold_calls_share_one_token_request(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    users = await asyncio.gather(*(okta.get_user(f"00u{i}") for i in range(100)))

    assert 100 == len(users)
    assert 1 == len(token_endpoint.requests)
    assert {token_endpoint.issued[0]} == {r.token for r in api.requests}


async def test_concurrent_cold_calls_share_one_refusal_instead_of_asking_again_each(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(
        oauth_error(401, "invalid_client", "The client_assertion signature is invalid."),
        *[oauth_error(401, "invalid_client", "The client_assertion signature is invalid.")] * 19,
    )

    results = await asyncio.gather(*(okta.get_user(f"00u{i}") for i in range(20)), return_exceptions=True)

    assert [OAuthError] * 20 == [type(r) for r in results]
    assert 1 == len(token_endpoint.requests)
    assert [] == api.requests


async def test_a_later_call_asks_again_after_a_refusal(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(oauth_error(401, "invalid_client", "The client_assertion signature is invalid."))
    with pytest.raises(OAuthError):
        await okta.get_user(USER_ID)

    await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)
    assert [token_endpoint.issued[0]] == [r.token for r in api.requests]


async def test_the_token_is_refreshed_once_shortly_before_it_expires(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api, clock: Clock
) -> None:
    await okta.get_user(USER_ID)

    clock.elapsed = 3600 - 300 - 1  # five minutes of the hour left: still used
    await okta.get_user(USER_ID)
    assert 1 == len(token_endpoint.requests)

    clock.elapsed = 3600 - 300 + 1
    await okta.get_user(USER_ID)
    await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)
    assert [*token_endpoint.issued[:1] * 2, *token_endpoint.issued[1:] * 2] == [r.token for r in api.requests]


async def test_without_expires_in_a_token_is_assumed_to_live_one_hour(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    # Okta: "The lifetime for this token is fixed at one hour" (OKTA-FACTS section 2.1), so an
    # answer without expires_in is used like a 3600 s one: refreshed with five minutes left.
    token_endpoint.expires_in = None
    await okta.get_user(USER_ID)

    clock.elapsed = 3600 - 300 - 0.5
    await okta.get_user(USER_ID)
    assert 1 == len(token_endpoint.requests)

    clock.elapsed = 3600 - 300 + 0.5
    await okta.get_user(USER_ID)
    assert 2 == len(token_endpoint.requests)


async def test_a_short_lived_token_is_refreshed_with_a_tenth_of_its_lifetime_left(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api, clock: Clock
) -> None:
    token_endpoint.expires_in = 60
    await okta.get_user(USER_ID)

    clock.elapsed = 53.9  # a tenth of 60 s is 6 s: fresh until 54 s
    await okta.get_user(USER_ID)
    assert 1 == len(token_endpoint.requests)
    clock.elapsed = 54.1
    await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)
    assert token_endpoint.issued[1] == api.requests[-1].token


async def test_a_401_refreshes_the_token_once_and_resends_once(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    api.then(Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE)))

    user = await okta.get_user(USER_ID)

    assert USER_ID == user.id
    assert 2 == len(token_endpoint.requests)
    assert token_endpoint.issued == [r.token for r in api.requests]


async def test_a_burst_of_401s_costs_one_refresh(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    await okta.get_user(USER_ID)
    stale = token_endpoint.issued[0]
    api.respond = rejected(stale)
    api.hold_until = len(api.requests) + 20  # all 20 are sent with the stale token before any answer

    users = await asyncio.gather(*(okta.get_user(f"00u{i}") for i in range(20)))

    assert 20 == len(users)
    assert 2 == len(token_endpoint.requests)
    resent = api.requests[21:]
    assert [token_endpoint.issued[1]] * 20 == [r.token for r in resent]


async def test_late_401s_for_a_replaced_token_do_not_throw_away_its_replacement(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    await okta.get_user(USER_ID)
    stale = token_endpoint.issued[0]
    api.respond = rejected(stale)
    api.hold_until = len(api.requests) + 10
    answered_stale = 0

    async def after_the_refresh(request: ApiRequest) -> None:
        nonlocal answered_stale
        if request.token == stale:
            answered_stale += 1
            if answered_stale > 1:  # the first 401 gets the new token before the others arrive
                await token_endpoint.until_issued(2)

    api.before_answer = after_the_refresh

    await asyncio.gather(*(okta.get_user(f"00u{i}") for i in range(10)))

    assert 2 == len(token_endpoint.requests)
    assert [token_endpoint.issued[1]] * 10 == [r.token for r in api.requests[11:]]


async def test_a_401_that_persists_after_refreshing_is_an_authentication_error(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    api.respond = lambda request: Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE))

    with pytest.raises(AuthenticationError) as caught:
        await okta.get_user(USER_ID)

    assert "E0000011" == caught.value.error_code
    # One refresh per request: a brand-new token refused again is not refreshed again.
    assert 2 == len(api.requests)
    assert token_endpoint.issued == [r.token for r in api.requests]


async def test_a_refresh_that_okta_refuses_surfaces_as_the_oauth_error(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    await okta.get_user(USER_ID)
    api.then(Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE)))
    token_endpoint.then(oauth_error(400, "invalid_client", "Invalid value for 'client_id' parameter."))

    with pytest.raises(OAuthError, match="invalid_client"):
        await okta.get_user(USER_ID)

    assert 2 == len(api.requests)


async def test_other_errors_do_not_touch_the_token(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    api.then(Answer(403, {"errorCode": "E0000006", "errorSummary": "You do not have permission"}))

    with pytest.raises(Exception, match="E0000006"):
        await okta.get_user(USER_ID)
    await okta.get_user(USER_ID)

    assert 1 == len(token_endpoint.requests)
    assert 2 == len(api.requests)


async def test_a_token_response_without_a_token_type_is_taken_as_bearer(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.token_type = None
    await okta.get_user(USER_ID)
    assert api.requests[0].headers["Authorization"].startswith("Bearer ")


async def test_the_token_request_asks_for_json_uses_the_client_timeout_and_follows_no_redirect(
    token_endpoint: TokenEndpoint, api: Api, on_aiohttp: aioresponses
) -> None:
    # A redirect would carry the signed assertion to another URL: never follow one.
    async with OktaClient(ORG, auth=service_app(), timeout=12.5) as okta:
        await okta.get_user(USER_ID)

    sent = token_endpoint.requests[0]
    assert "application/json" == sent.headers["Accept"]
    assert 12.5 == sent.timeout
    [token_call] = on_aiohttp.requests[("POST", URL(TOKEN_URL))]
    assert False is token_call.kwargs["allow_redirects"]
    assert aiohttp.ClientTimeout(total=12.5) == token_call.kwargs["timeout"]

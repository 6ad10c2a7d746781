"""What the token endpoint's refusals and failures turn into, and which of them are retried."""

from __future__ import annotations

import aiohttp
import pytest
from aioresponses import aioresponses

from oktakit import (
    BadRequestError,
    ConfigurationError,
    MalformedResponseError,
    OAuthError,
    OktaClient,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)
from tests._fake_okta import FakeOkta
from tests.auth._support import CLIENT_ID, TOKEN_URL, Answer, Api, TokenEndpoint, oauth_error, unverified
from tests.auth.conftest import ClientFactory, service_app
from tests.client._support import USER_ID
from tests.conftest import ORG


async def refusal(okta: OktaClient) -> OAuthError:
    with pytest.raises(OAuthError) as caught:
        await okta.get_user(USER_ID)
    return caught.value


async def test_invalid_client_is_a_configuration_error_with_a_hint_and_is_never_retried(
    clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(oauth_error(401, "invalid_client", "The client_assertion signature is invalid."))

    error = await refusal(clients(key_id="kid-2024-a"))

    assert isinstance(error, ConfigurationError)
    assert (401, "invalid_client", "The client_assertion signature is invalid.") == (
        error.status,
        error.error,
        error.description,
    )
    assert "public keys" in error.hint
    assert "'kid-2024-a'" in error.hint
    assert CLIENT_ID in error.hint
    assert TOKEN_URL == error.url
    assert str(error).startswith(
        "the token request was refused (HTTP 401 invalid_client: The client_assertion signature is invalid.)"
    )
    assert str(error).endswith(f"[POST {TOKEN_URL}]")
    assert 1 == len(token_endpoint.requests)
    assert [] == api.requests


async def test_invalid_scope_names_the_scopes_asked_for(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(
        oauth_error(
            400,
            "invalid_scope",
            "The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the "
            "resource owner.",
        )
    )

    error = await refusal(okta)

    assert "invalid_scope" == error.error
    assert "okta.users.read okta.users.manage" in error.hint
    assert "Okta API Scopes" in error.hint
    assert 1 == len(token_endpoint.requests)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (oauth_error(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing."), "pass dpop=True"),
        (
            oauth_error(400, "invalid_request", "The resource request requires a DPoP proof."),
            "pass dpop=True",
        ),
        (
            oauth_error(
                400, "unauthorized_client", "The client is not authorized to use the provided grant type."
            ),
            "'Client Credentials' grant type",
        ),
        (oauth_error(403, "access_denied", "The resource owner denied the request."), "Okta Admin Console"),
    ],
    ids=["dpop proof missing", "dpop required", "grant type", "anything else"],
)
async def test_each_refusal_comes_with_a_hint_of_what_to_fix(
    answer: Answer, hint: str, okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(answer)

    error = await refusal(okta)

    assert hint in error.hint
    assert 1 == len(token_endpoint.requests)


async def test_an_already_used_assertion_is_signed_anew_and_sent_once_more(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(
        oauth_error(401, "invalid_client", "The client_assertion token has already been used.")
    )

    await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)
    first, second = (unverified(r.assertion)[1] for r in token_endpoint.requests)
    assert first["jti"] != second["jti"]
    assert token_endpoint.issued == [r.token for r in api.requests]


async def test_a_429_from_the_token_endpoint_is_a_rate_limit_error(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(
        Answer(
            429,
            {
                "errorCode": "E0000047",
                "errorSummary": "API call exceeded rate limit due to too many requests.",
            },
            headers={
                "Date": "Thu, 27 Aug 2020 18:20:00 GMT",
                "X-Rate-Limit-Limit": "600",
                "X-Rate-Limit-Remaining": "0",
                "X-Rate-Limit-Reset": "1598552424",
            },
        )
    )

    with pytest.raises(RateLimitError) as caught:
        await okta.get_user(USER_ID)

    assert ("E0000047", 600, 0, 24.0) == (
        caught.value.error_code,
        caught.value.limit,
        caught.value.remaining,
        caught.value.retry_after,
    )
    assert ("POST", TOKEN_URL) == (caught.value.method, caught.value.url)
    assert 1 == len(token_endpoint.requests)


@pytest.mark.parametrize(
    "answer",
    [
        Answer(500, {"errorCode": "E0000009", "errorSummary": "Internal Server Error"}),
        Answer(502, body="<html><h1>502 Bad Gateway</h1></html>", content_type="text/html"),
        Answer(503, {"error": "temporarily_unavailable", "error_description": "Try later."}),
        Answer(500, {"error": "server_error", "error_description": "Try later."}),
    ],
    ids=["500 json", "502 html", "503 oauth", "500 oauth"],
)
async def test_server_failures_of_the_token_endpoint_are_server_errors(
    answer: Answer, okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(answer)

    with pytest.raises(ServerError) as caught:
        await okta.get_user(USER_ID)

    assert (answer.status, "POST", TOKEN_URL) == (caught.value.status, caught.value.method, caught.value.url)
    assert 1 == len(token_endpoint.requests)


async def test_an_error_that_is_not_oauth_shaped_is_an_api_error(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(Answer(400, body="Bad Request", content_type="text/plain"))

    with pytest.raises(BadRequestError, match="unreadable error body"):
        await okta.get_user(USER_ID)


@pytest.mark.parametrize(
    "answer",
    [
        Answer(200, body="<html>Sign in</html>", content_type="text/html"),
        Answer(200, ["not", "a", "token"]),
        Answer(200, {"token_type": "Bearer", "expires_in": 3600}),
        Answer(200, {"token_type": "Bearer", "expires_in": 3600, "access_token": ""}),
        Answer(200, {"token_type": "Bearer", "expires_in": 3600, "access_token": 42}),
        Answer(200, {"token_type": "Bearer", "expires_in": "soon", "access_token": "eyJ.x"}),
    ],
    ids=[
        "html",
        "json list",
        "no access_token",
        "empty access_token",
        "numeric access_token",
        "bad expires_in",
    ],
)
async def test_a_200_that_is_not_a_token_is_a_malformed_response(
    answer: Answer, okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(answer)

    with pytest.raises(MalformedResponseError) as caught:
        await okta.get_user(USER_ID)

    assert (200, "POST", TOKEN_URL) == (caught.value.status, caught.value.method, caught.value.url)
    assert str(caught.value).startswith("the token response")  # "... is not a token", "...'s expires_in ..."
    assert [] == api.requests


async def test_a_dpop_token_when_bearer_was_expected_is_an_oauth_error(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.token_type = "DPoP"

    error = await refusal(okta)

    assert ("unexpected_token_type", "got a DPoP token, expected Bearer") == (error.error, error.description)
    assert (200, TOKEN_URL) == (error.status, error.url)
    assert "dpop=" in error.hint
    assert [] == api.requests


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (aiohttp.ClientConnectionError("Connection refused"), TransportError),
        (aiohttp.ServerDisconnectedError(), TransportError),
        (TimeoutError(), RequestTimeoutError),
    ],
    ids=["refused", "disconnected", "timeout"],
)
async def test_a_token_request_without_an_answer_is_a_transport_error(
    exception: Exception,
    expected: type[TransportError],
    mocked: FakeOkta,
    on_aiohttp: aioresponses,
    api: Api,
) -> None:
    mocked.post(TOKEN_URL, exception=exception)

    # On the real aiohttp exchange, which maps aiohttp's failures for the token request too.
    with pytest.raises(TransportError) as caught:
        async with OktaClient(ORG, auth=service_app()) as okta:
            await okta.get_user(USER_ID)

    assert expected is type(caught.value)
    # aiohttp's exception is named in the message but never chained (it holds the request).
    assert (None, None) == (caught.value.__cause__, caught.value.__context__)
    assert type(exception).__name__ in str(caught.value)
    assert ("POST", TOKEN_URL) == (caught.value.method, caught.value.url)
    said = "timed out" if expected is RequestTimeoutError else f"failed: {type(exception).__name__}"
    assert str(caught.value).startswith(f"request {said}")
    assert str(caught.value).endswith(f"[POST {TOKEN_URL}]")
    assert [] == api.requests


async def test_a_429_with_an_oauth_body_is_still_a_rate_limit_error(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(Answer(429, {"error": "too_many_requests", "error_description": "Slow down."}))

    with pytest.raises(RateLimitError):
        await okta.get_user(USER_ID)
    assert 1 == len(token_endpoint.requests)


async def test_a_refusal_that_merely_mentions_a_used_key_is_not_retried(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    # Okta's client_assertion_invalid_key_use says "being used", not "already used": no replay.
    description = (
        "The public key being used for client assertion has an invalid 'use' parameter. "
        "Valid values for the 'use' parameter are sig."
    )
    token_endpoint.then(oauth_error(401, "invalid_client", description))

    error = await refusal(okta)

    assert description == error.description
    assert 1 == len(token_endpoint.requests)


async def test_a_description_that_is_not_a_string_is_dropped(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(Answer(400, {"error": "invalid_scope", "error_description": 42}))

    error = await refusal(okta)

    assert ("invalid_scope", None) == (error.error, error.description)

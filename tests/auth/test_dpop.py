"""DPoP-bound tokens (RFC 9449): proofs on the token request and on every API call, and nonces."""

from __future__ import annotations

import inspect
import time

import pytest

from oktakit import OAuthError, OktaClient
from oktakit.auth._dpop import DPoPProver
from tests.auth._support import (
    TOKEN_URL,
    Answer,
    Api,
    Clock,
    TokenEndpoint,
    ath,
    oauth_error,
    rfc7638,
    unverified,
    verified_proof,
)
from tests.auth.conftest import ClientFactory
from tests.client._support import USER_ID, user_json
from tests.conftest import ORG

NEEDS_NONCE = "Authorization server requires nonce in DPoP proof."


def use_dpop_nonce(nonce: str) -> Answer:
    return oauth_error(400, "use_dpop_nonce", NEEDS_NONCE, **{"DPoP-Nonce": nonce})


def api_nonce_challenge(nonce: str) -> Answer:
    return Answer(
        401,
        {"errorCode": "E0000011", "errorSummary": "Invalid token provided"},
        headers={
            "WWW-Authenticate": 'DPoP algs="ES256", error="use_dpop_nonce", '
            'error_description="Resource server requires nonce in DPoP proof"',
            "DPoP-Nonce": nonce,
        },
    )


@pytest.fixture
def dpop_endpoint(token_endpoint: TokenEndpoint) -> TokenEndpoint:
    """Okta with "Require DPoP header in token requests": a nonce handshake, then DPoP tokens."""
    token_endpoint.token_type = "DPoP"
    return token_endpoint.then(use_dpop_nonce("n1"))


@pytest.fixture
def okta(clients: ClientFactory, dpop_endpoint: TokenEndpoint, api: Api) -> OktaClient:
    return clients(dpop=True)


def proof_of(headers: dict[str, str]) -> tuple[dict[str, object], dict[str, object]]:
    proof = headers.get("DPoP")
    assert proof is not None, "no DPoP header"
    return verified_proof(proof)


async def test_the_token_request_carries_a_proof_signed_by_the_key_in_its_header(
    okta: OktaClient, dpop_endpoint: TokenEndpoint
) -> None:
    now = time.time()
    await okta.get_user(USER_ID)

    header, claims = proof_of(dpop_endpoint.requests[0].headers)
    assert ("dpop+jwt", "ES256") == (header["typ"], header["alg"])
    jwk = header["jwk"]
    assert isinstance(jwk, dict)
    assert ("EC", "P-256") == (jwk["kty"], jwk["crv"])
    assert "d" not in jwk
    assert ("POST", TOKEN_URL) == (claims["htm"], claims["htu"])
    assert now == pytest.approx(claims["iat"], abs=3)
    assert isinstance(claims["jti"], str)
    assert "nonce" not in claims
    assert "ath" not in claims


async def test_the_dpop_key_is_not_the_client_assertion_key(
    okta: OktaClient, dpop_endpoint: TokenEndpoint
) -> None:
    await okta.get_user(USER_ID)

    dpop_jwk = proof_of(dpop_endpoint.requests[0].headers)[0]["jwk"]
    assertion_kid = unverified(dpop_endpoint.requests[0].assertion)[0]["kid"]
    assert rfc7638(dpop_jwk) != assertion_kid  # type: ignore[arg-type]


async def test_use_dpop_nonce_is_answered_with_the_nonce_a_new_proof_and_a_new_assertion(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api
) -> None:
    await okta.get_user(USER_ID)

    assert 2 == len(dpop_endpoint.requests)
    first, retry = dpop_endpoint.requests
    first_header, first_claims = proof_of(first.headers)
    retry_header, retry_claims = proof_of(retry.headers)
    assert "n1" == retry_claims["nonce"]
    assert first_claims["jti"] != retry_claims["jti"]
    assert first_header["jwk"] == retry_header["jwk"]
    assert unverified(first.assertion)[1]["jti"] != unverified(retry.assertion)[1]["jti"]
    assert 1 == len(api.requests)


async def test_api_calls_send_the_dpop_scheme_and_a_fresh_proof_for_the_exact_url(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api
) -> None:
    await okta.get_user("a/b", expand="blocks")
    await okta.get_user("a/b", expand="blocks")

    token = dpop_endpoint.issued[0]
    token_jwk = proof_of(dpop_endpoint.requests[1].headers)[0]["jwk"]
    jtis = {proof_of(r.headers)[1]["jti"] for r in dpop_endpoint.requests}
    for request in api.requests:
        assert "/api/v1/users/a%2Fb" == request.url.raw_path
        assert "expand=blocks" == request.url.query_string
        assert f"DPoP {token}" == request.headers["Authorization"]
        header, claims = proof_of(request.headers)
        assert token_jwk == header["jwk"]
        assert ("GET", f"{ORG}/api/v1/users/a%2Fb") == (claims["htm"], claims["htu"])
        assert ath(token) == claims["ath"]
        jtis.add(claims["jti"])
    assert 4 == len(jtis)  # two token requests, two API calls: no proof is ever reused


async def test_list_calls_prove_the_path_without_the_query(okta: OktaClient, api: Api) -> None:
    api.then(Answer(payload=[user_json()]))

    users = [u async for u in okta.list_users(limit=1, search='profile.department eq "R&D"')]

    assert 1 == len(users)
    assert f"{ORG}/api/v1/users" == proof_of(api.requests[0].headers)[1]["htu"]


async def test_a_nonce_challenge_on_an_api_call_is_resent_once_with_that_nonce(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api
) -> None:
    api.then(api_nonce_challenge("n2"))

    user = await okta.get_user(USER_ID)

    assert USER_ID == user.id
    assert 2 == len(api.requests)
    challenged, resent = (proof_of(r.headers)[1] for r in api.requests)
    assert "nonce" not in challenged
    assert "n2" == resent["nonce"]
    assert challenged["jti"] != resent["jti"]
    assert [dpop_endpoint.issued[0]] * 2 == [r.token for r in api.requests]
    assert 2 == len(dpop_endpoint.requests)  # the handshake only: no token refresh for a nonce


async def test_a_400_use_dpop_nonce_body_on_an_api_call_is_a_challenge_too(
    okta: OktaClient, api: Api
) -> None:
    api.then(use_dpop_nonce("n2"))

    await okta.get_user(USER_ID)

    assert "n2" == proof_of(api.requests[1].headers)[1]["nonce"]


async def test_any_dpop_nonce_header_updates_the_nonce_used_next(okta: OktaClient, api: Api) -> None:
    api.then(
        Answer(payload=user_json(), headers={"DPoP-Nonce": "n3"}),
        Answer(payload=user_json()),
        Answer(payload=user_json(), headers={"DPoP-Nonce": "n4"}),
    )

    for _ in range(4):
        await okta.get_user(USER_ID)

    nonces = [proof_of(r.headers)[1].get("nonce") for r in api.requests]
    assert [None, "n3", "n3", "n4"] == nonces


async def test_the_token_endpoint_nonce_is_kept_for_the_next_token_request(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api, clock: Clock
) -> None:
    dpop_endpoint.extra_headers = {"DPoP-Nonce": "n1-rotated"}
    await okta.get_user(USER_ID)

    clock.elapsed = 3600
    await okta.get_user(USER_ID)

    assert 3 == len(dpop_endpoint.requests)  # handshake, token, then straight to a new token
    assert "n1-rotated" == proof_of(dpop_endpoint.requests[2].headers)[1]["nonce"]


async def test_an_invalid_token_on_a_dpop_call_refreshes_the_token(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api
) -> None:
    api.then(
        Answer(
            401,
            {"errorCode": "E0000011", "errorSummary": "Invalid token provided"},
            headers={"WWW-Authenticate": 'DPoP error="invalid_token"', "DPoP-Nonce": "n5"},
        )
    )

    await okta.get_user(USER_ID)

    assert 3 == len(dpop_endpoint.requests)
    assert dpop_endpoint.issued == [r.token for r in api.requests]
    assert "n5" == proof_of(api.requests[1].headers)[1]["nonce"]


async def test_a_nonce_that_never_satisfies_okta_gives_up_after_a_few_attempts(
    okta: OktaClient, dpop_endpoint: TokenEndpoint, api: Api
) -> None:
    dpop_endpoint.then(*[use_dpop_nonce(f"n{i}") for i in range(2, 10)])

    with pytest.raises(OAuthError) as caught:
        await okta.get_user(USER_ID)

    assert "use_dpop_nonce" == caught.value.error
    assert 3 == len(dpop_endpoint.requests)  # the first try and two nonce retries
    assert [] == api.requests


async def test_a_bearer_token_when_dpop_was_asked_for_is_an_oauth_error(
    okta: OktaClient, dpop_endpoint: TokenEndpoint
) -> None:
    dpop_endpoint.token_type = "Bearer"

    with pytest.raises(OAuthError) as caught:
        await okta.get_user(USER_ID)

    assert ("unexpected_token_type", "got a Bearer token, expected DPoP") == (
        caught.value.error,
        caught.value.description,
    )


async def test_without_dpop_a_nonce_request_is_not_retried_and_points_at_dpop(
    clients: ClientFactory, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(use_dpop_nonce("n1"))

    with pytest.raises(OAuthError) as caught:
        await clients().get_user(USER_ID)

    assert "pass dpop=True" in caught.value.hint
    assert 1 == len(token_endpoint.requests)


def test_a_proof_is_built_synchronously_without_awaiting_anything() -> None:
    prover = DPoPProver(time.time)

    proof = prover.proof("DELETE", f"{ORG}/api/v1/users/00u1", nonce="n", access_token="tok")

    assert not inspect.iscoroutinefunction(DPoPProver.proof)
    header, claims = verified_proof(proof)
    assert rfc7638(header["jwk"]) == prover.thumbprint
    assert ("DELETE", "n", ath("tok")) == (claims["htm"], claims["nonce"], claims["ath"])
    assert f"DPoPProver(jkt={prover.thumbprint!r})" == repr(prover)

"""PrivateKeyJWT: what it accepts, how it shows itself, and the token request it puts on the wire."""

from __future__ import annotations

import time
from typing import Any

import pytest

from oktakit import ConfigurationError, OktaClient, PrivateKeyJWT
from tests.auth._support import (
    ASSERTION_TYPE,
    CLIENT_ID,
    SCOPES,
    Answer,
    Api,
    TokenEndpoint,
    key_for,
    key_material,
    pem,
    public_key,
    verified,
)
from tests.auth.conftest import ClientFactory
from tests.client._support import USER_AGENT, USER_ID

# -- construction ------------------------------------------------------------------------------------


@pytest.mark.parametrize("client_id", ["", "   ", "0oa1 service", "0oa1\nservice", None, 42])
def test_client_id_must_be_one_printable_word(client_id: Any, es256_pem: str) -> None:
    with pytest.raises(ConfigurationError, match="client_id"):
        PrivateKeyJWT(client_id, es256_pem, SCOPES)


@pytest.mark.parametrize(
    "scopes",
    [[], (), "", "   ", ["okta.users.read", ""], ["okta.users.read", " "], ["okta.users.read", "okta users"]],
    ids=["empty list", "empty tuple", "empty string", "blank string", "empty scope", "blank scope", "space"],
)
def test_scopes_must_be_a_non_empty_list_of_scope_names(scopes: Any, es256_pem: str) -> None:
    with pytest.raises(ConfigurationError, match="scopes must be"):
        PrivateKeyJWT(CLIENT_ID, es256_pem, scopes)


@pytest.mark.parametrize("scopes", [["okta.users.read", "openid"], "openid okta.users.read"])
def test_openid_is_refused_because_client_credentials_cannot_ask_for_it(scopes: Any, es256_pem: str) -> None:
    with pytest.raises(ConfigurationError, match="openid cannot be requested"):
        PrivateKeyJWT(CLIENT_ID, es256_pem, scopes)


def test_scopes_may_be_one_space_separated_string_and_repeats_are_dropped(es256_pem: str) -> None:
    auth = PrivateKeyJWT(CLIENT_ID, es256_pem, "okta.users.read  okta.users.manage okta.users.read")

    assert ("okta.users.read", "okta.users.manage") == auth.scopes


def test_dpop_must_be_a_bool(es256_pem: str) -> None:
    with pytest.raises(ConfigurationError, match="dpop"):
        PrivateKeyJWT(CLIENT_ID, es256_pem, SCOPES, dpop="yes")  # type: ignore[arg-type]


def test_a_bad_key_is_a_configuration_error_at_construction() -> None:
    with pytest.raises(ConfigurationError, match="neither PEM"):
        PrivateKeyJWT(CLIENT_ID, "not a key", SCOPES)


def test_properties_expose_the_settings(es256_pem: str) -> None:
    auth = PrivateKeyJWT(CLIENT_ID, es256_pem, SCOPES, key_id="kid-7", dpop=True)

    assert (CLIENT_ID, SCOPES, "kid-7", "ES256", True) == (
        auth.client_id,
        auth.scopes,
        auth.key_id,
        auth.algorithm,
        auth.dpop,
    )


@pytest.mark.parametrize("alg", ["RS512", "ES256"])
def test_repr_shows_client_id_kid_alg_and_scopes_but_no_key_material(alg: str) -> None:
    auth = PrivateKeyJWT(CLIENT_ID, pem(key_for(alg)), SCOPES, key_id="kid-1", algorithm=alg)

    expected = (
        f"PrivateKeyJWT(client_id='{CLIENT_ID}', key_id='kid-1', algorithm='{alg}', "
        "scopes=['okta.users.read', 'okta.users.manage'], dpop=False)"
    )
    assert expected == repr(auth)
    assert all(material not in repr(auth) for material in key_material(key_for(alg)))


# -- the token request on the wire -------------------------------------------------------------------


@pytest.mark.parametrize("alg", ["RS256", "RS384", "ES256", "ES512"])
async def test_the_token_request_is_client_credentials_with_a_signed_assertion(
    alg: str, clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api
) -> None:
    private = key_for(alg)
    okta = clients(auth=PrivateKeyJWT(CLIENT_ID, pem(private), SCOPES, key_id="kid-1", algorithm=alg))

    now = time.time()
    await okta.get_user(USER_ID)

    assert 1 == len(token_endpoint.requests)
    request = token_endpoint.requests[0]
    assert {
        "grant_type": "client_credentials",
        "scope": "okta.users.read okta.users.manage",
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": request.assertion,
    } == request.form
    header, claims = verified(request.assertion, public_key(private), alg)
    assert (alg, "kid-1") == (header["alg"], header["kid"])
    assert (CLIENT_ID, CLIENT_ID) == (claims["iss"], claims["sub"])
    assert "https://acme.okta.com/oauth2/v1/token" == claims["aud"]
    assert now - 30 == pytest.approx(claims["iat"], abs=3)
    assert now + 300 == pytest.approx(claims["exp"], abs=3)
    assert claims["exp"] - now < 3600
    assert isinstance(claims["jti"], str)
    assert len(claims["jti"]) >= 16


async def test_the_token_request_carries_the_user_agent_and_no_authorization_header(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    await okta.get_user(USER_ID)

    headers = {name.lower(): value for name, value in token_endpoint.requests[0].headers.items()}
    assert USER_AGENT == headers["user-agent"]
    assert "authorization" not in headers
    assert "dpop" not in headers


async def test_every_assertion_has_its_own_jti(
    clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api
) -> None:
    await clients().get_user(USER_ID)
    await clients().get_user(USER_ID)

    jtis = [
        verified(r.assertion, public_key(key_for("ES256")), "ES256")[1]["jti"]
        for r in token_endpoint.requests
    ]
    assert 2 == len(set(jtis))


async def test_api_calls_carry_the_token_as_a_bearer(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    user = await okta.get_user(USER_ID)

    assert USER_ID == user.id
    assert [f"Bearer {token_endpoint.issued[0]}"] == [r.headers["Authorization"] for r in api.requests]


async def test_granted_scopes_are_the_ones_okta_granted_not_the_ones_asked_for(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.scope = "okta.users.read"

    assert okta.granted_scopes is None
    await okta.get_user(USER_ID)

    assert frozenset({"okta.users.read"}) == okta.granted_scopes


async def test_without_a_scope_in_the_answer_the_requested_scopes_are_assumed(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.then(
        Answer(payload={"token_type": "Bearer", "expires_in": 3600, "access_token": "eyJ.no-scope"})
    )

    await okta.get_user(USER_ID)

    assert frozenset(SCOPES) == okta.granted_scopes
    assert "Bearer eyJ.no-scope" == api.requests[0].headers["Authorization"]

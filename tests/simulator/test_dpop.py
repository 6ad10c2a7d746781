"""DPoP (RFC 9449) as Okta does it: nonce handshake, token binding, proofs on API calls."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from joserfc import jwk

from oktakit.testing import ManualClock, OktaSimulator, ServiceApp
from tests.okta_catalogue import oauth_error

from .conftest import assert_okta_error, user_with
from .oauth_support import (
    DROP,
    assert_oauth_error,
    assertion,
    claims_of,
    form,
    post_token,
    proof,
    public,
)


@pytest.fixture
def app(sim: OktaSimulator, rsa_key: jwk.RSAKey) -> ServiceApp:
    return sim.add_service_app(jwks=[public(rsa_key)], dpop_bound=True)


def token_proof(sim: OktaSimulator, key: jwk.Key, **kwargs: Any) -> str:
    kwargs.setdefault("nonce", sim.dpop_nonce)
    return proof(key, method="POST", url=f"{sim.url}/oauth2/v1/token", now=sim.clock(), **kwargs)


async def dpop_token(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, app: ServiceApp, dpop_key: jwk.Key
) -> str:
    data = form(assertion(rsa_key, app, sim.clock()))
    status, body, _ = await post_token(http, sim, data, dpop=token_proof(sim, dpop_key))
    assert status == 200, body
    return str(body["access_token"])


# --- token endpoint -----------------------------------------------------------------------
async def test_nonce_handshake_then_a_dpop_bound_token(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    status, body, response = await post_token(
        http, sim, form(assertion(rsa_key, app, sim.clock())), dpop=token_proof(sim, dpop_key, nonce=None)
    )
    assert_oauth_error(status, body, "use_dpop_nonce")
    assert body["error_description"] == oauth_error("use_dpop_nonce")[2]
    nonce = response.headers["DPoP-Nonce"]
    assert nonce == sim.dpop_nonce
    assert response.headers["Cache-Control"] == "no-cache, no-store"
    retry = form(assertion(rsa_key, app, sim.clock()), "okta.users.read okta.users.manage")
    status, body, response = await post_token(http, sim, retry, dpop=token_proof(sim, dpop_key, nonce=nonce))
    assert status == 200, body
    assert body["token_type"] == "DPoP"
    assert body["scope"] == "okta.users.read okta.users.manage"
    assert response.headers["DPoP-Nonce"] == nonce
    assert claims_of(body["access_token"])["cnf"] == {"jkt": dpop_key.thumbprint()}
    assert (app.token_requests, app.tokens_issued) == (2, 1)


async def test_dpop_bound_app_needs_a_proof(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, app: ServiceApp
) -> None:
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())))
    assert_oauth_error(status, body, "invalid_dpop_proof_missing_header")


async def test_the_assertion_jti_is_used_up_by_a_nonce_challenge(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    signed = form(assertion(rsa_key, app, sim.clock()))
    status, _, _ = await post_token(http, sim, signed, dpop=token_proof(sim, dpop_key, nonce=None))
    assert status == 400
    status, body, _ = await post_token(http, sim, signed, dpop=token_proof(sim, dpop_key))
    assert_oauth_error(status, body, "client_assertion_already_used")


async def test_an_app_that_does_not_require_dpop_still_binds_when_sent_a_proof(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey
) -> None:
    plain = sim.add_service_app(jwks=[public(rsa_key)])
    status, body, _ = await post_token(
        http, sim, form(assertion(rsa_key, plain, sim.clock())), dpop=token_proof(sim, dpop_key)
    )
    assert (status, body["token_type"]) == (200, "DPoP")


async def test_a_token_proof_cannot_be_replayed(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    once = token_proof(sim, dpop_key)
    assert (await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())), dpop=once))[0] == 200
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())), dpop=once)
    assert_oauth_error(status, body, "dpop_proof_already_used")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"method": "GET"}, "invalid_dpop_proof_invalid_htm"),
        ({"url": "{url}/oauth2/v1/keys"}, "invalid_dpop_proof_invalid_htu"),
        ({"url": "https://{host}/oauth2/v1/token"}, "invalid_dpop_proof_invalid_htu"),
        ({"url": "/oauth2/v1/token"}, "invalid_dpop_proof_invalid_htu"),
        ({"iat": -301}, "invalid_dpop_proof_jwt_too_old"),
        ({"iat": 301}, "invalid_dpop_proof_jwt_issued_in_future"),
        ({"iat": DROP}, "invalid_dpop_proof_invalid_iat"),
        ({"exp": -1}, "invalid_dpop_proof_jwt_expired"),
        ({"jti": DROP}, "invalid_dpop_proof_invalid_jti"),
        ({"jti": 42}, "invalid_dpop_proof_invalid_jti"),
        ({"header": {"typ": "JWT"}}, "invalid_dpop_proof_invalid_type"),
        ({"header": {"typ": DROP}}, "invalid_dpop_proof_invalid_type"),
        ({"header": {"jwk": DROP}}, "invalid_dpop_proof"),
        ({"private_jwk": True}, "invalid_dpop_proof"),
        ({"foreign_jwk": True}, "invalid_dpop_proof_invalid_signature"),
        ({"nonce": "stale"}, "use_dpop_nonce"),
    ],
)
async def test_bad_token_proofs_get_invalid_dpop_proof(
    *,
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    dpop_key: jwk.ECKey,
    app: ServiceApp,
    changes: dict[str, Any],
    code: str,
) -> None:
    now = int(sim.clock())
    kwargs: dict[str, Any] = {"method": "POST", "url": f"{sim.url}/oauth2/v1/token", "nonce": sim.dpop_nonce}
    for name, value in changes.items():
        if name == "url":
            kwargs[name] = value.format(url=sim.url, host=sim.url.split("//")[1])
        elif name in ("iat", "exp") and isinstance(value, int):
            kwargs[name] = value + now
        else:
            kwargs[name] = value
    if kwargs.pop("private_jwk", False):
        kwargs["header"] = {"jwk": dpop_key.as_dict(private=True)}
    if kwargs.pop("foreign_jwk", False):
        kwargs["header"] = {"jwk": public(jwk.generate_key("EC", "P-256"))}
    dpop = proof(dpop_key, now=now, **kwargs)
    status, body, response = await post_token(http, sim, form(assertion(rsa_key, app, now)), dpop=dpop)
    assert_oauth_error(status, body, code)
    assert response.headers["DPoP-Nonce"] == sim.dpop_nonce


async def test_proof_signed_with_a_symmetric_algorithm_is_refused(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, app: ServiceApp
) -> None:
    from joserfc import jwt

    secret = jwk.OctKey.import_key("s" * 32)
    claims = {"htm": "POST", "htu": f"{sim.url}/oauth2/v1/token", "iat": int(sim.clock()), "jti": "x"}
    forged = jwt.encode(
        {"alg": "HS256", "typ": "dpop+jwt", "jwk": {"kty": "oct"}}, claims, secret, algorithms=["HS256"]
    )
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())), dpop=forged)
    assert_oauth_error(status, body, "invalid_dpop_proof_invalid_signature_algorithm")
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())), dpop="nonsense")
    assert_oauth_error(status, body, "invalid_dpop_proof_invalid_jwt")


async def test_rsa_proofs_with_large_keys_are_accepted(
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    other_rsa_key: jwk.RSAKey,
    app: ServiceApp,
) -> None:
    # okta-sdk-python signs RS256 proofs with an RSA key in the header: the header is large.
    status, body, _ = await post_token(
        http, sim, form(assertion(rsa_key, app, sim.clock())), dpop=token_proof(sim, other_rsa_key)
    )
    assert (status, body["token_type"]) == (200, "DPoP")


async def test_a_nonce_stays_valid_for_one_rotation(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    first = sim.dpop_nonce
    second = sim.rotate_dpop_nonce()
    assert second != first
    assert sim.dpop_nonce == second

    async def attempt(nonce: str) -> tuple[int, dict[str, Any], aiohttp.ClientResponse]:
        data = form(assertion(rsa_key, app, sim.clock()))
        return await post_token(http, sim, data, dpop=token_proof(sim, dpop_key, nonce=nonce))

    status, _, response = await attempt(first)
    assert status == 200
    assert response.headers["DPoP-Nonce"] == second  # the answer tells the client the new value
    third = sim.rotate_dpop_nonce()
    status, body, response = await attempt(first)
    assert_oauth_error(status, body, "use_dpop_nonce")
    assert response.headers["DPoP-Nonce"] == third
    assert (await attempt(second))[0] == 200
    assert (await attempt(third))[0] == 200


# --- API calls with a DPoP-bound token ------------------------------------------------------
async def test_dpop_token_with_a_fresh_proof_per_call(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    token = await dpop_token(sim, http, rsa_key, app, dpop_key)
    user = user_with(sim, "ACTIVE")
    url = f"{sim.url}/api/v1/users/{user.id}"
    for _ in range(2):
        headers = {
            "Authorization": f"DPoP {token}",
            "DPoP": proof(dpop_key, method="GET", url=url, now=sim.clock(), access_token=token),
        }
        async with http.get(url, headers=headers) as response:
            assert response.status == 200
            assert (await response.json())["id"] == user.id
    # htu leaves out the query string.
    listing = f"{sim.url}/api/v1/users"
    headers = {
        "Authorization": f"DPoP {token}",
        "DPoP": proof(dpop_key, method="GET", url=listing, now=sim.clock(), access_token=token),
    }
    async with http.get(listing, params={"limit": "2"}, headers=headers) as response:
        assert response.status == 200
        assert len(await response.json()) == 2


async def test_resource_proof_problems(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    token = await dpop_token(sim, http, rsa_key, app, dpop_key)
    url = f"{sim.url}/api/v1/users"
    now = sim.clock()

    async def get(headers: dict[str, str]) -> tuple[int, dict[str, Any], aiohttp.ClientResponse]:
        async with http.get(url, headers=headers) as response:
            return response.status, await response.json(), response

    auth = {"Authorization": f"DPoP {token}"}

    def signed(key: jwk.Key = dpop_key, **changes: Any) -> dict[str, str]:
        values: dict[str, Any] = {"method": "GET", "url": url, "now": now, "access_token": token}
        values.update(changes)
        return {"DPoP": proof(key, **values)}

    good = signed()
    assert (await get({**auth, **good}))[0] == 200
    cases = [
        ({}, "dpop_proof_required_for_token"),
        (good, "dpop_proof_already_used"),
        (signed(access_token="another-token"), "dpop_proof_invalid_ath"),
        (signed(access_token=None), "dpop_proof_invalid_ath"),
        (signed(method="POST"), "invalid_dpop_proof_invalid_htm"),
        (signed(url=url + "/x"), "invalid_dpop_proof_invalid_htu"),
        (signed(now=now - 400), "invalid_dpop_proof_jwt_too_old"),
        (signed(jwk.generate_key("EC", "P-256")), "invalid_access_token_dpop_binding"),
    ]
    for headers, code in cases:
        status, body, response = await get({**auth, **headers})
        assert_oauth_error(status, body, code)
        challenge = response.headers["WWW-Authenticate"]
        assert challenge.startswith("DPoP ")
        assert f'error="{body["error"]}"' in challenge


async def test_bearer_scheme_with_a_dpop_token_and_dpop_scheme_with_a_bearer_token(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    bound = await dpop_token(sim, http, rsa_key, app, dpop_key)
    url = f"{sim.url}/api/v1/users"
    async with http.get(url, headers={"Authorization": f"Bearer {bound}"}) as response:
        assert_oauth_error(response.status, await response.json(), "dpop_authentication_scheme_required")
    plain = sim.add_service_app(jwks=[public(rsa_key)])
    _, body, _ = await post_token(http, sim, form(assertion(rsa_key, plain, sim.clock())))
    bearer = body["access_token"]
    headers = {
        "Authorization": f"DPoP {bearer}",
        "DPoP": proof(dpop_key, method="GET", url=url, now=sim.clock(), access_token=bearer),
    }
    async with http.get(url, headers=headers) as response:
        assert_oauth_error(response.status, await response.json(), "access_token_not_dpop_bound")
        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


async def test_expired_dpop_token_gets_invalid_token_with_a_dpop_challenge(
    *,
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    dpop_key: jwk.ECKey,
    app: ServiceApp,
    clock: ManualClock,
) -> None:
    token = await dpop_token(sim, http, rsa_key, app, dpop_key)
    clock.advance(3600)
    url = f"{sim.url}/api/v1/users"
    headers = {
        "Authorization": f"DPoP {token}",
        "DPoP": proof(dpop_key, method="GET", url=url, now=clock(), access_token=token),
    }
    async with http.get(url, headers=headers) as response:
        assert_okta_error(response.status, await response.json(), 401, "E0000011")
        challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("DPoP algs=")
    assert 'error="invalid_token"' in challenge
    assert f'error_description="{oauth_error("token_expired")[2]}"' in challenge


async def test_resource_nonce_can_be_required(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    token = await dpop_token(sim, http, rsa_key, app, dpop_key)
    sim.set_resource_dpop_nonce(True)
    url = f"{sim.url}/api/v1/users"

    def headers(nonce: str | None) -> dict[str, str]:
        signed = proof(dpop_key, method="GET", url=url, now=sim.clock(), access_token=token, nonce=nonce)
        return {"Authorization": f"DPoP {token}", "DPoP": signed}

    async with http.get(url, headers=headers(None)) as response:
        # Okta's catalogue lists use_dpop_nonce for its authorization server only (400); for a
        # resource server RFC 9449 section 9 prescribes 401 with error "use_dpop_nonce".
        body = await response.json()
        assert (401, "use_dpop_nonce") == (response.status, body["error"])
        assert body["error_description"]
        assert response.headers["WWW-Authenticate"].startswith("DPoP ")
        assert 'error="use_dpop_nonce"' in response.headers["WWW-Authenticate"]
        nonce = response.headers["DPoP-Nonce"]
    async with http.get(url, headers=headers(nonce)) as response:
        assert response.status == 200
    sim.set_resource_dpop_nonce(False)
    async with http.get(url, headers=headers(None)) as response:
        assert response.status == 200


async def test_a_dpop_token_without_the_scope_gets_a_dpop_insufficient_scope_challenge(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, dpop_key: jwk.ECKey, app: ServiceApp
) -> None:
    # RFC 9449 section 7.1: a resource server answers a DPoP-bound token with a DPoP challenge.
    token = await dpop_token(sim, http, rsa_key, app, dpop_key)  # okta.users.read only
    url = f"{sim.url}/api/v1/users/{next(iter(sim.org.users))}/lifecycle/suspend"
    headers = {
        "Authorization": f"DPoP {token}",
        "DPoP": proof(dpop_key, method="POST", url=url, now=sim.clock(), access_token=token),
    }
    async with http.post(url, headers=headers) as response:
        assert_okta_error(response.status, await response.json(), 403, "E0000006")
        challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("DPoP ")
    assert 'error="insufficient_scope"' in challenge

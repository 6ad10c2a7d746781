"""The org token endpoint: client credentials with a private_key_jwt client assertion."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from joserfc import jwk, jwt

from oktakit.testing import ManualClock, OktaSimulator

from .conftest import call
from .oauth_support import (
    DROP,
    assert_oauth_error,
    assertion,
    claims_of,
    form,
    post_token,
    public,
)


async def test_valid_assertion_gets_a_bearer_token_with_exactly_the_requested_scopes(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)], scopes={"okta.users.read", "okta.users.manage"})
    data = form(assertion(rsa_key, app, clock()), scope="okta.users.read okta.users.manage")
    status, body, response = await post_token(http, sim, data)
    assert status == 200, body
    assert ["token_type", "expires_in", "access_token", "scope"] == list(body)
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "okta.users.read okta.users.manage"
    assert response.headers["Cache-Control"] == "no-cache, no-store"
    assert response.headers["Pragma"] == "no-cache"
    assert "DPoP-Nonce" not in response.headers
    assert {"X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Okta-Request-Id"} <= set(response.headers)
    claims = claims_of(body["access_token"])
    assert claims["cid"] == claims["sub"] == app.client_id
    assert claims["iss"] == claims["aud"] == sim.url
    assert claims["scp"] == ["okta.users.read", "okta.users.manage"]
    assert claims["exp"] - claims["iat"] == 3600
    assert "cnf" not in claims
    # The token is an RS256 JWT signed with the key published at /oauth2/v1/keys.
    async with http.get(f"{sim.url}/oauth2/v1/keys") as keys_response:
        key_set = jwk.KeySet.import_key_set(await keys_response.json())
    assert jwt.decode(body["access_token"], key_set, algorithms=["RS256"]).claims == claims
    assert app.client_id.startswith("0oa")
    assert len(app.client_id) == 20


async def test_only_the_requested_scopes_are_granted(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])  # granted every simulated scope
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, clock()), "okta.roles.read"))
    assert (status, body["scope"]) == (200, "okta.roles.read")


async def test_generated_es256_key_without_kid_authenticates(
    sim: OktaSimulator, http: aiohttp.ClientSession, clock: ManualClock
) -> None:
    app = sim.add_service_app()
    assert app.private_jwk is not None
    assert "d" in app.private_jwk
    assert app.jwks is not None
    assert "d" not in app.jwks[0]
    key = jwk.import_key({k: v for k, v in app.private_jwk.items() if k != "kid"})
    status, body, _ = await post_token(http, sim, form(assertion(key, app, clock())))
    assert status == 200, body


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        ({"aud": "{url}/oauth2/default/v1/token"}, "client_assertion_invalid_audience"),
        ({"aud": "{url}"}, "client_assertion_invalid_audience"),
        ({"aud": DROP}, "client_assertion_invalid_audience"),
        ({"iss": "0oaSomebodyElse00000"}, "client_assertion_invalid_issuer"),
        ({"sub": "0oaSomebodyElse00000"}, "client_assertion_invalid_subject"),
        ({"exp": -1}, "client_assertion_expired_token"),
        ({"exp": 0}, "client_assertion_expired_token"),
        ({"exp": 3600 + 60}, "client_assertion_expires_too_far_in_future"),
        ({"exp": DROP}, "client_assertion_expiration_required"),
        ({"exp": "soon"}, "client_assertion_invalid_jwt"),
        ({"iat": 60}, "client_assertion_issued_at_in_future"),
    ],
    ids=[
        "aud-custom-server",
        "aud-org-url",
        "aud-missing",
        "iss-other-client",
        "sub-other-client",
        "expired",
        "expires-now",
        "exp-more-than-an-hour-ahead",
        "exp-missing",
        "exp-not-a-number",
        "iat-in-the-future",
    ],
)
async def test_assertion_claim_problems_get_invalid_client(
    *,
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    clock: ManualClock,
    claims: dict[str, Any],
    code: str,
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    now = int(clock())
    values: dict[str, Any] = {
        name: (value.format(url=sim.url) if isinstance(value, str) and "{url}" in value else value)
        for name, value in claims.items()
    }
    for name in ("exp", "iat"):
        if isinstance(values.get(name), int):
            values[name] += now  # relative to the simulator's clock
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, now, **values)))
    assert_oauth_error(status, body, code)


async def test_exp_one_hour_ahead_and_iat_within_skew_are_accepted(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    """Okta allows exp up to one hour ahead; the simulator allows 5 s of client clock skew."""
    app = sim.add_service_app(jwks=[public(rsa_key)])
    now = int(clock())
    for claims in ({"exp": now + 3600}, {"iat": now + 5, "exp": now + 3605}, {"iat": DROP, "jti": DROP}):
        status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, now, **claims)))
        assert status == 200, (claims, body)


async def test_aud_may_be_a_list_holding_the_token_url(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    signed = assertion(rsa_key, app, clock(), aud=["https://elsewhere.example", app.token_url])
    assert (await post_token(http, sim, form(signed)))[0] == 200


async def test_signature_by_another_key_is_invalid_signature(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, other_rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    forged = assertion(other_rsa_key, app, sim.clock(), header={"kid": "rsa-1"})
    status, body, _ = await post_token(http, sim, form(forged))
    assert_oauth_error(status, body, "client_assertion_invalid_signature")


async def test_tampered_payload_is_invalid_signature(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    header, _, signature = assertion(rsa_key, app, sim.clock()).split(".")
    payload = assertion(rsa_key, app, sim.clock(), exp=int(sim.clock()) + 600).split(".")[1]
    status, body, _ = await post_token(http, sim, form(f"{header}.{payload}.{signature}"))
    assert_oauth_error(status, body, "client_assertion_invalid_signature")


async def test_kid_must_name_one_of_the_app_keys(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, other_rsa_key: jwk.RSAKey
) -> None:
    two = sim.add_service_app(jwks=[public(rsa_key), public(other_rsa_key)])
    now = sim.clock()
    unknown = assertion(rsa_key, two, now, header={"kid": "no-such-key"})
    assert_oauth_error(*(await post_token(http, sim, form(unknown)))[:2], "client_assertion_invalid_kid")
    # Without a kid the app's key is ambiguous when it has more than one.
    no_kid = assertion(rsa_key, two, now, header={"kid": DROP})
    assert_oauth_error(*(await post_token(http, sim, form(no_kid)))[:2], "client_assertion_invalid_kid")
    # Each of the keys works when named.
    for key in (rsa_key, other_rsa_key):
        assert (await post_token(http, sim, form(assertion(key, two, now))))[0] == 200
    # A one-key app accepts an assertion without a kid.
    one = sim.add_service_app(jwks=[public(rsa_key)])
    assert (await post_token(http, sim, form(assertion(rsa_key, one, now, header={"kid": DROP}))))[0] == 200


@pytest.mark.parametrize("alg", ["HS256", "none", "PS256", "EdDSA"])
async def test_non_okta_algorithms_are_refused(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, alg: str
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    good = assertion(rsa_key, app, sim.clock())
    _, payload, signature = good.split(".")
    if alg == "HS256":
        secret = jwk.OctKey.import_key("a" * 32)
        forged = jwt.encode({"alg": "HS256", "kid": "rsa-1"}, claims_of(good), secret, algorithms=["HS256"])
    else:
        import base64
        import json

        head = base64.urlsafe_b64encode(json.dumps({"alg": alg, "kid": "rsa-1"}).encode()).rstrip(b"=")
        forged = f"{head.decode()}.{payload}.{'' if alg == 'none' else signature}"
    status, body, _ = await post_token(http, sim, form(forged))
    assert_oauth_error(status, body, "client_assertion_invalid_signature_algorithm")


async def test_a_key_registered_for_another_alg_or_use_is_refused(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, other_rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(
        jwks=[{**public(rsa_key), "alg": "RS512"}, {**public(other_rsa_key), "use": "enc"}]
    )
    now = sim.clock()
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, now)))
    assert_oauth_error(status, body, "client_assertion_invalid_signature_algorithm")
    status, body, _ = await post_token(http, sim, form(assertion(other_rsa_key, app, now)))
    assert_oauth_error(status, body, "client_assertion_invalid_key_use")


async def test_reused_jti_is_client_assertion_already_used(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    signed = assertion(rsa_key, app, sim.clock(), jti="only-once")
    assert (await post_token(http, sim, form(signed)))[0] == 200
    status, body, _ = await post_token(http, sim, form(signed))
    assert_oauth_error(status, body, "client_assertion_already_used")
    # Another app may use the same jti value.
    other = sim.add_service_app(jwks=[public(rsa_key)])
    assert (await post_token(http, sim, form(assertion(rsa_key, other, sim.clock(), jti="only-once"))))[
        0
    ] == 200


async def test_garbage_assertion_is_invalid_jwt(sim: OktaSimulator, http: aiohttp.ClientSession) -> None:
    sim.add_service_app()
    for garbage in ("not-a-jwt", "a.b.c", "e30.e30.e30"):
        status, body, _ = await post_token(http, sim, form(garbage))
        assert_oauth_error(status, body, "client_assertion_invalid_jwt")


async def test_clients_without_keys_or_unknown_clients_are_refused(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    seeded = sim.org.default_client_id
    assert seeded is not None
    now = sim.clock()
    # The seeded client exists (it has roles) but no registered keys.
    seeded_assertion = assertion(rsa_key, app, now, iss=seeded, sub=seeded)
    status, body, _ = await post_token(http, sim, form(seeded_assertion))
    assert_oauth_error(status, body, "client_assertion_jwks_not_configured")
    status, body, _ = await post_token(
        http, sim, form(assertion(rsa_key, app, now), client_id="0oaNoSuchClient00000")
    )
    assert_oauth_error(status, body, "invalid_client_id")
    # client_id, when sent, must be the assertion's issuer.
    other = sim.add_service_app(jwks=[public(rsa_key)])
    status, body, _ = await post_token(
        http, sim, form(assertion(rsa_key, app, now), client_id=other.client_id)
    )
    assert_oauth_error(status, body, "client_assertion_invalid_issuer")


@pytest.mark.parametrize(
    ("scope", "code"),
    [
        ("okta.users.manage", "invalid_scope"),
        ("okta.users.read okta.groups.manage", "invalid_scope"),
        ("okta.no.such.scope", "invalid_scope"),
        ("openid", "openid_not_allowed_client_creds"),
        ("openid okta.users.read", "openid_not_allowed_client_creds"),
        ("profile", "invalid_scope"),
        ("", "missing_scopes"),
        ("   ", "missing_scopes"),
        (DROP, "missing_scopes"),
    ],
)
async def test_scopes_must_be_granted_to_the_app(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, scope: Any, code: str
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)], scopes={"okta.users.read"})
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock()), scope))
    assert_oauth_error(status, body, code)
    assert app.tokens_issued == 0


@pytest.mark.parametrize(
    ("changes", "headers", "code"),
    [
        ({"grant_type": DROP}, {}, "token_request_missing_grant_type"),
        ({"grant_type": "password"}, {}, "unsupported_grant_type"),
        ({"grant_type": "authorization_code"}, {}, "unsupported_grant_type"),
        ({"client_assertion_type": DROP}, {}, "client_assertion_type_invalid"),
        ({"client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"}, {},
         "client_assertion_type_invalid"),
        ({"client_assertion": DROP}, {}, "missing_token_request_parameter"),
        ({"client_assertion": DROP, "client_assertion_type": DROP}, {}, "invalid_client_id"),
        ({"client_assertion": DROP, "client_assertion_type": DROP, "client_secret": "s"}, {},
         "unsupported_auth_method_client_creds"),
        ({"client_secret": "s"}, {}, "multiple_client_credentials"),
        ({}, {"Authorization": "Basic MG9hOnNlY3JldA=="}, "multiple_client_credentials"),
    ],
)  # fmt: skip
async def test_malformed_token_requests_get_okta_errors(
    *,
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    changes: dict[str, Any],
    headers: dict[str, str],
    code: str,
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    data = form(assertion(rsa_key, app, sim.clock()), **changes)
    status, body, _ = await post_token(http, sim, data, headers=headers)
    assert_oauth_error(status, body, code)


async def test_duplicated_parameters_and_query_credentials_are_invalid_request(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    signed = assertion(rsa_key, app, sim.clock())
    pairs = [*form(signed).items(), ("scope", "okta.users.read")]
    async with http.post(f"{sim.url}/oauth2/v1/token", data=pairs) as response:
        assert_oauth_error(response.status, await response.json(), "duplicate_oauth_params")
    url = f"{sim.url}/oauth2/v1/token?client_assertion={signed}"
    async with http.post(url, data=form(signed)) as response:
        assert_oauth_error(response.status, await response.json(), "client_credentials_in_query")


async def test_token_endpoint_only_takes_post(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    code, body, response = await call(client, "GET", "/oauth2/v1/token")
    assert (code, body["errorCode"]) == (405, "E0000022")
    assert response.headers["Allow"] == "POST"


async def test_token_requests_are_counted_in_total_and_per_app(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = sim.add_service_app(jwks=[public(rsa_key)])
    now = sim.clock()
    await post_token(http, sim, form(assertion(rsa_key, app, now)))
    await post_token(http, sim, form(assertion(rsa_key, app, now), scope="openid"))
    await post_token(http, sim, form("garbage"))
    assert sim.token_requests == 3
    assert sim.request_counts["token"] == 3
    assert (app.token_requests, app.tokens_issued) == (2, 1)


async def test_token_endpoint_has_its_own_rate_limit_bucket(clock: ManualClock, rsa_key: jwk.RSAKey) -> None:
    async with (
        OktaSimulator(users=5, seed=1, clock=clock) as sim,
        aiohttp.ClientSession() as http,
    ):
        app = sim.add_service_app(jwks=[public(rsa_key)])
        _, _, response = await post_token(http, sim, form(assertion(rsa_key, app, clock())))
        assert "2000" == response.headers["X-Rate-Limit-Limit"]  # Okta's Workforce default
        clock.advance(60)
        sim.set_rate_limit(2, bucket="/oauth2/v1/token")
        remaining = []
        for _ in range(2):
            status, _, response = await post_token(http, sim, form(assertion(rsa_key, app, clock())))
            assert status == 200
            assert response.headers["X-Rate-Limit-Limit"] == "2"
            remaining.append(response.headers["X-Rate-Limit-Remaining"])
        assert remaining == ["1", "0"]
        status, body, response = await post_token(http, sim, form(assertion(rsa_key, app, clock())))
        assert (status, body["errorCode"]) == (429, "E0000047")
        async with http.get(f"{sim.url}/api/v1/users", headers=sim.headers) as other:
            assert other.status == 200
            assert other.headers["X-Rate-Limit-Limit"] == "600"
        assert app.tokens_issued == 3

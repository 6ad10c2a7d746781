"""Client keys: inline key sets, keys at a jwks_uri (fetched over HTTP), registration checks."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from joserfc import jwk

from oktakit.testing import OktaSimulator

from .oauth_support import assert_oauth_error, assertion, form, post_token, public


async def test_jwks_uri_served_by_the_simulator_is_fetched_and_cached(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, other_rsa_key: jwk.RSAKey
) -> None:
    url = sim.publish_jwks([public(rsa_key)], name="batch-jobs")
    assert url == f"{sim.url}/oauth2/v1/clients/batch-jobs/jwks"
    app = sim.add_service_app(jwks_uri=url)
    assert app.jwks_url is None
    for _ in range(2):
        assert (await post_token(http, sim, form(assertion(rsa_key, app, sim.clock()))))[0] == 200
    assert sim.request_counts["clientJwks"] == 1  # fetched once, then cached
    # A rotation: the new kid is unknown to the cache, so the simulator fetches again.
    sim.publish_jwks([public(other_rsa_key)], name="batch-jobs")
    assert (await post_token(http, sim, form(assertion(other_rsa_key, app, sim.clock()))))[0] == 200
    assert sim.request_counts["clientJwks"] == 2
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())))
    assert_oauth_error(status, body, "client_assertion_invalid_kid")


async def test_an_inline_app_jwks_is_served_and_usable_as_another_apps_jwks_uri(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    inline = sim.add_service_app(jwks=[public(rsa_key)])
    assert inline.jwks_url == f"{sim.url}/oauth2/v1/clients/{inline.client_id}/jwks"
    async with http.get(inline.jwks_url) as response:
        assert response.status == 200
        assert await response.json() == {"keys": [public(rsa_key)]}
    linked = sim.add_service_app(jwks_uri=inline.jwks_url)
    assert (await post_token(http, sim, form(assertion(rsa_key, linked, sim.clock()))))[0] == 200


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (None, "jwks_uri_error"),  # 404
        ({"keys": []}, "jwks_uri_no_key"),
        ({"nokeys": 1}, "jwks_uri_error"),
        (
            {"keys": [{"kty": "RSA", "kid": "x", "n": "AQAB", "e": "AQAB", "d": "AQAB"}]},
            "client_assertion_invalid_jwks",
        ),
        ("duplicate", "jwks_uri_ambiguous_keys"),
    ],
)
async def test_bad_jwks_uri_documents_get_invalid_client(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, document: Any, code: str
) -> None:
    if document == "duplicate":
        document = {"keys": [public(rsa_key), public(rsa_key)]}
    if document is not None:
        sim.oauth.apps.published["bad"] = document
    app = sim.add_service_app(jwks_uri=f"{sim.url}/oauth2/v1/clients/bad/jwks")
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())))
    assert_oauth_error(status, body, code)


async def test_unreachable_jwks_uri_is_jwks_uri_error(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, unused_tcp_port: int
) -> None:
    app = sim.add_service_app(jwks_uri=f"http://127.0.0.1:{unused_tcp_port}/keys")
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, sim.clock())))
    assert_oauth_error(status, body, "jwks_uri_error")


def test_invalid_app_key_sets_are_rejected_at_registration(
    rsa_key: jwk.RSAKey, other_rsa_key: jwk.RSAKey
) -> None:
    sim = OktaSimulator(users=1)
    with pytest.raises(ValueError, match="private"):
        sim.add_service_app(jwks=[rsa_key.as_dict(private=True)])
    with pytest.raises(ValueError, match="duplicate kid"):
        sim.add_service_app(jwks=[public(rsa_key), public(rsa_key)])
    with pytest.raises(ValueError, match="kid"):
        sim.add_service_app(jwks=[{**public(rsa_key), "kid": None}, public(other_rsa_key)])
    with pytest.raises(ValueError, match="only RSA and EC"):
        sim.add_service_app(jwks=[{"kty": "oct", "k": "c2VjcmV0", "kid": "s"}])
    with pytest.raises(ValueError, match="either"):
        sim.add_service_app(jwks=[public(rsa_key)], jwks_uri="http://127.0.0.1/keys")
    with pytest.raises(ValueError, match="already exists"):
        sim.add_service_app(client_id=sim.org.default_client_id)

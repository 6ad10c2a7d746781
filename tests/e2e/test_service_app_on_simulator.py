"""PrivateKeyJWT end to end: the SDK's service-app auth against the simulator's token endpoint.

The simulator verifies assertions and DPoP proofs the way Okta documents, so these tests check
the two sides against each other over real HTTP.
"""

from __future__ import annotations

import asyncio
import time
import types

import pytest

from oktakit import (
    OAuthError,
    OktaClient,
    PermissionDeniedError,
    PrivateKeyJWT,
    SigningKey,
    generate_signing_key,
    public_jwks,
)
from oktakit.testing import OktaSimulator

SCOPES = ["okta.users.read", "okta.users.manage", "okta.authenticators.read"]


def _client(sim: OktaSimulator, key: SigningKey, *, dpop: bool = False, **app: object) -> OktaClient:
    service_app = sim.add_service_app(jwks=public_jwks([key])["keys"], dpop_bound=dpop, **app)  # type: ignore[arg-type]
    return OktaClient(sim.url, auth=PrivateKeyJWT(service_app.client_id, key, SCOPES, dpop=dpop))


def _active(sim: OktaSimulator) -> list[str]:
    return [uid for uid in sim.org.users if sim.org.users[uid].status == "ACTIVE"]


async def test_a_hundred_concurrent_cold_calls_make_exactly_one_token_request(
    sim: OktaSimulator, key: SigningKey
) -> None:
    uid = _active(sim)[0]
    async with _client(sim, key) as okta:
        users = await asyncio.gather(*(okta.get_user(uid) for _ in range(100)))
        assert {uid} == {u.id for u in users}
        assert frozenset(SCOPES) == okta.granted_scopes
    assert 1 == sim.token_requests


async def test_a_revoked_token_recovers_with_one_refresh_for_a_burst_of_calls(
    sim: OktaSimulator, key: SigningKey
) -> None:
    uid = _active(sim)[0]
    async with _client(sim, key) as okta:
        await okta.get_user(uid)
        sim.revoke_access_tokens()
        await asyncio.gather(*(okta.get_user(uid) for _ in range(20)))
    assert 2 == sim.token_requests


async def test_a_token_expiring_mid_run_is_replaced_once(sim: OktaSimulator, key: SigningKey) -> None:
    uid = _active(sim)[0]
    async with _client(sim, key, token_lifetime=1) as okta:
        await okta.get_user(uid)
        await asyncio.sleep(1.1)
        await asyncio.gather(*(okta.get_user(uid) for _ in range(10)))
    assert 2 == sim.token_requests


@pytest.mark.parametrize("skew", [-60, 60])
async def test_a_client_clock_off_by_a_minute_still_gets_tokens(
    sim: OktaSimulator, key: SigningKey, skew: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import oktakit.auth._oauth

    skewed = types.SimpleNamespace(time=lambda: time.time() + skew, monotonic=time.monotonic)
    monkeypatch.setattr(oktakit.auth._oauth, "time", skewed)
    async with _client(sim, key) as okta:
        assert _active(sim)[0] == (await okta.get_user(_active(sim)[0])).id
    # Ahead: the first assertion's iat is in the org's future, so it re-signs on the org's clock.
    assert (2 if skew > 0 else 1) == sim.token_requests


async def test_dpop_bound_tokens_survive_nonce_rotation_and_a_refresh(
    sim: OktaSimulator, key: SigningKey
) -> None:
    uid = _active(sim)[0]
    async with _client(sim, key, dpop=True) as okta:
        await okta.get_user(uid)
        await okta.suspend_user(uid)
        sim.rotate_dpop_nonce()
        sim.rotate_dpop_nonce()  # the nonce the client holds is now too old
        sim.revoke_access_tokens()
        await okta.unsuspend_user(uid)
        assert "ACTIVE" == (await okta.get_user(uid)).status
        result = await okta.check()
    assert result.dpop
    # cold start: challenge + token; after revocation: old-nonce challenge + token
    assert 4 == sim.token_requests


async def test_a_missing_scope_is_a_permission_error_naming_e0000006(
    sim: OktaSimulator, key: SigningKey
) -> None:
    app = sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.read"])
    auth = PrivateKeyJWT(app.client_id, key, ["okta.users.read"])
    async with OktaClient(sim.url, auth=auth) as okta:
        uid = _active(sim)[0]
        await okta.get_user(uid)
        with pytest.raises(PermissionDeniedError) as caught:
            await okta.suspend_user(uid)
    assert "E0000006" == caught.value.error_code


async def test_an_admin_role_without_the_permission_is_refused(sim: OktaSimulator, key: SigningKey) -> None:
    async with _client(sim, key, roles=("HELP_DESK_ADMIN",)) as okta:
        uid = _active(sim)[0]
        await okta.get_user(uid)
        with pytest.raises(PermissionDeniedError):
            await okta.suspend_user(uid)


async def test_asking_for_a_scope_the_app_was_not_granted_is_an_oauth_error_with_a_hint(
    sim: OktaSimulator, key: SigningKey
) -> None:
    app = sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.read"])
    auth = PrivateKeyJWT(app.client_id, key, ["okta.users.read", "okta.users.manage"])
    async with OktaClient(sim.url, auth=auth) as okta:
        with pytest.raises(OAuthError) as caught:
            await okta.get_user(_active(sim)[0])
    assert "invalid_scope" == caught.value.error
    assert "Okta API Scopes" in str(caught.value)
    assert 1 == sim.token_requests


async def test_a_key_the_app_does_not_know_is_an_oauth_error_and_is_not_retried(
    sim: OktaSimulator, key: SigningKey
) -> None:
    app = sim.add_service_app(jwks=public_jwks([key])["keys"])
    stranger = generate_signing_key("ES256")
    async with OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, stranger, SCOPES)) as okta:
        with pytest.raises(OAuthError) as caught:
            await okta.get_user(_active(sim)[0])
    assert "invalid_client" == caught.value.error
    assert stranger.kid in str(caught.value)
    assert 1 == sim.token_requests


async def test_keys_published_at_a_jwks_url_work(sim: OktaSimulator) -> None:
    key = generate_signing_key("RS256")
    jwks_url = sim.publish_jwks(public_jwks([key])["keys"])
    app = sim.add_service_app(jwks_uri=jwks_url)
    async with OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, SCOPES)) as okta:
        summary = (await okta.check()).summary()
    assert app.client_id in summary
    assert "okta.users.manage" in summary

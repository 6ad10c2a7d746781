"""Management API calls with OAuth access tokens: scopes, admin-role permissions, expiry."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from joserfc import jwk

from oktakit.testing import STANDARD_ROLE_PERMISSIONS, ManualClock, OktaSimulator, ServiceApp
from oktakit.testing._app import ROUTES
from oktakit.testing._oauth import PUBLIC_OPERATIONS
from oktakit.testing._permissions import REQUIREMENTS, Grants
from tests.okta_catalogue import oauth_error

from .conftest import assert_okta_error, user_with
from .oauth_support import get_token, post_token, public

ALL_SCOPES = "okta.users.read okta.users.manage okta.authenticators.read okta.roles.read"


async def request(
    http: aiohttp.ClientSession, sim: OktaSimulator, token: str, method: str, path: str, **kwargs: Any
) -> tuple[int, Any, aiohttp.ClientResponse]:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    async with http.request(method, sim.url + path, headers=headers, **kwargs) as response:
        return response.status, await response.json(), response


def make_app(sim: OktaSimulator, key: jwk.Key, **options: Any) -> ServiceApp:
    return sim.add_service_app(jwks=[public(key)], **options)


async def test_missing_scope_is_403_e0000006_with_an_insufficient_scope_challenge(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = make_app(sim, rsa_key)
    token = await get_token(http, sim, rsa_key, app, "okta.users.read")
    user = user_with(sim, "ACTIVE")
    status, body, response = await request(
        http, sim, token, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend"
    )
    assert_okta_error(status, body, 403, "E0000006")
    assert response.headers["WWW-Authenticate"] == (
        f'Bearer authorization_uri="{sim.url}/oauth2/v1/authorize", realm="IdpMyAccountAPI", '
        'scope="okta.users.manage", error="insufficient_scope", '
        f'error_description="{oauth_error("access_token_insufficient_scopes")[2]}", '
        f'resource="/api/v1/users/{user.id}/lifecycle/suspend"'
    )
    assert sim.org.users[user.id].status == "ACTIVE"
    # A .manage scope does not stand in for .read.
    manage_only = await get_token(http, sim, rsa_key, app, "okta.users.manage")
    status, body, response = await request(http, sim, manage_only, "GET", f"/api/v1/users/{user.id}")
    assert_okta_error(status, body, 403, "E0000006")
    assert 'scope="okta.users.read"' in response.headers["WWW-Authenticate"]


async def test_allowed_calls_succeed_with_every_scope_and_a_super_admin(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = make_app(sim, rsa_key)  # defaults: every simulated scope, SUPER_ADMIN
    token = await get_token(http, sim, rsa_key, app, ALL_SCOPES)
    user = user_with(sim, "ACTIVE")
    for method, path in [
        ("GET", "/api/v1/users?limit=3"),
        ("GET", f"/api/v1/users/{user.id}"),
        ("GET", f"/api/v1/users/{user.id}/groups"),
        ("GET", "/api/v1/authenticators"),
        ("GET", f"/oauth2/v1/clients/{app.client_id}/roles"),
        ("GET", "/api/v1/iam/roles/oktakit-user-lifecycle/permissions"),
        ("POST", f"/api/v1/users/{user.id}/lifecycle/suspend"),
    ]:
        status, body, _ = await request(http, sim, token, method, path)
        assert status == 200, (path, body)
    assert sim.org.users[user.id].status == "SUSPENDED"


@pytest.mark.parametrize(
    ("roles", "custom", "allowed", "denied"),
    [
        (("USER_ADMIN",), None, "getUser suspendUser resetFactors listUserGroups", "listRolesForClient"),
        (("HELP_DESK_ADMIN",), None, "getUser unlockUser resetFactors", "suspendUser listRolesForClient"),
        # Okta Help: only a super admin may view administrators (and so read role assignments).
        (("READ_ONLY_ADMIN",), None, "getUser listUserGroups", "suspendUser listRolesForClient"),
        (("ORG_ADMIN",), None, "getUser suspendUser resetFactors listUserGroups", "listRolesForClient"),
        (("APP_ADMIN",), None, "getUser listUserGroups", "suspendUser listRolesForClient"),
        ((), ["okta.users.lifecycle.manage"], "suspendUser unlockUser", "getUser resetFactors"),
        ((), ["okta.users.manage"], "getUser suspendUser resetFactors", "listUserGroups"),
        ((), ["okta.users.userprofile.manage"], "getUser", "suspendUser"),
        ((), ["okta.iam.read"], "listRolesForClient", "getUser"),
    ],
    ids=[
        "user-admin",
        "help-desk",
        "read-only",
        "org-admin",
        "app-admin",
        "custom-lifecycle",
        "custom-users-manage",
        "custom-profile",
        "iam",
    ],
)
async def test_admin_roles_decide_what_a_scoped_token_may_do(
    *,
    sim: OktaSimulator,
    http: aiohttp.ClientSession,
    rsa_key: jwk.RSAKey,
    roles: tuple[str, ...],
    custom: list[str] | None,
    allowed: str,
    denied: str,
) -> None:
    app = make_app(sim, rsa_key, roles=roles, custom_permissions=custom)
    token = await get_token(http, sim, rsa_key, app, ALL_SCOPES)
    active, locked = user_with(sim, "ACTIVE"), user_with(sim, "LOCKED_OUT")
    paths = {
        "getUser": ("GET", f"/api/v1/users/{active.id}"),
        "listUserGroups": ("GET", f"/api/v1/users/{active.id}/groups"),
        "suspendUser": ("POST", f"/api/v1/users/{active.id}/lifecycle/suspend"),
        "resetFactors": ("POST", f"/api/v1/users/{active.id}/lifecycle/reset_factors"),
        "unlockUser": ("POST", f"/api/v1/users/{locked.id}/lifecycle/unlock"),
        "listRolesForClient": ("GET", f"/oauth2/v1/clients/{app.client_id}/roles"),
    }
    for operation in allowed.split():
        status, body, _ = await request(http, sim, token, *paths[operation])
        assert status == 200, (operation, body)
    for operation in denied.split():
        status, body, response = await request(http, sim, token, *paths[operation])
        assert_okta_error(status, body, 403, "E0000006")
        assert "WWW-Authenticate" not in response.headers  # the scope was fine; the role was not


async def test_credentials_in_an_update_need_a_credentials_permission(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    profile_only = make_app(sim, rsa_key, roles=(), custom_permissions=["okta.users.userprofile.manage"])
    with_credentials = make_app(
        sim,
        rsa_key,
        roles=(),
        custom_permissions=["okta.users.userprofile.manage", "okta.users.credentials.manage"],
    )
    user = user_with(sim, "ACTIVE")
    profile = {"profile": {"title": "Principal"}}
    password = {"credentials": {"password": {"value": "a-Long-passw0rd!"}}}
    limited = await get_token(http, sim, rsa_key, profile_only, "okta.users.manage")
    assert (await request(http, sim, limited, "POST", f"/api/v1/users/{user.id}", json=profile))[0] == 200
    status, body, _ = await request(http, sim, limited, "POST", f"/api/v1/users/{user.id}", json=password)
    assert_okta_error(status, body, 403, "E0000006")
    full = await get_token(http, sim, rsa_key, with_credentials, "okta.users.manage")
    assert (await request(http, sim, full, "POST", f"/api/v1/users/{user.id}", json=password))[0] == 200
    # A body the handler cannot parse still gets the handler's own error.
    status, body, _ = await request(http, sim, limited, "POST", f"/api/v1/users/{user.id}", data=b"{nope")
    assert_okta_error(status, body, 400, "E0000003")


async def test_an_app_without_admin_roles_may_call_nothing(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = make_app(sim, rsa_key, roles=())
    token = await get_token(http, sim, rsa_key, app, "okta.authenticators.read")
    status, body, _ = await request(http, sim, token, "GET", "/api/v1/authenticators")
    assert_okta_error(status, body, 403, "E0000006")


async def test_a_service_apps_roles_are_listed_by_list_roles_for_client(
    sim: OktaSimulator, client: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    app = make_app(
        sim, rsa_key, roles=("USER_ADMIN", "HELP_DESK_ADMIN"), custom_permissions=["okta.users.read"]
    )
    async with client.get(f"/oauth2/v1/clients/{app.client_id}/roles") as response:
        roles = await response.json()
    assert [role["type"] for role in roles] == ["USER_ADMIN", "HELP_DESK_ADMIN", "CUSTOM"]
    assert all(role["assignmentType"] == "CLIENT" for role in roles)
    # The seeded client keeps its roles, and API tokens keep full access.
    async with client.get(f"/oauth2/v1/clients/{sim.org.default_client_id}/roles") as response:
        assert response.status == 200
        assert [role["type"] for role in await response.json()] == ["USER_ADMIN", "CUSTOM"]


async def test_revoked_tokens_get_401_invalid_token(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey
) -> None:
    first, second = make_app(sim, rsa_key), make_app(sim, rsa_key)
    token = await get_token(http, sim, rsa_key, first, "okta.users.read")
    other = await get_token(http, sim, rsa_key, second, "okta.users.read")
    assert sim.revoke_access_tokens(first.client_id) == 1
    status, body, response = await request(http, sim, token, "GET", "/api/v1/users")
    assert_okta_error(status, body, 401, "E0000011")
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer ")
    assert 'error="invalid_token"' in challenge
    assert f'error_description="{oauth_error("access_token_revoked")[2]}"' in challenge
    assert (await request(http, sim, other, "GET", "/api/v1/users"))[0] == 200
    assert sim.revoke_access_tokens() == 1
    assert (await request(http, sim, other, "GET", "/api/v1/users"))[0] == 401
    # A new token works again.
    fresh = await get_token(http, sim, rsa_key, first, "okta.users.read")
    assert (await request(http, sim, fresh, "GET", "/api/v1/users"))[0] == 200


async def test_tokens_expire_after_their_lifetime(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    app = make_app(sim, rsa_key)
    token = await get_token(http, sim, rsa_key, app, "okta.users.read")
    clock.advance(3599)
    assert (await request(http, sim, token, "GET", "/api/v1/users"))[0] == 200
    clock.advance(1)
    status, body, response = await request(http, sim, token, "GET", "/api/v1/users")
    assert_okta_error(status, body, 401, "E0000011")
    assert f'error_description="{oauth_error("token_expired")[2]}"' in response.headers["WWW-Authenticate"]


async def test_set_token_lifetime_shortens_new_tokens(
    sim: OktaSimulator, http: aiohttp.ClientSession, rsa_key: jwk.RSAKey, clock: ManualClock
) -> None:
    app = make_app(sim, rsa_key)
    sim.set_token_lifetime(60)
    later = make_app(sim, rsa_key)
    assert later.token_lifetime == 60
    from .oauth_support import assertion, form

    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, clock())))
    assert (status, body["expires_in"]) == (200, 60)
    clock.advance(60)
    assert (await request(http, sim, body["access_token"], "GET", "/api/v1/users"))[0] == 401
    sim.set_token_lifetime(7200, client_id=app.client_id)
    status, body, _ = await post_token(http, sim, form(assertion(rsa_key, app, clock())))
    assert body["expires_in"] == 7200
    with pytest.raises(ValueError, match="positive"):
        sim.set_token_lifetime(0)


@pytest.mark.parametrize("authorization", ["Bearer not-a-token", "Bearer", "bearer  ", "DPoP nope"])
async def test_unknown_oauth_tokens_get_401_e0000011(
    sim: OktaSimulator, http: aiohttp.ClientSession, authorization: str
) -> None:
    async with http.get(f"{sim.url}/api/v1/users", headers={"Authorization": authorization}) as response:
        assert_okta_error(response.status, await response.json(), 401, "E0000011")


# --- the permission model -------------------------------------------------------------------
def test_manage_permissions_imply_everything_beneath_them() -> None:
    grants = Grants({"okta.users.manage"})
    for implied in ("okta.users.read", "okta.users.lifecycle.suspend", "okta.users.credentials.resetFactors"):
        assert grants.allows(implied)
    assert not grants.allows("okta.groups.read")
    assert not grants.allows("okta.iam.read")
    lifecycle = Grants({"okta.users.lifecycle.manage"})
    assert lifecycle.allows("okta.users.lifecycle.unlock")
    assert not lifecycle.allows("okta.users.read")
    assert not Grants({"okta.users.userprofile.manage"}).allows("okta.users.read")
    read_only = Grants(set(STANDARD_ROLE_PERMISSIONS["READ_ONLY_ADMIN"]))
    assert read_only.allows("okta.users.read")
    assert not read_only.allows("okta.iam.read")  # viewing administrators is a super admin's
    assert not read_only.allows("okta.users.lifecycle.suspend")
    assert Grants({"*.read"}).allows("okta.iam.read")
    assert Grants({"*"}).allows("okta.anything.at.all")
    assert Grants(set()).allows_any(((),))  # `[[]]`: nothing needed


def test_every_protected_route_has_a_scope_and_permission_requirement() -> None:
    from oktakit.testing._peer import REQUIREMENTS as PEER_REQUIREMENTS

    needs = {**REQUIREMENTS, **PEER_REQUIREMENTS}
    for _, _, _, operation in ROUTES:
        if operation in PUBLIC_OPERATIONS:
            continue
        assert operation in needs, operation
        assert needs[operation].scopes, operation
        assert needs[operation].permissions, operation

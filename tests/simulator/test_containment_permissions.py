"""What an admin's custom role must hold for the containment and directory operations: the
permissions okta_spec names for each, over a resource set that reaches the user and, for a
membership, the group (Okta: "Edit users' group membership" and "Manage group membership" each
need the other)."""

from __future__ import annotations

import aiohttp
import pytest

from oktakit.testing import OktaSimulator

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


def admin_token(sim: OktaSimulator, permissions: list[str], resources: list[str]) -> str:
    """An API token of an admin whose one custom role holds ``permissions`` over ``resources``."""
    admin = sim.add_user(login=f"admin{len(sim.org.users)}@example.com", status="ACTIVE")
    role = sim.org.add_custom_role(f"role-{admin.id}", permissions)
    resource_set = sim.org.add_resource_set(f"set-{admin.id}", resources)
    sim.org.assign_custom_role(admin.id, role, resource_set.id, to_user=True)
    return sim.issue_api_token(admin=admin.id)


async def as_admin(sim: OktaSimulator, token: str, method: str, path: str) -> tuple[int, object]:
    async with aiohttp.ClientSession(base_url=sim.url, headers={"Authorization": f"SSWS {token}"}) as session:
        status, body, _ = await call(session, method, path)
        return status, body


async def test_clearing_sessions_needs_clear_sessions_and_does_not_expire_passwords(
    sim: OktaSimulator,
) -> None:
    user = user_with(sim, "ACTIVE", has_password=True)
    token = admin_token(sim, ["okta.users.lifecycle.clearSessions"], ["/api/v1/users"])

    assert 204 == (await as_admin(sim, token, "DELETE", f"/api/v1/users/{user.id}/sessions"))[0]
    assert 204 == (await as_admin(sim, token, "DELETE", f"/api/v1/users/{user.id}/grants"))[0]
    status, body = await as_admin(sim, token, "POST", f"/api/v1/users/{user.id}/lifecycle/expire_password")
    assert_okta_error(status, body, 403, "E0000006")
    assert "ACTIVE" == user.status


async def test_a_membership_needs_both_permissions_and_a_set_reaching_the_group(sim: OktaSimulator) -> None:
    user = user_with(sim, "ACTIVE")
    vpn = next(g for g in sim.org.groups.values() if g.name == "VPN Users")
    sales = next(g for g in sim.org.groups.values() if g.name == "Sales")
    both = ["okta.groups.members.manage", "okta.users.groupMembership.manage"]
    scoped = admin_token(sim, both, ["/api/v1/users", f"/api/v1/groups/{vpn.id}"])
    half = admin_token(sim, both[:1], ["/api/v1/users", "/api/v1/groups"])

    assert 204 == (await as_admin(sim, scoped, "PUT", f"/api/v1/groups/{vpn.id}/users/{user.id}"))[0]
    for token, group in ((scoped, sales), (half, vpn)):
        status, body = await as_admin(sim, token, "DELETE", f"/api/v1/groups/{group.id}/users/{user.id}")
        assert_okta_error(status, body, 403, "E0000006")
    assert vpn.id in user.group_ids


async def test_creating_a_user_into_a_group_needs_to_manage_that_group_s_members(sim: OktaSimulator) -> None:
    vpn = next(g for g in sim.org.groups.values() if g.name == "VPN Users")
    creator = admin_token(sim, ["okta.users.create"], ["/api/v1/groups"])
    body = {"profile": {"login": "z@example.com", "email": "z@example.com"}, "groupIds": [vpn.id]}

    async with aiohttp.ClientSession(
        base_url=sim.url, headers={"Authorization": f"SSWS {creator}"}
    ) as session:
        status, answer, _ = await call(
            session, "POST", "/api/v1/users", json=body, params={"activate": "false"}
        )
        assert_okta_error(status, answer, 403, "E0000006")
        del body["groupIds"]
        status, answer, _ = await call(
            session, "POST", "/api/v1/users", json=body, params={"activate": "false"}
        )
    assert (200, "STAGED") == (status, answer["status"])


async def test_deleting_needs_delete_and_deactivate(sim: OktaSimulator) -> None:
    user = user_with(sim, "SUSPENDED")
    only_delete = admin_token(sim, ["okta.users.lifecycle.delete"], ["/api/v1/users"])
    both = admin_token(
        sim, ["okta.users.lifecycle.delete", "okta.users.lifecycle.deactivate"], ["/api/v1/users"]
    )

    status, body = await as_admin(sim, only_delete, "DELETE", f"/api/v1/users/{user.id}")
    assert_okta_error(status, body, 403, "E0000006")
    assert 204 == (await as_admin(sim, both, "DELETE", f"/api/v1/users/{user.id}"))[0]
    assert "DEPROVISIONED" == user.status

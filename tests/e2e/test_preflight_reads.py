"""What the preflight reads and how it judges it: conditions, every page of a resource set,
inactive roles, empty sets, revoked grants, and least-privilege advice.

Conditions follow Okta's published examples (``okta:ResourceAttribute/User/Profile`` with
``include`` or ``exclude`` lists of attribute names); resource sets hold up to 1,000 resources,
listed 100 to a page by default (Okta's spec: ``limit`` defaults to 100).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from oktakit import ApiToken, OktaClient, PermissionDeniedError, PrivateKeyJWT, SigningKey, public_jwks
from oktakit.permissions import requirements
from oktakit.testing import OktaSimulator

PROFILE = "okta:ResourceAttribute/User/Profile"
EDIT = "okta.users.userprofile.manage"
SUSPEND = "okta.users.lifecycle.suspend"


def app(
    sim: OktaSimulator,
    key: SigningKey,
    permissions: Iterable[str],
    *,
    scopes: Iterable[str] = ("okta.users.read", "okta.users.manage"),
    resources: Iterable[str] | None = None,
    conditions: dict[str, dict[str, Any]] | None = None,
) -> OktaClient:
    service_app = sim.add_service_app(
        jwks=public_jwks([key])["keys"], scopes=scopes, custom_permissions=permissions, resources=resources
    )
    role = sim.org.custom_role(f"{service_app.client_id} custom role")
    assert role is not None
    for permission in role.permissions:
        permission.conditions = (conditions or {}).get(permission.label)
    return OktaClient(sim.url, auth=PrivateKeyJWT(service_app.client_id, key, list(scopes)))


def auditor(sim: OktaSimulator) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token))


def active(sim: OktaSimulator) -> str:
    return next(uid for uid in sim.org.users if sim.org.users[uid].status == "ACTIVE")


# --- conditions -----------------------------------------------------------------------------


async def test_a_profile_permission_whose_conditions_include_no_attribute_is_missing(
    sim: OktaSimulator, key: SigningKey
) -> None:
    nothing = {EDIT: {"include": {PROFILE: []}}}
    async with app(sim, key, [EDIT], conditions=nothing) as okta, auditor(sim) as audit:
        report = await okta.preflight(["update_user"], auditor=audit)
        with pytest.raises(PermissionDeniedError):
            await okta.update_user(active(sim), profile={"city": "Oslo"})

    assert not report.ok
    assert [EDIT] == [p.key for p in report.missing_permissions]
    assert any(
        "its conditions include none" in step and "remove those conditions" in step for step in report.advice
    )
    assert not any(step.startswith("add ") for step in report.advice)  # the role has it, conditioned


async def test_a_profile_permission_limited_to_some_attributes_is_unverified_for_an_update(
    sim: OktaSimulator, key: SigningKey
) -> None:
    every_standard_one = {EDIT: {"exclude": {PROFILE: ["login", "email", "firstName", "lastName", "city"]}}}
    uid = active(sim)
    async with app(sim, key, [EDIT], conditions=every_standard_one) as okta, auditor(sim) as audit:
        report = await okta.preflight(["update_user"], auditor=audit)
        await okta.update_user(uid, profile={"title": "Lead"})  # not excluded
        with pytest.raises(PermissionDeniedError):
            await okta.update_user(uid, profile={"city": "Oslo"})  # excluded

    assert not report.ok
    assert ((), ()) == (report.missing_permissions, report.missing_resources)
    assert any(
        "update_user" in item and "not login, email, firstName, lastName, city" in item
        for item in report.unverified
    )
    assert "Lead" == sim.org.users[uid].profile["title"]
    assert "Oslo" != sim.org.users[uid].profile.get("city")


async def test_a_read_limited_to_some_attributes_still_reads_users_and_says_so(
    sim: OktaSimulator, key: SigningKey
) -> None:
    some = {"okta.users.read": {"include": {PROFILE: ["city", "state"]}}}
    async with app(sim, key, ["okta.users.read"], conditions=some) as okta, auditor(sim) as audit:
        report = await okta.preflight(["get_user"], auditor=audit)

    assert report.ok, report.summary()
    assert any(
        "only city, state" in note and "get_user sees only those attributes" in note for note in report.notes
    )


async def test_conditions_the_preflight_cannot_read_are_unverified(
    sim: OktaSimulator, key: SigningKey
) -> None:
    odd = {SUSPEND: {"include": {"okta:ResourceAttribute/User/Department": ["Sales"]}}}
    async with app(sim, key, [SUSPEND], conditions=odd) as okta, auditor(sim) as audit:
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert not report.ok
    assert any("okta:ResourceAttribute/User/Department" in item for item in report.unverified)


# --- resource sets: every page, empty sets ----------------------------------------------------


@pytest.mark.parametrize("groups", [150, 999])
async def test_every_page_of_a_resource_set_is_read(sim: OktaSimulator, key: SigningKey, groups: int) -> None:
    # All users comes last, after the groups, on the last page (100 resources a page).
    resources = [f"/api/v1/groups/00g{index:017d}/users" for index in range(groups)] + ["/api/v1/users"]
    async with app(sim, key, [SUSPEND], resources=resources) as okta, auditor(sim) as audit:
        sim.reset_counters()
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert report.ok, report.summary()
    assert -(-(groups + 1) // 100) == sim.request_counts["listResourceSetResources"]


async def test_a_custom_role_over_an_empty_resource_set_reaches_nothing(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with app(sim, key, [SUSPEND], resources=[]) as okta, auditor(sim) as audit:
        report = await okta.preflight(["suspend_user"], auditor=audit)
        with pytest.raises(PermissionDeniedError):
            await okta.suspend_user(active(sim))

    assert (("All users",), ()) == (report.missing_resources, report.missing_permissions)
    assert any("which holds no users" in step for step in report.advice)


async def test_all_users_except_some_is_reaching_only_some_users(sim: OktaSimulator, key: SigningKey) -> None:
    async with app(sim, key, [SUSPEND]) as okta, auditor(sim) as audit:
        resource_set = list(sim.org.resource_sets.values())[-1]
        real = audit.list_resource_set_resources  # as Okta lists a resource with Exclude conditions

        async def excluding(set_id: str, **kw: Any) -> Any:
            async for resource in real(set_id, **kw):
                if resource.orn and resource.orn.endswith(":users"):
                    resource.additional_properties["conditions"] = {"Exclude": {"okta:ORN": ["orn:x:1"]}}
                yield resource

        audit.list_resource_set_resources = excluding  # type: ignore[method-assign]
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert ("All users",) == report.missing_resources
    assert any(resource_set.id in step and "except 1" in step for step in report.advice)


# --- inactive roles, revoked grants ------------------------------------------------------------


async def test_an_inactive_role_grants_nothing(sim: OktaSimulator, key: SigningKey) -> None:
    async with app(sim, key, [SUSPEND]) as okta, auditor(sim) as audit:
        for assignment in sim.org.clients[list(sim.service_apps)[-1]]:
            assignment.status = "INACTIVE"
        report = await okta.preflight(["suspend_user"], auditor=audit)
        with pytest.raises(PermissionDeniedError):
            await okta.suspend_user(active(sim))

    assert [SUSPEND] == [p.key for p in report.missing_permissions]
    assert any("is INACTIVE" in note for note in report.notes)
    assert any("no active admin role" in note for note in report.notes)
    assert any("Admin roles tab" in step for step in report.advice)


async def test_a_revoked_grant_is_missing_though_the_current_token_still_carries_it(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with app(sim, key, [SUSPEND], scopes=["okta.users.manage"]) as okta, auditor(sim) as audit:
        await okta.check()  # the token is issued with okta.users.manage
        sim.revoke_scope_grant(list(sim.service_apps)[-1], "okta.users.manage")
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert ("okta.users.manage",) == report.missing_scopes
    assert any("it is revoked" in step and "still carries it" in step for step in report.advice)


async def test_a_granted_scope_the_token_did_not_ask_for_is_missing_with_advice_to_ask(
    sim: OktaSimulator, key: SigningKey
) -> None:
    service_app = sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=["okta.users.manage", "okta.users.read"],
        custom_permissions=[SUSPEND],
    )
    auth = PrivateKeyJWT(service_app.client_id, key, ["okta.users.read"])
    async with OktaClient(sim.url, auth=auth) as okta, auditor(sim) as audit:
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert ("okta.users.manage",) == report.missing_scopes
    assert any(step.startswith("ask for okta.users.manage in the token request") for step in report.advice)


# --- least-privilege advice ---------------------------------------------------------------------


def test_least_privilege_prefers_a_read_permission_to_a_write_one() -> None:
    # get_user accepts okta.users.read or okta.users.userprofile.manage: one permission either way.
    assert ["okta.users.read"] == [p.key for p in requirements(["get_user"]).custom_role]
    assert ["okta.users.read"] == [p.key for p in requirements(["list_users", "get_user"]).custom_role]


async def test_the_preflight_asks_for_the_read_permission_when_neither_is_granted(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with app(sim, key, [SUSPEND]) as okta, auditor(sim) as audit:
        report = await okta.preflight(["get_user"], auditor=audit)

    assert ["okta.users.read"] == [p.key for p in report.missing_permissions]
    role = list(sim.org.custom_roles.values())[-1]
    assert f"add okta.users.read to custom role {role.label!r} ({role.id})" in report.advice[0]

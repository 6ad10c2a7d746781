"""The endpoints served for okta-sdk-python's own tests beyond oktakit's spec: groups, password
and recovery-question changes, admin roles of users and groups with group targets, app links and
identity providers, with Okta's answers (shapes are held to Okta's spec in test_upstream_fidelity)."""

from __future__ import annotations

import aiohttp
import pytest

from oktakit.testing import ManualClock, OktaSimulator
from oktakit.testing._account_state import digest

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


def everyone(sim: OktaSimulator) -> str:
    return next(g.id for g in sim.org.groups.values() if g.type == "BUILT_IN")


async def test_a_group_is_created_read_renamed_and_deleted(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    status, group, _ = await call(client, "POST", "/api/v1/groups", json={"profile": {"name": "Responders"}})
    assert (200, "OKTA_GROUP", None) == (status, group["type"], group["profile"]["description"])
    url = f"/api/v1/groups/{group['id']}"

    assert "Responders" == (await call(client, "GET", url))[1]["profile"]["name"]
    _, renamed, _ = await call(
        client, "PUT", url, json={"profile": {"name": "Incident", "description": "IR"}}
    )
    assert ("Incident", "IR") == (renamed["profile"]["name"], renamed["profile"]["description"])
    assert 204 == (await call(client, "DELETE", url))[0]
    status, body, _ = await call(client, "GET", url)
    assert_okta_error(status, body, 404, "E0000007", f"Resource not found: {group['id']} (UserGroup)")


async def test_the_everyone_group_is_neither_renamed_nor_deleted(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    url = f"/api/v1/groups/{everyone(sim)}"
    status, body, _ = await call(client, "PUT", url, json={"profile": {"name": "All"}})
    assert_okta_error(status, body, 501, "E0000060")
    status, body, _ = await call(client, "DELETE", url)
    assert_okta_error(status, body, 501, "E0000060")
    assert "Everyone" == sim.org.groups[everyone(sim)].name


async def test_changing_a_password_checks_the_old_one_and_ends_an_expiry(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "PASSWORD_EXPIRED", has_password=True)
    user.account.password_digest = digest("Old-passw0rd")
    url = f"/api/v1/users/{user.id}/credentials/change_password"
    clock.advance(1)

    status, body, _ = await call(
        client,
        "POST",
        url,
        json={"oldPassword": {"value": "wrong-one"}, "newPassword": {"value": "N3w-passw0rd"}},
    )
    assert_okta_error(status, body, 403, "E0000014")
    status, credentials, _ = await call(
        client,
        "POST",
        url,
        json={"oldPassword": {"value": "Old-passw0rd"}, "newPassword": {"value": "N3w-passw0rd"}},
    )
    assert (200, {}) == (status, credentials["password"])
    assert ("ACTIVE", clock()) == (user.status, user.password_changed)


async def test_a_recovery_question_is_set_with_the_password_and_its_answer_checked(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE", has_password=True)
    base = f"/api/v1/users/{user.id}/credentials"
    question = {
        "password": {"value": "any"},
        "recovery_question": {"question": "First pet?", "answer": "Rex dog"},
    }

    _, credentials, _ = await call(client, "POST", f"{base}/change_recovery_question", json=question)
    assert {"question": "First pet?"} == credentials["recovery_question"]
    wrong = {"password": {"value": "N3w-passw0rd"}, "recovery_question": {"answer": "Fido"}}
    status, body, _ = await call(client, "POST", f"{base}/forgot_password_recovery_question", json=wrong)
    assert_okta_error(status, body, 403, "E0000087")
    right = {"password": {"value": "N3w-passw0rd"}, "recovery_question": {"answer": "Rex dog"}}
    assert 200 == (await call(client, "POST", f"{base}/forgot_password_recovery_question", json=right))[0]
    assert digest("N3w-passw0rd") == user.account.password_digest


async def test_a_recovery_question_cannot_change_for_a_suspended_user(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "SUSPENDED", has_password=True)
    body = {"password": {"value": "x"}, "recovery_question": {"question": "Q?", "answer": "an answer"}}
    status, answer, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}/credentials/change_recovery_question", json=body
    )
    assert_okta_error(status, answer, 403, "E0000036")


async def test_a_user_s_standard_role_is_assigned_once_with_okta_s_id_and_unassigned(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    roles = f"/api/v1/users/{user.id}/roles"

    status, role, _ = await call(client, "POST", roles, json={"type": "USER_ADMIN"})
    assert (201, "KVJUKUS7IFCE2SKO", "USER") == (status, role["id"], role["assignmentType"])  # as recorded
    status, body, _ = await call(client, "POST", roles, json={"type": "USER_ADMIN"})
    assert_okta_error(status, body, 409, "E0000090")
    assert ["USER_ADMIN"] == [r["type"] for r in (await call(client, "GET", roles))[1]]
    assert 204 == (await call(client, "DELETE", f"{roles}/{role['id']}"))[0]
    assert [] == (await call(client, "GET", roles))[1]


async def test_group_targets_narrow_a_role_and_the_last_one_stays(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    first, second = [g.id for g in sim.org.groups.values() if g.type == "OKTA_GROUP"][:2]
    _, role, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}/roles", json={"type": "HELP_DESK_ADMIN"}
    )
    targets = f"/api/v1/users/{user.id}/roles/{role['id']}/targets/groups"

    assert [204, 204] == [(await call(client, "PUT", f"{targets}/{g}"))[0] for g in (first, second)]
    assert [first, second] == [g["id"] for g in (await call(client, "GET", targets))[1]]
    assert 204 == (await call(client, "DELETE", f"{targets}/{first}"))[0]
    status, body, _ = await call(client, "DELETE", f"{targets}/{second}")
    assert_okta_error(status, body, 400, "E0000001", "target")
    assert [second] == [g["id"] for g in (await call(client, "GET", targets))[1]]


async def test_a_group_s_roles_and_their_targets(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    owner, target = [g.id for g in sim.org.groups.values() if g.type == "OKTA_GROUP"][:2]
    roles = f"/api/v1/groups/{owner}/roles"
    status, user_admin, _ = await call(client, "POST", roles, json={"type": "USER_ADMIN"})
    _, app_admin, _ = await call(client, "POST", roles, json={"type": "APP_ADMIN"})
    assert (201, "GROUP") == (status, user_admin["assignmentType"])
    assert user_admin["id"] != app_admin["id"]

    targets = f"{roles}/{user_admin['id']}/targets/groups"
    assert 204 == (await call(client, "PUT", f"{targets}/{target}"))[0]
    assert [target] == [g["id"] for g in (await call(client, "GET", targets))[1]]
    status, body, _ = await call(client, "PUT", f"{roles}/{app_admin['id']}/targets/groups/{target}")
    assert_okta_error(status, body, 400, "E0000091")  # an APP_ADMIN takes no group targets
    assert 204 == (await call(client, "DELETE", f"{roles}/{user_admin['id']}"))[0]
    assert ["APP_ADMIN"] == [r["type"] for r in (await call(client, "GET", roles))[1]]
    status, body, _ = await call(
        client, "POST", f"/api/v1/groups/{everyone(sim)}/roles", json={"type": "USER_ADMIN"}
    )
    assert_okta_error(status, body, 400, "E0000211", "Everyone")


@pytest.mark.parametrize("what", ["appLinks", "idps"])
async def test_a_user_has_no_app_links_or_identity_providers_here(
    sim: OktaSimulator, client: aiohttp.ClientSession, what: str
) -> None:
    assert (200, []) == (await call(client, "GET", f"/api/v1/users/{user_with(sim, 'ACTIVE').id}/{what}"))[:2]
    status, body, _ = await call(client, "GET", f"/api/v1/users/00uNobody/{what}")
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 00uNobody (User)")

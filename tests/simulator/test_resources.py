"""listUserGroups, authenticators, temporary access codes, and service-app roles."""

from __future__ import annotations

import re
from typing import Any

import aiohttp
import pytest

from oktakit.testing import ManualClock, OktaSimulator
from oktakit.testing._util import iso8601

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


# --- groups -------------------------------------------------------------------------------
async def test_list_user_groups_returns_everyone_and_department_groups(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    code, body, response = await call(client, "GET", f"/api/v1/users/{user.login}/groups")
    assert code == 200
    names = [group["profile"]["name"] for group in body]
    assert names[0] == "Everyone"
    assert user.profile["department"] in names
    everyone = body[0]
    assert everyone["type"] == "BUILT_IN"
    assert re.match(r"^00g[0-9A-Za-z]{17}$", everyone["id"])
    for group in body:
        assert group["objectClass"] == ["okta:user_group"]
        assert set(group) >= {
            "id",
            "created",
            "lastUpdated",
            "lastMembershipUpdated",
            "type",
            "profile",
            "_links",
        }
        assert set(group["profile"]) == {"name", "description"}
    assert body[1]["type"] == "OKTA_GROUP"
    assert response.headers.getall("Link") == [
        f'<{sim.url}/api/v1/users/{user.id}/groups?limit=200>; rel="self"'
    ]


async def test_list_user_groups_of_unknown_user_returns_404(client: aiohttp.ClientSession) -> None:
    code, body, _ = await call(client, "GET", "/api/v1/users/nobody/groups")
    assert_okta_error(code, body, 404, "E0000007")


# --- authenticators -----------------------------------------------------------------------
async def test_list_authenticators_includes_tac_and_the_usual_keys(client: aiohttp.ClientSession) -> None:
    code, body, _ = await call(client, "GET", "/api/v1/authenticators")
    assert code == 200
    keys = {a["key"] for a in body}
    assert {"tac", "okta_password", "okta_email", "okta_verify", "phone_number"} <= keys
    for authenticator in body:
        assert re.match(r"^aut[0-9A-Za-z]{17}$", authenticator["id"])
        assert authenticator["status"] in ("ACTIVE", "INACTIVE")
        assert set(authenticator) >= {
            "id",
            "key",
            "name",
            "status",
            "type",
            "created",
            "lastUpdated",
            "_links",
        }
        assert authenticator["_links"]["self"]["hints"] == {"allow": ["GET", "PUT"]}


async def test_get_authenticator_by_id_and_unknown_id_404(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    tac = sim.org.authenticator_by_key("tac")
    assert tac is not None
    code, body, _ = await call(client, "GET", f"/api/v1/authenticators/{tac.id}")
    assert code == 200
    assert (body["key"], body["type"], body["name"]) == ("tac", "tac", "Temporary Access Code")
    assert body["provider"]["configuration"]["maxTtl"] == 14400
    code, body, _ = await call(client, "GET", "/api/v1/authenticators/autDoesNotExist00000")
    assert_okta_error(code, body, 404, "E0000007")


# --- temporary access codes ---------------------------------------------------------------
def tac_request(sim: OktaSimulator, **profile: Any) -> dict[str, Any]:
    tac = sim.org.authenticator_by_key("tac")
    assert tac is not None
    return {"authenticatorId": tac.id, "profile": profile}


@pytest.mark.parametrize("ttl", [11, "11", 10, "14400"])
async def test_tac_enrollment_returns_code_with_expiry(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock, ttl: object
) -> None:
    user = user_with(sim, "ACTIVE")
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}/authenticator-enrollments/tac",
        json=tac_request(sim, ttl=ttl, multiUse=True),
    )
    assert code == 200
    assert re.match(r"^tac[0-9A-Za-z]{17}$", body["id"])
    assert (body["type"], body["key"], body["status"]) == ("tac", "tac", "ACTIVE")
    assert body["name"] == "Temporary Access Code"
    assert len(body["profile"]["tac"]) == 16
    assert body["profile"]["multiUse"] is True
    assert body["profile"]["expiresAt"] == iso8601(clock() + int(str(ttl)) * 60)
    assert body["_links"]["user"]["href"] == f"{sim.url}/api/v1/users/{user.id}"


async def test_tac_without_ttl_uses_the_default_of_120_minutes(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "ACTIVE")
    tac = sim.org.authenticator_by_key("tac")
    assert tac is not None
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}/authenticator-enrollments/tac",
        json={"authenticatorId": tac.id},
    )
    assert code == 200
    assert body["profile"]["expiresAt"] == iso8601(clock() + 120 * 60)
    assert body["profile"]["multiUse"] is False


async def test_new_tac_invalidates_the_previous_one(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    path = f"/api/v1/users/{user.id}/authenticator-enrollments/tac"
    _, first, _ = await call(client, "POST", path, json=tac_request(sim, ttl=30))
    _, second, _ = await call(client, "POST", path, json=tac_request(sim, ttl=30))
    assert first["profile"]["tac"] != second["profile"]["tac"]
    assert [t.valid for t in user.tac_enrollments] == [False, True]
    active = user.active_tac
    assert active is not None
    assert active.code == second["profile"]["tac"]
    assert "tac" in user.factors


@pytest.mark.parametrize(
    ("operation", "status_after"),
    [
        # Okta's resetFactors "returns all MFA factor enrollments to the unenrolled state"; a
        # TAC is an authenticator enrollment, so it goes with them.
        ("reset_factors", "ACTIVE"),
        # A deactivated user cannot sign in: no code issued before stays usable.
        ("deactivate", "DEPROVISIONED"),
    ],
)
async def test_lifecycle_operations_invalidate_every_tac(
    sim: OktaSimulator, client: aiohttp.ClientSession, operation: str, status_after: str
) -> None:
    user = user_with(sim, "ACTIVE")
    path = f"/api/v1/users/{user.id}/authenticator-enrollments/tac"
    for _ in range(2):
        code, _, _ = await call(client, "POST", path, json=tac_request(sim, ttl=30))
        assert code == 200
    assert [False, True] == [tac.valid for tac in user.tac_enrollments]

    code, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/{operation}")

    assert (200, status_after) == (code, user.status)
    assert [False, False] == [tac.valid for tac in user.tac_enrollments]
    assert user.active_tac is None


@pytest.mark.parametrize("ttl", [9, 14401, "abc", 10.5, True, ""])
async def test_tac_ttl_out_of_range_or_malformed_returns_400_e0000001(
    sim: OktaSimulator, client: aiohttp.ClientSession, ttl: object
) -> None:
    user = user_with(sim, "ACTIVE")
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}/authenticator-enrollments/tac",
        json=tac_request(sim, ttl=ttl),
    )
    assert_okta_error(code, body, 400, "E0000001")
    assert body["errorCauses"][0]["errorSummary"].startswith("ttl: ")


async def test_tac_with_a_non_tac_authenticator_returns_400_e0000001(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    email = sim.org.authenticator_by_key("okta_email")
    assert email is not None
    for payload in ({"authenticatorId": email.id}, {"profile": {"ttl": 20}}, {"authenticatorId": "autNope"}):
        code, body, _ = await call(
            client, "POST", f"/api/v1/users/{user.id}/authenticator-enrollments/tac", json=payload
        )
        assert_okta_error(code, body, 400, "E0000001")
        assert body["errorCauses"][0]["errorSummary"].startswith("authenticatorId: ")


async def test_tac_multi_use_is_refused_when_the_org_disallows_it(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    tac = sim.org.authenticator_by_key("tac")
    assert tac is not None
    tac.extra["provider"]["configuration"]["multiUseAllowed"] = False
    user = user_with(sim, "ACTIVE")
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}/authenticator-enrollments/tac",
        json=tac_request(sim, multiUse=True),
    )
    assert_okta_error(code, body, 400, "E0000001")


async def test_tac_for_unknown_user_returns_404_e0000007(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    code, body, _ = await call(
        client,
        "POST",
        "/api/v1/users/00uNoSuchUser0000000/authenticator-enrollments/tac",
        json=tac_request(sim),
    )
    assert_okta_error(code, body, 404, "E0000007")


async def test_tac_path_takes_a_user_id_not_a_login(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    code, _, _ = await call(
        client, "POST", f"/api/v1/users/{user.login}/authenticator-enrollments/tac", json=tac_request(sim)
    )
    assert code == 404


async def test_tac_for_deprovisioned_user_returns_400(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "DEPROVISIONED")
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}/authenticator-enrollments/tac", json=tac_request(sim)
    )
    assert_okta_error(code, body, 400, "E0000001")


async def test_tac_with_malformed_json_returns_400_e0000003(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}/authenticator-enrollments/tac",
        data=b"{oops",
        headers={"Content-Type": "application/json"},
    )
    assert_okta_error(code, body, 400, "E0000003")


# --- roles and permissions ----------------------------------------------------------------
async def test_list_roles_for_client_returns_standard_and_custom_assignments(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    client_id = sim.org.default_client_id
    code, body, _ = await call(client, "GET", f"/oauth2/v1/clients/{client_id}/roles")
    assert code == 200
    standard, custom = body
    assert standard["type"] == "USER_ADMIN"
    assert standard["assignmentType"] == "CLIENT"
    assert standard["status"] == "ACTIVE"
    assert standard["_links"] == {"assignee": {"href": f"{sim.url}/oauth2/v1/clients/{client_id}"}}
    assert "role" not in standard
    assert custom["type"] == "CUSTOM"
    assert custom["label"] == "oktakit-user-lifecycle"
    assert re.match(r"^cr0[0-9A-Za-z]{17}$", custom["role"])
    assert re.match(r"^iam[0-9A-Za-z]{17}$", custom["resource-set"])
    assert set(custom["_links"]) == {"role", "resource-set", "permissions", "member", "assignee"}


async def test_roles_seeded_by_a_test_are_listed(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    client_id = sim.org.add_client("0oaTestClient0000000")
    role = sim.org.add_custom_role("suspender", ["okta.users.lifecycle.suspend"])
    sim.org.assign_custom_role(client_id, role)
    sim.org.assign_standard_role(client_id, "READ_ONLY_ADMIN")
    code, body, _ = await call(client, "GET", f"/oauth2/v1/clients/{client_id}/roles")
    assert code == 200
    assert [(r["type"], r["label"]) for r in body] == [
        ("CUSTOM", "suspender"),
        ("READ_ONLY_ADMIN", "Read Only Administrator"),
    ]


async def test_client_without_roles_lists_empty_and_unknown_client_404s(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    client_id = sim.org.add_client()
    code, body, _ = await call(client, "GET", f"/oauth2/v1/clients/{client_id}/roles")
    assert (code, body) == (200, [])
    code, body, _ = await call(client, "GET", "/oauth2/v1/clients/0oaUnknownClient0000/roles")
    assert_okta_error(code, body, 404, "E0000007")


async def test_list_role_permissions_by_id_and_by_label(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    role = sim.org.custom_role("oktakit-user-lifecycle")
    assert role is not None
    for key in (role.id, role.label):
        code, body, _ = await call(client, "GET", f"/api/v1/iam/roles/{key}/permissions")
        assert code == 200
        labels = [p["label"] for p in body["permissions"]]
        assert "okta.users.lifecycle.suspend" in labels
        first = body["permissions"][0]
        assert first["conditions"] is None
        assert first["_links"]["role"] == {"href": f"{sim.url}/api/v1/iam/roles/{role.id}"}
        assert first["_links"]["self"]["href"].endswith(f"/permissions/{first['label']}")


async def test_unknown_role_permissions_returns_404(client: aiohttp.ClientSession) -> None:
    code, body, _ = await call(client, "GET", "/api/v1/iam/roles/no-such-role/permissions")
    assert_okta_error(code, body, 404, "E0000007")

"""getUser: lookup rules, Okta's user JSON shape and the `_links` each status advertises."""

from __future__ import annotations

import re
from urllib.parse import quote

import aiohttp
import pytest

from oktakit.testing import OktaSimulator

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
USER_ID = re.compile(r"^00u[0-9A-Za-z]{17}$")


async def test_get_user_by_id_returns_okta_user_shape(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    status, body, response = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert status == 200
    assert response.content_type == "application/json"
    assert list(body)[:10] == [
        "id", "status", "created", "activated", "statusChanged", "lastLogin",
        "lastUpdated", "passwordChanged", "type", "profile",
    ]  # fmt: skip
    assert USER_ID.match(body["id"])
    assert body["status"] == "ACTIVE"
    assert "transitioningToStatus" not in body
    for name in ("created", "activated", "statusChanged", "lastLogin", "lastUpdated", "passwordChanged"):
        assert TIMESTAMP.match(body[name]), name
    assert body["type"] == {"id": sim.org.user_type_id}
    assert body["credentials"]["password"] == {}
    assert body["credentials"]["provider"] == {"type": "OKTA", "name": "OKTA"}
    profile = body["profile"]
    assert profile["login"] == user.login
    assert re.match(r"^[a-z]+\.[a-z]+\d*@example\.com$", profile["login"])
    for attr in ("legalName", "dateOfBirth", "employeeNumber", "department"):
        assert attr in profile
    assert re.match(r"^\d{4}-\d\d-\d\d$", profile["dateOfBirth"])
    assert body["_links"]["self"] == {"href": f"{sim.url}/api/v1/users/{user.id}"}


async def test_get_user_by_login_and_by_percent_encoded_login(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    for path in (f"/api/v1/users/{user.login}", f"/api/v1/users/{quote(user.login, safe='')}"):
        status, body, _ = await call(client, "GET", path)
        assert status == 200
        assert body["id"] == user.id


async def test_get_user_by_login_is_case_insensitive(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    status, body, _ = await call(client, "GET", f"/api/v1/users/{user.login.upper()}")
    assert status == 200
    assert body["id"] == user.id


async def test_get_user_by_unambiguous_shortname(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = user_with(sim, "ACTIVE")
    shortname = user.login.split("@")[0]
    status, body, _ = await call(client, "GET", f"/api/v1/users/{shortname}")
    assert status == 200
    assert body["id"] == user.id


async def test_ambiguous_shortname_returns_404_e0000007(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.add_user(login="sam.same@example.com", first_name="Sam", last_name="Same")
    sim.add_user(login="sam.same@other.example.org", first_name="Sam", last_name="Same")
    status, body, _ = await call(client, "GET", "/api/v1/users/sam.same")
    assert_okta_error(status, body, 404, "E0000007")
    assert body["errorSummary"] == "Not found: Resource not found: sam.same (User)"
    # The full logins still work.
    status, _, _ = await call(client, "GET", "/api/v1/users/sam.same@other.example.org")
    assert status == 200


async def test_a_login_change_moves_the_login_and_shortname_lookups(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    first = sim.add_user(login="sam.same@example.com", first_name="Sam", last_name="Same")
    second = sim.add_user(login="sam.same@other.example.org", first_name="Sam", last_name="Same")
    status, _, _ = await call(
        client, "POST", f"/api/v1/users/{first.id}", json={"profile": {"login": "samuel@example.com"}}
    )
    assert 200 == status
    # The old login is gone; "sam.same" now names one user only, and "samuel" the renamed one.
    assert 404 == (await call(client, "GET", "/api/v1/users/sam.same@example.com"))[0]
    for key, user in (("sam.same", second), ("samuel", first), ("SAMUEL@example.com", first)):
        status, body, _ = await call(client, "GET", f"/api/v1/users/{key}")
        assert (200, user.id) == (status, body["id"])
    # A change of case only keeps every lookup working.
    status, _, _ = await call(
        client, "POST", f"/api/v1/users/{first.id}", json={"profile": {"login": "Samuel@Example.com"}}
    )
    assert 200 == status
    for key in ("samuel", "samuel@example.com", "Samuel@Example.com"):
        status, body, _ = await call(client, "GET", f"/api/v1/users/{key}")
        assert (200, first.id) == (status, body["id"])


async def test_unknown_user_returns_404_e0000007_with_okta_wording(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/users/00uDoesNotExist00000")
    assert_okta_error(status, body, 404, "E0000007")
    assert body["errorSummary"] == "Not found: Resource not found: 00uDoesNotExist00000 (User)"
    assert body["errorCauses"] == []


async def test_path_is_percent_decoded_exactly_once(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.add_user(login="odd%40name@example.com", first_name="Odd", last_name="Name")
    # %2540 decodes once to the literal "%40" of this login; decoding twice would give "@".
    status, body, _ = await call(client, "GET", "/api/v1/users/odd%2540name%40example.com")
    assert status == 200
    assert body["profile"]["login"] == "odd%40name@example.com"


async def test_password_value_is_never_returned(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = user_with(sim, "ACTIVE")
    status, _, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}",
        json={"credentials": {"password": {"value": "S3cret!pass"}}},
    )
    assert status == 200
    _, body, response = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert body["credentials"]["password"] == {}
    assert "S3cret!pass" not in (await response.text())


async def test_user_without_password_has_no_password_credential(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "PROVISIONED")
    _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert "password" not in body["credentials"]
    assert body["passwordChanged"] is None


EXPECTED_LINKS = {
    # STAGED omits `deactivate` like recorded Okta responses, although deactivating works.
    "STAGED": {"activate", "resetFactors"},
    "PROVISIONED": {"reactivate", "deactivate", "resetFactors", "resetPassword"},
    "ACTIVE": {
        "suspend", "deactivate", "resetFactors", "resetPassword", "forgotPassword",
        "expirePassword", "changePassword", "changeRecoveryQuestion",
    },
    "RECOVERY": {"reactivate", "deactivate", "resetFactors", "resetPassword", "expirePassword"},
    "LOCKED_OUT": {"unlock", "deactivate", "resetFactors", "resetPassword", "expirePassword"},
    # As recorded (test_expire_password, 2025): what an ACTIVE user is offered.
    "PASSWORD_EXPIRED": {
        "suspend", "deactivate", "resetFactors", "resetPassword", "forgotPassword",
        "expirePassword", "changePassword", "changeRecoveryQuestion",
    },
    "SUSPENDED": {"unsuspend", "deactivate", "resetFactors"},
    "DEPROVISIONED": {"activate"},
}  # fmt: skip


@pytest.mark.parametrize("status", sorted(EXPECTED_LINKS))
async def test_links_advertise_only_operations_allowed_in_each_status(
    sim: OktaSimulator, client: aiohttp.ClientSession, status: str
) -> None:
    conditions = {} if status in ("STAGED", "PROVISIONED") else {"has_password": True}
    user = user_with(sim, status, **conditions)
    _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    links = body["_links"]
    assert set(links) == EXPECTED_LINKS[status] | {"self", "schema", "type"}
    for name in EXPECTED_LINKS[status]:
        assert links[name]["method"] == "POST"
        assert links[name]["href"].startswith(f"{sim.url}/api/v1/users/{user.id}/")
    if "suspend" in links:
        assert links["suspend"]["href"].endswith("/lifecycle/suspend")
    if "resetFactors" in links:
        assert links["resetFactors"]["href"].endswith("/lifecycle/reset_factors")


async def test_list_users_items_carry_only_the_self_link(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    _, body, _ = await call(client, "GET", "/api/v1/users", params={"limit": "5"})
    for item in body:
        assert item["_links"] == {"self": {"href": f"{sim.url}/api/v1/users/{item['id']}"}}


async def test_okta_response_header_omits_credentials_and_credential_links(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    header = {"Content-Type": "application/json; okta-response=omitCredentials,omitCredentialsLinks"}
    _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}", headers=header)
    assert "credentials" not in body
    assert "resetPassword" not in body["_links"]
    assert "suspend" in body["_links"]


async def test_expand_blocks_embeds_the_users_blocks(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    locked = user_with(sim, "LOCKED_OUT")
    _, body, _ = await call(client, "GET", f"/api/v1/users/{locked.id}", params={"expand": "blocks"})
    assert body["_embedded"] == {"blocks": [{"appliesTo": "ANY_DEVICES", "type": "DEVICE_BASED"}]}
    active = user_with(sim, "ACTIVE")
    _, body, _ = await call(client, "GET", f"/api/v1/users/{active.id}", params={"expand": "blocks"})
    assert body["_embedded"] == {"blocks": []}


async def test_direct_state_changes_show_up_in_responses(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    await call(client, "GET", f"/api/v1/users/{user.id}")  # fills the JSON cache
    user.status = "LOCKED_OUT"  # assigning a field drops the cached JSON by itself
    _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert body["status"] == "LOCKED_OUT"
    assert "unlock" in body["_links"]
    user.profile["title"] = "Changed in place"
    user.invalidate()  # needed only for in-place edits of the profile dict
    _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert body["profile"]["title"] == "Changed in place"

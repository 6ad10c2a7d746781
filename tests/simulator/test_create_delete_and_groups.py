"""Creating users (the status each combination lands in, a login unique without case or
diacritics, groups at creation), deleting in two steps, listing groups and members, and changing
memberships of OKTA_GROUP groups only, with Okta's answers."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from oktakit.testing import OktaSimulator
from oktakit.testing._directory import MAX_GROUP_IDS

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio

PASSWORD = {"password": {"value": "Tr0ub4dor&3x"}}


def new(login: str = "ann.lee@example.com", **extra: Any) -> dict[str, Any]:
    return {"profile": {"login": login, "email": login, "firstName": "Ann", "lastName": "Lee"}, **extra}


def group_id(sim: OktaSimulator, name: str) -> str:
    return next(g.id for g in sim.org.groups.values() if g.name == name)


async def create(client: aiohttp.ClientSession, body: Any, **params: str) -> tuple[int, Any]:
    status, answer, _ = await call(client, "POST", "/api/v1/users", json=body, params=params)
    return status, answer


# --- create ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("credentials", "activate", "expected"),
    [
        (PASSWORD, "false", "STAGED"),
        ({}, "false", "STAGED"),
        (PASSWORD, "true", "ACTIVE"),
        ({}, "true", "PROVISIONED"),  # no password: the user must finish setting up
        ({"recovery_question": {"question": "Pet?", "answer": "Rex the dog"}}, "true", "PROVISIONED"),
    ],
)
async def test_a_new_user_lands_in_the_status_okta_documents(
    sim: OktaSimulator,
    client: aiohttp.ClientSession,
    credentials: dict[str, Any],
    activate: str,
    expected: str,
) -> None:
    status, user = await create(client, new(credentials=credentials), activate=activate)
    assert (200, expected) == (status, user["status"])
    assert user["id"] in sim.org.users
    everyone = group_id(sim, "Everyone")
    assert everyone in sim.org.users[user["id"]].group_ids  # every user is in Everyone


async def test_a_new_user_is_activated_by_default(client: aiohttp.ClientSession) -> None:
    status, user = await create(client, new(credentials=PASSWORD))
    assert (200, "ACTIVE") == (status, user["status"])


async def test_a_federated_user_is_active_checked_by_its_provider_and_takes_no_password(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    provider = {"provider": {"type": "FEDERATION", "name": "FEDERATION"}}
    status, user = await create(client, new(credentials=provider), provider="true")
    assert (200, "ACTIVE") == (status, user["status"])
    assert {"type": "FEDERATION", "name": "FEDERATION"} == user["credentials"]["provider"]
    assert "password" not in user["credentials"]
    status, body = await create(
        client, new("bo@example.com", credentials={**provider, **PASSWORD}), provider="true"
    )
    assert_okta_error(status, body, 400, "E0000001", "password")


@pytest.mark.parametrize("login", ["Alice.Fischer@EXAMPLE.com", "alíce.físcher@example.com"])
async def test_a_login_is_unique_ignoring_case_and_diacritics(
    sim: OktaSimulator, client: aiohttp.ClientSession, login: str
) -> None:
    owner = sim.add_user(login="alice.fischer@example.com", status="ACTIVE")
    count = len(sim.org.users)
    status, body = await create(client, new(login), activate="false")
    assert_okta_error(status, body, 400, "E0000001", "login")
    assert ["login: An object with this field already exists in the current organization"] == [
        c["errorSummary"] for c in body["errorCauses"]
    ]
    assert (count, owner) == (len(sim.org.users), sim.org.users.login_taken_by(login))


async def test_expiring_the_password_at_creation_needs_activation_and_a_password(
    client: aiohttp.ClientSession,
) -> None:
    status, body = await create(
        client, new(credentials=PASSWORD), activate="false", nextLogin="changePassword"
    )
    assert_okta_error(status, body, 400, "E0000125")
    status, body = await create(client, new(), nextLogin="changePassword")
    assert_okta_error(status, body, 400, "E0000124")
    status, user = await create(client, new(credentials=PASSWORD), nextLogin="changePassword")
    assert (200, "PASSWORD_EXPIRED") == (status, user["status"])


async def test_group_ids_add_the_new_user_to_okta_groups_only(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    vpn, everyone = group_id(sim, "VPN Users"), group_id(sim, "Everyone")
    status, user = await create(client, new(groupIds=[vpn]), activate="false")
    assert 200 == status
    assert {vpn, everyone} == set(sim.org.users[user["id"]].group_ids)

    for bad in ([everyone], ["00gNoSuchGroup0000000"]):
        status, body = await create(client, new("x@example.com", groupIds=bad), activate="false")
        assert_okta_error(status, body, 400, "E0000001", "groupIds")
    status, body = await create(client, new("y@example.com", groupIds=[vpn] * (MAX_GROUP_IDS + 1)))
    assert_okta_error(status, body, 400, "E0000093")
    assert sim.org.users.by_login("x@example.com") is None


async def test_a_profile_without_a_login_or_not_json_is_refused(client: aiohttp.ClientSession) -> None:
    status, body = await create(client, {"profile": {"email": "a@example.com"}})
    assert_okta_error(status, body, 400, "E0000001", "login")
    status, body, _ = await call(
        client, "POST", "/api/v1/users", data=b"{", headers={"Content-Type": "application/json"}
    )
    assert_okta_error(status, body, 400, "E0000003")


async def test_a_created_user_s_id_follows_every_other_so_it_is_listed_last(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    before = max(sim.org.users)
    ids = [(await create(client, new(f"u{i}@example.com"), activate="false"))[1]["id"] for i in range(3)]
    assert sorted(ids) == ids
    assert before < ids[0]
    _, listed, _ = await call(client, "GET", "/api/v1/users", params={"search": 'status eq "STAGED"'})
    assert ids == [u["id"] for u in listed][-3:]


# --- delete ----------------------------------------------------------------------------------
async def test_deleting_deactivates_first_and_deletes_on_the_second_call(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    groups = list(user.group_ids)
    assert groups

    assert 204 == (await call(client, "DELETE", f"/api/v1/users/{user.id}"))[0]
    assert ("DEPROVISIONED", user) == (user.status, sim.org.users.by_id(user.id))
    assert 204 == (await call(client, "DELETE", f"/api/v1/users/{user.id}"))[0]

    status, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert_okta_error(status, body, 404, "E0000007", f"Resource not found: {user.id} (User)")
    assert not any(user.id in sim.org.groups[g].member_ids for g in groups)
    assert sim.org.users.login_taken_by(user.login) is None  # the login is free again


async def test_deleting_an_unknown_user_is_not_found(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(client, "DELETE", "/api/v1/users/00uNobody")
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 00uNobody (User)")


# --- groups ----------------------------------------------------------------------------------
async def test_groups_list_everyone_first_and_page_with_okta_s_links(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    _, everything, response = await call(client, "GET", "/api/v1/groups")
    assert "Everyone" == everything[0]["profile"]["name"]
    assert "BUILT_IN" == everything[0]["type"]
    assert "limit=10000" in response.headers["Link"]  # as recorded for a listing without a limit

    seen, url = [], "/api/v1/groups?limit=4"
    while url:
        _, page, response = await call(client, "GET", url)
        seen += [g["id"] for g in page]
        links = {link.get("rel"): str(link["url"]) for link in response.links.values()}
        url = links.get("next", "").removeprefix(sim.url)
    assert [g["id"] for g in everything] == seen


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"q": "eNG"}, ["Engineering"]),
        ({"filter": 'type eq "BUILT_IN"'}, ["Everyone"]),
        ({"search": 'profile.name sw "V"'}, ["VPN Users"]),
        (
            {"search": 'type eq "OKTA_GROUP" and profile.name co "ING"', "sortBy": "profile.name"},
            ["Engineering", "Marketing"],
        ),
    ],
)
async def test_groups_are_found_by_name_prefix_filter_and_search(
    client: aiohttp.ClientSession, params: dict[str, str], names: list[str]
) -> None:
    status, groups, response = await call(client, "GET", "/api/v1/groups", params=params)
    assert (200, names) == (status, [g["profile"]["name"] for g in groups])
    if "q" in params:
        assert 'rel="next"' not in response.headers.get("Link", "")  # a query is never paged


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"filter": 'profile.name eq "VPN Users"'}, "E0000031"),  # filter takes id, type and dates
        ({"search": "type xx 1"}, "E0000031"),
        ({"filter": 'lastUpdated gt "yesterday"'}, "E0000030"),
        ({"q": "a", "search": 'type eq "OKTA_GROUP"'}, "E0000033"),
    ],
)
async def test_a_group_query_okta_cannot_run_is_refused(
    client: aiohttp.ClientSession, params: dict[str, str], code: str
) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/groups", params=params)
    assert_okta_error(status, body, 400, code)


async def test_stats_count_a_group_s_members(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    _, groups, _ = await call(client, "GET", "/api/v1/groups", params={"q": "VPN", "expand": "stats"})
    vpn = sim.org.groups[group_id(sim, "VPN Users")]
    assert len(vpn.member_ids) == groups[0]["_embedded"]["stats"]["usersCount"]


async def test_a_group_s_members_page_by_limit_and_include_deactivated_users(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    everyone = group_id(sim, "Everyone")
    seen, url = [], f"/api/v1/groups/{everyone}/users?limit=7"
    while url:
        _, page, response = await call(client, "GET", url)
        seen += [u["id"] for u in page]
        links = {link.get("rel"): str(link["url"]) for link in response.links.values()}
        url = links.get("next", "").removeprefix(sim.url)
    assert sorted(sim.org.users) == seen
    status, body, _ = await call(client, "GET", "/api/v1/groups/00gNope/users")
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 00gNope (UserGroup)")


async def test_membership_of_an_okta_group_is_a_set(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    vpn = group_id(sim, "VPN Users")
    user = next(u for u in sim.org.users.values() if vpn not in u.group_ids)
    member = f"/api/v1/groups/{vpn}/users/{user.id}"

    assert [204, 204] == [(await call(client, "PUT", member))[0] for _ in range(2)]
    assert user.id in sim.org.groups[vpn].member_ids
    assert 1 == user.group_ids.count(vpn)
    assert [204, 204] == [(await call(client, "DELETE", member))[0] for _ in range(2)]
    assert user.id not in sim.org.groups[vpn].member_ids
    assert vpn not in user.group_ids


async def test_the_everyone_group_and_app_groups_cannot_be_changed_by_hand(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    everyone = group_id(sim, "Everyone")
    imported = sim.org.add_group("AD: Finance", group_type="APP_GROUP")
    for method in ("PUT", "DELETE"):
        status, body, _ = await call(client, method, f"/api/v1/groups/{everyone}/users/{user.id}")
        assert_okta_error(status, body, 501, "E0000060")
        status, body, _ = await call(client, method, f"/api/v1/groups/{imported.id}/users/{user.id}")
        assert_okta_error(status, body, 403, "E0000006")
    assert everyone in user.group_ids
    assert imported.id not in user.group_ids


async def test_membership_of_an_unknown_user_or_group_is_not_found(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    vpn = group_id(sim, "VPN Users")
    status, body, _ = await call(client, "PUT", f"/api/v1/groups/{vpn}/users/00uNobody")
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 00uNobody (User)")
    status, body, _ = await call(client, "PUT", f"/api/v1/groups/00gNope/users/{user_with(sim, 'ACTIVE').id}")
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 00gNope (UserGroup)")

"""Seeding determinism, the org helpers, request counters, token hygiene and run_simulator."""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from oktakit.testing import SEED_EPOCH, OktaSimulator, Org, build_org

from .conftest import call, user_with

pytestmark = pytest.mark.asyncio

REPO = Path(__file__).resolve().parents[2]


def snapshot(org: Org) -> list[tuple[Any, ...]]:
    return [
        (
            u.id,
            u.status,
            u.created,
            u.last_updated,
            u.has_password,
            tuple(u.factors),
            tuple(u.group_ids),
            u.profile,
        )
        for u in org.users.values()
    ] + [(a.id, a.key) for a in org.authenticators.values()]


async def test_same_seed_builds_the_same_org() -> None:
    assert snapshot(build_org(120, 42)) == snapshot(build_org(120, 42))
    assert snapshot(build_org(120, 42)) != snapshot(build_org(120, 43))


async def test_same_seed_serves_identical_user_json() -> None:
    bodies = []
    for _ in range(2):
        async with (
            OktaSimulator(users=30, seed=9, port=0) as sim,
            aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
        ):
            _, body, _ = await call(client, "GET", "/api/v1/users")
            bodies.append([{k: v for k, v in user.items() if k != "_links"} for user in body])
    assert bodies[0] == bodies[1]


async def test_seeded_users_look_like_okta_users() -> None:
    org = build_org(200, 1)
    users = list(org.users.values())
    assert len(users) == 200
    for user in users:
        assert re.match(r"^00u[0-9A-Za-z]{17}$", user.id)
        # ASCII logins; one user in 20 keeps the capitals of their name (see the edge test below).
        assert re.match(r"^[a-z]+\.[a-z]+\d*@example\.com$", user.login.lower())
        assert user.created < SEED_EPOCH
        assert user.last_updated <= SEED_EPOCH
    assert len({u.login for u in users}) == 200
    statuses = Counter(u.status for u in users)
    assert statuses["ACTIVE"] == 130  # 13 of every 20
    for status in (
        "STAGED",
        "PROVISIONED",
        "SUSPENDED",
        "LOCKED_OUT",
        "PASSWORD_EXPIRED",
        "RECOVERY",
        "DEPROVISIONED",
    ):
        assert statuses[status] == 10
    assert any(u.has_factors for u in users)
    assert any(not u.has_factors for u in users if u.status == "ACTIVE")
    assert not any(u.has_factors for u in users if u.status in ("STAGED", "PROVISIONED"))


async def test_seed_holds_the_edge_cases_users_hit() -> None:
    users = list(build_org(200, 1).users.values())
    optional = ("title", "department", "city", "countryCode", "employeeNumber")
    # One of each edge per block of 20 users: 10 of each in 200.
    bare = [u for u in users if not any(name in u.profile for name in optional)]
    assert 10 == len(bare)
    assert all(u.profile["mobilePhone"] is None for u in bare)  # Okta always shows it, as null
    assert all(u.profile["firstName"] and u.profile["lastName"] and u.profile["email"] for u in bare)
    non_ascii = [u for u in users if not str(u.profile["firstName"] + u.profile["lastName"]).isascii()]
    assert 10 == len(non_ascii)
    assert all(u.login.isascii() for u in non_ascii)
    mixed_case = [u for u in users if u.login != u.login.lower()]
    assert 10 == len(mixed_case)
    long_values = [u for u in users if len(u.profile["legalName"]) == 4096]
    assert 10 == len(long_values)
    assert {"STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED",
            "DEPROVISIONED"} == {u.status for u in users}  # fmt: skip


async def test_mixed_case_logins_are_found_in_any_case() -> None:
    async with OktaSimulator(users=20, seed=1) as sim, aiohttp.ClientSession(headers=sim.headers) as client:
        user = next(u for u in sim.org.users.values() if u.login != u.login.lower())
        for key in (user.login.lower(), user.login.upper(), user.login.split("@")[0].lower()):
            code, body, _ = await call(client, "GET", f"{sim.url}/api/v1/users/{key}")
            assert (200, user.id, user.login) == (code, body["id"], body["profile"]["login"])
        search = f'profile.login eq "{user.login.upper()}"'
        code, body, _ = await call(client, "GET", f"{sim.url}/api/v1/users", params={"search": search})
        assert [user.id] == [found["id"] for found in body]


async def test_non_ascii_names_and_long_values_round_trip() -> None:
    async with OktaSimulator(users=20, seed=1) as sim, aiohttp.ClientSession(headers=sim.headers) as client:
        for user in sim.org.users.values():
            code, body, _ = await call(client, "GET", f"{sim.url}/api/v1/users/{user.id}")
            assert 200 == code
            for name in ("firstName", "lastName", "displayName", "legalName"):
                assert user.profile[name] == body["profile"][name]
        accented = next(u for u in sim.org.users.values() if not u.profile["lastName"].isascii())
        search = f'profile.lastName eq "{accented.profile["lastName"].upper()}"'
        code, body, _ = await call(client, "GET", f"{sim.url}/api/v1/users", params={"search": search})
        assert accented.id in [found["id"] for found in body]


async def test_org_lookup_by_id_login_and_shortname() -> None:
    org = build_org(20, 4)
    user = next(iter(org.users.values()))
    assert org.users[user.id] is user
    assert org.users[user.login] is user
    assert org.users[user.login.split("@")[0]] is user
    with pytest.raises(KeyError):
        org.users["nobody"]


async def test_add_user_rejects_duplicate_logins_and_unknown_statuses() -> None:
    org = build_org(5, 4)
    existing = next(iter(org.users.values()))
    with pytest.raises(ValueError, match="already exists"):
        org.add_user(login=existing.login.upper())
    with pytest.raises(ValueError, match="unknown status"):
        org.add_user(login="new.one@example.com", status="ZOMBIE")


async def test_request_counts_and_log_record_every_operation(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    await call(client, "GET", f"/api/v1/users/{user.id}")
    await call(client, "GET", f"/api/v1/users/{user.id}")
    await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")
    await call(client, "GET", "/api/v1/nowhere")
    assert sim.request_counts == Counter({"getUser": 2, "suspendUser": 1, "unknown": 1})
    assert [(r.operation, r.status) for r in sim.request_log] == [
        ("getUser", 200),
        ("getUser", 200),
        ("suspendUser", 200),
        ("unknown", 404),
    ]
    sim.reset_counters()
    assert not sim.request_counts
    assert not sim.request_log


async def test_api_token_never_reaches_logs_or_the_request_log(
    sim: OktaSimulator, client: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    user = user_with(sim, "ACTIVE")
    await call(client, "GET", f"/api/v1/users/{user.id}")
    await call(client, "GET", "/api/v1/users", params={"search": "bad"})
    async with aiohttp.ClientSession(
        base_url=sim.url, headers={"Authorization": "SSWS wrong-token"}
    ) as other:
        await call(other, "GET", "/api/v1/users")
    assert sim.api_token not in caplog.text
    assert "wrong-token" not in caplog.text
    assert sim.api_token not in repr(list(sim.request_log))


async def test_run_simulator_serves_until_interrupted() -> None:
    code = "from oktakit.testing import run_simulator; run_simulator(0, 25, 3)"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        stdout=asyncio.subprocess.PIPE,
        env={"PYTHONPATH": f"{REPO / 'sdk'}:{REPO / 'generated'}"},
    )
    assert process.stdout is not None
    try:
        url_line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
        token_line = (await asyncio.wait_for(process.stdout.readline(), 5)).decode()
        url = re.search(r"http://127\.0\.0\.1:\d+", url_line)
        token = re.search(r"API token: (\S+)", token_line)
        assert url
        assert token
        async with (
            aiohttp.ClientSession(headers={"Authorization": f"SSWS {token.group(1)}"}) as client,
            client.get(f"{url.group(0)}/api/v1/users") as response,
        ):
            assert response.status == 200
            expected = [u.id for u in build_org(25, 3).users.values() if u.status != "DEPROVISIONED"]
            assert [user["id"] for user in await response.json()] == expected
        process.send_signal(signal.SIGINT)
        assert await asyncio.wait_for(process.wait(), 10) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

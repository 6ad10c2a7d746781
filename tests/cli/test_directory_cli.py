"""``oktakit users`` and ``oktakit groups`` as a shell user runs them against the simulator: each
format parses, a search selects, a group is found by name, the table fits the terminal, and a
user or group that is not there is exit 1 without a traceback."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sys

import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.bulk._support import cli_environment, run_cli

pytestmark = pytest.mark.okta_sim(users=40, seed=3, rate_limit=RateLimitConfig.unlimited())


def listed_by_okta(sim: OktaSimulator) -> set[str]:
    """The users Okta lists without a selector: every status but DEPROVISIONED (Okta's Users
    API: "returns all users that do not have a status of DEPROVISIONED")."""
    return {uid for uid, user in sim.org.users.items() if user.status != "DEPROVISIONED"}


async def test_users_list_as_json_lines_holds_okta_s_whole_user_json(okta_sim: OktaSimulator) -> None:
    code, out, err = await run_cli(okta_sim, "users", "list", "--format", "jsonl")

    assert (0, "") == (code, err)
    users = [json.loads(line) for line in out.splitlines()]
    assert listed_by_okta(okta_sim) == {user["id"] for user in users}
    assert all("profile" in user and "status" in user for user in users)


async def test_users_list_with_a_search_and_fields_as_csv(okta_sim: OktaSimulator) -> None:
    sales = {uid for uid, u in okta_sim.org.users.items() if u.profile.get("department") == "Sales"}
    assert sales  # the seeded org has a Sales department

    code, out, err = await run_cli(
        okta_sim,
        *("users", "list", "--search", 'profile.department eq "Sales"'),
        *("--format", "csv", "--fields", "id,login,department"),
    )

    assert 0 == code, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert ["id", "login", "department"] == list(rows[0])
    assert sales == {row["id"] for row in rows}
    assert {"Sales"} == {row["department"] for row in rows}


async def test_users_get_by_login_and_an_unknown_user_is_exit_1(okta_sim: OktaSimulator) -> None:
    uid, user = next(iter(okta_sim.org.users.items()))
    login = user.profile["login"]

    code, out, err = await run_cli(okta_sim, "users", "get", login, "--format", "json")
    missing = await run_cli(okta_sim, "users", "get", "nobody@example.com")

    assert 0 == code, err
    assert (uid, login) == (json.loads(out)["id"], json.loads(out)["profile"]["login"])
    assert 1 == missing[0]
    assert "NotFoundError" in missing[2]
    assert "Traceback" not in missing[2]


async def test_groups_list_and_the_members_of_a_group_named_by_name(okta_sim: OktaSimulator) -> None:
    group_id, group = next((gid, g) for gid, g in okta_sim.org.groups.items() if g.name == "Sales")

    listed = await run_cli(okta_sim, "groups", "list", "--format", "json")
    members = await run_cli(okta_sim, "groups", "members", "Sales", "--format", "csv", "--fields", "id,login")
    by_id = await run_cli(okta_sim, "groups", "members", group_id, "--format", "jsonl")
    missing = await run_cli(okta_sim, "groups", "members", "No Such Group")

    assert (0, 0, 0) == (listed[0], members[0], by_id[0]), (listed[2], members[2], by_id[2])
    assert "Sales" in {g["profile"]["name"] for g in json.loads(listed[1])}
    assert set(group.member_ids) == {row["id"] for row in csv.DictReader(io.StringIO(members[1]))}
    assert set(group.member_ids) == {json.loads(line)["id"] for line in by_id[1].splitlines()}
    assert 1 == missing[0]
    assert "no group is named 'No Such Group'" in missing[2]


async def test_the_table_fits_the_terminal_and_never_cuts_an_id(okta_sim: OktaSimulator) -> None:
    env = cli_environment(okta_sim) | {"COLUMNS": "100"}
    proc = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "oktakit", "users", "list"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)

    assert 0 == proc.returncode, err.decode()
    lines = out.decode().splitlines()
    assert len(lines) == 1 + len(listed_by_okta(okta_sim))
    assert max(len(line) for line in lines) <= 100
    assert listed_by_okta(okta_sim) == {line.split()[0] for line in lines[1:]}


@pytest.mark.parametrize(
    "arguments",
    [
        ("users", "list", "--search", "x", "--filter", "y"),  # one selector at most
        ("users", "list", "--format", "xml"),
        ("users", "list", "--fields", ","),
        ("groups", "members"),
    ],
)
async def test_usage_errors_exit_2(okta_sim: OktaSimulator, arguments: tuple[str, ...]) -> None:
    code, _, err = await run_cli(okta_sim, *arguments)

    assert 2 == code
    assert "Traceback" not in err


async def test_check_as_json_for_scripts(okta_sim: OktaSimulator) -> None:
    code, out, err = await run_cli(okta_sim, "check", "--format", "json", "--operations", "suspend_user")

    assert 0 == code, err
    record = json.loads(out)
    assert (True, okta_sim.url, None) == (record["ok"], record["org_url"], record["granted_scopes"])
    assert ["suspend_user"] == record["preflight"]["operations"]

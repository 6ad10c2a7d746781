"""``oktakit contain`` and the new ``oktakit bulk`` actions as a person runs them: a real
process, credentials from the environment, the exit codes of ``oktakit bulk``, no traceback."""

from __future__ import annotations

import asyncio
import csv
import json
import sys
from pathlib import Path

import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import (
    add_active_users,
    add_users,
    cli_environment,
    interrupt_once_held,
    journal_lines,
    run_cli,
    statuses,
)

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())
STEPS = ["clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend"]


def _ids_file(folder: Path, *ids: str) -> str:
    path = folder / "ids.txt"
    path.write_text("\n".join(ids) + "\n")
    return str(path)


async def test_contain_writes_a_row_per_user_and_a_column_per_step_and_exits_0(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="SUSPENDED")
    okta_sim.sign_in(ids["a"])
    report = tmp_path / "contain.csv"
    args = ["contain", "--ids", _ids_file(tmp_path, *ids.values()), "--report", str(report)]

    code, out, err = await run_cli(okta_sim, *args, "--yes", "--no-progress")

    assert 0 == code, err
    rows = {row["id"]: row for row in csv.DictReader(report.read_text().splitlines())}
    assert ["succeeded"] * 5 == [rows[ids["a"]][step] for step in STEPS]
    assert ["succeeded"] * 3 + ["skipped"] * 2 == [rows[ids["s"]][step] for step in STEPS]
    assert ("ACTIVE", "SUSPENDED") == (rows[ids["a"]]["status_before"], rows[ids["a"]]["status"])
    assert "2 users: 2 contained" in out
    assert [] == okta_sim.org.users[ids["a"]].account.sessions
    assert "Traceback" not in err


async def test_contain_exits_1_naming_a_step_okta_refused(okta_sim: OktaSimulator, tmp_path: Path) -> None:
    ids = add_users(okta_sim, p="PROVISIONED")

    code, _, err = await run_cli(
        okta_sim, "contain", "--ids", _ids_file(tmp_path, ids["p"]), "--yes", "--no-progress"
    )

    assert 1 == code
    assert f"failed: {ids['p']}: suspend: BadRequestError" in err
    assert "Traceback" not in err


async def test_contain_asks_first_and_with_ids_on_stdin_needs_yes(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    declined = await run_cli(okta_sim, "contain", "--ids", _ids_file(tmp_path, ids["a"]), stdin="n\n")
    from_stdin = await run_cli(okta_sim, "contain", "--ids", "-", stdin=ids["a"] + "\n")

    assert (2, 2) == (declined[0], from_stdin[0])
    assert "Only the suspension can be undone" in declined[1]
    assert "--yes" in from_stdin[2]
    assert ["ACTIVE"] == statuses(okta_sim, [ids["a"]])


async def test_contain_dry_run_prints_each_users_plan_and_changes_nothing(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", e="PASSWORD_EXPIRED")

    code, out, err = await run_cli(
        okta_sim,
        "contain",
        "--ids",
        _ids_file(tmp_path, *ids.values()),
        "--dry-run",
        "--steps",
        "expire-password,suspend",
    )

    assert 0 == code, err
    assert "user\tstatus\texpire_password\tsuspend" in out
    assert f"{ids['a']}\tACTIVE\tplanned\tplanned" in out
    assert f"{ids['e']}\tPASSWORD_EXPIRED\tskipped\tplanned" in out
    assert ["ACTIVE", "PASSWORD_EXPIRED"] == statuses(okta_sim, list(ids.values()))


@pytest.mark.parametrize(
    "args",
    [
        ("contain",),  # neither --ids nor --search
        ("contain", "--ids", "-", "--steps", "suspend,lock"),
        ("contain", "--ids", "-", "--steps", ","),
        ("contain", "--ids", "/nonexistent/ids.txt", "--yes"),
        ("contain", "--ids", "-", "--concurrency", "0", "--yes"),
    ],
)
async def test_contain_usage_errors_exit_2_without_a_traceback(
    okta_sim: OktaSimulator, args: tuple[str, ...]
) -> None:
    code, _, err = await run_cli(okta_sim, *args)

    assert 2 == code, err
    assert "Traceback" not in err


async def test_a_journal_of_other_steps_is_a_usage_error(okta_sim: OktaSimulator, tmp_path: Path) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    journal = tmp_path / "j.jsonl"
    common = ["--ids", "-", "--journal", str(journal), "--yes", "--no-progress"]
    await run_cli(okta_sim, "contain", *common, "--steps", "suspend", stdin=ids["a"])

    code, _, err = await run_cli(okta_sim, "contain", *common, stdin=ids["a"])

    assert 2 == code
    assert "belongs to another run" in err


async def test_ctrl_c_settles_the_steps_in_flight_and_a_rerun_finishes_every_user(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 60)
    journal = tmp_path / "j.jsonl"
    args = [
        "contain",
        "--ids",
        _ids_file(tmp_path, *ids),
        "--journal",
        str(journal),
        "--yes",
        "--no-progress",
    ]
    hold = okta_sim.inject_fault("hold", operation="expirePassword")

    code, err = await interrupt_once_held(okta_sim, args, hold)

    assert 130 == code, err
    started = {(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "start"}
    settled = [(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert started <= set(settled)  # every step in flight was settled before the exit
    assert len({item for item, _ in settled}) < len(ids)  # it stopped taking users
    code, _, err2 = await run_cli(okta_sim, *args)
    assert 0 == code, err2
    settled = [(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert sorted((user, step) for user in ids for step in STEPS) == sorted(settled)
    assert ["SUSPENDED"] * len(ids) == statuses(okta_sim, ids)


async def test_undo_of_a_containment_for_one_user_lists_what_stays(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    journal = tmp_path / "j.jsonl"
    await run_cli(
        okta_sim, "contain", "--ids", _ids_file(tmp_path, *ids.values()), "--journal", str(journal), "--yes"
    )

    code, out, err = await run_cli(
        okta_sim, "bulk", "undo", "--journal", str(journal), "--user", ids["b"], "--no-progress"
    )

    assert 0 == code, err
    assert ["SUSPENDED", "ACTIVE"] == statuses(okta_sim, list(ids.values()))
    assert f"not reversible: {ids['b']}: clear_sessions, revoke_grants, reset_factors, expire_password" in err
    assert "1 succeeded" in out


async def test_group_membership_sessions_and_passwords_from_the_shell(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    group = okta_sim.org.add_group("Incident 42").id
    okta_sim.sign_in(ids["a"])
    journal = tmp_path / "add.jsonl"
    users = ["--ids", _ids_file(tmp_path, *ids.values()), "--no-progress"]

    added = await run_cli(
        okta_sim, "bulk", "add-to-group", "--group", group, "--journal", str(journal), *users
    )
    members_after_add = set(okta_sim.org.groups[group].member_ids)
    undone = await run_cli(okta_sim, "bulk", "undo", "--journal", str(journal), "--no-progress")
    removed = await run_cli(okta_sim, "bulk", "remove-from-group", "--group", group, *users)
    cleared = await run_cli(okta_sim, "bulk", "clear-sessions", *users)
    expired = await run_cli(okta_sim, "bulk", "expire-password", *users)
    no_group = await run_cli(okta_sim, "bulk", "add-to-group", *users)

    assert [0, 0, 0, 0, 0, 2] == [r[0] for r in (added, undone, removed, cleared, expired, no_group)]
    assert set(ids.values()) == members_after_add
    assert set() == okta_sim.org.groups[group].member_ids
    assert "2 skipped" in removed[1]  # the undo had removed them already
    assert [] == okta_sim.org.users[ids["a"]].account.sessions
    assert ["PASSWORD_EXPIRED"] * 2 == statuses(okta_sim, list(ids.values()))
    assert "--group" in no_group[2]


async def test_delete_always_asks_even_with_yes(okta_sim: OktaSimulator, tmp_path: Path) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    args = ["bulk", "delete", "--ids", _ids_file(tmp_path, ids["a"]), "--yes", "--no-progress"]

    declined = await run_cli(okta_sim, *args, stdin="n\n")
    assert okta_sim.org.users.by_id(ids["a"]) is not None
    confirmed = await run_cli(okta_sim, *args, stdin="y\n")

    assert (2, 0) == (declined[0], confirmed[0]), confirmed
    assert "cannot be undone" in declined[1]
    assert okta_sim.org.users.by_id(ids["a"]) is None  # deactivated, then deleted


async def test_delete_with_ids_on_stdin_and_no_terminal_to_ask_is_refused(okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "oktakit", "bulk", "delete", "--ids", "-", "--yes"),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=cli_environment(okta_sim),
        start_new_session=True,  # no controlling terminal to ask on
    )
    _, err = await asyncio.wait_for(proc.communicate(f"{ids['a']}\ny\n".encode()), 120)

    assert 2 == proc.returncode
    assert "not confirmed" in err.decode()
    assert "ACTIVE" == okta_sim.org.users[ids["a"]].status


async def test_permissions_contain_covers_every_step_and_with_bulk_the_reads(okta_sim: OktaSimulator) -> None:
    code, out, err = await run_cli(okta_sim, "permissions", "contain", "--bulk", "--json")

    assert 0 == code, err
    need = json.loads(out)
    names = {op["method_name"]: op["needed_by"] for op in need["operations"]}
    assert {
        "revoke_user_sessions",
        "revoke_user_grants",
        "reset_factors",
        "expire_password",
        "suspend_user",
    } <= {name for name, by in names.items() if by is None}
    assert "get_user" in names
    assert {
        "okta.users.lifecycle.clearSessions",
        "okta.users.credentials.resetFactors",
        "okta.users.credentials.expirePassword",
        "okta.users.lifecycle.suspend",
        "okta.users.read",
    } == {p["key"] for p in need["custom_role"]["permissions"]}

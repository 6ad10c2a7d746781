"""``oktakit bulk`` as a person runs it: a real process, credentials from the environment."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import (
    add_users,
    interrupt_once_held,
    journal_lines,
    run_cli,
    slow_suspend_command,
    statuses,
    terminal_counts,
)

pytestmark = pytest.mark.okta_sim(users=0)


async def test_suspend_from_an_ids_file_writes_the_report_and_exits_1_when_one_failed(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="SUSPENDED", r="RECOVERY")
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(
        f"# incident 42\n{ids['a']}\n\nnobody@example.com\n{ids['s']}\n{ids['r']}\n{ids['a']}\n"
    )
    report = tmp_path / "report.csv"

    code, out, err = await run_cli(
        okta_sim, "bulk", "suspend", "--ids", str(ids_file), "--report", str(report), "--no-progress"
    )

    assert 1 == code, err
    rows = list(csv.DictReader(report.read_text().splitlines()))
    assert {
        ids["a"]: "succeeded",
        "nobody@example.com": "not_found",
        ids["s"]: "skipped",
        ids["r"]: "failed",
    } == {row["id"]: row["outcome"] for row in rows}
    assert "1 succeeded, 1 skipped, 1 not found, 1 failed" in out
    assert ids["r"] in err


async def test_exit_0_when_everything_succeeded_skipped_or_was_not_found(okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="SUSPENDED")

    code, _, err = await run_cli(
        okta_sim, "bulk", "suspend", "--ids", "-", "--no-progress", stdin=f"{ids['a']}\n{ids['s']}\nghost\n"
    )

    assert 0 == code, err
    assert ["SUSPENDED", "SUSPENDED"] == statuses(okta_sim, list(ids.values()))


async def test_search_selects_the_users(okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE", s="SUSPENDED")

    code, out, err = await run_cli(
        okta_sim, "bulk", "unsuspend", "--search", 'status eq "SUSPENDED"', "--no-progress"
    )

    assert 0 == code, err
    assert ["ACTIVE"] * 3 == statuses(okta_sim, list(ids.values()))
    assert "1 succeeded" in out


async def test_deactivate_asks_first_and_does_nothing_without_a_yes(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(ids["a"] + "\n")

    declined = await run_cli(okta_sim, "bulk", "deactivate", "--ids", str(ids_file), stdin="n\n")
    from_stdin = await run_cli(okta_sim, "bulk", "deactivate", "--ids", "-", stdin=ids["a"] + "\n")
    assert ["ACTIVE"] == statuses(okta_sim, [ids["a"]])
    confirmed = await run_cli(
        okta_sim, "bulk", "deactivate", "--ids", str(ids_file), "--no-progress", stdin="y\n"
    )

    assert (2, 2, 0) == (declined[0], from_stdin[0], confirmed[0])
    assert "cannot be undone" in declined[1]
    assert "--yes" in from_stdin[2]
    assert ["DEPROVISIONED"] == statuses(okta_sim, [ids["a"]])


async def test_dry_run_prints_the_plan_and_changes_nothing(okta_sim: OktaSimulator, tmp_path: Path) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="SUSPENDED")
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids.values()) + "\n")

    code, out, err = await run_cli(okta_sim, "bulk", "deactivate", "--ids", str(ids_file), "--dry-run")

    assert 0 == code, err
    assert f"{ids['a']}\tACTIVE\tplanned" in out
    assert f"{ids['s']}\tSUSPENDED\tplanned" in out
    assert ["ACTIVE", "SUSPENDED"] == statuses(okta_sim, list(ids.values()))


async def test_update_from_csv_then_undo_of_a_suspend_journal(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    table = tmp_path / "changes.csv"
    table.write_text(f"login,title,nickName\na@example.com,Director,\n{ids['b']},,Bee\n")
    journal = tmp_path / "j.jsonl"

    updated = await run_cli(okta_sim, "bulk", "update", "--csv", str(table), "--no-progress")
    suspended = await run_cli(
        okta_sim, "bulk", "suspend", "--ids", "-", "--journal", str(journal), "--no-progress", stdin=ids["a"]
    )
    undone = await run_cli(okta_sim, "bulk", "undo", "--journal", str(journal), "--no-progress")

    assert (0, 0, 0) == (updated[0], suspended[0], undone[0]), (updated, suspended, undone)
    assert ("Director", "Bee") == (
        okta_sim.org.users[ids["a"]].profile["title"],
        okta_sim.org.users[ids["b"]].profile["nickName"],
    )
    assert ["ACTIVE", "ACTIVE"] == statuses(okta_sim, list(ids.values()))
    assert (tmp_path / "j.undo.jsonl").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("bulk", "suspend"),  # neither --ids nor --search
        ("bulk", "suspend", "--ids", "-", "--search", "x"),
        ("bulk", "suspend", "--ids", "/nonexistent/ids.txt"),
        ("bulk", "suspend", "--ids", "-", "--concurrency", "0"),
        ("bulk", "explode", "--ids", "-"),
        ("bulk", "undo", "--journal", "/nonexistent/j.jsonl"),
    ],
)
async def test_usage_errors_exit_2(okta_sim: OktaSimulator, args: tuple[str, ...]) -> None:
    code, _, err = await run_cli(okta_sim, *args)

    assert 2 == code, err


async def test_a_journal_of_another_operation_is_a_usage_error(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    journal = tmp_path / "j.jsonl"
    await run_cli(okta_sim, "bulk", "suspend", "--ids", "-", "--journal", str(journal), stdin=ids["a"])

    code, _, err = await run_cli(
        okta_sim, "bulk", "unsuspend", "--ids", "-", "--journal", str(journal), stdin=ids["a"]
    )

    assert 2 == code
    assert "belongs to another run" in err


@pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())
async def test_ctrl_c_settles_the_items_in_flight_and_a_rerun_finishes_the_job(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids, journal, args = slow_suspend_command(okta_sim, tmp_path, users=200, delay=0)
    hold = okta_sim.inject_fault("hold", operation="suspendUser")

    code, err = await interrupt_once_held(okta_sim, args, hold)

    assert 130 == code, err
    assert "resume" in err
    started = {r["item"] for r in journal_lines(journal) if r["kind"] == "start"}
    assert 0 < len(started) < len(ids)  # it stopped taking items
    assert dict.fromkeys(started, 1) == dict(terminal_counts(journal))  # nothing left in flight
    code, _, _ = await run_cli(okta_sim, *args)
    assert 0 == code
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    assert ["SUSPENDED"] * len(ids) == statuses(okta_sim, ids)

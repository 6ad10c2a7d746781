"""The report of ``oktakit bulk`` as an operator reads it: the columns of issue 20 (the item as
given, the user's id and login, the outcome, the status after the run, Okta's error code and a
detail), written after Ctrl-C too, duplicates counted on a resumed run, and a dry run that exits
0 when it could make its plan."""

from __future__ import annotations

import csv
import signal
from pathlib import Path

import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.bulk._support import (
    add_users,
    interrupt_twice_held,
    journal_lines,
    run_cli,
    start_cli,
    statuses,
    stderr_until,
    until,
)

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())

#: The columns issue 20 asks for, in its order (written out here, not read from the code).
COLUMNS = ["id", "user_id", "login", "outcome", "status", "error_code", "detail"]


def read_report(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(newline="") as file:
        reader = csv.DictReader(file)
        rows = {row["id"]: row for row in reader}
        return list(reader.fieldnames or ()), rows


async def test_the_report_names_each_user_by_id_and_login_with_its_status_after_the_run(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, active="ACTIVE", suspended="SUSPENDED", recovery="RECOVERY")
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(f"active@example.com\n{ids['suspended']}\n{ids['recovery']}\nghost@example.com\n")
    report = tmp_path / "report.csv"

    code, _, err = await run_cli(
        okta_sim, "bulk", "suspend", "--ids", str(ids_file), "--report", str(report), "--yes", "--no-progress"
    )

    assert 1 == code, err  # the RECOVERY user cannot be suspended
    columns, rows = read_report(report)
    assert COLUMNS == columns
    given_as_login = rows["active@example.com"]
    assert (ids["active"], "active@example.com", "succeeded", "SUSPENDED") == (
        given_as_login["user_id"],
        given_as_login["login"],
        given_as_login["outcome"],
        given_as_login["status"],
    )
    assert ("skipped", "SUSPENDED", "suspended@example.com") == (
        rows[ids["suspended"]]["outcome"],
        rows[ids["suspended"]]["status"],
        rows[ids["suspended"]]["login"],
    )
    refused = rows[ids["recovery"]]
    assert ("failed", "RECOVERY") == (refused["outcome"], refused["status"])
    assert refused["error_code"].startswith("E0000")  # Okta's code, whichever it is
    assert refused["detail"]
    ghost = rows["ghost@example.com"]
    assert ("not_found", "", "") == (ghost["outcome"], ghost["user_id"], ghost["status"])


async def test_a_dry_run_exits_0_and_reports_the_users_it_would_fail_on(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, active="ACTIVE", gone="DEPROVISIONED")
    report = tmp_path / "plan.csv"

    code, out, err = await run_cli(
        okta_sim,
        "bulk",
        "suspend",
        "--ids",
        "-",
        "--dry-run",
        "--report",
        str(report),
        "--no-progress",
        stdin=f"{ids['active']}\n{ids['gone']}\n",
    )

    assert 0 == code, err
    _, rows = read_report(report)
    assert {ids["active"]: "planned", ids["gone"]: "failed"} == {i: r["outcome"] for i, r in rows.items()}
    assert "DEPROVISIONED" in rows[ids["gone"]]["detail"]
    assert "1 failed" in out
    assert ["ACTIVE", "DEPROVISIONED"] == statuses(okta_sim, [ids["active"], ids["gone"]])


async def test_a_resumed_run_still_counts_the_duplicates_in_its_input(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    ids_file = tmp_path / "ids.txt"
    # Five repeats: the same id again, and the login of a user also given by id.
    ids_file.write_text(
        "\n".join([ids["a"], ids["b"], ids["a"], ids["a"], "a@example.com", ids["b"], ids["b"]])
    )
    args = [
        "bulk",
        "suspend",
        "--ids",
        str(ids_file),
        "--journal",
        str(tmp_path / "j.jsonl"),
        "--no-progress",
    ]

    first = await run_cli(okta_sim, *args, "--yes")
    again = await run_cli(okta_sim, *args, "--yes")

    assert (0, 0) == (first[0], again[0]), (first[2], again[2])
    assert "5 duplicates ignored" in first[1]
    assert "5 duplicates ignored" in again[1]


async def test_ctrl_c_twice_still_writes_the_report_with_the_abandoned_items_marked(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = [okta_sim.add_user(login=f"u{n}@example.com").id for n in range(20)]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    report = tmp_path / "report.csv"
    report.write_text("an older report\n")
    hold = okta_sim.inject_fault("hold", operation="suspendUser")  # the run cannot finish
    args = ["bulk", "suspend", "--ids", str(ids_file), "--report", str(report), "--yes", "--no-progress"]

    code, out, err = await interrupt_twice_held(okta_sim, args, hold)

    assert 130 == code, err
    columns, rows = read_report(report)
    assert COLUMNS == columns
    assert rows, "the report holds what was settled and what was abandoned"
    assert set(rows) <= set(ids)
    assert {"interrupted"} <= {row["outcome"] for row in rows.values()}
    assert "(interrupted)" in out


async def test_a_journaled_run_stopped_by_ctrl_c_reports_what_its_journal_settled(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = [okta_sim.add_user(login=f"v{n}@example.com").id for n in range(30)]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    journal, report = tmp_path / "j.jsonl", tmp_path / "report.csv"
    hold = okta_sim.inject_fault("hold", operation="suspendUser")
    proc = await start_cli(
        okta_sim,
        *("bulk", "suspend", "--ids", str(ids_file), "--journal", str(journal)),
        *("--report", str(report), "--yes", "--no-progress", "--concurrency", "2"),
    )
    await until(lambda: hold.held >= 1)
    proc.send_signal(signal.SIGINT)
    await stderr_until(proc, "stopping")
    hold.release()  # the items in flight finish
    _, err = await proc.communicate()

    assert 130 == proc.returncode, err.decode()
    settled = {r["item"]: r["outcome"] for r in journal_lines(journal) if r["kind"] == "outcome"}
    _, rows = read_report(report)
    assert settled == {item: row["outcome"] for item, row in rows.items()}
    assert 0 < len(rows) < len(ids)

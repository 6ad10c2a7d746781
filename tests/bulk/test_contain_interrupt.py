"""Ctrl-C on a containment: the report of what was settled marks each user abandoned in flight
``interrupted`` at the step it was on, from ``okta.contain(on_interrupt=)`` and ``oktakit contain
--report`` alike. The run is held at Okta (a ``hold`` fault) until it is interrupted, so no run
finishes first however loaded the machine."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path

import pytest

from oktakit import ContainmentReport, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import add_active_users, interrupt_twice_held, journal_lines, until, until_held

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())

#: The playbook's steps in order (written out, not read from the code).
STEPS = ["clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend"]


def abandoned(journal: Path) -> dict[str, str]:
    """Item -> the step it was started at and never settled, by the journal."""
    lines = journal_lines(journal)
    settled = {(r["item"], r["step"]) for r in lines if r["kind"] == "outcome"}
    return {
        r["item"]: r["step"] for r in lines if r["kind"] == "start" and (r["item"], r["step"]) not in settled
    }


async def test_a_containment_cancelled_twice_reports_the_users_in_flight_as_interrupted(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = add_active_users(okta_sim, 12)
    journal = tmp_path / "j.jsonl"
    hold = okta_sim.inject_fault("hold", operation="expirePassword")
    handed: list[ContainmentReport] = []
    task = asyncio.create_task(
        okta.contain(ids, journal=journal, concurrency=3, progress=False, on_interrupt=handed.append)
    )
    await until_held(hold, 1)

    task.cancel()
    await until(lambda: "stopping" in caplog.text)
    task.cancel()  # the second abandons the users in flight
    with pytest.raises(asyncio.CancelledError):
        await task
    hold.release()

    [report] = handed
    cut_off = abandoned(journal)
    assert "expire_password" in cut_off.values()  # the held user, at least
    rows = {row.item: row for row in report.rows()}
    for item, step in cut_off.items():
        assert "interrupted" == rows[item].outcome(step)
        later = STEPS[STEPS.index(step) + 1 :]
        assert [None] * len(later) == [rows[item].outcome(s) for s in later]  # never started
        assert item not in report.contained
    marked = {item for item, row in rows.items() if "interrupted" in {r.outcome for r in row.steps.values()}}
    assert set(cut_off) == marked
    assert f"{len(cut_off)} abandoned in flight" in report.summary()
    assert report.interrupted


async def test_oktakit_contain_writes_its_report_after_ctrl_c_with_the_users_in_flight_marked(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 12)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    journal, report = tmp_path / "j.jsonl", tmp_path / "report.csv"
    hold = okta_sim.inject_fault("hold", operation="expirePassword")
    args = [
        *("contain", "--ids", str(ids_file), "--journal", str(journal), "--report", str(report)),
        *("--concurrency", "3", "--yes", "--no-progress"),
    ]

    code, out, err = await interrupt_twice_held(okta_sim, args, hold)

    assert 130 == code, err
    with report.open(newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    cut_off = abandoned(journal)
    assert "expire_password" in cut_off.values()
    assert dict.fromkeys(cut_off, "interrupted") == {item: rows[item][s] for item, s in cut_off.items()}
    assert "contain (interrupted)" in out

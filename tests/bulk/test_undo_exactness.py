"""Undo reverses only what this run changed, also when a request was sent twice: resent by the
transport after a 503 that followed Okta's change, in flight at a SIGKILL, or abandoned by a
second Ctrl-C. Okta's "already in that state" answer to the second sending is no proof that
this run moved the user; the status read before acting is."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import NamedTuple

import pytest
import stamina

from oktakit import OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import (
    accounted,
    add_users,
    in_flight,
    journal_lines,
    run_cli,
    start_cli,
    statuses,
    stderr_until,
    until,
)

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())


class Direction(NamedTuple):
    operation: str
    action: str  # the CLI's name, and the last part of the path
    operation_id: str
    start: str  # the status it moves users from
    end: str  # the status it leaves them in


DIRECTIONS = [
    Direction("suspend_user", "suspend", "suspendUser", "ACTIVE", "SUSPENDED"),
    Direction("unsuspend_user", "unsuspend", "unsuspendUser", "SUSPENDED", "ACTIVE"),
]


@pytest.mark.parametrize("direction", DIRECTIONS, ids=lambda d: d.operation)
async def test_a_503_after_okta_acted_then_a_resend_undoes_only_the_users_this_run_moved(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, direction: Direction
) -> None:
    operation, action, _, start, end = direction
    ids = add_users(okta_sim, moved=start, already=end)
    # Each user's first request: Okta acts (or refuses), then a 503 replaces the answer.
    for user_id in ids.values():
        okta_sim.inject_fault(
            "error", status=503, count=1, applied=True, path=f"/api/v1/users/{user_id}/lifecycle/{action}"
        )
    journal = tmp_path / "j.jsonl"

    with stamina.set_testing(True, attempts=3):  # the transport resends after the 503
        report = await okta.bulk(operation, list(ids.values()), journal=journal, progress=False)
        undo = await okta.bulk_undo(journal, progress=False)

    assert ([ids["moved"]], [ids["already"]]) == (report.succeeded, report.skipped)
    assert [ids["moved"]] == undo.succeeded
    assert [start, end] == statuses(okta_sim, [ids["moved"], ids["already"]])
    # The user already there was read, not sent: nothing of this run's touched it.
    assert not any(ids["already"] in r.path for r in okta_sim.request_log if r.method == "POST")


async def _interrupt(
    proc_args: tuple[OktaSimulator, list[str]], journal: Path, items: list[str], how: str
) -> None:
    """Start the CLI, wait until every item is settled or its request is held at Okta (which has
    already acted on it), then interrupt it: SIGKILL, or Ctrl-C twice."""
    sim, command = proc_args
    hold = sim.faults.rules[-1]
    proc = await start_cli(sim, *command)
    # Stable once reached: the held request blocks its bucket (the pacer sends a bucket's first
    # request alone), so the other started items wait unsent.
    await until(lambda: accounted(journal, items) and hold.held == 1 and in_flight(journal) >= 1)
    if how == "SIGKILL":
        proc.send_signal(signal.SIGKILL)
    else:
        proc.send_signal(signal.SIGINT)
        await stderr_until(proc, "stopping")  # the first Ctrl-C is being handled
        proc.send_signal(signal.SIGINT)
    _, err = await proc.communicate()
    assert (-signal.SIGKILL if how == "SIGKILL" else 130) == proc.returncode, err
    if how != "SIGKILL":
        assert any(r["kind"] == "interrupted" for r in journal_lines(journal))


@pytest.mark.parametrize("how", ["SIGKILL", "double Ctrl-C"])
@pytest.mark.parametrize("direction", DIRECTIONS, ids=lambda d: d.operation)
async def test_after_an_interrupted_attempt_undo_reverses_only_the_users_this_job_moved(
    okta_sim: OktaSimulator, tmp_path: Path, how: str, direction: Direction
) -> None:
    _, action, operation_id, start, end = direction
    ids = add_users(okta_sim, moved=start, already=end, other=start)
    items = list(ids.values())
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(items) + "\n")
    journal = tmp_path / "j.jsonl"
    command = ["bulk", action, "--yes", "--ids", str(ids_file), "--journal", str(journal), "--no-progress"]
    # Okta acts on each request, then the answer waits until the test releases it.
    hold = okta_sim.inject_fault("hold", operation=operation_id, applied=True)

    await _interrupt((okta_sim, command), journal, items, how)
    hold.release()
    okta_sim.clear_faults()
    resumed = await run_cli(okta_sim, *command)
    undone = await run_cli(okta_sim, "bulk", "undo", "--yes", "--journal", str(journal), "--no-progress")

    assert (0, 0) == (resumed[0], undone[0]), (resumed, undone)
    outcomes = {r["item"]: r["outcome"] for r in journal_lines(journal) if r["kind"] == "outcome"}
    assert {ids["moved"]: "succeeded", ids["already"]: "skipped", ids["other"]: "succeeded"} == outcomes
    # Undo put back the two users this job moved, and left the one it found already there.
    assert [start, end, start] == statuses(okta_sim, items)
    undo_journal = tmp_path / "j.undo.jsonl"
    undo_outcomes = {r["item"]: r["outcome"] for r in journal_lines(undo_journal) if r["kind"] == "outcome"}
    assert {ids["moved"]: "succeeded", ids["other"]: "succeeded"} == undo_outcomes

"""The executor's promises seen from outside a run: what Ctrl-C hands over and journals for the
items in flight, what the progress bar counts, which failures are logged and how, and what a run
reports of its own time. Runs on the embedded simulator; requests held at Okta (``hold``) keep
items in flight until the test lets them go, so nothing races the clock."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from oktakit import BulkReport, InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import add_active_users, add_users, journal_lines, statuses, until, until_held

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())


def _warnings(caplog: pytest.LogCaptureFixture, words: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == logging.WARNING and words in r.getMessage()]


async def _cancel_twice(task: asyncio.Task[Any], caplog: pytest.LogCaptureFixture) -> None:
    """Ctrl-C, then Ctrl-C again once the run says it is stopping (abandoning what is in flight)."""
    task.cancel()
    await until(lambda: "stopping" in caplog.text)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_run_cancelled_twice_journals_and_hands_over_the_items_in_flight_as_interrupted(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warm, *done, other, by_id, by_login = add_active_users(okta_sim, 5)
    login = okta_sim.org.users[by_login].profile["login"]
    journal = tmp_path / "j.jsonl"
    # One suspension first: the pacer learns the bucket's limits, and sends two at once after.
    await okta.bulk("suspend_user", [warm], progress=False)
    # The first user is suspended at once; the last three are held at Okta.
    holds = [
        okta_sim.inject_fault("hold", path=f"/api/v1/users/{user}/lifecycle/suspend")
        for user in (other, by_id, by_login)
    ]
    handed: list[BulkReport] = []
    task = asyncio.create_task(
        okta.bulk(
            "suspend_user",
            [*done, other, by_id, login],
            journal=journal,
            concurrency=3,
            progress=False,
            on_interrupt=handed.append,
        )
    )
    for hold in holds:
        await until_held(hold, 1)
    try:
        await _cancel_twice(task, caplog)
    finally:
        for hold in holds:
            hold.release()

    # The first Ctrl-C says how many items it lets finish: the three in flight, not the one done.
    [stopping] = _warnings(caplog, "stopping")
    assert (
        "bulk suspend_user: stopping; finishing the 3 items in flight (interrupt again to abandon them)"
        == stopping.getMessage()
    )
    [report] = handed
    assert report.interrupted
    assert {"succeeded": 1, "interrupted": 3} == report.counts  # only the three in flight cut off
    outcomes = {row.item: row.outcome for row in report.rows()}
    cut_off = dict.fromkeys([other, by_id, login], "interrupted")
    assert {**dict.fromkeys(done, "succeeded"), **cut_off} == outcomes
    # The journal names the user of an item given by login (a resume finds it under either
    # name); an item that is the user's id names it once.
    lines = journal_lines(journal)
    starts = {r["item"]: r.get("user") for r in lines if r["kind"] == "start"}
    assert {**dict.fromkeys(done), other: None, by_id: None, login: by_login} == starts
    interrupted = {r["item"]: r.get("user") for r in lines if r["kind"] == "interrupted"}
    assert {other: None, by_id: None, login: by_login} == interrupted


async def test_an_on_interrupt_callback_that_raises_is_logged_with_its_traceback_and_ctrl_c_goes_on(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    [user] = add_active_users(okta_sim, 1)
    hold = okta_sim.inject_fault("hold", operation="suspendUser")

    def broken(report: BulkReport) -> None:
        raise ValueError("the caller's handler is broken")

    task = asyncio.create_task(okta.bulk("suspend_user", [user], progress=False, on_interrupt=broken))
    await until_held(hold, 1)
    try:
        await _cancel_twice(task, caplog)  # the cancellation, not the handler's error
    finally:
        hold.release()

    [logged] = _warnings(caplog, "on_interrupt")
    assert "bulk suspend_user: on_interrupt raised" == logged.getMessage()
    assert logged.exc_info is not None
    assert logged.exc_info[0] is ValueError


class _Bar:
    """Stands in for tqdm's bar and keeps what the run told it."""

    made: ClassVar[list[_Bar]] = []

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.updates: list[int] = []
        self.postfixes: list[tuple[dict[str, int], dict[str, Any]]] = []
        self.closed = False
        _Bar.made.append(self)

    def update(self, n: int = 1) -> None:
        self.updates.append(n)

    def set_postfix(self, counts: dict[str, int], **options: Any) -> None:
        self.postfixes.append((dict(counts), options))

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch) -> list[_Bar]:
    fake = types.ModuleType("tqdm.auto")
    fake.tqdm = _Bar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm.auto", fake)
    _Bar.made = []
    return _Bar.made


async def test_the_progress_bar_counts_every_item_once_whatever_its_outcome(
    okta: OktaClient, okta_sim: OktaSimulator, bars: list[_Bar]
) -> None:
    ids = add_active_users(okta_sim, 3)
    items = [*ids, ids[0], "00unobody0000000000x"]  # three users, a duplicate, one not found
    report = await okta.bulk("suspend_user", items, progress=True)

    [bar] = bars
    # Sized to the input, named after the operation, as wide as the terminal is now.
    assert {"total": 5, "desc": "suspend_user", "unit": "item", "dynamic_ncols": True} == bar.options
    assert [1] * 5 == bar.updates  # one step per item of the input, the duplicate included
    counts, options = bar.postfixes[-1]
    assert {"succeeded": 3, "not_found": 1} == counts == report.counts
    assert {"refresh": False} == options  # redrawn by update(), not once more per record
    assert bar.closed


async def test_without_progress_no_bar_is_made(
    okta: OktaClient, okta_sim: OktaSimulator, bars: list[_Bar]
) -> None:
    ids = add_active_users(okta_sim, 2)
    await okta.bulk("suspend_user", ids, progress=False)
    assert [] == bars


async def test_a_contained_user_moves_the_bar_once_not_once_per_step(
    okta: OktaClient, okta_sim: OktaSimulator, bars: list[_Bar]
) -> None:
    ids = add_active_users(okta_sim, 2)
    await okta.contain([*ids, "00unobody0000000000x"], progress=True)
    [bar] = bars
    assert [1] * 3 == bar.updates  # two users and one not found: three items
    assert 3 == bar.options["total"]


async def test_a_failed_item_is_logged_once_with_the_item_and_okta_s_reason(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    users = add_users(okta_sim, gone="DEPROVISIONED", fine="ACTIVE")
    report = await okta.bulk("suspend_user", list(users.values()), progress=False)

    [row] = [row for row in report.rows() if row.outcome == "failed"]
    assert users["gone"] == row.item
    assert row.error is not None
    [logged] = _warnings(caplog, "failed")
    assert f"bulk suspend_user: {users['gone']} failed: {row.error.message}" == logged.getMessage()
    assert users["gone"] == logged.oktakit_item_failed  # the command line reports it itself


async def test_a_failed_step_of_a_containment_is_logged_with_the_step(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    [user] = add_active_users(okta_sim, 1)
    okta_sim.inject_fault("error", operation="suspendUser", status=403)  # not allowed to
    await okta.contain([user], steps=["suspend"], progress=False)
    [logged] = _warnings(caplog, "failed")
    assert logged.getMessage().startswith(f"bulk contain: {user} failed at suspend: ")


async def test_a_dry_run_logs_no_failure_for_a_plan_that_would_fail(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    users = add_users(okta_sim, gone="DEPROVISIONED")
    plan = await okta.bulk("suspend_user", [users["gone"]], dry_run=True, progress=False)
    assert {"failed": 1} == plan.counts  # Okta refuses to suspend a deprovisioned user
    assert [] == _warnings(caplog, "failed")  # a plan: nothing was tried, nothing failed


async def test_a_dry_run_over_a_half_done_journal_plans_only_the_rest(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 4)
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ids[:2], journal=journal, progress=False)
    plan = await okta.bulk("suspend_user", ids, journal=journal, dry_run=True, progress=False)
    assert 2 == len([row for row in plan.rows() if row.outcome == "planned"])
    assert "succeeded" not in plan.counts  # the earlier run's outcomes are not the plan's
    assert 0 == plan.resumed


async def test_a_finished_run_reports_its_own_time_and_calls_no_interrupt_handler(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_active_users(okta_sim, 2)
    handed: list[BulkReport] = []
    before = time.perf_counter()
    report = await okta.bulk("suspend_user", ids, progress=False, on_interrupt=handed.append)
    took = time.perf_counter() - before
    assert 0 < report.elapsed <= took
    assert not report.interrupted
    assert [] == handed  # only a cancelled run hands a report over


async def test_bad_input_stops_the_run_once_the_items_in_flight_are_journaled(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    first, *after = add_active_users(okta_sim, 4)
    journal = tmp_path / "j.jsonl"
    hold = okta_sim.inject_fault("hold", operation="suspendUser")
    # The first worker takes the first user; the second meets the empty item and stops the run.
    task = asyncio.create_task(
        okta.bulk("suspend_user", [first, "", *after], journal=journal, concurrency=2, progress=False)
    )
    await until_held(hold, 1)
    assert not task.done()  # the run waits for the item in flight
    hold.release()
    with pytest.raises(InvalidArgumentError, match="an empty string"):
        await task

    assert ["SUSPENDED", "ACTIVE", "ACTIVE", "ACTIVE"] == statuses(okta_sim, [first, *after])
    outcomes = [(r["item"], r["outcome"]) for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert [(first, "succeeded")] == outcomes  # settled and journaled; nothing taken after

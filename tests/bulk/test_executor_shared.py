"""The executor on a journal several workers share (``redis://`` in production): an item another
worker holds is looked at again once the input is read and taken once its holder lets go; one
another worker settled is counted as resumed and never acted on; one a dead worker left in doubt
is settled as a resumed run settles it. The other workers are played by an in-memory shared
journal that answers claims the way the Redis journal's claim script does (``mine``, ``again``,
``busy``, ``settled``), so the test decides when a holder lets go and nothing waits on a clock.
tests/shared holds the same rules against a real Redis."""

from __future__ import annotations

import asyncio
import types
from collections import Counter
from typing import Any

import pytest

from oktakit import BulkReport, OktaClient
from oktakit.bulk import _executor
from oktakit.bulk._executor import Executor, SharedBook
from oktakit.bulk._items import ItemSource
from oktakit.bulk._journal import OutcomeRecord, Record, ResumeState, StartRecord
from oktakit.bulk._journal_file import Spool
from oktakit.bulk._playbook import Playbook
from oktakit.bulk._steps import Step, UpdateStep, make_step
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import add_active_users, add_users, statuses
from .test_executor_promises import _Bar, bars  # noqa: F401 - bars: the fake progress bar's fixture

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())


class SharedJournal(Spool):
    """A shared journal with other workers in it: ``held[name]`` lists the answers the other
    workers' claims give to this worker's next claims of ``name`` (then it is free)."""

    shared = True

    def __init__(self) -> None:
        super().__init__()
        self.held: dict[str, list[str]] = {}
        self.settled: set[str] = set()
        self.ever: set[str] = set()  # claimed at some time by some worker
        self.claims: list[str] = []
        self.finished: list[tuple[str, ...]] = []

    def claim(self, name: str) -> str:
        self.claims.append(name)
        if self.held.get(name):
            return self.held[name].pop(0)
        if name in self.settled:
            return "settled"
        first = name not in self.ever
        self.ever.add(name)
        return "mine" if first else "again"

    def append(self, record: Record) -> None:
        super().append(record)
        if self._file is not None:
            self._file.flush()  # read back during the run, as the shared journal is
        if isinstance(record, OutcomeRecord) and record.step is None:  # the outcome settles it
            self.settled.update(name for name in (record.item, record.user) if name)

    def finish(self, *names: str) -> None:
        self.finished.append(names)
        self.settled.update(names)

    def outcomes(self) -> Counter[tuple[str, str | None]]:
        return Counter((r.item, r.step) for r in self.records() if isinstance(r, OutcomeRecord))


async def _run(
    step: Step, journal: SharedJournal, items: list[Any], concurrency: int = 1, *, progress: bool = False
) -> BulkReport:
    parts = tuple(stage.part for stage in step.stages if stage.part is not None)
    executor = Executor(step, journal, ResumeState(parts), concurrency, dry_run=False, journaled=True)
    return await executor.run(ItemSource(items), progress=progress)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The executor's own sleeps, recorded and not waited for (the rest of asyncio untouched)."""
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(delay: float) -> None:
        slept.append(delay)
        await real_sleep(0)

    clockless = types.ModuleType("asyncio")
    clockless.__getattr__ = lambda name: getattr(asyncio, name)  # type: ignore[method-assign]
    clockless.sleep = sleep  # type: ignore[attr-defined]
    monkeypatch.setattr(_executor, "asyncio", clockless)
    return slept


async def test_items_other_workers_hold_are_taken_once_they_let_go_after_the_input_is_read(
    okta: OktaClient, okta_sim: OktaSimulator, waits: list[float]
) -> None:
    first, second, free = add_active_users(okta_sim, 3)
    journal = SharedJournal()
    assert isinstance(journal, SharedBook)  # the executor treats it as the Redis journal
    # Another worker holds the first item for three looks, the second for one; both are then
    # free (their holders' leases ran out: claimed before, so 'again').
    journal.held = {first: ["busy"] * 3, second: ["busy"]}
    journal.ever = {first, second}
    report = await _run(make_step(okta, "suspend_user", {}), journal, [first, second, free])

    assert ["SUSPENDED"] * 3 == statuses(okta_sim, [first, second, free])
    assert {(first, None): 1, (second, None): 1, (free, None): 1} == journal.outcomes()
    assert {"succeeded": 3} == report.counts
    assert 0 == report.duplicates  # a held item is put aside, not taken and then met again
    # Held items are looked at in the order they were put aside, only once the input is read.
    assert [first, second, free, first, second, first, first] == journal.claims
    # A look that finds an item still held waits HELD_POLL (0.5 s) shared among the items put
    # aside: 0.5 / 2 while two wait, 0.5 once only one does; none after one is taken.
    assert [0.25, 0.5] == waits
    assert [] == journal.finished  # a one-operation outcome settles its item itself


async def test_a_held_row_is_applied_as_written_once_its_holder_lets_go(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    held, free = add_active_users(okta_sim, 2)
    journal = SharedJournal()
    journal.held = {held: ["busy"]}
    journal.ever = {held}
    rows = [{"id": held, "title": "CISO"}, {"id": free, "title": "CTO"}]
    report = await _run(UpdateStep(okta, "leave"), journal, rows)

    assert {"succeeded": 2} == report.counts
    assert ["CISO", "CTO"] == [okta_sim.org.users[user].profile["title"] for user in (held, free)]


@pytest.mark.usefixtures("bars")
async def test_items_another_worker_settled_are_counted_as_resumed_and_left_alone(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    done, also_done, mine = add_active_users(okta_sim, 3)
    journal = SharedJournal()
    journal.settled = {done, also_done}
    report = await _run(make_step(okta, "suspend_user", {}), journal, [done, also_done, mine], progress=True)

    assert ["ACTIVE", "ACTIVE", "SUSPENDED"] == statuses(okta_sim, [done, also_done, mine])
    assert 2 == report.resumed
    assert {"succeeded": 1} == report.counts
    assert {(mine, None): 1} == journal.outcomes()
    [bar] = _Bar.made
    assert [1, 1, 1] == bar.updates  # each item moves the bar once, those settled elsewhere too


async def test_an_item_a_dead_worker_left_in_flight_is_settled_as_done_by_this_job(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # The dead worker recorded the user ACTIVE, suspended it, and died before the outcome.
    users = add_users(okta_sim, left="SUSPENDED", fresh="SUSPENDED")
    journal = SharedJournal()
    journal.append(StartRecord("start", users["left"], None, "ACTIVE"))
    journal.ever = {users["left"]}
    report = await _run(make_step(okta, "suspend_user", {}), journal, list(users.values()))

    rows = {row.item: row for row in report.rows()}
    assert "succeeded" == rows[users["left"]].outcome  # this job's suspension, undo reverses it
    assert "skipped" == rows[users["fresh"]].outcome  # suspended before this job began
    assert {"succeeded": 1, "skipped": 1} == report.counts


async def test_users_another_worker_holds_or_settled_under_another_name_are_duplicates(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    held, settled = add_active_users(okta_sim, 2)
    logins = [okta_sim.org.users[user].profile["login"] for user in (held, settled)]
    journal = SharedJournal()
    journal.held = {held: ["busy"]}  # another worker took it by its id, and has it
    journal.settled = {settled}  # another worker settled it by its id
    journal.ever = {held, settled}
    report = await _run(make_step(okta, "suspend_user", {}), journal, logins)

    assert ["ACTIVE", "ACTIVE"] == statuses(okta_sim, [held, settled])  # left to the other worker
    assert 2 == report.duplicates
    assert [(logins[0],), (logins[1],)] == journal.finished  # no worker takes the logins again
    assert Counter() == journal.outcomes()


STEPS = ["clear_sessions", "revoke_grants", "suspend"]


async def test_a_containment_settles_each_user_once_its_last_step_is_written(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_active_users(okta_sim, 2)
    nobody = "00unobody0000000000x"
    journal = SharedJournal()
    await _run(Playbook(okta, STEPS), journal, [*ids, nobody], concurrency=2)

    assert {*ids, nobody} <= journal.settled
    assert Counter({(item, step): 1 for item in [*ids, nobody] for step in STEPS}) == journal.outcomes()
    assert ["SUSPENDED"] * 2 == statuses(okta_sim, ids)


async def test_a_containment_a_dead_worker_left_halfway_goes_on_at_its_first_unsettled_step(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    [user] = add_active_users(okta_sim, 1)
    journal = SharedJournal()
    # The dead worker settled the first step and died while revoking grants.
    journal.append(StartRecord("start", user, None, "ACTIVE", "clear_sessions"))
    journal.append(OutcomeRecord("outcome", user, "succeeded", step="clear_sessions"))
    journal.append(StartRecord("start", user, None, "ACTIVE", "revoke_grants"))
    journal.ever = {user}
    await _run(Playbook(okta, STEPS), journal, [user])

    assert Counter({(user, step): 1 for step in STEPS}) == journal.outcomes()  # nothing twice
    assert ["SUSPENDED"] == statuses(okta_sim, [user])
    assert [(user,)] == journal.finished

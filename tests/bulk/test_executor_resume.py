"""The executor resuming a containment from what its journal says (as ``_run`` reads a journal
back: a ``ResumeState`` of its records), with the user named otherwise than in the run that
stopped, and on a journal that cannot be written when Ctrl-C comes. The journal's records are
written by the test, in the shape the executor writes them (a start, an outcome per step)."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from oktakit import OktaClient
from oktakit.bulk._executor import Executor
from oktakit.bulk._items import ItemSource
from oktakit.bulk._journal import OutcomeRecord, Record, ResumeState, StartRecord
from oktakit.bulk._journal_file import Spool
from oktakit.bulk._playbook import Playbook
from oktakit.bulk._steps import Step, make_step
from oktakit.errors import JournalError
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import add_active_users, statuses, until, until_held

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())

STEPS = ["clear_sessions", "revoke_grants", "suspend"]


def _resume(step: Step, records: list[Record]) -> ResumeState:
    state = ResumeState(tuple(stage.part for stage in step.stages if stage.part is not None))
    for record in records:
        state.add(record)
    return state.finish()


async def _run(
    step: Step, book: Spool, items: list[str], earlier: list[Record]
) -> Counter[tuple[str, str | None]]:
    """Run ``step`` over ``items`` after an earlier run wrote ``earlier``: this run's outcomes."""
    executor = Executor(step, book, _resume(step, earlier), 1, dry_run=False, journaled=True)
    await executor.run(ItemSource(items), progress=False)
    return Counter((r.item, r.step) for r in book.records() if isinstance(r, OutcomeRecord))


async def test_a_containment_resumed_by_login_goes_on_where_the_run_by_id_stopped(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    [user] = add_active_users(okta_sim, 1)
    login = okta_sim.org.users[user].profile["login"]
    earlier: list[Record] = [
        StartRecord("start", user, None, "ACTIVE", "clear_sessions"),
        OutcomeRecord("outcome", user, "succeeded", step="clear_sessions"),
    ]
    outcomes = await _run(Playbook(okta, STEPS), Spool(), [login], earlier)
    # The login names the same user: its settled step is not done again.
    assert Counter({(login, "revoke_grants"): 1, (login, "suspend"): 1}) == outcomes
    assert ["SUSPENDED"] == statuses(okta_sim, [user])


async def test_a_step_left_in_doubt_by_the_run_by_id_is_credited_when_resumed_by_login(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    user = okta_sim.add_user(login="left@example.com", status="SUSPENDED", password=True).id
    # The run by id suspended the ACTIVE user and stopped before journaling the outcome.
    earlier: list[Record] = [
        *(OutcomeRecord("outcome", user, "succeeded", step=step) for step in STEPS[:-1]),
        StartRecord("start", user, None, "ACTIVE", "suspend"),
    ]
    step = Playbook(okta, STEPS)
    book = Spool()
    outcomes = await _run(step, book, ["left@example.com"], earlier)
    assert Counter({("left@example.com", "suspend"): 1}) == outcomes
    [suspend] = [r for r in book.records() if isinstance(r, OutcomeRecord)]
    assert "succeeded" == suspend.outcome  # this job's, so undo reverses it (not 'skipped')


async def test_a_user_gone_since_its_first_steps_gets_not_found_for_the_steps_left_only(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    gone = "00ugone00000000000x1"  # contained halfway, then deleted by someone else
    earlier: list[Record] = [
        StartRecord("start", gone, None, "ACTIVE", "clear_sessions"),
        OutcomeRecord("outcome", gone, "succeeded", step="clear_sessions"),
    ]
    outcomes = await _run(Playbook(okta, STEPS), Spool(), [gone], earlier)
    assert Counter({(gone, "revoke_grants"): 1, (gone, "suspend"): 1}) == outcomes


async def test_a_login_that_found_nobody_at_its_first_steps_gets_only_the_steps_left_once_it_does(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # The earlier run found no user by this login for the first step, then stopped.
    earlier: list[Record] = [OutcomeRecord("outcome", "late@example.com", "not_found", step="clear_sessions")]
    user = okta_sim.add_user(login="late@example.com", password=True).id  # created since
    outcomes = await _run(Playbook(okta, STEPS), Spool(), ["late@example.com"], earlier)
    # One outcome per item and step: the settled step is not done again under the user's id.
    assert Counter({("late@example.com", "revoke_grants"): 1, ("late@example.com", "suspend"): 1}) == outcomes
    assert ["SUSPENDED"] == statuses(okta_sim, [user])


async def test_a_login_now_naming_another_user_does_not_inherit_the_doubt_of_the_first(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # The earlier run was suspending the login's first user (ACTIVE) when it stopped; that user
    # was deleted since and the login given to a new user, suspended by someone else.
    earlier: list[Record] = [StartRecord("start", "reused@example.com", "00ufirst0000000000x1", "ACTIVE")]
    okta_sim.add_user(login="reused@example.com", status="SUSPENDED", password=True)
    book = Spool()
    outcomes = await _run(make_step(okta, "suspend_user", {}), book, ["reused@example.com"], earlier)
    assert Counter({("reused@example.com", None): 1}) == outcomes
    [outcome] = [r for r in book.records() if isinstance(r, OutcomeRecord)]
    assert "skipped" == outcome.outcome  # not this job's doing: undo must leave the new user alone


class FullDisk(Spool):
    """A journal whose disk fills up once the first start record is written."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[Record] = []

    def append(self, record: Record) -> None:
        if self.written:
            raise JournalError("the journal's disk is full")
        self.written.append(record)
        super().append(record)


async def test_ctrl_c_while_the_journal_cannot_be_written_still_ends_in_the_cancellation(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    [user] = add_active_users(okta_sim, 1)
    hold = okta_sim.inject_fault("hold", operation="suspendUser")
    book = FullDisk()
    step = make_step(okta, "suspend_user", {})
    executor = Executor(step, book, _resume(step, []), 1, dry_run=False, journaled=True)
    task = asyncio.create_task(executor.run(ItemSource([user]), progress=False))
    await until_held(hold, 1)
    task.cancel()  # Ctrl-C: the item in flight finishes, its outcome cannot be written
    await until(lambda: "stopping" in caplog.text)
    hold.release()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert ["start"] == [r.kind for r in book.written]  # in doubt: a resume reads the user again

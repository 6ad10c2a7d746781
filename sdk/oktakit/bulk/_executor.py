"""The bulk executor's loop: workers pull items, find the user each names, act once per user,
and record one outcome per item in the journal.

One user, one action: an item spelled again is a duplicate before anything is read; an item
that names a user already taken (an id and a login of one user, a login in another case) is a
duplicate once resolved. Both are counted, never acted on.

A playbook (``okta.contain``) is one step made of stages, run in order for each user once it is
resolved: each stage is attempted, journaled and settled as a one-operation step is, with the
stage's name in its records, and a resumed user goes on at its first stage without an outcome.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from oktakit.errors import JournalError, NotFoundError, OktaError

from ._items import END, ItemSource, Target, item_key
from ._journal import BulkFailure, InterruptedRecord, OutcomeRecord, Record, ResumeState, StartRecord
from ._report import INTERRUPTED, BulkReport
from ._seen import SeenSet
from ._steps import Step

logger = logging.getLogger("oktakit")
#: The attribute of an item's failure record that holds the item.
ITEM_FAILED_LOG_KEY = "oktakit_item_failed"


class Book(Protocol):
    """Where the records go, and where the report reads them: the journal file, or a spool."""

    path: Path

    def append(self, record: Record) -> None: ...

    def close(self) -> None: ...

    def records(self) -> Iterator[Record]: ...


@runtime_checkable
class SharedBook(Book, Protocol):
    """A journal several workers share (``_journal_redis``): items are claimed first."""

    def claim(self, name: str) -> str: ...

    def finish(self, *names: str) -> None: ...

    shared: bool


#: Seconds between two looks at the items other workers hold, once the input is read.
HELD_POLL = 0.5


class Executor:
    def __init__(
        self,
        step: Step,
        book: Book,
        resume: ResumeState,
        concurrency: int,
        *,
        dry_run: bool,
        journaled: bool,
    ) -> None:
        self.step = step
        self.book = book
        self.journaled = journaled
        self.dry_run = dry_run
        self.concurrency = concurrency
        self.done_before = resume.done
        self.in_doubt = resume.in_doubt
        self.resume = resume
        self.spellings = SeenSet()
        self.users = SeenSet()  # resolved user ids (steps that resolve items only)
        self.counts: dict[str, int] = {} if dry_run else dict(resume.counts)
        self.resumed = 0 if dry_run else resume.settled
        self.duplicates = 0
        self.in_flight = 0
        self.stopping = False
        self.bar: Any = None
        #: A journal shared by several workers (Redis): items are claimed before they are acted
        #: on, and those another worker holds are looked at again once the input is read.
        self.claims = book if isinstance(book, SharedBook) else None
        self.deferred: list[tuple[Any, str]] = []

    async def run(
        self, source: ItemSource, progress: bool, on_interrupt: OnInterrupt | None = None
    ) -> BulkReport:
        started = time.perf_counter()
        self.bar = _progress_bar(self.step.operation, source.size, progress)
        workers = [asyncio.create_task(self._worker(source)) for _ in range(self.concurrency)]
        interrupted = False
        try:
            await self._wait(workers)
        except asyncio.CancelledError:
            interrupted = True
            raise
        finally:
            self.book.close()
            if self.bar is not None:
                self.bar.close()
            await source.aclose()
            if interrupted and on_interrupt is not None:
                _hand_over(on_interrupt, self._report(started, interrupted=True))
        return self._report(started)

    def _report(self, started: float, *, interrupted: bool = False) -> BulkReport:
        report = BulkReport(
            self.step.operation,
            dict(self.counts),
            self.book,
            dry_run=self.dry_run,
            duplicates=self.duplicates,
            resumed=self.resumed,
            elapsed=time.perf_counter() - started,
            interrupted=interrupted,
        )
        if interrupted:
            cut_off = sum(row.outcome == INTERRUPTED for row in report.rows())
            if cut_off:
                report.counts[INTERRUPTED] = cut_off
        return report

    async def _wait(self, workers: list[asyncio.Task[None]]) -> None:
        try:
            done, _ = await asyncio.wait(workers, return_when=asyncio.FIRST_EXCEPTION)
        except asyncio.CancelledError:
            # Ctrl-C or a cancelled task: take no new item, let those in flight finish. Cancelled
            # again while waiting, the in-flight items are cancelled and journaled as interrupted.
            self.stopping = True
            logger.warning(
                "bulk %s: stopping; finishing the %d items in flight (interrupt again to abandon them)",
                self.step.operation,
                self.in_flight,
            )
            try:
                await asyncio.shield(asyncio.gather(*workers, return_exceptions=True))
            except asyncio.CancelledError:
                for worker in workers:
                    worker.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
            raise
        self.stopping = True
        await asyncio.gather(*workers, return_exceptions=True)
        for worker in done:
            error = worker.exception()
            if error is not None:
                # Bad input or a journal that cannot be written: the run stopped taking items,
                # and the journal holds whole records only.
                raise error

    async def _worker(self, source: ItemSource) -> None:
        while not self.stopping:
            item = await source.next()
            if item is END and self.claims is not None and not self.stopping:
                await self._held_elsewhere()
            if item is END or self.stopping:  # stopped while a page of items was being read
                return
            key = item_key(item)
            if self._seen(key, self.spellings):
                continue
            await self._take(item, key)

    async def _take(self, item: Any, key: str) -> None:
        if self.claims is not None and not self._claimed(self.claims, item, key):
            return
        self.in_flight += 1
        try:
            await self._one(item, key)
        finally:
            self.in_flight -= 1

    def _claimed(self, claims: SharedBook, item: Any, key: str) -> bool:
        """Claim an item in a shared journal: False when another worker has it (deferred) or
        settled it (counted as resumed)."""
        claim = claims.claim(key)
        if claim == "busy":
            self.deferred.append((item, key))
            return False
        if claim == "settled":
            self.resumed += 1
            if self.bar is not None:
                self.bar.update(1)
            return False
        if claim == "again":  # claimed before and never settled: in doubt, as on a resume
            self._learn_doubt(claims)
        return True

    def _learn_doubt(self, claims: SharedBook) -> None:
        state = ResumeState(self.resume.parts)
        for record in claims.records():
            state.add(record)
        state.finish()
        self.in_doubt.update(state.in_doubt)
        for name, steps in state.parts_done.items():
            self.resume.parts_done.setdefault(name, set()).update(steps)

    async def _held_elsewhere(self) -> None:
        """The input is read: wait for the items other workers hold, taking over those whose
        worker died (its lease ran out)."""
        while self.deferred and not self.stopping:
            item, key = self.deferred.pop(0)
            before = len(self.deferred)
            await self._take(item, key)
            if len(self.deferred) > before:  # still held: look at the others, then wait
                await asyncio.sleep(HELD_POLL / max(1, len(self.deferred)))

    def _seen(self, name: str, seen: SeenSet) -> bool:
        """Settled by an earlier run of this journal, or a duplicate: nothing to do. A resumed
        run reads the whole input again, so it counts the input's duplicates as the first run
        did, those of items settled before included."""
        first = seen.add(name)
        if first and name not in self.done_before:
            return False
        if first and seen is self.spellings:
            # Settled before, so its user is taken: another name of that user later in the input
            # is a duplicate, and so is this item if one came earlier (a login's id is journaled).
            user = self.resume.ids.get(name)
            first = self.users.add(name) if user is None else self.users.add_digest(user)
        self.duplicates += not first
        if self.bar is not None:
            self.bar.update(1)
        return True

    async def _one(self, item: Any, key: str) -> None:
        step = self.step
        try:
            target = await step.resolve(item, key, plan=self.dry_run)
        except NotFoundError:
            self._unresolved(key, "not_found")
            return
        except OktaError as error:
            failure = BulkFailure.from_exception(error)
            self._unresolved(key, "failed", error=failure, note=step.read_denied_hint(error))
            return
        if step.resolves and self._seen(target.user, self.users):
            return
        if (
            self.claims is not None
            and target.user != key
            and self.claims.claim(target.user) in ("busy", "settled")
        ):
            self.duplicates += 1  # another worker has this user under another name
            self.claims.finish(key)
            return
        stages = self._stages(key, target.user)
        last = stages[-1]
        for stage in stages:
            # By the user's id only: a start record of an item named by login carries its user's
            # id, and a login that names another user now does not inherit the first one's doubt.
            doubt = self.in_doubt.get((target.user, stage.part))
            target = stage.enter(target, doubt)
            record = await self._attempt(stage, target)
            self._settled(record, finished=stage is last)
            target = stage.after(target, record)

    def _stages(self, key: str, user: str | None) -> tuple[Step, ...]:
        """The stages left for an item: all of them unless an earlier run settled some."""
        stages = self.step.stages
        if not self.resume.parts_done:
            return stages
        settled = self.resume.settled_parts(*((user, key) if user else (key,)))
        return tuple(stage for stage in stages if stage.part not in settled) if settled else stages

    def _unresolved(self, key: str, outcome: str, **fields: Any) -> None:
        """The user could not be read: this outcome for every stage left."""
        stages = self._stages(key, None)
        for stage in stages:
            record = OutcomeRecord("outcome", key, outcome, step=stage.part, **fields)
            self._settled(record, finished=stage is stages[-1])

    async def _attempt(self, stage: Step, target: Target) -> OutcomeRecord:
        if self.dry_run:
            return stage.plan(target)
        early = stage.without_sending(target)
        if early is not None:
            return early
        if self.journaled:
            self.book.append(_start(target))
        try:
            return await stage.settle(target)
        except asyncio.CancelledError:
            # Journaled, or spooled for the interrupted run's report (``on_interrupt``).
            user = target.user if target.user != target.key else None
            with contextlib.suppress(JournalError):  # unwritable: the start leaves it in doubt
                self.book.append(InterruptedRecord("interrupted", target.key, user, target.part))
            raise

    def _settled(self, record: OutcomeRecord, *, finished: bool = True) -> None:
        self.book.append(record)  # raises JournalError (and counts nothing) if it cannot be written
        if finished and record.step is not None and self.claims is not None:
            self.claims.finish(*(name for name in (record.item, record.user) if name))
        self.counts[record.outcome] = self.counts.get(record.outcome, 0) + 1
        if record.outcome == "failed" and record.error is not None and not self.dry_run:
            logger.warning(
                "bulk %s: %s failed%s: %s",
                self.step.operation,
                record.item,
                f" at {record.step}" if record.step else "",
                record.error.message,
                extra={ITEM_FAILED_LOG_KEY: record.item},  # the command line reports them itself
            )
        if self.bar is not None:
            self.bar.set_postfix(self.counts, refresh=False)
            if finished:  # the bar counts items (users), not a playbook's stages
                self.bar.update(1)


#: Called with the report of what an interrupted (cancelled) run settled, before it is cancelled.
OnInterrupt = Callable[[BulkReport], None]


def _hand_over(on_interrupt: OnInterrupt, report: BulkReport) -> None:
    try:
        on_interrupt(report)
    except Exception:
        # The cancellation goes on whatever the callback did: it is logged, never raised.
        logger.warning("bulk %s: on_interrupt raised", report.operation, exc_info=True)


def _start(target: Target) -> StartRecord:
    user = target.user if target.user != target.key else None
    return StartRecord("start", target.key, user, target.before, target.part)


def _progress_bar(operation: str, total: int | None, enabled: bool) -> Any:
    if not enabled:
        return None
    tqdm = importlib.import_module("tqdm.auto").tqdm  # imported only when a bar is shown
    return tqdm(total=total, desc=operation, unit="item", dynamic_ncols=True)

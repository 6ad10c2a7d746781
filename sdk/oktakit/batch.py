"""The bulk executor: one operation over many users, journaled, resumable, with one outcome each.

>>> report = await okta.bulk("suspend_user", user_ids, concurrency=10, journal="incident-42.jsonl")
>>> report = await okta.bulk(okta.reset_factors, okta.list_users(search='profile.department eq "Sales"'))
>>> report.succeeded, report.skipped, report.not_found, report.failed

Pacing and retries are the transport's: ``concurrency`` only bounds the items in flight. Items
are pulled one at a time as workers free up, so memory does not grow with the input. Every
distinct item gets exactly one outcome record; see ``_bulk_steps`` for how each is decided
and ``_journal`` for the file format and what a resume does.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import time
from collections.abc import AsyncIterable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ._bulk_actions import ACTIONS
from ._bulk_items import END, ItemSource, item_key, known_status
from ._bulk_report import BulkReport
from ._bulk_steps import Step, UpdateStep, make_step
from ._journal import BulkFailure, Journal, OutcomeRecord, ResumeState, RunRecord, StartRecord, now
from ._journal import InterruptedRecord as _Interrupted
from ._seen import SeenSet
from .errors import InvalidArgumentError, JournalError, NotFoundError, OktaError

if TYPE_CHECKING:
    from .client import OktaClient

__all__ = ["BulkFailure", "BulkReport", "bulk", "bulk_undo", "bulk_update"]

logger = logging.getLogger("oktakit")

DEFAULT_CONCURRENCY = 8
Items = Iterable[Any] | AsyncIterable[Any]
PathLike = str | os.PathLike[str]


class UndoOptions(TypedDict, total=False):
    """Options of every bulk run."""

    #: Items in flight at once (default 8); pacing and retries are the transport's.
    concurrency: int
    #: Resolve the items and report the plan (current status, what would be skipped); no change.
    dry_run: bool
    #: Check the credential's scopes and permissions first (``okta.preflight``); default on.
    preflight: bool
    #: A ``tqdm.auto`` bar with the rate and outcome counts; default on.
    progress: bool


class RunOptions(UndoOptions, total=False):
    #: An append-only JSON-lines file; rerunning with it resumes, repeating nothing.
    journal: PathLike | None


async def bulk(
    okta: OktaClient,
    operation: Any,
    items: Items,
    *,
    arguments: Mapping[str, Any] | None = None,
    **options: Unpack[RunOptions],
) -> BulkReport:
    """Run ``operation`` once for every distinct item; see ``OktaClient.bulk``."""
    return await _run(okta, make_step(okta, operation, arguments or {}), items, **options)


async def bulk_update(
    okta: OktaClient, rows: Items, *, empty: str = "leave", **options: Unpack[RunOptions]
) -> BulkReport:
    """Partial profile updates, one per row; see ``OktaClient.bulk_update``."""
    return await _run(okta, UpdateStep(okta, empty), rows, **options)


async def bulk_undo(
    okta: OktaClient,
    journal: PathLike,
    *,
    undo_journal: PathLike | None = None,
    **options: Unpack[UndoOptions],
) -> BulkReport:
    """Reverse what a journaled run changed; see ``OktaClient.bulk_undo``."""
    source = Journal(journal)
    header = next(iter(source.records()), None) if source.path.exists() else None
    if not isinstance(header, RunRecord):
        raise JournalError(f"{source.path} is not an oktakit bulk journal (or is empty)")
    if header.org != okta.org_url:
        raise JournalError(f"{source.path} is a journal of {header.org}, not of {okta.org_url}")
    inverse = ACTIONS[header.operation].inverse if header.operation in ACTIONS else None
    if inverse is None:
        raise InvalidArgumentError(
            f"{header.operation} cannot be undone: Okta has no operation that reverses it "
            "(only suspend_user and unsuspend_user undo each other)"
        )
    changed = (
        record.item
        for record in source.records()
        if isinstance(record, OutcomeRecord) and record.outcome == "succeeded"
    )
    path = Path(undo_journal) if undo_journal is not None else _undo_path(source.path)
    step = make_step(okta, inverse, header.arguments)
    return await _run(okta, step, changed, journal=path, undo_of=source.path.name, **options)


def _undo_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.undo{path.suffix or '.jsonl'}")


async def _run(
    okta: OktaClient,
    step: Step,
    items: Items,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    journal: PathLike | None = None,
    dry_run: bool = False,
    preflight: bool = True,
    progress: bool = True,
    undo_of: str | None = None,
) -> BulkReport:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InvalidArgumentError(f"concurrency must be a positive integer, not {concurrency!r}")
    source = ItemSource(items)
    header = RunRecord("run", step.operation, okta.org_url, step.arguments, now(), undo_of=undo_of)
    # A journal of another run is refused before anything is sent.
    resume = Journal(journal).load(header) if journal is not None else ResumeState()
    if preflight and not dry_run and step.needs:
        await _preflight(okta, step.needs)
    journaled = journal is not None and not dry_run
    # A dry run writes nothing the user can see: its report, like a journal-less run's, reads a spool.
    book = Journal(journal if journaled else None)
    if journaled:
        book.append(header)
    executor = _Executor(step, book, resume, concurrency, dry_run, journaled=journaled)
    return await executor.run(source, progress)


async def _preflight(okta: OktaClient, operations: list[str]) -> None:
    """Check the credential may run ``operations`` through the executor before the first item
    is touched (``bulk=True``: with the executor's own reads, exactly what ``oktakit permissions
    OP --bulk`` lists): raises ``InsufficientPermissionsError`` naming what to grant."""
    report = await okta.preflight(operations, bulk=True)
    report.raise_for_missing()


class _Executor:
    def __init__(
        self,
        step: Step,
        journal: Journal,
        resume: ResumeState,
        concurrency: int,
        dry_run: bool,
        *,
        journaled: bool,
    ) -> None:
        self.step = step
        self.journal = journal
        self.journaled = journaled
        self.dry_run = dry_run
        self.concurrency = concurrency
        self.done_before = resume.done
        self.in_doubt = resume.in_doubt
        self.seen = SeenSet()
        self.counts: dict[str, int] = {} if dry_run else dict(resume.counts)
        self.resumed = 0 if dry_run else len(resume.done)
        self.duplicates = 0
        self.stopping = False
        self.bar: Any = None

    async def run(self, source: ItemSource, progress: bool) -> BulkReport:
        started = time.perf_counter()
        self.bar = _progress_bar(self.step.operation, source.size, progress)
        workers = [asyncio.create_task(self._worker(source)) for _ in range(self.concurrency)]
        try:
            await self._wait(workers)
        finally:
            self.journal.close()
            if self.bar is not None:
                self.bar.close()
            await source.aclose()
        return BulkReport(
            self.step.operation,
            self.counts,
            self.journal,
            dry_run=self.dry_run,
            duplicates=self.duplicates,
            resumed=self.resumed,
            elapsed=time.perf_counter() - started,
        )

    async def _wait(self, workers: list[asyncio.Task[None]]) -> None:
        try:
            done, _ = await asyncio.wait(workers, return_when=asyncio.FIRST_EXCEPTION)
        except asyncio.CancelledError:
            # Ctrl-C or a cancelled task: take no new item, let those in flight finish. Cancelled
            # again while waiting, the in-flight items are cancelled and journaled as interrupted.
            self.stopping = True
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
                raise error  # bad input: the run stopped taking items, the journal is consistent

    async def _worker(self, source: ItemSource) -> None:
        while not self.stopping:
            item = await source.next()
            if item is END or self.stopping:  # stopped while a page of items was being read
                return
            key = item_key(item)
            resumed = bool(self.done_before) and key in self.done_before
            if resumed or not self.seen.add(key):
                # Settled by an earlier run of this journal, or a duplicate: nothing to do.
                self.duplicates += not resumed
                if self.bar is not None:
                    self.bar.update(1)
                continue
            if self.journaled:
                self.journal.append(StartRecord("start", key))
            try:
                if self.dry_run:
                    record = await self._plan(key, item)
                else:
                    record = await self.step.settle(key, item, key in self.in_doubt)
            except asyncio.CancelledError:
                if self.journaled:
                    self.journal.append(_Interrupted("interrupted", key))
                raise
            self._settled(record)

    def _settled(self, record: OutcomeRecord) -> None:
        self.journal.append(record)
        self.counts[record.outcome] = self.counts.get(record.outcome, 0) + 1
        if record.outcome == "failed" and record.error is not None and not self.dry_run:
            logger.warning("bulk %s: %s failed: %s", self.step.operation, record.item, record.error.message)
        if self.bar is not None:
            self.bar.set_postfix(self.counts, refresh=False)
            self.bar.update(1)

    async def _plan(self, key: str, item: Any) -> OutcomeRecord:  # noqa: PLR0911 - a return per outcome
        """Dry run: what the operation would do to this item, from its current status."""
        step = self.step
        act = step.action
        if act is None:
            return OutcomeRecord("outcome", key, "planned", note="not checked: a custom operation")
        if isinstance(step, UpdateStep) and step.would_skip(item):
            return OutcomeRecord("outcome", key, "skipped", note="nothing to change")
        status = known_status(item)
        try:
            status = status or await step.status(key)
        except NotFoundError:
            return OutcomeRecord("outcome", key, "not_found")
        except OktaError as error:
            return OutcomeRecord("outcome", key, "failed", error=BulkFailure.from_exception(error))
        if status in act.done_in and act.refused_codes:
            return OutcomeRecord("outcome", key, "skipped", status=status)
        if status not in act.allowed_from:
            refusal = BulkFailure("NotAllowed", f"{status} does not allow {act.name}")
            return OutcomeRecord("outcome", key, "failed", status=status, error=refusal)
        return OutcomeRecord("outcome", key, "planned", status=status)


def _progress_bar(operation: str, total: int | None, enabled: bool) -> Any:
    if not enabled:
        return None
    tqdm = importlib.import_module("tqdm.auto").tqdm  # imported only when a bar is shown
    return tqdm(total=total, desc=operation, unit="item", dynamic_ncols=True)

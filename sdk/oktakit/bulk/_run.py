"""The bulk executor: one operation over many users, journaled, resumable, with one outcome each.

>>> report = await okta.bulk("suspend_user", user_ids, concurrency=10, journal="incident-42.jsonl")
>>> report = await okta.bulk(okta.reset_factors, okta.list_users(search='profile.department eq "Sales"'))
>>> report.succeeded, report.skipped, report.not_found, report.failed

Pacing and retries are the transport's: ``concurrency`` only bounds the items in flight. Items
are pulled one at a time as workers free up, so memory does not grow with the input. Every
distinct item gets exactly one outcome record; see ``_bulk_executor`` for the loop,
``_bulk_steps`` for how each outcome is decided and ``_journal`` for the file format.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from oktakit.errors import InvalidArgumentError, JournalError

from ._actions import ACTIONS, json_arguments
from ._containment_report import ContainmentReport
from ._executor import Book, Executor
from ._items import ItemSource
from ._journal import BulkFailure, OutcomeRecord, ResumeState, RunRecord, now
from ._journal_file import JournalFile, Spool
from ._paths import PathLike, checked_path, refuse_shared_files
from ._playbook import CONTAIN, Playbook, UndoPlan, undo_plan
from ._report import BulkReport
from ._results import OnResult
from ._steps import Step, UpdateStep, make_step

if TYPE_CHECKING:
    from oktakit.client import OktaClient

__all__ = [
    "MAX_CONCURRENCY",
    "BulkFailure",
    "BulkReport",
    "ContainmentReport",
    "bulk",
    "bulk_undo",
    "bulk_update",
    "contain",
]

DEFAULT_CONCURRENCY = 8
#: The most items in flight a run takes. Okta serves 35 to 75 simultaneous requests per org
#: (OKTA-FACTS part 1, section 9) and the client's pacer caps what is sent anyway: more items
#: in flight only wait, each costing a task made before the first item is taken.
MAX_CONCURRENCY = 1000
Items = Iterable[Any] | AsyncIterable[Any]


class UndoOptions(TypedDict, total=False):
    """Options of every bulk run."""

    #: Items in flight at once (default 8, at most 1000); pacing and retries are the transport's.
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
    on_result: OnResult | None = None,
    **options: Unpack[RunOptions],
) -> BulkReport:
    """Run ``operation`` once for every distinct item; see ``OktaClient.bulk``."""
    return await _run(okta, make_step(okta, operation, arguments or {}, on_result), items, **options)


async def contain(
    okta: OktaClient, users: Items, *, steps: Iterable[str] | None = None, **options: Unpack[RunOptions]
) -> ContainmentReport:
    """The containment playbook over ``users``; see ``OktaClient.contain``."""
    playbook = Playbook(okta, steps)
    run = await _run(okta, playbook, users, **options)
    return ContainmentReport.from_run(tuple(playbook.arguments["steps"]), run)


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
    users: Iterable[str] | None = None,
    **options: Unpack[UndoOptions],
) -> BulkReport:
    """Reverse what a journaled run changed; see ``OktaClient.bulk_undo``."""
    chosen = _chosen_users(users)
    source = JournalFile(journal)
    path = JournalFile(undo_journal if undo_journal is not None else undo_journal_path(source.path)).path
    refuse_shared_files([("journal to undo", source.path), ("undo journal", path)], written={"undo journal"})
    # Held with a shared lock while it is read: a run still writing it is refused.
    source.open_for_reading()
    try:
        header, plan = _changed_users(source, okta)
    finally:
        source.close()
    if header.operation == CONTAIN:  # only the suspension is undone: unsuspend, no arguments
        inverse, arguments = ACTIONS["suspend_user"].inverse, {}
    else:
        inverse = ACTIONS[header.operation].inverse if header.operation in ACTIONS else None
        arguments = header.arguments
    if inverse is None:
        raise InvalidArgumentError(
            f"{header.operation} cannot be undone: Okta has no operation that reverses it (suspend and "
            "unsuspend, and adding to and removing from a group, undo each other; a containment's "
            "suspension is undone)"
        )
    changed, not_reversible = plan.unsuspend, plan.not_reversible
    if chosen is not None:
        wanted = _pick(chosen, plan, source.path)
        changed = [user for user in changed if user in wanted]
        not_reversible = {user: steps for user, steps in not_reversible.items() if user in wanted}
    step = make_step(okta, inverse.name, arguments)
    report = await _run(okta, step, changed, journal=path, undo_of=source.path.name, **options)
    report.not_reversible = not_reversible
    return report


def _chosen_users(users: Iterable[str] | None) -> set[str] | None:
    if users is None:
        return None
    names = [users] if isinstance(users, str) else list(users)
    if not names or not all(isinstance(name, str) and name.strip() for name in names):
        raise InvalidArgumentError("users must be ids or logins of users in the journal")
    return {name.strip() for name in names}


def _pick(chosen: set[str], plan: UndoPlan, journal: object) -> set[str]:
    """The user ids ``chosen`` names (by id, or by the item the run was given); every one must be
    in the journal."""
    ids = set(plan.ids.values())
    folded = {item.casefold(): user for item, user in plan.ids.items()}  # Okta's logins ignore case
    wanted = {name if name in ids else folded.get(name.casefold(), "") for name in chosen}
    missing = sorted(name for name in chosen if name not in ids and name.casefold() not in folded)
    if missing:
        raise InvalidArgumentError(f"not in the journal {journal}: {', '.join(missing[:5])}")
    return wanted


def _changed_users(source: JournalFile, okta: OktaClient) -> tuple[RunRecord, UndoPlan]:
    """The run record (every one in the journal must agree) and what the run changed."""
    header: RunRecord | None = None
    records = source.records()  # raises unless every run record is the first one's
    for record in records:
        header = record if isinstance(record, RunRecord) else None
        break
    if header is None:
        raise JournalError(f"{source.path} is not an oktakit bulk journal (or is empty)")
    if header.org != okta.org_url:
        raise JournalError(f"{source.path} is a journal of {header.org}, not of {okta.org_url}")
    if header.operation == CONTAIN:
        return header, undo_plan(records)
    changed: list[str] = []
    ids: dict[str, str] = {}
    for record in records:
        if isinstance(record, OutcomeRecord):
            ids.setdefault(record.item, record.user_id)
            if record.outcome == "succeeded":
                changed.append(record.user_id)
    return header, UndoPlan(changed, {}, ids)


def undo_journal_path(journal: PathLike) -> str:
    """Where ``bulk_undo`` journals by default: ``NAME.undo.jsonl`` beside the journal undone."""
    path = checked_path(journal, "journal")
    return str(path.with_name(f"{path.stem}.undo{path.suffix or '.jsonl'}"))


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
    whole = isinstance(concurrency, int) and not isinstance(concurrency, bool)
    if not whole or not 1 <= concurrency <= MAX_CONCURRENCY:
        raise InvalidArgumentError(
            f"concurrency must be a whole number from 1 to {MAX_CONCURRENCY}, not {concurrency!r}"
        )
    source = ItemSource(items)
    arguments = json_arguments(step.arguments)
    parts = tuple(stage.part for stage in step.stages if stage.part is not None)
    header = RunRecord("run", step.operation, okta.org_url, arguments, now(), undo_of=undo_of)
    book: Book
    if journal is None:
        resume, book = ResumeState(parts), Spool()
    else:
        file = JournalFile(journal)
        _refuse_reading_the_journal(items, file)
        # A journal of another run is refused before anything is sent; a dry run only reads it.
        resume, book = (
            (_read_only(file, header, parts), Spool()) if dry_run else (_locked(file, header, parts), file)
        )
    try:
        if preflight and not dry_run and step.needs:
            await _preflight(okta, step.needs)
        if journal is not None and not dry_run:
            book.append(header)
    except BaseException:
        if isinstance(book, JournalFile):
            book.close_unused()
        book.close()
        raise
    journaled = journal is not None and not dry_run
    executor = Executor(step, book, resume, concurrency, dry_run=dry_run, journaled=journaled)
    return await executor.run(source, progress)


def _refuse_reading_the_journal(items: Items, journal: JournalFile) -> None:
    """Items read from an open file (``open("ids.txt")``) must not come from the journal."""
    fileno = getattr(items, "fileno", None)
    if callable(fileno):
        try:
            descriptor = fileno()
        except (OSError, ValueError):
            return
        if isinstance(descriptor, int):
            refuse_shared_files([("items", descriptor), ("journal", journal.path)], written={"journal"})


def _read_only(file: JournalFile, header: RunRecord, parts: tuple[str, ...]) -> ResumeState:
    return _collect(file, header, parts) if file.exists() else ResumeState(parts)


def _locked(file: JournalFile, header: RunRecord, parts: tuple[str, ...]) -> ResumeState:
    file.open_for_run()
    try:
        resume = _collect(file, header, parts)
        file.prepare_appending()
    except BaseException:
        file.close()
        raise
    return resume


def _collect(file: JournalFile, header: RunRecord, parts: tuple[str, ...]) -> ResumeState:
    resume = ResumeState(parts)
    for record in file.records(check=header):
        resume.add(record)
    return resume.finish()


async def _preflight(okta: OktaClient, operations: list[str]) -> None:
    """Check the credential may run ``operations`` through the executor before the first item
    is touched (``bulk=True``: with the executor's own reads, exactly what ``oktakit permissions
    OP --bulk`` lists): raises ``InsufficientPermissionsError`` naming what to grant."""
    report = await okta.preflight(operations, bulk=True)
    report.raise_for_missing()

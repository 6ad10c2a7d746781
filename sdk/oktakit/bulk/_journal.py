"""The bulk journal's records: one JSON line per event, and what a resume learns from them.

A run writes a ``run`` record (operation, arguments, org), then for each item it acts on a
``start`` record before anything is sent and an ``outcome`` record when the item is settled.
A playbook (``okta.contain``) does that for each of its steps in turn, each record naming its
``step``: one outcome per user and step, and a resume goes on at the first step without one.
A ``start`` names the user's id when the item was a login, and the user's status read before
the action (``before``) when the operation can be undone: undo reverses only users this job
moved, and a resumed run knows what a user's status was before this job's first attempt. An
item with a ``start`` but no ``outcome`` was in flight ("in doubt"). ``_journal_file`` holds
the file itself: the lock, the checked writes and the torn-tail repair.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import attrs
import cattrs

from oktakit.errors import ApiError, JournalError, MalformedResponseError, TransportError

from ._seen import SeenSet

SCHEMA = 1
TERMINAL = ("succeeded", "skipped", "not_found", "failed")
#: The first bytes of every record the journal writes: how a torn first line is recognised as
#: the start of a run record rather than someone else's file.
RUN_PREFIX = b'{"kind":"run"'


@attrs.frozen
class BulkFailure:
    """A failed item's error, JSON-safe: the exception type and what Okta said."""

    type: str
    message: str
    status: int | None = None
    error_code: str | None = None
    error_id: str | None = None
    request_id: str | None = None

    @classmethod
    def from_exception(cls, error: BaseException) -> BulkFailure:
        status = getattr(error, "status", None)
        if isinstance(error, ApiError):
            return cls(
                type(error).__name__,
                str(error),
                error.status,
                error.error_code,
                error.error_id,
                error.request_id,
            )
        if isinstance(error, (TransportError, MalformedResponseError)):
            return cls(type(error).__name__, str(error), status if isinstance(status, int) else None)
        return cls(type(error).__name__, str(error))


@attrs.frozen
class RunRecord:
    """Written when a run starts (and again on each resume): what the journal is about."""

    kind: str
    operation: str
    org: str
    arguments: dict[str, Any]
    at: str
    version: int = SCHEMA
    undo_of: str | None = None

    def same_run(self, other: RunRecord) -> bool:
        return not self.differences(other)

    def differences(self, other: RunRecord) -> list[str]:
        """What differs from ``other`` (the run asking), as phrases for an error message."""
        return [
            f"{what} {theirs!r} (this run: {ours!r})"
            for what, theirs, ours in (
                ("version", self.version, other.version),
                ("operation", self.operation, other.operation),
                ("org", self.org, other.org),
                ("arguments", self.arguments, other.arguments),
                ("undo of", self.undo_of, other.undo_of),
            )
            if theirs != ours
        ]


@attrs.frozen
class StartRecord:
    """About to act on ``item``: ``user`` is its id when the item named it otherwise, ``before``
    its status read before the action (kept for operations that can be undone)."""

    kind: str
    item: str
    user: str | None = None
    before: str | None = None
    #: The playbook step (``okta.contain``); None in a one-operation run.
    step: str | None = None


@attrs.frozen
class OutcomeRecord:
    """An item's one terminal outcome (``planned`` appears only in dry-run reports)."""

    kind: str
    item: str
    outcome: str
    status: str | None = None
    error: BulkFailure | None = None
    note: str | None = None
    #: The user's id, when the item named the user by login.
    user: str | None = None
    #: The playbook step (``okta.contain``); None in a one-operation run.
    step: str | None = None

    @property
    def user_id(self) -> str:
        """The id the item resolved to (the item itself when it was an id)."""
        return self.user or self.item


@attrs.frozen
class InterruptedRecord:
    """The run was cancelled while this item was in flight; it is in doubt until redone."""

    kind: str
    item: str
    user: str | None = None
    step: str | None = None


Record = RunRecord | StartRecord | OutcomeRecord | InterruptedRecord
_KINDS: dict[str, type[Record]] = {
    "run": RunRecord,
    "start": StartRecord,
    "outcome": OutcomeRecord,
    "interrupted": InterruptedRecord,
}

converter = cattrs.Converter(omit_if_default=True)

# Built once, not per record. Human-readable UTF-8; text UTF-8 cannot carry (a lone surrogate
# in an error message of a caller's callable) falls back to JSON's \u escapes.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"))


def encode(record: Record) -> bytes:
    data = converter.unstructure(record)
    try:
        return _ENCODER.encode(data).encode() + b"\n"
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(data).encode() + b"\n"


def decode(line: bytes) -> Record:
    """One record; ``ValueError`` (or a subclass) for anything that is not one."""
    try:
        data = json.loads(line)
        return converter.structure(data, _KINDS[data["kind"]])
    except (ValueError, KeyError, TypeError, RecursionError, cattrs.BaseValidationError) as exc:
        raise ValueError(f"not a journal record: {type(exc).__name__}") from None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: ``ResumeState.in_doubt`` value of an item whose status before the first attempt is unknown.
UNKNOWN = ""


@attrs.define
class ResumeState:
    """What earlier runs in the journal settled, and what they left in doubt.

    In a playbook's journal (``parts``: its steps) an item is settled once every step is; until
    then ``parts_done`` holds the steps it has settled.
    """

    #: The playbook's steps; empty for a one-operation run.
    parts: tuple[str, ...] = ()
    #: Spellings and user ids of settled items.
    done: SeenSet = attrs.Factory(SeenSet)
    counts: dict[str, int] = attrs.Factory(dict)
    #: (spelling or user id, step) of an attempt in flight when a run stopped -> the user's
    #: status before this job's first attempt (``UNKNOWN`` if not recorded).
    in_doubt: dict[tuple[str, str | None], str] = attrs.Factory(dict)
    #: Spelling or user id of an item some of whose steps are settled -> those steps.
    parts_done: dict[str, set[str]] = attrs.Factory(dict)

    @property
    def settled(self) -> int:
        return sum(self.counts.values())

    def add(self, record: Record) -> None:
        if isinstance(record, OutcomeRecord):
            if record.outcome in TERMINAL and record.item not in self.done:
                if record.step is None:
                    self._settle(record)
                else:
                    self._settle_part(record, record.step)
        elif isinstance(record, (StartRecord, InterruptedRecord)):
            # The earliest start tells the status before this job first acted on the user.
            before = (record.before if isinstance(record, StartRecord) else None) or UNKNOWN
            for name in (record.item, record.user):
                if name:
                    self.in_doubt.setdefault((name, record.step), before)

    def _settle(self, record: OutcomeRecord) -> None:
        self.done.add(record.item)
        if record.user:
            self.done.add(record.user)
        self.counts[record.outcome] = self.counts.get(record.outcome, 0) + 1

    def _settle_part(self, record: OutcomeRecord, step: str) -> None:
        steps = self.parts_done.setdefault(record.item, set())
        if step in steps:
            return
        steps.add(step)
        if record.user:
            self.parts_done[record.user] = steps
        self.counts[record.outcome] = self.counts.get(record.outcome, 0) + 1
        if steps.issuperset(self.parts):
            for name in (record.item, record.user):
                if name:
                    self.done.add(name)
                    self.parts_done.pop(name, None)

    def settled_parts(self, *names: str) -> set[str]:
        """The steps an item (by any of its names) has settled already."""
        for name in names:
            steps = self.parts_done.get(name)
            if steps:
                return steps
        return set()

    def finish(self) -> ResumeState:
        self.in_doubt = {
            (name, step): before
            for (name, step), before in self.in_doubt.items()
            if name not in self.done and (step is None or step not in self.parts_done.get(name, ()))
        }
        return self


def check_run(path: object, record: Record, expected: RunRecord | None, first: bool) -> None:
    """A journal starts with a run record, and every run record in it is of the same run."""
    if not isinstance(record, RunRecord):
        if first:
            raise JournalError(f"{path} does not start with a bulk run record; it is not an oktakit journal")
        return
    if record.version != SCHEMA:
        raise JournalError(
            f"{path} has journal version {record.version}; this oktakit reads version {SCHEMA}"
        )
    if expected is not None and not record.same_run(expected):
        raise JournalError(
            f"{path} belongs to another run: "
            + "; ".join(record.differences(expected))
            + ". Use a new journal file for this run."
        )

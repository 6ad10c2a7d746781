"""The bulk journal: an append-only file of JSON lines, one record per event.

A run writes a ``run`` record (operation, arguments, org), then for each item a ``start``
record before anything is sent and an ``outcome`` record when it is settled. Each record is
one ``write`` on a file opened for appending, so it reaches the OS at once: a process killed
at any moment leaves whole lines, plus at most one torn last line, which is dropped on resume.
An item with a ``start`` but no ``outcome`` was in flight ("in doubt") and is done again.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import cattrs

from ._seen import SeenSet
from .errors import ApiError, JournalError, MalformedResponseError, TransportError

SCHEMA = 1
TERMINAL = ("succeeded", "skipped", "not_found", "failed")


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


@attrs.frozen
class StartRecord:
    kind: str
    item: str


@attrs.frozen
class OutcomeRecord:
    """An item's one terminal outcome (``planned`` appears only in dry-run reports)."""

    kind: str
    item: str
    outcome: str
    status: str | None = None
    error: BulkFailure | None = None
    note: str | None = None


@attrs.frozen
class InterruptedRecord:
    """The run was cancelled while this item was in flight; it is in doubt until redone."""

    kind: str
    item: str


Record = RunRecord | StartRecord | OutcomeRecord | InterruptedRecord
_KINDS: dict[str, type[Record]] = {
    "run": RunRecord,
    "start": StartRecord,
    "outcome": OutcomeRecord,
    "interrupted": InterruptedRecord,
}

converter = cattrs.Converter(omit_if_default=True)


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)  # built once, not per record


def encode(record: Record) -> bytes:
    return _ENCODER.encode(converter.unstructure(record)).encode() + b"\n"


def decode(line: bytes) -> Record:
    data = json.loads(line)
    return converter.structure(data, _KINDS[data["kind"]])


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@attrs.define
class ResumeState:
    """What earlier runs in the journal settled, and what they left in doubt."""

    done: SeenSet = attrs.Factory(SeenSet)
    counts: dict[str, int] = attrs.Factory(dict)
    in_doubt: set[str] = attrs.Factory(set)


class Journal:
    """An append-only record file: the user's journal, or a private spool for the report."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        if path is None:
            fd, name = tempfile.mkstemp(prefix="oktakit-bulk-", suffix=".jsonl")
            os.close(fd)
            self.path = Path(name)
            self.temporary = True
            weakref.finalize(self, _unlink, self.path)
            # Only the report reads the spool, after the run: it may be buffered.
            self._spool: BinaryIO | None = self.path.open("ab")
        else:
            self.path = Path(path)
            self.temporary = False
            self._spool = None
        self._fd: int | None = None

    def load(self, header: RunRecord) -> ResumeState:
        """Check the journal belongs to this run and collect what it settled (no writes)."""
        state = ResumeState()
        for record in self.records(check=header):
            if isinstance(record, OutcomeRecord):
                if record.outcome in TERMINAL and state.done.add(record.item):
                    state.counts[record.outcome] = state.counts.get(record.outcome, 0) + 1
                    state.in_doubt.discard(record.item)
            elif isinstance(record, (StartRecord, InterruptedRecord)):
                state.in_doubt.add(record.item)
        state.in_doubt = {item for item in state.in_doubt if item not in state.done}
        return state

    def records(self, *, check: RunRecord | None = None) -> Iterator[Record]:
        """Every whole record in order; a torn last line (a killed writer) is ignored."""
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        with self.path.open("rb") as file:
            first = True
            for number, line in enumerate(file, 1):
                if not line.endswith(b"\n"):
                    return  # torn by a kill mid-write; truncated before the next append
                try:
                    record = decode(line)
                except (ValueError, KeyError, TypeError, cattrs.BaseValidationError) as exc:
                    raise JournalError(f"{self.path}: line {number} is not a journal record") from exc
                if first and check is not None:
                    _check_header(self.path, record, check)
                first = False
                yield record

    def append(self, record: Record) -> None:
        if self._spool is not None:
            self._spool.write(encode(record))
            return
        if self._fd is None:
            self._fd = self._open()
        os.write(self._fd, encode(record))

    def _open(self) -> int:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as exc:
            raise JournalError(f"cannot write the journal {self.path}: {exc.strerror}") from None
        size = os.fstat(fd).st_size
        if size:
            # Drop a torn last line so the next record starts on a line of its own.
            with self.path.open("rb") as file:
                file.seek(max(0, size - 65536))
                tail = file.read()
            if not tail.endswith(b"\n"):
                cut = tail.rfind(b"\n")
                os.truncate(self.path, size - len(tail) + cut + 1 if cut >= 0 else 0)
        return fd

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _check_header(path: Path, record: Record, expected: RunRecord) -> None:
    if not isinstance(record, RunRecord):
        raise JournalError(f"{path} does not start with a bulk run record; it is not an oktakit journal")
    if record.version != SCHEMA:
        raise JournalError(
            f"{path} has journal version {record.version}; this oktakit reads version {SCHEMA}"
        )
    mismatch = [
        f"{what} {theirs!r} (this run: {ours!r})"
        for what, theirs, ours in (
            ("operation", record.operation, expected.operation),
            ("org", record.org, expected.org),
            ("arguments", record.arguments, expected.arguments),
            ("undo of", record.undo_of, expected.undo_of),
        )
        if theirs != ours
    ]
    if mismatch:
        raise JournalError(
            f"{path} belongs to another run: "
            + "; ".join(mismatch)
            + ". Use a new journal file for this run."
        )


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)

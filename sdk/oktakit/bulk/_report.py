"""``BulkReport``: one outcome per distinct item, read from the run's journal (or spool)."""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, TextIO

import attrs

from ._journal import BulkFailure, OutcomeRecord, Record, encode
from ._paths import PathLike, checked_path, refuse_shared_files, write_report

CSV_COLUMNS = (
    "id",
    "user_id",
    "outcome",
    "status",
    "error_type",
    "error_code",
    "error_status",
    "error_message",
    "note",
)


#: OWASP's CSV injection rule: a cell starting with one of these is run as a formula by
#: spreadsheets, so it is written with a leading single quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(
    journal: Path, path: PathLike, columns: Sequence[str], rows: Callable[[], Iterator[dict[str, Any]]]
) -> None:
    """Rows as CSV, formulas neutralised, written beside ``path`` and renamed over it."""

    def fill(file: TextIO) -> None:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        for row in rows():
            writer.writerow({name: csv_cell(value) for name, value in row.items()})

    write_beside(journal, path, fill)


def write_beside(journal: Path, path: PathLike, fill: Callable[[TextIO], None]) -> None:
    """A report of the run whose journal is ``journal``: never that file, written atomically."""
    target = checked_path(path, "report")
    refuse_shared_files([("journal", journal), ("report", target)], written={"report"})
    write_report(target, fill)


def dataframe(columns: Sequence[str], rows: Iterator[dict[str, Any]]) -> Any:
    """A pandas DataFrame of the rows (``ImportError`` saying so when pandas is missing)."""
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError("report.to_dataframe() needs pandas: pip install pandas") from exc
    return pandas.DataFrame(list(rows), columns=list(columns))


class RecordSource(Protocol):
    """The run's journal or spool, read when the report is."""

    path: Path

    def records(self) -> Iterator[Record]: ...


@attrs.define(eq=False)
class BulkReport:
    """The result of ``okta.bulk(...)``: every distinct item with exactly one outcome.

    >>> report = await okta.bulk("suspend_user", ids)
    >>> report.succeeded, report.skipped, report.not_found, report.failed  # failed: id -> error
    >>> report.to_csv("incident-42.csv"); report.to_dataframe()

    ``dry_run`` reports hold the plan instead: ``planned`` items would be changed, ``skipped``
    ones are already done, ``failed`` ones are in a status that does not allow the operation.
    Rows come from the run's journal, so a resumed run reports earlier runs' items too.
    """

    operation: str
    counts: dict[str, int]
    journal: RecordSource = attrs.field(repr=False)
    dry_run: bool = False
    #: Items seen more than once in the input (each was done once).
    duplicates: int = 0
    #: Items settled by earlier runs of the same journal.
    resumed: int = 0
    elapsed: float = 0.0
    #: ``bulk_undo`` of a containment: user id -> the steps it did that no operation reverses
    #: (``clear_sessions``, ``revoke_grants``, ``reset_factors``, ``expire_password``).
    not_reversible: dict[str, tuple[str, ...]] = attrs.Factory(dict)

    @property
    def ok(self) -> bool:
        """No item failed."""
        return not self.counts.get("failed")

    def __len__(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[OutcomeRecord]:
        """Every item's outcome record, in the order they were settled."""
        return self._rows

    @cached_property
    def _rows(self) -> list[OutcomeRecord]:
        seen: set[str] = set()
        rows = []
        for record in self.journal.records():
            if isinstance(record, OutcomeRecord) and record.item not in seen:
                seen.add(record.item)
                rows.append(record)
        return rows

    def _ids(self, outcome: str) -> list[str]:
        return [row.item for row in self._rows if row.outcome == outcome]

    @property
    def succeeded(self) -> list[str]:
        return self._ids("succeeded")

    @property
    def skipped(self) -> list[str]:
        """Already in the target state (for example suspending a SUSPENDED user)."""
        return self._ids("skipped")

    @property
    def not_found(self) -> list[str]:
        return self._ids("not_found")

    @property
    def planned(self) -> list[str]:
        """Dry run only: the items the operation would change."""
        return self._ids("planned")

    @property
    def failed(self) -> dict[str, BulkFailure]:
        """Failed items and their errors."""
        return {
            row.item: row.error or BulkFailure("Unknown", "") for row in self._rows if row.outcome == "failed"
        }

    def summary(self) -> str:
        order = ("planned", "succeeded", "skipped", "not_found", "failed")
        parts = [
            f"{self.counts.get(name, 0)} {name.replace('_', ' ')}" for name in order if name in self.counts
        ]
        head = f"{self.operation}{' (dry run)' if self.dry_run else ''}: {len(self)} items"
        extra = f", {self.duplicates} duplicates ignored" if self.duplicates else ""
        if self.not_reversible:
            kept = len(self.not_reversible)
            extra += (
                f"; {kept} {'user keeps' if kept == 1 else 'users keep'} what undo cannot reverse "
                "(sessions, tokens, grants, factors, passwords: see not_reversible)"
            )
        return f"{head}: {', '.join(parts) or 'nothing to do'}{extra}"

    def __str__(self) -> str:
        return self.summary()

    def as_dicts(self) -> Iterator[dict[str, Any]]:
        """Rows as flat dicts with the CSV columns."""
        for row in self._rows:
            error = row.error
            yield {
                "id": row.item,
                "user_id": row.user_id,
                "outcome": row.outcome,
                "status": row.status,
                "error_type": error.type if error else None,
                "error_code": error.error_code if error else None,
                "error_status": error.status if error else None,
                "error_message": error.message if error else None,
                "note": row.note,
            }

    def to_csv(self, path: PathLike) -> None:
        """One row per distinct item, with at least the columns ``id`` and ``outcome``.

        Written to a temporary file beside ``path`` and renamed over it. Cells that a spreadsheet
        would run as a formula (starting with ``= + - @``, a tab or a carriage return) get a
        leading single quote. ``InvalidArgumentError`` for a path that is the run's journal or
        not a file; ``JournalError`` when writing fails.
        """

        write_csv(self.journal.path, path, CSV_COLUMNS, self.as_dicts)

    def to_jsonl(self, path: PathLike) -> None:
        """One JSON object per distinct item (the journal's outcome records); written like
        ``to_csv``."""

        def fill(file: TextIO) -> None:
            for row in self._rows:
                file.write(encode(row).decode())

        write_beside(self.journal.path, path, fill)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with the CSV columns (needs pandas)."""
        return dataframe(CSV_COLUMNS, self.as_dicts())

"""``BulkReport``: one outcome per distinct item, read from the run's journal (or spool)."""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable, Iterator
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


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


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

        def fill(file: TextIO) -> None:
            writer = csv.DictWriter(file, CSV_COLUMNS)
            writer.writeheader()
            for row in self.as_dicts():
                writer.writerow({name: _csv_cell(value) for name, value in row.items()})

        self._write(path, fill)

    def to_jsonl(self, path: PathLike) -> None:
        """One JSON object per distinct item (the journal's outcome records); written like
        ``to_csv``."""

        def fill(file: TextIO) -> None:
            for row in self._rows:
                file.write(encode(row).decode())

        self._write(path, fill)

    def _write(self, path: PathLike, fill: Callable[[TextIO], None]) -> None:
        target = checked_path(path, "report")
        refuse_shared_files([("journal", self.journal.path), ("report", target)], written={"report"})
        write_report(target, fill)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with the CSV columns (needs pandas)."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError("report.to_dataframe() needs pandas: pip install pandas") from exc
        return pandas.DataFrame(list(self.as_dicts()), columns=list(CSV_COLUMNS))

"""``ContainmentReport``: one row per user, one outcome per step, read from the run's journal."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, TextIO

import attrs

from ._journal import BulkFailure, OutcomeRecord, StartRecord, converter
from ._paths import PathLike
from ._report import BulkReport, RecordSource, dataframe, write_beside, write_csv

_OUTCOMES = ("planned", "succeeded", "skipped", "not_found", "failed")


@attrs.frozen
class ContainmentRow:
    """A user's containment: the outcome record of each step (in the playbook's order)."""

    #: The item as given (an id or a login).
    item: str
    user_id: str
    #: Step name -> its outcome record (``outcome``, ``status``, ``error``, ``note``).
    steps: Mapping[str, OutcomeRecord]
    #: The user's status read before the first step (None when not known).
    status_before: str | None = None
    #: A dry run's row: nothing was changed.
    planned: bool = False

    def outcome(self, step: str) -> str | None:
        found = self.steps.get(step)
        return found.outcome if found is not None else None

    @property
    def status(self) -> str | None:
        """The user's status as the last step that knew it left it (a dry run changes nothing:
        the status before)."""
        known = [r.status for r in self.steps.values() if r.status is not None]
        return known[-1] if known and not self.planned else self.status_before

    @property
    def contained(self) -> bool:
        """Every step succeeded or had nothing to do (``skipped``)."""
        return all(r.outcome in ("succeeded", "skipped") for r in self.steps.values())

    @property
    def failures(self) -> dict[str, BulkFailure]:
        return {
            step: r.error or BulkFailure("Unknown", "")
            for step, r in self.steps.items()
            if r.outcome == "failed"
        }


@attrs.define(eq=False)
class ContainmentReport:
    """The result of ``okta.contain(...)``: every distinct user with one outcome per step.

    >>> report = await okta.contain(user_ids, journal="incident-42.jsonl")
    >>> report.contained, report.failed    # users fully contained; user -> {step: BulkFailure}
    >>> report.to_csv("incident-42.csv"); report.to_dataframe()

    A dry run's report holds the plan (``planned`` steps). Rows come from the run's journal, so a
    resumed run reports earlier runs' users too.
    """

    steps: tuple[str, ...]
    journal: RecordSource = attrs.field(repr=False)
    dry_run: bool = False
    #: Items seen more than once in the input (each user was contained once).
    duplicates: int = 0
    #: User-steps settled by earlier runs of the same journal.
    resumed: int = 0
    elapsed: float = 0.0

    @classmethod
    def from_run(cls, steps: tuple[str, ...], run: BulkReport) -> ContainmentReport:
        return cls(steps, run.journal, run.dry_run, run.duplicates, run.resumed, run.elapsed)

    def rows(self) -> list[ContainmentRow]:
        """One row per user, in the order their first step was settled."""
        return self._rows

    @cached_property
    def _rows(self) -> list[ContainmentRow]:
        steps: dict[str, dict[str, OutcomeRecord]] = {}
        users: dict[str, str] = {}
        before: dict[str, str] = {}
        for record in self.journal.records():
            if isinstance(record, StartRecord) and record.before is not None:
                before.setdefault(record.item, record.before)
            if not isinstance(record, OutcomeRecord) or record.step is None:
                continue
            settled = steps.setdefault(record.item, {})
            settled.setdefault(record.step, record)
            users.setdefault(record.item, record.user_id)
            if record.status is not None:  # a run without a journal writes no start records
                before.setdefault(record.item, record.status)
        order = {name: index for index, name in enumerate(self.steps)}
        return [
            ContainmentRow(
                item,
                users[item],
                dict(sorted(settled.items(), key=lambda pair: order.get(pair[0], len(order)))),
                before.get(item),
                self.dry_run,
            )
            for item, settled in steps.items()
        ]

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def ok(self) -> bool:
        """No step failed for any user."""
        return not any(row.failures for row in self._rows)

    @property
    def contained(self) -> list[str]:
        """Users whose every step succeeded or had nothing to do (``dry_run``: none)."""
        return [row.item for row in self._rows if row.contained and not self.dry_run]

    @property
    def not_found(self) -> list[str]:
        return [row.item for row in self._rows if all(r.outcome == "not_found" for r in row.steps.values())]

    @property
    def failed(self) -> dict[str, dict[str, BulkFailure]]:
        """Users with a failed step: user -> {step: error}."""
        return {row.item: row.failures for row in self._rows if row.failures}

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Per step, how many users ended with each outcome."""
        counts: dict[str, dict[str, int]] = {step: {} for step in self.steps}
        for row in self._rows:
            for step, record in row.steps.items():
                per_step = counts.setdefault(step, {})
                per_step[record.outcome] = per_step.get(record.outcome, 0) + 1
        return counts

    def summary(self) -> str:
        rows = self._rows
        users = f"{len(rows)} user{'' if len(rows) == 1 else 's'}"
        if self.dry_run:
            head = f"contain (dry run): {users}"
        else:
            head = (
                f"contain: {users}: {len(self.contained)} contained, "
                f"{len(self.failed)} with a failed step, {len(self.not_found)} not found"
            )
        if self.duplicates:
            head += f", {self.duplicates} duplicates ignored"
        width = max(map(len, self.steps), default=0)
        lines = [head]
        for step, counts in self.counts.items():
            parts = [f"{counts[name]} {name.replace('_', ' ')}" for name in _OUTCOMES if counts.get(name)]
            lines.append(f"  {step:<{width}}  {', '.join(parts) or '-'}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV columns: the user, its status before and after, one per step, then errors."""
        return ("id", "user_id", "status_before", "status", *self.steps, "errors", "notes")

    def as_dicts(self) -> Iterator[dict[str, Any]]:
        """Rows as flat dicts with the CSV columns (a step's cell is its outcome)."""
        for row in self._rows:
            flat: dict[str, Any] = {
                "id": row.item,
                "user_id": row.user_id,
                "status_before": row.status_before,
                "status": row.status,
            }
            flat.update({step: row.outcome(step) for step in self.steps})
            flat["errors"] = (
                "; ".join(
                    f"{step}: {e.type} {e.error_code or ''} {e.message}".replace("  ", " ")
                    for step, e in row.failures.items()
                )
                or None
            )
            flat["notes"] = "; ".join(f"{step}: {r.note}" for step, r in row.steps.items() if r.note) or None
            yield flat

    def to_csv(self, path: PathLike) -> None:
        """One row per user, a column per step; written to a temporary file beside ``path`` and
        renamed over it, cells a spreadsheet would run as a formula neutralised (as
        ``BulkReport.to_csv``)."""
        write_csv(self.journal.path, path, self.columns, self.as_dicts)

    def to_jsonl(self, path: PathLike) -> None:
        """One JSON object per user: ``id``, ``user_id``, ``status_before``, ``status`` and
        ``steps`` (step -> its outcome record); written like ``to_csv``."""

        def fill(file: TextIO) -> None:
            for row in self._rows:
                steps = {step: _step_json(record) for step, record in row.steps.items()}
                line = {
                    "id": row.item,
                    "user_id": row.user_id,
                    "status_before": row.status_before,
                    "status": row.status,
                    "steps": steps,
                }
                file.write(_json_line(line))

        write_beside(self.journal.path, path, fill)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with the CSV columns (needs pandas)."""
        return dataframe(self.columns, self.as_dicts())


def _step_json(record: OutcomeRecord) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(record)
    for key in ("kind", "item", "user", "step"):
        data.pop(key, None)
    return data


def _json_line(data: dict[str, Any]) -> str:
    """UTF-8 JSON as the journal writes it; text UTF-8 cannot carry falls back to \\u escapes."""
    text = _ENCODER.encode(data)
    try:
        text.encode()
    except UnicodeEncodeError:
        text = _ASCII_ENCODER.encode(data)
    return text + "\n"


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"))

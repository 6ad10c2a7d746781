"""Rows to stdout as a table, JSON, JSON lines or CSV, one row at a time (nothing buffers a whole
list, except the first rows a table sizes its columns by).

Everything printed came from Okta, so it is made safe for where it goes: the table and CSV cells
lose control characters (``_text.printable``) and CSV cells that a spreadsheet would run as a
formula get a leading ``'`` (the bulk report's rule); JSON escapes what it must.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO

from oktakit._text import printable
from oktakit.bulk._report import csv_cell

FORMATS = ("table", "json", "jsonl", "csv")
#: Rows a table reads before it sizes its columns (then it streams with those widths).
SIZING_ROWS = 100
_GAP = "  "


def cell_text(value: Any) -> str:
    """A value as one line of text (lists joined with commas; None empty)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(cell_text(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return str(getattr(value, "value", value))


class Writer:
    """Writes rows (flat mappings by column, and the whole record for JSON) as they come."""

    def __init__(self, kind: str, out: TextIO, columns: Sequence[str]) -> None:
        if kind not in FORMATS:
            raise ValueError(f"unknown format {kind!r}")
        self.kind = kind
        self.out = out
        self.columns = list(columns)
        self.count = 0
        self._csv: Any = None
        self._pending: list[list[str]] = []
        self._widths: list[int] | None = None

    def row(self, flat: Mapping[str, Any], whole: Any = None) -> None:
        """One row: ``flat`` holds the columns; ``whole`` (JSON formats) is what is printed instead
        when given (the full record, e.g. the user's JSON)."""
        self.count += 1
        if self.kind in ("json", "jsonl"):
            data = whole if whole is not None else {name: flat.get(name) for name in self.columns}
            text = json_text(data)
            if self.kind == "jsonl":
                self.out.write(text + "\n")
            else:
                self.out.write(("[\n" if self.count == 1 else ",\n") + text)
            return
        cells = [printable(cell_text(flat.get(name))) for name in self.columns]
        if self.kind == "csv":
            if self._csv is None:
                self._csv = csv.writer(self.out)
                self._csv.writerow(self.columns)
            self._csv.writerow([csv_cell(cell) for cell in cells])
            return
        if self._widths is None:
            self._pending.append(cells)
            if len(self._pending) >= SIZING_ROWS:
                self._flush_table()
            return
        self._table_line(cells)

    def close(self) -> None:
        """End the output (an empty JSON list, a CSV header or a table header when no row came)."""
        if self.kind == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.kind == "csv" and self._csv is None:
            csv.writer(self.out).writerow(self.columns)
        elif self.kind == "table" and self._widths is None:
            self._flush_table()
        self.out.flush()

    def _flush_table(self) -> None:
        rows, self._pending = self._pending, []
        self._widths = fit_widths(self.columns, rows, terminal_width(self.out))
        self._table_line(list(self.columns))
        for cells in rows:
            self._table_line(cells)

    def _table_line(self, cells: Sequence[str]) -> None:
        widths = self._widths or [len(cell) for cell in cells]
        shown = [_fit(cell, width) for cell, width in zip(cells, widths, strict=True)]
        self.out.write(_GAP.join(shown).rstrip() + "\n")


def terminal_width(out: TextIO) -> int | None:
    """The terminal's width when ``out`` is one (or ``COLUMNS`` says), else None: no limit."""
    try:
        interactive = out.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if not interactive and not os.environ.get("COLUMNS", "").strip().isdigit():
        return None
    return shutil.get_terminal_size().columns


def fit_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], total: int | None) -> list[int]:
    """Column widths that fit ``total`` characters (None: no limit): each as wide as its widest
    cell, and when that is too wide, the widest columns are narrowed first, never below their
    title or 4 characters; ids are never cut (they are what a reader copies)."""
    widths = [max([len(title), *(len(row[i]) for row in rows)]) for i, title in enumerate(columns)]
    if total is None:
        return widths
    room = max(total - len(_GAP) * (len(columns) - 1), len(columns))
    floors = [
        width if _is_id(title) else min(width, max(4, len(title)))
        for width, title in zip(widths, columns, strict=True)
    ]
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break  # nothing left to narrow: the terminal wraps
        widths[widest] -= 1
    return widths


def _is_id(column: str) -> bool:
    return column == "id" or column.endswith((".id", "_id", "Id"))


def _fit(cell: str, width: int) -> str:
    if len(cell) > width:
        cell = cell[: max(0, width - 1)] + "…"
    return cell.ljust(width)


def json_text(data: Any) -> str:
    """UTF-8 JSON on one line; text UTF-8 cannot carry (a lone surrogate) falls back to escapes."""
    text = json.dumps(data, ensure_ascii=False, default=_json_default)
    try:
        text.encode()
    except UnicodeEncodeError:
        text = json.dumps(data, default=_json_default)
    return text


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    to_dict: Callable[[], Any] | None = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return str(getattr(value, "value", value))

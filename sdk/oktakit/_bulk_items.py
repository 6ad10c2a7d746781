"""Bulk inputs: which user an item names, and pulling items lazily from any source."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping, Sized
from typing import Any, Final

from .errors import InvalidArgumentError

END: Final = object()
#: Columns that name the user in a bulk_update row, in order of preference.
KEY_COLUMNS: Final = ("id", "login")


def item_key(item: Any) -> str:
    """The id or login an item stands for: a string, a ``User`` (its ``id``) or a mapping."""
    if isinstance(item, str):
        key: Any = item.strip()
    elif isinstance(item, Mapping):
        key = next((item[c] for c in KEY_COLUMNS if isinstance(item.get(c), str) and item[c].strip()), None)
        key = key.strip() if isinstance(key, str) else None
    else:
        key = getattr(item, "id", None)
    if not isinstance(key, str) or not key:
        shown = "an empty string" if isinstance(item, str) else type(item).__name__
        raise InvalidArgumentError(
            f"bulk items must be ids or logins, User objects or rows with an 'id' or 'login'; got {shown}"
        )
    return key


def known_status(item: Any) -> str | None:
    """The status an item already carries (a ``User`` from ``list_users``), if any."""
    status = getattr(item, "status", None)
    if status is None or isinstance(item, (str, Mapping)):
        return None
    return str(getattr(status, "value", status))


async def _nothing() -> AsyncIterator[Any]:
    return
    yield


_NO_ITEMS: Final = _nothing()


class ItemSource:
    """Hands out items one at a time to concurrent workers, never reading ahead."""

    def __init__(self, items: Iterable[Any] | AsyncIterable[Any]) -> None:
        self.size: int | None = None
        if isinstance(items, (str, bytes, Mapping)):
            raise InvalidArgumentError("bulk items must be an iterable of items, not one string or mapping")
        self._aiter: AsyncIterator[Any] = _NO_ITEMS
        self._iter: Iterator[Any] | None = None
        if isinstance(items, AsyncIterable):
            self._aiter = aiter(items)
        elif isinstance(items, Iterable):
            self._iter = iter(items)
            self.size = len(items) if isinstance(items, Sized) else None
        else:
            kind = type(items).__name__
            raise InvalidArgumentError(f"bulk items must be an iterable or async iterable, not {kind}")
        self._lock = asyncio.Lock()

    async def next(self) -> Any:
        if self._iter is not None:
            return next(self._iter, END)
        async with self._lock:  # an async generator may not be advanced by two tasks at once
            return await anext(self._aiter, END)

    async def aclose(self) -> None:
        close = getattr(self._aiter, "aclose", None)
        if close is not None:
            await close()


def profile_changes(row: Mapping[str, Any], empty: str) -> dict[str, Any]:
    """The attributes a bulk_update row sets; empty cells are cleared or left, per ``empty``."""
    changes: dict[str, Any] = {}
    for name, value in row.items():
        if name in KEY_COLUMNS or name is None:
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            if empty == "clear":
                changes[name] = None
            continue
        changes[name] = value
    return changes


def csv_rows(path: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV file, read lazily (the first line names the columns)."""
    with open(path, newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        if reader.fieldnames is None or not any(c in reader.fieldnames for c in KEY_COLUMNS):
            raise InvalidArgumentError(
                f"{path}: the first line must name the columns, 'id' or 'login' among them"
            )
        yield from reader

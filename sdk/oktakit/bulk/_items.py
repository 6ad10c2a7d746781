"""Bulk inputs: which user an item names, and pulling items lazily from any source."""

from __future__ import annotations

import asyncio
import csv
import re
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping, Sized
from typing import Any, Final

import attrs

from oktakit.errors import InvalidArgumentError

END: Final = object()
#: Columns that name the user in a bulk_update row, in order of preference.
KEY_COLUMNS: Final = ("id", "login")
# Okta user ids: "00u" and 17 base62 characters (OKTA-FACTS part 1, section 2; recorded answers).
_USER_ID: Final = re.compile(r"00u[0-9A-Za-z]{17}")


def looks_like_user_id(key: str) -> bool:
    """Whether ``key`` has the shape of an Okta user id (anything else is read as a login)."""
    return _USER_ID.fullmatch(key) is not None


def _key_column(row: Mapping[Any, Any]) -> str | None:
    """The column that names the user: ``id`` when it has a value, else ``login``."""
    return next((c for c in KEY_COLUMNS if isinstance(row.get(c), str) and row[c].strip()), None)


def item_key(item: Any) -> str:
    """The id or login an item stands for: a string, a ``User`` (its ``id``) or a mapping."""
    if isinstance(item, str):
        key: Any = item.strip()
    elif isinstance(item, Mapping):
        column = _key_column(item)
        key = item[column].strip() if column is not None else None
    else:
        key = getattr(item, "id", None)
    if not isinstance(key, str) or not key:
        shown = "an empty string" if isinstance(item, str) else type(item).__name__
        raise InvalidArgumentError(
            f"bulk items must be ids or logins, User objects or rows with an 'id' or 'login'; got {shown}"
        )
    try:
        key.encode()
    except UnicodeEncodeError:
        raise InvalidArgumentError(
            f"bulk item {key!r} holds a lone surrogate, which no URL or journal can carry"
        ) from None
    return key


@attrs.frozen
class Target:
    """One user about to be acted on, as the executor resolved it."""

    #: The item as given (a string, a ``User``, a row).
    item: Any
    #: What the item says: an id or a login.
    key: str
    #: The user's id (``key`` when it was an id, or when nothing was read).
    user: str
    #: The user's status read (or listed) before this attempt; None when not read.
    before: str | None = None
    #: An earlier attempt of this job was in flight when its run stopped.
    in_doubt: bool = False
    #: The status before the job's first attempt, recorded by that attempt (None: not recorded).
    origin: str | None = None
    #: The playbook step this attempt is (``okta.contain``); None for a one-operation run.
    part: str | None = None


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
    """The attributes a bulk_update row sets; empty cells are cleared or left, per ``empty``.

    The column naming the user is not a change: ``id`` when it has a value, so that a ``login``
    beside it renames the user; otherwise ``login``. A login is never cleared (Okta requires one).
    """
    key_column = _key_column(row)
    changes: dict[str, Any] = {}
    for name, value in row.items():
        if name is None or name in (key_column, "id"):
            continue
        blank = value is None or (isinstance(value, str) and not value.strip())
        if blank:
            if empty == "clear" and name != "login":
                changes[name] = None
            continue
        changes[name] = value
    return changes


def csv_rows(path: str) -> Iterator[dict[str, str]]:
    """Rows of a CSV file, read lazily (the first line names the columns); a file that is not
    UTF-8 CSV raises ``InvalidArgumentError`` naming the line."""
    reader: csv.DictReader[str] | None = None
    try:
        with open(path, newline="", encoding="utf-8-sig") as file:
            reader = csv.DictReader(file)
            if reader.fieldnames is None or not any(c in reader.fieldnames for c in KEY_COLUMNS):
                raise InvalidArgumentError(
                    f"{path}: the first line must name the columns, 'id' or 'login' among them"
                )
            yield from reader
    except (UnicodeDecodeError, csv.Error) as exc:
        line = reader.line_num if reader is not None else 1
        raise InvalidArgumentError(f"{path}: line {line} is not UTF-8 CSV ({exc})") from None
    except OSError as exc:
        raise InvalidArgumentError(f"cannot read {path}: {exc.strerror}") from None

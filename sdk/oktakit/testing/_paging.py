"""Cursor pages with Okta's ``Link`` headers, for the simulator's lists.

Okta's cursor (``after``) is opaque; here it is the id of the last item of the previous page.
Like Okta, the ``self`` link always shows ``limit``, and ``next`` is present only when more follow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar
from urllib.parse import urlencode

from aiohttp import web

from ._errors import SimulatedError

T = TypeVar("T")


def limit_of(raw: str | None, default: int, maximum: int) -> int:
    """The page size asked for; an unreadable one is 400 E0000001, a large one is capped."""
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SimulatedError("E0000001", "limit", ["limit: must be an integer"]) from None
    return default if value < 1 else min(value, maximum)


def page(items: Sequence[T], key: Callable[[T], str], after: str | None, limit: int) -> tuple[list[T], bool]:
    """The items after the one whose key is ``after`` (all if it is unknown), and whether more follow."""
    start = 0
    if after:
        start = next((i + 1 for i, item in enumerate(items) if key(item) == after), 0)
    window = list(items[start : start + limit])
    return window, start + limit < len(items)


def add_links(
    response: web.StreamResponse,
    url: str,
    request: web.Request,
    *,
    limit: int,
    last: str | None,
    more: bool,
) -> None:
    """Okta's ``Link`` headers: ``self`` with the request's cursor and limit, then ``next``."""
    extra = [(k, v) for k, v in request.query.items() if k not in ("after", "limit")]
    after = request.query.get("after") or None
    own = ([("after", after)] if after else []) + [("limit", str(limit))]
    response.headers.add("Link", f'<{url}?{urlencode(own + extra)}>; rel="self"')
    if more and last is not None:
        following = [("after", last), ("limit", str(limit))]
        response.headers.add("Link", f'<{url}?{urlencode(following + extra)}>; rel="next"')

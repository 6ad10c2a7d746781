"""``GET /api/v1/logs``: Okta's bounded and polling queries over the simulated System Log.

A request without ``until`` and in ascending order is a *polling* query: events in the order
they were stored, from ``after`` (or, without it, from those stored at or after ``since``,
default seven days ago), and always a ``next`` link, even after an empty page (its cursor then
stays where it was). Any other request is *bounded*: events published in ``[since, until)``
(``until`` defaults to now, ``since`` to seven days before ``until``), ordered by ``published``
in ``sortOrder``, with a ``next`` link while more remain; the next link spells out the window.
The cursor is opaque to clients: ``<stored ms>_<sequence>`` when polling (the shape Okta's
cursors have), the last event's uuid when bounded (as in Okta's example).
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

from aiohttp import web

from ._context import CONTEXT
from ._errors import SimulatedError
from ._sources import Evidence, documented, inferred, recorded
from ._syslog import LogRecord, Page, SystemLog
from ._syslog_filter import combine, compile_filter, keywords
from ._util import iso8601, parse_iso8601

DAY: Final = 86400.0
#: Without ``since``, a query starts this long before ``until`` (polling: before now).
DEFAULT_WINDOW: Final = 7 * DAY
#: ``since`` may not reach further back than this (400 E0000053).
MAX_SINCE_AGE: Final = 180 * DAY
MAX_LIMIT: Final = 1000
DEFAULT_LIMIT: Final = 100

STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "polling": (
        documented(
            "docs-system-log-query",
            "until unset and sortOrder ASCENDING; filtered by persistence time; a next link is always "
            "present, even on an empty page",
        ),
    ),
    "bounded": (
        documented(
            "docs-system-log-query", "since and until set; ordered by published; the last page has no next"
        ),
        documented("okta-mgmt-spec", "since defaults to 7 days before until, until to now"),
    ),
    "cursor": (
        recorded("issue-logstash-okta-cursor", "a polling next link's after=1648112954504_1"),
        documented("docs-system-log-query", "a bounded next link's after is an event uuid; never build it"),
        inferred("docs-system-log-query", "after and since both in a next link (Okta's example): after wins"),
    ),
    "errors": (
        documented("docs-system-log-query", "a bad date: 400 E0000001 with two causes per parameter"),
        documented("docs-system-log-query", "since over 180 days ago: 400 E0000053 Invalid parameter"),
        documented("docs-system-log-query", "bad filters: 400 E0000053; co on the debug URLs: 400 E0000031"),
        documented("docs-system-log-query", "a q item over 40 characters: 400 E0000001"),
        inferred(
            "okta-mgmt-spec",
            "limit outside 0 to 1000, a bad sortOrder or cursor, 11 or more q items: 400 E0000001",
        ),
    ),
    "retention": (
        documented("docs-system-log-query", "nothing published more than 90 days ago is returned"),
    ),
}


def _bad(field: str, *causes: str) -> SimulatedError:
    detail = " ".join(f"'{field}': {cause}" for cause in causes)
    return SimulatedError("E0000001", detail, [f"{field}: {cause}" for cause in causes])


def _date(request: web.Request, name: str) -> float | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return parse_iso8601(raw)
    except (ValueError, OverflowError):
        raise _bad(
            name,
            "The date format in your query is not recognized. Please enter dates using ISO8601 string "
            "format.",
            "must be a valid date-time or empty.",
        ) from None


def _limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_LIMIT
    try:
        value = int(raw)
    except ValueError:
        raise _bad("limit", "must be an integer.") from None
    if not 0 <= value <= MAX_LIMIT:
        raise _bad("limit", f"must be between 0 and {MAX_LIMIT}.")
    return value


def _polling_cursor(raw: str) -> int:
    """The sequence number in ``<stored ms>_<sequence>``."""
    _, _, seq = raw.rpartition("_")
    if not (seq.isascii() and seq.isdigit()):
        raise _bad("after", "is not a valid cursor.")
    return int(seq)


async def list_log_events(request: web.Request) -> web.StreamResponse:
    ctx = request.app[CONTEXT]
    log, now = ctx.system_log, ctx.clock()
    query = request.query
    since, until = _date(request, "since"), _date(request, "until")
    limit = _limit(query.get("limit"))
    order = query.get("sortOrder") or "ASCENDING"
    if order not in ("ASCENDING", "DESCENDING"):
        raise _bad("sortOrder", "must be ASCENDING or DESCENDING.")
    if since is not None and since < now - MAX_SINCE_AGE:
        raise SimulatedError(
            "E0000053",
            summary="Invalid parameter: The since parameter is over 180 days prior to the current day.",
        )
    text, q = query.get("filter"), query.get("q")
    match = combine(compile_filter(text) if text else None, keywords(q) if q else None)
    after = query.get("after") or None
    keep = [(k, v) for k, v in query.items() if k != "after"]
    if until is None and order == "ASCENDING":
        page = log.polling(
            None if after is None else _polling_cursor(after),
            now - DEFAULT_WINDOW if since is None else since,
            match,
            limit,
        )
        following: list[tuple[str, str]] | None = keep + _polling_after(log, page)
    else:
        end = now if until is None else until
        start = end - DEFAULT_WINDOW if since is None else since
        previous = None
        if after is not None:
            previous = log.find(after)
            if previous is None:
                raise _bad("after", "is not a valid cursor.")
        page = log.bounded(
            start, end, descending=order == "DESCENDING", after=previous, match=match, limit=limit
        )
        following = None
        if isinstance(page.cursor, LogRecord):
            window = [(k, v) for k, v in keep if k not in ("since", "until")]
            following = [
                *window,
                ("since", iso8601(start)),
                ("until", iso8601(end)),
                ("after", page.cursor.uuid),
            ]
    response = web.Response(
        body=b"[" + b",".join(record.body for record in page.records) + b"]", content_type="application/json"
    )
    base = f"{ctx.org.base_url}/api/v1/logs"
    response.headers.add(
        "Link", f'<{base}?{request.query_string}>; rel="self"' if query else f'<{base}>; rel="self"'
    )
    if following is not None:
        response.headers.add("Link", f'<{base}?{urlencode(following)}>; rel="next"')
    return response


def _polling_after(log: SystemLog, page: Page) -> list[tuple[str, str]]:
    seq = page.cursor
    if not isinstance(seq, int) or seq < 1:
        return []
    record = log.record(seq)
    stored = record.stored if record is not None else log.clock()
    return [("after", f"{round(stored * 1000)}_{seq}")]

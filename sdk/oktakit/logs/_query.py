"""``okta.list_log_events``: a bounded query of the System Log, page after page.

A bounded query names both ends of its window (oktakit sends ``since`` and ``until`` even when
the caller gives neither: without ``until`` an ascending query would be a *polling* one, whose
pages never end). It follows Okta's ``next`` links and stops when there is none or a page is
empty, and never yields an event outside the window, whatever a page holds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from oktakit._arguments import opt_text
from oktakit._http.pagination import next_link
from oktakit._http.parse import parse
from oktakit.errors import MalformedResponseError
from oktakit_api import operations as ops
from oktakit_api.models import ListLogEventsSortOrder

from ._arguments import Moment, keywords, page_limit, sort_order, window, wire_time

if TYPE_CHECKING:
    from oktakit._client_core import ClientCore
    from oktakit_api.models import LogEvent


def bounded_query(
    client: ClientCore,
    *,
    since: Moment | None,
    until: Moment | None,
    filter: str | None,
    q: str | None,
    order: str | None,
    limit: int | None,
) -> AsyncIterator[LogEvent]:
    """Check everything now; the first page is fetched when iteration starts."""
    start, end = window(since, until, datetime.now(UTC))
    descending = sort_order(order) == "DESCENDING"
    request = ops.LIST_LOG_EVENTS.build_request(
        since=wire_time(start),
        until=wire_time(end, up=True),
        filter_=opt_text("filter", filter),
        q=opt_text("q", keywords(q)),
        limit=page_limit(limit, None),
        sort_order=ListLogEventsSortOrder("DESCENDING" if descending else "ASCENDING"),
    )
    return _events(client, request, start, end, descending)


async def _events(
    client: ClientCore, request: dict[str, Any], start: datetime, end: datetime, descending: bool
) -> AsyncIterator[LogEvent]:
    operation = ops.LIST_LOG_EVENTS
    transport = client._get_transport()
    seen: set[str] = set()
    response = await transport.request(**request, operation=operation)
    while True:
        events = parse(operation.parse_response, response)
        for event in events:
            # Outside the window: Okta's last page has been passed, whatever its links say.
            published = aware(event.published)
            if published < start if descending else published >= end:
                return
            yield event
        link = next_link(response.headers.getall("Link", ()))
        if link is None or not events:
            return
        if link in seen:
            raise MalformedResponseError(
                "the next link repeats an earlier page", status=response.status_code, method="GET", url=link
            )
        seen.add(link)
        response = await transport.request(method="GET", url=link, operation=operation)


def aware(moment: datetime) -> datetime:
    """Okta writes ``Z``; a time without an offset is read as UTC rather than compared naively."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

"""``okta.tail_log_events``: follow the System Log as it grows, resumable after any crash.

The follower makes Okta's *polling* query (no ``until``, ascending): events in the order Okta
stored them, so a late event is not skipped, and a ``next`` link on every page, even an empty
one. Its cursor is the whole ``next`` URL Okta gave (the ``after`` in it is Okta's to read,
never ours); its position is that URL and the uuids of the events the consumer is done with
from its page, recorded (``_state``) each time the consumer asks for the next event. So after a
restart, even one from SIGKILL, it fetches that page again and hands out what was not taken:
no event is lost, and only the event that was being handled when the process died (taken but
not yet recorded as done) is handed out a second time.

Pacing: a full page is followed at once, a partial page waits ``poll_interval`` and an empty
one waits longer each time (doubling up to ``max_poll_interval``). Requests stay within
``max_share`` of the logs bucket (the pacer keeps the rest for the org's SIEM and other
readers). An answer that never came (a timeout, a reset, a 5xx or a 429 past the transport's
retries) is tried again after the same waits; any other error ends the iteration.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from oktakit._arguments import opt_text
from oktakit._http.pagination import next_link
from oktakit._http.parse import parse
from oktakit.errors import (
    ConfigurationError,
    InvalidArgumentError,
    MalformedResponseError,
    RateLimitError,
    ServerError,
    TransportError,
)
from oktakit_api import operations as ops
from oktakit_api.models import ListLogEventsSortOrder

from ._arguments import MAX_PAGE, Moment, keywords, moment, page_limit, wire_time
from ._state import FollowState, Sync

if TYPE_CHECKING:
    from oktakit._client_core import ClientCore
    from oktakit._http.transport import Response
    from oktakit.bulk._paths import PathLike
    from oktakit_api.models import LogEvent

logger = logging.getLogger("oktakit")

#: The rate-limit bucket the System Log counts in (okta_spec/rate_limits.yaml).
LOGS_BUCKET = ops.LIST_LOG_EVENTS.rate_limit_bucket
#: Errors after which the same page is asked for again: the answer never came.
TRANSIENT = (TransportError, ServerError, RateLimitError)


def _seconds(name: str, value: float, low: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low < value <= 86400:
        raise InvalidArgumentError(f"{name} must be a number of seconds from {low} to 86400, not {value!r}")
    return float(value)


class LogFollower:
    """An async iterator of ``LogEvent`` that never ends on its own (see the module).

    >>> async with okta.tail_log_events(filter='eventType eq "user.session.start"',
    ...                                 state="signins.state") as events:
    ...     async for event in events:
    ...         handle(event)    # when the next is asked for, this one is recorded as done

    ``position`` is the page being read and what was taken from it; ``aclose()`` (or leaving
    the ``async with``) records the event in hand as done and releases the state file.
    """

    def __init__(
        self,
        client: ClientCore,
        *,
        filter: str | None = None,
        q: str | None = None,
        since: Moment | None = None,
        state: PathLike | None = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        max_share: float = 0.5,
        limit: int | None = None,
        sync: Sync = "page",
    ) -> None:
        self._client = client
        self._filter = opt_text("filter", filter)
        self._q = opt_text("q", keywords(q))
        self._since = None if since is None else moment("since", since)
        self._limit: int = page_limit(limit, MAX_PAGE)
        self.poll_interval = _seconds("poll_interval", poll_interval)
        self.max_poll_interval = max(self.poll_interval, _seconds("max_poll_interval", max_poll_interval))
        if isinstance(max_share, bool) or not isinstance(max_share, int | float) or not 0 < max_share <= 1:
            raise InvalidArgumentError(f"max_share must be within (0, 1], not {max_share!r}")
        self.max_share = float(max_share)
        header = {"org": client.org_url, "filter": filter, "q": self._q if q else None, "limit": self._limit}
        if self._since is not None:
            header["since"] = wire_time(self._since)
        self._state = FollowState(state, header, sync=sync)
        self._buffer: deque[LogEvent] = deque()
        self._in_hand: str | None = None
        #: The next page's whole URL, once a page has been read.
        self._next_url: str | None = None
        self._wait = 0.0
        self._started = False
        self._closed = False

    # -- the iterator ----------------------------------------------------------------------
    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> LogEvent:
        if self._closed:
            raise StopAsyncIteration
        if not self._started:
            self._start()
        self._done_with_in_hand()  # the consumer asked for the next: it is done with this one
        while True:
            while self._buffer:
                event = self._buffer.popleft()
                if event.uuid in self._state.taken:
                    continue  # handed out before a restart
                self._in_hand = event.uuid
                return event
            await self._next_page()

    async def aclose(self) -> None:
        """Stop: the event in hand is recorded as done, the state file released."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._started:
                self._done_with_in_hand()
        finally:
            self._state.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None or not issubclass(exc_type, BaseException) or exc_type is GeneratorExit:
            await self.aclose()
            return
        # Stopped by an error or a cancellation while handling an event: that event was not
        # handled to the end, so it stays to be handed out again; only the file is released.
        self._closed = True
        self._state.close()

    @property
    def position(self) -> tuple[str | None, frozenset[str]]:
        """The page events are taken from (its whole URL) and the uuids taken from it."""
        return self._state.url, frozenset(self._state.taken)

    # -- inside ----------------------------------------------------------------------------
    def _start(self) -> None:
        transport = self._client._get_transport()
        if transport.pacer is None:
            raise ConfigurationError(
                "tail_log_events keeps within max_share of Okta's logs bucket through the client's "
                "rate-limit pacing, which rate_limit=False turned off"
            )
        transport.pacer.limit_share(LOGS_BUCKET, self.max_share)
        self._state.open()
        self._started = True

    def _done_with_in_hand(self) -> None:
        if self._in_hand is not None:
            uuid, self._in_hand = self._in_hand, None
            self._state.took(uuid)

    def _first_request(self) -> dict[str, Any]:
        return ops.LIST_LOG_EVENTS.build_request(
            since=opt_text("since", None if self._since is None else wire_time(self._since)),
            until=opt_text("until", None),
            filter_=self._filter,
            q=self._q,
            limit=self._limit,
            sort_order=ListLogEventsSortOrder.ASCENDING,
        )

    async def _next_page(self) -> None:
        """Read the next page (the recorded one again after a restart), waiting first as the
        last page asked: nothing for a full page, ``poll_interval`` for a partial one, longer
        and longer while pages are empty."""
        if self._wait:
            await asyncio.sleep(self._wait)
        response = await self._fetch(self._next_url or self._state.url)
        events = parse(ops.LIST_LOG_EVENTS.parse_response, response)
        following = next_link(response.headers.getall("Link", ()))
        if following is None:
            raise MalformedResponseError(
                "a System Log polling answer has no next link", status=response.status_code, method="GET",
                url=response.url,
            )  # fmt: skip
        if response.url != self._state.url:
            self._state.start_page(response.url)
        self._buffer.extend(events)
        self._next_url = following
        if len(events) >= self._limit:
            self._wait = 0.0  # more may be waiting right now
        elif events:
            self._wait = self.poll_interval  # caught up
        else:
            self._wait = self._longer_wait()

    def _longer_wait(self) -> float:
        return min(self.max_poll_interval, max(self.poll_interval, self._wait * 2))

    async def _fetch(self, url: str | None) -> Response:
        """GET ``url`` (None: the first query), again after each answer that never came."""
        transport = self._client._get_transport()
        while True:
            try:
                if url is None:
                    return await transport.request(**self._first_request(), operation=ops.LIST_LOG_EVENTS)
                return await transport.request(method="GET", url=url, operation=ops.LIST_LOG_EVENTS)
            except TRANSIENT as error:
                self._wait = self._longer_wait()
                logger.warning(
                    "System Log poll failed (%s); trying again in %.0f s", type(error).__name__, self._wait
                )
                await asyncio.sleep(self._wait)

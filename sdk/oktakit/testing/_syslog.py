"""The simulated org's System Log: events kept in the order Okta stored them, and the two kinds
of query Okta serves over them (``_syslog_query`` reads the request, ``_syslog_events`` makes
the events).

Every event has two times. ``published`` is when it happened; ``stored`` is when Okta
persisted it (Okta's "persistence time"), which is later for an event that arrived late. A
*polling* query walks the events in stored order from an opaque cursor (so a late event is
still handed out after the cursor); a *bounded* query picks the events whose ``published`` is
in ``[since, until)`` and orders them by it. Events older than the retention are never returned.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from ._syslog_events import Ids
from ._util import Clock, iso8601

#: Okta returns no event published more than 90 days ago.
RETENTION: Final = 90 * 86400.0
#: The simulator keeps this many events by default; older ones are dropped first.
DEFAULT_CAPACITY: Final = 100_000

Predicate = Callable[["LogRecord"], bool]


@dataclass(eq=False, slots=True)
class LogRecord:
    """One stored event: ``event`` is the JSON object served (``body`` its bytes, made once)."""

    seq: int
    stored: float
    published: float
    event: dict[str, Any]
    _body: bytes | None = None
    _words: frozenset[str] | None = field(default=None, repr=False)

    @property
    def uuid(self) -> str:
        return str(self.event["uuid"])

    @property
    def body(self) -> bytes:
        if self._body is None:
            self._body = json.dumps(self.event, separators=(",", ":"), ensure_ascii=False).encode()
        return self._body

    @property
    def words(self) -> frozenset[str]:
        """What ``q`` keywords match: every string value, whole and split at spaces and
        hyphens, lower-cased (Okta: a hyphenated value also matches its parts)."""
        if self._words is None:
            found: set[str] = set()
            for value in _strings(self.event):
                lowered = value.lower()
                found.add(lowered)
                for word in lowered.split():
                    found.add(word)
                    found.update(word.split("-"))
            self._words = frozenset(found)
        return self._words


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@dataclass(slots=True)
class Page:
    """A page of events and where the next one starts (None: the query is finished)."""

    records: list[LogRecord]
    #: Polling: the stored sequence number the next page follows; bounded: the last record.
    cursor: LogRecord | int | None


class SystemLog:
    """The org's events in stored order (sequence numbers from 1), at most ``capacity`` kept."""

    def __init__(self, clock: Clock, capacity: int = DEFAULT_CAPACITY, *, seed: str = "") -> None:
        if capacity < 1:
            raise ValueError("the System Log keeps at least one event")
        self.clock = clock
        #: Event uuids and transaction ids, reproducible from the org.
        self.ids = Ids(seed)
        self.capacity = capacity
        self._records: list[LogRecord] = []
        self._stored: list[float] = []
        self._first = 1  # the sequence number of _records[0]
        self._by_published: list[tuple[float, int]] = []
        self._by_uuid: dict[str, LogRecord] = {}

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[LogRecord]:
        return iter(list(self._records))

    @property
    def last_seq(self) -> int:
        return self._first + len(self._records) - 1

    def append(self, event: dict[str, Any], *, published: float | None = None) -> LogRecord:
        """Store ``event`` now; ``published`` (default: now) may be earlier, as for a late event.
        The event's ``published`` field is set from it."""
        now = self.clock()
        # Persistence time never goes backwards, even if a test's clock does.
        stored = max(now, self._stored[-1]) if self._stored else now
        # Whole milliseconds, as Okta writes them (cut, not rounded: never later than it was).
        when = math.floor((stored if published is None else published) * 1000) / 1000
        event["published"] = iso8601(when)
        record = LogRecord(self.last_seq + 1, stored, when, event)
        self._records.append(record)
        self._stored.append(stored)
        bisect.insort(self._by_published, (when, record.seq))
        self._by_uuid[record.uuid] = record
        if len(self._records) > self.capacity:
            self._drop(max(1, self.capacity // 10))
        return record

    def _drop(self, count: int) -> None:
        for record in self._records[:count]:
            self._by_uuid.pop(record.uuid, None)
        del self._records[:count], self._stored[:count]
        self._first += count
        self._by_published = [(p, s) for p, s in self._by_published if s >= self._first]

    def find(self, uuid: str) -> LogRecord | None:
        return self._by_uuid.get(uuid)

    def record(self, seq: int) -> LogRecord | None:
        index = seq - self._first
        return self._records[index] if 0 <= index < len(self._records) else None

    # --- queries ------------------------------------------------------------------------
    def polling(self, after: int | None, since: float, match: Predicate, limit: int) -> Page:
        """Events stored after sequence number ``after`` (or, without one, at or after
        ``since``) that ``match``, in stored order. The cursor moves past every event looked
        at, so the next page starts where this one stopped; it never ends."""
        cutoff = self.clock() - RETENTION
        if after is not None:
            start = max(0, after + 1 - self._first)
        else:
            start = bisect.bisect_left(self._stored, since)
        found: list[LogRecord] = []
        position = start
        records = self._records
        while position < len(records) and len(found) < limit:
            record = records[position]
            position += 1
            if record.published >= cutoff and match(record):
                found.append(record)
        if position == start and after is not None:
            return Page(found, after)
        return Page(found, self._first + position - 1 if position else None)

    def bounded(
        self,
        since: float,
        until: float,
        *,
        descending: bool,
        after: LogRecord | None,
        match: Predicate,
        limit: int,
    ) -> Page:
        """Events published in ``[since, until)`` that ``match``, by ``published`` (then stored
        order), after the record ``after``; the cursor is None on the last page."""
        since = max(since, self.clock() - RETENTION)
        keys = self._by_published
        if descending:
            top = bisect.bisect_left(keys, (until, -1))
            if after is not None:
                top = min(top, bisect.bisect_left(keys, (after.published, after.seq)))
            indices: Iterator[int] = iter(range(top - 1, -1, -1))
        else:
            bottom = bisect.bisect_left(keys, (since, -1))
            if after is not None:
                bottom = max(bottom, bisect.bisect_right(keys, (after.published, after.seq)))
            indices = iter(range(bottom, len(keys)))
        found: list[LogRecord] = []
        for index in indices:
            published, seq = keys[index]
            if not since <= published < until:
                break  # the walk started inside the window and left it
            record = self.record(seq)
            if record is None or not match(record):
                continue
            if len(found) == limit:
                return Page(found, found[-1])  # one more matches: there is a next page
            found.append(record)
        return Page(found, None)

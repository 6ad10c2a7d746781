"""Blocking iterators over the async client's async iterators: each ``next()`` runs one step
on the client's loop, so pages are still fetched lazily, one when the last is used up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, Self, TypeVar, cast

if TYPE_CHECKING:
    from oktakit.logs import LogFollower as AsyncLogFollower
    from oktakit_api.models import LogEvent

    from ._portal import Portal

T = TypeVar("T")
_END: Final = object()


async def _next(source: AsyncIterator[Any]) -> Any:
    # StopAsyncIteration becomes a value: an exception object crossing threads keeps growing
    # its traceback, and a task is not meant to end with it.
    try:
        return await source.__anext__()
    except StopAsyncIteration:
        return _END


class PageIterator(Iterator[T], Generic[T]):
    """The items of a list operation, fetched page by page as you iterate.

    Arguments were checked when the method was called; the first page is fetched by the first
    ``next()``. ``close()`` (or leaving a ``with`` block) stops early and frees the connection.
    """

    __slots__ = ("_done", "_portal", "_source")

    def __init__(self, portal: Portal, source: AsyncIterator[T]) -> None:
        self._portal = portal
        self._source = source
        self._done = False

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        try:
            item = self._portal.run(_next(self._source))
        except BaseException:
            self._done = True  # the async generator has ended with the error
            raise
        if item is _END:
            self._done = True
            raise StopIteration
        return cast("T", item)

    def close(self) -> None:
        """Stop iterating before the end; later ``next()`` calls raise ``StopIteration``."""
        if self._done:
            return
        self._done = True
        aclose = getattr(self._source, "aclose", None)
        if aclose is not None and self._portal.running:
            self._portal.run(aclose())

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<oktakit.sync.PageIterator {'done' if self._done else 'open'}>"


class LogFollower(Iterator["LogEvent"]):
    """Follows the System Log: an iterator of ``LogEvent`` that never ends on its own (see
    ``oktakit.logs.LogFollower``, which it drives on the client's loop).

    >>> with okta.tail_log_events(filter='eventType eq "user.session.start"',
    ...                           state="signins.state") as events:
    ...     for event in events:
    ...         handle(event)   # when the next is asked for, this one is recorded as done

    Leaving the ``with`` block normally, ``break`` followed by ``close()``, or closing the
    client records the event in hand as done and releases the state file; leaving it by an
    exception (Ctrl-C too) keeps that event to be handed out again.
    """

    __slots__ = ("__weakref__", "_follower", "_portal")

    def __init__(self, portal: Portal, follower: AsyncLogFollower) -> None:
        self._portal = portal
        self._follower = follower

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> LogEvent:
        event = self._portal.run(_next(self._follower))
        if event is _END:
            raise StopIteration
        return cast("LogEvent", event)

    @property
    def position(self) -> tuple[str | None, frozenset[str]]:
        """The page events are taken from (its whole URL) and the uuids taken from it."""
        return self._follower.position

    @property
    def poll_interval(self) -> float:
        return self._follower.poll_interval

    @property
    def max_poll_interval(self) -> float:
        return self._follower.max_poll_interval

    @property
    def max_share(self) -> float:
        return self._follower.max_share

    def close(self) -> None:
        """Stop: the event in hand is recorded as done, the state file released (idempotent)."""
        if self._portal.running:
            self._portal.run(self._follower.aclose())

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._portal.running:
            self._portal.run(self._follower.__aexit__(exc_type, exc, tb))

    def __repr__(self) -> str:
        return f"<oktakit.sync.LogFollower position={self.position[0]!r}>"

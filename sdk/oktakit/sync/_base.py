"""What every generated method of ``oktakit.sync.OktaClient`` stands on: the async client it
drives, the portal to its loop, and the lifetime (``with``, ``close()``, garbage collection)."""

from __future__ import annotations

import asyncio
import functools
import inspect
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

from ._iterators import LogFollower, PageIterator
from ._portal import Portal, cancel_others

if TYPE_CHECKING:
    from oktakit.client import OktaClient as AsyncOktaClient
    from oktakit.logs import LogFollower as AsyncLogFollower

T = TypeVar("T")


class SyncClientBase:
    """The machinery under the generated ``oktakit.sync.OktaClient`` (see there)."""

    _async: AsyncOktaClient
    _portal: Portal
    _followers: weakref.WeakSet[AsyncLogFollower]
    _finalizer: weakref.finalize[Any, Any]

    def _attach(self, client: AsyncOktaClient) -> None:
        self._async = client
        self._portal = Portal(f"oktakit.sync {client.org_url}")
        self._followers = weakref.WeakSet()
        self._arm()

    @classmethod
    def _adopt(cls, client: AsyncOktaClient) -> Self:
        self = cls.__new__(cls)
        self._attach(client)
        return self

    def _arm(self) -> None:
        # Closes the client when it is garbage collected or the interpreter exits unclosed; it
        # holds the portal and the async client, never self.
        self._finalizer = weakref.finalize(self, _shutdown, self._portal, self._async, self._followers)

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the session (if the client opened it), stop the open log followers, and end
        the client's loop thread. Idempotent; calls afterwards raise ``ConfigurationError``
        until the client is opened again with ``with``."""
        self._finalizer()

    def __enter__(self) -> Self:
        if self._portal.closed:
            self._portal.reopen()
            self._arm()
        self._portal.run(self._async.__aenter__())
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"oktakit.sync.{self._async!r}"

    # -- what the generated methods call ---------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._portal.run(coro)

    def _iterate(self, source: AsyncIterator[T]) -> PageIterator[T]:
        return PageIterator(self._portal, source)

    def _follow(self, follower: AsyncLogFollower) -> LogFollower:
        self._followers.add(follower)
        return LogFollower(self._portal, follower)

    def _unwrap(self, value: Any) -> Any:
        """An argument as the async client takes it: a sync client, its iterators and bound
        methods become their async counterparts; a plain callable (a bulk operation of one
        item) runs in a worker thread, where it may call this client."""
        if isinstance(value, SyncClientBase):
            return value._async
        if isinstance(value, PageIterator):
            return value._source
        owner = getattr(value, "__self__", None)
        if isinstance(owner, SyncClientBase):
            return getattr(owner._async, value.__name__)
        if callable(value) and not isinstance(value, type) and not _is_async(value):
            return _in_thread(value)
        return value

    def _callback(self, value: Any) -> Any:
        """A callback as the async client takes it: a plain function runs in a worker thread
        (so it may call this client), one call at a time, as the async client would call it."""
        if callable(value) and not _is_async(value):
            return _in_thread(value, threading.Lock())
        return value


def _is_async(function: Callable[..., Any]) -> bool:
    call = getattr(function, "__call__", None)  # noqa: B004 - an object with async __call__
    return inspect.iscoroutinefunction(function) or inspect.iscoroutinefunction(call)


def _in_thread(
    function: Callable[..., T], serial: threading.Lock | None = None
) -> Callable[..., Coroutine[Any, Any, T]]:
    def call(*args: Any) -> T:
        if serial is None:
            return function(*args)
        with serial:
            return function(*args)

    @functools.wraps(function)  # keeps its name: a journal knows the run by it
    async def threaded(*args: Any) -> T:
        return await asyncio.to_thread(call, *args)

    return threaded


def _shutdown(portal: Portal, client: AsyncOktaClient, followers: weakref.WeakSet[AsyncLogFollower]) -> None:
    async def last() -> None:
        await cancel_others()
        try:
            for follower in list(followers):
                await follower.aclose()
        finally:
            await client.close()

    portal.stop(last())

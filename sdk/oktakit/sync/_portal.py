"""The private event loop of one ``oktakit.sync.OktaClient``, in a thread of its own.

A blocking call hands its coroutine to the loop (``call_soon_threadsafe``) and waits on a bare
lock until the task is done: no ``concurrent.futures.Future``, no ``threading.Event``, so the
hop costs two lock operations and one wake-up of the loop. The task's own exception is raised
as is in the calling thread, so callers see the same ``OktaError`` types as async code.

Any number of threads may call at once; the calling thread may run an event loop of its own
(Jupyter), which simply waits like any other caller. A ``KeyboardInterrupt`` (or any exception)
raised in the caller while it waits cancels the task, waits for its cleanup and is re-raised.

After ``os.fork`` the loop's thread does not exist in the child, and the client's connections
are shared with the parent: a client that started its loop before the fork raises
``ConfigurationError`` in the child (create one client per process); one never used before the
fork starts its loop in the child as usual.
"""

from __future__ import annotations

import asyncio
import os
import threading
import weakref
from _thread import allocate_lock
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from oktakit.errors import ConfigurationError

T = TypeVar("T")

#: How many times this process is a fork's child (``os.register_at_fork`` counts it, so the
#: hot path compares two ints rather than calling ``os.getpid()``).
_forks = [0]
_portals: weakref.WeakSet[Portal] = weakref.WeakSet()


def _forked() -> None:
    _forks[0] += 1
    for portal in _portals:  # a lock another thread held at the fork stays held in the child
        portal._lock = threading.Lock()


os.register_at_fork(after_in_child=_forked)

#: ``asyncio.eager_task_factory`` where there is one (Python 3.12+).
_eager: Callable[[asyncio.AbstractEventLoop, Coroutine[Any, Any, Any]], asyncio.Task[Any]] | None = getattr(
    asyncio, "eager_task_factory", None
)


class _Call:
    """One coroutine run on the loop for a waiting thread.

    The task runs ``run()``, which keeps the outcome and releases the waiting thread itself:
    no done-callback, so no extra turn of the loop between the answer and the wake-up."""

    __slots__ = ("coro", "done", "failure", "portal", "task", "value")

    def __init__(self, portal: Portal, coro: Coroutine[Any, Any, Any]) -> None:
        self.portal = portal
        self.coro = coro
        self.done = allocate_lock()
        self.done.acquire()
        self.task: asyncio.Task[Any] | None = None
        self.failure: BaseException | None = None
        self.value: Any = None

    def start(self) -> None:  # on the loop
        if self.portal._stopping:
            self.coro.close()
            self.failure = self.portal.closed_error()
            self.done.release()
            return
        loop = asyncio.get_running_loop()
        if _eager is not None:
            # Python 3.12+: the first step runs now, so a call that never waits (the next item
            # of a page already read) ends here, without a trip through the loop's queue.
            self.task = _eager(loop, self.run())
        else:
            self.task = loop.create_task(self.run())

    async def run(self) -> None:  # on the loop
        try:
            self.value = await self.coro
        except asyncio.CancelledError:  # only a Ctrl-C of the caller or closing the client
            self.failure = self.portal.closed_error(waiting=True)
            raise
        except BaseException as error:  # raised again in the caller's thread
            self.failure = error
        finally:
            self.done.release()

    def cancel(self) -> None:  # on the loop, always after start (callbacks run in order)
        if self.task is not None:
            self.task.cancel()

    def result(self) -> Any:
        if self.failure is not None:
            raise self.failure
        return self.value


class Portal:
    """Starts the loop thread on first use, runs coroutines there, and stops it on ``stop()``."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._thread_id: int | None = None
        self._generation = _forks[0]
        self._stopping = False
        self.closed = False
        _portals.add(self)

    @property
    def running(self) -> bool:
        return self._loop is not None and self._generation == _forks[0] and not self.closed

    def closed_error(self, *, waiting: bool = False) -> ConfigurationError:
        if waiting:
            return ConfigurationError("the OktaClient was closed while this call was waiting for Okta")
        return ConfigurationError(
            "this oktakit.sync.OktaClient has been closed: create a new one, or open it again "
            "with `with client:`"
        )

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the loop and return its result (or raise its exception) here."""
        call = _Call(self, coro)
        with self._lock:
            loop = self._loop
            if loop is None or self._generation != _forks[0] or self.closed:
                loop = self._open(coro)
            elif threading.get_ident() == self._thread_id:
                coro.close()
                raise ConfigurationError(
                    "an oktakit.sync.OktaClient was called from its own event loop's thread (from "
                    "an on_result callback or a bulk callable?): that would wait for itself "
                    "forever; use the async oktakit.OktaClient inside async code"
                )
            loop.call_soon_threadsafe(call.start)
        try:
            call.done.acquire()
        except BaseException:  # KeyboardInterrupt while waiting: cancel, let it clean up
            loop.call_soon_threadsafe(call.cancel)
            call.done.acquire()  # a second interrupt stops this wait, not the cleanup
            raise
        return call.result()  # type: ignore[no-any-return]

    def _open(self, coro: Coroutine[Any, Any, Any]) -> asyncio.AbstractEventLoop:
        """Start the loop (first use), or refuse: closed, or inherited through a fork."""
        if self._loop is not None and self._generation != _forks[0]:
            coro.close()
            raise ConfigurationError(
                "this oktakit.sync.OktaClient was used before os.fork(): its event loop thread "
                "and connections belong to the parent process; create a new client in the child"
            )
        if self.closed:
            coro.close()
            raise self.closed_error()
        loop = asyncio.new_event_loop()
        self._stopping = False
        self._generation = _forks[0]
        thread = threading.Thread(target=self._serve, args=(loop,), name=self._name, daemon=True)
        thread.start()  # returns once the thread runs: its ident is known
        self._loop, self._thread, self._thread_id = loop, thread, thread.ident
        return loop

    def _serve(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
            with self._lock:  # from here on no call can be handed to this loop
                self._stopping = True
                self._loop = None
            loop.run_until_complete(cancel_others())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def stop(self, last: Coroutine[Any, Any, Any] | None = None) -> None:
        """Run ``last`` (the async client's close), then end the loop and its thread; idempotent.

        In a fork's child, or from the loop's own thread, nothing is awaited."""
        with self._lock:
            self.closed = True
            loop, thread = self._loop, self._thread
            inherited = self._generation != _forks[0]
        if loop is None or inherited:
            if last is not None:
                last.close()
            return
        if threading.get_ident() == self._thread_id:  # e.g. garbage collected on the loop
            if last is not None:
                loop.create_task(last)
            loop.call_soon(loop.stop)
            return
        if last is not None:
            closing = _Call(self, last)
            loop.call_soon_threadsafe(closing.start)
            closing.done.acquire()
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join()

    def reopen(self) -> None:
        with self._lock:
            self.closed = False


async def cancel_others() -> None:
    """Cancel every other task on this loop and wait for them (calls of other threads when the
    client closes: they end with "closed while waiting", not with its closed session's error)."""
    await asyncio.sleep(0)  # calls handed over just before the loop stopped start (and fail)
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks() if task is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

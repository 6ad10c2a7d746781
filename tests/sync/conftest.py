"""The simulator on a loop in a thread of its own: a blocking client in the test's thread must
find it answering (the okta_sim fixture runs on the test's loop, which a blocking call stops)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

from oktakit import ApiToken
from oktakit.sync import OktaClient
from oktakit.testing import OktaSimulator

T = TypeVar("T")


class SimThread:
    """An ``OktaSimulator`` served from its own thread; ``call`` runs code on its loop."""

    def __init__(self, **options: Any) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="simulator", daemon=True)
        self.thread.start()

        async def start() -> OktaSimulator:
            sim = OktaSimulator(**options)
            await sim.start()
            return sim

        self.sim = self.run(start())

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=60)

    def call(self, function: Callable[[], T]) -> T:
        """``function()`` on the simulator's loop (its state is that loop's alone)."""

        async def on_loop() -> T:
            return function()

        return self.run(on_loop())

    def close(self) -> None:
        self.run(self.sim.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=60)
        self.loop.close()


@pytest.fixture
def sim_thread() -> Iterator[SimThread]:
    server = SimThread(users=30, seed=7)
    yield server
    server.close()


@pytest.fixture
def sim(sim_thread: SimThread) -> OktaSimulator:
    return sim_thread.sim


@pytest.fixture
def okta(sim: OktaSimulator) -> Iterator[OktaClient]:
    with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as client:
        yield client


def sync_threads() -> list[threading.Thread]:
    """The loop threads of the blocking clients alive now."""
    return [t for t in threading.enumerate() if t.name.startswith("oktakit.sync ")]

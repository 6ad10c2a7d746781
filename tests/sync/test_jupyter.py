"""A thread that runs an event loop of its own (a Jupyter cell) calls the blocking client: it
waits like any caller; nothing calls asyncio.run or nests loops."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from oktakit import ApiToken, User
from oktakit.sync import OktaClient

from .conftest import SimThread

T = TypeVar("T")


def run_cell(cell: Coroutine[Any, Any, T]) -> T:
    """Run ``cell`` on a loop in this thread, as a notebook kernel does (its own loop, not
    asyncio.run, which would also change this thread's event loop policy state)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(cell)
    finally:
        loop.close()


def test_a_thread_running_an_event_loop_can_call_it_like_jupyter(
    okta: OktaClient, sim_thread: SimThread
) -> None:
    first = sim_thread.call(lambda: next(iter(sim_thread.sim.org.users)))

    async def cell() -> tuple[User, int]:
        asyncio.get_running_loop()  # a loop runs in this thread, as in a notebook
        user = okta.get_user(first)  # blocks the cell's loop briefly: no asyncio.run, no deadlock
        return user, sum(1 for _ in okta.list_users(limit=10))

    user, listed = run_cell(cell())
    assert isinstance(user, User)
    assert user.id == first
    assert listed > 10


def test_a_client_created_inside_a_running_loop_works_from_that_loop(sim_thread: SimThread) -> None:
    async def cell() -> str:
        with OktaClient(sim_thread.sim.url, auth=ApiToken(sim_thread.sim.api_token)) as okta:
            return okta.get_user("me").id

    assert run_cell(cell())


def test_the_client_outlives_the_cells_loop(sim_thread: SimThread) -> None:
    okta = OktaClient(sim_thread.sim.url, auth=ApiToken(sim_thread.sim.api_token))

    async def cell() -> str:
        return okta.get_user("me").id

    try:
        assert run_cell(cell()) == run_cell(cell())  # two cells, two loops, one client
    finally:
        okta.close()

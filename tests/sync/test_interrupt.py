"""Ctrl-C in the calling thread while a call waits: the KeyboardInterrupt reaches the caller,
the coroutine on the client's loop is cancelled (its request abandoned), and the client goes
on. Progress is gated by the simulator's ``hold`` fault, never by the clock."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections.abc import Callable

import pytest

from oktakit.sync import OktaClient

from .conftest import SimThread

#: Seconds before a condition that never comes fails the test (a guard, never a measure).
GUARD = 60.0


def _when(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + GUARD
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never came")
        time.sleep(0.002)


def _interrupt_main_thread_when(condition: Callable[[], bool]) -> threading.Thread:
    main = threading.main_thread().ident
    assert main is not None

    def watch() -> None:
        _when(condition)
        signal.pthread_kill(main, signal.SIGINT)  # what Ctrl-C in a terminal does

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


@pytest.fixture(autouse=True)
def _in_the_main_thread() -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is handled by someone else here")


def test_ctrl_c_while_waiting_cancels_the_coroutine_on_the_loop(okta: OktaClient) -> None:
    started, cancelled = threading.Event(), threading.Event()

    async def waits_forever() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    watcher = _interrupt_main_thread_when(started.is_set)
    with pytest.raises(KeyboardInterrupt):
        okta._run(waits_forever())
    watcher.join()
    assert cancelled.is_set()  # set before the caller was let go
    assert okta.get_user("me").id


def test_ctrl_c_during_a_request_abandons_it_and_the_client_goes_on(
    okta: OktaClient, sim_thread: SimThread
) -> None:
    user = sim_thread.call(lambda: next(iter(sim_thread.sim.org.users)))
    rule = sim_thread.call(lambda: sim_thread.sim.inject_fault("hold", operation="getUser"))
    watcher = _interrupt_main_thread_when(lambda: sim_thread.call(lambda: rule.held) == 1)
    with pytest.raises(KeyboardInterrupt):
        okta.get_user(user)
    watcher.join()
    # The client dropped the connection: the simulator's handler was cancelled, nothing held.
    _when(lambda: sim_thread.call(lambda: rule.held) == 0)
    sim_thread.call(rule.release)
    assert okta.get_user(user).id == user


def test_closing_the_client_ends_another_threads_waiting_call_with_an_okta_error(
    sim_thread: SimThread,
) -> None:
    from oktakit import ApiToken, ConfigurationError

    okta = OktaClient(sim_thread.sim.url, auth=ApiToken(sim_thread.sim.api_token))
    user = sim_thread.call(lambda: next(iter(sim_thread.sim.org.users)))
    rule = sim_thread.call(lambda: sim_thread.sim.inject_fault("hold", operation="getUser"))
    raised: list[BaseException] = []

    def waits() -> None:
        try:
            okta.get_user(user)
        except BaseException as error:  # the test asserts on its type
            raised.append(error)

    waiter = threading.Thread(target=waits)
    waiter.start()
    _when(lambda: sim_thread.call(lambda: rule.held) == 1)
    okta.close()  # while the other thread's request is held by the simulator
    waiter.join()
    sim_thread.call(rule.release)
    assert [type(e) for e in raised] == [ConfigurationError]
    assert "closed while this call was waiting" in str(raised[0])

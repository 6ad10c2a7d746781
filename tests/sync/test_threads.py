"""One blocking client shared by many threads, called from a thread running its own event loop
(Jupyter), and from callables that bulk runs for it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from oktakit import ConfigurationError
from oktakit.sync import OktaClient

from .conftest import SimThread, sync_threads


def _ids(sim_thread: SimThread) -> list[str]:
    return sim_thread.call(lambda: [u.id for u in sim_thread.sim.org.users.values()])


def test_many_threads_share_one_client_and_its_one_loop_thread(
    okta: OktaClient, sim_thread: SimThread
) -> None:
    ids = _ids(sim_thread)
    barrier = threading.Barrier(8)

    def look_up(worker: int) -> list[tuple[str, str]]:
        barrier.wait()  # all eight call at once
        return [(i, okta.get_user(i).id) for i in ids[worker::8]]

    with ThreadPoolExecutor(8) as pool:
        answers = [pair for part in pool.map(look_up, range(8)) for pair in part]
    assert sorted(answers) == sorted((i, i) for i in ids)
    assert len(sync_threads()) == 1


def test_threads_iterating_lists_at_once_each_get_every_user(okta: OktaClient, sim_thread: SimThread) -> None:
    ids = sim_thread.call(
        lambda: sorted(u.id for u in sim_thread.sim.org.users.values() if u.status != "DEPROVISIONED")
    )
    with ThreadPoolExecutor(4) as pool:
        listings = list(pool.map(lambda _: sorted(u.id for u in okta.list_users(limit=3)), range(4)))
    assert listings == [ids] * 4


def test_a_plain_function_given_to_bulk_may_call_the_client(okta: OktaClient, sim_thread: SimThread) -> None:
    ids = sim_thread.call(
        lambda: [u.id for u in sim_thread.sim.org.users.values() if u.status == "ACTIVE"][:6]
    )
    seen: list[str] = []

    def suspend_and_note(user_id: str) -> None:  # runs in a worker thread, not on the loop
        okta.suspend_user(user_id)
        seen.append(okta.get_user(user_id).status.value)

    report = okta.bulk(suspend_and_note, ids, preflight=False)
    assert sorted(report.succeeded) == sorted(ids)
    assert seen == ["SUSPENDED"] * 6
    assert sim_thread.call(lambda: {sim_thread.sim.org.users[i].status for i in ids}) == {"SUSPENDED"}


def test_calling_the_client_from_its_own_loop_thread_is_refused_not_a_deadlock(okta: OktaClient) -> None:
    async def from_the_loop() -> None:
        okta.get_user("me")  # a blocking call on the thread that would have to answer it

    with pytest.raises(ConfigurationError, match="its own event loop"):
        okta._run(from_the_loop())
    assert okta.get_user("me").id  # still serving

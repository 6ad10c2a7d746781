"""Event loops and lifetime: a client either works or says what to do (``ConfigurationError``),
never hangs, and never leaves a session open behind the caller's back."""

from __future__ import annotations

import asyncio
import gc
import threading
import warnings
from collections.abc import Iterator

import aiohttp
import pytest

from oktakit import ApiToken, ConfigurationError, OktaClient
from oktakit.testing import OktaSimulator

# A bound for joining threads, so that a hang fails the test instead of the whole run.
HANG_GUARD = 60


@pytest.fixture(scope="module")
def sim() -> Iterator[OktaSimulator]:
    """A simulator on its own thread and loop, reachable from any loop the tests make."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    simulator = OktaSimulator(users=3, seed=5)
    asyncio.run_coroutine_threadsafe(simulator.start(), loop).result(HANG_GUARD)
    yield simulator
    asyncio.run_coroutine_threadsafe(simulator.close(), loop).result(HANG_GUARD)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(HANG_GUARD)
    loop.close()


@pytest.fixture(scope="module")
def listed(sim: OktaSimulator) -> int:
    """How many users a plain list returns: Okta leaves DEPROVISIONED ones out."""
    return sum(user.status != "DEPROVISIONED" for user in sim.org.users.values())


def client_for(sim: OktaSimulator, **options: object) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token), **options)  # type: ignore[arg-type]


async def count_users(okta: OktaClient) -> int:
    return len([u async for u in okta.list_users()])


async def count_with(okta: OktaClient) -> int:
    async with okta:
        return await count_users(okta)


def test_a_client_opened_again_in_a_second_asyncio_run_works(sim: OktaSimulator, listed: int) -> None:
    okta = client_for(sim)

    assert [listed, listed] == [asyncio.run(count_with(okta)), asyncio.run(count_with(okta))]


def test_a_client_still_open_on_another_loop_raises_a_configuration_error_saying_what_to_do(
    sim: OktaSimulator, listed: int
) -> None:
    okta = client_for(sim)
    first = asyncio.new_event_loop()
    try:
        assert listed == first.run_until_complete(count_users(okta))

        with pytest.raises(ConfigurationError, match="one client per event loop") as caught:
            asyncio.run(count_users(okta))
        assert "still running" in str(caught.value)
    finally:
        first.run_until_complete(okta.close())
        first.close()


def test_a_client_used_from_two_loops_at_once_serves_one_and_refuses_the_other_without_hanging(
    sim: OktaSimulator, listed: int
) -> None:
    okta = client_for(sim)
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    async def busy() -> int:
        async with okta:
            return sum([await count_users(okta) for _ in range(5)])

    def worker(name: str) -> None:
        start.wait()
        try:
            outcomes[name] = asyncio.run(busy())
        except ConfigurationError as error:
            outcomes[name] = error

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG_GUARD)

    assert [False, False] == [thread.is_alive() for thread in threads]
    assert 5 * listed in outcomes.values()  # at least one loop was served in full
    for outcome in outcomes.values():
        assert outcome == 5 * listed or isinstance(outcome, ConfigurationError)


async def test_a_call_after_close_raises_a_configuration_error_and_opens_no_session(
    sim: OktaSimulator, listed: int
) -> None:
    okta = client_for(sim)
    async with okta:
        assert listed == await count_users(okta)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ConfigurationError, match="closed"):
            await okta.get_user("anyone")
        with pytest.raises(ConfigurationError, match="closed"):
            await count_users(okta)
        gc.collect()

    assert [] == [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert okta._session is None


async def test_a_closed_client_opens_again_with_async_with(sim: OktaSimulator, listed: int) -> None:
    okta = client_for(sim)
    await okta.close()
    await okta.close()  # closing twice is harmless

    async with okta:
        assert listed == await count_users(okta)


async def test_a_borrowed_session_stays_open_after_close_and_calls_are_refused(
    sim: OktaSimulator, listed: int
) -> None:
    async with aiohttp.ClientSession() as session:
        okta = client_for(sim, session=session)
        async with okta:
            assert listed == await count_users(okta)

        with pytest.raises(ConfigurationError, match="closed"):
            await okta.get_user("anyone")
        assert not session.closed

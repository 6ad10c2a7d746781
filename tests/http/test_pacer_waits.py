"""Waits for a bucket's reset inside the pacer, on the event loop's fake clock (looptime): the
reset timer, what a wait adds to the stats, and the DEBUG records that say why a call waits.

Every answer's ``Date`` is the fake wall clock's whole second and its reset 50 s later, so each
expected wait is 50 s by hand; nothing races the clock.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from email.utils import formatdate

import pytest

from oktakit import RateLimitPolicy
from oktakit._http.hints import read_rate_limit
from oktakit._http.ratelimit import WAIT_LOG_KEY, Budget, Pacer
from oktakit._http.stats import Stats

pytestmark = pytest.mark.looptime(end=3600)

BUCKET = "GET /api/v1/users/{id}"
RESET_IN = 50


def fake_wall() -> Callable[[], float]:
    """Our wall clock on the loop's fake time (a whole second at loop time 0)."""
    loop = asyncio.get_running_loop()
    origin = math.floor(time.time()) - loop.time()
    return lambda: origin + loop.time()


def spent_window(wall: Callable[[], float], limit: int = 10) -> dict[str, str]:
    """Okta's answer that spends the window: nothing left, reset ``RESET_IN`` s from now."""
    now = math.floor(wall())
    return {
        "Date": formatdate(now, usegmt=True),
        "X-Rate-Limit-Limit": str(limit),
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": str(now + RESET_IN),
    }


def answer(pace: Pacer, budget: Budget, headers: dict[str, str]) -> None:
    pace.release(budget, 200, headers, read_rate_limit(headers))


def now() -> float:
    return asyncio.get_running_loop().time()


async def spent(max_in_flight: int = 20) -> tuple[Pacer, Callable[[], float]]:
    """A pacer whose bucket has just been spent for the next ``RESET_IN`` seconds."""
    wall = fake_wall()
    pace = Pacer(RateLimitPolicy(max_in_flight=max_in_flight), Stats(), wall)
    budget, _ = await pace.acquire(BUCKET, None)
    answer(pace, budget, spent_window(wall))
    return pace, wall


async def test_a_call_waiting_for_the_reset_goes_at_the_reset_even_if_another_waiter_gave_up() -> None:
    pace, _ = await spent()
    start = now()
    gives_up = asyncio.create_task(pace.acquire(BUCKET, None))
    stays = asyncio.create_task(pace.acquire(BUCKET, None))
    await asyncio.sleep(1)
    gives_up.cancel()
    _, waited = await stays
    assert RESET_IN == pytest.approx(now() - start)
    assert RESET_IN == pytest.approx(waited)
    assert gives_up.cancelled()


async def test_after_the_only_waiter_gave_up_the_next_call_still_goes_at_the_reset() -> None:
    pace, _ = await spent()
    start = now()
    gives_up = asyncio.create_task(pace.acquire(BUCKET, None))
    await asyncio.sleep(1)
    gives_up.cancel()
    await asyncio.sleep(1)
    await pace.acquire(BUCKET, None)
    assert RESET_IN == pytest.approx(now() - start)


async def test_each_wait_for_a_reset_adds_its_length_to_the_stats() -> None:
    pace, wall = await spent()
    budget, waited = await pace.acquire(BUCKET, None)
    assert RESET_IN == pytest.approx(waited)
    assert RESET_IN == pytest.approx(pace.stats.waited)
    answer(pace, budget, spent_window(wall))  # the new window spent at once
    await pace.acquire(BUCKET, None)
    assert 2 * RESET_IN == pytest.approx(pace.stats.waited)


async def test_debug_records_say_what_a_call_waits_for(caplog: pytest.LogCaptureFixture) -> None:
    wall = fake_wall()
    pace = Pacer(RateLimitPolicy(max_in_flight=1), Stats(), wall)
    with caplog.at_level(logging.DEBUG, logger="oktakit"):
        first, _ = await pace.acquire(BUCKET, None)
        learning = asyncio.create_task(pace.acquire(BUCKET, None))
        await asyncio.sleep(0)
        answer(pace, first, {**spent_window(wall, limit=10), "X-Rate-Limit-Remaining": "1"})
        other, _ = await pace.acquire("GET /api/v1/groups", None)  # holds the only slot
        await asyncio.sleep(1)
        pace.release(other, 200, {}, read_rate_limit({}))
        budget, _ = await learning
        answer(pace, budget, spent_window(wall))
        await pace.acquire(BUCKET, None)
    waits = [record.getMessage() for record in caplog.records if record.getMessage().startswith("waiting")]
    assert [
        f"waiting for the first answer of rate-limit bucket {BUCKET!r}",
        "waiting for one of 1 in-flight slots",
        f"waiting for rate-limit bucket {BUCKET!r}: 0 of 10 left, resets in 50.0 s",
    ] == waits


async def test_a_call_queued_half_a_second_before_the_reset_says_so(caplog: pytest.LogCaptureFixture) -> None:
    start = now()
    pace, _ = await spent()
    await asyncio.sleep(RESET_IN - 0.5)
    with caplog.at_level(logging.DEBUG, logger="oktakit"):
        _, waited = await pace.acquire(BUCKET, None)
    assert 0.5 == pytest.approx(waited)
    waits = [record for record in caplog.records if record.getMessage().startswith("waiting")]
    assert [f"waiting for rate-limit bucket {BUCKET!r}: 0 of 10 left, resets in 0.5 s"] == [
        record.getMessage() for record in waits
    ]
    # As data too, for the command line: the bucket, its reset in loop time, the seconds until then.
    bucket, reset, resets_in = getattr(waits[0], WAIT_LOG_KEY)
    assert (BUCKET, start + RESET_IN, 0.5) == (bucket, pytest.approx(reset), pytest.approx(resets_in))


async def test_calls_queued_with_different_deadlines_each_give_up_at_their_own() -> None:
    pace, _ = await spent()
    start = now()
    calls = [asyncio.create_task(pace.acquire(BUCKET, start + seconds)) for seconds in (20, 5, 10)]
    for deadline, gave_up in ((5, [False, True, False]), (10, [False, True, True]), (20, [True] * 3)):
        await asyncio.sleep(deadline + 0.5 - (now() - start))
        assert gave_up == [call.done() for call in calls], deadline
    for call in calls:
        with pytest.raises(TimeoutError):
            call.result()
    assert RESET_IN > now() - start  # the reset, which would have let them go, is still ahead


async def test_a_call_given_its_place_before_its_deadline_leaves_no_deadline_timer_behind() -> None:
    pace, _ = await spent()
    start = now()
    goes = asyncio.create_task(pace.acquire(BUCKET, start + RESET_IN + 10))
    gives_up = asyncio.create_task(pace.acquire(BUCKET, start + 5))
    await asyncio.sleep(6)
    assert (False, True) == (goes.done(), gives_up.done())
    await goes  # at the reset, before its deadline
    assert ({}, None) == (pace._deadlines, pace._sweep)
    gives_up.exception()


async def test_a_call_waiting_for_an_in_flight_slot_reports_its_wait_and_keeps_its_deadline() -> None:
    wall = fake_wall()
    pace = Pacer(RateLimitPolicy(max_in_flight=1), Stats(), wall)
    learns, _ = await pace.acquire(BUCKET, None)
    answer(pace, learns, {**spent_window(wall, limit=100), "X-Rate-Limit-Remaining": "100"})
    holder, _ = await pace.acquire(BUCKET, None)  # holds the only slot
    waits = asyncio.create_task(pace.acquire(BUCKET, None))
    late = asyncio.create_task(pace.acquire(BUCKET, None))
    gives_up = asyncio.create_task(pace.acquire(BUCKET, now() + 3))
    await asyncio.sleep(3.5)
    assert gives_up.done()
    with pytest.raises(TimeoutError):
        gives_up.result()
    assert 3 == holder.pending  # the holder and the two still queued: its place was given back
    await asyncio.sleep(1.5)
    pace.release(holder, 200, {}, read_rate_limit({}))
    _, waited = await waits
    assert 5.0 == pytest.approx(waited)
    late.cancel()


async def test_a_late_answer_of_a_window_already_rolled_over_does_not_spend_the_new_one() -> None:
    pace, wall = await spent()
    old_window = spent_window(wall)  # the headers spent() answered with, at the same instant
    await asyncio.sleep(RESET_IN + 1)  # past the reset: the whole limit is there again
    in_flight, waited = await pace.acquire(BUCKET, None)
    assert 0.0 == waited
    answer(pace, in_flight, old_window)  # sent before the reset, answered after it: 0 left, then
    _, waited = await pace.acquire(BUCKET, now() + 1)  # TimeoutError if that 0 were taken as now
    assert 0.0 == waited


async def test_a_limit_raised_within_a_window_moves_the_share_kept_for_others_at_once() -> None:
    wall = fake_wall()
    pace = Pacer(RateLimitPolicy(max_share=0.5), Stats(), wall)
    window = spent_window(wall)
    first, _ = await pace.acquire(BUCKET, None)
    answer(pace, first, {**window, "X-Rate-Limit-Remaining": "8"})  # 8 of 10: 5 kept, so 3 may go
    second, waited = await pace.acquire(BUCKET, None)
    assert 0.0 == waited
    # The same window, its limit raised to 20 (DynamicScale, say): half of it, 10, is kept now,
    # more than the 8 left, so the next call waits for the reset.
    answer(pace, second, {**window, "X-Rate-Limit-Limit": "20", "X-Rate-Limit-Remaining": "9"})
    _, waited = await pace.acquire(BUCKET, None)
    assert RESET_IN == pytest.approx(waited)


async def test_a_call_arriving_at_the_reset_instant_goes_after_the_calls_queued_for_it() -> None:
    pace, _ = await spent()
    loop = asyncio.get_running_loop()
    budget = pace.budget(BUCKET)
    newcomer: list[tuple[int, Budget | None]] = []
    # Armed first, so it runs at the reset just before the pacer's own reset timer (armed when
    # the call below queues) wakes the queue: the call is still waiting then.
    loop.call_at(budget.reset_local, lambda: newcomer.append((len(budget.waiters), pace.admit_now(BUCKET))))
    queued = asyncio.create_task(pace.acquire(BUCKET, None))
    _, waited = await queued
    assert RESET_IN == pytest.approx(waited)
    assert [(1, None)] == newcomer  # no place taken at once: it must queue behind the waiting call

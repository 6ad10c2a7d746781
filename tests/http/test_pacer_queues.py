"""The pacer's queues and what answers teach it, driven step by step on one event loop.

No clock is raced: a call's progress is read from its task after the loop has run everything
that was ready (``settle``), and waits for a reset are never reached (the windows are long).
"""

from __future__ import annotations

import asyncio
import math
import time
from datetime import UTC, datetime, timedelta
from email.utils import formatdate

import pytest

from oktakit import RateLimitPolicy
from oktakit._http.hints import read_rate_limit
from oktakit._http.ratelimit import Budget, Pacer, RateLimitState
from oktakit._http.stats import Stats

BUCKET = "GET /api/v1/users/{id}"


def okta_headers(
    limit: int, remaining: int, *, reset_in: int = 50, date: float | None = None
) -> dict[str, str]:
    now = time.time() if date is None else date
    return {
        "Date": formatdate(now, usegmt=True),
        "X-Rate-Limit-Limit": str(limit),
        "X-Rate-Limit-Remaining": str(remaining),
        "X-Rate-Limit-Reset": str(int(time.time()) + reset_in),
    }


def answer(pace: Pacer, budget: Budget, headers: dict[str, str]) -> None:
    """The transport's part: hand the pacer an answer with its headers, read once."""
    pace.release(budget, 200, headers, read_rate_limit(headers))


async def settle() -> None:
    """Let every task that can make progress make it (futures are resolved synchronously)."""
    for _ in range(10):
        await asyncio.sleep(0)


def pacer(max_in_flight: int = 20) -> Pacer:
    return Pacer(RateLimitPolicy(max_in_flight=max_in_flight), Stats(), time.time)


async def taught(pace: Pacer, limit: int, remaining: int) -> Budget:
    """The bucket after one answer that reported ``remaining`` of ``limit``."""
    budget, _ = await pace.acquire(BUCKET, None)
    answer(pace, budget, okta_headers(limit, remaining))
    return budget


async def test_a_call_cancelled_while_queued_for_a_slot_gives_back_its_place_in_the_bucket() -> None:
    pace = pacer(max_in_flight=1)
    budget = await taught(pace, limit=10, remaining=2)  # two more may go in this window
    holder, _ = await pace.acquire(BUCKET, None)  # in flight: the only slot
    queued = asyncio.create_task(pace.acquire(BUCKET, None))  # through the bucket, waits for the slot
    await settle()
    assert (1, 2) == (pace.in_flight, budget.pending)
    queued.cancel()
    await settle()
    assert queued.cancelled()
    assert 1 == budget.pending  # its place in the bucket is free again

    answer(pace, holder, okta_headers(10, 1))
    last = asyncio.create_task(pace.acquire(BUCKET, None))  # the window's last request
    await settle()
    assert last.done()
    answer(pace, last.result()[0], okta_headers(10, 0))
    assert (0, 0) == (pace.in_flight, budget.pending)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("X-Rate-Limit-Reset", "9" * 400),
        ("X-Rate-Limit-Limit", "9" * 400),
        ("X-Rate-Limit-Remaining", "9" * 400),
        ("X-Rate-Limit-Reset", "-1"),
        ("X-Rate-Limit-Reset", "NaN"),
        ("X-Rate-Limit-Limit", "²"),
        ("X-Rate-Limit-Reset", "1e99"),
        ("Date", "Fri, 31 Dec 99999 23:59:59 GMT"),
    ],
)
async def test_an_absurd_header_is_ignored_and_the_calls_queued_behind_the_answer_go_on(
    name: str, value: str, caplog: pytest.LogCaptureFixture
) -> None:
    pace = pacer()
    first, _ = await pace.acquire(BUCKET, None)  # the bucket's first request goes alone
    queued = [asyncio.create_task(pace.acquire(BUCKET, None)) for _ in range(3)]
    await settle()
    assert not any(task.done() for task in queued)

    with caplog.at_level("DEBUG", logger="oktakit"):
        answer(pace, first, {**okta_headers(100, 99), name: value})
    await settle()
    assert all(task.done() for task in queued)
    if name != "Date":
        assert f"ignoring the unreadable {name} header" in caplog.text


async def test_a_far_future_reset_holds_the_bucket_for_one_window_at_most() -> None:
    pace = pacer()
    budget, _ = await pace.acquire(BUCKET, None)
    loop = asyncio.get_running_loop()
    headers = okta_headers(10, 0)
    headers["X-Rate-Limit-Reset"] = str(int(time.time()) + 10**9)  # in the year 2058 and more
    answer(pace, budget, headers)
    # Okta's windows are a minute long (developer.okta.com/docs/reference/rate-limits).
    assert budget.reset_local - loop.time() <= 60.0
    assert not budget.admits(loop.time())


async def test_one_far_future_date_does_not_turn_pacing_off() -> None:
    pace = pacer()
    budget = await taught(pace, limit=3, remaining=2)
    lying = await pace.acquire(BUCKET, None)
    answer(pace, lying[0], okta_headers(3, 1, date=time.time() + 10**8))
    spent = await pace.acquire(BUCKET, None)
    answer(pace, spent[0], okta_headers(3, 0))
    # The window (50 s long) is spent, whatever one answer said Okta's time was.
    held = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert not held.done()
    assert 0 == budget.remaining
    held.cancel()
    await settle()


def no_numbers(pace: Pacer, budget: Budget) -> None:
    """An answer without rate-limit headers: the bucket has nothing to pace by from then on."""
    pace.release(budget, 200, {}, read_rate_limit({}))


async def test_a_slot_handed_to_a_call_cancelled_at_that_moment_goes_to_the_next_in_line() -> None:
    pace = pacer(max_in_flight=1)
    first, _ = await pace.acquire(BUCKET, None)
    no_numbers(pace, first)
    holder, _ = await pace.acquire(BUCKET, None)
    second = asyncio.create_task(pace.acquire(BUCKET, None))
    third = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert (1, 3) == (pace.in_flight, holder.pending)

    no_numbers(pace, holder)  # the slot is handed to the second call...
    second.cancel()  # ...which is cancelled before it could run
    await settle()

    assert second.cancelled()
    assert third.done()
    assert (1, 1) == (pace.in_flight, holder.pending)  # the third's place, nobody else's


async def test_a_bucket_place_handed_to_a_call_cancelled_at_that_moment_goes_to_the_next_in_line() -> None:
    pace = pacer()
    headers = okta_headers(10, 1)
    budget = await taught(pace, limit=10, remaining=1)  # one more may go in this window
    holder, _ = await pace.acquire(BUCKET, None)
    second = asyncio.create_task(pace.acquire(BUCKET, None))
    third = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert (1, 1) == (pace.in_flight, budget.pending)

    answer(pace, holder, headers)  # still one left: the place goes to the second call...
    second.cancel()  # ...which is cancelled before it could run
    await settle()

    assert second.cancelled()
    assert third.done()
    assert (1, 1) == (pace.in_flight, budget.pending)


def concurrency_429(pace: Pacer, budget: Budget) -> None:
    # Okta: "The first two header values are always 0 for concurrent rate limit errors".
    headers = {**okta_headers(0, 0), "X-Rate-Limit-Limit": "0", "X-Rate-Limit-Remaining": "0"}
    pace.release(budget, 429, headers, read_rate_limit(headers))


async def test_a_concurrency_429_of_the_only_call_in_flight_leaves_one_slot() -> None:
    pace = pacer(max_in_flight=5)
    budget = await taught(pace, limit=100, remaining=99)
    alone, _ = await pace.acquire(BUCKET, None)
    concurrency_429(pace, alone)
    assert 1 == pace.cap
    await pace.acquire(BUCKET, None)
    queued = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert not queued.done()
    answer(pace, budget, okta_headers(100, 98))
    await settle()
    assert queued.done()


async def test_after_a_concurrency_429_the_cap_grows_by_one_per_cap_times_8_successes() -> None:
    # GROWTH_PER_SLOT: the cap grows by one after 8 successful answers per slot it has.
    pace = pacer(max_in_flight=3)
    await taught(pace, limit=1000, remaining=999)
    alone, _ = await pace.acquire(BUCKET, None)
    concurrency_429(pace, alone)
    for cap, successes in ((1, 8), (2, 16)):
        for n in range(successes):
            assert cap == pace.cap, n
            budget, _ = await pace.acquire(BUCKET, None)
            answer(pace, budget, okta_headers(1000, 998 - n))
        assert cap + 1 == pace.cap
    budget, _ = await pace.acquire(BUCKET, None)
    answer(pace, budget, okta_headers(1000, 900))
    assert 3 == pace.cap  # never past max_in_flight


async def test_the_hook_gets_each_answers_numbers_its_reset_as_a_utc_time_and_the_cap() -> None:
    states: list[RateLimitState] = []
    pace = Pacer(RateLimitPolicy(max_in_flight=7, on_update=states.append), Stats(), time.time)
    budget, _ = await pace.acquire(BUCKET, None)
    headers = {
        "Date": "Thu, 01 Jan 2026 00:00:00 GMT",
        "X-Rate-Limit-Limit": "600",
        "X-Rate-Limit-Remaining": "599",
        "X-Rate-Limit-Reset": "1767225630",  # 2026-01-01T00:00:30Z
    }
    pace.release(budget, 200, headers, read_rate_limit(headers))
    assert [RateLimitState(BUCKET, 600, 599, datetime(2026, 1, 1, 0, 0, 30, tzinfo=UTC), 7)] == states
    assert states[0].reset_at is not None
    assert timedelta(0) == states[0].reset_at.utcoffset()


def reset_in(seconds: int) -> dict[str, str]:
    """Okta's headers with a reset ``seconds`` after the answer's own ``Date``."""
    now = math.floor(time.time())
    return {
        "Date": formatdate(now, usegmt=True),
        "X-Rate-Limit-Limit": "10",
        "X-Rate-Limit-Remaining": "5",
        "X-Rate-Limit-Reset": str(now + seconds),
    }


@pytest.mark.parametrize("seconds", [59, 60])
async def test_a_reset_within_one_window_is_taken_as_it_is_without_a_record(
    seconds: int, caplog: pytest.LogCaptureFixture
) -> None:
    pace = pacer()
    budget, _ = await pace.acquire(BUCKET, None)
    with caplog.at_level("DEBUG", logger="oktakit"):
        answer(pace, budget, reset_in(seconds))
    assert [] == caplog.records
    assert seconds == pytest.approx(budget.reset_local - asyncio.get_running_loop().time(), abs=0.5)


async def test_a_reset_past_one_window_is_cut_to_one_with_a_record(caplog: pytest.LogCaptureFixture) -> None:
    pace = pacer()
    budget, _ = await pace.acquire(BUCKET, None)
    with caplog.at_level("DEBUG", logger="oktakit"):
        answer(pace, budget, reset_in(90))
    assert [f"rate-limit bucket {BUCKET!r} resets in 90 s by its headers: waiting 60 s at most"] == [
        record.getMessage() for record in caplog.records
    ]


async def test_a_concurrency_429_lowering_the_cap_is_recorded(caplog: pytest.LogCaptureFixture) -> None:
    pace = pacer(max_in_flight=5)
    await taught(pace, limit=100, remaining=99)
    held = [(await pace.acquire(BUCKET, None))[0] for _ in range(3)]
    with caplog.at_level("DEBUG", logger="oktakit"):
        concurrency_429(pace, held[0])
    assert ["concurrency 429: in-flight cap lowered to 2"] == [r.getMessage() for r in caplog.records]


async def test_a_hook_that_raises_is_logged_with_its_traceback_and_the_calls_go_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(state: RateLimitState) -> None:
        raise RuntimeError("the user's bug")

    pace = Pacer(RateLimitPolicy(on_update=broken), Stats(), time.time)
    budget, _ = await pace.acquire(BUCKET, None)
    queued = asyncio.create_task(pace.acquire(BUCKET, None))
    with caplog.at_level("DEBUG", logger="oktakit"):
        answer(pace, budget, okta_headers(10, 9))
    await settle()
    assert queued.done()
    [record] = caplog.records
    assert ("WARNING", "the rate-limit on_update hook raised") == (record.levelname, record.getMessage())
    assert record.exc_info is not None
    assert "the user's bug" == str(record.exc_info[1])


async def test_a_share_lowered_before_the_first_answer_holds_when_the_answer_comes() -> None:
    pace = Pacer(RateLimitPolicy(), Stats(), time.time)
    pace.limit_share("/api/v1/logs", 0.5)
    budget, _ = await pace.acquire("/api/v1/logs", None)
    answer(pace, budget, okta_headers(120, 120))
    assert 60 == budget.reserve  # 120 - floor(120 * 0.5), by hand


async def test_a_call_let_through_at_once_reports_no_wait() -> None:
    pace = Pacer(RateLimitPolicy(), Stats(), time.time)
    first, waited = await pace.acquire(BUCKET, None)  # the bucket's first call goes alone, at once
    assert 0.0 == waited
    answer(pace, first, okta_headers(100, 99))
    _, waited = await pace.acquire(BUCKET, None)
    assert 0.0 == waited


@pytest.mark.parametrize("status", [500, 429])
async def test_a_5xx_or_429_without_headers_first_leaves_the_bucket_learning(status: int) -> None:
    pace = pacer()
    first, _ = await pace.acquire(BUCKET, None)
    pace.release(first, status, {}, read_rate_limit({}))  # an error page of a proxy: no numbers
    await pace.acquire(BUCKET, None)  # still learning: this one goes alone
    third = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert not third.done()
    third.cancel()


async def test_an_answer_without_headers_after_the_numbers_keeps_pacing_on() -> None:
    pace = pacer()
    first, _ = await pace.acquire(BUCKET, None)
    answer(pace, first, okta_headers(10, 5))
    second, _ = await pace.acquire(BUCKET, None)
    third, _ = await pace.acquire(BUCKET, None)
    answer(pace, second, okta_headers(10, 0))  # the window is spent
    pace.release(third, 200, {}, read_rate_limit({}))  # an answer that lost its headers
    fourth = asyncio.create_task(pace.acquire(BUCKET, None))
    await settle()
    assert not fourth.done()  # still waiting for the reset
    fourth.cancel()


async def test_successes_never_grow_the_in_flight_cap_past_max_in_flight() -> None:
    pace = pacer(max_in_flight=2)
    for _ in range(40):  # five times the 2 * GROWTH_PER_SLOT successes that grow a lowered cap
        budget, _ = await pace.acquire("/", None)
        pace.release(budget, 200, {}, read_rate_limit({}))
    assert 2 == pace.cap


async def test_calls_let_through_at_once_are_counted_against_what_is_left() -> None:
    pace = pacer()
    budget = await taught(pace, limit=10, remaining=3)
    assert [budget, budget, budget, None] == [pace.admit_now(BUCKET) for _ in range(4)]
    assert (3, 3) == (budget.pending, pace.in_flight)

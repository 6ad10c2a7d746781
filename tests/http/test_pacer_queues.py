"""The pacer's queues and what answers teach it, driven step by step on one event loop.

No clock is raced: a call's progress is read from its task after the loop has run everything
that was ready (``settle``), and waits for a reset are never reached (the windows are long).
"""

from __future__ import annotations

import asyncio
import time
from email.utils import formatdate

import pytest

from oktakit import RateLimitPolicy
from oktakit._http.hints import read_rate_limit
from oktakit._http.ratelimit import Budget, Pacer
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

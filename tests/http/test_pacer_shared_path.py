"""The pacer's way through a shared budget, with a stand-in for Redis that records what it is told.

tests/shared runs the same path against a real redis-server; here each rule the pacer keeps on
that path is stated alone: which share and deadline it asks with, on whose clock, what it counts
as waiting, what it does when Redis is away, and what it reports back.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from oktakit import RateLimitPolicy
from oktakit._http.budget import Budget
from oktakit._http.hints import RateLimitHeaders
from oktakit._http.ratelimit import Pacer
from oktakit._http.stats import Stats

BUCKET = "/api/v1/users"
FAR_FROM_OUR_WALL = 1_000_000.0


class RecordingShared:
    """A shared budget that answers from a script and records every question."""

    def __init__(self, *answers: tuple[float, float | None], peers: int = 1) -> None:
        #: (seconds the round trip takes, what reserve returns: seconds waited or None)
        self.answers = list(answers)
        self.peers = peers
        self.asked: list[dict[str, Any]] = []
        self.released: list[tuple[str, int, RateLimitHeaders | None]] = []

    async def reserve(
        self, budget: Budget, share: float, okta_now: Callable[[], float], deadline: float | None
    ) -> float | None:
        asked = {"bucket": budget.name, "share": share, "okta_now": okta_now(), "deadline": deadline}
        self.asked.append(asked)
        takes, result = self.answers.pop(0)
        await asyncio.sleep(takes)
        return result

    def release(self, bucket: str, status: int, limits: RateLimitHeaders | None) -> None:
        self.released.append((bucket, status, limits))

    async def aclose(self) -> None:
        pass


class OffsetClock:
    """A server clock that has learned Okta's time to be ``offset`` ahead of the loop's."""

    def __init__(self, offset: float | None) -> None:
        self.offset = offset


def shared_pacer(shared: RecordingShared, wall: float = 5.0) -> Pacer:
    pace = Pacer(RateLimitPolicy(), Stats(), lambda: wall)
    pace.shared = shared  # type: ignore[assignment]  # a stand-in with its methods
    return pace


async def test_the_share_asked_for_is_the_buckets_own_share_when_one_was_set() -> None:
    shared = RecordingShared((0, 0.0), (0, 0.0))
    pace = shared_pacer(shared)
    pace.limit_share(BUCKET, 0.5)
    await pace.acquire(BUCKET, None)
    await pace.acquire("/api/v1/logs", None)
    assert [a["share"] for a in shared.asked] == [0.5, 1.0]


async def test_the_callers_deadline_bounds_the_wait_for_a_shared_place() -> None:
    shared = RecordingShared((0, 0.0))
    pace = shared_pacer(shared)
    deadline = asyncio.get_running_loop().time() + 30
    await pace.acquire(BUCKET, deadline)
    assert shared.asked[0]["deadline"] == deadline


async def test_okta_now_is_the_loop_clock_plus_the_learned_offset_once_there_is_one() -> None:
    shared = RecordingShared((0, 0.0), (0, 0.0))
    pace = shared_pacer(shared, wall=5.0)
    pace.clock = OffsetClock(None)  # type: ignore[assignment]
    await pace.acquire(BUCKET, None)
    pace.clock = OffsetClock(FAR_FROM_OUR_WALL)  # type: ignore[assignment]
    before = asyncio.get_running_loop().time()
    await pace.acquire(BUCKET, None)
    after = asyncio.get_running_loop().time()
    first, second = (a["okta_now"] for a in shared.asked)
    assert first == 5.0  # no Date seen yet: our own wall clock
    assert before + FAR_FROM_OUR_WALL <= second <= after + FAR_FROM_OUR_WALL


async def test_a_place_granted_at_once_counts_as_no_wait_however_long_the_round_trip() -> None:
    shared = RecordingShared((0.02, 0.0))
    pace = shared_pacer(shared)
    budget, waited = await pace.acquire(BUCKET, None)
    assert waited == 0.0
    assert budget.pending == 1


async def test_a_place_redis_made_us_wait_for_counts_the_wait() -> None:
    shared = RecordingShared((0.05, 0.05))
    pace = shared_pacer(shared)
    started = time.monotonic()
    _, waited = await pace.acquire(BUCKET, None)
    assert 0.05 <= waited <= time.monotonic() - started


async def test_every_shared_place_is_counted_pending_in_the_local_bucket() -> None:
    shared = RecordingShared((0, 0.0), (0, 0.0), (0, 0.0))
    pace = shared_pacer(shared)
    for _ in range(3):
        budget, _ = await pace.acquire(BUCKET, None)
    assert budget.pending == 3


async def test_without_redis_the_local_bucket_keeps_to_its_part_of_the_share() -> None:
    # Four processes were sharing when Redis last answered: this one keeps to a quarter.
    shared = RecordingShared((0, None), peers=4)
    pace = shared_pacer(shared)
    budget = pace.budget(BUCKET)
    budget.update((100, 100, int(time.time()) + 60), 60.0, asyncio.get_running_loop().time(), 1.0)
    await pace.acquire(BUCKET, None)
    assert budget.reserve == 75  # 100 - floor(100 * 1/4) kept unused


async def test_redis_answering_leaves_the_local_share_as_it_was() -> None:
    shared = RecordingShared((0, 0.0), peers=4)
    pace = shared_pacer(shared)
    budget = pace.budget(BUCKET)
    budget.update((100, 100, int(time.time()) + 60), 60.0, asyncio.get_running_loop().time(), 1.0)
    await pace.acquire(BUCKET, None)
    assert budget.reserve == 0


async def test_the_answers_status_and_limits_are_reported_to_the_shared_budget() -> None:
    shared = RecordingShared((0, 0.0), (0, 0.0))
    pace = shared_pacer(shared)
    limits = RateLimitHeaders(600, 599, int(time.time()) + 60)
    budget, _ = await pace.acquire(BUCKET, None)
    pace.release(budget, 503, {"X-Rate-Limit-Limit": "600"}, limits)
    budget, _ = await pace.acquire(BUCKET, None)
    pace.release(budget, 0, None, None)  # no answer at all
    assert shared.released == [(BUCKET, 503, limits), (BUCKET, 0, None)]


async def cancelled_while_queued_for_a_slot(shared: RecordingShared) -> Pacer:
    """A call that got its answer from the shared budget, then waited for the one in-flight slot
    (held by another call) and was cancelled there."""
    pace = Pacer(RateLimitPolicy(max_in_flight=1), Stats(), time.time)
    pace.shared = shared  # type: ignore[assignment]
    # A bucket with room: the wait is for the slot alone, whichever way the place was given.
    loop = asyncio.get_running_loop()
    pace.budget(BUCKET).update((100, 100, int(time.time()) + 60), 60.0, loop.time(), 1.0)
    await pace.acquire(BUCKET, None)  # holds the slot
    queued = asyncio.ensure_future(pace.acquire(BUCKET, None))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not queued.done()
    queued.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    assert queued.cancelled()
    return pace


async def test_a_call_cancelled_while_queued_for_a_slot_gives_its_shared_place_back() -> None:
    shared = RecordingShared((0, 0.0), (0, 0.0))
    await cancelled_while_queued_for_a_slot(shared)
    assert shared.released == [(BUCKET, 0, None)]  # nothing sent, so no answer to report


async def test_a_call_paced_locally_and_cancelled_while_queued_gives_nothing_back_to_redis() -> None:
    # Redis was away for the second call: it holds no shared place to give back.
    shared = RecordingShared((0, 0.0), (0, None))
    await cancelled_while_queued_for_a_slot(shared)
    assert shared.released == []

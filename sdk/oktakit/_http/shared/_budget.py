"""What the pacer consults before each request when its policy names Redis, and tells after.

``reserve`` asks Redis for a place in the bucket (and one of the org's in-flight places) with one
script call, waiting as the script says while there is none; ``release`` gives the place back
and merges the answer's numbers, off the caller's path (a task). Each place is a lease that
this process renews while its request is on its way: a process that dies frees its places when
their leases run out.

When Redis cannot be reached, ``reserve`` says so (``None``) and the pacer paces alone, each
bucket's share divided by the processes last seen sharing it (so that together they still keep
to it), with one WARNING; or, with ``on_unavailable="fail"``, it raises ``SharedBudgetError``
before anything is sent. Redis is asked again a second later, and every request goes back to
the shared budget once it answers (an empty Redis, restarted, lets one request learn each
bucket's numbers before the others go: no storm of 429s).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import secrets
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from oktakit._http.hints import MAX_HINTED_WAIT
from oktakit.errors import SharedBudgetError

from ._connect import ANSWER_TIMEOUT, client_for, org_tag
from ._scripts import MERGE, RENEW, RESERVE

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from oktakit._http.budget import Budget
    from oktakit._http.hints import RateLimitHeaders

logger = logging.getLogger("oktakit")

#: Seconds a place is held without renewal: a process killed mid-request frees its places after
#: at most this long. Held places are renewed every quarter of it.
LEASE_SECONDS = 10.0
#: Milliseconds between two questions to Redis while the bucket is full of requests on their way.
POLL_MS = 10
#: Seconds after a failure before Redis is asked again (meanwhile: paced locally, or failed).
RETRY_SECONDS = 1.0
#: Seconds a bucket's numbers live in Redis after the last answer that told them (a window is a
#: minute at most: older numbers say nothing).
BUCKET_TTL = 600


class SharedBudget:
    """One client's view of the budget it shares with every client of the same org and Redis."""

    def __init__(
        self,
        target: str | Redis,
        org: str,
        *,
        max_in_flight: int,
        fail: bool,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self.redis, self._owned = client_for(target, "RateLimitPolicy(shared=...)")
        self._tag = org_tag(org)
        self._max_in_flight = max_in_flight
        self._fail = fail
        self._lease_ms = max(1, round(lease_seconds * 1000))
        self._reserve = self.redis.register_script(RESERVE)
        self._merge = self.redis.register_script(MERGE)
        self._renew = self.redis.register_script(RENEW)
        #: Names this process in Redis (random: nothing about the host or the credential).
        self.process = secrets.token_hex(6)
        self._ids = itertools.count()
        self._held: dict[str, list[str]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._down_until: float | None = None
        #: Processes sharing the budget when Redis last answered (this one included).
        self.peers = 1
        self._tasks: set[asyncio.Task[None]] = set()
        self._renewer: asyncio.Task[None] | None = None
        #: Reservation round trips so far, and the seconds they took (the cost of sharing).
        self.round_trips = 0
        self.round_trip_seconds = 0.0

    def key(self, kind: str, bucket: str | None = None) -> str:
        return f"{self._tag}:{kind}" if bucket is None else f"{self._tag}:{kind}:{bucket}"

    def _keys(self, bucket: str) -> list[str]:
        return [self.key("bucket", bucket), self.key("pending", bucket), self.key("in-flight")]

    @property
    def available(self) -> bool:
        """Whether Redis answered last time it was asked."""
        return self._down_until is None

    async def reserve(
        self, bucket: Budget, share: float, okta_now: Callable[[], float], deadline: float | None
    ) -> float | None:
        """Take a place in ``bucket``: the seconds spent waiting for one, or None when Redis
        cannot be reached (the caller paces locally). Raises ``SharedBudgetError`` instead when
        the policy says so, and ``TimeoutError`` past ``deadline`` (loop time)."""
        loop = asyncio.get_running_loop()
        budget, bucket_name = bucket, bucket.name
        if self._down_until is not None and loop.time() < self._down_until:
            self._unavailable(None)
            return None
        lock = self._locks.get(bucket_name)
        if lock is None:
            lock = self._locks[bucket_name] = asyncio.Lock()
        waited = 0.0
        # One coroutine per bucket asks Redis; the others queue here, in order.
        async with asyncio.timeout_at(deadline), lock:
            while True:
                lease = f"{self.process}:{next(self._ids)}"
                try:
                    answer = await self._ask(
                        bucket_name, lease, share, okta_now(), _spent(budget, loop.time())
                    )
                except BaseException as exc:
                    # It may have run before we stopped listening: give the place back.
                    self._spawn(
                        self._merge(self._keys(bucket_name), [lease, "nothing", 0, 0, 0, 0, BUCKET_TTL])
                    )
                    if isinstance(exc, _failures()):
                        self._failed(exc, loop.time())
                        return None
                    raise
                granted, wait_ms, peers = (int(part) for part in answer)
                self._recovered()
                self.peers = max(1, peers)
                if granted:
                    self._held.setdefault(bucket_name, []).append(lease)
                    self._keep_renewing()
                    return waited
                pause = min(wait_ms, MAX_HINTED_WAIT * 1000) / 1000
                await asyncio.sleep(pause)
                waited += pause

    async def _ask(
        self, bucket: str, lease: str, share: float, okta_now: float, known: tuple[int, int, int] | None
    ) -> list[Any]:
        started = time.perf_counter()
        async with asyncio.timeout(ANSWER_TIMEOUT):
            answer: list[Any] = await self._reserve(
                [*self._keys(bucket), self.key("peers")],
                [
                    lease,
                    self.process,
                    repr(okta_now),
                    repr(share),
                    self._max_in_flight,
                    self._lease_ms,
                    POLL_MS,
                    round(MAX_HINTED_WAIT * 1000),
                    BUCKET_TTL,
                    *(known or ("", "", "")),
                ],
            )
        self.round_trips += 1
        self.round_trip_seconds += time.perf_counter() - started
        return answer

    def release(self, bucket: str, status: int, limits: RateLimitHeaders | None) -> None:
        """Give back one place of ``bucket`` and merge its answer (``limits`` None: no answer)."""
        held = self._held.get(bucket)
        lease = held.pop() if held else ""
        if self._down_until is not None:
            return  # its lease, if any, runs out by itself
        numbers = None if limits is None else limits.numbers
        if numbers is not None and numbers[0] > 0:
            said: list[str | int] = ["numbers", *numbers, int(status == 429)]
        elif limits is not None and numbers is None and status < 500 and status != 429:
            said = ["none", 0, 0, 0, 0]
        else:  # no answer, or a concurrency 429 (limit 0): nothing about the bucket
            said = ["nothing", 0, 0, 0, 0]
        if lease or said[0] != "nothing":
            self._spawn(self._merge(self._keys(bucket), [lease, *said, BUCKET_TTL]))

    def _spawn(self, call: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(self._quietly(call))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _quietly(self, call: Coroutine[Any, Any, Any]) -> None:
        try:
            async with asyncio.timeout(ANSWER_TIMEOUT):
                await call
        except Exception as exc:
            if not isinstance(exc, _failures()):
                raise
            # A lost merge only leaves Redis more careful (a lease that runs out, a count
            # not yet lowered); the next reservation finds out whether Redis is back.
            logger.debug("could not tell the shared budget an answer (%s)", type(exc).__name__)

    def _keep_renewing(self) -> None:
        if self._renewer is None or self._renewer.done():
            self._renewer = asyncio.get_running_loop().create_task(self._renew_held())

    async def _renew_held(self) -> None:
        while any(self._held.values()):
            await asyncio.sleep(self._lease_ms / 4000)
            for bucket, leases in list(self._held.items()):
                if leases and self._down_until is None:
                    keys = [self.key("pending", bucket), self.key("in-flight")]
                    await self._quietly(self._renew(keys, [self._lease_ms, *leases]))

    def _failed(self, exc: BaseException, now: float) -> None:
        if self._down_until is None:
            logger.warning(
                "the shared rate-limit budget in Redis cannot be reached (%s): %s",
                _describe(exc),
                "failing calls until it answers"
                if self._fail
                else f"pacing in this process alone, with 1/{self.peers} of each bucket, until it answers",
            )
        self._down_until = now + RETRY_SECONDS
        self._unavailable(exc)

    def _unavailable(self, exc: BaseException | None) -> None:
        if self._fail:
            shown = "" if exc is None else f" ({_describe(exc)})"
            raise SharedBudgetError(
                f"the shared rate-limit budget in Redis cannot be reached{shown}; nothing was sent "
                '(RateLimitPolicy(on_unavailable="fail"))'
            )

    def _recovered(self) -> None:
        if self._down_until is not None:
            self._down_until = None
            logger.warning("the shared rate-limit budget in Redis answers again: back to sharing it")

    async def aclose(self) -> None:
        """Let the merges on their way finish (briefly), stop renewing, close what we opened."""
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewer
            self._renewer = None
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._owned:
            await self.redis.aclose()


def _spent(budget: Budget, now: float) -> tuple[int, int, int] | None:
    """(limit, 0, reset) when this process saw the bucket's current window spent: what an empty
    Redis (restarted) is seeded with, so that nobody sends into it before its reset. Room this
    process saw proves nothing (others may have spent it since): then one request learns."""
    limit = budget.limit
    if limit is None or limit <= 0 or now >= budget.reset_local or budget.remaining - budget.pending > 0:
        return None
    return limit, 0, budget.reset


def _failures() -> tuple[type[BaseException], ...]:
    """What a Redis that is down, restarting, refusing us or too slow raises."""
    from redis.exceptions import RedisError

    return (RedisError, OSError, TimeoutError)


def _describe(exc: BaseException) -> str:
    # The type only: redis-py's messages may quote the server's address, never needed here.
    return type(exc).__name__

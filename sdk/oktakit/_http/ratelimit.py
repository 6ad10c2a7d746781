"""Pacing from Okta's rate-limit headers, so that a client does not send what Okta would refuse.

Two limits, as Okta applies them:

- **Buckets.** Every answer carries ``X-Rate-Limit-Limit/-Remaining/-Reset`` for the bucket
  the request counted in. A ``Budget`` per bucket keeps the latest numbers; a request is let
  through while ``remaining`` minus the requests already on their way stays above the reserve
  (``1 - max_share`` of the limit; ``Pacer.limit_share`` lowers one bucket's share), otherwise
  it waits for the reset. The reset is an epoch
  second on Okta's clock, so it is read against the ``Date`` of Okta's answers (``_clock``:
  no single answer can mislead it), and no wait for a reset is longer than one of Okta's
  one-minute windows (``_hints.MAX_HINTED_WAIT``), whatever the headers say.
  Until a bucket's first answer, one request goes alone to learn its numbers. Which bucket a
  request counts in follows Okta's own table (``oktakit._http.buckets``), so operations Okta counts
  together share one budget. A rate-limit 429 that still reports room left means the headers
  describe more than this client may use (the org's bucket, not the client's share of it):
  that room is kept unused from then on.
- **Concurrency.** At most ``cap`` requests in flight (``max_in_flight`` at first). A
  concurrency 429 (``X-Rate-Limit-Limit: 0``) lowers the cap to what was in flight besides
  it; each run of successful answers grows it back by one, up to ``max_in_flight``.

Waiting requests queue in order and are handed their place (no thundering herd); a request
cancelled or out of time while queued leaves the counters as they were.

With ``shared=`` the ``SharedBudget`` (``.shared``: every client of the org through one Redis) is
asked before the local budget, which takes over only while Redis cannot be reached.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

import attrs
from aiohttp import hdrs

from oktakit.errors import ConfigurationError

from .budget import Budget
from .clock import ServerClock
from .hints import MAX_HINTED_WAIT, RateLimitHeaders
from .shared._policy import shared_target, shown_target, unavailable_choice
from .stats import Stats

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from .shared import SharedBudget

__all__ = [
    "GROWTH_PER_SLOT",
    "Budget",
    "Pacer",
    "RateLimitPolicy",
    "RateLimitState",
    "ServerClock",
    "rate_limit_state",
]

logger = logging.getLogger("oktakit")
#: The attribute of a "waiting for rate-limit bucket" record that holds (bucket, reset time in
#: loop seconds, seconds until then).
WAIT_LOG_KEY = "oktakit_rate_limit_wait"

#: Successful answers per in-flight slot before the cap grows by one after a concurrency 429.
GROWTH_PER_SLOT = 8


@attrs.frozen
class RateLimitState:
    """One bucket as Okta last described it, and the client's current in-flight cap."""

    bucket: str
    limit: int
    remaining: int
    #: When the bucket refills (Okta's ``X-Rate-Limit-Reset``), or None if unknown.
    reset_at: datetime | None
    in_flight_cap: int


def _positive_int(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{attribute.name} must be a positive integer, not {value!r}")


def _share(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ConfigurationError(f"max_share must be within (0, 1], not {value!r}")


@attrs.frozen
class RateLimitPolicy:
    """How a client paces itself.

    ``max_in_flight``: requests in flight at once, org-wide for this client (Okta's
    concurrency limit is 75 on Workforce orgs, 35 on the Integrator Free plan).
    ``max_share``: the share of each bucket, as the headers report it, this client may use;
    the rest is left to others (``0.5`` stops when half of it is left). Okta's recorded answers
    report the calling app's or token's own share of a bucket (half of the org's by default),
    so ``1.0`` uses all of what this credential is given and other clients of the same
    credential need a smaller share; where the headers report the org's whole bucket, set it
    to the credential's share (say ``0.5``). ``on_update`` is called with a
    ``RateLimitState`` after every answer that carries rate-limit headers.

    ``shared``: a Redis (``"redis://host:6379/0"``, ``rediss://`` for TLS, or a
    ``redis.asyncio.Redis`` you made) through which every client of the same org shares each
    bucket and the in-flight places; ``max_share`` and ``max_in_flight`` then apply to all of
    them together (``pip install "oktakit[redis]"``). ``on_unavailable``: while that Redis cannot
    be reached, pace in this process alone with a WARNING (``"local"``) or raise
    ``SharedBudgetError`` before sending (``"fail"``).
    """

    max_in_flight: int = attrs.field(default=20, validator=_positive_int)
    max_share: float = attrs.field(default=1.0, validator=_share)
    on_update: Callable[[RateLimitState], None] | None = None
    shared: str | Redis | None = attrs.field(default=None, validator=shared_target, repr=shown_target)
    on_unavailable: Literal["local", "fail"] = attrs.field(default="local", validator=unavailable_choice)


class Pacer:
    """The budgets of one client: ``acquire`` before sending, ``release`` with the answer."""

    def __init__(
        self, policy: RateLimitPolicy, stats: Stats, wall: Callable[[], float], *, org: str = ""
    ) -> None:
        self.policy = policy
        self.shared: SharedBudget | None = None
        if policy.shared is not None:
            from .shared import SharedBudget

            self.shared = SharedBudget(
                policy.shared, org, max_in_flight=policy.max_in_flight, fail=policy.on_unavailable == "fail"
            )
        self.stats = stats
        self.cap = self._max_in_flight = policy.max_in_flight
        self.in_flight = 0
        self._successes = 0
        self._slots: deque[asyncio.Future[None]] = deque()
        self._budgets: dict[str, Budget] = {}
        #: Buckets this client uses less of than ``policy.max_share`` (``limit_share``).
        self._shares: dict[str, float] = {}
        self._wall = wall
        self.clock = ServerClock()
        self._deadlines: dict[asyncio.Future[None], float] = {}
        self._sweep: asyncio.TimerHandle | None = None

    def limit_share(self, bucket: str, share: float) -> None:
        """Use at most ``share`` of ``bucket`` from now on (never more than the policy's
        ``max_share``; the smallest share asked for wins). The System Log's follower keeps to
        half of the logs bucket this way, which the org's SIEM pulls from too."""
        _share(None, attrs.fields(RateLimitPolicy).max_share, share)
        chosen = min(share, self._shares.get(bucket, 1.0), self.policy.max_share)
        self._shares[bucket] = chosen
        self.budget(bucket).reshare(chosen)

    def budget(self, bucket: str) -> Budget:
        budget = self._budgets.get(bucket)
        if budget is None:
            budget = self._budgets[bucket] = Budget(bucket)
        return budget

    def admit_now(self, bucket: str) -> Budget | None:
        """The budget of ``bucket`` with a place taken, if a request may go at once (the common
        case, without a coroutine); None when it must ``acquire`` (and wait). A shared budget
        always asks Redis first, so never admits here."""
        if self.shared is not None:
            return None
        budget = self._budgets.get(bucket)  # a bucket's first request takes acquire's way
        if budget is None or budget.waiters or self._slots or self.in_flight >= self.cap:
            return None
        if not budget.admits(asyncio.get_running_loop().time()):
            return None
        budget.pending += 1
        self.in_flight += 1
        return budget

    async def acquire(self, bucket: str, deadline: float | None) -> tuple[Budget, float]:
        """Wait until a request for ``bucket`` may go: (its budget, seconds waited).

        Raises TimeoutError past ``deadline`` (loop time).
        """
        budget = self.budget(bucket)
        loop = asyncio.get_running_loop()
        started = now = loop.time()  # now: when the last wait ended (a queue tells)
        waited = False
        shared = None if self.shared is None else await self._reserve_shared(self.shared, budget, deadline)
        if shared is not None:
            budget.pending += 1
            if shared > 0:
                waited, now = True, loop.time()
        elif budget.waiters or not budget.admits(started):
            now = await self._queue(loop, budget.waiters, deadline, budget, now)
            waited = True
        else:
            budget.pending += 1
        if self._slots or self.in_flight >= self.cap:
            try:
                now = await self._queue(loop, self._slots, deadline, None, now)
            except BaseException:
                budget.pending -= 1
                self._wake_bucket(budget)
                if shared is not None and self.shared is not None:
                    self.shared.release(bucket, 0, None)
                raise
            waited = True
        else:
            self.in_flight += 1
        return budget, now - started if waited else 0.0

    async def _reserve_shared(
        self, shared: SharedBudget, budget: Budget, deadline: float | None
    ) -> float | None:
        """A place in the shared budget (seconds waited), or None: pace locally, keeping to
        1/n of the share while n processes were sharing it."""
        share = self._shares.get(budget.name, self.policy.max_share)
        waited = await shared.reserve(budget, share, self._okta_now, deadline)
        if waited is None:
            budget.reshare(share / shared.peers)
        return waited

    def _okta_now(self) -> float:
        """Okta's time now (epoch seconds), as this client estimates it from ``Date``."""
        offset = self.clock.offset
        return self._wall() if offset is None else asyncio.get_running_loop().time() + offset

    async def aclose(self) -> None:
        """Let what the shared budget still has to tell Redis finish, and close its client."""
        if self.shared is not None:
            await self.shared.aclose()

    async def _queue(
        self,
        loop: asyncio.AbstractEventLoop,
        queue: deque[asyncio.Future[None]],
        deadline: float | None,
        budget: Budget | None,
        started: float,
    ) -> float:
        """Wait in ``queue`` from ``started`` (loop time) until handed a place; the loop time it
        was handed (one clock reading serves the stats and the caller)."""
        waiter: asyncio.Future[None] = loop.create_future()
        queue.append(waiter)
        if budget is not None:
            self._schedule_reset(loop, budget)
        if deadline is not None:
            self._watch(loop, waiter, deadline)
        if logger.isEnabledFor(logging.DEBUG):
            self._log_wait(budget, started)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                # Handed a place just as we gave up: pass it on.
                if budget is None:
                    self.in_flight -= 1
                    self._wake_slots()
                else:
                    budget.pending -= 1
                    self._wake_bucket(budget)
            else:
                waiter.cancel()
                if waiter in queue:
                    queue.remove(waiter)
            if budget is not None and not budget.waiters and budget.timer is not None:
                budget.timer.cancel()  # nobody left to wake
                budget.timer = None
            raise
        finally:
            ended = loop.time()
            self.stats.waited += ended - started
            if deadline is not None:
                self._unwatch(waiter)
        return ended

    # Deadlines of queued requests: one timer for all of them (at the earliest), not one each,
    # which would cost a timer handle per queued request (the usual case at high concurrency).

    def _watch(self, loop: asyncio.AbstractEventLoop, waiter: asyncio.Future[None], deadline: float) -> None:
        self._deadlines[waiter] = deadline
        if self._sweep is None or deadline < self._sweep.when():
            if self._sweep is not None:
                self._sweep.cancel()
            self._sweep = loop.call_at(deadline, self._expire, loop)

    def _unwatch(self, waiter: asyncio.Future[None]) -> None:
        self._deadlines.pop(waiter, None)
        if not self._deadlines and self._sweep is not None:
            self._sweep.cancel()
            self._sweep = None

    def _expire(self, loop: asyncio.AbstractEventLoop) -> None:
        """Fail the queued requests whose deadline passed (they raise ``TimeoutError``)."""
        self._sweep = None
        now = loop.time()
        for waiter, deadline in list(self._deadlines.items()):
            if deadline <= now:
                del self._deadlines[waiter]
                if not waiter.done():
                    waiter.set_exception(TimeoutError())
        if self._deadlines:
            self._sweep = loop.call_at(min(self._deadlines.values()), self._expire, loop)

    def _log_wait(self, budget: Budget | None, now: float) -> None:
        if budget is None:
            logger.debug("waiting for one of %d in-flight slots", self.cap)
        elif budget.limit is None:
            logger.debug("waiting for the first answer of rate-limit bucket %r", budget.name)
        else:
            resets_in = max(0.0, budget.reset_local - now)
            logger.debug(
                "waiting for rate-limit bucket %r: %d of %d left, resets in %.1f s",
                budget.name,
                budget.remaining,
                budget.limit,
                resets_in,
                # As data too (see retry.RetryNotice): the bucket, and when it resets (loop time).
                extra={WAIT_LOG_KEY: (budget.name, budget.reset_local, resets_in)},
            )

    def _schedule_reset(self, loop: asyncio.AbstractEventLoop, budget: Budget) -> None:
        if budget.timer is None and budget.reset_local != math.inf:
            budget.timer = loop.call_at(budget.reset_local, self._on_reset, budget)

    def _on_reset(self, budget: Budget) -> None:
        budget.timer = None
        self._wake_bucket(budget)

    def _wake_bucket(self, budget: Budget) -> None:
        waiters = budget.waiters
        if not waiters:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        while waiters and budget.admits(now):
            waiter = waiters.popleft()
            if not waiter.done():
                budget.pending += 1
                waiter.set_result(None)
        if waiters:
            self._schedule_reset(loop, budget)

    def _wake_slots(self) -> None:
        slots = self._slots
        while slots and self.in_flight < self.cap:
            waiter = slots.popleft()
            if not waiter.done():
                self.in_flight += 1
                waiter.set_result(None)

    def release(
        self,
        budget: Budget,
        status: int,
        headers: Mapping[str, str] | None,
        limits: RateLimitHeaders | None,
    ) -> None:
        """Give back the request's place and learn from its answer (``headers`` and its
        rate-limit ``limits`` None: no answer)."""
        self.in_flight -= 1
        budget.pending -= 1
        try:
            numbers = None if limits is None else limits.numbers
            if headers is not None and numbers is not None:
                self._learn(budget, status, headers, numbers)
            elif headers is not None and budget.limit is None and status < 500 and status != 429:
                budget.limit = -1  # this bucket's answers carry no numbers: nothing to pace by
            if status != 429 and self.cap < self._max_in_flight:
                self._successes += 1
                if self._successes >= self.cap * GROWTH_PER_SLOT:
                    self._successes = 0
                    self.cap += 1
        finally:  # whatever the answer held, the requests queued behind this one go on
            if self.shared is not None:
                self.shared.release(budget.name, status, limits)  # None with no answer
            if budget.waiters:
                self._wake_bucket(budget)
            if self._slots:
                self._wake_slots()

    def _learn(
        self, budget: Budget, status: int, headers: Mapping[str, str], numbers: tuple[int, int, int]
    ) -> None:
        if numbers[0] == 0:
            if status == 429:  # a concurrency 429: fewer in flight than we had is what fits
                self.cap = max(1, min(self.cap, self.in_flight))
                self._successes = 0
                logger.debug("concurrency 429: in-flight cap lowered to %d", self.cap)
        else:
            now = asyncio.get_running_loop().time()
            self.clock.observe(headers.get(hdrs.DATE), now, self._wall)
            if not budget.same_window(numbers):
                self._new_window(budget, numbers, now)
            if status == 429:
                budget.refused(numbers[1])
        if self.policy.on_update is not None:
            try:
                self.policy.on_update(rate_limit_state(budget.name, numbers, self.cap))
            except Exception:  # a user's hook must not fail the call
                logger.warning("the rate-limit on_update hook raised", exc_info=True)

    def _new_window(self, budget: Budget, numbers: tuple[int, int, int], now: float) -> None:
        """Take an answer that may start a window or change the limit (``Budget.update``)."""
        until = self.clock.seconds_until(numbers[2], now, self._wall)
        if until > MAX_HINTED_WAIT:  # past any window of Okta's: a broken answer, or a clock
            logger.debug(
                "rate-limit bucket %r resets in %.0f s by its headers: waiting %.0f s at most",
                budget.name,
                until,
                MAX_HINTED_WAIT,
            )
            until = MAX_HINTED_WAIT
        budget.update(numbers, until, now, self._shares.get(budget.name, self.policy.max_share))


def rate_limit_state(bucket: str, numbers: tuple[int, int, int], cap: int) -> RateLimitState:
    limit, remaining, reset = numbers
    try:
        reset_at: datetime | None = datetime.fromtimestamp(reset, UTC)
    except (OverflowError, OSError, ValueError):
        reset_at = None
    return RateLimitState(bucket, limit, remaining, reset_at, cap)

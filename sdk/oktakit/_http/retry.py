"""Which failures are sent again, after how long, and when to stop; the loop itself is stamina's.

The rules, so that a retry can never repeat an effect:

- 429: always (Okta did not process the request), after the bucket's reset plus jitter;
  no wait on a server's hint is longer than one of Okta's one-minute windows (``_hints``);
- no connection established (refused, DNS, TLS handshake, connect timeout): always;
- 5xx, a connection lost after sending, a read timeout: only for an operation whose repeat is
  harmless (GET, PUT, DELETE, and the POSTs the spec marks ``x-oktakit-retry-safe``);
- any other 4xx, configuration errors, unreadable 2xx bodies: never.

Attempts and a deadline per call bound it all; the error that reaches the caller carries
``attempts`` and ``stop_reason`` and a note saying both. ``stamina.set_testing(True)`` turns
retries off (and waits to zero) in tests, ours and our users'.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from oktakit.errors import (
    ConfigurationError,
    OktaError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)

from .hints import MAX_HINTED_WAIT
from .stats import Stats

if TYPE_CHECKING:
    from oktakit_api.operations import Operation

logger = logging.getLogger("oktakit")

T = TypeVar("T")


def _seconds(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not _seconds(value) or not value > 0:
        raise ConfigurationError(f"{attribute.name} must be a positive, finite number, not {value!r}")


def _not_negative(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not _seconds(value) or not value >= 0:
        raise ConfigurationError(f"{attribute.name} must be zero or more seconds (finite), not {value!r}")


def _attempts(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"attempts must be a positive integer, not {value!r}")


def _deadline(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _positive(instance, attribute, value)


@attrs.frozen
class RetryPolicy:
    """How hard a client tries.

    ``attempts``: at most this many sends per call (1 turns retries off). ``deadline``: seconds
    from the call's start after which no new attempt or wait begins (waits for a rate-limit
    reset included; None for no deadline). Without a hint from Okta the wait doubles from
    ``wait_initial`` up to ``wait_max``; every wait gets up to ``jitter`` seconds added. A hint
    from Okta (a reset, a ``Retry-After``) is followed for at most 60 s, so even without a
    deadline a call ends. Every number must be finite.
    """

    attempts: int = attrs.field(default=5, validator=_attempts)
    deadline: float | None = attrs.field(default=300.0, validator=_deadline)
    wait_initial: float = attrs.field(default=0.5, validator=_positive)
    wait_max: float = attrs.field(default=30.0, validator=_positive)
    jitter: float = attrs.field(default=1.0, validator=_not_negative)


#: Methods whose repetition is harmless by HTTP; used for requests of no known operation.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def retry_safe(operation: Operation[Any] | None, method: str) -> bool:
    """Whether a request whose answer was lost may be sent again: as the registry says for its
    operation (``x-oktakit-retry-safe``), by the method for a request of no known operation."""
    return method in IDEMPOTENT_METHODS if operation is None else operation.retry_safe


def retry_reason(exc: BaseException, retry_safe: bool) -> str | None:
    """Why ``exc`` may be retried (a short phrase for logs), or None if it must not be."""
    if isinstance(exc, RateLimitError):
        return "HTTP 429"
    if isinstance(exc, TransportError):
        if not exc.connected:
            return "no connection"
        lost = "timeout" if isinstance(exc, RequestTimeoutError) else "connection lost"
        return lost if retry_safe else None
    return f"HTTP {exc.status}" if isinstance(exc, ServerError) and retry_safe else None


def backoff(exc: BaseException, attempt: int, policy: RetryPolicy, rng: random.Random) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based).

    Okta's hint wins: a 429's reset (read against the answer's ``Date``), a 5xx's
    ``Retry-After``, never more than one of Okta's windows (``MAX_HINTED_WAIT``); otherwise
    exponential. Jitter spreads the clients woken by one reset.
    """
    hint = exc.retry_after if isinstance(exc, (RateLimitError, ServerError)) else None
    if hint is not None and hint == hint:  # noqa: PLR0124 - not NaN (without a float conversion)
        # Bounded when read from the headers already; an error built by other code may not be.
        wait = float(min(max(hint, 0.0), MAX_HINTED_WAIT))
    else:
        wait = min(policy.wait_max, policy.wait_initial * 2 ** min(attempt - 1, 64))
    return wait + rng.uniform(0, policy.jitter)


class _Decider:
    """stamina's backoff hook for one call: decides, counts, logs, remembers why it stopped."""

    __slots__ = ("attempts", "deadline", "label", "next_wait", "policy", "retry_safe", "rng", "stop_reason")

    def __init__(self, policy: RetryPolicy, retry_safe: bool, deadline: float | None, label: str) -> None:
        self.policy, self.retry_safe = policy, retry_safe
        self.deadline, self.label = deadline, label
        self.next_wait = 0.0
        self.rng = random.Random()  # noqa: S311 - jitter, not security
        self.attempts = 0
        self.stop_reason: str | None = None

    def __call__(self, exc: Exception) -> bool | float:
        self.attempts += 1
        now = asyncio.get_running_loop().time()
        if self.deadline is not None and now >= self.deadline:
            self.stop_reason = "the deadline passed"
            return False
        reason = retry_reason(exc, self.retry_safe)
        if reason is None:
            self.stop_reason = "not retryable" if not _resendable_failure(exc) else "not safe to resend"
            return False
        if self.attempts >= self.policy.attempts:
            self.stop_reason = f"{reason}, no attempts left"
            return False
        wait = backoff(exc, self.attempts, self.policy, self.rng)
        import stamina

        if stamina.is_testing():
            wait = 0.0
        if self.deadline is not None and now + wait > self.deadline:
            self.stop_reason = f"{reason}, the deadline comes before the next attempt"
            return False
        self.next_wait = wait
        logger.debug(
            "%s failed (%s, attempt %d of %d): retrying in %.2f s",
            self.label,
            reason,
            self.attempts,
            self.policy.attempts,
            wait,
        )
        return wait


def _resendable_failure(exc: BaseException) -> bool:
    # Failures that a retry-safe operation would have retried.
    return isinstance(exc, (ServerError, TransportError))


class Retrier:
    """Runs one call's attempts under a ``RetryPolicy``."""

    def __init__(self, policy: RetryPolicy, stats: Stats) -> None:
        self.policy = policy
        self.stats = stats

    def deadline(self) -> float | None:
        """The loop time at which a call starting now must stop trying."""
        if self.policy.deadline is None:
            return None
        return asyncio.get_running_loop().time() + self.policy.deadline

    async def after(
        self,
        first: OktaError,
        send: Callable[[], Awaitable[T]],
        *,
        retry_safe: bool,
        deadline: float | None,
        label: str,
    ) -> T:
        """Go on after a first attempt failed with ``first``, until a send succeeds or the policy
        says stop. The first attempt runs outside stamina (and outside this coroutine: a call
        that succeeds pays nothing here); its failure is replayed as stamina's first attempt, so
        stamina counts, waits and stops."""
        failure: OktaError | None = first
        import stamina  # only once something failed: importing it (and tenacity) is not free

        decider = _Decider(self.policy, retry_safe, deadline, label)
        try:
            async for attempt in stamina.retry_context(
                on=decider,
                attempts=self.policy.attempts,
                timeout=None,  # our deadline, checked by the decider, includes rate-limit waits
            ):
                with attempt:
                    if failure is not None:
                        replay, failure = failure, None
                        raise replay
                    self.stats.retries += 1  # counted here: stamina may stop before the hook's wait
                    self.stats.waited += decider.next_wait
                    return await send()
        except OktaError as exc:
            _annotate(exc, decider)
            raise
        raise AssertionError("unreachable")


def _annotate(exc: OktaError, decider: _Decider) -> None:
    exc.attempts = max(decider.attempts, 1)
    if decider.stop_reason is None:  # stamina stopped first: its testing mode, or set_active(False)
        decider.stop_reason = "retries are off (stamina)"
    exc.stop_reason = decider.stop_reason
    if exc.attempts > 1 or decider.stop_reason != "not retryable":
        noun = "attempt" if exc.attempts == 1 else "attempts"
        exc.add_note(f"oktakit gave up after {exc.attempts} {noun}: {decider.stop_reason}")

"""Which failures are sent again, after how long, and when to stop (the loop is the transport's).

The rules, so that a retry can never repeat an effect:

- 429: always (Okta did not process the request), after the bucket's reset plus jitter;
  no wait on a server's hint is longer than one of Okta's one-minute windows (``_hints``);
- no connection established (refused, DNS, TLS handshake, connect timeout): always;
- 5xx, a connection lost after sending, a read timeout: only for an operation whose repeat is
  harmless (GET, PUT, DELETE, and the POSTs the spec marks ``x-oktakit-retry-safe``);
- any other 4xx, configuration errors, unreadable 2xx bodies: never.

Attempts and a deadline per call bound it all; the error that reaches the caller carries
``attempts`` and ``stop_reason`` and a note saying both. ``stamina.set_testing(True)`` turns
retries off (and waits to zero) in tests, ours and our users'. The loop is not stamina's: its
context costs some 19 µs per call that succeeds at once (measured), a tenth of a call's CPU;
stamina's switches and instrumentation hooks are honoured instead (``Retrier``).
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from typing import Any, ClassVar

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

logger = logging.getLogger("oktakit")


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


@attrs.frozen
class RetryNotice:
    """A retry about to happen, as the ``oktakit`` logger's retry record carries it (in the
    record's attribute ``LOG_KEY``): the request (``"GET /api/v1/users/{id}"``, the path
    template), why it is resent, the number of the attempt to come, the attempts allowed and
    the wait before it."""

    LOG_KEY: ClassVar[str] = "oktakit_retry"

    request: str
    reason: str
    attempt: int
    attempts: int
    wait: float


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


class Retrier:
    """The retry decisions of one client: whether a failed attempt is sent again, after how
    long (openai-python's ``_should_retry`` and ``_calculate_retry_timeout``, in one step); the
    loop itself is the transport's (``Transport.request``).

    stamina's switches are honoured: ``stamina.set_testing(True, attempts=n)`` allows ``n``
    attempts with no waits, ``set_active(False)`` one; each retry is reported to stamina's
    instrumentation hooks (``stamina.retry_scheduled`` in its logs), as stamina's own loop does.
    """

    def __init__(self, policy: RetryPolicy, stats: Stats) -> None:
        self.policy = policy
        self.stats = stats
        self._rng = random.Random()  # noqa: S311 - jitter, not security

    def next_wait(
        self,
        error: OktaError,
        attempt: int,
        *,
        retry_safe: bool,
        deadline: float | None,
        label: str,
        waited: float = 0.0,
    ) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None to give up: then ``error``
        says how many attempts were made and why they stopped (``waited``: seconds waited
        between this call's attempts so far, for stamina's hooks)."""
        import stamina  # only once something failed: importing it is not free

        stop, wait = self._decide(error, attempt, retry_safe, deadline, stamina)
        if stop is not None:
            error.attempts = attempt
            error.stop_reason = stop
            if attempt > 1 or stop != "not retryable":
                noun = "attempt" if attempt == 1 else "attempts"
                error.add_note(f"oktakit gave up after {attempt} {noun}: {stop}")
            return None
        self.stats.retries += 1
        self.stats.waited += wait
        reason = retry_reason(error, retry_safe) or "retryable"
        # The record carries the retry as data too, for an application that shows it its own
        # way (the command line's one line per retry); the message is for plain log handlers.
        notice = RetryNotice(label, reason, attempt + 1, self.policy.attempts, wait)
        logger.debug(
            "%s failed (%s, attempt %d of %d): retrying in %.2f s",
            label,
            reason,
            attempt,
            self.policy.attempts,
            wait,
            extra={RetryNotice.LOG_KEY: notice},
        )
        _report_to_stamina(stamina, error, attempt, wait, waited)
        return wait

    def _decide(
        self, error: OktaError, attempt: int, retry_safe: bool, deadline: float | None, stamina: Any
    ) -> tuple[str | None, float]:
        """(why to stop, or None; the wait before the next attempt)."""
        now = asyncio.get_running_loop().time()
        if deadline is not None and now >= deadline:
            return "the deadline passed", 0.0
        reason = retry_reason(error, retry_safe)
        if reason is None:
            return ("not safe to resend" if _resendable_failure(error) else "not retryable"), 0.0
        if attempt >= self.policy.attempts:
            return f"{reason}, no attempts left", 0.0
        wait = 0.0 if stamina.is_testing() else backoff(error, attempt, self.policy, self._rng)
        if deadline is not None and now + wait > deadline:
            return f"{reason}, the deadline comes before the next attempt", 0.0
        if attempt >= _stamina_attempts(stamina, self.policy.attempts):
            return "retries are off (stamina)", 0.0
        return None, wait


def _resendable_failure(exc: BaseException) -> bool:
    # Failures that a retry-safe operation would have retried.
    return isinstance(exc, (ServerError, TransportError))


def _stamina_attempts(stamina: Any, configured: int) -> int:
    """The attempts stamina's switches allow: one when it is inactive; in its testing mode, the
    ``attempts`` given to ``set_testing``. stamina has no getter for that number, so its config
    is read here, the one place (tests/http/test_rate_limits_and_retries.py pins the behaviour)."""
    if not stamina.is_active():
        return 1
    if not stamina.is_testing():
        return configured
    try:
        from stamina._config import CONFIG

        testing = CONFIG.testing
        return configured if testing is None else int(testing.get_attempts(configured))
    except (ImportError, AttributeError, TypeError, ValueError):
        # A stamina that keeps its config elsewhere: its testing mode's default, one attempt.
        return 1


def _report_to_stamina(stamina: Any, error: OktaError, attempt: int, wait: float, waited: float) -> None:
    """Call stamina's on-retry hooks as its loop would (a hook that fails is logged, never
    raised; a hook's context manager, if it returns one, is not entered: none of stamina's does)."""
    details = stamina.instrumentation.RetryDetails(
        name="oktakit",
        args=(),
        kwargs={},
        retry_num=attempt,
        wait_for=wait,
        waited_so_far=waited,
        caused_by=error,
    )
    for hook in stamina.instrumentation.get_on_retry_hooks():
        try:
            hook(details)
        except Exception:
            logger.warning("a stamina on-retry hook raised", exc_info=True)

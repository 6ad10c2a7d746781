"""Okta's rate-limit and retry hints, read as untrusted input: bounded, and never an exception.

A header that is not a plain number in a plausible range (``Retry-After: ²``, a 400-digit
``X-Rate-Limit-Reset``, ``-1``, ``NaN``) is ignored, with a DEBUG record saying so, as if the
answer had not carried it. A readable hint never asks for a wait longer than ``MAX_HINTED_WAIT``:

Okta's rate-limit windows are one minute long ("Counters typically reset every 60 seconds",
developer.okta.com/docs/reference/rate-limits/, documented; OKTA-FACTS §3.1), so a bucket's
reset is never more than a minute away, and neither is the end of a concurrency 429 (Okta's
"estimated time interval"). A hint further out than that is a broken or hostile answer, not
Okta: waiting on it would stall a call (with ``deadline=None``, forever), so the wait is cut to
one window. A 5xx's ``Retry-After`` is held to the same bound.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from multidict import istr

from oktakit._text import printable

logger = logging.getLogger("oktakit")

#: The longest wait any hint from the server can ask for, in seconds: one of Okta's windows.
MAX_HINTED_WAIT = 60.0
#: Requests per window far beyond any bucket (Okta's published limits are at most a few thousand
#: a minute, and DynamicScale multiplies them by up to ten; the simulator's "unlimited" is 10⁹):
#: the bound only keeps the arithmetic exact.
MAX_LIMIT = 10**12
#: 9999-12-31T23:59:59Z, the last instant a ``datetime`` can hold: a reset past it is absurd.
MAX_EPOCH = 253_402_300_799


def _digits(value: str) -> bool:
    """Whether ``value`` is 1 to 15 plain ASCII digits, surrounding whitespace aside: int() would
    also take "+5", "5_000" and other scripts' digits. (For ASCII text, isdigit() is 0-9 only.)"""
    text = value.strip()
    return 0 < len(text) <= 15 and text.isascii() and text.isdigit()


def _number(headers: Mapping[str, str], name: str, maximum: int) -> int | None:
    """A header as a whole number from 0 to ``maximum``; None (and a DEBUG record) otherwise."""
    value = headers.get(name)
    if value is None:
        return None
    # Okta's own value is bare digits: taken at once; anything else is checked the long way.
    if value.isdigit() and value.isascii() and len(value) <= 15:
        number: int | None = int(value)
    else:
        number = int(value) if _digits(value) else None
    if number is None or number > maximum:
        logger.debug("ignoring the unreadable %s header %s", name, _shown(value))
        return None
    return number


def _shown(value: str) -> str:
    return repr(printable(value, 40))


class RateLimitHeaders(NamedTuple):
    """Okta's ``X-Rate-Limit-*`` headers of one answer, each read once and bounded; None where
    absent or unreadable. The transport reads them once per answer and hands them on (to the
    pacer, the error, the stats)."""

    limit: int | None
    remaining: int | None
    #: Okta's ``X-Rate-Limit-Reset``: the epoch second the bucket refills, on Okta's clock.
    reset: int | None

    @property
    def numbers(self) -> tuple[int, int, int] | None:
        """``(limit, remaining, reset)`` when all three are readable (remaining at most the
        limit, except for a concurrency 429's limit of 0)."""
        limit, remaining, reset = self
        if limit is None or remaining is None or reset is None:
            return None
        return limit, min(remaining, limit) if limit else remaining, reset

    @property
    def kind(self) -> str:
        """What a 429 ran into: ``rate``, ``concurrency`` (limit 0) or ``no_headers``."""
        numbers = self.numbers
        if numbers is None:
            return "no_headers"
        return "concurrency" if numbers[0] == 0 else "rate"


# The names as multidict's case-insensitive keys: aiohttp's headers find them without folding
# the name's case on every lookup.
_LIMIT = istr("X-Rate-Limit-Limit")
_REMAINING = istr("X-Rate-Limit-Remaining")
_RESET = istr("X-Rate-Limit-Reset")
# NamedTuple's own __new__ is a Python function: a third of this reader's time on every answer.
_limits = tuple.__new__
#: Okta's headers as read before, by their text: the limit and the reset stay the same for a
#: whole window and each ``remaining`` recurs once a window, so most answers are found here
#: (int() of three strings costs more than the rest of the reader). Only values that passed the
#: fast path's checks are kept; emptied once it holds ``_SEEN_MAX``, so it never grows unbounded.
_SEEN: dict[tuple[str, str, str], RateLimitHeaders] = {}
_SEEN_MAX = 4096


def read_rate_limit(headers: Mapping[str, str]) -> RateLimitHeaders:
    """The rate-limit headers of one answer: the one reader of them."""
    get = headers.get
    limit, remaining, reset = get(_LIMIT), get(_REMAINING), get(_RESET)
    # Okta's own answers: three short runs of ASCII digits, well within their bounds (a limit of
    # 12 digits stays below MAX_LIMIT, a reset of 11 below MAX_EPOCH), read at once. Anything
    # else is read header by header, each with its checks and DEBUG record.
    if limit and remaining and reset:
        key = (limit, remaining, reset)
        known = _SEEN.get(key)
        if known is not None:
            return known
        if len(limit) <= 12 and len(remaining) <= 12 and len(reset) <= 11:
            digits = limit + remaining + reset
            if digits.isdigit() and digits.isascii():
                if len(_SEEN) >= _SEEN_MAX:
                    _SEEN.clear()
                read = _SEEN[key] = _limits(RateLimitHeaders, (int(limit), int(remaining), int(reset)))
                return read
    return RateLimitHeaders(
        _number(headers, _LIMIT, MAX_LIMIT),
        _number(headers, _REMAINING, MAX_LIMIT),
        _number(headers, _RESET, MAX_EPOCH),
    )


def http_date(value: str | None) -> datetime | None:
    """Parse an HTTP ``Date`` header; ``None`` when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def server_now(headers: Mapping[str, str]) -> float:
    """The answer's ``Date`` in epoch seconds (Okta's clock), or ours when it has none."""
    date = http_date(headers.get("Date"))
    return time.time() if date is None else date.timestamp()


def bounded_wait(seconds: float, what: str) -> float:
    """A wait a hint asks for, from 0 to ``MAX_HINTED_WAIT``."""
    if seconds > MAX_HINTED_WAIT:
        logger.debug(
            "%s asks for a wait of %.0f s, longer than Okta's %.0f s windows: waiting %.0f s",
            what,
            seconds,
            MAX_HINTED_WAIT,
            MAX_HINTED_WAIT,
        )
        return MAX_HINTED_WAIT
    return max(0.0, seconds)


def retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` as bounded seconds: delta-seconds, or an HTTP date read against ``Date``."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    if _digits(value):
        return bounded_wait(float(value), "Retry-After")
    when = http_date(value)
    if when is None:
        logger.debug("ignoring the unreadable Retry-After header %s", _shown(value))
        return None
    return bounded_wait(when.timestamp() - server_now(headers), "Retry-After")


def reset_wait(reset: int, headers: Mapping[str, str]) -> float:
    """Seconds until the bucket's reset, on the answer's own clock, bounded."""
    return bounded_wait(reset - server_now(headers), "X-Rate-Limit-Reset")

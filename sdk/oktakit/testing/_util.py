"""Small shared helpers: the injectable clock, Okta-style ids and timestamp formats."""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import formatdate

#: A clock returns "now" as UTC epoch seconds. Everything time-dependent in the simulator
#: (timestamps, rate-limit windows, the Date header) reads the same clock, so tests can
#: inject a ManualClock and never sleep.
Clock = Callable[[], float]

BASE62 = string.digits + string.ascii_letters
_SORTED62 = "".join(sorted(BASE62))  # 0-9, A-Z, a-z: the order of str comparison
_ERROR_ID_ALPHABET = BASE62 + "-_"
# Okta's ids are 20 characters: a 3-character type prefix and 17 base62 characters.
_ID_BODY_LENGTH = 17


class ManualClock:
    """A clock that only moves when told to (for deterministic rate-limit tests)."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:
        # Default start: 2026-01-01T00:00:00Z, after every seeded timestamp.
        self._now = float(start)

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds

    def set(self, now: float) -> None:
        self._now = float(now)


def okta_id(rng: random.Random, prefix: str) -> str:
    """An id shaped like Okta's, e.g. ``00u`` + 17 base62 characters."""
    return prefix + "".join(rng.choices(BASE62, k=_ID_BODY_LENGTH))


def successor(text: str) -> str:
    """The next string of base62 characters (as digits), in the order Python sorts them."""
    digits = [_SORTED62.index(c) for c in text]
    for index in reversed(range(len(digits))):
        digits[index] = (digits[index] + 1) % len(_SORTED62)
        if digits[index]:
            break
    else:
        raise OverflowError(f"no base62 string of length {len(text)} follows {text!r}")
    return "".join(_SORTED62[d] for d in digits)


def random_token(rng: random.Random, length: int) -> str:
    return "".join(rng.choices(BASE62, k=length))


def error_id(rng: random.Random) -> str:
    """25 characters like Okta's ``oaeHfmOAx1iRLa0H10DeMz5fQ``."""
    return "oae" + "".join(rng.choices(_ERROR_ID_ALPHABET, k=22))


def iso8601(ts: float) -> str:
    """UTC timestamp with milliseconds and ``Z``, the format Okta uses everywhere."""
    millis = round(ts * 1000)
    seconds, ms = divmod(millis, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{ms:03d}Z"


def iso8601_or_none(ts: float | None) -> str | None:
    return None if ts is None else iso8601(ts)


def parse_iso8601(text: str) -> float:
    """Parse an ISO-8601 date-time (offset optional, UTC assumed); raise ValueError."""
    if len(text) < 10:
        raise ValueError(text)
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


class HttpDate:
    """RFC 7231 ``Date`` values, formatted once per second (the hot path calls this)."""

    __slots__ = ("_second", "_text")

    def __init__(self) -> None:
        self._second = -1
        self._text = ""

    def __call__(self, ts: float) -> str:
        second = int(ts)
        if second != self._second:
            self._second = second
            self._text = formatdate(second, usegmt=True)
        return self._text

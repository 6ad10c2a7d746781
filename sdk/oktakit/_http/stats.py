"""Counters a client keeps about its own traffic, and the snapshot users read (``okta.stats``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

#: The kinds of 429: a bucket's rate (``X-Rate-Limit-Limit`` > 0), the org's concurrency limit
#: (``X-Rate-Limit-Limit: 0``), or a 429 without rate-limit headers (a proxy, or Okta's edge).
RATE_LIMIT_KINDS = ("rate", "concurrency", "no_headers")


@attrs.frozen
class ClientStats:
    """What one client has done so far; a snapshot, so compare two to see a run's share.

    >>> okta.stats.rate_limited["rate"], okta.stats.waited
    """

    #: Requests sent (each attempt and each auth resend counts).
    requests: int
    #: 429 answers by kind: ``rate``, ``concurrency``, ``no_headers``.
    rate_limited: Mapping[str, int]
    #: Attempts made again after a retryable failure.
    retries: int
    #: Seconds spent waiting: for a bucket to reset, for an in-flight slot, and between retries.
    waited: float

    def __repr__(self) -> str:
        limited = ", ".join(f"{kind} {count}" for kind, count in self.rate_limited.items())
        return (
            f"<ClientStats {self.requests} requests, 429s: {limited}, {self.retries} retries, "
            f"waited {self.waited:.1f} s>"
        )


class Stats:
    """The live counters (cheap to bump on every request)."""

    __slots__ = ("rate_limited", "requests", "retries", "waited")

    def __init__(self) -> None:
        self.requests = 0
        self.retries = 0
        self.waited = 0.0
        self.rate_limited = dict.fromkeys(RATE_LIMIT_KINDS, 0)

    def snapshot(self) -> ClientStats:
        return ClientStats(
            requests=self.requests,
            rate_limited=MappingProxyType(dict(self.rate_limited)),
            retries=self.retries,
            waited=self.waited,
        )

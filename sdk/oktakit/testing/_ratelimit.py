"""Okta-style rate limiting: per-bucket request counters and an org-wide concurrency cap.

A request is counted in one bucket, chosen per HTTP method by exact path match first and then
by the longest matching path prefix, as Okta documents. Each bucket counts requests in a
window that starts with its first request (Okta windows are not aligned to wall-clock
minutes); a window of whole seconds starts on the whole second, as Okta's do ("12:00:20 to
12:01:19"), so ``X-Rate-Limit-Reset`` is exact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Final, NamedTuple

from oktakit._traits import bucket_table
from oktakit.ratelimit import match_bucket

from ._util import Clock

_WILDCARD: Final = None


@dataclass(frozen=True, slots=True)
class BucketRule:
    """One bucket: a path pattern (``{name}`` or ``*`` segments match any one segment)."""

    pattern: str
    limit: int
    methods: tuple[str, ...] = ("*",)
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"{'|'.join(self.methods)} {self.pattern}"


def _spec_buckets() -> tuple[BucketRule, ...]:
    """The buckets the spec's operations count in (``x-okta-rate-limit``), named as in the spec."""
    rules = []
    for name, per_minute in bucket_table().items():
        methods, _, pattern = name.rpartition(" ")
        rules.append(BucketRule(pattern, per_minute, tuple(methods.split("|")) if methods else ("*",), name))
    return tuple(rules)


# Okta's published per-minute defaults: the spec's buckets, then the routes outside the spec.
# The org authorization server's token endpoint counts in a bucket of its own; anything else
# falls into the catch-all buckets.
_OUTSIDE_THE_SPEC = (
    BucketRule("/oauth2/v1/token", 600, ("POST",)),
    BucketRule("/api/v1", 1200, name="/api/v1"),
    BucketRule("/", 1200, name="default"),
)
OKTA_DEFAULT_BUCKETS: Final[tuple[BucketRule, ...]] = (
    *_spec_buckets(),
    *(rule for rule in _OUTSIDE_THE_SPEC if rule.label not in bucket_table()),
)


@dataclass(frozen=True, slots=True)
class RateLimitConfig:
    buckets: tuple[BucketRule, ...] = OKTA_DEFAULT_BUCKETS
    #: Length of a counting window in seconds.
    window: float = 60.0
    #: Simultaneous in-flight requests before Okta answers 429 (75 on Workforce orgs).
    concurrency: int = 75
    #: Seconds added to "now" for the suggested X-Rate-Limit-Reset of a concurrency 429.
    concurrency_retry_after: float = 1.0

    @classmethod
    def uniform(cls, limit: int, *, window: float = 60.0, concurrency: int = 75) -> RateLimitConfig:
        """Okta's buckets, each allowing ``limit`` requests per ``window``."""
        buckets = tuple(replace(rule, limit=limit) for rule in OKTA_DEFAULT_BUCKETS)
        return cls(buckets=buckets, window=window, concurrency=concurrency)

    @classmethod
    def unlimited(cls) -> RateLimitConfig:
        """Headers as usual but limits nobody reaches (for throughput benchmarks)."""
        return cls.uniform(1_000_000_000, concurrency=1_000_000)


@dataclass(slots=True)
class Bucket:
    label: str
    limit: int
    window: float
    methods: frozenset[str]
    segments: tuple[str | None, ...]
    count: int = 0
    start: float = field(default=-math.inf)
    #: Windows opened so far (a test can count the windows a run needed).
    windows: int = 0

    @property
    def remaining(self) -> int:
        return max(self.limit - self.count, 0)

    @property
    def reset_at(self) -> int:
        return math.ceil(self.start + self.window) if self.start > -math.inf else 0


class Decision(NamedTuple):  # a NamedTuple: built on every request, much cheaper than a frozen dataclass
    allowed: bool
    limit: int
    remaining: int
    reset: int


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


class RateLimiter:
    def __init__(self, config: RateLimitConfig, clock: Clock) -> None:
        self.clock = clock
        self.config = config
        self.buckets: list[Bucket] = [
            Bucket(
                rule.label,
                rule.limit,
                config.window,
                frozenset(m.upper() for m in rule.methods),
                tuple(_WILDCARD if s == "*" or s.startswith("{") else s for s in _segments(rule.pattern)),
            )
            for rule in config.buckets
        ]
        if not any(not bucket.segments and "*" in bucket.methods for bucket in self.buckets):
            # Every response must carry rate-limit headers, so there is always a catch-all.
            self.buckets.append(Bucket("default", 1_000_000_000, config.window, frozenset({"*"}), ()))
        self._by_label = {bucket.label: bucket for bucket in self.buckets}
        self._patterns = {
            bucket.label: (frozenset() if "*" in bucket.methods else bucket.methods, bucket.segments)
            for bucket in self.buckets
        }
        self.concurrency_limit = config.concurrency
        self.concurrency_retry_after = config.concurrency_retry_after
        self.in_flight = 0
        self._cache: dict[tuple[str, str], Bucket | None] = {}

    def bucket_for(self, method: str, path: str, *, cacheable: bool = False) -> Bucket | None:
        """The bucket counting ``method path``; pass route templates with ``cacheable``."""
        key = (method, path)
        if cacheable and key in self._cache:
            return self._cache[key]
        label = match_bucket(self._patterns, method, path)  # Okta's rule, as the client applies it
        best = None if label is None else self._by_label[label]
        if cacheable:
            self._cache[key] = best
        return best

    def hit(self, bucket: Bucket, now: float) -> Decision:
        if now >= bucket.start + bucket.window:
            window = bucket.window
            bucket.start = math.floor(now) if window == int(window) else now
            bucket.count = 0
            bucket.windows += 1
        bucket.count += 1
        return Decision(bucket.count <= bucket.limit, bucket.limit, bucket.remaining, bucket.reset_at)

    def concurrency_decision(self, now: float) -> Decision:
        # Okta: "The first two header values are always 0 for concurrent rate limit errors";
        # the reset is only a suggestion.
        return Decision(False, 0, 0, math.ceil(now + self.concurrency_retry_after))

    def bucket(self, label: str) -> Bucket:
        """The bucket of that label (``"GET /api/v1/users/{id}"``, the spec's bucket names)."""
        found = self._by_label.get(label)
        if found is None:
            raise KeyError(f"no rate-limit bucket {label!r}; have {self.labels()}")
        return found

    def set_limit(self, limit: int, *, bucket: str | None = None, window: float | None = None) -> None:
        """Change one bucket (by label, e.g. ``"GET /api/v1/users/{id}"``) or all of them."""
        targets = self.buckets if bucket is None else [self.bucket(bucket)]
        for target in targets:
            target.limit = limit
            if window is not None:
                target.window = window

    def labels(self) -> list[str]:
        return [bucket.label for bucket in self.buckets]

    def reset(self) -> None:
        for bucket in self.buckets:
            bucket.count = 0
            bucket.start = -math.inf
            bucket.windows = 0

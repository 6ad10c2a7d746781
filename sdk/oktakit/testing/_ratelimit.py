"""Okta-style rate limiting: per-bucket request counters and an org-wide concurrency cap.

The buckets are Okta's (``okta_spec/rate_limits.yaml``), matched the way the client matches
them (``oktakit._http.buckets``: an exact rule first, then the longest prefix), so operations Okta
counts together share one counter here too. Each bucket counts requests in a window that
starts with its first request (Okta windows are not aligned to wall-clock minutes); a window of
whole seconds starts on the whole second, as Okta's do ("12:00:20 to 12:01:19"), so
``X-Rate-Limit-Reset`` is exact.

With ``client_share`` each API token or service app may use only that share of a bucket (Okta's
default is half), and the headers report either the client's own share (``headers="client"``,
what Okta's recorded answers show) or the org's bucket (``headers="org"``), so a test can pace a
client under either reading.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Final, Literal, NamedTuple

from oktakit._http import buckets as _buckets
from oktakit._http.buckets import Rule

from ._util import Clock


@dataclass(frozen=True, slots=True)
class BucketRule:
    """One rule of a bucket: a path pattern (``{name}`` or ``*`` segments match any one segment)
    that matches the path and what is under it (``prefix``) or the whole path only (``exact``).
    Rules with the same ``name`` count in one bucket (the first one's ``limit`` applies)."""

    pattern: str
    limit: int
    methods: tuple[str, ...] = ("*",)
    name: str = ""
    match: Literal["prefix", "exact"] = "prefix"

    @property
    def label(self) -> str:
        return self.name or f"{'|'.join(self.methods)} {self.pattern}"


Edition = Literal["integrator_free", "one_app", "enterprise", "workforce"]


def okta_buckets(edition: Edition | None = None, *, scale: float = 1.0) -> tuple[BucketRule, ...]:
    """Okta's buckets with their default limits on ``edition`` (Workforce Identity by default),
    each multiplied by ``scale`` (at least 1) for tests that shorten the window too."""
    limits = _buckets.per_minute(edition)
    return tuple(
        BucketRule(
            r["path"],
            max(1, round(limits[name] * scale)),
            tuple(r.get("methods", ("*",))),
            name,
            r["match"],
        )
        for name, bucket in _buckets.table()["buckets"].items()
        for r in bucket["rules"]
    )


#: Okta's buckets with their Workforce Identity defaults (``okta_spec/rate_limits.yaml``).
OKTA_DEFAULT_BUCKETS: Final[tuple[BucketRule, ...]] = okta_buckets()


def _concurrency(edition: Edition | None) -> int:
    table = _buckets.table()
    return int(table["concurrency"]["per-edition"][edition or table["default_edition"]])


@dataclass(frozen=True, slots=True)
class RateLimitConfig:
    buckets: tuple[BucketRule, ...] = OKTA_DEFAULT_BUCKETS
    #: Length of a counting window in seconds.
    window: float = 60.0
    #: Simultaneous in-flight requests before Okta answers 429 (75 on Workforce orgs).
    concurrency: int = field(default_factory=lambda: _concurrency(None))
    #: Seconds added to "now" for the suggested X-Rate-Limit-Reset of a concurrency 429.
    concurrency_retry_after: float = 1.0
    #: The share of every bucket one API token or service app may use in its API calls (Okta's
    #: default is 0.5; the token endpoint counts in the org's bucket only); None: no such limit.
    client_share: float | None = None
    #: What the X-Rate-Limit-* headers report when ``client_share`` is set: the client's own
    #: share ("client") or the org's bucket ("org").
    headers: Literal["client", "org"] = "client"

    @classmethod
    def okta(
        cls,
        edition: Edition = "workforce",
        *,
        window: float = 60.0,
        scale: float = 1.0,
        client_share: float | None = None,
        headers: Literal["client", "org"] = "client",
    ) -> RateLimitConfig:
        """Okta's buckets, limits and concurrency on ``edition``; ``scale`` multiplies every
        limit (with a shorter ``window``, to run a long job in seconds)."""
        return cls(
            buckets=okta_buckets(edition, scale=scale),
            window=window,
            concurrency=_concurrency(edition),
            client_share=client_share,
            headers=headers,
        )

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
    count: int = 0
    start: float = field(default=-math.inf)
    #: Windows opened so far (a test can count the windows a run needed).
    windows: int = 0
    #: Requests of each client (API token or service app) in the current window.
    clients: Counter[str] = field(default_factory=Counter)

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


class RateLimiter:
    def __init__(self, config: RateLimitConfig, clock: Clock) -> None:
        self.clock = clock
        self.config = config
        self.buckets: list[Bucket] = []
        self._by_label: dict[str, Bucket] = {}
        rules: list[Rule] = []
        for rule in config.buckets:
            if rule.label not in self._by_label:
                bucket = Bucket(rule.label, rule.limit, config.window)
                self.buckets.append(bucket)
                self._by_label[rule.label] = bucket
            pattern = rule.pattern.replace("*", "{any}")
            rules.append(_buckets.rule(rule.label, pattern, methods=rule.methods, match=rule.match))
        if not any(not r.segments and not r.methods and not r.exact for r in rules):
            # Every response must carry rate-limit headers, so there is always a catch-all.
            catch_all = Bucket("default", 1_000_000_000, config.window)
            self.buckets.append(catch_all)
            self._by_label[catch_all.label] = catch_all
            rules.append(_buckets.rule(catch_all.label, "/"))
        self._rules: tuple[Rule, ...] = tuple(rules)
        self.concurrency_limit = config.concurrency
        self.concurrency_retry_after = config.concurrency_retry_after
        self.client_share = config.client_share
        self.headers = config.headers
        self.in_flight = 0
        self._cache: dict[tuple[str, str], Bucket | None] = {}
        self._shadows: dict[tuple[str, str], frozenset[tuple[int, str]]] = {}

    def bucket_for(self, method: str, path: str, *, cacheable: bool = False) -> Bucket | None:
        """The bucket counting ``method path``; pass route templates with ``cacheable`` (a
        template some of whose paths Okta counts elsewhere, like ``/users/{id}`` for
        ``/users/me``, is never cached: pass the request's path for those)."""
        key = (method, path)
        if cacheable and key in self._cache:
            return self._cache[key]
        label = _buckets.match(self._rules, method, path)  # Okta's rule, as the client applies it
        best = None if label is None else self._by_label[label]
        if cacheable:
            self._cache[key] = best
        return best

    def route_bucket(self, method: str, template: str, path: str) -> Bucket | None:
        """The bucket of a request to a route: found once per route template, unless some of
        the template's paths count elsewhere (``/users/me`` for ``/users/{id}``); then by the
        request's own (raw) ``path``."""
        key = (method, template)
        try:
            shadows = self._shadows[key]
        except KeyError:
            shadows = self._shadows[key] = _buckets.shadowing(self._rules, method, template)
        if _buckets.shadowed_path(shadows, path):
            return self.bucket_for(method, path)
        return self.bucket_for(method, template, cacheable=True)

    def hit(self, bucket: Bucket, now: float) -> Decision:
        if now >= bucket.start + bucket.window:
            window = bucket.window
            bucket.start = math.floor(now) if window == int(window) else now
            bucket.count = 0
            bucket.windows += 1
            bucket.clients.clear()
        bucket.count += 1
        return Decision(bucket.count <= bucket.limit, bucket.limit, bucket.remaining, bucket.reset_at)

    def hit_client(self, bucket: Bucket, client: str, org: Decision) -> Decision:
        """Count a request of ``client`` (after ``hit``) against its share of the bucket."""
        share = self.client_share
        if share is None:
            return org
        cap = max(1, math.floor(bucket.limit * share))
        used = bucket.clients[client] = bucket.clients[client] + 1
        allowed = org.allowed and used <= cap
        if org.allowed and not allowed:  # refused for the client's share: the org's bucket keeps it
            bucket.count -= 1
            org = org._replace(remaining=bucket.remaining)
        if self.headers == "org":
            return org._replace(allowed=allowed)
        return Decision(allowed, cap, max(0, min(cap - used, org.remaining)), org.reset)

    def concurrency_decision(self, now: float) -> Decision:
        # Okta: "The first two header values are always 0 for concurrent rate limit errors";
        # the reset is only a suggestion.
        return Decision(False, 0, 0, math.ceil(now + self.concurrency_retry_after))

    def bucket(self, label: str) -> Bucket:
        """The bucket of that label (Okta's bucket names, e.g. ``"/api/v1/users"``)."""
        found = self._by_label.get(label)
        if found is None:
            raise KeyError(f"no rate-limit bucket {label!r}; have {self.labels()}")
        return found

    def set_limit(self, limit: int, *, bucket: str | None = None, window: float | None = None) -> None:
        """Change one bucket (by label, e.g. ``"/api/v1/users"``) or all of them."""
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
            bucket.clients.clear()

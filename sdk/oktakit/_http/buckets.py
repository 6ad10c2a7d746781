"""Okta's rate-limit buckets: which bucket counts a request, the way Okta decides it.

The buckets, their rules and their default limits per edition come from
``okta_spec/rate_limits.yaml`` (generated into ``oktakit_api.rate_limit_buckets``). A rule is a
path pattern (``{name}`` matches any one segment), optionally limited to some methods, that
matches either the whole path (``exact``) or the path and everything under it (``prefix``).
Okta's rule: an exact rule first (more literal segments beat parameters, so ``/users/me``
beats ``/users/{id}``), then the longest prefix. The client's pacer and the simulator both
match with :func:`match`, so the two cannot disagree about which requests share a budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from oktakit_api.operations import Operation


class Rule(NamedTuple):
    """One matching rule of a bucket."""

    bucket: str
    #: Methods the rule applies to; empty for every method.
    methods: frozenset[str]
    #: The pattern's segments; None for a ``{parameter}`` (any one segment).
    segments: tuple[str | None, ...]
    #: Whether the rule matches the whole path only (otherwise any path under it too).
    exact: bool


def segments(path: str) -> tuple[str | None, ...]:
    """``/api/v1/users/{id}`` -> ``("api", "v1", "users", None)``."""
    return tuple(None if s.startswith("{") else s for s in path.split("/") if s)


def rule(bucket: str, path: str, *, methods: Iterable[str] = (), match: str = "prefix") -> Rule:
    if match not in ("exact", "prefix"):
        raise ValueError(f"a rule matches 'exact' or 'prefix', not {match!r}")
    return Rule(bucket, frozenset(m.upper() for m in methods) - {"*"}, segments(path), match == "exact")


def _applicable(rules: Sequence[Rule], method: str, length: int) -> Iterator[Rule]:
    """The rules for ``method`` that can match a path of ``length`` segments."""
    for candidate in rules:
        if candidate.methods and method not in candidate.methods:
            continue
        size = len(candidate.segments)
        if size == length or (size < length and not candidate.exact):
            yield candidate


def match(rules: Sequence[Rule], method: str, path: str) -> str | None:
    """The bucket counting ``method path`` (a raw path: ``%2F`` stays inside its segment)."""
    parts = [s for s in path.split("/") if s]
    best, best_score = None, (-1, -1, -1)
    for candidate in _applicable(rules, method, len(parts)):
        pattern = candidate.segments
        if all(p is None or p == s for p, s in zip(pattern, parts, strict=False)):
            score = (int(candidate.exact), len(pattern), sum(p is not None for p in pattern))
            if score > best_score:
                best, best_score = candidate.bucket, score
    return best


def shadowing(rules: Sequence[Rule], method: str, template: str) -> frozenset[tuple[int, str]]:
    """Where some paths of ``template`` may count in another bucket than the template's own:
    the (segment index, literal) pairs of rules that have a literal where the template has a
    parameter (``GET /users/me`` for ``GET /users/{id}``: ``{(3, "me")}``). A request whose
    path has none of them counts in the template's bucket."""
    parts = segments(template)
    found: set[tuple[int, str]] = set()
    for candidate in _applicable(rules, method, len(parts)):
        pairs = list(zip(candidate.segments, parts, strict=False))
        if all(p is None or s is None or p == s for p, s in pairs):
            found |= {(i, p) for i, (p, s) in enumerate(pairs) if p is not None and s is None}
    return frozenset(found)


def table() -> Mapping[str, Any]:
    """okta_spec/rate_limits.yaml: ``editions``, ``default_edition`` and ``buckets``."""
    from oktakit_api.rate_limit_buckets import RATE_LIMITS

    return RATE_LIMITS


@cache
def okta_rules() -> tuple[Rule, ...]:
    """Every rule of Okta's buckets."""
    return tuple(
        rule(name, r["path"], methods=r.get("methods", ()), match=r["match"])
        for name, bucket in table()["buckets"].items()
        for r in bucket["rules"]
    )


def per_minute(edition: str | None = None) -> dict[str, int]:
    """Each bucket's default limit per minute on ``edition`` (the table's default edition)."""
    data = table()
    edition = edition or data["default_edition"]
    if edition not in data["editions"]:
        known = ", ".join(data["editions"])
        raise ValueError(f"unknown Okta edition {edition!r}; known: {known}")
    return {name: bucket["per-minute"][edition] for name, bucket in data["buckets"].items()}


def bucket_for(method: str, path: str) -> str:
    """The Okta bucket counting ``method path`` (``/`` for what no rule names)."""
    return match(okta_rules(), method, path) or "/"


@cache
def okta_shadowing(method: str, template: str) -> frozenset[tuple[int, str]]:
    """``shadowing`` over Okta's rules, once per operation."""
    return shadowing(okta_rules(), method, template)


def shadowed_path(shadows: frozenset[tuple[int, str]], path: str) -> bool:
    """Whether ``path`` has one of the ``shadows`` literals where its template has a parameter."""
    # Most paths hold none of the literals at all: a substring test rules that out cheaply
    # (a loop, not any() over a generator: this runs on every call).
    for _, literal in shadows:
        if literal in path:
            break
    else:
        return False
    parts = [s for s in path.split("/") if s]
    return any(i < len(parts) and parts[i] == literal for i, literal in shadows)


def request_bucket(operation: Operation[..., Any] | None, method: str, path: str) -> str:
    """The bucket of one request (``path``: its raw path): its operation's, from the registry,
    unless Okta counts this path elsewhere (``GET /users/me`` is not ``GET /users/{id}``); by
    Okta's rules for a request of no known operation."""
    if operation is None:
        return bucket_for(method, path)
    if shadowed_path(okta_shadowing(method, operation.path), path):
        return bucket_for(method, path)
    return operation.rate_limit_bucket

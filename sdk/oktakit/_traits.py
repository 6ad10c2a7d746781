"""What the transport needs to know about an operation: its rate-limit bucket and retry safety.

The client passes the operation's descriptor from the generated registry
(``oktakit_api.operations``), which has both; a request of no known operation (a test's, a
helper's) gets the same facts from its method and path.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple, Protocol


class OperationTraits(Protocol):
    """The two facts of an operation the pacer and the retrier use."""

    @property
    def rate_limit_bucket(self) -> str: ...  # Okta's bucket name, e.g. "GET /api/v1/users/{id}"

    @property
    def retry_safe(self) -> bool: ...  # a request whose answer was lost may be sent again


class Traits(NamedTuple):
    """The traits of a request of no known operation."""

    rate_limit_bucket: str
    retry_safe: bool


#: Methods whose repetition is harmless by HTTP; used for requests of no known operation.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def bucket_table() -> dict[str, int]:
    """Every bucket the spec names, with its published per-minute default."""
    from oktakit_api.operations import OPERATIONS

    return {op.rate_limit_bucket: op.rate_limit_per_minute for op in OPERATIONS.values()}


@cache
def _patterns() -> dict[str, tuple[frozenset[str], tuple[str | None, ...]]]:
    from .ratelimit import parse_bucket

    return {name: parse_bucket(name) for name in bucket_table()}


def traits_for(method: str, path: str) -> Traits:
    """Bucket by Okta's matching rule over the spec's buckets; retry safety by the method."""
    from .ratelimit import match_bucket

    bucket = match_bucket(_patterns(), method, path) or "default"
    return Traits(bucket, method in IDEMPOTENT_METHODS)

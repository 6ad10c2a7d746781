"""What the transport needs to know about an operation: its rate-limit bucket and retry safety.

The client passes the operation's descriptor from the generated registry
(``oktakit_api.operations``), which has both; a request of no known operation (a test's, a
helper's) gets the same facts from its method and path. The bucket follows Okta's own rules
(``oktakit._http.buckets``): where a path of the operation may count elsewhere (``GET /users/me`` is
not ``GET /users/{id}``), the request's own path decides.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from .buckets import bucket_for, okta_shadowing, shadowed_path


class OperationTraits(Protocol):
    """The two facts of an operation the pacer and the retrier use."""

    @property
    def rate_limit_bucket(self) -> str: ...  # Okta's bucket name, e.g. "/api/v1/users"

    @property
    def retry_safe(self) -> bool: ...  # a request whose answer was lost may be sent again


class Traits(NamedTuple):
    """The traits of one request, where they are not those of its operation."""

    rate_limit_bucket: str
    retry_safe: bool


#: Methods whose repetition is harmless by HTTP; used for requests of no known operation.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def traits_for(method: str, path: str) -> Traits:
    """Bucket by Okta's matching rule; retry safety by the method (``path``: the raw path)."""
    return Traits(bucket_for(method, path), method in IDEMPOTENT_METHODS)


def request_traits(operation: OperationTraits, method: str, path: str) -> OperationTraits:
    """The operation's traits for a request to ``path`` (raw): its own unless Okta may count
    this path in another bucket than the operation's template."""
    template = getattr(operation, "path", None)
    if template is None or not shadowed_path(okta_shadowing(method, template), path):
        return operation
    bucket = bucket_for(method, path)
    if bucket == operation.rate_limit_bucket:
        return operation
    return Traits(bucket, operation.retry_safe)

"""What the transport needs to know about an operation: its rate-limit bucket and retry safety.

The one place that reads these facts from the spec's data (``oktakit_api.operations``), so the
source can be swapped for the generated operation registry in one spot.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from oktakit_api.operations import OPERATIONS


class OperationTraits(NamedTuple):
    """The request's operation as the pacer and the retrier see it."""

    #: Okta's name of the rate-limit bucket, e.g. ``"GET /api/v1/users/{id}"``.
    bucket: str
    #: Whether a request whose answer was lost (5xx, reset, timeout) may be sent again.
    retry_safe: bool
    #: Okta's published default limit of the bucket (the headers tell the org's real one).
    per_minute: int | None = None


#: Methods whose repetition is harmless by HTTP; used for requests of no known operation.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def _snake(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


@cache
def _by_name() -> dict[str, OperationTraits]:
    table = {}
    for operation_id, spec in OPERATIONS.items():
        traits = OperationTraits(
            spec["rate_limit_bucket"], bool(spec["retry_safe"]), spec["rate_limit_per_minute"]
        )
        table[operation_id] = table[_snake(operation_id)] = traits
    return table


def operation_traits(name: str) -> OperationTraits:
    """The traits of an operation, by operationId (``getUser``) or snake-case name (``get_user``)."""
    return _by_name()[name]


def bucket_table() -> dict[str, int]:
    """Every bucket the spec names, with its published per-minute default."""
    return {t.bucket: t.per_minute for t in _by_name().values() if t.per_minute is not None}

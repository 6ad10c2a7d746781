"""The checks of ``RateLimitPolicy``'s ``shared`` and ``on_unavailable``, made when the policy is
built: a policy that cannot work fails before any request (a missing extra included)."""

from __future__ import annotations

from typing import Any

from oktakit.errors import ConfigurationError

from ._connect import check_url, redacted, require_redis


def shared_target(instance: object, attribute: Any, value: object) -> None:
    if value is None:
        return
    aioredis = require_redis("RateLimitPolicy(shared=...)")
    if isinstance(value, str):
        check_url(value, "shared")
    elif not isinstance(value, aioredis.Redis):
        kind = type(value).__name__
        raise ConfigurationError(f"shared must be a Redis URL or a redis.asyncio.Redis, not {kind}")


def unavailable_choice(instance: object, attribute: Any, value: object) -> None:
    if value not in ("local", "fail"):
        raise ConfigurationError(f"on_unavailable must be 'local' or 'fail', not {value!r}")


def shown_target(value: object) -> str:
    """The policy's repr of ``shared``: a URL without its password."""
    return repr(redacted(value)) if isinstance(value, str) else repr(value)

"""The Redis client a shared budget talks to, and the names of its keys.

redis-py is an optional dependency (``pip install "oktakit[redis]"``): it is imported only when a
policy names Redis, and its absence is a ``MissingDependencyError`` (a ``ConfigurationError``)
that names the extra. A URL is never shown whole: its password (``redis://:secret@host``) is
masked wherever the policy is printed.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from oktakit.errors import ConfigurationError, MissingDependencyError

if TYPE_CHECKING:
    from types import ModuleType

    from redis.asyncio import Redis

#: What to install for a shared budget or a Redis journal.
REDIS_EXTRA = 'pip install "oktakit[redis]"'
SCHEMES = ("redis", "rediss", "unix")
#: Seconds to connect to Redis, and to wait for one answer, on a client made from a URL: an
#: unreachable Redis must not hold a request to Okta for long (it is paced locally instead).
CONNECT_TIMEOUT = 1.0
ANSWER_TIMEOUT = 2.0


def require_redis(feature: str) -> ModuleType:
    """``redis.asyncio``, or a ``MissingDependencyError`` naming the extra."""
    try:
        import redis.asyncio
    except ImportError:
        raise MissingDependencyError(f"{feature} needs redis-py with asyncio: {REDIS_EXTRA}") from None
    module: ModuleType = redis.asyncio
    return module


def check_url(url: str, what: str) -> None:
    """A ``redis://``, ``rediss://`` (TLS) or ``unix://`` URL, or a ``ConfigurationError``."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in SCHEMES:
        shown = redacted(url)
        raise ConfigurationError(f"{what} must be a redis://, rediss:// or unix:// URL, not {shown!r}")


def redacted(url: str) -> str:
    """``url`` with its password (and user name) masked: fit for a repr, a log or an error."""
    try:
        parts = urlsplit(url)
        if parts.password is None and parts.username is None:
            return url
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        if parts.port is not None:
            host = f"{host}:{parts.port}"
        return urlunsplit(parts._replace(netloc=f"***@{host}"))
    except ValueError:
        return "<unreadable URL>"


def client_for(target: str | Redis, feature: str) -> tuple[Redis, bool]:
    """(the Redis client, whether we made it and so close it). A URL gets a client with short
    timeouts and no retries of its own: a failure is handled by the caller, at once."""
    aioredis = require_redis(feature)
    if not isinstance(target, str):
        return target, False
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    options: dict[str, Any] = {
        "socket_connect_timeout": CONNECT_TIMEOUT,
        "socket_timeout": ANSWER_TIMEOUT,
        "retry": Retry(NoBackoff(), 0),
    }
    try:
        return aioredis.Redis.from_url(target, **options), True
    except ValueError as exc:  # a URL redis-py cannot read: its words may quote the password
        raise ConfigurationError(
            f"{feature}: cannot use the Redis URL {redacted(target)!r} ({type(exc).__name__})"
        ) from None


def org_tag(org: str) -> str:
    """The org as its keys name it: a hash of its URL, in braces (a Redis Cluster hash tag, so
    that a script's keys live on one node). Nothing secret goes into a key."""
    digest = hashlib.sha256(f"oktakit-org\0{org.lower().rstrip('/')}".encode()).hexdigest()[:24]
    return f"oktakit:{{{digest}}}"

"""A real ``redis-server`` for the tests of what oktakit shares through Redis, started by the test
session on a free loopback port (``oktakit.testing.RedisServer``: the one on PATH).

Without a redis-server these tests skip, unless ``OKTAKIT_REQUIRE_REDIS`` is set (CI sets it):
then they fail, so that the proof can never be skipped silently.
"""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator

import pytest

from oktakit.testing import RedisServer
from oktakit.testing._redis_server import find_redis_server


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    if find_redis_server() is None:
        if os.environ.get("OKTAKIT_REQUIRE_REDIS"):
            pytest.fail("OKTAKIT_REQUIRE_REDIS is set but no redis-server is on PATH")
        pytest.skip("no redis-server on PATH (apt-get install redis-server; CI sets OKTAKIT_REQUIRE_REDIS)")
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, running (a test may have stopped it) and emptied."""
    if not redis_server.running:
        redis_server.start()
    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=5) as connection:
        connection.sendall(b"FLUSHALL\r\n")
        assert connection.recv(16).startswith(b"+OK")
    return redis_server.url


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[object]:
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(redis_url, decode_responses=True)
    yield client
    await client.aclose()


def unused_port() -> int:
    """A loopback port nobody listens on (a Redis that cannot be reached)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port

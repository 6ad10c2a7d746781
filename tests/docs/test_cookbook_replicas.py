"""The cookbook's replicas (docs/cookbook/replicas_budget.py): one Redis, one bucket of the
simulator, no 429."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from oktakit.testing import OktaSimulator, RedisServer
from oktakit.testing._redis_server import find_redis_server

from ._cookbook import load

replicas = load("replicas_budget")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A real redis-server (as tests/shared/ start one): skipped without one, unless CI requires it."""
    pytest.importorskip("redis", reason="the shared budget needs redis-py (the redis extra)")
    if find_redis_server() is None:
        if os.environ.get("OKTAKIT_REQUIRE_REDIS"):
            pytest.fail("OKTAKIT_REQUIRE_REDIS is set but no redis-server is on PATH")
        pytest.skip("no redis-server on PATH")
    with RedisServer() as server:
        yield server.url


def test_every_replica_names_the_same_redis_and_the_org_s_in_flight_places() -> None:
    policy = replicas.replica_policy("redis://127.0.0.1:6379/0")

    assert (60, 0.8, "local") == (policy.max_in_flight, policy.max_share, policy.on_unavailable)


@pytest.mark.okta_sim(users=60, seed=9)
async def test_three_replicas_sharing_redis_read_through_one_small_bucket_without_a_429(
    okta_sim: OktaSimulator, redis_url: str
) -> None:
    okta_sim.set_rate_limit(20, window=1.0)  # 20 requests a second in each bucket, for all of them
    user_ids = sorted(okta_sim.org.users)[:45]

    stats = await replicas.run_replicas(okta_sim.url, okta_sim.api_token, user_ids, redis_url, 3)

    assert [15, 15, 15] == [s.requests for s in stats]  # each read sent once: nothing refused
    assert [0, 0, 0] == [sum(s.rate_limited.values()) for s in stats]
    # 45 reads at 80% of 20 a window need 3 windows at least (16 + 16 + 13).
    assert okta_sim.rate_limiter.bucket("/api/v1/users/{id:.+}").windows >= 3

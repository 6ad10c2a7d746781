"""The cookbook's replicas (docs/cookbook/replicas_budget.py) sharing one bucket of the simulator."""

from __future__ import annotations

import pytest

from oktakit.testing import OktaSimulator

from ._cookbook import load

replicas = load("replicas_budget")


def test_each_replica_gets_its_part_of_the_org_s_concurrency() -> None:
    policies = [replicas.replica_policy(n) for n in (1, 3, 100)]

    assert [60, 20, 1] == [p.max_in_flight for p in policies]  # ORG_CONCURRENCY // n, at least 1
    assert {1.0} == {p.max_share for p in policies}


@pytest.mark.real_retries  # a 429 lost in a race between replicas is waited out and retried
@pytest.mark.okta_sim(users=60, seed=9)
async def test_three_replicas_on_one_small_bucket_all_finish_without_an_error(
    okta_sim: OktaSimulator,
) -> None:
    okta_sim.set_rate_limit(20, window=1.0)  # 20 requests a second in each bucket, for all of them
    user_ids = sorted(okta_sim.org.users)[:54]

    stats = await replicas.run_replicas(okta_sim.url, okta_sim.api_token, user_ids, 3)

    reads = len(user_ids)
    sent = sum(s.requests for s in stats)
    refused = sum(sum(s.rate_limited.values()) for s in stats)
    assert reads + refused == sent  # every 429 was retried once more, nothing else was resent
    # The three pacers read one shared budget: the simulator's windows say how many were needed.
    windows = okta_sim.rate_limiter.bucket("/api/v1/users/{id:.+}").windows
    assert windows >= reads // 20

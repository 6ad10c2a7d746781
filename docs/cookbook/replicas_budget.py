"""Several replicas of a worker sharing one org's rate-limit budget through Redis.

Every replica names the same Redis in its client's policy; their clients then share each
bucket's budget (reserved atomically in Redis before each request) and the org's in-flight
places, so together they keep to Okta's limits instead of each pacing alone and overrunning
them. Install the extra: ``pip install "oktakit[redis]"``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from oktakit import ApiToken, ClientStats, OktaClient, RateLimitPolicy

#: Requests in flight at once for all the replicas together (Okta's limit is 75 per org, 35 on
#: the Integrator Free plan): with ``shared=``, ``max_in_flight`` counts every process's requests.
ORG_IN_FLIGHT = 60


def replica_policy(redis_url: str, *, share: float = 0.8) -> RateLimitPolicy:
    """The pacing every replica uses: the same Redis, the same share of each bucket for all of
    them together (the rest is left to other jobs on the org), the org's in-flight places."""
    return RateLimitPolicy(
        shared=redis_url,
        max_share=share,
        max_in_flight=ORG_IN_FLIGHT,
        on_unavailable="local",  # Redis gone: pace alone, keeping to 1/n of each bucket
    )


async def replica(org_url: str, token: str, user_ids: Sequence[str], redis_url: str) -> ClientStats:
    """One replica's work: read its share of the users, all at once (the client's pacing and
    in-flight places decide what goes when). Returns what its client did."""
    policy = replica_policy(redis_url)
    async with OktaClient(org_url, auth=ApiToken(token), rate_limit=policy) as okta:
        await asyncio.gather(*(okta.get_user(user_id) for user_id in user_ids))
        return okta.stats


async def run_replicas(
    org_url: str, token: str, user_ids: Sequence[str], redis_url: str, replicas: int
) -> list[ClientStats]:
    """Stand-in for N processes: each replica takes every N-th user."""
    return await asyncio.gather(
        *(replica(org_url, token, user_ids[index::replicas], redis_url) for index in range(replicas))
    )

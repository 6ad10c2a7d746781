"""Several replicas of a worker sharing one credential's rate-limit budget.

What oktakit offers today (no coordination between processes yet): every answer carries the
bucket's ``X-Rate-Limit-Remaining``, which counts every replica's requests, so each replica's
pacer waits for the reset when the shared budget is spent. Two replicas may both spend the
last request of a window; the loser gets a 429, which oktakit waits out (until the reset Okta
gives) and retries. Okta's concurrency limit is per org, so the replicas split it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from oktakit import ApiToken, ClientStats, OktaClient, RateLimitPolicy

#: Requests in flight at once for the whole org (Okta's limit is 75, 35 on the Integrator Free plan).
ORG_CONCURRENCY = 60


def replica_policy(replicas: int, *, share: float = 1.0) -> RateLimitPolicy:
    """The pacing each of ``replicas`` workers uses: the concurrency split between them, the
    same ``share`` of each bucket (all read the same remaining count, so together they keep to it)."""
    return RateLimitPolicy(max_in_flight=max(1, ORG_CONCURRENCY // replicas), max_share=share)


async def replica(org_url: str, token: str, user_ids: Sequence[str], replicas: int) -> ClientStats:
    """One replica's work: read its share of the users. Returns what its client did."""
    async with OktaClient(org_url, auth=ApiToken(token), rate_limit=replica_policy(replicas)) as okta:
        for user_id in user_ids:
            await okta.get_user(user_id)
        return okta.stats


async def run_replicas(org_url: str, token: str, user_ids: Sequence[str], replicas: int) -> list[ClientStats]:
    """Stand-in for N processes: each replica takes every N-th user."""
    return await asyncio.gather(
        *(replica(org_url, token, user_ids[index::replicas], replicas) for index in range(replicas))
    )

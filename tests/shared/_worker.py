"""One process of a multi-process test: ``python -m tests.shared._worker URL REDIS_URL N IDS...``
with the API token in OKTA_API_TOKEN; makes N ``get_user`` calls over IDS with a budget shared
through REDIS_URL ("-" for none) and prints what it did as one JSON line."""

from __future__ import annotations

import asyncio
import json
import os
import sys

from oktakit import ApiToken, OktaClient, RateLimitPolicy


async def main(url: str, shared: str, n: int, ids: list[str]) -> dict[str, int]:
    policy = RateLimitPolicy(shared=None if shared == "-" else shared)
    async with OktaClient(url, auth=ApiToken(os.environ["OKTA_API_TOKEN"]), rate_limit=policy) as okta:
        outcomes = await asyncio.gather(
            *(okta.get_user(ids[i % len(ids)]) for i in range(n)), return_exceptions=True
        )
        stats = okta.stats
    return {
        "done": sum(not isinstance(outcome, BaseException) for outcome in outcomes),
        "requests": stats.requests,
        "rate_limited": sum(stats.rate_limited.values()),
    }


if __name__ == "__main__":
    url, shared, n, *ids = sys.argv[1:]
    print(json.dumps(asyncio.run(main(url, shared, int(n), ids))), flush=True)

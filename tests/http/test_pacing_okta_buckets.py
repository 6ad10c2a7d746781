"""Pacing against the simulator with Okta's bucket table: what Okta counts together shares one
budget, and the pacer keeps to a client's share whichever way the headers report it.

Expected buckets come from Okta's rule table (terraform-provider-okta's rate_limit_lines.go,
see tests/http/test_okta_buckets.py); the windows are shortened to one second and the limits
scaled down with them. Pacing is judged by the 429s Okta's stand-in sent, never by time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import Any

import pytest
import stamina

from oktakit import ApiToken, OktaClient, RateLimitPolicy, RateLimitState
from oktakit.testing import OktaSimulator, RateLimitConfig
from oktakit.testing._ratelimit import BucketRule


def _active(sim: OktaSimulator) -> list[str]:
    return [uid for uid, user in sim.org.users.items() if user.status == "ACTIVE"]


async def _at_a_whole_second() -> None:
    # The simulator's windows (like Okta's) start on a whole second: start just after one, so
    # that the first window is not nearly over when the first answer comes back.
    await asyncio.sleep(1.02 - time.time() % 1)


def _refused(sim: OktaSimulator) -> list[Any]:
    return [record for record in sim.request_log if record.status == 429]


async def test_a_mixed_job_of_suspends_group_lists_and_reads_sends_no_429() -> None:
    # Workforce defaults / 20 a one-second window: /api/v1/users 30, GET a user 100.
    config = RateLimitConfig.okta("workforce", window=1.0, scale=1 / 20)
    async with OktaSimulator(users=120, seed=4, rate_limit=config) as sim:
        ids = _active(sim)[:30]
        async with OktaClient(
            sim.url, auth=ApiToken(sim.api_token), rate_limit=RateLimitPolicy(max_in_flight=20)
        ) as okta:

            async def groups(uid: str) -> list[Any]:
                return [group async for group in okta.list_user_groups(uid)]

            await _at_a_whole_second()
            jobs: list[Awaitable[Any]] = [okta.suspend_user(uid) for uid in ids]
            jobs += [groups(uid) for uid in ids]
            jobs += [okta.get_user(uid) for uid in ids]
            results = await asyncio.gather(*jobs)
        users_bucket = sim.rate_limiter.bucket("/api/v1/users")
        assert 90 == len(results)
        assert all(sim.org.users[uid].status == "SUSPENDED" for uid in ids)
        assert [] == _refused(sim)
        assert 0 == okta.stats.rate_limited["rate"]
        # 60 requests in one bucket of 30 a window: the suspends and group lists were paced together.
        assert users_bucket.windows >= 2


async def test_headers_reporting_the_clients_share_are_kept_to_with_the_default_max_share() -> None:
    # Each token may use half of a bucket (Okta's default), and the headers say so.
    config = RateLimitConfig(buckets=(BucketRule("/", 20, name="all"),), window=1.0, client_share=0.5)
    async with OktaSimulator(users=40, seed=4, rate_limit=config) as sim:
        ids = _active(sim)
        async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
            await _at_a_whole_second()
            users = await asyncio.gather(*(okta.get_user(ids[i % len(ids)]) for i in range(20)))
    assert 20 == len(users)
    assert [] == _refused(sim)
    assert sim.rate_limiter.bucket("all").windows >= 2  # 10 a window: the share, not the bucket


async def test_headers_reporting_the_orgs_bucket_are_kept_to_with_max_share_set_to_the_clients() -> None:
    config = RateLimitConfig(
        buckets=(BucketRule("/", 20, name="all"),), window=1.0, client_share=0.5, headers="org"
    )
    async with OktaSimulator(users=40, seed=4, rate_limit=config) as sim:
        ids = _active(sim)
        async with OktaClient(
            sim.url, auth=ApiToken(sim.api_token), rate_limit=RateLimitPolicy(max_share=0.5)
        ) as okta:
            await _at_a_whole_second()
            users = await asyncio.gather(*(okta.get_user(ids[i % len(ids)]) for i in range(20)))
    assert 20 == len(users)
    assert [] == _refused(sim)


async def test_headers_reporting_the_orgs_bucket_cost_one_429_then_the_share_is_learned() -> None:
    config = RateLimitConfig(
        buckets=(BucketRule("/", 20, name="all"),), window=1.0, client_share=0.5, headers="org"
    )
    async with OktaSimulator(users=40, seed=4, rate_limit=config) as sim:
        ids = _active(sim)
        with stamina.set_testing(True, attempts=5):
            async with OktaClient(
                sim.url, auth=ApiToken(sim.api_token), rate_limit=RateLimitPolicy(max_in_flight=1)
            ) as okta:
                await _at_a_whole_second()
                users = [await okta.get_user(ids[i % len(ids)]) for i in range(25)]
    assert 25 == len(users)
    # One at a time: the 11th request of the first window is refused with 10 still reported
    # left; from then on the pacer keeps those 10 unused, through the next windows.
    assert 1 == len(_refused(sim))
    assert 1 == okta.stats.rate_limited["rate"]


@pytest.mark.parametrize("headers", ["client", "org"])
async def test_a_budget_shared_with_another_credential_is_not_overrun(headers: str) -> None:
    # Two tokens, each with half of a bucket of 20: neither is refused while the other works.
    config = RateLimitConfig(
        buckets=(BucketRule("/", 20, name="all"),), window=1.0, client_share=0.5, headers=headers
    )  # type: ignore[arg-type]
    share = 1.0 if headers == "client" else 0.5
    async with OktaSimulator(users=40, seed=4, rate_limit=config) as sim:
        ids = _active(sim)
        second = sim.issue_api_token("second")
        policy = RateLimitPolicy(max_share=share)
        async with (
            OktaClient(sim.url, auth=ApiToken(sim.api_token), rate_limit=policy) as first_client,
            OktaClient(sim.url, auth=ApiToken(second), rate_limit=policy) as second_client,
        ):
            await _at_a_whole_second()
            jobs = [
                client.get_user(ids[i % len(ids)])
                for i in range(15)
                for client in (first_client, second_client)
            ]
            users = await asyncio.gather(*jobs)
    assert 30 == len(users)
    refused = _refused(sim)
    # With the org's numbers in the headers, each client sees the other's use and stays within
    # half of what is left; with its own share in them, each keeps to it exactly.
    assert [] == refused


async def test_get_user_me_is_paced_in_the_bucket_okta_counts_it_in() -> None:
    async with OktaSimulator(users=5, seed=1) as sim:
        admin = _active(sim)[0]
        states: list[RateLimitState] = []
        policy = RateLimitPolicy(on_update=states.append)
        async with OktaClient(
            sim.url, auth=ApiToken(sim.issue_api_token(admin=admin)), rate_limit=policy
        ) as okta:
            me = await okta.get_user("me")
            again = await okta.get_user(admin)
    assert admin == me.id == again.id
    assert ["/api/v1/users/me", "/api/v1/users/{id:.+}"] == [state.bucket for state in states]
    assert (1, 1) == (
        sim.rate_limiter.bucket("/api/v1/users/me").count,
        sim.rate_limiter.bucket("/api/v1/users/{id:.+}").count,
    )

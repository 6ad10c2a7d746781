"""``RateLimitPolicy(shared=...)``: clients of one org, in one process or several, share each
bucket through a real Redis and together keep to it (judged by the 429s the simulator sent,
never by time); what happens when Redis is missing, goes away, comes back or restarts empty; and
that nothing secret reaches Redis, a repr or a log.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from oktakit import (
    ApiToken,
    ConfigurationError,
    MissingDependencyError,
    OktaClient,
    RateLimitPolicy,
    SharedBudgetError,
)
from oktakit._http.shared import _budget
from oktakit.testing import OktaSimulator, RateLimitConfig, RedisServer

from .conftest import unused_port

ROOT = Path(__file__).resolve().parents[2]


def _refused(sim: OktaSimulator) -> int:
    return sum(1 for record in sim.request_log if record.status == 429)


def _active(sim: OktaSimulator) -> list[str]:
    return [uid for uid, user in sim.org.users.items() if user.status == "ACTIVE"]


def _client(sim: OktaSimulator, policy: RateLimitPolicy) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token), rate_limit=policy)


async def test_four_processes_sharing_one_bucket_through_redis_all_finish_without_429s(
    redis_url: str,
) -> None:
    # 12 requests a one-second window for 4 x 15 calls: alone, each process would spend the
    # whole bucket every window (the same run without shared= draws dozens of 429s).
    async with OktaSimulator(users=20, seed=3, rate_limit=RateLimitConfig.uniform(12, window=1.0)) as sim:
        ids = _active(sim)[:10]
        workers = [
            await asyncio.create_subprocess_exec(
                *(sys.executable, "-m", "tests.shared._worker", sim.url, redis_url, "15", *ids),
                stdout=asyncio.subprocess.PIPE,
                cwd=ROOT,
                env={**os.environ, "OKTA_API_TOKEN": sim.api_token, "PYTHONPATH": str(ROOT)},
            )
            for _ in range(4)
        ]
        results = []
        for worker in workers:
            out, _ = await worker.communicate()
            assert 0 == worker.returncode
            results.append(json.loads(out.decode().splitlines()[-1]))
        assert [15] * 4 == [result["done"] for result in results]
        requests = sum(result["requests"] for result in results)
        assert _refused(sim) <= 0.01 * requests
        assert 60 <= requests


async def test_two_clients_in_one_process_share_the_bucket_as_two_processes_would(redis_url: str) -> None:
    async with OktaSimulator(users=20, seed=3, rate_limit=RateLimitConfig.uniform(8, window=1.0)) as sim:
        ids = _active(sim)[:8]
        policy = RateLimitPolicy(shared=redis_url)
        async with _client(sim, policy) as first, _client(sim, policy) as second:
            calls = [client.get_user(uid) for uid in ids for client in (first, second)]
            users = await asyncio.gather(*calls)
        assert 16 == len(users)
        assert 0 == _refused(sim)


async def test_a_redis_the_user_built_is_used_and_left_open(redis_url: str) -> None:
    import redis.asyncio

    mine = redis.asyncio.Redis.from_url(redis_url)
    async with OktaSimulator(users=5, seed=1) as sim:
        async with _client(sim, RateLimitPolicy(shared=mine)) as okta:
            await okta.get_user(_active(sim)[0])
        assert await mine.ping()  # still open: it is the user's
        assert [] != await mine.keys("oktakit:*")
    await mine.aclose()


def test_without_the_redis_extra_shared_is_a_configuration_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    monkeypatch.setitem(sys.modules, "redis.asyncio", None)
    with pytest.raises(MissingDependencyError, match=r'pip install "oktakit\[redis\]"') as raised:
        RateLimitPolicy(shared="redis://localhost:6379/0")
    assert isinstance(raised.value, ConfigurationError)


@pytest.mark.parametrize("target", ["http://localhost:6379", "localhost:6379", 6379, object()])
def test_shared_must_name_a_redis(target: Any) -> None:
    with pytest.raises(ConfigurationError, match="shared must be"):
        RateLimitPolicy(shared=target)


def test_on_unavailable_is_local_or_fail() -> None:
    with pytest.raises(ConfigurationError, match="on_unavailable"):
        RateLimitPolicy(on_unavailable="retry")  # type: ignore[arg-type]


def test_the_redis_password_is_never_shown_by_the_policy_or_its_errors() -> None:
    policy = RateLimitPolicy(shared="rediss://alice:s3cr3t-pw@redis.example:6380/2")
    assert "s3cr3t-pw" not in repr(policy)
    assert "rediss://***@redis.example:6380/2" in repr(policy)
    with pytest.raises(ConfigurationError) as raised:
        RateLimitPolicy(shared="redis-tls://:s3cr3t-pw@redis.example/0")
    assert "s3cr3t-pw" not in str(raised.value)


async def test_unreachable_redis_paces_locally_with_one_warning_by_default(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"redis://:s3cr3t-pw@127.0.0.1:{unused_port()}/0"
    async with OktaSimulator(users=5, seed=1) as sim:
        uid = _active(sim)[0]
        with caplog.at_level(logging.DEBUG, logger="oktakit"):
            async with _client(sim, RateLimitPolicy(shared=url)) as okta:
                users = [await okta.get_user(uid) for _ in range(3)]
        assert 3 == len(users)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert 1 == len(warnings)
    assert "cannot be reached" in warnings[0]
    assert "alone" in warnings[0]
    assert "s3cr3t-pw" not in caplog.text


async def test_unreachable_redis_with_on_unavailable_fail_raises_before_sending() -> None:
    policy = RateLimitPolicy(shared=f"redis://127.0.0.1:{unused_port()}/0", on_unavailable="fail")
    async with OktaSimulator(users=5, seed=1) as sim:
        uid = _active(sim)[0]
        sent = len(sim.request_log)
        async with _client(sim, policy) as okta:
            for _ in range(2):  # the first failure, then the pause before Redis is asked again
                with pytest.raises(SharedBudgetError, match="nothing was sent") as raised:
                    await okta.get_user(uid)
                assert 1 == raised.value.attempts  # not retried
        assert sent == len(sim.request_log)


async def test_the_client_goes_back_to_the_shared_budget_when_redis_answers_again(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    redis_server: RedisServer,
    redis_url: str,
) -> None:
    monkeypatch.setattr(_budget, "RETRY_SECONDS", 0.0)  # ask Redis again at the next request
    async with OktaSimulator(users=5, seed=1) as sim:
        uid = _active(sim)[0]
        async with _client(sim, RateLimitPolicy(shared=redis_url)) as okta:
            await okta.get_user(uid)
            redis_server.stop()
            with caplog.at_level(logging.WARNING, logger="oktakit"):
                await okta.get_user(uid)  # paced locally
                redis_server.start()
                await okta.get_user(uid)
            shared = okta._get_transport().pacer.shared  # type: ignore[union-attr]
            assert shared is not None
            assert shared.available
    assert ["cannot be reached", "answers again"] == [
        phrase
        for record in caplog.records
        for phrase in ("cannot be reached", "answers again")
        if phrase in record.getMessage()
    ]


@pytest.mark.real_retries  # the one request that learns the bucket again may find it spent
async def test_a_redis_restart_mid_run_brings_no_storm_of_429s(
    redis_server: RedisServer, redis_url: str
) -> None:
    # Two clients run a job across a restart: while Redis is away each keeps to half of the
    # bucket (two processes were sharing it), and Redis restarted empty lets one request learn
    # the bucket again before the others go.
    async with OktaSimulator(users=20, seed=3, rate_limit=RateLimitConfig.uniform(10, window=1.0)) as sim:
        ids = _active(sim)[:10]
        policy = RateLimitPolicy(shared=redis_url)
        async with _client(sim, policy) as first, _client(sim, policy) as second:
            restarted = asyncio.Event()

            async def calls(client: OktaClient) -> int:
                done = 0
                for round_ in range(4):
                    if round_ == 2:
                        await restarted.wait()
                    outcomes = await asyncio.gather(
                        *(client.get_user(uid) for uid in ids[:5]), return_exceptions=True
                    )
                    done += sum(not isinstance(outcome, BaseException) for outcome in outcomes)
                return done

            async def restart() -> None:
                while sum(record.status == 200 for record in sim.request_log) < 20:  # noqa: ASYNC110
                    await asyncio.sleep(0.01)  # the simulator has no hook to wait on
                await asyncio.to_thread(redis_server.restart)
                restarted.set()

            done = await asyncio.gather(calls(first), calls(second), restart())
        assert [20, 20] == done[:2]
        assert _refused(sim) <= 1


async def test_no_key_or_value_in_redis_holds_the_token_or_the_org_url(
    redis_client: Any, redis_url: str
) -> None:
    async with OktaSimulator(users=5, seed=1) as sim:
        async with _client(sim, RateLimitPolicy(shared=redis_url)) as okta:
            await okta.get_user(_active(sim)[0])
        keys = await redis_client.keys("*")
        assert keys
        for key in keys:
            kind = await redis_client.type(key)
            values = (
                await redis_client.hgetall(key)
                if kind == "hash"
                else await redis_client.zrange(key, 0, -1, withscores=True)
            )
            text = f"{key} {values}"
            assert sim.api_token not in text
            assert sim.url.split("//")[1] not in text
            assert await redis_client.ttl(key) > 0


async def _script_loads(redis_client: Any) -> int:
    stats = await redis_client.info("commandstats")
    return int(stats.get("cmdstat_script|load", stats.get("cmdstat_script", {})).get("calls", 0))


async def test_each_script_is_loaded_once_and_again_only_after_redis_forgot_it(
    redis_client: Any, redis_url: str
) -> None:
    await redis_client.script_flush()  # earlier tests of the session loaded them
    await redis_client.config_resetstat()
    async with OktaSimulator(users=5, seed=1) as sim:
        uid = _active(sim)[0]
        async with _client(sim, RateLimitPolicy(shared=redis_url)) as okta:
            for _ in range(20):
                await okta.get_user(uid)
            assert 2 == await _script_loads(redis_client)  # the reservation and the merge, once each
            await redis_client.script_flush()  # as after a restart, or a failover to a replica
            for _ in range(5):
                await okta.get_user(uid)
            assert 4 == await _script_loads(redis_client)
            shared = okta._get_transport().pacer.shared  # type: ignore[union-attr]
            assert shared is not None
            assert shared.available
    assert 0 == _refused(sim)


async def test_a_redis_with_a_password_is_shared_through_a_url_that_carries_it(
    redis_client: Any, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    await redis_client.config_set("requirepass", "s3cr3t-pw")
    try:
        async with OktaSimulator(users=5, seed=1) as sim:
            uid = _active(sim)[0]
            right = RateLimitPolicy(shared=f"redis://:s3cr3t-pw@127.0.0.1:{redis_server.port}/0")
            wrong = RateLimitPolicy(
                shared=f"redis://:not-it@127.0.0.1:{redis_server.port}/0", on_unavailable="fail"
            )
            with caplog.at_level(logging.DEBUG, logger="oktakit"):
                async with _client(sim, right) as okta:
                    await okta.get_user(uid)
                    shared = okta._get_transport().pacer.shared  # type: ignore[union-attr]
                    assert shared is not None
                    assert (1, True) == (shared.round_trips, shared.available)
                async with _client(sim, wrong) as okta:
                    with pytest.raises(SharedBudgetError) as raised:
                        await okta.get_user(uid)
        assert "not-it" not in str(raised.value)
        assert "s3cr3t-pw" not in caplog.text
    finally:
        await redis_client.execute_command("AUTH", "s3cr3t-pw")
        await redis_client.config_set("requirepass", "")

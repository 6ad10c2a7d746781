"""Pacing and retries against the simulator: what reaches Okta, and what reaches the caller.

Expected retry behaviour comes from the spec file itself (``x-oktakit-retry-safe``) and from
the rules in issue 9; expected bucket numbers from the simulator's configuration. No test
measures time: pacing is judged by the 429s sent and the windows used.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import stamina
import yaml

from oktakit import (
    ApiToken,
    NotFoundError,
    OktaClient,
    RateLimitPolicy,
    RateLimitState,
    RequestTimeoutError,
    RetryPolicy,
    ServerError,
    TransportError,
)
from oktakit.testing import OktaSimulator, RateLimitConfig

SPEC = Path(__file__).resolve().parents[2] / "okta_spec" / "openapi.yaml"


def _active(sim: OktaSimulator) -> list[str]:
    return [uid for uid, user in sim.org.users.items() if user.status == "ACTIVE"]


def _statuses(sim: OktaSimulator, operation: str) -> list[int]:
    return [record.status for record in sim.request_log if record.operation == operation]


@pytest.fixture
def retries_on() -> AsyncIterator[None]:
    """Real retries (up to 10 attempts) with stamina's waits made instant."""
    with stamina.set_testing(True, attempts=10):
        yield


@pytest_asyncio.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=30, seed=9, rate_limit=RateLimitConfig.unlimited()) as simulator:
        yield simulator


def _client(sim: OktaSimulator, **options: object) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token), **options)  # type: ignore[arg-type]


# --- pacing -----------------------------------------------------------------------------------


async def test_five_windows_of_concurrent_get_user_are_paced_without_a_single_429() -> None:
    per_window = 8
    config = RateLimitConfig.uniform(per_window, window=1)
    async with OktaSimulator(users=30, seed=3, rate_limit=config) as sim:
        ids = _active(sim)
        async with _client(sim, rate_limit=RateLimitPolicy(max_in_flight=20)) as okta:
            # Start just after a whole second, where the simulator's windows (like Okta's) begin,
            # so that the first window is not nearly over when the first answer comes back.
            await asyncio.sleep(1.02 - time.time() % 1)
            users = await asyncio.gather(*(okta.get_user(ids[i % len(ids)]) for i in range(5 * per_window)))
        bucket = sim.rate_limiter.bucket_for("GET", "/api/v1/users/{id}")
        assert bucket is not None
        assert 5 * per_window == len(users)
        assert [200] * (5 * per_window) == _statuses(sim, "getUser")
        assert 5 == bucket.windows  # the fewest windows 5 x N requests can fit in
        assert 0 == okta.stats.rate_limited["rate"]
        assert okta.stats.waited > 0


async def test_max_share_leaves_the_rest_of_the_bucket_to_others() -> None:
    config = RateLimitConfig.uniform(10, window=30)
    async with OktaSimulator(users=10, seed=3, rate_limit=config) as sim:
        uid = _active(sim)[0]
        policy = RateLimitPolicy(max_share=0.5)
        async with _client(sim, rate_limit=policy, retry=RetryPolicy(deadline=0.3)) as okta:
            for _ in range(5):
                await okta.get_user(uid)
            with pytest.raises(RequestTimeoutError):  # the sixth would dip into the other half
                await okta.get_user(uid)
        assert 5 == len(_statuses(sim, "getUser"))


async def test_a_concurrency_limit_below_the_cap_is_learned_with_few_429s(
    sim: OktaSimulator, retries_on: None
) -> None:
    sim.set_concurrency_limit(3)
    sim.inject_fault("delay", operation="getUser", delay=0.02)
    ids = _active(sim)
    async with _client(sim, rate_limit=RateLimitPolicy(max_in_flight=10)) as okta:
        users = await asyncio.gather(*(okta.get_user(ids[i % len(ids)]) for i in range(60)))
    refused = _statuses(sim, "getUser").count(429)
    assert 60 == len(users)
    # The first burst costs at most the excess over the limit (10 - 3); each step of growing
    # back costs one more, and the cap grows by one per 8 x cap successes (a few steps here).
    assert refused <= (10 - 3) + 5
    assert refused == okta.stats.rate_limited["concurrency"]
    assert refused == okta.stats.retries


async def test_a_429_without_rate_limit_headers_is_retried(sim: OktaSimulator, retries_on: None) -> None:
    sim.inject_fault("error", operation="getUser", status=429, count=3, okta_headers=False)
    async with _client(sim) as okta:
        user = await okta.get_user(_active(sim)[0])
    assert [429, 429, 429, 200] == _statuses(sim, "getUser")
    assert user.id == _active(sim)[0]
    assert 3 == okta.stats.rate_limited["no_headers"]
    assert 3 == okta.stats.retries


async def test_a_429_with_headers_holds_back_the_whole_bucket_until_its_reset(retries_on: None) -> None:
    async with OktaSimulator(users=10, seed=2, rate_limit=RateLimitConfig.uniform(1000, window=1)) as sim:
        sim.inject_fault("error", operation="getUser", status=429, count=1)
        ids = _active(sim)
        states: list[RateLimitState] = []
        async with _client(sim, rate_limit=RateLimitPolicy(on_update=states.append)) as okta:
            first = asyncio.create_task(okta.get_user(ids[0]))
            await asyncio.sleep(0)
            others = await asyncio.gather(*(okta.get_user(uid) for uid in ids[:5]))
            await first
        bucket = sim.rate_limiter.bucket_for("GET", "/api/v1/users/{id}")
        assert bucket is not None
        assert [429] + [200] * 6 == _statuses(sim, "getUser")
        assert (1000, 0) == (states[0].limit, states[0].remaining)
        assert 5 == len(others)
        assert 1 == okta.stats.rate_limited["rate"]
        assert 1 == bucket.windows  # the 429 is not counted; everything else went after its reset


# --- retries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("error", {"status": 503, "retry_after": 0}),
        ("reset", {}),
        ("truncate", {}),
        ("html", {"status": 502}),
    ],
    ids=["503-retry-after", "reset", "reset-mid-body", "html-502"],
)
async def test_get_is_retried_after_a_transient_failure(
    sim: OktaSimulator, retries_on: None, kind: str, extra: dict[str, int]
) -> None:
    # aiohttp itself resends an idempotent request once after a reset: inject more than that.
    sim.inject_fault(kind, operation="getUser", count=3, **extra)  # type: ignore[arg-type]
    async with _client(sim) as okta:
        user = await okta.get_user(_active(sim)[0])
    assert user.id == _active(sim)[0]
    assert 4 == len(_statuses(sim, "getUser"))
    assert okta.stats.retries >= 1


async def test_a_post_that_creates_is_not_retried_on_500(sim: OktaSimulator, retries_on: None) -> None:
    sim.inject_fault("error", operation="updateUser", status=500)
    async with _client(sim) as okta:
        with pytest.raises(ServerError) as caught:
            await okta.update_user(_active(sim)[0], profile={"nickName": "x"})
    assert 1 == sim.request_counts["updateUser"]  # exactly one request reached Okta
    assert 1 == caught.value.attempts
    assert "not safe to resend" == caught.value.stop_reason
    assert any("gave up after 1 attempt" in note for note in caught.value.__notes__)


def _lifecycle_retry_safety() -> list[tuple[str, bool]]:
    spec = yaml.safe_load(SPEC.read_text())
    cases = []
    for path, item in spec["paths"].items():
        if "/lifecycle/" in path:
            op = item["post"]
            cases.append((op["operationId"], bool(op.get("x-oktakit-retry-safe", False))))
    return cases


@pytest.mark.parametrize(("operation", "retry_safe"), _lifecycle_retry_safety())
async def test_a_lifecycle_post_is_retried_after_a_500_only_where_the_spec_says(
    sim: OktaSimulator, retries_on: None, operation: str, retry_safe: bool
) -> None:
    sim.inject_fault("error", operation=operation, status=500, count=1)
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower()  # the client method of the operationId
    async with _client(sim) as okta:
        method = getattr(okta, name)
        try:
            await method(_active(sim)[0])
        except ServerError:
            failed = True
        except Exception:  # the retry reached Okta, which refused the status change
            failed = False
        else:
            failed = False
    assert (2 if retry_safe else 1) == sim.request_counts[operation]
    assert failed is not retry_safe


async def test_a_404_is_never_retried(sim: OktaSimulator, retries_on: None) -> None:
    async with _client(sim) as okta:
        with pytest.raises(NotFoundError) as caught:
            await okta.get_user("00unobody")
    assert 1 == len(_statuses(sim, "getUser"))
    assert 1 == caught.value.attempts
    assert caught.value.rate_limit is not None
    assert "/api/v1/users/{id:.+}" == caught.value.rate_limit.bucket  # Okta's name of the bucket


async def test_attempts_are_bounded_and_the_error_says_so(sim: OktaSimulator) -> None:
    sim.inject_fault("error", operation="getUser", status=500)
    with stamina.set_testing(True, attempts=3):
        async with _client(sim, retry=RetryPolicy(attempts=3)) as okta:
            with pytest.raises(ServerError) as caught:
                await okta.get_user(_active(sim)[0])
    assert 3 == len(_statuses(sim, "getUser"))
    assert 3 == caught.value.attempts
    assert "HTTP 500, no attempts left" == caught.value.stop_reason
    assert ["oktakit gave up after 3 attempts: HTTP 500, no attempts left"] == caught.value.__notes__


async def test_stamina_testing_mode_turns_retries_off(sim: OktaSimulator) -> None:
    sim.inject_fault("error", operation="getUser", status=503, count=1)
    with stamina.set_testing(True):
        async with _client(sim) as okta:
            with pytest.raises(ServerError):
                await okta.get_user(_active(sim)[0])
    assert 1 == len(_statuses(sim, "getUser"))


async def test_retry_false_sends_once(sim: OktaSimulator) -> None:
    sim.inject_fault("reset", operation="suspendUser", count=2)
    with stamina.set_testing(True, attempts=10):
        async with _client(sim, retry=False) as okta:
            with pytest.raises(TransportError):
                await okta.suspend_user(_active(sim)[0])


async def test_the_deadline_stops_a_wait_for_the_reset_before_anything_is_sent() -> None:
    async with OktaSimulator(users=5, seed=1, rate_limit=RateLimitConfig.uniform(1, window=60)) as sim:
        uid = _active(sim)[0]
        async with _client(sim, retry=RetryPolicy(deadline=0.2)) as okta:
            await okta.get_user(uid)
            with pytest.raises(RequestTimeoutError) as caught:
                await okta.get_user(uid)  # the bucket resets in a minute; the deadline is sooner
        assert [200] == _statuses(sim, "getUser")
        assert "deadline" in str(caught.value)
        assert caught.value.stop_reason is not None
        assert "deadline" in caught.value.stop_reason


async def test_cancelling_a_call_while_it_waits_leaves_nothing_behind() -> None:
    async with OktaSimulator(users=5, seed=1, rate_limit=RateLimitConfig.uniform(1, window=60)) as sim:
        uid = _active(sim)[0]
        async with _client(sim, rate_limit=RateLimitPolicy(max_in_flight=1)) as okta:
            await okta.get_user(uid)
            waiting = [asyncio.create_task(okta.get_user(uid)) for _ in range(3)]
            await asyncio.sleep(0.05)
            for task in waiting:
                task.cancel()
            results = await asyncio.gather(*waiting, return_exceptions=True)
            pacer = okta._get_transport().pacer
            assert pacer is not None
            budget = pacer.budget("GET /api/v1/users/{id}")
            # Nothing in flight, nothing pending, nobody queued, no timer left to fire.
            assert (0, 0, 0) == (pacer.in_flight, budget.pending, len(budget.waiters))
            assert budget.timer is None
        assert all(isinstance(result, asyncio.CancelledError) for result in results)
        assert [200] == _statuses(sim, "getUser")


# --- observability ----------------------------------------------------------------------------


async def test_pages_count_in_their_operations_bucket_and_every_answer_reaches_the_hook(
    sim: OktaSimulator,
) -> None:
    states: list[RateLimitState] = []
    async with _client(sim, rate_limit=RateLimitPolicy(on_update=states.append)) as okta:
        users = [u async for u in okta.list_users(limit=10)]
    listed = [uid for uid, user in sim.org.users.items() if user.status != "DEPROVISIONED"]
    assert len(listed) == len(users)
    assert len(states) >= len(listed) // 10  # one per page
    assert {"/api/v1/users"} == {state.bucket for state in states}
    assert okta.stats.requests == len(states)


async def test_debug_logs_say_why_a_call_waits_and_retries_without_the_token(
    sim: OktaSimulator, retries_on: None, caplog: pytest.LogCaptureFixture
) -> None:
    sim.inject_fault("error", operation="getUser", status=503, count=1)
    with caplog.at_level(logging.DEBUG, logger="oktakit"):
        async with _client(sim) as okta:
            await okta.get_user(_active(sim)[0])
    assert "(HTTP 503, attempt 1 of 5): retrying in" in caplog.text
    assert sim.api_token not in caplog.text


def test_stats_print_as_one_readable_line() -> None:
    from oktakit._http.stats import Stats

    stats = Stats()
    stats.requests, stats.retries, stats.waited = 12, 2, 1.25
    stats.rate_limited["rate"] = 1

    assert (
        "<ClientStats 12 requests, 429s: rate 1, concurrency 0, no_headers 0, 2 retries, waited 1.2 s>"
        == repr(stats.snapshot())
    )

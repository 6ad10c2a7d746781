"""Waits, backoff and deadlines as they really run: stamina for real (``real_retries``) on the
event loop's fake clock (looptime), so that a minute's wait takes no time and is measured
exactly, and nothing races the clock.

The simulator runs on the same fake clock (its ``clock`` is the loop's time as an epoch), so its
windows, ``Date`` and ``X-Rate-Limit-Reset`` agree with the client's waits. Expected waits come
from the documented policy (``wait_initial`` doubling, the deadline) and from Okta's one-minute
windows (developer.okta.com/docs/reference/rate-limits), the cap on any hinted wait.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from email.utils import formatdate

import pytest

from oktakit import ApiToken, OktaClient, RateLimitError, RetryPolicy, ServerError
from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.client._support import USER_ID, user_json
from tests.hardening.hostile import HostileServer, json_answer, sequence

# A bug that waits for ages fails at an hour of fake time instead of hanging the suite.
pytestmark = [pytest.mark.real_retries, pytest.mark.looptime(end=3600)]

#: Okta's windows are a minute long: no hinted wait may be longer.
WINDOW = 60.0


def fake_epoch(skew: float = 0.0) -> Callable[[], float]:
    """The loop's (fake) time as an epoch, ``skew`` seconds off ours: the simulator's clock."""
    loop = asyncio.get_running_loop()
    origin = time.time() - loop.time() + skew
    return lambda: origin + loop.time()


def unlimited_sim() -> OktaSimulator:
    """A simulator on the fake clock whose rate limits nobody reaches."""
    return OktaSimulator(users=3, seed=1, clock=fake_epoch(), rate_limit=RateLimitConfig.unlimited())


def elapsed_since(start: float) -> float:
    return asyncio.get_running_loop().time() - start


def client(url: str, token: str, **retry: object) -> OktaClient:
    return OktaClient(url, auth=ApiToken(token), retry=RetryPolicy(**retry))  # type: ignore[arg-type]


def first_user(sim: OktaSimulator) -> str:
    return next(uid for uid, user in sim.org.users.items() if user.status == "ACTIVE")


def statuses(sim: OktaSimulator) -> list[int]:
    return [record.status for record in sim.request_log if record.operation == "getUser"]


async def test_backoff_doubles_from_wait_initial() -> None:
    async with OktaSimulator(
        users=3, seed=1, clock=fake_epoch(), rate_limit=RateLimitConfig.unlimited()
    ) as sim:
        sim.inject_fault("error", operation="getUser", status=503, count=3)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, wait_initial=0.5, jitter=0.0) as okta:
            await okta.get_user(first_user(sim))
        assert 0.5 + 1.0 + 2.0 == elapsed_since(start)
        assert [503, 503, 503, 200] == statuses(sim)
        assert 3.5 == okta.stats.waited


async def test_jitter_adds_up_to_its_value_to_each_wait() -> None:
    async with OktaSimulator(
        users=3, seed=1, clock=fake_epoch(), rate_limit=RateLimitConfig.unlimited()
    ) as sim:
        sim.inject_fault("error", operation="getUser", status=503, count=3)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, wait_initial=0.5, jitter=2.0) as okta:
            await okta.get_user(first_user(sim))
        assert 3.5 <= elapsed_since(start) <= 3.5 + 3 * 2.0


async def test_the_deadline_ends_the_retries_before_a_wait_that_would_pass_it() -> None:
    async with OktaSimulator(
        users=3, seed=1, clock=fake_epoch(), rate_limit=RateLimitConfig.unlimited()
    ) as sim:
        sim.inject_fault("error", operation="getUser", status=503)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, wait_initial=1.0, jitter=0.0, deadline=2.5) as okta:
            with pytest.raises(ServerError) as caught:
                await okta.get_user(first_user(sim))
        # Sent at 0 and at 1; the next wait (2 s) would end at 3, past the deadline at 2.5.
        assert 1.0 == elapsed_since(start)
        assert [503, 503] == statuses(sim)
        assert "HTTP 503, the deadline comes before the next attempt" == caught.value.stop_reason


@pytest.mark.parametrize(("retry_after", "waited"), [(30, None), (7, 7.0)], ids=["past", "within"])
async def test_a_retry_after_is_waited_for_exactly_unless_it_ends_past_the_deadline(
    retry_after: int, waited: float | None
) -> None:
    async with unlimited_sim() as sim:
        sim.inject_fault("error", operation="getUser", status=503, count=1, retry_after=retry_after)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, jitter=0.0, deadline=10.0) as okta:
            if waited is not None:
                await okta.get_user(first_user(sim))
                assert (waited, [503, 200]) == (elapsed_since(start), statuses(sim))
                return
            with pytest.raises(ServerError) as caught:
                await okta.get_user(first_user(sim))
        assert (0.0, [503]) == (elapsed_since(start), statuses(sim))  # stopped at once, sent once
        assert float(retry_after) == caught.value.retry_after
        assert "HTTP 503, the deadline comes before the next attempt" == caught.value.stop_reason


async def test_without_a_deadline_a_huge_retry_after_waits_one_window_then_retries() -> None:
    async with OktaSimulator(
        users=3, seed=1, clock=fake_epoch(), rate_limit=RateLimitConfig.unlimited()
    ) as sim:
        sim.inject_fault("error", operation="getUser", status=503, count=1, retry_after=10**12)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, jitter=0.0, deadline=None) as okta:
            await okta.get_user(first_user(sim))
        assert WINDOW == elapsed_since(start)
        assert [503, 200] == statuses(sim)


async def test_without_a_deadline_a_far_future_reset_waits_one_window_then_retries() -> None:
    date = formatdate(time.time(), usegmt=True)
    refused = json_answer(
        b'{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}',
        429,
        [
            ("Date", date),
            ("X-Rate-Limit-Limit", "600"),
            ("X-Rate-Limit-Remaining", "0"),
            ("X-Rate-Limit-Reset", str(int(time.time()) + 10**9)),  # some 30 years away
        ],
    )
    user = json_answer(json.dumps(user_json()).encode())
    async with HostileServer().running() as server:
        server.answers[f"/api/v1/users/{USER_ID}"] = sequence(refused, user)
        start = asyncio.get_running_loop().time()
        async with client(server.url, "t" * 40, jitter=0.0, deadline=None) as okta:
            assert USER_ID == (await okta.get_user(USER_ID)).id
        assert WINDOW == elapsed_since(start)
        assert 2 == len(server.received)


async def test_a_429_waits_for_the_reset_okta_gives() -> None:
    config = RateLimitConfig.uniform(1000, window=WINDOW)
    async with OktaSimulator(users=3, seed=1, clock=fake_epoch(), rate_limit=config) as sim:
        uid = first_user(sim)
        async with client(sim.url, sim.api_token, jitter=0.0) as okta:
            await okta.get_user(uid)  # opens the bucket's window
            sim.inject_fault("error", operation="getUser", status=429, count=1)
            bucket = sim.rate_limiter.bucket_for("GET", "/api/v1/users/{id}")
            assert bucket is not None
            start = asyncio.get_running_loop().time()
            until_reset = bucket.reset_at - sim.clock()
            await okta.get_user(uid)
        assert [200, 429, 200] == statuses(sim)
        assert until_reset == pytest.approx(elapsed_since(start), abs=1.0)  # Date has whole seconds
        assert 2 == bucket.windows


async def test_a_429_past_the_deadline_is_not_waited_for() -> None:
    config = RateLimitConfig.uniform(1000, window=WINDOW)
    async with OktaSimulator(users=3, seed=1, clock=fake_epoch(), rate_limit=config) as sim:
        uid = first_user(sim)
        async with client(sim.url, sim.api_token, jitter=0.0, deadline=5.0) as okta:
            await okta.get_user(uid)
            sim.inject_fault("error", operation="getUser", status=429, count=1)
            start = asyncio.get_running_loop().time()
            with pytest.raises(RateLimitError) as caught:
                await okta.get_user(uid)
        assert 0.0 == elapsed_since(start)
        assert "HTTP 429, the deadline comes before the next attempt" == caught.value.stop_reason


async def test_pacing_reads_resets_on_okta_clock_even_an_hour_behind_ours() -> None:
    # Okta's clock an hour behind ours: a reset read against our clock would look long past,
    # and the calls of the next window would go early and draw 429s.
    config = RateLimitConfig.uniform(3, window=WINDOW)
    async with OktaSimulator(users=10, seed=1, clock=fake_epoch(skew=-3600), rate_limit=config) as sim:
        uid = first_user(sim)
        start = asyncio.get_running_loop().time()
        async with client(sim.url, sim.api_token, jitter=0.0, attempts=1) as okta:
            users = await asyncio.gather(*(okta.get_user(uid) for _ in range(9)))
        assert 9 == len(users)
        assert [200] * 9 == statuses(sim)
        bucket = sim.rate_limiter.bucket_for("GET", "/api/v1/users/{id}")
        assert bucket is not None
        assert 3 == bucket.windows
        assert 2 * WINDOW - 1 <= elapsed_since(start) <= 3 * WINDOW


async def test_staminas_hooks_hear_each_retry_with_its_wait_and_the_time_waited_so_far(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import stamina.instrumentation

    heard: list[stamina.instrumentation.RetryDetails] = []

    def broken(details: stamina.instrumentation.RetryDetails) -> None:
        raise RuntimeError("a hook of the user's that fails")

    stamina.instrumentation.set_on_retry_hooks([heard.append, broken])
    try:
        async with unlimited_sim() as sim:
            sim.inject_fault("error", operation="getUser", status=503, count=2, retry_after=3)
            async with client(sim.url, sim.api_token, jitter=0.0) as okta:
                await okta.get_user(first_user(sim))
    finally:
        stamina.instrumentation.set_on_retry_hooks(None)
    # Two 503s asking for 3 s each: retries 1 and 2, after 0 s and then 3 s of waiting.
    assert [("oktakit", 1, 3.0, 0.0, 503), ("oktakit", 2, 3.0, 3.0, 503)] == [
        (d.name, d.retry_num, d.wait_for, d.waited_so_far, getattr(d.caused_by, "status", None))
        for d in heard
    ]
    assert all((d.args, d.kwargs) == ((), {}) for d in heard)
    hook_failures = [r for r in caplog.records if r.getMessage() == "a stamina on-retry hook raised"]
    assert ["WARNING", "WARNING"] == [r.levelname for r in hook_failures]
    assert all(r.exc_info is not None and isinstance(r.exc_info[1], RuntimeError) for r in hook_failures)

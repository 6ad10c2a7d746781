"""API-token authentication, the headers on every response, rate-limit buckets and 429s."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator
from email.utils import parsedate_to_datetime

import aiohttp
import pytest
import pytest_asyncio

from oktakit.testing import BucketRule, ManualClock, OktaSimulator, RateLimitConfig, RateLimiter
from oktakit.testing._ratelimit import Decision, okta_buckets

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


# --- authentication -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "SSWS not-a-real-token"},
        {"Authorization": "Bearer whatever"},
        {"Authorization": "SSWS"},
        {"Authorization": ""},
    ],
    ids=["missing", "unknown-token", "bearer-scheme", "scheme-only", "empty"],
)
async def test_missing_or_invalid_token_returns_401_e0000011(
    sim: OktaSimulator, headers: dict[str, str]
) -> None:
    async with aiohttp.ClientSession(base_url=sim.url, headers=headers) as anonymous:
        code, body, _ = await call(anonymous, "GET", "/api/v1/users")
    assert_okta_error(code, body, 401, "E0000011")
    assert body["errorSummary"] == "Invalid token provided"


@pytest.mark.parametrize("template", ["SSWS {}", "SSWS{}", "ssws {}", "SSWS   {}"])
async def test_ssws_token_is_accepted_with_or_without_the_space(sim: OktaSimulator, template: str) -> None:
    async with aiohttp.ClientSession(
        base_url=sim.url, headers={"Authorization": template.format(sim.api_token)}
    ) as session:
        code, _, _ = await call(session, "GET", "/api/v1/authenticators")
    assert code == 200


async def test_issued_tokens_work_until_revoked(sim: OktaSimulator) -> None:
    token = sim.issue_api_token("second")
    async with aiohttp.ClientSession(base_url=sim.url, headers={"Authorization": f"SSWS {token}"}) as session:
        assert (await call(session, "GET", "/api/v1/authenticators"))[0] == 200
        sim.revoke_api_token(token)
        assert (await call(session, "GET", "/api/v1/authenticators"))[0] == 401


async def test_authentication_happens_before_routing(sim: OktaSimulator) -> None:
    async with aiohttp.ClientSession(base_url=sim.url) as anonymous:
        code, body, _ = await call(anonymous, "GET", "/api/v1/no/such/path")
    assert_okta_error(code, body, 401, "E0000011")


async def test_unknown_path_and_method_return_okta_errors(client: aiohttp.ClientSession) -> None:
    code, body, _ = await call(client, "GET", "/api/v1/no/such/path")
    assert_okta_error(code, body, 404, "E0000008")
    code, body, response = await call(client, "PATCH", "/api/v1/users/someone")
    assert_okta_error(code, body, 405, "E0000022")
    assert "GET" in response.headers["Allow"]


# --- headers on every response ------------------------------------------------------------
async def test_every_response_carries_date_request_id_and_rate_limit_headers(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "STAGED")
    requests = [
        ("GET", f"/api/v1/users/{user.id}", 200),
        ("GET", "/api/v1/users/nobody", 404),
        ("POST", f"/api/v1/users/{user.id}/lifecycle/suspend", 400),
        ("GET", "/api/v1/users?search=bad", 400),
        ("GET", "/nowhere", 404),
    ]
    request_ids = set()
    for method, path, expected in requests:
        async with client.request(method, path) as response:
            assert response.status == expected
            headers = response.headers
            assert parsedate_to_datetime(headers["Date"]).timestamp() == int(clock())
            assert int(headers["X-Rate-Limit-Limit"]) > 0
            assert int(headers["X-Rate-Limit-Remaining"]) >= 0
            assert int(headers["X-Rate-Limit-Reset"]) >= int(clock())
            request_ids.add(headers["X-Okta-Request-Id"])
    assert len(request_ids) == len(requests)
    async with (
        aiohttp.ClientSession(base_url=sim.url) as anonymous,
        anonymous.get("/api/v1/users") as response,
    ):
        assert response.status == 401
        assert {"Date", "X-Rate-Limit-Limit", "X-Okta-Request-Id"} <= set(response.headers)


# --- buckets ------------------------------------------------------------------------------
@pytest_asyncio.fixture
async def limited(clock: ManualClock) -> AsyncIterator[tuple[OktaSimulator, aiohttp.ClientSession]]:
    async with (
        OktaSimulator(users=20, seed=5, clock=clock) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as session,
    ):
        yield sim, session


async def test_default_buckets_are_oktas_with_workforce_limits_and_count_together_as_okta_does(
    limited: tuple[OktaSimulator, aiohttp.ClientSession],
) -> None:
    # Okta's Workforce defaults (management rate-limit page) and Okta's rule table: list users, a
    # user's groups and the lifecycle POSTs count down one /api/v1/users counter.
    sim, client = limited
    user = user_with(sim, "ACTIVE")
    seen: list[tuple[str, int, int]] = []
    for path, method in [
        (f"/api/v1/users/{user.id}", "GET"),
        (f"/api/v1/users/{user.id}", "GET"),
        ("/api/v1/users", "GET"),
        (f"/api/v1/users/{user.id}/groups", "GET"),
        (f"/api/v1/users/{user.id}/lifecycle/reset_factors", "POST"),
        ("/api/v1/authenticators", "GET"),
    ]:
        async with client.request(method, path) as response:
            numbers = (
                int(response.headers["X-Rate-Limit-Limit"]),
                int(response.headers["X-Rate-Limit-Remaining"]),
            )
            seen.append((f"{method} {path.replace(user.id, '{id}')}", *numbers))
    assert [
        ("GET /api/v1/users/{id}", 2000, 1999),
        ("GET /api/v1/users/{id}", 2000, 1998),
        ("GET /api/v1/users", 600, 599),
        ("GET /api/v1/users/{id}/groups", 600, 598),
        ("POST /api/v1/users/{id}/lifecycle/reset_factors", 600, 597),
        ("GET /api/v1/authenticators", 1200, 1199),
    ] == seen


async def test_get_users_me_counts_in_a_bucket_of_its_own(
    limited: tuple[OktaSimulator, aiohttp.ClientSession],
) -> None:
    sim, client = limited
    user = user_with(sim, "ACTIVE")
    await call(client, "GET", f"/api/v1/users/{user.id}")
    await call(client, "GET", "/api/v1/users/me")
    assert 1 == sim.rate_limiter.bucket("/api/v1/users/me").count
    assert 1 == sim.rate_limiter.bucket("/api/v1/users/{id:.+}").count


async def test_bucket_choice_is_exact_match_first_then_longest_prefix(clock: ManualClock) -> None:
    limiter = RateLimiter(
        RateLimitConfig(
            buckets=(
                BucketRule("/api/v1/users", 1, ("GET",)),
                BucketRule("/api/v1/users/{id}", 2, ("GET",)),
                BucketRule("/api/v1/users/{id}/lifecycle", 3, ("POST",)),
                BucketRule("/api/v1", 4),
                BucketRule("/", 5, name="default"),
            )
        ),
        clock,
    )

    def label(method: str, path: str) -> str:
        bucket = limiter.bucket_for(method, path)
        assert bucket is not None
        return bucket.label

    assert label("GET", "/api/v1/users") == "GET /api/v1/users"
    assert label("GET", "/api/v1/users/00u1") == "GET /api/v1/users/{id}"
    assert label("GET", "/api/v1/users/00u1/groups") == "GET /api/v1/users/{id}"
    assert label("POST", "/api/v1/users/00u1/lifecycle/suspend") == "POST /api/v1/users/{id}/lifecycle"
    assert label("POST", "/api/v1/users/00u1") == "* /api/v1"
    assert label("GET", "/oauth2/v1/clients/x/roles") == "default"
    # Without a catch-all in the table, one is added so every response has rate-limit headers.
    bare = RateLimiter(RateLimitConfig(buckets=(BucketRule("/api/v1/users", 1, ("GET",)),)), clock)
    fallback = bare.bucket_for("GET", "/api/v1/authenticators")
    assert fallback is not None
    assert fallback.label == "default"


async def test_requests_past_the_limit_get_429_e0000047_until_the_window_resets(clock: ManualClock) -> None:
    async with (
        OktaSimulator(
            users=10, seed=5, clock=clock, rate_limit=RateLimitConfig.uniform(3, window=0.5)
        ) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        user = next(iter(sim.org.users.values()))
        start = clock()
        remaining = []
        for _ in range(3):
            async with client.get(f"/api/v1/users/{user.id}") as response:
                assert response.status == 200
                remaining.append(response.headers["X-Rate-Limit-Remaining"])
                assert response.headers["X-Rate-Limit-Reset"] == str(math.ceil(start + 0.5))
        assert remaining == ["2", "1", "0"]
        clock.advance(0.25)
        code, body, response = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert_okta_error(code, body, 429, "E0000047")
        assert body["errorSummary"] == "API call exceeded rate limit due to too many requests."
        assert response.headers["X-Rate-Limit-Limit"] == "3"
        assert response.headers["X-Rate-Limit-Remaining"] == "0"
        assert response.headers["X-Rate-Limit-Reset"] == str(math.ceil(start + 0.5))
        # Another bucket is unaffected.
        assert (await call(client, "GET", "/api/v1/users"))[0] == 200
        clock.advance(0.25)  # the window (0.5 s) is over
        async with client.get(f"/api/v1/users/{user.id}") as response:
            assert response.status == 200
            assert response.headers["X-Rate-Limit-Remaining"] == "2"
            assert response.headers["X-Rate-Limit-Reset"] == str(math.ceil(clock() + 0.5))


async def test_set_rate_limit_changes_one_bucket(
    limited: tuple[OktaSimulator, aiohttp.ClientSession],
) -> None:
    sim, client = limited
    sim.set_rate_limit(1, bucket="/api/v1/users")
    user = user_with(sim, "ACTIVE")
    assert (await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reset_factors"))[0] == 200
    assert (await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reset_factors"))[0] == 429
    assert (await call(client, "GET", f"/api/v1/users/{user.id}/groups"))[0] == 429  # the same bucket
    assert (await call(client, "GET", f"/api/v1/users/{user.id}"))[0] == 200
    with pytest.raises(KeyError, match=r"no rate-limit bucket 'GET /nope'; have \[.*'/api/v1/users'"):
        sim.set_rate_limit(1, bucket="GET /nope")


async def test_set_rate_limit_without_a_bucket_changes_every_bucket_and_can_shorten_the_window(
    limited: tuple[OktaSimulator, aiohttp.ClientSession], clock: ManualClock
) -> None:
    sim, client = limited
    sim.set_rate_limit(1, window=5)
    user = user_with(sim, "ACTIVE")
    for path in (f"/api/v1/users/{user.id}", "/api/v1/authenticators"):
        first, _, response = await call(client, "GET", path)
        assert (200, "1") == (first, response.headers["X-Rate-Limit-Limit"])
        assert 429 == (await call(client, "GET", path))[0]
    clock.advance(5)
    assert 200 == (await call(client, "GET", f"/api/v1/users/{user.id}"))[0]


async def test_concurrency_limit_returns_429_with_zero_limit_and_remaining(
    limited: tuple[OktaSimulator, aiohttp.ClientSession], clock: ManualClock
) -> None:
    sim, client = limited
    sim.set_concurrency_limit(2)
    sim.inject_fault("delay", operation="getUser", delay=0.3)
    user = user_with(sim, "ACTIVE")

    async def fetch() -> tuple[int, dict[str, str], object]:
        async with client.get(f"/api/v1/users/{user.id}") as response:
            return response.status, dict(response.headers), await response.json()

    results = await asyncio.gather(fetch(), fetch(), fetch())
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [200, 200, 429]
    _, headers, body = next(r for r in results if r[0] == 429)
    assert body["errorCode"] == "E0000047"  # type: ignore[index]
    assert headers["X-Rate-Limit-Limit"] == "0"
    assert headers["X-Rate-Limit-Remaining"] == "0"
    assert headers["X-Rate-Limit-Reset"] == str(math.ceil(clock()) + 1)
    assert sim.rate_limiter.in_flight == 0


async def test_a_window_of_whole_seconds_starts_on_the_whole_second(clock: ManualClock) -> None:
    clock.set(1_767_225_600.75)
    async with (
        OktaSimulator(users=5, seed=5, clock=clock, rate_limit=RateLimitConfig.uniform(2, window=3)) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        user = next(iter(sim.org.users.values()))
        _, _, response = await call(client, "GET", f"/api/v1/users/{user.id}")
        # Like Okta's "12:00:20 to 12:01:19": from second ...600 to ...603, whatever the fraction.
        assert "1767225603" == response.headers["X-Rate-Limit-Reset"]
        clock.set(1_767_225_603.0)
        _, _, response = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert ("1", "1767225606") == (
            response.headers["X-Rate-Limit-Remaining"],
            response.headers["X-Rate-Limit-Reset"],
        )
        bucket = sim.rate_limiter.bucket_for("GET", "/api/v1/users/{id}")
        assert bucket is not None
        assert 2 == bucket.windows


async def test_a_bucket_is_found_by_its_label_and_an_unknown_label_is_named() -> None:
    from oktakit.testing._ratelimit import RateLimitConfig, RateLimiter

    limiter = RateLimiter(RateLimitConfig.uniform(7), lambda: 0.0)

    assert 7 == limiter.bucket("/api/v1/users/{id:.+}").limit
    with pytest.raises(KeyError, match="no rate-limit bucket 'GET /nope'"):
        limiter.bucket("GET /nope")


# --- editions and each client's share ---------------------------------------------------------
async def test_okta_config_takes_an_editions_defaults_and_scales_them() -> None:
    # Okta's Integrator Free Plan defaults: /api/v1/users 100, GET a user 100, token 300; 35
    # requests in flight (management and end-user rate-limit pages, concurrency page).
    free = RateLimiter(RateLimitConfig.okta("integrator_free"), lambda: 0.0)
    assert (100, 100, 300, 35) == (
        free.bucket("/api/v1/users").limit,
        free.bucket("/api/v1/users/{id:.+}").limit,
        free.bucket("/oauth2/v1/token").limit,
        free.concurrency_limit,
    )
    scaled = RateLimiter(RateLimitConfig.okta(scale=0.01, window=1.0), lambda: 0.0)
    assert (6, 20, 1) == (
        scaled.bucket("/api/v1/users").limit,
        scaled.bucket("/api/v1/users/{id:.+}").limit,
        scaled.bucket("/oauth2/v1/clients").limit,  # never below one
    )
    assert 75 == RateLimiter(RateLimitConfig(), lambda: 0.0).concurrency_limit  # Workforce
    # Okta's windows are a minute; the client share and the headers' reading pass through.
    default = RateLimitConfig.okta()
    assert (60.0, None, "client") == (default.window, default.client_share, default.headers)
    custom = RateLimitConfig.okta("one_app", window=2.0, client_share=0.5, headers="org")
    assert (2.0, 0.5, "org", 35) == (custom.window, custom.client_share, custom.headers, custom.concurrency)


async def test_okta_buckets_keep_oktas_methods_and_exact_rules() -> None:
    # Okta's table: GET /users/{id} and POST /users/{id} count apart, a user's groups in /users.
    rules = okta_buckets()
    assert 600 == next(rule.limit for rule in rules if rule.label == "/api/v1/users")  # Workforce, unscaled
    limiter = RateLimiter(RateLimitConfig.okta(scale=0.5), lambda: 0.0)

    def label(method: str, path: str) -> str:
        bucket = limiter.bucket_for(method, path)
        assert bucket is not None
        return bucket.label

    assert "/api/v1/users/{id:.+}" == label("GET", "/api/v1/users/00u1")
    assert "/api/v1/users/{id}" == label("POST", "/api/v1/users/00u1")
    assert "/api/v1/users" == label("GET", "/api/v1/users/00u1/groups")
    assert "/api/v1/users/me" == label("GET", "/api/v1/users/me")
    assert 300 == limiter.bucket("/api/v1/users").limit


async def _limits_seen(
    sim: OktaSimulator, client: aiohttp.ClientSession, times: int
) -> list[tuple[int, str, str]]:
    user = user_with(sim, "ACTIVE")
    seen = []
    for _ in range(times):
        code, _, response = await call(client, "GET", f"/api/v1/users/{user.id}/groups")
        seen.append(
            (code, response.headers["X-Rate-Limit-Limit"], response.headers["X-Rate-Limit-Remaining"])
        )
    return seen


async def test_a_clients_share_is_what_the_headers_report_by_default(clock: ManualClock) -> None:
    config = RateLimitConfig(buckets=(BucketRule("/api/v1/users", 4, name="users"),), client_share=0.5)
    async with (
        OktaSimulator(users=10, seed=5, clock=clock, rate_limit=config) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        seen = await _limits_seen(sim, client, 3)
        # Half of 4 for this token; the third is refused though the org's bucket has room.
        assert [(200, "2", "1"), (200, "2", "0"), (429, "2", "0")] == seen
        # Another token has a share of its own, and the org's bucket still has room for it.
        other = {"Authorization": f"SSWS {sim.issue_api_token()}"}
        code, _, response = await call(client, "GET", "/api/v1/users", headers=other)
        assert (200, "2", "1") == (
            code,
            response.headers["X-Rate-Limit-Limit"],
            response.headers["X-Rate-Limit-Remaining"],
        )


async def test_with_org_headers_a_client_is_refused_at_its_share_while_the_headers_show_room(
    clock: ManualClock,
) -> None:
    config = RateLimitConfig(
        buckets=(BucketRule("/api/v1/users", 4, name="users"),), client_share=0.5, headers="org"
    )
    async with (
        OktaSimulator(users=10, seed=5, clock=clock, rate_limit=config) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        # Refused at half of 4 while the org's bucket reports 2 left (not counting the refusal).
        assert [(200, "4", "3"), (200, "4", "2"), (429, "4", "2")] == await _limits_seen(sim, client, 3)
        clock.advance(60)  # a new window: the share is whole again
        assert [(200, "4", "3")] == await _limits_seen(sim, client, 1)


async def test_a_clients_share_is_at_least_one_request_and_keeps_the_orgs_reset() -> None:
    config = RateLimitConfig(buckets=(BucketRule("/", 1, name="all"),), window=60.0, client_share=0.5)
    limiter = RateLimiter(config, lambda: 0.0)
    bucket = limiter.bucket("all")
    org = limiter.hit(bucket, 10.0)
    assert Decision(True, 1, 0, 70) == limiter.hit_client(bucket, "token", org)  # half of 1 is 1

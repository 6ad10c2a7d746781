"""Injected faults: Okta 5xx, proxy HTML pages, connection resets, delays, timeouts."""

from __future__ import annotations

import time

import aiohttp
import pytest

from oktakit.testing import OktaSimulator

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


async def test_error_fault_returns_okta_500_json(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    rule = sim.inject_fault("error", operation="listUsers")
    code, body, response = await call(client, "GET", "/api/v1/users")
    assert_okta_error(code, body, 500, "E0000009")
    assert body["errorSummary"] == "Internal Server Error"
    assert "X-Rate-Limit-Remaining" in response.headers
    assert rule.fired == 1
    assert sim.request_log[-1].fault == "error"


@pytest.mark.parametrize(("status", "title"), [(502, "502 Bad Gateway"), (503, "503 Service Unavailable")])
async def test_html_fault_answers_like_a_proxy(
    sim: OktaSimulator, client: aiohttp.ClientSession, status: int, title: str
) -> None:
    sim.inject_fault("html", status=status, path="/api/v1/authenticators*", okta_headers=False)
    async with client.get("/api/v1/authenticators") as response:
        assert response.status == status
        assert response.content_type == "text/html"
        assert await response.text() == f"<html><body><h1>{title}</h1></body></html>"
        assert "Date" in response.headers
        assert "X-Rate-Limit-Limit" not in response.headers
        assert "X-Okta-Request-Id" not in response.headers


async def test_reset_fault_drops_the_connection(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    # No `count`: aiohttp itself retries an idempotent request once on a dropped connection.
    rule = sim.inject_fault("reset", method="GET", path="/api/v1/users/*")
    user = user_with(sim, "ACTIVE")
    with pytest.raises((aiohttp.ClientOSError, aiohttp.ServerDisconnectedError)):
        await call(client, "GET", f"/api/v1/users/{user.id}")
    assert rule.fired >= 1
    sim.clear_faults()
    assert (await call(client, "GET", f"/api/v1/users/{user.id}"))[0] == 200
    assert sim.rate_limiter.in_flight == 0


async def test_delay_fault_slows_the_response_but_serves_it(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.inject_fault("delay", operation="listAuthenticators", delay=0.2)
    started = time.perf_counter()
    code, _, _ = await call(client, "GET", "/api/v1/authenticators")
    assert code == 200
    assert time.perf_counter() - started >= 0.2


async def test_timeout_fault_outlasts_the_client_timeout(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    rule = sim.inject_fault("timeout", operation="listAuthenticators", delay=30)
    with pytest.raises(TimeoutError):
        await call(client, "GET", "/api/v1/authenticators", timeout=aiohttp.ClientTimeout(total=0.2))
    assert rule.fired == 1


async def test_timeout_fault_answers_504_when_the_client_waits(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.inject_fault("timeout", operation="listAuthenticators", delay=0.05)
    async with client.get("/api/v1/authenticators") as response:
        assert response.status == 504
        assert response.content_type == "text/html"


async def test_count_limits_a_fault_to_the_next_n_requests(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    rule = sim.inject_fault("error", status=503, operation="listAuthenticators", count=2)
    statuses = [(await call(client, "GET", "/api/v1/authenticators"))[0] for _ in range(4)]
    assert statuses == [503, 503, 200, 200]
    assert rule.fired == 2
    assert rule.exhausted


async def test_fault_matches_only_its_operation_method_and_path(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    sim.inject_fault("error", method="POST", path="/api/v1/users/*/lifecycle/*")
    assert (await call(client, "GET", f"/api/v1/users/{user.id}"))[0] == 200
    assert (await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reset_factors"))[0] == 500
    sim.clear_faults()
    assert (await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reset_factors"))[0] == 200


async def fault_pattern(seed: int) -> list[int]:
    async with (
        OktaSimulator(users=5, seed=1, fault_seed=seed) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        sim.inject_fault("error", operation="listAuthenticators", probability=0.5)
        return [(await call(client, "GET", "/api/v1/authenticators"))[0] for _ in range(24)]


async def test_probabilistic_faults_are_reproducible_from_the_seed() -> None:
    first, again, other = await fault_pattern(7), await fault_pattern(7), await fault_pattern(8)
    assert first == again
    assert first != other
    assert 200 in first
    assert 500 in first


async def test_custom_fault_body_and_error_statuses(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.inject_fault("error", status=429, operation="listAuthenticators", count=1)
    code, body, _ = await call(client, "GET", "/api/v1/authenticators")
    assert_okta_error(code, body, 429, "E0000047")
    sim.inject_fault("error", status=500, body=b"oops", content_type="text/plain", operation="listUsers")
    async with client.get("/api/v1/users") as response:
        assert (response.status, await response.text()) == (500, "oops")


async def test_unknown_fault_kind_is_rejected() -> None:
    sim = OktaSimulator(users=1)
    with pytest.raises(ValueError, match="unknown fault kind"):
        sim.inject_fault("explode")  # type: ignore[arg-type]


async def test_a_503_fault_can_carry_retry_after(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    sim.inject_fault("error", operation="listUsers", status=503, retry_after=7)
    code, body, response = await call(client, "GET", "/api/v1/users")
    assert_okta_error(code, body, 503, "E0000010")
    assert "7" == response.headers["Retry-After"]


async def test_a_429_fault_reports_its_bucket_as_spent_or_carries_no_headers(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.inject_fault("error", operation="listUsers", status=429, count=1)
    sim.inject_fault("error", operation="listUsers", status=429, count=1, okta_headers=False)
    code, body, response = await call(client, "GET", "/api/v1/users")
    assert_okta_error(code, body, 429, "E0000047")
    assert "0" == response.headers["X-Rate-Limit-Remaining"]
    assert int(response.headers["X-Rate-Limit-Reset"]) > sim.clock()
    code, body, response = await call(client, "GET", "/api/v1/users")
    assert_okta_error(code, body, 429, "E0000047")
    assert "X-Rate-Limit-Limit" not in response.headers


async def test_a_truncate_fault_resets_the_connection_in_the_middle_of_the_body(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    sim.inject_fault("truncate", method="POST", path="/api/v1/users/*")
    user = user_with(sim, "ACTIVE")
    async with client.post(f"/api/v1/users/{user.id}/lifecycle/suspend") as response:
        assert 200 == response.status  # the headers came through
        with pytest.raises(aiohttp.ClientPayloadError):
            await response.read()
    assert "ACTIVE" == sim.org.users[user.id].status  # a fault never reaches the handler

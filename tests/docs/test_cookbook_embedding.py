"""The cookbook's embedding example (docs/cookbook/embedding_sdk.py) against the simulator."""

from __future__ import annotations

import types

import aiohttp
import pytest

from oktakit import RateLimitState
from oktakit.testing import OktaSimulator

from ._cookbook import load

embedding = load("embedding_sdk")


def counting_trace(sent: list[str]) -> aiohttp.TraceConfig:
    """The host SDK's own instrumentation of its session: every request it sees, with the
    correlation id it carried."""

    async def on_request_start(
        session: aiohttp.ClientSession,
        context: types.SimpleNamespace,
        params: aiohttp.TraceRequestStartParams,
    ) -> None:
        sent.append(f"{params.method} {params.url.path} {params.headers.get('X-Acme-Correlation-Id')}")

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_request_start)
    return trace


@pytest.mark.okta_sim(users=20, seed=4)
async def test_the_host_sdk_locks_a_user_out_on_its_own_session_with_a_rotated_token(
    okta_sim: OktaSimulator,
) -> None:
    sim = okta_sim
    user = next(u for u in sim.org.users.values() if u.status == "ACTIVE")
    # The secret store first holds a token Okta no longer accepts; the rotation put the new one in.
    stored = iter(["00-rotated-away-token", sim.api_token])
    reads: list[str] = []

    async def read_secret() -> str:
        reads.append("read")
        return next(stored)

    sent: list[str] = []
    budgets: list[RateLimitState] = []
    async with aiohttp.ClientSession(trace_configs=[counting_trace(sent)]) as session:
        directory = embedding.AcmeDirectory(
            sim.url, read_secret, session=session, correlation_id=lambda: "req-7", on_budget=budgets.append
        )
        locked = await directory.lock_out(user.profile["login"])
        await directory.aclose()

        assert not session.closed  # the host's session outlives oktakit's client
    assert user.id == locked
    assert "SUSPENDED" == sim.org.users[user.id].status
    assert 2 == len(reads)  # the 401 made it read the store once more, and only once
    # Every request went through the host's transport (tagged) onto the host's session.
    assert f"GET /api/v1/users/{user.profile['login']} req-7" == sent[0] == sent[1]  # refused, then resent
    assert f"POST /api/v1/users/{user.id}/lifecycle/suspend req-7" == sent[-1]
    assert all(line.endswith(" req-7") for line in sent)
    assert {"/api/v1/users", "/api/v1/users/{id:.+}"} <= {state.bucket for state in budgets}
    # The host's metrics saw each answer through the hook: the refusal, then the four calls.
    assert {
        ("getUser", 401): 1,
        ("getUser", 200): 1,
        ("revokeUserSessions", 204): 1,
        ("suspendUser", 200): 1,
    } == dict(directory.metrics.answers)
    assert directory.metrics.seconds > 0


@pytest.mark.okta_sim(users=5, seed=4)
async def test_okta_errors_reach_the_host_as_its_own_error_with_okta_s_code(okta_sim: OktaSimulator) -> None:
    async def read_secret() -> str:
        return okta_sim.api_token

    async with aiohttp.ClientSession() as session:
        directory = embedding.AcmeDirectory(
            okta_sim.url, read_secret, session=session, correlation_id=lambda: "req-8"
        )
        with pytest.raises(embedding.DirectoryError) as missing:
            await directory.lock_out("nobody.here@example.com")
        okta_sim.revoke_api_token(okta_sim.api_token)
        with pytest.raises(embedding.DirectoryError) as refused:
            await directory.lock_out("nobody.here@example.com")
        await directory.aclose()

    assert "not_found" == missing.value.code
    assert "E0000011" == refused.value.code  # Okta's "Invalid token provided"
    assert refused.value.provider_reference

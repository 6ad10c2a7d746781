"""Faults after Okta acted (``applied=True``) and requests held until the test releases them."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from oktakit.testing import FaultRule, OktaSimulator

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


async def _until_held(hold: FaultRule, count: int) -> None:
    """Poll (the requests arrive over sockets: no event to wait on) until ``count`` are held."""
    for _ in range(6000):
        if hold.held >= count:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"{hold.held} requests held, expected {count}")


async def test_an_applied_error_changes_the_user_and_answers_the_fault(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    sim.inject_fault("error", operation="suspendUser", status=503, applied=True, count=1)

    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")

    assert_okta_error(code, body, 503, "E0000010")
    assert "SUSPENDED" == sim.org.users[user.id].status


async def test_an_error_before_handling_changes_nothing(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    sim.inject_fault("error", operation="suspendUser", status=503, count=1)

    code, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")

    assert (503, "ACTIVE") == (code, sim.org.users[user.id].status)


async def test_a_hold_keeps_requests_waiting_until_released_then_serves_them(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    users = [user_with(sim, "ACTIVE"), user_with(sim, "SUSPENDED")]
    hold = sim.inject_fault("hold", operation="getUser")
    calls = [asyncio.create_task(call(client, "GET", f"/api/v1/users/{u.id}")) for u in users]
    await _until_held(hold, 2)

    assert not any(task.done() for task in calls)
    hold.release()
    answers = await asyncio.gather(*calls)

    assert [200, 200] == [code for code, _, _ in answers]
    assert 0 == hold.held


async def test_an_applied_hold_makes_the_change_before_holding_the_answer(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    hold = sim.inject_fault("hold", operation="suspendUser", applied=True)
    task = asyncio.create_task(call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend"))
    await _until_held(hold, 1)

    assert "SUSPENDED" == sim.org.users[user.id].status
    assert not task.done()
    sim.clear_faults()  # releases what its holds kept
    assert 200 == (await task)[0]

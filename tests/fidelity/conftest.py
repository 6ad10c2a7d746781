"""The official SDK's client, wired to the test's simulator (Okta's own recipe for a local org:
its https check off, ``orgUrl`` the loopback URL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from oktakit.testing import OktaSimulator


@pytest.fixture
async def official(okta_sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    from okta.client import Client  # the modules that use it skip when `okta` is missing

    monkeypatch.setenv("OKTA_TESTING_TESTINGDISABLEHTTPSCHECK", "true")
    config = {"orgUrl": okta_sim.url, "token": okta_sim.api_token, "testing": {"disableHttpsCheck": True}}
    async with Client(config) as client:
        yield client


def ok(result: tuple[Any, ...]) -> Any:
    """The value of an official SDK call's ``(value..., response, error)``, which must succeed."""
    *values, error = result
    assert error is None, f"the official SDK reported: {error}"
    return values[0] if values else None

"""Fixtures for the SDK core tests: a client, mocked Okta (aioresponses) and a wire recorder."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses

from oktakit import ApiToken, OktaClient
from tests.conftest import ORG, TOKEN
from tests.sdk._support import Sent


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    """Okta stand-in: every request not registered on it fails with a connection error."""
    with aioresponses() as m:
        yield m


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """Every request handed to aiohttp, in order, exactly as handed over (URL object included)."""
    sent: list[Sent] = []
    original = aiohttp.ClientSession.request

    def spy(self: aiohttp.ClientSession, method: str, url: Any, **kwargs: Any) -> Any:
        sent.append(
            Sent(
                session=self,
                method=method,
                url=url,
                headers=dict(kwargs.get("headers") or {}),
                data=kwargs.get("data"),
                kwargs=kwargs,
            )
        )
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(aiohttp.ClientSession, "request", spy)
    return sent


@pytest.fixture
async def okta() -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as client:
        yield client

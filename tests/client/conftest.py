"""Fixtures for the SDK core tests: a client, mocked Okta (aioresponses) and a wire recorder."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import aiohttp
import pytest
from aioresponses import aioresponses

from oktakit import ApiToken, OktaClient
from tests.client._support import Sent, spy_on_requests
from tests.conftest import ORG, TOKEN


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    """Okta stand-in: every request not registered on it fails with a connection error."""
    with aioresponses() as m:
        yield m


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """Every request handed to aiohttp, in order, exactly as handed over (URL object included)."""
    return spy_on_requests(monkeypatch, aiohttp.ClientSession.request)


@pytest.fixture
async def okta() -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as client:
        yield client

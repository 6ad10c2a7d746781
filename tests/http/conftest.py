"""Fixtures for the HTTP path's tests: a client on the real aiohttp session, with aioresponses
answering in place of Okta (these tests are about the aiohttp exchange itself)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from aioresponses import aioresponses

from oktakit import ApiToken, OktaClient
from tests.conftest import ORG, TOKEN


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    """Okta stand-in: every request not registered on it fails with a connection error."""
    with aioresponses() as m:
        yield m


@pytest.fixture
async def okta() -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as client:
        yield client

"""Fixtures for the SDK core tests: a client on ``MockTransport`` and the fake Okta behind it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from oktakit import ApiToken, HttpRequest, OktaClient
from tests._fake_okta import FakeOkta
from tests.conftest import ORG, TOKEN


@pytest.fixture
def mocked() -> FakeOkta:
    """Okta stand-in: every request not registered on it fails as a refused connection."""
    return FakeOkta()


@pytest.fixture
def wire(mocked: FakeOkta) -> list[HttpRequest]:
    """Every request the client handed to its transport, in order, exactly as handed over."""
    return mocked.requests


@pytest.fixture
async def okta(mocked: FakeOkta) -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN), transport=mocked.transport) as client:
        yield client

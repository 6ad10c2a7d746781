"""Fixtures for the hardening tests: a recorder in place of the network, and a client on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from oktakit import ApiToken, OktaClient
from tests.client._support import Sent, spy_on_requests
from tests.conftest import ORG, TOKEN

NOT_SENT = "recorded instead of sent"


#: Every request handed to aiohttp; each then fails as a refused connection would.
Recorder = list[Sent]


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    def refuse(*_: Any, **__: Any) -> Any:
        raise aiohttp.ClientConnectionError(NOT_SENT)

    return spy_on_requests(monkeypatch, refuse)


@pytest.fixture
async def recorded_client(recorder: Recorder) -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as client:
        yield client

"""Fixtures for the hardening tests: a recorder in place of the network, and a client on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from oktakit import ApiToken, OktaClient
from tests.conftest import ORG, TOKEN
from tests.sdk._support import Sent

NOT_SENT = "recorded instead of sent"


class Recorder(list[Sent]):
    """Every request handed to aiohttp; each then fails as a refused connection would."""


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    sent = Recorder()

    def record(self: aiohttp.ClientSession, method: str, url: Any, **kwargs: Any) -> Any:
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
        raise aiohttp.ClientConnectionError(NOT_SENT)

    monkeypatch.setattr(aiohttp.ClientSession, "request", record)
    return sent


@pytest.fixture
async def recorded_client(recorder: Recorder) -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN)) as client:
        yield client

"""Fixtures for the hardening tests: a recorder in place of the network, and a client on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from oktakit import ApiToken, HttpRequest, HttpResponse, OktaClient, TransportError
from oktakit.testing import MockTransport
from tests.conftest import ORG, TOKEN

NOT_SENT = "recorded instead of sent"


#: Every request handed to the transport; each then fails as a refused connection would.
Recorder = list[HttpRequest]


def _refuse(request: HttpRequest) -> HttpResponse:
    raise TransportError(NOT_SENT, method=request.method, url=str(request.url), connected=False)


@pytest.fixture
def recording_transport() -> MockTransport:
    return MockTransport(_refuse)


@pytest.fixture
def recorder(recording_transport: MockTransport) -> Recorder:
    return recording_transport.requests


@pytest.fixture
async def recorded_client(recording_transport: MockTransport) -> AsyncIterator[OktaClient]:
    async with OktaClient(ORG, auth=ApiToken(TOKEN), transport=recording_transport) as client:
        yield client

"""Fixtures for the credential tests: a mocked Okta (aioresponses), its token endpoint and clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from aioresponses import aioresponses

from oktakit import OktaClient, PrivateKeyJWT
from oktakit.auth import _oauth
from tests.auth._support import CLIENT_ID, SCOPES, Api, Clock, TokenEndpoint, ec_key, pem
from tests.conftest import ORG


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    """Okta stand-in: every request not registered on it fails with a connection error."""
    with aioresponses() as m:
        yield m


@pytest.fixture
def token_endpoint(mocked: aioresponses) -> TokenEndpoint:
    return TokenEndpoint(mocked)


@pytest.fixture
def api(mocked: aioresponses) -> Api:
    return Api(mocked)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The clocks oktakit's token code reads (wall clock for JWTs, monotonic for expiry)."""
    fake = Clock()
    monkeypatch.setattr(_oauth, "time", fake)
    return fake


@pytest.fixture(scope="session")
def es256_pem() -> str:
    return pem(ec_key("P-256"))


def service_app(key: Any = None, *, scopes: Any = SCOPES, **options: Any) -> PrivateKeyJWT:
    return PrivateKeyJWT(CLIENT_ID, key if key is not None else pem(ec_key("P-256")), scopes, **options)


ClientFactory = Callable[..., OktaClient]


@pytest.fixture
async def clients() -> AsyncIterator[ClientFactory]:
    """Makes service-app clients (closed at teardown): ``clients(dpop=True)``, ``clients(auth=...)``."""
    made: list[OktaClient] = []

    def make(auth: Any = None, **options: Any) -> OktaClient:
        client = OktaClient(ORG, auth=auth if auth is not None else service_app(**options))
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()


@pytest.fixture
def okta(clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api) -> OktaClient:
    """A Bearer service-app client (ES256) in front of the scripted token endpoint and API."""
    return clients()

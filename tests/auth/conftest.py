"""Fixtures for the credential tests: a mocked Okta (``FakeOkta`` on ``MockTransport``), its token
endpoint and clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from aioresponses import aioresponses

from oktakit import OktaClient, PrivateKeyJWT
from oktakit.auth import _oauth
from tests._fake_okta import FakeOkta
from tests.auth._support import CLIENT_ID, SCOPES, Api, Clock, TokenEndpoint, ec_key, pem
from tests.conftest import ORG


@pytest.fixture
def mocked() -> FakeOkta:
    """Okta stand-in: every request not registered on it fails as a refused connection."""
    return FakeOkta()


@pytest.fixture
def on_aiohttp(mocked: FakeOkta) -> Iterator[aioresponses]:
    """The mocked Okta answers real aiohttp sessions too (the CLI's client, the aiohttp exchange)."""
    with mocked.on_aiohttp() as bridge:
        yield bridge


@pytest.fixture
def token_endpoint(mocked: FakeOkta) -> TokenEndpoint:
    return TokenEndpoint(mocked)


@pytest.fixture
def api(mocked: FakeOkta) -> Api:
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
async def clients(mocked: FakeOkta) -> AsyncIterator[ClientFactory]:
    """Makes service-app clients on the mocked Okta (closed at teardown): ``clients(dpop=True)``,
    ``clients(auth=...)``."""
    made: list[OktaClient] = []

    def make(auth: Any = None, **options: Any) -> OktaClient:
        auth = auth if auth is not None else service_app(**options)
        client = OktaClient(ORG, auth=auth, transport=mocked.transport)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()


@pytest.fixture
def okta(clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api) -> OktaClient:
    """A Bearer service-app client (ES256) in front of the scripted token endpoint and API."""
    return clients()

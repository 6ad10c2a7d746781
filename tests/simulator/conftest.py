"""Fixtures for the simulator tests: a running simulator, a raw aiohttp client, helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from joserfc import jwk

from oktakit.testing import ManualClock, OktaSimulator, RateLimitConfig, SimUser
from tests.okta_catalogue import assert_api_error

# 60 users: three blocks of the seeding mix, so every status appears three times.
USERS = 60
SEED = 11


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest_asyncio.fixture
async def sim(clock: ManualClock) -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(
        users=USERS, seed=SEED, clock=clock, rate_limit=RateLimitConfig.unlimited()
    ) as simulator:
        yield simulator


@pytest_asyncio.fixture
async def client(sim: OktaSimulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as session:
        yield session


def user_with(sim: OktaSimulator, status: str, *, complete: bool = True, **conditions: Any) -> SimUser:
    """The first seeded user in ``status`` whose attributes match ``conditions``; ``complete``:
    one with every custom attribute of the org (the seed leaves some users without them, and
    their own tests take those on purpose)."""
    for user in sim.org.users.values():
        if complete and not sim.org.custom_attributes <= user.profile.keys():
            continue
        if user.status == status and all(getattr(user, k) == v for k, v in conditions.items()):
            return user
    raise LookupError(f"no seeded {status} user with {conditions}")


async def call(
    client: aiohttp.ClientSession, method: str, path: str, **kwargs: Any
) -> tuple[int, Any, aiohttp.ClientResponse]:
    """(status, decoded JSON body or None, response) of one request."""
    async with client.request(method, path, **kwargs) as response:
        raw = await response.read()
        body = None
        if raw and response.content_type == "application/json":
            body = await response.json()
        return response.status, body, response


def assert_okta_error(
    status: int, body: Any, expected_status: int, code: str, detail: str | None = None
) -> None:
    """Okta's error ``code`` with the status the test expects, which must also be the status
    and summary Okta's catalogue publishes for it (tests/okta_catalogue.py)."""
    assert status == expected_status, body
    assert_api_error(status, body, code, detail)


# --- OAuth: keys are made once per session (an RSA key costs ~50 ms) ---------------------
@pytest.fixture(scope="session")
def rsa_key() -> jwk.RSAKey:
    return jwk.generate_key("RSA", 2048, parameters={"kid": "rsa-1", "use": "sig"})


@pytest.fixture(scope="session")
def other_rsa_key() -> jwk.RSAKey:
    return jwk.generate_key("RSA", 2048, parameters={"kid": "rsa-2", "use": "sig"})


@pytest.fixture(scope="session")
def dpop_key() -> jwk.ECKey:
    return jwk.generate_key("EC", "P-256")


@pytest_asyncio.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A client without default headers (token requests carry no Authorization header)."""
    async with aiohttp.ClientSession() as session:
        yield session

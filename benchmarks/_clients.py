"""The clients the benchmark compares, each behind the same tiny interface: ``get_user(id)``."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp

GetUser = Callable[[str], Awaitable[Any]]


@asynccontextmanager
async def raw_aiohttp(url: str, token: str) -> AsyncIterator[GetUser]:
    """The floor: one aiohttp session, a GET and json.loads, nothing else."""
    headers = {"Authorization": f"SSWS {token}", "Accept": "application/json"}
    async with aiohttp.ClientSession(headers=headers) as session:

        async def get_user(user_id: str) -> Any:
            async with session.get(f"{url}/api/v1/users/{user_id}") as response:
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
                return json.loads(await response.read())

        yield get_user


@asynccontextmanager
async def raw_aiohttp_settled(url: str, token: str) -> AsyncIterator[GetUser]:
    """Raw aiohttp after the allocator step oktakit takes (oktakit/_http/allocator.py): what
    raw aiohttp would cost with it, so the table shows how much of the difference it makes."""
    # The step itself, not oktakit's settle(): importing oktakit would put its modules in raw
    # aiohttp's process.
    block = bytes(512 * 1024)
    del block
    async with raw_aiohttp(url, token) as get_user:
        yield get_user


@asynccontextmanager
async def oktakit_client(url: str, token: str) -> AsyncIterator[GetUser]:
    from oktakit import ApiToken, OktaClient

    async with OktaClient(url, auth=ApiToken(token)) as okta:
        yield okta.get_user


@asynccontextmanager
async def oktakit_50_in_flight(url: str, token: str) -> AsyncIterator[GetUser]:
    """oktakit allowed as many requests in flight as raw aiohttp has at c=50 (the default is 20:
    Okta's concurrency limit is shared by every client of the org)."""
    from oktakit import ApiToken, OktaClient, RateLimitPolicy

    async with OktaClient(url, auth=ApiToken(token), rate_limit=RateLimitPolicy(max_in_flight=50)) as okta:
        yield okta.get_user


@asynccontextmanager
async def official_okta(url: str, token: str) -> AsyncIterator[GetUser]:
    """Okta's own SDK with a reused session (its fastest configuration)."""
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    from okta.client import Client

    config = {"orgUrl": url, "token": token, "testing": {"disableHttpsCheck": True}}
    async with Client(config) as client:
        yield _official_get_user(client)


@asynccontextmanager
async def oktakit_dpop(url: str, credentials: dict[str, str]) -> AsyncIterator[GetUser]:
    from oktakit import OktaClient, PrivateKeyJWT

    auth = PrivateKeyJWT(credentials["client_id"], credentials["key"], ["okta.users.read"], dpop=True)
    async with OktaClient(url, auth=auth) as okta:
        yield okta.get_user


@asynccontextmanager
async def official_okta_dpop(url: str, credentials: dict[str, str]) -> AsyncIterator[GetUser]:
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    from okta.client import Client

    config = {
        "orgUrl": url,
        "authorizationMode": "PrivateKey",
        "clientId": credentials["client_id"],
        "scopes": ["okta.users.read"],
        "privateKey": credentials["key"],
        "kid": credentials["kid"],
        "dpopEnabled": True,
        "testing": {"disableHttpsCheck": True},
    }
    async with Client(config) as client:
        yield _official_get_user(client)


def _official_get_user(client: Any) -> GetUser:
    async def get_user(user_id: str) -> Any:
        user, _response, error = await client.get_user(user_id)
        if error is not None:
            raise RuntimeError(str(error))
        return user

    return get_user


CLIENTS = {
    "raw aiohttp": raw_aiohttp,
    "oktakit": oktakit_client,
    "okta (official)": official_okta,
    "oktakit (50 in flight)": oktakit_50_in_flight,
    "raw aiohttp, settled": raw_aiohttp_settled,
}
DPOP_CLIENTS = {"oktakit (DPoP)": oktakit_dpop, "okta (official, DPoP)": official_okta_dpop}

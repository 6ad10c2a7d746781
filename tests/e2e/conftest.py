"""Fixtures shared by the end-to-end tests: a signing key and a running simulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from oktakit import SigningKey, generate_signing_key
from oktakit.testing import OktaSimulator


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return generate_signing_key("ES256")


@pytest.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=40, seed=5) as simulator:
        yield simulator

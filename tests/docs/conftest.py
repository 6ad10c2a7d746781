"""Fixtures of the cookbook's tests."""

from __future__ import annotations

import pytest

from oktakit.testing import OktaSimulator


@pytest.fixture
def org_env(monkeypatch: pytest.MonkeyPatch, okta_sim: OktaSimulator) -> OktaSimulator:
    """The simulator, named by the environment as ``OktaClient.from_env()`` reads it (an API
    token; any service app settings of the machine's environment removed)."""
    for name in ("OKTA_CLIENT_ID", "OKTA_PRIVATE_KEY", "OKTA_PRIVATE_KEY_FILE", "OKTA_SCOPES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OKTA_ORG_URL", okta_sim.url)
    monkeypatch.setenv("OKTA_API_TOKEN", okta_sim.api_token)
    return okta_sim

"""Fixtures of the cookbook's tests."""

from __future__ import annotations

# Imported now, at a shallow depth: looptime's plugin leaves a new, unclosed event loop behind
# each sync test (policy.get_event_loop() on 3.11), and when its ResourceWarning fires during
# the rewrite of a module first imported late (hypothesis, by its plugin at the session's end),
# CPython 3.11.7 fails that parse (python/cpython#106905; see tests/conftest.py).
import hypothesis  # noqa: F401
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

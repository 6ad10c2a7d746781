"""Shared test setup: the aioresponses compatibility shim and small helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import stamina

from tests import _aioresponses_compat

_aioresponses_compat.install()

ORG = "https://acme.okta.com"
TOKEN = "00-test-token-abcdefghijklmnopqrstuvwxyz"

# Okta's published facts the tests compare with (its spec, error catalogues and recorded
# answers), extracted into the repository by tools/extract_reference.py: see its SOURCE.md.
REFERENCE = Path(__file__).resolve().parent / "reference"


def okta_reference(name: str) -> Any:
    """One of the extracts in tests/reference/ (``okta-*.json``), parsed afresh."""
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_retries: stamina runs for real, waits included (tests of waits, backoff and deadlines;"
        " with @pytest.mark.looptime they run on the event loop's fake clock)",
    )


@pytest.fixture(autouse=True)
def _retries_off(request: pytest.FixtureRequest) -> Iterator[None]:
    """stamina's testing mode: no retries (as before retries existed) unless a test asks for them
    with ``stamina.set_testing(True, attempts=N)``, and never a real backoff wait; except in
    tests marked ``real_retries``, where the decider's waits and deadlines are what is tested."""
    if request.node.get_closest_marker("real_retries") is not None:
        with stamina.set_testing(False):
            yield
        return
    with stamina.set_testing(True):
        yield

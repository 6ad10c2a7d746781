"""Shared test setup: the aioresponses compatibility shim and small helpers."""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import stamina

from tests import _aioresponses_compat

_aioresponses_compat.install()


def _import_everything() -> None:
    """Import every module of oktakit and oktakit_api now, once.

    pytest rewrites the modules of a package that registers a pytest plugin (oktakit does), so a
    module first imported in the middle of a test is parsed there, possibly deep in a recursion.
    CPython 3.11.7 and 3.12.1 leave the AST builder's depth counter wrong after a RecursionError
    (python/cpython#106905), and every later parse then fails with "AST constructor recursion
    depth mismatch". Importing up front parses everything at a shallow, known depth.
    """
    import oktakit
    import oktakit_api

    for package in (oktakit, oktakit_api):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)


_import_everything()

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

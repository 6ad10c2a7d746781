"""Shared test setup: the aioresponses compatibility shim and small helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import stamina

from tests import _aioresponses_compat

_aioresponses_compat.install()

ORG = "https://acme.okta.com"
TOKEN = "00-test-token-abcdefghijklmnopqrstuvwxyz"

# `shared/` sits beside the repository clone, locally and in CI; OKTAKIT_REFERENCE_DIR points
# elsewhere (a git worktree, the mutation run's staging copy).
REFERENCE = Path(
    os.environ.get("OKTAKIT_REFERENCE_DIR")
    or Path(__file__).resolve().parents[1].parent / "shared" / "reference"
)


def require_reference() -> Path:
    """The upstream reference folder, or skip the calling test with the reason."""
    if not REFERENCE.is_dir():
        pytest.skip(f"upstream reference folder {REFERENCE} is absent (only CI and dev machines have it)")
    return REFERENCE


@pytest.fixture(autouse=True)
def _retries_off() -> Iterator[None]:
    """stamina's testing mode: no retries (as before retries existed) unless a test asks for them
    with ``stamina.set_testing(True, attempts=N)``, and never a real backoff wait."""
    with stamina.set_testing(True):
        yield

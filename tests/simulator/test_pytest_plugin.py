"""oktakit's pytest plugin as our users meet it: a fresh project, their own pytest configuration.

Each test runs pytest in a subprocess inside a temporary folder whose ``pytest.ini`` is the
minimal configuration the docs show (docs/testing.md), so this repository's own settings (auto mode) do not
apply. pytest-asyncio's default mode is strict: async tests need ``@pytest.mark.asyncio``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The docs' minimal configuration (docs/testing.md; it only silences pytest-asyncio's loop-scope warning).
MINIMAL_INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"

USER_TESTS = """
import pytest
{mark}
async def test_the_client_reads_a_user_of_the_simulated_org(okta, okta_sim):
    user_id = next(iter(okta_sim.org.users))
    assert user_id == (await okta.get_user(user_id)).id

@pytest.mark.okta_sim(users=7, seed=3)
{mark}
async def test_the_marker_configures_the_org(okta_sim):
    assert 7 == len(okta_sim.org.users)

{mark}
async def test_each_test_gets_its_own_org(okta, okta_sim):
    user_id = next(u.id for u in okta_sim.org.users.values() if u.status == "ACTIVE")
    await okta.suspend_user(user_id)
    assert "SUSPENDED" == okta_sim.org.users[user_id].status
"""


# Plugins of this environment that our users need not have; hypothesis's alone takes seconds.
FAST = ["-p", "no:hypothesispytest", "-p", "no:anyio"]


def test_the_testing_page_shows_this_minimal_configuration() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "testing.md").read_text(encoding="utf-8")
    option = MINIMAL_INI.splitlines()[1].replace(" = function", ' = "function"')

    assert f"`{option}` (in `[tool.pytest.ini_options]`)" in page


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "pytest.ini").write_text(MINIMAL_INI)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *FAST, "-W", "error", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("mode", "mark"), [("strict", "@pytest.mark.asyncio"), ("auto", "")], ids=["strict", "auto"]
)
def test_the_fixtures_work_in_strict_and_auto_mode(mode: str, mark: str, tmp_path: Path) -> None:
    (tmp_path / "test_user_code.py").write_text(USER_TESTS.format(mark=mark))

    result = _pytest(tmp_path, "-o", f"asyncio_mode={mode}")

    assert 0 == result.returncode, result.stdout + result.stderr
    assert f"asyncio: mode=Mode.{mode.upper()}" in result.stdout
    assert "3 passed" in result.stdout


def test_pytest_fixtures_shows_what_each_fixture_is(tmp_path: Path) -> None:
    result = _pytest(tmp_path, "--fixtures", "-v")

    assert 0 == result.returncode, result.stdout + result.stderr
    shown = result.stdout.split("fixtures defined from oktakit.testing.pytest_plugin", 1)[1]
    assert "okta_sim" in shown
    assert "A running oktakit OktaSimulator" in shown
    assert "@pytest.mark.okta_sim(users=50, seed=3" in shown
    assert "An oktakit OktaClient signed in to the okta_sim simulator" in shown

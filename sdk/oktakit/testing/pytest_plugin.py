"""pytest plugin (registered as the ``oktakit`` entry point): Okta fixtures for your tests.

``okta_sim`` is a running :class:`~oktakit.testing.OktaSimulator`; ``okta`` is an
:class:`~oktakit.OktaClient` already wired to it::

    @pytest.mark.asyncio                               # not needed with asyncio_mode = "auto"
    async def test_offboarding_suspends_the_user(okta, okta_sim):
        user_id = next(u for u in okta_sim.org.users if okta_sim.org.users[u].status == "ACTIVE")
        await offboard(okta, user_id)                  # your code under test
        assert "SUSPENDED" == okta_sim.org.users[user_id].status

Configure the org per test with the ``okta_sim`` marker, which takes ``OktaSimulator``'s
keyword arguments: ``@pytest.mark.okta_sim(users=50, seed=3)``. The fixtures are async and
need pytest-asyncio, in its default strict mode (mark async tests ``@pytest.mark.asyncio``) or
in auto mode. They run on the event loop pytest-asyncio gives function-scoped fixtures
(``asyncio_default_fixture_loop_scope``), which must be the loop the test runs on. Nothing
heavy is imported until a fixture is used.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from oktakit import OktaClient
    from oktakit.testing import OktaSimulator

from importlib.util import find_spec

# The plugin loads in every pytest run of our users, with or without pytest-asyncio.
_HAVE_PYTEST_ASYNCIO = find_spec("pytest_asyncio") is not None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "okta_sim(**kwargs): OktaSimulator options for the okta_sim and okta fixtures"
    )


async def _okta_sim(request: pytest.FixtureRequest) -> AsyncIterator[OktaSimulator]:
    """A running oktakit OktaSimulator (a seeded Okta org on loopback), fresh for each test.

    Options: @pytest.mark.okta_sim(users=50, seed=3, ...) takes OktaSimulator's arguments.
    Inspect or change the org through okta_sim.org; okta_sim.url and okta_sim.api_token
    connect your own clients.
    """
    from oktakit.testing import OktaSimulator

    marker = request.node.get_closest_marker("okta_sim")
    options: dict[str, Any] = dict(marker.kwargs) if marker else {}
    async with OktaSimulator(**options) as simulator:
        yield simulator


async def _okta(okta_sim: OktaSimulator) -> AsyncIterator[OktaClient]:
    """An oktakit OktaClient signed in to the okta_sim simulator with its API token."""
    from oktakit import ApiToken, OktaClient

    async with OktaClient(okta_sim.url, auth=ApiToken(okta_sim.api_token)) as client:
        yield client


if _HAVE_PYTEST_ASYNCIO:
    import pytest_asyncio

    okta_sim = pytest_asyncio.fixture(_okta_sim, name="okta_sim")
    okta = pytest_asyncio.fixture(_okta, name="okta")
else:  # pragma: no cover

    @pytest.fixture(name="okta_sim")
    def okta_sim() -> None:
        """Unavailable: the oktakit fixtures need pytest-asyncio (pip install pytest-asyncio)."""
        pytest.fail("the okta_sim fixture needs pytest-asyncio (pip install pytest-asyncio)")

    @pytest.fixture(name="okta")
    def okta() -> None:
        """Unavailable: the oktakit fixtures need pytest-asyncio (pip install pytest-asyncio)."""
        pytest.fail("the okta fixture needs pytest-asyncio (pip install pytest-asyncio)")

"""The simulator is a test double for credentials: it shows none of them either."""

from __future__ import annotations

import logging

import pytest

from oktakit import ApiToken, BadRequestError, OktaClient
from oktakit.testing import OktaSimulator
from tests._secrets import capture_debug_logs


async def test_a_registered_service_app_repr_hides_its_private_key() -> None:
    async with OktaSimulator(users=1, seed=1) as sim:
        app = sim.add_service_app(scopes=["okta.users.read"])

    assert app.private_jwk is not None
    assert app.private_jwk["d"] not in repr(app)
    assert app.client_id in repr(app)


async def test_an_oversized_authorization_header_is_not_echoed_into_the_server_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    token = "00" + "S3cr3t" * 2000  # far past aiohttp's 8190-byte limit for one header
    capture_debug_logs(caplog)
    caplog.set_level(logging.DEBUG, logger="oktakit.testing")

    async with (
        OktaSimulator(users=1, seed=1) as sim,
        OktaClient(sim.url, auth=ApiToken(token)) as okta,
    ):
        with pytest.raises(BadRequestError) as caught:
            await okta.get_user("anyone")

    assert caplog.records, "the server logged the refusal"
    logged = "\n".join(
        record.getMessage() + str(record.exc_info) + str(record.args) for record in caplog.records
    )
    assert "S3cr3tS3cr3t" not in logged
    assert "S3cr3tS3cr3t" not in str(caught.value)

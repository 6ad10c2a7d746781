"""Deactivating a DEPROVISIONED user in bulk: skipped, whatever code Okta's refusal carries.

The only public record of Okta's answer is 404 E0000007 (okta/okta-sdk-java issue #721: "HTTP
404, Okta E0000007 (Not found: Resource not found: 00u3cw9vpy6nBOz771d7 (User))" on
``deactivate`` of a DEPROVISIONED user); the old Users reference suggests 403 E0000038 for status
refusals. Both are answered here exactly as recorded, and the user is read back either way.
"""

from __future__ import annotations

import json

import pytest

from oktakit import ApiToken, OktaClient
from oktakit.testing import OktaSimulator

UNKNOWN = "00u0000000000unknown"
REFUSALS = {
    "404 E0000007": (
        404,
        {
            "errorCode": "E0000007",
            "errorSummary": "Not found: Resource not found: {id} (User)",
            "errorLink": "E0000007",
            "errorId": "oaeAuWNFw1kQY-4nnEavuxb-A",
            "errorCauses": [],
        },
    ),
    "403 E0000038": (
        403,
        {
            "errorCode": "E0000038",
            "errorSummary": "This operation is not allowed in the user's current status.",
            "errorLink": "E0000038",
            "errorId": "oae1",
            "errorCauses": [],
        },
    ),
}


@pytest.mark.parametrize("refusal", sorted(REFUSALS))
async def test_deactivating_deprovisioned_users_is_skipped_and_unknown_ones_are_not_found(
    sim: OktaSimulator, refusal: str
) -> None:
    gone = [uid for uid in sim.org.users if sim.org.users[uid].status == "DEPROVISIONED"][:2]
    active = next(uid for uid in sim.org.users if sim.org.users[uid].status == "ACTIVE")
    status, body = REFUSALS[refusal]
    for uid in gone:
        sim.inject_fault(
            "error",
            operation="deactivateUser",
            path=f"/api/v1/users/{uid}/lifecycle/deactivate",
            status=status,
            body=json.dumps(body).replace("{id}", uid).encode(),
            content_type="application/json",
            count=1,
        )
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        report = await okta.bulk("deactivate_user", [*gone, active, UNKNOWN], progress=False)

    assert (sorted(gone), [active], [UNKNOWN], {}) == (
        sorted(report.skipped),
        report.succeeded,
        report.not_found,
        report.failed,
    )
    assert {"DEPROVISIONED"} == {row.status for row in report.rows() if row.item in gone}
    assert "DEPROVISIONED" == sim.org.users[active].status


async def test_the_simulators_own_refusal_is_settled_the_same_way(sim: OktaSimulator) -> None:
    gone = [uid for uid in sim.org.users if sim.org.users[uid].status == "DEPROVISIONED"][:1]
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        report = await okta.bulk("deactivate_user", gone, progress=False)

    assert (gone, {}) == (report.skipped, report.failed)

"""After an answer is lost the executor reads the user back; profile updates in bulk."""

from __future__ import annotations

import pytest

from oktakit import InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_users

pytestmark = pytest.mark.okta_sim(users=0)


async def test_a_reset_after_okta_applied_the_step_is_recorded_as_succeeded(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    # Okta suspends the user, then the connection drops before the answer.
    okta_sim.inject_fault("reset", operation="suspendUser", count=1, applied=True)

    report = await okta.bulk("suspend_user", [ids["a"]], progress=False)

    assert [ids["a"]] == report.succeeded
    row = report.rows()[0]
    assert ("SUSPENDED", "verified by reading the user back after TransportError") == (row.status, row.note)


async def test_a_reset_before_okta_applied_the_step_is_a_failure_with_what_was_read(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.inject_fault("reset", operation="suspendUser", count=1)

    report = await okta.bulk("suspend_user", [ids["a"]], progress=False)

    failure = report.failed[ids["a"]]
    assert ("TransportError", "ACTIVE", "read back: not done") == (
        failure.type,
        report.rows()[0].status,
        report.rows()[0].note,
    )


async def test_a_5xx_on_a_step_without_a_readable_effect_is_failed_as_unknown(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.inject_fault("error", operation="resetFactors", status=500, count=1)

    report = await okta.bulk("reset_factors", [ids["a"]], progress=False)

    assert ("ServerError", 500) == (report.failed[ids["a"]].type, report.failed[ids["a"]].status)
    assert "outcome unknown" in (report.rows()[0].note or "")


async def test_bulk_update_applies_rows_and_the_empty_cell_policy(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE", c="ACTIVE")
    for user_id in ids.values():
        okta_sim.org.users[user_id].profile["title"] = "Engineer"
    rows = [
        {"id": ids["a"], "title": "Director", "nickName": ""},
        {"login": "b@example.com", "title": "", "nickName": "Bee"},
        {"id": ids["c"], "title": "", "nickName": ""},
        {"id": "00unknown0000000000", "title": "X"},
    ]

    leave = await okta.bulk_update(rows, progress=False)

    assert ([ids["a"], "b@example.com"], [ids["c"]], ["00unknown0000000000"]) == (
        leave.succeeded,
        leave.skipped,
        leave.not_found,
    )
    profiles = {k: okta_sim.org.users[v].profile for k, v in ids.items()}
    assert ("Director", "Engineer", "Bee") == (
        profiles["a"]["title"],
        profiles["b"]["title"],
        profiles["b"]["nickName"],
    )

    cleared = await okta.bulk_update([{"id": ids["c"], "title": ""}], empty="clear", progress=False)

    assert [ids["c"]] == cleared.succeeded
    assert okta_sim.org.users[ids["c"]].profile.get("title") is None


async def test_bulk_update_reads_back_after_a_lost_answer(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.inject_fault("reset", operation="updateUser", count=1, applied=True)

    report = await okta.bulk_update([{"id": ids["a"], "title": "Director"}], progress=False)

    assert [ids["a"]] == report.succeeded


async def test_bulk_update_refuses_an_unknown_empty_policy(okta: OktaClient) -> None:
    with pytest.raises(InvalidArgumentError, match="'leave' or 'clear'"):
        await okta.bulk_update([], empty="drop", progress=False)


async def test_bulk_update_of_a_deprovisioned_user_fails_with_its_status_and_a_missing_user_is_not_found(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # Okta answers both with 404 E0000007 (okta-sdk-java issue #721): only a read tells them apart.
    ids = add_users(okta_sim, gone="DEPROVISIONED")
    missing = "00uNoSuchUser000000x"

    report = await okta.bulk_update(
        [{"id": ids["gone"], "nickName": "X"}, {"id": missing, "nickName": "X"}], progress=False
    )

    assert [missing] == report.not_found
    assert ("E0000007", "DEPROVISIONED") == (report.failed[ids["gone"]].error_code, report.rows()[0].status)

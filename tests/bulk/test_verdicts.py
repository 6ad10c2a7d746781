"""Verdicts a plausible bug would get wrong: what a resume redoes, which journal undo accepts,
when a refusal means "already done", how an unreadable answer and a partial read-back count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import stamina

from oktakit import ApiToken, JournalError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_active_users, add_users, journal_lines, statuses

pytestmark = pytest.mark.okta_sim(users=0)


async def test_a_resume_does_not_retry_failed_items_and_reports_them_failed(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", r="RECOVERY")
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", [ids["r"]], journal=journal, progress=False)
    okta_sim.reset_counters()

    report = await okta.bulk("suspend_user", [ids["r"], ids["a"]], journal=journal, progress=False)

    assert [ids["r"]] == list(report.failed)
    assert ("BadRequestError", "E0000001") == (
        report.failed[ids["r"]].type,
        report.failed[ids["r"]].error_code,
    )
    posts = [r.path for r in okta_sim.request_log if r.method == "POST"]
    assert [f"/api/v1/users/{ids['a']}/lifecycle/suspend"] == posts
    assert (1, 2) == (report.resumed, len(report))


async def test_a_resume_with_other_arguments_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, s="STAGED", t="STAGED")
    journal = tmp_path / "j.jsonl"
    await okta.bulk(
        "activate_user", [ids["s"]], arguments={"send_email": False}, journal=journal, progress=False
    )
    okta_sim.reset_counters()

    with pytest.raises(JournalError, match="arguments"):
        await okta.bulk(
            "activate_user", [ids["t"]], arguments={"send_email": True}, journal=journal, progress=False
        )
    with pytest.raises(JournalError, match="arguments"):
        await okta.bulk("activate_user", [ids["t"]], journal=journal, progress=False)

    assert 0 == sum(okta_sim.request_counts.values())
    assert "STAGED" == okta_sim.org.users[ids["t"]].status


async def test_undo_with_a_client_of_another_org_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 2)
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    okta_sim.reset_counters()

    async with OktaClient("http://localhost:1", auth=ApiToken(okta_sim.api_token)) as other:
        with pytest.raises(JournalError, match="not of http://localhost:1"):
            await other.bulk_undo(journal, progress=False)

    assert ["SUSPENDED", "SUSPENDED"] == statuses(okta_sim, ids)
    assert not (tmp_path / "j.undo.jsonl").exists()


@pytest.mark.parametrize(
    "later",
    [
        {"operation": "unsuspend_user"},
        {"org": "https://other.okta.com"},
        {"arguments": {"send_email": True}},
        {"version": 2},
    ],
    ids=["operation", "org", "arguments", "version"],
)
async def test_every_run_record_of_a_journal_must_agree_for_undo_and_resume(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, later: dict[str, object]
) -> None:
    ids = add_active_users(okta_sim, 2)
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ids[:1], journal=journal, progress=False)
    first = journal_lines(journal)[0]
    with journal.open("a") as file:  # a second run record, of another run, further down
        file.write(json.dumps({**first, **later}) + "\n")
        file.write(json.dumps({"kind": "outcome", "item": ids[1], "outcome": "succeeded"}) + "\n")
    okta_sim.org.users[ids[1]].status = "SUSPENDED"
    okta_sim.reset_counters()

    with pytest.raises(JournalError):
        await okta.bulk_undo(journal, progress=False)
    with pytest.raises(JournalError):
        await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    assert 0 == sum(okta_sim.request_counts.values())
    assert ["SUSPENDED", "SUSPENDED"] == statuses(okta_sim, ids)


async def test_a_refusal_other_than_the_already_done_codes_is_a_failure_not_a_skip(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")  # already unlocked: a read back would say "done"
    denied = {
        "errorCode": "E0000006",
        "errorSummary": "You do not have permission to perform the requested action",
        "errorLink": "E0000006",
        "errorId": "oaeDenied0000000000000000",
        "errorCauses": [],
    }
    okta_sim.inject_fault("error", operation="unlockUser", status=403, body=json.dumps(denied).encode())

    report = await okta.bulk("unlock_user", [ids["a"]], progress=False)

    assert [ids["a"]] == list(report.failed)
    assert ("PermissionDeniedError", "E0000006") == (
        report.failed[ids["a"]].type,
        report.failed[ids["a"]].error_code,
    )
    assert [] == report.skipped


async def test_a_400_of_another_code_after_okta_acted_is_still_a_failure(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    body = {
        "errorCode": "E0000003",
        "errorSummary": "The request body was not well-formed.",
        "errorLink": "E0000003",
        "errorId": "oaeMalformed00000000000000",
        "errorCauses": [],
    }
    okta_sim.inject_fault(
        "error", operation="suspendUser", status=400, body=json.dumps(body).encode(), applied=True
    )

    report = await okta.bulk("suspend_user", [ids["a"]], progress=False)

    assert ("BadRequestError", "E0000003") == (
        report.failed[ids["a"]].type,
        report.failed[ids["a"]].error_code,
    )


async def test_an_unreadable_2xx_on_a_write_is_read_back_and_counted_as_done(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    # Okta makes the change; the 200 that says so cannot be read.
    okta_sim.inject_fault("error", operation="updateUser", status=200, body=b"{not json", applied=True)
    okta_sim.reset_counters()

    report = await okta.bulk_update([{"id": ids["a"], "title": "Director"}], preflight=False, progress=False)

    assert [ids["a"]] == report.succeeded
    assert "verified by reading the user back after MalformedResponseError" == report.rows()[0].note
    assert 1 == okta_sim.request_counts["getUser"]  # the read back
    assert "Director" == okta_sim.org.users[ids["a"]].profile["title"]


async def test_an_update_read_back_that_matches_only_some_fields_is_not_done(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.org.users[ids["a"]].profile["title"] = "Director"  # one of the two already matches
    okta_sim.inject_fault("reset", operation="updateUser", count=1)  # lost before Okta acted

    report = await okta.bulk_update([{"id": ids["a"], "title": "Director", "nickName": "Al"}], progress=False)

    assert [ids["a"]] == list(report.failed)
    assert ("TransportError", "read back: not done") == (report.failed[ids["a"]].type, report.rows()[0].note)


async def test_an_activation_that_ends_in_provisioned_is_done(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # A user without a password activates to PROVISIONED (OKTA-FACTS part 1, section 4).
    user = okta_sim.add_user(login="new@example.com", status="STAGED", password=False)
    okta_sim.inject_fault("error", operation="activateUser", status=503, applied=True)

    report = await okta.bulk("activate_user", [user.id], arguments={"send_email": False}, progress=False)

    assert [user.id] == report.succeeded
    assert ("PROVISIONED", "verified by reading the user back after ServerError") == (
        report.rows()[0].status,
        report.rows()[0].note,
    )


async def test_a_refusal_to_a_resend_for_a_user_done_before_the_job_is_a_skip(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="ACTIVE")  # already unlocked; named by login, so it is read first
    okta_sim.inject_fault("error", operation="unlockUser", status=503, count=1)  # then resent

    with stamina.set_testing(True, attempts=3):
        report = await okta.bulk("unlock_user", ["a@example.com"], progress=False)

    assert ["a@example.com"] == report.skipped
    assert 2 == okta_sim.request_counts["unlockUser"]

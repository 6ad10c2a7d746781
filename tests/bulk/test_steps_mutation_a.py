"""What each way of settling an item records: the outcome, the user's status, the note and the
login that the journal and the report show (the rules of ``bulk/_steps.py``'s docstring).

Expected values come from Okta's error catalogue (tests/reference) and from the rules stated in
the docstring: what an action leaves a user in, when a refusal is this job's own earlier attempt.
Runs that resume a journal build its earlier records by hand, in the shape the executor writes
them (a start record with the status read before, and no outcome: in flight when it stopped).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import stamina

from oktakit import OktaClient
from oktakit.bulk._executor import Executor
from oktakit.bulk._items import ItemSource
from oktakit.bulk._journal import OutcomeRecord, Record, ResumeState, StartRecord
from oktakit.bulk._journal_file import Spool
from oktakit.bulk._steps import Step, make_step
from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.conftest import okta_reference

from ._support import add_users

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())

_CATALOGUE = {e["errorCode"]: e for e in okta_reference("okta-error-codes.json")["errors"]}


def _okta_error(code: str, *, summary: str | None = None) -> dict[str, Any]:
    """A fault answering as Okta does with ``code`` (its status and summary from the catalogue)."""
    entry = _CATALOGUE[code]
    fields = {"errorCode": code, "errorSummary": summary or entry["errorSummary"], "errorLink": code}
    body = json.dumps({**fields, "errorId": "oae1", "errorCauses": []}).encode()
    return {"status": entry["statusCode"], "body": body}


async def _resumed(step: Step, items: list[Any], earlier: list[Record]) -> list[OutcomeRecord]:
    """Run ``step`` over ``items`` after an earlier run of the job wrote ``earlier``: this run's
    outcome records."""
    state = ResumeState()
    for record in earlier:
        state.add(record)
    book = Spool()
    executor = Executor(step, book, state.finish(), 1, dry_run=False, journaled=True)
    await executor.run(ItemSource(items), progress=False)
    return [r for r in book.records() if isinstance(r, OutcomeRecord)]


def _row(report: Any) -> OutcomeRecord:
    [row] = report.rows()
    assert isinstance(row, OutcomeRecord)
    return row


# -- a success: the status the action leaves, no note, the login the run learned


async def test_a_suspend_by_id_records_suspended_its_login_and_no_note(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    row = _row(await okta.bulk("suspend_user", [ids["a"]], progress=False))

    # The item is the id (no separate user column); the login comes from the read before acting.
    assert ("succeeded", "SUSPENDED", None, None, "a@example.com") == (
        row.outcome,
        row.status,
        row.note,
        row.user,
        row.login,
    )


async def test_a_suspend_by_login_in_other_case_records_the_id_and_the_login_okta_stores(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    exact = _row(await okta.bulk("unsuspend_user", ["a@example.com"], progress=False))
    other_case = _row(await okta.bulk("suspend_user", ["A@Example.COM"], progress=False))

    # Named by its stored login: the item is the login, so no login column repeats it.
    assert ("skipped", "ACTIVE", ids["a"], None) == (exact.outcome, exact.status, exact.user, exact.login)
    # Okta logins are case-insensitive: the record keeps the login as Okta stores it.
    assert ("succeeded", ids["a"], "a@example.com") == (other_case.outcome, other_case.user, other_case.login)


async def test_listed_users_are_recorded_with_their_login_without_a_read(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.reset_counters()

    row = _row(await okta.bulk("suspend_user", okta.list_users(), progress=False))

    assert (ids["a"], "succeeded", "SUSPENDED", "a@example.com") == (
        row.item,
        row.outcome,
        row.status,
        row.login,
    )
    # A listed User carries its status: the user is not read (the preflight reads only /users/me).
    assert not any(r.method == "GET" and r.path == f"/api/v1/users/{ids['a']}" for r in okta_sim.request_log)


async def test_an_action_that_keeps_the_status_records_the_status_read_before(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    okta_sim.reset_counters()

    by_login = _row(await okta.bulk("reset_factors", ["a@example.com"], progress=False))
    by_id = _row(await okta.bulk("reset_factors", [ids["b"]], progress=False))

    # Resetting factors leaves the status as it was: ACTIVE, known from the login's read.
    assert ("succeeded", "ACTIVE", None) == (by_login.outcome, by_login.status, by_login.note)
    # By id nothing is read (no undo, no skip): the status is not known, and not invented.
    assert ("succeeded", None, None) == (by_id.outcome, by_id.status, by_id.login)
    reads = [
        r.path for r in okta_sim.request_log if r.method == "GET" and r.path.startswith("/api/v1/users/")
    ]
    assert ["/api/v1/users/a@example.com"] == [p for p in reads if not p.endswith("/me")]


async def test_an_activation_that_may_end_active_or_provisioned_records_no_status(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="STAGED")

    row = _row(await okta.bulk("activate_user", ["a@example.com"], progress=False))

    # Activation leaves ACTIVE or PROVISIONED (without a password): one status is not known,
    # and the STAGED read before acting is no longer true.
    assert ("succeeded", None) == (row.outcome, row.status)


async def test_group_members_by_listed_user_and_by_login_record_the_stored_login(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    group = okta_sim.org.add_group("Incident 7").id
    arguments = {"group_id": group}

    listed = await okta.bulk(
        "assign_user_to_group",
        okta.list_users(search='profile.login eq "a@example.com"'),
        arguments=arguments,
    )
    by_login = await okta.bulk("assign_user_to_group", ["B@EXAMPLE.com"], arguments=arguments, progress=False)

    assert ("succeeded", None, "a@example.com") == (
        _row(listed).outcome,
        _row(listed).status,
        _row(listed).login,
    )
    assert ("succeeded", None, "b@example.com") == (
        _row(by_login).outcome,
        _row(by_login).status,
        _row(by_login).login,
    )


async def test_a_callable_over_listed_users_records_their_login(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    seen: list[str] = []

    async def note(user: Any) -> None:
        seen.append(user.id)

    row = _row(await okta.bulk(note, okta.list_users(), progress=False))

    assert [ids["a"]] == seen
    assert (ids["a"], "succeeded", None, "a@example.com") == (row.item, row.outcome, row.status, row.login)


async def test_a_row_with_nothing_to_change_is_skipped_with_that_note(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    row = _row(await okta.bulk_update([{"id": ids["a"], "title": ""}], progress=False))

    assert ("skipped", "nothing to change") == (row.outcome, row.note)


# -- a resumed run: what an attempt in flight when the run stopped counts as


async def test_a_user_moved_by_the_attempt_in_flight_is_this_jobs_success(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="SUSPENDED")  # the earlier attempt suspended it, then the run stopped
    earlier: list[Record] = [StartRecord("start", ids["a"], None, "ACTIVE")]

    [row] = await _resumed(make_step(okta, "suspend_user", {}), [ids["a"]], earlier)

    assert ("succeeded", "SUSPENDED") == (row.outcome, row.status)
    assert "done by this job's earlier attempt, in flight when its run stopped (was ACTIVE)" == row.note
    assert 0 == okta_sim.request_counts["suspendUser"]


async def test_a_user_found_done_after_an_attempt_of_unknown_origin_is_skipped_and_says_why(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="SUSPENDED")
    earlier: list[Record] = [StartRecord("start", ids["a"])]  # the status before was not recorded

    [row] = await _resumed(make_step(okta, "suspend_user", {}), [ids["a"]], earlier)

    assert ("skipped", "SUSPENDED") == (row.outcome, row.status)
    assert (
        "already done; this job's earlier attempt was in flight, but the status before it was not "
        "recorded, so it is not counted as this job's (undo leaves it)"
    ) == row.note


async def test_a_user_already_done_without_doubt_is_skipped_with_its_status_and_no_note(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="SUSPENDED")

    [row] = await _resumed(make_step(okta, "suspend_user", {}), [ids["a"]], [])

    assert ("skipped", "SUSPENDED", None) == (row.outcome, row.status, row.note)


async def test_an_attempt_in_flight_that_never_reached_okta_is_done_again_and_says_so(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    earlier: list[Record] = [StartRecord("start", ids["a"], None, "ACTIVE")]

    [row] = await _resumed(make_step(okta, "suspend_user", {}), [ids["a"]], earlier)

    assert ("succeeded", "SUSPENDED") == (row.outcome, row.status)
    assert "a previous attempt was interrupted; done again" == row.note


async def test_a_callables_item_in_flight_when_the_run_stopped_is_done_again_and_says_so(
    okta: OktaClient,
) -> None:
    done: list[str] = []

    async def mark(item: str) -> None:
        done.append(item)

    earlier: list[Record] = [StartRecord("start", "ticket-7")]

    [row] = await _resumed(make_step(okta, mark, {}), ["ticket-7"], earlier)

    assert ["ticket-7"] == done
    assert ("ticket-7", "succeeded", None, None) == (row.item, row.outcome, row.user, row.login)
    assert "a previous attempt was interrupted; done again" == row.note


async def test_a_refusal_after_a_resume_credits_the_status_before_the_first_attempt(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")  # unlocked by the attempt in flight when the run stopped
    earlier: list[Record] = [StartRecord("start", "a@example.com", ids["a"], "LOCKED_OUT")]

    [row] = await _resumed(make_step(okta, "unlock_user", {}), ["a@example.com"], earlier)

    # Sent again (unlock reads no status first) and refused 403 E0000032: the user was LOCKED_OUT
    # before this job's first attempt, so the unlock is this job's, though ACTIVE was read now.
    assert ("succeeded", "ACTIVE") == (row.outcome, row.status)
    assert "already done when sent again: this job's earlier attempt did it (was LOCKED_OUT)" == row.note


# -- a refusal of a request the transport sent more than once (Okta acted, the 503 hid it)


async def test_a_resent_unlock_refused_with_no_status_read_before_counts_as_this_jobs(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="LOCKED_OUT")
    okta_sim.inject_fault("error", operation="unlockUser", status=503, count=1, applied=True)

    with stamina.set_testing(True, attempts=3):
        row = _row(await okta.bulk("unlock_user", [ids["a"]], progress=False))

    assert ("succeeded", "ACTIVE") == (row.outcome, row.status)
    assert (
        "already done when sent again; counted as this job's (an earlier attempt was in flight)" == row.note
    )


async def test_a_resent_unlock_refused_for_a_user_read_locked_before_counts_as_this_jobs(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="LOCKED_OUT")
    okta_sim.inject_fault("error", operation="unlockUser", status=503, count=1, applied=True)

    with stamina.set_testing(True, attempts=3):
        row = _row(await okta.bulk("unlock_user", ["a@example.com"], progress=False))

    assert ("succeeded", "ACTIVE") == (row.outcome, row.status)
    assert "already done when sent again: this job's earlier attempt did it (was LOCKED_OUT)" == row.note


async def test_a_resent_unlock_refused_for_a_user_unlocked_before_the_job_is_skipped_with_its_status(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="ACTIVE")
    okta_sim.inject_fault("error", operation="unlockUser", status=503, count=1)

    with stamina.set_testing(True, attempts=3):
        row = _row(await okta.bulk("unlock_user", ["a@example.com"], progress=False))

    assert ("skipped", "ACTIVE", None) == (row.outcome, row.status, row.note)
    assert 2 == okta_sim.request_counts["unlockUser"]


# -- a refusal or a lost answer whose read back goes wrong


async def test_a_refusal_whose_read_back_fails_keeps_the_refusal_and_names_the_read_error(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="RECOVERY")  # suspend refuses it: 400 E0000001
    okta_sim.inject_fault(
        "error", method="GET", path=f"/api/v1/users/{ids['a']}", count=1, **_okta_error("E0000009")
    )

    row = _row(await okta.bulk("suspend_user", okta.list_users(), progress=False))

    assert ("failed", None) == (row.outcome, row.status)
    assert row.error is not None
    assert ("BadRequestError", 400) == (row.error.type, row.error.status)
    assert "E0000001" in row.error.message
    # The read's own words after the refusal's, and nothing else (no grant to suggest for a 500).
    pattern = (
        r"refused, and reading the user back failed: HTTP 500 E0000009: Internal Server Error "
        rf"\[errorId oae1\] \[GET \S+/api/v1/users/{ids['a']}\]"
    )
    assert re.fullmatch(pattern, row.note or ""), row.note


async def test_a_refusal_whose_read_back_is_denied_says_what_to_grant(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="RECOVERY")
    okta_sim.inject_fault(
        "error", method="GET", path=f"/api/v1/users/{ids['a']}", count=1, **_okta_error("E0000006")
    )

    row = _row(await okta.bulk("suspend_user", okta.list_users(), progress=False))

    assert "failed" == row.outcome
    note = row.note or ""
    assert note.startswith("refused, and reading the user back failed: HTTP 403 E0000006: "), note
    assert note.endswith(
        "; a bulk run needs what `oktakit permissions suspend_user --bulk` lists (it reads users)"
    ), note


async def test_a_lost_answer_for_a_user_gone_since_is_not_found(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="LOCKED_OUT")
    okta_sim.inject_fault("reset", operation="unlockUser", count=1)
    okta_sim.inject_fault(
        "error",
        method="GET",
        path=f"/api/v1/users/{ids['a']}",
        count=1,
        **_okta_error("E0000007", summary="Not found: User"),
    )

    row = _row(await okta.bulk("unlock_user", [ids["a"]], progress=False))

    assert (ids["a"], "not_found", None, None) == (row.item, row.outcome, row.status, row.error)


async def test_a_lost_answer_whose_read_back_fails_is_failed_with_the_read_errors_type(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="LOCKED_OUT")
    okta_sim.inject_fault("reset", operation="unlockUser", count=1)
    okta_sim.inject_fault(
        "error", method="GET", path=f"/api/v1/users/{ids['a']}", count=1, **_okta_error("E0000009")
    )

    row = _row(await okta.bulk("unlock_user", [ids["a"]], progress=False))

    assert (ids["a"], "failed", None) == (row.item, row.outcome, row.status)
    assert row.error is not None
    assert "TransportError" == row.error.type
    assert "outcome unknown: reading the user back failed (ServerError)" == row.note

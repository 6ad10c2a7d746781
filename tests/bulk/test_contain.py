"""``okta.contain``: the containment playbook on the simulator, user by user and step by step.

The expected outcomes come from Okta's rules as its documents and recorded answers give them
(okta-mgmt-spec: suspend only from ACTIVE; recorded okta-sdk-python cassettes: a
PASSWORD_EXPIRED user is offered ``suspend`` and ``expirePassword``, a SUSPENDED one only
``unsuspend``, ``deactivate`` and ``resetFactors``), not from the playbook's code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oktakit import ContainmentReport, InvalidArgumentError, JournalError, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import journal_lines

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())

STEPS = ("clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend")
S, K, F = "succeeded", "skipped", "failed"
# Status before -> (each step's outcome, the status after), from Okta's rules:
EXPECTED = {
    # Everything, the password expired before the suspension (which Okta accepts from there).
    "ACTIVE": ((S, S, S, S, S), "SUSPENDED"),
    # Already expired: not again; suspended from PASSWORD_EXPIRED (recorded `suspend` link).
    "PASSWORD_EXPIRED": ((S, S, S, K, S), "SUSPENDED"),
    # Okta offers a suspended user no password expiry (recorded links); suspended already.
    "SUSPENDED": ((S, S, S, K, K), "SUSPENDED"),
    # A deactivated user cannot sign in; Okta allows it activation only.
    "DEPROVISIONED": ((S, S, K, K, K), "DEPROVISIONED"),
    # Never activated: cannot sign in; Okta offers no expirePassword or suspend.
    "STAGED": ((S, S, S, K, K), "STAGED"),
    # A pending activation Okta will not suspend: the report must say so (failed).
    "PROVISIONED": ((S, S, S, F, F), "PROVISIONED"),
}


def _sign_in_everywhere(sim: OktaSimulator, user_id: str) -> None:
    """A session, and consent grants and a refresh token in every client app of the org."""
    for client_id in list(sim.org.client_apps) or [None]:
        sim.sign_in(user_id, client_id=client_id)


@pytest.fixture
def org(okta_sim: OktaSimulator) -> dict[str, str]:
    """One user per status, each with factors, sessions, grants and refresh tokens."""
    from oktakit.testing._sign_in import add_client_app

    add_client_app(okta_sim.org, "Expense Reports", "https://expenses.example.com")
    ids = {}
    for status in EXPECTED:
        user = okta_sim.add_user(
            login=f"{status.lower()}@example.com",
            status=status,
            password=status != "PROVISIONED",
            factors=["okta_verify", "phone_number"],
        )
        _sign_in_everywhere(okta_sim, user.id)
        ids[status] = user.id
    return ids


async def test_each_status_gets_the_outcomes_okta_allows_and_ends_contained(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    report = await okta.contain(list(org.values()), journal=tmp_path / "c.jsonl", progress=False)

    rows = {row.item: row for row in report.rows()}
    for status, (outcomes, after) in EXPECTED.items():
        row = rows[org[status]]
        assert (status, outcomes) == (status, tuple(row.outcome(step) for step in STEPS))
        assert (status, after) == (status, okta_sim.org.users[org[status]].status)
        assert (status, status, after) == (status, row.status_before, row.status)
    for user_id in org.values():
        account = okta_sim.org.users[user_id].account
        assert ([], [], []) == (account.sessions, account.refresh_tokens, account.grants)
    # Factors: reset wherever Okta allows it (not on the DEPROVISIONED user).
    with_factors = [s for s, user_id in org.items() if okta_sim.org.users[user_id].factors]
    assert ["DEPROVISIONED"] == with_factors
    assert sorted(set(org.values()) - {org["PROVISIONED"]}) == sorted(report.contained)
    assert not report.ok


async def test_an_active_user_is_contained_in_an_order_okta_refuses_nothing_of(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    okta_sim.reset_counters()

    report = await okta.contain([org["ACTIVE"]], progress=False, preflight=False)

    sent = [(r.operation, r.status) for r in okta_sim.request_log if r.operation != "getUser"]
    assert [
        ("revokeUserSessions", 204),
        ("revokeUserGrants", 204),
        ("resetFactors", 200),
        ("expirePassword", 200),
        ("suspendUser", 200),
    ] == sent
    assert "oauthTokens=true" in next(
        r.query for r in okta_sim.request_log if r.operation == "revokeUserSessions"
    )
    assert report.ok


async def test_the_other_order_would_be_refused_by_okta(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    """Why the password is expired before the suspension: Okta refuses it afterwards."""
    from oktakit import PermissionDeniedError

    await okta.suspend_user(org["ACTIVE"])
    with pytest.raises(PermissionDeniedError) as refused:
        await okta.expire_password(org["ACTIVE"])

    assert "E0000038" == refused.value.error_code


async def test_steps_are_chosen_and_always_run_in_the_playbooks_order(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    okta_sim.reset_counters()

    report = await okta.contain([org["ACTIVE"]], steps=["suspend", "clear_sessions"], progress=False)

    assert ("clear_sessions", "suspend") == report.steps
    sent = [r.operation for r in okta_sim.request_log if r.operation in ("revokeUserSessions", "suspendUser")]
    assert ["revokeUserSessions", "suspendUser"] == sent
    assert 0 == okta_sim.request_counts["resetFactors"] + okta_sim.request_counts["expirePassword"]
    assert okta_sim.org.users[org["ACTIVE"]].factors  # untouched


@pytest.mark.parametrize("steps", [["suspend", "lock"], [], "", [1]])
async def test_an_unknown_step_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, steps: object
) -> None:
    okta_sim.reset_counters()

    with pytest.raises(InvalidArgumentError, match="clear_sessions, revoke_grants"):
        await okta.contain(["00u00000000000000001"], steps=steps, progress=False)  # type: ignore[arg-type]

    assert 0 == sum(okta_sim.request_counts.values())


async def test_the_dry_run_predicts_the_run_user_by_user_and_step_by_step(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    users = [*org.values(), "ghost@example.com"]
    journal = tmp_path / "c.jsonl"

    plan = await okta.contain(users, dry_run=True, journal=journal, progress=False)
    unchanged = {u: okta_sim.org.users[u].status for u in org.values()}
    run = await okta.contain(users, progress=False)

    assert not journal.exists()  # a dry run writes no journal
    assert {status: status for status in EXPECTED} == {s: unchanged[u] for s, u in org.items()}
    predicted = {(r.item, step): r.outcome(step) for r in plan.rows() for step in STEPS}
    done = {(r.item, step): r.outcome(step) for r in run.rows() for step in STEPS}
    assert {key: S if outcome == "planned" else outcome for key, outcome in predicted.items()} == done
    # The plan shows each user as it is now.
    assert {u: unchanged.get(u) for u in users} == {r.item: r.status for r in plan.rows()}


async def test_one_journal_holds_one_outcome_per_user_and_step_and_a_rerun_repeats_nothing(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    users = [org["ACTIVE"], org["SUSPENDED"], "active@example.com", "ghost@example.com"]

    first = await okta.contain(users, journal=journal, progress=False)
    okta_sim.reset_counters()
    again = await okta.contain(users, journal=journal, progress=False)

    outcomes = [(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert sorted(outcomes) == sorted(set(outcomes))
    assert 3 * len(STEPS) == len(outcomes)  # the login names the ACTIVE user: a duplicate
    assert 1 == first.duplicates
    assert 0 == sum(v for k, v in okta_sim.request_counts.items() if k != "getUser")
    assert 3 * len(STEPS) == again.resumed
    assert [r.item for r in first.rows()] == [r.item for r in again.rows()]
    assert ["ghost@example.com"] == again.not_found


async def test_a_journal_of_other_steps_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    await okta.contain([org["ACTIVE"]], steps=["clear_sessions"], journal=journal, progress=False)
    okta_sim.reset_counters()

    with pytest.raises(JournalError, match="another run"):
        await okta.contain([org["STAGED"]], journal=journal, progress=False)

    assert 0 == sum(okta_sim.request_counts.values())


async def test_a_rerun_goes_on_at_the_step_where_the_run_stopped(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    """A run that failed part-way (the org refused the expiry for a moment) is not redone; a
    journal whose last records were cut off (a crash) resumes at the first step with none."""
    journal = tmp_path / "c.jsonl"
    user = org["ACTIVE"]
    await okta.contain([user], journal=journal, progress=False)
    lines = journal.read_text().splitlines(keepends=True)
    # Keep the run record and the records of the first two steps: as if killed after them.
    cut = next(i for i, line in enumerate(lines) if '"step":"reset_factors"' in line)
    journal.write_text("".join(lines[:cut]))
    okta_sim.org.users[user].status = "ACTIVE"  # what it was before the steps the crash lost
    okta_sim.reset_counters()

    report = await okta.contain([user], journal=journal, progress=False)

    sent = [r.operation for r in okta_sim.request_log if r.operation != "getUser"]
    assert ["resetFactors", "expirePassword", "suspendUser"] == sent
    assert [S] * 5 == [report.rows()[0].outcome(step) for step in STEPS]
    outcomes = [r["step"] for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert list(STEPS) == outcomes


async def test_a_step_in_flight_at_a_crash_is_settled_by_the_status_read_when_resumed(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    user = org["ACTIVE"]
    await okta.contain([user], steps=["expire_password", "suspend"], journal=journal, progress=False)
    # The crash came after the suspension was sent (and done) but before its outcome was written.
    lines = journal.read_text().splitlines(keepends=True)
    journal.write_text("".join(lines[:-1]))
    okta_sim.reset_counters()

    report = await okta.contain([user], steps=["expire_password", "suspend"], journal=journal, progress=False)

    assert 0 == okta_sim.request_counts["suspendUser"]  # read SUSPENDED: not sent again
    row = report.rows()[0]
    assert (S, S) == (row.outcome("expire_password"), row.outcome("suspend"))
    # It counts as this run's (it was ACTIVE before the attempt): undo unsuspends it.
    undo = await okta.bulk_undo(journal, progress=False)
    assert [user] == undo.succeeded


async def test_undo_unsuspends_only_whom_the_run_suspended_and_lists_what_stays(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    await okta.contain(list(org.values()), journal=journal, progress=False)

    undo = await okta.bulk_undo(journal, progress=False)

    assert sorted([org["ACTIVE"], org["PASSWORD_EXPIRED"]]) == sorted(undo.succeeded)
    statuses = {s: okta_sim.org.users[u].status for s, u in org.items()}
    assert ("ACTIVE", "ACTIVE", "SUSPENDED") == (
        statuses["ACTIVE"],
        statuses["PASSWORD_EXPIRED"],
        statuses["SUSPENDED"],  # suspended before the run: left so
    )
    stays = undo.not_reversible
    assert ("clear_sessions", "revoke_grants", "reset_factors", "expire_password") == stays[org["ACTIVE"]]
    # Unsuspending returns a user to ACTIVE: its earlier expiry is lost, and listed.
    assert "expire_password" in stays[org["PASSWORD_EXPIRED"]]
    assert ("clear_sessions", "revoke_grants") == stays[org["DEPROVISIONED"]]
    assert "not_reversible" in undo.summary()
    assert (tmp_path / "c.undo.jsonl").exists()


async def test_undo_for_one_user_cleared_by_the_investigation(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    second = okta_sim.add_user(login="second@example.com", password=True).id
    third = okta_sim.add_user(login="third@example.com", password=True).id
    journal = tmp_path / "c.jsonl"
    await okta.contain([org["ACTIVE"], "second@example.com", third], journal=journal, progress=False)

    cleared = await okta.bulk_undo(journal, users=[org["ACTIVE"]], progress=False)
    assert ([org["ACTIVE"]], [org["ACTIVE"]]) == (cleared.succeeded, list(cleared.not_reversible))
    # Named by the login the run was given (in another case: Okta's logins ignore it); the
    # undo journal resumes, so its report holds both.
    later = await okta.bulk_undo(journal, users=["Second@Example.com"], progress=False)

    assert [org["ACTIVE"], second] == later.succeeded
    assert 1 == later.resumed
    statuses = [okta_sim.org.users[u].status for u in (org["ACTIVE"], second, third)]
    assert ["ACTIVE", "ACTIVE", "SUSPENDED"] == statuses


async def test_undo_of_a_user_not_in_the_journal_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    await okta.contain([org["ACTIVE"]], journal=journal, progress=False)
    okta_sim.reset_counters()

    with pytest.raises(InvalidArgumentError, match="not in the journal"):
        await okta.bulk_undo(journal, users=["00u99999999999999999"], progress=False)

    assert 0 == sum(okta_sim.request_counts.values())


async def test_listed_users_carry_their_status_and_are_not_read_again(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    okta_sim.reset_counters()

    report = await okta.contain(okta.list_users(filter='status eq "ACTIVE"'), progress=False, preflight=False)

    assert [org["ACTIVE"]] == report.contained
    assert 0 == okta_sim.request_counts["getUser"]


async def test_a_user_deleted_between_steps_is_not_found_for_the_steps_left(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    user = org["ACTIVE"]
    okta_sim.inject_fault("error", operation="revokeUserGrants", status=404, count=1)

    report = await okta.contain([user], progress=False)

    row = report.rows()[0]
    assert [S, "not_found", "not_found", "not_found", "not_found"] == [row.outcome(s) for s in STEPS]
    assert 0 == okta_sim.request_counts["suspendUser"]


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


async def test_the_report_has_a_row_per_user_and_a_column_per_step_in_every_format(
    okta: OktaClient, okta_sim: OktaSimulator, org: dict[str, str], tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    formula = okta_sim.add_user(login="=cmd@example.com", password=True).id
    report = await okta.contain([org["ACTIVE"], org["PROVISIONED"], "=cmd@example.com"], progress=False)

    report.to_csv(tmp_path / "r.csv")
    report.to_jsonl(tmp_path / "r.jsonl")
    frame = report.to_dataframe()

    header, *lines = (tmp_path / "r.csv").read_text().splitlines()
    assert "id,user_id,status_before,status," + ",".join(STEPS) + ",errors,notes" == header
    assert lines[0].startswith(f"{org['ACTIVE']},{org['ACTIVE']},ACTIVE,SUSPENDED,{','.join([S] * 5)}")
    assert lines[2].startswith(f"'=cmd@example.com,{formula},ACTIVE,SUSPENDED")  # neutralised
    assert "expire_password: PermissionDeniedError E0000038" in lines[1]
    jsonl = _read(tmp_path / "r.jsonl")
    assert "=cmd@example.com" == jsonl[2]["id"]
    assert {"outcome": F, "status": "PROVISIONED"}.items() <= jsonl[1]["steps"]["suspend"].items()  # type: ignore[index]
    assert isinstance(frame, pandas.DataFrame)
    assert [S] * 5 == list(frame.loc[0, list(STEPS)])
    assert isinstance(report, ContainmentReport)
    assert "3 users: 2 contained, 1 with a failed step, 0 not found" in report.summary()
    assert {"expire_password", "suspend"} == set(report.failed[org["PROVISIONED"]])


async def test_the_report_refuses_to_overwrite_the_journal(
    okta: OktaClient, org: dict[str, str], tmp_path: Path
) -> None:
    journal = tmp_path / "c.jsonl"
    report = await okta.contain([org["ACTIVE"]], journal=journal, progress=False)
    before = journal.read_bytes()

    with pytest.raises(InvalidArgumentError):
        report.to_csv(journal)

    assert before == journal.read_bytes()


async def test_a_service_app_missing_one_steps_permission_is_refused_before_any_user(
    okta_sim: OktaSimulator, org: dict[str, str]
) -> None:
    from oktakit import InsufficientPermissionsError, PrivateKeyJWT, generate_signing_key, public_jwks

    key = generate_signing_key("ES256")
    scopes = ["okta.users.read", "okta.users.manage", "okta.roles.read"]
    # Every permission of the playbook but the one that expires passwords.
    granted = [
        "okta.users.read",
        "okta.iam.read",
        "okta.users.lifecycle.clearSessions",
        "okta.users.credentials.resetFactors",
        "okta.users.lifecycle.suspend",
    ]
    app = okta_sim.add_service_app(
        jwks=public_jwks([key])["keys"], scopes=scopes, roles=[], custom_permissions=granted
    )
    okta_sim.reset_counters()

    async with OktaClient(okta_sim.url, auth=PrivateKeyJWT(app.client_id, key, scopes)) as okta:
        with pytest.raises(InsufficientPermissionsError, match=r"okta\.users\.credentials\.expirePassword"):
            await okta.contain(list(org.values()), progress=False)

    steps = ("revokeUserSessions", "revokeUserGrants", "resetFactors", "expirePassword", "suspendUser")
    assert 0 == sum(okta_sim.request_counts[op] for op in steps)
    assert "ACTIVE" == okta_sim.org.users[org["ACTIVE"]].status


async def test_a_step_may_be_named_by_its_operation_or_with_hyphens(
    okta: OktaClient, org: dict[str, str]
) -> None:
    report = await okta.contain(
        [org["ACTIVE"]], steps=["suspend_user", "revoke-grants", "revoke_user_sessions"], progress=False
    )

    assert ("clear_sessions", "revoke_grants", "suspend") == report.steps


async def test_a_containment_leaves_okta_s_events_in_the_system_log_in_its_order(
    okta: OktaClient, org: dict[str, str]
) -> None:
    """What an investigation reads back: one event per step, the types Okta's event catalogue
    names for them (okta-developer-docs event-types.json), in the playbook's order."""
    user = org["ACTIVE"]

    await okta.contain([user], progress=False)
    events = [e async for e in okta.list_log_events(filter=f'target.id eq "{user}"')]

    assert [
        "user.session.clear",
        "app.oauth2.token.revoke.implicit.user",
        "app.oauth2.as.consent.revoke.user",
        "user.mfa.factor.reset_all",
        "user.account.expire_password",
        "user.lifecycle.suspend",
    ] == [e.event_type for e in events]

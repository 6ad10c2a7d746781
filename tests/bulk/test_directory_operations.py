"""``okta.bulk`` over the containment and directory operations: sessions, passwords, group
membership and deletion, with ``arguments=``; their outcome rules in the one table the run and
the dry run share; undo of memberships; answers that are secrets handed to ``on_result`` only.

Expected values come from Okta's rules (okta-mgmt-spec and recorded answers): membership is a
set; deleteUser deactivates a user that is not DEPROVISIONED and deletes one that is; a
PASSWORD_EXPIRED user keeps its expirePassword link; a SUSPENDED one is offered none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oktakit import InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig
from oktakit.testing._account_state import digest

from ._support import EVERY_STATUS, add_users, journal_lines

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())


def _group(sim: OktaSimulator, name: str = "Incident 42") -> str:
    return sim.org.add_group(name).id


async def test_add_to_a_group_by_name_skips_members_and_undo_removes_only_those_added(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE", c="SUSPENDED")
    group = _group(okta_sim)
    okta_sim.org.add_member(group, okta_sim.org.users[ids["b"]])  # already a member
    journal = tmp_path / "add.jsonl"
    okta_sim.reset_counters()

    report = await okta.bulk(
        "assign_user_to_group",
        list(ids.values()),
        arguments={"group_id": group},
        journal=journal,
        progress=False,
    )

    assert sorted([ids["a"], ids["c"]]) == sorted(report.succeeded)
    assert [ids["b"]] == report.skipped
    assert 2 == okta_sim.request_counts["assignUserToGroup"]  # none sent for the member
    assert set(ids.values()) == okta_sim.org.groups[group].member_ids

    undo = await okta.bulk_undo(journal, progress=False)

    assert sorted([ids["a"], ids["c"]]) == sorted(undo.succeeded)
    assert {ids["b"]} == okta_sim.org.groups[group].member_ids
    assert {"group_id": group} == journal_lines(tmp_path / "add.undo.jsonl")[0]["arguments"]


async def test_remove_from_a_group_as_a_bound_method_and_undo_adds_back_only_those_removed(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    group = _group(okta_sim)
    okta_sim.org.add_member(group, okta_sim.org.users[ids["a"]])
    journal = tmp_path / "remove.jsonl"

    report = await okta.bulk(
        okta.unassign_user_from_group,
        ["a@example.com", ids["b"]],
        arguments={"group_id": group},
        journal=journal,
        progress=False,
    )
    undo = await okta.bulk_undo(journal, progress=False)

    assert (["a@example.com"], [ids["b"]]) == (report.succeeded, report.skipped)
    assert [ids["a"]] == undo.succeeded
    assert {ids["a"]} == okta_sim.org.groups[group].member_ids


async def test_the_everyone_group_cannot_be_changed_by_hand(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    everyone = okta_sim.org.everyone_group_id  # every user is a member
    assert everyone is not None

    report = await okta.bulk(
        "unassign_user_from_group", [ids["a"]], arguments={"group_id": everyone}, progress=False
    )

    assert "E0000060" == report.failed[ids["a"]].error_code


@pytest.mark.parametrize(
    ("arguments", "match"),
    [
        ({}, "group_id"),
        ({"group_id": ""}, "group_id must not be empty"),
        ({"group_id": "00g1", "colour": "red"}, "colour"),
        ({"group_id": "00g1", "user_id": "00u1"}, "comes from each item"),
    ],
)
async def test_bad_arguments_are_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, arguments: dict[str, Any], match: str
) -> None:
    okta_sim.reset_counters()

    with pytest.raises(InvalidArgumentError, match=match):
        await okta.bulk("assign_user_to_group", ["00u00000000000000001"], arguments=arguments, progress=False)

    assert 0 == sum(okta_sim.request_counts.values())


@pytest.mark.parametrize("value", ["yes", 1, "true"])
async def test_a_flag_that_is_not_true_or_false_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, value: object
) -> None:
    okta_sim.reset_counters()

    with pytest.raises(InvalidArgumentError, match="oauth_tokens"):
        await okta.bulk("revoke_user_sessions", ["00u1"], arguments={"oauth_tokens": value}, progress=False)

    assert 0 == sum(okta_sim.request_counts.values())


async def test_clearing_sessions_with_oauth_tokens_ends_both_for_every_user(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    from oktakit.testing._sign_in import add_client_app

    app = add_client_app(okta_sim.org, "Wiki")
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    okta_sim.sign_in(ids["a"], client_id=app.client_id)

    report = await okta.bulk(
        "revoke_user_sessions", list(ids.values()), arguments={"oauth_tokens": True}, progress=False
    )

    # Okta answers 204 whether or not there was a session: never observable, never skipped.
    assert sorted(ids.values()) == sorted(report.succeeded)
    account = okta_sim.org.users[ids["a"]].account
    # Consent grants are revoked by revoke_user_grants, not by ending sessions (okta-mgmt-spec).
    assert ([], [], 2) == (account.sessions, account.refresh_tokens, len(account.grants))


@pytest.mark.parametrize(
    ("operation", "arguments"),
    [
        ("expire_password", {}),
        ("revoke_user_sessions", {"oauth_tokens": True}),
        ("revoke_user_grants", {}),
        ("reset_password", {"send_email": True}),
        ("delete_user", {}),
    ],
)
async def test_the_dry_run_predicts_the_run_user_by_user(
    operation: str, arguments: dict[str, Any], okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    """One rule table settles both: what the plan says of each status is what the run does."""
    ids = add_users(okta_sim, **EVERY_STATUS)
    users = [*ids.values(), "ghost@example.com"]

    plan = await okta.bulk(operation, users, arguments=arguments, dry_run=True, progress=False)
    run = await okta.bulk(operation, users, arguments=arguments, progress=False)

    predicted = {row.item: row.outcome for row in plan.rows()}
    done = {row.item: row.outcome for row in run.rows()}
    assert {user: "succeeded" if o == "planned" else o for user, o in predicted.items()} == done
    assert "not_found" == done["ghost@example.com"]


async def test_expiring_an_expired_password_is_skipped_without_a_request(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", e="PASSWORD_EXPIRED", s="SUSPENDED")
    okta_sim.reset_counters()

    report = await okta.bulk("expire_password", list(ids.values()), progress=False)

    assert ([ids["a"]], [ids["e"]], [ids["s"]]) == (report.succeeded, report.skipped, list(report.failed))
    assert "E0000038" == report.failed[ids["s"]].error_code
    assert 2 == okta_sim.request_counts["expirePassword"]  # the active and the suspended user
    assert "PASSWORD_EXPIRED" == okta_sim.org.users[ids["a"]].status


async def test_delete_deletes_deactivating_first_where_okta_needs_it(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", g="DEPROVISIONED")
    okta_sim.reset_counters()

    report = await okta.bulk("delete_user", [*ids.values(), "ghost@example.com"], progress=False)

    assert (sorted(ids.values()), ["ghost@example.com"]) == (sorted(report.succeeded), report.not_found)
    assert 3 == okta_sim.request_counts["deleteUser"]  # two for the active user, one for the other
    assert all(okta_sim.org.users.by_id(u) is None for u in ids.values())


async def test_delete_is_never_sent_again_after_a_lost_answer(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    import stamina

    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    # The first DELETE's answer is lost after Okta deactivated the user; then the second
    # DELETE's answer is lost after Okta deleted it: both are read back, neither is resent.
    okta_sim.inject_fault("reset", operation="deleteUser", path=f"*/{ids['a']}", count=2, applied=True)
    # The other user's first DELETE fails before Okta acts on it.
    okta_sim.inject_fault("error", operation="deleteUser", path=f"*/{ids['b']}", status=503, count=1)

    with stamina.set_testing(True, attempts=5):  # retries on: the transport still never resends it
        report = await okta.bulk("delete_user", list(ids.values()), progress=False)

    assert [ids["a"]] == report.succeeded
    assert okta_sim.org.users.by_id(ids["a"]) is None
    assert "ServerError" == report.failed[ids["b"]].type
    assert "ACTIVE" == okta_sim.org.users[ids["b"]].status
    assert 3 == okta_sim.request_counts["deleteUser"]


async def test_a_bulk_delete_refuses_respond_async(okta: OktaClient) -> None:
    with pytest.raises(InvalidArgumentError, match="respond_async"):
        await okta.bulk("delete_user", ["00u1"], arguments={"respond_async": True}, progress=False)


async def test_temporary_passwords_go_to_on_result_only(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    handed: dict[str, str] = {}

    async def keep(user_id: str, result: Any) -> None:
        handed[user_id] = result.temp_password

    report = await okta.bulk(
        "expire_password_with_temp_password",
        list(ids.values()),
        arguments={"revoke_sessions": True},
        on_result=keep,
        journal=tmp_path / "j.jsonl",
        progress=False,
    )
    report.to_csv(tmp_path / "r.csv")

    assert sorted(ids.values()) == sorted(report.succeeded)
    # Each is the password Okta set (the simulator keeps its digest).
    assert all(digest(handed[u]) == okta_sim.org.users[u].account.password_digest for u in ids.values())
    written = (tmp_path / "j.jsonl").read_text() + (tmp_path / "r.csv").read_text()
    assert not [secret for secret in handed.values() if secret in written]


async def test_reset_links_without_email_go_to_a_sync_on_result(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    links: list[tuple[str, str]] = []

    report = await okta.bulk(
        "reset_password",
        [ids["a"]],
        arguments={"send_email": False},
        on_result=lambda user, token: links.append((user, token.reset_password_url)),
        progress=False,
    )

    assert [ids["a"]] == report.succeeded
    assert [ids["a"]] == [user for user, _ in links]
    assert links[0][1].startswith(f"{okta_sim.url}/reset_password/")
    assert "RECOVERY" == okta_sim.org.users[ids["a"]].status


async def test_an_on_result_that_raises_fails_the_item_without_quoting_the_secret(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    def broken(user_id: str, result: Any) -> None:
        raise KeyError(result.temp_password)

    report = await okta.bulk(
        "expire_password_with_temp_password", [ids["a"]], on_result=broken, progress=False
    )

    failure = report.failed[ids["a"]]
    assert "ResultNotDelivered" == failure.type
    assert "KeyError" in failure.message
    assert "PASSWORD_EXPIRED" == okta_sim.org.users[ids["a"]].status  # done at Okta all the same
    assert okta_sim.org.users[ids["a"]].account.password_digest is not None


async def test_arguments_and_on_result_are_refused_for_a_callable(okta: OktaClient) -> None:
    async def mine(item: str) -> None:
        return None

    with pytest.raises(InvalidArgumentError, match="on_result"):
        await okta.bulk(mine, ["x"], on_result=print, progress=False)
    with pytest.raises(InvalidArgumentError, match="on_result"):
        await okta.bulk("get_user", ["x"], on_result=print, progress=False)


def test_a_bulk_membership_change_needs_what_it_reads_too() -> None:
    from oktakit.permissions import requirements

    need = requirements(["assign_user_to_group"], bulk=True)

    pulled = {op.name: op.needed_by for op in need.operations if op.needed_by is not None}
    assert {"get_user": "assignUserToGroup", "list_user_groups": "assignUserToGroup"} == pulled
    assert ("okta.groups.manage", "okta.users.read") == need.scopes


@pytest.mark.parametrize("operation", ["assign_user_to_group", "unassign_user_from_group"])
async def test_the_dry_run_of_a_membership_change_predicts_the_run(
    operation: str, okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, **EVERY_STATUS)
    group = _group(okta_sim)
    for label in ("active", "suspended", "gone"):
        okta_sim.org.add_member(group, okta_sim.org.users[ids[label]])
    users = [*ids.values(), "ghost@example.com"]

    plan = await okta.bulk(operation, users, arguments={"group_id": group}, dry_run=True, progress=False)
    run = await okta.bulk(operation, users, arguments={"group_id": group}, progress=False)

    predicted = {row.item: row.outcome for row in plan.rows()}
    assert {user: "succeeded" if o == "planned" else o for user, o in predicted.items()} == {
        row.item: row.outcome for row in run.rows()
    }
    members = {ids[label] for label in ("active", "suspended", "gone")}
    expected = members if operation == "assign_user_to_group" else set(ids.values()) - members
    assert sorted(expected) == sorted(plan.skipped)

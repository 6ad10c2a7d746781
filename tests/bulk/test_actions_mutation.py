"""What a user is told when bulk refuses a run before it starts: an operation it cannot run
(with the list of those it can), arguments the operation does not take (with the path values
it needs), and arguments the journal could not keep (NaN, infinities). Nothing is sent and no
journal is written; a run that is accepted journals the arguments it was given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oktakit import InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_users, journal_lines

pytestmark = pytest.mark.okta_sim(users=0)

#: docs/bulk.md, "Operations": the one-user operations bulk knows by name (bulk_update's own
#: update_user is not among them), here in alphabetical order.
DOCUMENTED_OPERATIONS = (
    "activate_user, assign_user_to_group, deactivate_user, delete_user, expire_password, "
    "expire_password_with_temp_password, reactivate_user, reset_factors, reset_password, "
    "revoke_tokens_for_user_and_client, revoke_user_grants, revoke_user_sessions, suspend_user, "
    "unassign_user_from_group, unlock_user, unsuspend_user"
)


async def test_an_unknown_operation_is_refused_with_every_documented_operation_listed(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    journal = tmp_path / "run.jsonl"

    with pytest.raises(InvalidArgumentError) as raised:
        await okta.bulk("suspend_users", ["00u00000000000000001"], journal=journal, progress=False)

    assert str(raised.value) == (
        f"'suspend_users' is not an operation of one user that bulk can run; use one of "
        f"{DOCUMENTED_OPERATIONS}, okta.bulk_update(rows) for profiles, or pass an async callable "
        "of one item"
    )
    assert 0 == sum(okta_sim.request_counts.values())
    assert not journal.exists()


@pytest.mark.parametrize(
    "case",
    [
        ("assign_user_to_group", {"group_id": "00g1", "colour": "red"}, "group_id"),
        ("revoke_tokens_for_user_and_client", {"clientId": "0oa1"}, "client_id"),
        ("suspend_user", {"reason": "incident 42"}, "no other path value"),
    ],
    ids=["group-path", "client-path", "no-path"],
)
async def test_arguments_an_operation_does_not_take_are_refused_naming_the_path_values_it_needs(
    case: tuple[str, dict[str, Any], str], okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    operation, arguments, takes = case
    journal = tmp_path / "run.jsonl"

    with pytest.raises(InvalidArgumentError) as raised:
        await okta.bulk(
            operation, ["00u00000000000000001"], arguments=arguments, journal=journal, progress=False
        )

    message = str(raised.value)
    assert message.startswith(f"{operation} in bulk: ")
    assert message.endswith(f"(arguments= takes {takes} and its options)")
    assert 0 == sum(okta_sim.request_counts.values())
    assert not journal.exists()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")], ids=["nan", "inf", "-inf"])
async def test_a_number_json_cannot_hold_is_refused_before_the_run_starts(
    value: float, okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    # RFC 8259 section 6: "Numeric values that cannot be represented ... (such as Infinity and
    # NaN) are not permitted"; a journal with them could not be read back on resume.
    journal = tmp_path / "run.jsonl"

    with pytest.raises(InvalidArgumentError) as raised:
        await okta.bulk(
            "deactivate_user",
            ["00u00000000000000001"],
            arguments={"send_email": value},
            journal=journal,
            progress=False,
        )

    assert str(raised.value).startswith("bulk arguments must be JSON values (journaled): ")
    assert 0 == sum(okta_sim.request_counts.values())
    assert not journal.exists()


async def test_an_accepted_run_journals_its_arguments_and_reports_each_user(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    journal = tmp_path / "run.jsonl"

    report = await okta.bulk(
        "deactivate_user",
        [ids["a"], ids["b"]],
        arguments={"send_email": False},
        journal=journal,
        progress=False,
    )

    assert sorted(report.succeeded) == sorted(ids.values())
    header = journal_lines(journal)[0]
    assert ("run", "deactivate_user", {"send_email": False}) == (
        header["kind"],
        header["operation"],
        header["arguments"],
    )
    assert ["DEPROVISIONED", "DEPROVISIONED"] == [okta_sim.org.users[i].status for i in ids.values()]

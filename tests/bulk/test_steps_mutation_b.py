"""What a user sees of the steps: the plan of a dry run (of bulk_update and of a callable), the
login and status a record carries, the name a caller's callable is recorded under, what reaches
the callable, the preflight of a client method, and the errors that name the bad argument."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oktakit import InsufficientPermissionsError, InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_users, journal_lines

pytestmark = pytest.mark.okta_sim(users=0)


async def touch(item: object) -> None:
    """A caller's own callable of one item, defined at module level."""


class Anonymous:
    """A callable that does not say where it comes from (as some proxies do): no module, no
    qualified name."""

    def __init__(self) -> None:
        self.got: list[object] = []

    def __getattribute__(self, name: str) -> Any:
        if name in ("__module__", "__qualname__"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    async def __call__(self, item: object) -> None:
        self.got.append(item)

    def __repr__(self) -> str:
        return "Anonymous()"


# -- dry runs ---------------------------------------------------------------------------------


async def test_a_dry_run_of_bulk_update_plans_changes_skips_empty_rows_and_refuses_a_deprovisioned_user(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="SUSPENDED", gone="DEPROVISIONED")
    okta_sim.org.users[ids["b"]].profile["title"] = "Engineer"
    okta_sim.reset_counters()
    rows = [
        {"id": ids["a"], "title": "Director"},
        {"id": ids["b"], "title": ""},  # empty="leave": nothing to change
        {"id": ids["gone"], "nickName": "X"},
    ]

    plan = await okta.bulk_update(rows, dry_run=True, progress=False)

    by_item = {row.item: row for row in plan.rows()}
    assert ([ids["a"]], [ids["b"]], [ids["gone"]]) == (plan.planned, plan.skipped, list(plan.failed))
    assert ("ACTIVE", None) == (by_item[ids["a"]].status, by_item[ids["a"]].note)
    assert "nothing to change" == by_item[ids["b"]].note
    # Okta answers an update of a DEPROVISIONED user with 404 E0000007 (okta-sdk-java #721):
    # the plan says so from the status, without a request.
    failure = plan.failed[ids["gone"]]
    assert ("NotAllowed", "DEPROVISIONED does not allow update_user") == (failure.type, failure.message)
    assert "DEPROVISIONED" == by_item[ids["gone"]].status
    assert {"getUser"} == set(okta_sim.request_counts)  # reads only
    assert "Engineer" == okta_sim.org.users[ids["b"]].profile["title"]


async def test_a_dry_run_of_bulk_update_that_clears_plans_a_row_of_empty_cells(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, c="ACTIVE")
    okta_sim.org.users[ids["c"]].profile["title"] = "Engineer"

    plan = await okta.bulk_update(
        [{"id": ids["c"], "title": ""}], empty="clear", dry_run=True, progress=False
    )

    assert [ids["c"]] == plan.planned
    assert "Engineer" == okta_sim.org.users[ids["c"]].profile["title"]


async def test_a_dry_run_of_a_suspend_names_the_status_that_does_not_allow_it(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    # Okta suspends only an ACTIVE user (400 E0000001 otherwise): a STAGED one is refused.
    ids = add_users(okta_sim, staged="STAGED")

    plan = await okta.bulk("suspend_user", [ids["staged"]], dry_run=True, progress=False)

    failure = plan.failed[ids["staged"]]
    assert ("NotAllowed", "STAGED does not allow suspend_user") == (failure.type, failure.message)
    assert "STAGED" == plan.rows()[0].status


async def test_a_dry_run_of_a_callable_plans_every_item_unchecked_and_calls_nothing(okta: OktaClient) -> None:
    called = Anonymous()

    plan = await okta.bulk(called, ["alice@example.com", "bob@example.com"], dry_run=True, progress=False)

    assert ["alice@example.com", "bob@example.com"] == plan.planned
    assert {"not checked: a custom operation"} == {row.note for row in plan.rows()}
    assert [] == called.got


# -- what a run records and hands on ----------------------------------------------------------


async def test_a_user_named_by_id_is_recorded_with_the_login_its_read_found(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    report = await okta.bulk("suspend_user", [ids["a"]], progress=False)

    row = report.rows()[0]
    assert ("a@example.com", "succeeded", "SUSPENDED") == (row.login, row.outcome, row.status)


async def test_a_caller_callable_is_recorded_under_its_module_and_qualified_name(okta: OktaClient) -> None:
    report = await okta.bulk(touch, ["alice@example.com"], progress=False)

    assert f"{__name__}.touch" == report.operation
    assert ["alice@example.com"] == report.succeeded


async def test_a_callable_without_module_or_qualified_name_is_recorded_by_its_repr(okta: OktaClient) -> None:
    called = Anonymous()

    report = await okta.bulk(called, ["alice@example.com"], progress=False)

    assert "?.Anonymous()" == report.operation
    assert ["alice@example.com"] == called.got


async def test_a_caller_callable_gets_each_item_itself_and_a_client_method_by_name_its_user_id(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="SUSPENDED")
    called = Anonymous()

    mine = await okta.bulk(called, okta.list_users(), progress=False)
    by_name = await okta.bulk("get_user", okta.list_users(), progress=False)

    got = {item.profile.login: item.id for item in called.got}  # type: ignore[attr-defined]
    assert {"a@example.com": ids["a"], "b@example.com": ids["b"]} == got
    assert sorted(ids.values()) == sorted(mine.succeeded)
    assert sorted(ids.values()) == sorted(by_name.succeeded)
    assert 3 == okta_sim.request_counts["getUser"]  # one per user, and the preflight's GET /users/me


async def test_a_client_method_by_name_is_preflighted_before_any_item(okta_sim: OktaSimulator) -> None:
    from oktakit import PrivateKeyJWT, generate_signing_key, public_jwks

    ids = add_users(okta_sim, a="ACTIVE")
    key = generate_signing_key("ES256")
    scopes = ["okta.groups.read", "okta.roles.read"]  # no okta.users.read
    app = okta_sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=scopes,
        roles=[],
        custom_permissions=["okta.users.read", "okta.iam.read"],
    )

    async with OktaClient(okta_sim.url, auth=PrivateKeyJWT(app.client_id, key, scopes)) as okta:
        with pytest.raises(InsufficientPermissionsError, match=r"okta\.users\.read"):
            await okta.bulk("get_user", [ids["a"]], progress=False)

    assert 0 == okta_sim.request_counts["getUser"]


async def test_on_result_gets_each_deleted_user(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    handed: list[tuple[str, Any]] = []

    report = await okta.bulk(
        "delete_user",
        [ids["a"]],
        on_result=lambda user, result: handed.append((user, result)),
        progress=False,
    )

    assert [ids["a"]] == report.succeeded
    assert [(ids["a"], None)] == handed  # Okta answers a deletion with 204, no body
    assert ids["a"] not in okta_sim.org.users


async def test_an_on_result_that_raises_names_the_operation_that_was_done(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    def broken(user_id: str, result: Any) -> None:
        raise ValueError("vault closed")

    report = await okta.bulk("suspend_user", [ids["a"]], on_result=broken, progress=False)

    failure = report.failed[ids["a"]]
    assert ("ResultNotDelivered", True) == (
        failure.type,
        failure.message.startswith("suspend_user was done, but on_result raised ValueError"),
    )


async def test_bulk_update_journals_its_empty_cell_policy(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    journal = tmp_path / "update.jsonl"

    await okta.bulk_update([{"id": ids["a"], "title": ""}], empty="clear", journal=journal, progress=False)

    header = journal_lines(journal)[0]
    assert ("run", "update_user", {"empty": "clear"}) == (
        header["kind"],
        header["operation"],
        header["arguments"],
    )


async def test_bulk_update_reads_back_a_lost_update_as_succeeded_with_the_status(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.inject_fault("reset", operation="updateUser", count=1, applied=True)

    report = await okta.bulk_update([{"id": ids["a"], "title": "Director"}], progress=False)

    row = report.rows()[0]
    assert ("succeeded", "ACTIVE", "verified by reading the user back after TransportError") == (
        row.outcome,
        row.status,
        row.note,
    )


async def test_bulk_update_reads_back_a_lost_clearing_as_not_done_when_the_cell_is_still_set(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    okta_sim.org.users[ids["a"]].profile["title"] = "Engineer"
    okta_sim.inject_fault("reset", operation="updateUser", count=1)  # lost before Okta applied it

    report = await okta.bulk_update([{"id": ids["a"], "title": ""}], empty="clear", progress=False)

    row = report.rows()[0]
    assert ("failed", "read back: not done") == (row.outcome, row.note)
    assert "Engineer" == okta_sim.org.users[ids["a"]].profile["title"]


# -- errors that name the bad argument --------------------------------------------------------


async def test_an_on_result_that_is_not_callable_is_named_in_the_error(okta: OktaClient) -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"^on_result must be a callable of \(user id, result\), not 42$"
    ):
        await okta.bulk("suspend_user", ["00u1"], on_result=42, progress=False)  # type: ignore[arg-type]


async def test_an_operation_that_is_neither_a_name_nor_callable_is_named_in_the_error(
    okta: OktaClient,
) -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"^bulk needs an operation name or an async callable, not 42$"
    ):
        await okta.bulk(42, ["00u1"], progress=False)


@pytest.mark.parametrize(
    "name", ["no_such_operation", "_call", "list_users", "org_url", "close", "credential", "bulk_update"]
)
async def test_a_name_that_is_no_one_user_operation_of_the_client_is_refused_by_name(
    name: str, okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    """Private plumbing (``_call``), a list (``list_users``), an attribute and the client's own
    helpers (``close``, ``credential``, ``bulk_update``) are no call of one user: refused before
    anything runs, with the error naming what was asked."""
    with pytest.raises(
        InvalidArgumentError, match=rf"^'{name}' is not an operation of one user that bulk can run"
    ):
        await okta.bulk(name, ["00u1"], progress=False)
    assert 0 == sum(okta_sim.request_counts.values())
    user = okta_sim.add_user(login="after@example.com")
    assert "after@example.com" == (await okta.get_user(user.id)).profile.login  # the client still works


async def test_arguments_for_a_client_method_without_bulk_knowledge_list_the_operations_that_take_them(
    okta: OktaClient,
) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        await okta.bulk("get_user", ["00u1"], arguments={"expand": "blocks"}, progress=False)

    message = str(raised.value)
    assert "for get_user, pass an async callable of one item" in message
    known = message.split("bulk knows (", 1)[1].split(")", 1)[0].split(", ")
    assert {"suspend_user", "unsuspend_user", "delete_user"} <= set(known)
    assert "update_user" not in known  # bulk_update's, with its rows

"""Every distinct item ends with exactly one outcome, decided from Okta's answers."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import stamina

from oktakit import InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import EVERY_STATUS, add_users, statuses

pytestmark = pytest.mark.okta_sim(users=0)


async def test_mixed_inputs_get_one_outcome_each_and_duplicates_run_once(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE", s="SUSPENDED", r="RECOVERY")
    items = [ids["a"], ids["s"], "00unknown0000000000", ids["a"], ids["b"], ids["r"], ids["b"]]

    report = await okta.bulk("suspend_user", items, preflight=False, progress=False)

    assert [ids["a"], ids["b"]] == sorted(report.succeeded, key=[ids["a"], ids["b"]].index)
    assert [ids["s"]] == report.skipped
    assert ["00unknown0000000000"] == report.not_found
    assert [ids["r"]] == list(report.failed)
    # RECOVERY cannot be suspended: Okta's 400 E0000001 (OKTA-FACTS part 1, section 4).
    assert ("BadRequestError", "E0000001", 400) == (
        report.failed[ids["r"]].type,
        report.failed[ids["r"]].error_code,
        report.failed[ids["r"]].status,
    )
    assert 2 == report.duplicates
    assert 5 == len(report)
    assert ["SUSPENDED", "SUSPENDED", "SUSPENDED", "RECOVERY"] == statuses(
        okta_sim, [ids["a"], ids["b"], ids["s"], ids["r"]]
    )
    # suspend can be undone, so each distinct spelling is read first (5 reads: a, s, the unknown
    # one, b, r); s is already SUSPENDED and not sent; a, b and r are sent, and r's refusal is
    # read back once more.
    assert 3 == okta_sim.request_counts["suspendUser"]
    assert 6 == okta_sim.request_counts["getUser"]


async def test_users_given_by_login_and_as_an_async_iterator_of_user_objects(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="SUSPENDED", c="ACTIVE")

    by_login = await okta.bulk("suspend_user", ["a@example.com"], progress=False)
    listed = await okta.bulk(
        okta.unsuspend_user, okta.list_users(search='status eq "SUSPENDED"'), progress=False
    )

    assert ["a@example.com"] == by_login.succeeded
    assert sorted([ids["a"], ids["b"]]) == sorted(listed.succeeded)
    assert ["ACTIVE", "ACTIVE", "ACTIVE"] == statuses(okta_sim, [ids["a"], ids["b"], ids["c"]])


async def test_an_async_generator_is_consumed_lazily_never_more_than_concurrency_ahead(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = list(add_users(okta_sim, **{f"u{n}": "ACTIVE" for n in range(30)}).values())
    pulled = 0
    max_ahead = 0
    finished = 0

    async def items() -> AsyncIterator[str]:
        nonlocal pulled, max_ahead
        for user_id in ids:
            pulled += 1
            max_ahead = max(max_ahead, pulled - finished)
            yield user_id

    async def suspend(user_id: str) -> None:
        nonlocal finished
        await okta.suspend_user(user_id)
        finished += 1

    report = await okta.bulk(suspend, items(), concurrency=4, progress=False)

    assert 30 == len(report.succeeded)
    assert max_ahead <= 4


async def test_an_async_callable_failure_is_kept_as_a_json_safe_typed_error(okta: OktaClient) -> None:
    async def flaky(item: str) -> None:
        if item == "bad":
            raise RuntimeError("boom")

    report = await okta.bulk(flaky, ["good", "bad"], progress=False)

    assert ["good"] == report.succeeded
    assert ("RuntimeError", "boom") == (report.failed["bad"].type, report.failed["bad"].message)


async def test_activate_of_an_active_user_is_skipped_by_okta_error_code(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="STAGED")

    report = await okta.bulk(
        "activate_user", [ids["a"], ids["s"]], arguments={"send_email": False}, progress=False
    )

    assert ([ids["s"]], [ids["a"]]) == (report.succeeded, report.skipped)
    assert ["ACTIVE", "ACTIVE"] == statuses(okta_sim, [ids["a"], ids["s"]])


async def test_unlock_of_an_unlocked_user_is_skipped_and_of_a_locked_one_succeeds(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", locked="LOCKED_OUT", staged="STAGED")

    report = await okta.bulk("unlock_user", list(ids.values()), progress=False)

    assert ([ids["locked"]], [ids["a"]], [ids["staged"]]) == (
        report.succeeded,
        report.skipped,
        list(report.failed),
    )


async def test_each_failure_logs_one_warning(
    okta: OktaClient, okta_sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    ids = add_users(okta_sim, r="RECOVERY", p="PROVISIONED", a="ACTIVE")

    with caplog.at_level("WARNING", logger="oktakit"):
        await okta.bulk("suspend_user", list(ids.values()), progress=False)

    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert 2 == len(warnings)
    assert {ids["r"], ids["p"]} == {w.getMessage().split(": ")[1].split(" ")[0] for w in warnings}


async def test_bad_input_is_refused_with_a_typed_error(okta: OktaClient) -> None:
    with pytest.raises(InvalidArgumentError, match="not an operation of one user"):
        await okta.bulk("delete_everything", ["x"], progress=False)
    with pytest.raises(InvalidArgumentError, match="not one string"):
        await okta.bulk("suspend_user", "00u1", progress=False)
    with pytest.raises(InvalidArgumentError, match="concurrency"):
        await okta.bulk("suspend_user", ["00u1"], concurrency=0, progress=False)
    with pytest.raises(InvalidArgumentError, match="empty string"):
        await okta.bulk("suspend_user", [" "], progress=False)


async def test_dry_run_shows_the_plan_and_changes_nothing(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE", s="SUSPENDED", r="RECOVERY")
    okta_sim.reset_counters()

    plan = await okta.bulk(
        "suspend_user", [*ids.values(), "nobody@example.com"], dry_run=True, progress=False
    )

    assert plan.dry_run
    assert ([ids["a"]], [ids["s"]], [ids["r"]], ["nobody@example.com"]) == (
        plan.planned,
        plan.skipped,
        list(plan.failed),
        plan.not_found,
    )
    assert {"ACTIVE", "SUSPENDED", "RECOVERY"} == {row.status for row in plan.rows() if row.status}
    assert ["ACTIVE", "SUSPENDED", "RECOVERY"] == statuses(okta_sim, list(ids.values()))
    assert {"getUser"} == set(okta_sim.request_counts)  # reads only


async def test_dry_run_of_listed_users_uses_their_status_without_reading_them(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    add_users(okta_sim, a="ACTIVE", s="SUSPENDED")
    okta_sim.reset_counters()

    plan = await okta.bulk("suspend_user", okta.list_users(), dry_run=True, progress=False)

    assert (1, 1) == (len(plan.planned), len(plan.skipped))
    assert {"listUsers"} == set(okta_sim.request_counts)


async def test_preflight_passes_for_a_full_admin_token_and_can_be_turned_off(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")

    checked = await okta.bulk("suspend_user", [ids["a"]], progress=False)
    reads_with_preflight = okta_sim.request_counts["getUser"]
    unchecked = await okta.bulk("suspend_user", [ids["b"]], preflight=False, progress=False)

    assert ([ids["a"]], [ids["b"]]) == (checked.succeeded, unchecked.succeeded)
    # Each run reads its user's status first (suspend can be undone); the preflight of an API
    # token also reads its admin (GET /users/me): 1 + 1, then 1 more without the preflight.
    assert (2, 3) == (reads_with_preflight, okta_sim.request_counts["getUser"])


async def test_a_service_app_without_the_permission_is_refused_before_any_item(
    okta_sim: OktaSimulator,
) -> None:
    from oktakit import (
        InsufficientPermissionsError,
        OktaClient,
        PrivateKeyJWT,
        generate_signing_key,
        public_jwks,
    )

    ids = add_users(okta_sim, a="ACTIVE")
    key = generate_signing_key("ES256")
    scopes = ["okta.users.read", "okta.users.manage", "okta.roles.read"]
    # A custom role that may read users (and its own roles) but not suspend them.
    app = okta_sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=scopes,
        roles=[],
        custom_permissions=["okta.users.read", "okta.iam.read"],
    )

    async with OktaClient(okta_sim.url, auth=PrivateKeyJWT(app.client_id, key, scopes)) as okta:
        with pytest.raises(InsufficientPermissionsError, match=r"okta\.users\.lifecycle\.suspend"):
            await okta.bulk("suspend_user", [ids["a"]], progress=False)

    assert 0 == okta_sim.request_counts["suspendUser"]
    assert "ACTIVE" == okta_sim.org.users[ids["a"]].status


async def test_preflight_refusal_stops_the_run_before_any_item(okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    asked: list[list[str]] = []

    class Missing(Exception):
        pass

    class Report:
        def raise_for_missing(self) -> None:
            raise Missing("grant okta.users.manage")

    class CheckedClient(OktaClient):
        async def preflight(self, operations: list[str], *, bulk: bool = False) -> Report:
            asked.append([*operations, *(["(bulk)"] if bulk else [])])
            return Report()

    from oktakit import ApiToken

    async with CheckedClient(okta_sim.url, auth=ApiToken(okta_sim.api_token)) as okta:
        with pytest.raises(Missing):
            await okta.bulk("suspend_user", [ids["a"]], progress=False)

    assert [["suspend_user", "(bulk)"]] == asked  # bulk=True: with what the executor reads
    assert 0 == okta_sim.request_counts["suspendUser"]


@pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.uniform(20, window=0.5))
async def test_a_rate_limited_run_finishes_every_item_with_no_429_after_the_first_window(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = list(add_users(okta_sim, **{f"u{n}": "ACTIVE" for n in range(60)}).values())
    okta_sim.reset_counters()

    report = await okta.bulk("suspend_user", ids, concurrency=20, progress=False)

    assert sorted(ids) == sorted(report.succeeded)
    first_window_end = okta_sim.request_log[0].time + 0.5
    assert [] == [r for r in okta_sim.request_log if r.status == 429 and r.time >= first_window_end]


@pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.uniform(10_000, window=1.0, concurrency=4))
async def test_concurrency_above_the_org_limit_adapts_and_finishes_every_item(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = list(add_users(okta_sim, **{f"u{n}": "ACTIVE" for n in range(60)}).values())
    okta_sim.inject_fault("delay", operation="suspendUser", delay=0.02)

    with stamina.set_testing(True, attempts=10):  # retries on (instant waits): 429s are retried
        report = await okta.bulk("suspend_user", ids, concurrency=16, progress=False)

    assert sorted(ids) == sorted(report.succeeded)
    assert ["SUSPENDED"] * 60 == statuses(okta_sim, ids)


async def test_another_one_id_method_of_the_client_runs_by_name_or_bound(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")

    by_name = await okta.bulk("get_user", [ids["a"], "ghost"], progress=False)
    bound = await okta.bulk(okta.get_user, ["a@example.com"], progress=False)

    assert ([ids["a"]], ["ghost"], ["a@example.com"]) == (
        by_name.succeeded,
        by_name.not_found,
        bound.succeeded,
    )
    assert "get_user" == by_name.operation


@pytest.mark.parametrize(
    "operation", ["suspend_user", "unsuspend_user", "unlock_user", "activate_user", "deactivate_user"]
)
async def test_the_dry_run_predicts_the_run_user_by_user(
    operation: str, okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    """One rule table settles both: what the plan says of each status is what the run does."""
    ids = add_users(okta_sim, **EVERY_STATUS)
    users = list(ids.values())

    plan = await okta.bulk(operation, users, dry_run=True, progress=False)
    run = await okta.bulk(operation, users, progress=False)

    predicted = {row.item: row.outcome for row in plan.rows()}
    done = {row.item: row.outcome for row in run.rows()}
    assert {
        user: "succeeded" if outcome == "planned" else outcome for user, outcome in predicted.items()
    } == (done)

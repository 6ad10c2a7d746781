"""A bulk run with exactly what ``oktakit permissions OP --bulk`` prints, and nothing more.

The app is set up the way an admin follows the output: the scopes granted, one custom role with
exactly the listed permissions over a resource set of exactly the listed resources, no standard
role. Expected outcomes follow Okta's lifecycle rules (OKTA-FACTS part 1, section 4), by hand.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from oktakit import (
    ApiToken,
    InsufficientPermissionsError,
    OktaClient,
    PrivateKeyJWT,
    SigningKey,
    public_jwks,
)
from oktakit.cli import main
from oktakit.permissions import requirements
from oktakit.testing import OktaSimulator

UNKNOWN = "00u0000000000unknown"


def printed(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert 0 == main(["permissions", *args, "--json"])
    output: dict[str, Any] = json.loads(capsys.readouterr().out)
    return output


def app_from(sim: OktaSimulator, key: SigningKey, output: dict[str, Any]) -> OktaClient:
    """A service app granted exactly ``output`` (the --json layout), no standard role."""
    app = sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=output["scopes"],
        custom_permissions=[p["key"] for p in output["custom_role"]["permissions"]],
        resources=[r["rest"] for r in output["resource_set"]["resources"]],
    )
    assert [] == [a.type for a in sim.org.clients[app.client_id] if a.type != "CUSTOM"]
    return OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, output["scopes"]))


def users(sim: OktaSimulator, status: str, count: int) -> list[str]:
    return [uid for uid in sim.org.users if sim.org.users[uid].status == status][:count]


@pytest.mark.parametrize("preflight", [True, False])
async def test_a_bulk_suspend_with_exactly_the_bulk_output_settles_every_user(
    sim: OktaSimulator, key: SigningKey, capsys: pytest.CaptureFixture[str], preflight: bool
) -> None:
    active, suspended = users(sim, "ACTIVE", 3), users(sim, "SUSPENDED", 2)
    async with app_from(sim, key, printed(capsys, "suspend_user", "--bulk")) as okta:
        report = await okta.bulk(
            "suspend_user", [*active, *suspended, UNKNOWN], preflight=preflight, progress=False
        )

    assert (sorted(active), sorted(suspended), [UNKNOWN], {}) == (
        sorted(report.succeeded),
        sorted(report.skipped),
        report.not_found,
        report.failed,
    )
    assert {"SUSPENDED"} == {sim.org.users[uid].status for uid in active + suspended}


async def test_the_plain_output_is_refused_by_the_bulk_preflight_naming_the_read(
    sim: OktaSimulator, key: SigningKey, capsys: pytest.CaptureFixture[str]
) -> None:
    active = users(sim, "ACTIVE", 1)
    async with app_from(sim, key, printed(capsys, "suspend_user")) as okta:
        with pytest.raises(InsufficientPermissionsError) as refused:
            await okta.bulk("suspend_user", active, progress=False)

    assert ("okta.users.read",) == refused.value.missing_scopes
    assert "ACTIVE" == sim.org.users[active[0]].status  # nothing was touched


async def test_without_the_read_a_refusal_fails_and_says_what_a_bulk_run_needs(
    sim: OktaSimulator, key: SigningKey, capsys: pytest.CaptureFixture[str]
) -> None:
    # Suspending a user who is not ACTIVE is refused alike whatever the status (400 E0000001):
    # only a read tells "already suspended" from "cannot be suspended", so without it: failed.
    # A suspend reads the status first (undo must know what it moved), so nothing is sent.
    suspended, active = users(sim, "SUSPENDED", 1), users(sim, "ACTIVE", 1)
    async with (
        app_from(sim, key, printed(capsys, "suspend_user")) as okta,
        app_from(sim, key, printed(capsys, "unlock_user")) as unlocker,
    ):
        report = await okta.bulk("suspend_user", suspended, preflight=False, progress=False)
        unlock = await unlocker.bulk("unlock_user", active, preflight=False, progress=False)

    assert suspended == list(report.failed)
    assert "E0000006" == report.failed[suspended[0]].error_code  # the read, refused
    assert 0 == sim.request_counts["suspendUser"]
    # An unlock of an unlocked user is sent, refused (E0000032), and the read back is refused.
    assert ("E0000032", active) == (unlock.failed[active[0]].error_code, list(unlock.failed))
    for row in (report.rows()[0], unlock.rows()[0]):
        assert "oktakit permissions" in (row.note or "")
        assert "--bulk" in (row.note or "")


@pytest.mark.parametrize("operation", ["unlock_user", "deactivate_user", "update_user"])
async def test_an_app_with_the_bulk_output_passes_the_bulk_preflight_and_the_plain_one_does_not(
    sim: OktaSimulator, key: SigningKey, capsys: pytest.CaptureFixture[str], operation: str
) -> None:
    async with (
        app_from(sim, key, printed(capsys, operation, "--bulk")) as bulk_app,
        app_from(sim, key, printed(capsys, operation)) as plain_app,
        OktaClient(sim.url, auth=ApiToken(sim.api_token)) as audit,
    ):
        enough = await bulk_app.preflight([operation], auditor=audit, bulk=True)
        short = await plain_app.preflight([operation], auditor=audit, bulk=True)
        plain = await plain_app.preflight([operation], auditor=audit)

    assert enough.ok, enough.summary()
    assert (True, False) == (enough.bulk, plain.bulk)
    assert ((), (), ()) == (enough.excess_scopes, enough.excess_permissions, enough.unverified)
    assert plain.ok, plain.summary()
    assert ("okta.users.read",) == short.missing_scopes


async def test_what_a_bulk_run_calls_is_exactly_what_the_bulk_requirements_list(
    sim: OktaSimulator, key: SigningKey
) -> None:
    """Every call the executor makes, including read-backs after refusals and after a 5xx."""
    active, suspended = users(sim, "ACTIVE", 4), users(sim, "SUSPENDED", 2)
    deprovisioned, enrolled = users(sim, "DEPROVISIONED", 2), users(sim, "ACTIVE", 8)[4:]
    jobs = {
        "suspend_user": [*active, *suspended, UNKNOWN],
        "deactivate_user": [*deprovisioned, suspended[0], UNKNOWN],
        # by login: the executor reads it for the user's id (one user, one action)
        "reset_factors": [*enrolled[1:], sim.org.users[enrolled[0]].login, UNKNOWN],
    }
    seen: dict[str, set[str]] = {}
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        for operation, items in jobs.items():
            sim.reset_counters()
            sim.inject_fault("error", operation=_operation_id(operation), status=503, count=1)
            await okta.bulk(operation, items, preflight=False, progress=False)
            seen[operation] = {op for op, count in sim.request_counts.items() if count}
        sim.reset_counters()
        rows = [{"id": active[0], "city": "Oslo"}]
        sim.inject_fault("error", operation="updateUser", status=503, count=1)
        await okta.bulk_update(rows, preflight=False, progress=False)
        seen["update_user"] = {op for op, count in sim.request_counts.items() if count}

    expected = {
        operation: {op.operation_id for op in requirements([operation], bulk=True).operations}
        for operation in seen
    }
    assert expected == seen
    assert {"suspendUser", "getUser"} == seen["suspend_user"]  # by hand: the read-back
    assert {"resetFactors", "getUser"} == seen["reset_factors"]  # by hand: the login's read


def _operation_id(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)

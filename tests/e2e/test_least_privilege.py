"""Least privilege end to end: the preflight and the simulator's enforcement agree, case by case.

Each case sets up a service app the way an admin would (scopes, a custom or standard role, a
resource set), then checks what ``preflight`` reports and what the API really allows. Expected
values are the permissions named in Okta's catalogue for each operation (the spec's
``x-okta-permissions``), written out by hand here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest

from oktakit import (
    ApiToken,
    InsufficientPermissionsError,
    OktaClient,
    PermissionDeniedError,
    PrivateKeyJWT,
    SigningKey,
    public_jwks,
)
from oktakit.cli import main
from oktakit.testing import OktaSimulator

SUSPEND = "okta.users.lifecycle.suspend"
ALL_SCOPES = ["okta.users.read", "okta.users.manage", "okta.roles.read", "okta.appGrants.read"]


def service_app(
    sim: OktaSimulator,
    key: SigningKey,
    *,
    scopes: Iterable[str] = ALL_SCOPES,
    request: Iterable[str] | None = None,
    roles: Iterable[str] = (),
    custom: Iterable[str] | None = None,
    resources: Iterable[str] | None = None,
) -> OktaClient:
    """A client for a new service app; ``request``: the scopes its tokens ask for (default all granted)."""
    scopes = list(scopes)
    app = sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=scopes,
        roles=roles,
        custom_permissions=custom,
        resources=resources,
    )
    return OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, list(request or scopes)))


def auditor(sim: OktaSimulator) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token))


def active_user(sim: OktaSimulator, index: int = 0) -> str:
    return [uid for uid in sim.org.users if sim.org.users[uid].status == "ACTIVE"][index]


async def test_a_missing_scope_is_reported_and_the_403_names_it(sim: OktaSimulator, key: SigningKey) -> None:
    scopes = ["okta.users.read", "okta.roles.read", "okta.appGrants.read"]
    async with service_app(
        sim, key, scopes=scopes, custom=[SUSPEND, "okta.iam.read", "okta.apps.read"]
    ) as okta:
        report = await okta.preflight(["suspend_user"])
        with pytest.raises(PermissionDeniedError) as denied:
            await okta.suspend_user(active_user(sim))

    assert ("okta.users.manage",) == report.missing_scopes
    assert not report.ok
    assert denied.value.insufficient_scope
    assert ("okta.users.manage",) == denied.value.challenge_scopes
    assert "lacks the scope okta.users.manage" in str(denied.value)
    with pytest.raises(InsufficientPermissionsError, match=r"grant scope okta\.users\.manage"):
        report.raise_for_missing()


async def test_a_missing_role_permission_is_reported_with_its_console_label(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with service_app(sim, key, custom=["okta.users.read"]) as okta, auditor(sim) as audit:
        report = await okta.preflight(["suspend_user"], auditor=audit)
        with pytest.raises(PermissionDeniedError) as denied:
            await okta.suspend_user(active_user(sim))

    assert [SUSPEND] == [p.key for p in report.missing_permissions]
    assert (
        "User > Edit users' lifecycle states > Suspend users" == report.missing_permissions[0].console_label
    )
    assert 1 == len(report.excess_permissions)
    assert report.excess_permissions[0].startswith("okta.users.read (custom role")
    assert ((SUSPEND,),) == denied.value.required_permissions
    assert "E0000006" == denied.value.error_code
    assert f"an admin role with {SUSPEND}" in str(denied.value)
    with pytest.raises(InsufficientPermissionsError) as raised:
        report.raise_for_missing()
    assert (SUSPEND,) == raised.value.missing_permissions
    assert "Suspend users" in str(raised.value)


async def test_a_role_whose_resource_set_reaches_one_group_is_a_missing_resource_for_a_job_over_users(
    sim: OktaSimulator, key: SigningKey
) -> None:
    member, outsider = active_user(sim, 0), active_user(sim, 1)
    group = sim.org.add_group("Contractors")
    sim.org.add_member(group.id, sim.org.users[member])
    scoped = [f"/api/v1/groups/{group.id}/users"]
    async with service_app(sim, key, custom=[SUSPEND], resources=scoped) as okta, auditor(sim) as audit:
        report = await okta.preflight(["suspend_user"], auditor=audit)
        await okta.suspend_user(member)
        with pytest.raises(PermissionDeniedError) as denied:
            await okta.suspend_user(outsider)

    assert "SUSPENDED" == sim.org.users[member].status
    assert "ACTIVE" == sim.org.users[outsider].status
    assert "E0000006" == denied.value.error_code
    assert "outside the role's resource set" in str(denied.value)
    # The job's users are not known in advance: a set that reaches one group's members is not enough.
    assert not report.ok
    assert (("All users",), ()) == (report.missing_resources, report.missing_permissions)
    role = list(sim.org.custom_roles.values())[-1]  # the app's (the seeded org has one before it)
    resource_set = list(sim.org.resource_sets.values())[-1]
    advice = " ".join(report.advice)
    assert f"custom role {role.label!r}" in advice
    assert f"resource set {resource_set.label!r} ({resource_set.id})" in advice
    assert f"the members of group {group.id}" in advice
    assert "add All users (/api/v1/users)" in advice
    with pytest.raises(InsufficientPermissionsError, match="resource All users"):
        report.raise_for_missing()


@pytest.mark.parametrize("resource", ["/api/v1/groups", "/api/v1/groups/{group}"])
async def test_a_resource_set_without_users_is_a_missing_resource(
    sim: OktaSimulator, key: SigningKey, resource: str
) -> None:
    # Okta: a permission on users gives nothing over a set that holds only groups themselves.
    group = sim.org.add_group("Everyone else")
    sim.org.add_member(group.id, sim.org.users[active_user(sim)])
    resources = [resource.format(group=group.id)]
    async with service_app(sim, key, custom=[SUSPEND], resources=resources) as okta, auditor(sim) as a:
        report = await okta.preflight(["suspend_user"], auditor=a)
        with pytest.raises(PermissionDeniedError):
            await okta.suspend_user(active_user(sim))

    assert (("All users",), ()) == (report.missing_resources, report.missing_permissions)
    with pytest.raises(InsufficientPermissionsError, match="resource All users"):
        report.raise_for_missing()


async def test_excess_scopes_show_even_when_the_token_did_not_ask_for_them(
    sim: OktaSimulator, key: SigningKey
) -> None:
    granted = [*ALL_SCOPES, "okta.groups.read"]
    async with (
        service_app(sim, key, scopes=granted, request=["okta.users.manage"], custom=[SUSPEND]) as okta,
        auditor(sim) as audit,
    ):
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert (
        "okta.appGrants.read",
        "okta.groups.read",
        "okta.roles.read",
        "okta.users.read",
    ) == report.excess_scopes
    assert report.ok  # excess is advice, not a failure


async def test_an_app_that_cannot_read_its_roles_is_unverified_never_ok(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with service_app(sim, key, scopes=["okta.users.manage"], custom=[SUSPEND]) as okta:
        report = await okta.preflight(["suspend_user"])

    assert not report.ok
    assert ((), ()) == (report.missing_scopes, report.missing_permissions)
    assert any("okta.roles.read" in item and "auditor=" in item for item in report.unverified)
    assert "NOT VERIFIED" in report.summary()
    report.raise_for_missing()  # nothing is known to be missing


async def test_an_auditor_client_reads_the_roles_for_a_least_privilege_app(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with (
        service_app(sim, key, scopes=["okta.users.manage"], custom=[SUSPEND]) as okta,
        auditor(sim) as audit,
    ):
        report = await okta.preflight(["suspend_user"], auditor=audit)

    assert report.ok, report.summary()
    assert ((), (), ()) == (report.excess_scopes, report.excess_permissions, report.unverified)


async def test_standard_roles_count_from_the_table_and_are_broader_than_needed(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with service_app(sim, key, roles=["HELP_DESK_ADMIN"]) as okta, auditor(sim) as audit:
        enough = await okta.preflight(["reset_factors", "unlock_user"], auditor=audit)
        short = await okta.preflight(["suspend_user"], auditor=audit)
        await okta.reset_factors(active_user(sim))
        with pytest.raises(PermissionDeniedError):
            await okta.suspend_user(active_user(sim))

    assert enough.ok
    assert 1 == len(enough.broader_roles)
    assert enough.broader_roles[0].startswith("HELP_DESK_ADMIN")
    assert [SUSPEND] == [p.key for p in short.missing_permissions]


async def test_the_simulators_api_token_belongs_to_its_super_admin_which_is_broader_than_needed(
    sim: OktaSimulator,
) -> None:
    admin = sim.api_token_admin
    assert admin is not None
    async with auditor(sim) as okta:
        report = await okta.preflight(["suspend_user"])

    assert report.ok, report.summary()
    assert "API token (SSWS)" == report.credential
    assert any(
        "admin who created it" in note and admin.login in note and admin.id in note for note in report.notes
    )
    assert [role.split(" ", 1)[0] for role in report.broader_roles] == ["SUPER_ADMIN"]


async def test_an_api_token_is_checked_against_the_roles_of_its_admin(sim: OktaSimulator) -> None:
    admin = sim.add_user(login="it.admin@example.com")
    sim.org.assign_standard_role(admin.id, "HELP_DESK_ADMIN", to_user=True)
    token = sim.issue_api_token("helpdesk", admin=admin.id)
    async with OktaClient(sim.url, auth=ApiToken(token)) as okta, auditor(sim) as audit:
        alone = await okta.preflight(["reset_factors"])  # a help desk admin cannot read admin roles
        enough = await okta.preflight(["reset_factors"], auditor=audit)
        short = await okta.preflight(["suspend_user"], auditor=audit)

    assert not alone.ok
    assert any("the admin's roles" in item and "auditor=" in item for item in alone.unverified)
    assert enough.ok, enough.summary()
    assert any("it.admin@example.com" in note and admin.id in note for note in enough.notes)
    assert any("roles: HELP_DESK_ADMIN" in note for note in enough.notes)
    assert enough.broader_roles[0].startswith("HELP_DESK_ADMIN")
    assert [SUSPEND] == [p.key for p in short.missing_permissions]
    assert any(f"admin it.admin@example.com ({admin.id})" in step for step in short.advice)


async def test_a_tac_job_needs_the_authenticators_read(sim: OktaSimulator, key: SigningKey) -> None:
    tac = "okta.users.credentials.manageTemporaryAccessCode"
    async with (
        service_app(sim, key, scopes=["okta.users.manage"], custom=[tac]) as okta,
        auditor(sim) as audit,
    ):
        report = await okta.preflight(["create_tac_authenticator_enrollment"], auditor=audit)

    assert ("okta.authenticators.read",) == report.missing_scopes


async def test_setting_a_password_needs_the_credentials_permission_in_both_places(
    sim: OktaSimulator, key: SigningKey
) -> None:
    async with (
        service_app(sim, key, custom=["okta.users.userprofile.manage"]) as okta,
        auditor(sim) as audit,
    ):
        profile_only = await okta.preflight(["update_user"], auditor=audit)
        with_password = await okta.preflight(["update_user"], auditor=audit, credentials=True)
        with pytest.raises(PermissionDeniedError):
            await okta.update_user(active_user(sim), password="Correct-Horse-9")

    assert profile_only.ok
    assert ["okta.users.credentials.manage"] == [p.key for p in with_password.missing_permissions]


async def test_check_with_operations_runs_the_preflight(sim: OktaSimulator, key: SigningKey) -> None:
    async with service_app(sim, key, custom=["okta.users.read"]) as okta:
        result = await okta.check(["suspend_user"])

    assert result.tested
    assert not result.ok
    assert result.preflight is not None
    assert not result.preflight.ok
    assert "preflight for suspend_user" in result.summary()


async def test_check_command_with_operations_exits_1_naming_what_is_missing(
    sim: OktaSimulator, key: SigningKey, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = sim.add_service_app(
        jwks=public_jwks([key])["keys"], scopes=["okta.users.read"], custom_permissions=[]
    )
    monkeypatch.setenv("OKTA_ORG_URL", sim.url)
    monkeypatch.setenv("OKTA_CLIENT_ID", app.client_id)
    monkeypatch.setenv("OKTA_PRIVATE_KEY", key.private_pem().decode())
    monkeypatch.setenv("OKTA_SCOPES", "okta.users.read")
    monkeypatch.delenv("OKTA_API_TOKEN", raising=False)

    code = await asyncio.to_thread(main, ["check", "--operations", "suspend_user,reset_factors"])

    out = capsys.readouterr().out
    assert 1 == code
    assert "missing scopes" in out
    assert "okta.users.manage" in out

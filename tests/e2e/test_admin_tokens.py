"""API tokens belong to admins, and ``oktakit check --operations`` can pass.

Okta: "The request returns the user linked to the API token ... Details of the admin user who
granted the API token is returned" (``GET /api/v1/users/me``, getUser in Okta's published spec);
an API token acts with that admin's roles; "Add, remove and view administrators" is a Super
Administrator task (Okta Help, standard administrator roles), so a help desk admin cannot list
admin roles and the preflight needs an auditor for them.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from oktakit import ApiToken, ConfigurationError, OktaClient, PermissionDeniedError, SigningKey, public_jwks
from oktakit.cli import main
from oktakit.testing import OktaSimulator


def active(sim: OktaSimulator, index: int = 0) -> str:
    return [uid for uid in sim.org.users if sim.org.users[uid].status == "ACTIVE"][index]


def clear_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("OKTA_"):
            monkeypatch.delenv(name)


async def test_users_me_answers_with_the_admin_the_default_token_belongs_to(sim: OktaSimulator) -> None:
    admin = sim.api_token_admin
    assert admin is not None
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        me = await okta.get_user("me")
        roles = [role.type async for role in okta.list_assigned_roles_for_user(me.id)]

    assert (admin.id, admin.login) == (me.id, me.profile.login)
    assert ["SUPER_ADMIN"] == [str(getattr(role, "value", role)) for role in roles]


async def test_a_lesser_admins_token_is_limited_to_that_admins_roles(sim: OktaSimulator) -> None:
    helpdesk = sim.add_user(login="helpdesk@example.com")
    sim.org.assign_standard_role(helpdesk.id, "HELP_DESK_ADMIN", to_user=True)
    nobody = sim.add_user(login="nobody@example.com")
    target = active(sim, 1)
    async with (
        OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=helpdesk.id))) as desk,
        OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=nobody.id))) as plain,
    ):
        assert helpdesk.id == (await desk.get_user("me")).id  # an admin may always read itself
        await desk.reset_factors(target)
        with pytest.raises(PermissionDeniedError) as denied:
            await desk.suspend_user(target)
        with pytest.raises(PermissionDeniedError):
            await plain.get_user(target)  # a user with no admin role may call nothing

    assert "E0000006" == denied.value.error_code
    assert "ACTIVE" == sim.org.users[target].status


def test_a_token_must_belong_to_a_user_of_the_org(sim: OktaSimulator) -> None:
    with pytest.raises(ValueError, match="belongs to an admin user"):
        sim.issue_api_token(admin="00u0000000000unknown")


async def test_check_with_the_simulators_token_passes_and_calls_its_role_broader_than_needed(
    sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clear_env(monkeypatch)
    monkeypatch.setenv("OKTA_ORG_URL", sim.url)
    monkeypatch.setenv("OKTA_API_TOKEN", sim.api_token)

    code = await asyncio.to_thread(main, ["check", "--operations", "suspend_user"])

    out = capsys.readouterr().out
    assert 0 == code, out
    assert "standard roles, broader than needed:\n  - SUPER_ADMIN" in out


def _least_privilege_app(
    sim: OktaSimulator, key: SigningKey, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    assert 0 == main(["permissions", "suspend_user", "--json"])
    need = json.loads(capsys.readouterr().out)
    app = sim.add_service_app(
        jwks=public_jwks([key])["keys"],
        scopes=need["scopes"],
        custom_permissions=[p["key"] for p in need["custom_role"]["permissions"]],
        resources=[r["rest"] for r in need["resource_set"]["resources"]],
    )
    return {"client_id": app.client_id, "scopes": " ".join(need["scopes"])}


@pytest.fixture
def least_privilege_env(
    sim: OktaSimulator, key: SigningKey, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _least_privilege_app(sim, key, capsys)
    clear_env(monkeypatch)
    monkeypatch.setenv("OKTA_ORG_URL", sim.url)
    monkeypatch.setenv("OKTA_CLIENT_ID", app["client_id"])
    monkeypatch.setenv("OKTA_PRIVATE_KEY", key.private_pem().decode())
    monkeypatch.setenv("OKTA_SCOPES", app["scopes"])


@pytest.mark.usefixtures("least_privilege_env")
async def test_check_of_a_least_privilege_app_without_an_auditor_says_how_to_give_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = await asyncio.to_thread(main, ["check", "--operations", "suspend_user"])

    captured = capsys.readouterr()
    assert 1 == code
    assert "NOT VERIFIED" in captured.out
    assert "OKTA_AUDITOR_API_TOKEN" in captured.err


@pytest.mark.usefixtures("least_privilege_env")
async def test_check_of_a_least_privilege_app_passes_with_an_auditor_token(
    sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OKTA_AUDITOR_API_TOKEN", sim.api_token)

    code = await asyncio.to_thread(main, ["check", "--operations", "suspend_user"])

    out = capsys.readouterr().out
    assert 0 == code, out
    assert "preflight for suspend_user (service app" in out
    assert "): ok\n" in out
    assert "auditor:     API token (SSWS)" in out


@pytest.mark.usefixtures("least_privilege_env")
async def test_check_of_a_least_privilege_app_passes_with_an_auditor_service_app(
    sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from oktakit import generate_signing_key

    auditor_key = generate_signing_key("ES256")
    reader = sim.add_service_app(
        jwks=public_jwks([auditor_key])["keys"],
        scopes=["okta.roles.read", "okta.appGrants.read"],
        custom_permissions=["okta.iam.read", "okta.apps.read"],
    )
    monkeypatch.setenv("OKTA_AUDITOR_CLIENT_ID", reader.client_id)
    monkeypatch.setenv("OKTA_AUDITOR_PRIVATE_KEY", auditor_key.private_pem().decode())
    monkeypatch.setenv("OKTA_AUDITOR_SCOPES", "okta.roles.read okta.appGrants.read")

    code = await asyncio.to_thread(main, ["check", "--operations", "suspend_user"])

    out = capsys.readouterr().out
    assert 0 == code, out
    assert f"auditor:     service app {reader.client_id}" in out


def test_from_env_reads_a_second_credential_under_a_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_env(monkeypatch)
    monkeypatch.setenv("OKTA_ORG_URL", "https://acme.okta.com")
    monkeypatch.setenv("OKTA_API_TOKEN", "00main")
    with pytest.raises(ConfigurationError, match=r"OKTA_AUDITOR_CLIENT_ID .*OKTA_AUDITOR_API_TOKEN"):
        OktaClient.from_env(prefix="OKTA_AUDITOR_")
    monkeypatch.setenv("OKTA_AUDITOR_API_TOKEN", "00auditor")

    auditor = OktaClient.from_env(prefix="OKTA_AUDITOR_")

    assert "https://acme.okta.com" == auditor.org_url  # the org falls back to OKTA_ORG_URL
    assert "ApiToken(token='***')" == repr(auditor._auth)
    with pytest.raises(ConfigurationError, match="prefix"):
        OktaClient.from_env(prefix="OKTA AUDITOR")


def test_the_admins_walk_sim_then_check_with_its_printed_token_passes() -> None:
    """As a person does it: `oktakit sim`, then `oktakit check --operations suspend_user`."""
    sim = subprocess.Popen(
        [sys.executable, "-m", "oktakit", "sim", "--port", "0", "--users", "30"],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        for line in sim.stdout or ():
            lines.append(line.strip())
            if line.startswith("Users:"):
                break
        url = next(line for line in lines if "listening on" in line).rsplit(" ", 1)[-1]
        token = next(line for line in lines if line.startswith("API token:")).split(": ", 1)[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("OKTA_")}
        env |= {"OKTA_ORG_URL": url, "OKTA_API_TOKEN": token}
        check = subprocess.run(
            [sys.executable, "-m", "oktakit", "check", "--operations", "suspend_user"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        sim.terminate()
        sim.communicate(timeout=10)

    assert any(line.startswith("belongs to admin ") and "SUPER_ADMIN" in line for line in lines), lines
    assert 0 == check.returncode, check.stdout + check.stderr
    assert "broader than needed" in check.stdout
    assert "Traceback" not in check.stderr


async def test_an_api_token_preflight_judges_credentials_and_bulk_runs(sim: OktaSimulator) -> None:
    editor = sim.add_user(login="editor@example.com")
    role = sim.org.add_custom_role("profile editors", ["okta.users.userprofile.manage"])
    sim.org.assign_custom_role(editor.id, role, to_user=True)
    async with (
        OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=editor.id))) as okta,
        OktaClient(sim.url, auth=ApiToken(sim.api_token)) as audit,
    ):
        profile = await okta.preflight(["update_user"], auditor=audit)
        password = await okta.preflight(["update_user"], auditor=audit, credentials=True)
        bulk = await okta.preflight(["update_user"], auditor=audit, bulk=True)

    assert profile.ok, profile.summary()
    assert ["okta.users.credentials.manage"] == [p.key for p in password.missing_permissions]
    assert (True, False) == (bulk.bulk, profile.bulk)
    assert bulk.ok  # the read-back is allowed: okta.users.userprofile.manage also reads users


async def test_an_admin_without_a_role_is_told_the_whole_custom_role_to_get(sim: OktaSimulator) -> None:
    nobody = sim.add_user(login="nobody@example.com")
    async with (
        OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=nobody.id))) as okta,
        OktaClient(sim.url, auth=ApiToken(sim.api_token)) as audit,
    ):
        report = await okta.preflight(["update_user"], auditor=audit, credentials=True)

    assert [
        f"assign admin nobody@example.com ({nobody.id}) a custom role with okta.users.credentials.manage, "
        "okta.users.userprofile.manage over a resource set with All users (Security > Administrators)"
    ] == list(report.advice)


async def test_standard_roles_are_named_with_what_okta_documents_and_what_is_inferred(
    sim: OktaSimulator,
) -> None:
    from oktakit.permissions import standard_roles

    desk = sim.add_user(login="desk@example.com")
    sim.org.assign_standard_role(desk.id, "HELP_DESK_ADMIN", to_user=True)
    async with (
        OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=desk.id))) as okta,
        OktaClient(sim.url, auth=ApiToken(sim.api_token)) as audit,
    ):
        helpdesk = await okta.preflight(["reset_factors"], auditor=audit)
        superadmin = await audit.preflight(["reset_factors"])

    table = standard_roles()
    help_desk, super_admin = table["HELP_DESK_ADMIN"], table["SUPER_ADMIN"]
    assert (
        f"HELP_DESK_ADMIN ({help_desk.label}): Okta documents {help_desk.documented}; "
        f"inferred: {help_desk.inferred}",
    ) == helpdesk.broader_roles
    assert (
        f"SUPER_ADMIN ({super_admin.label}): Okta documents {super_admin.documented}",
    ) == superadmin.broader_roles

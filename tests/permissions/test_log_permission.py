"""Reading the System Log: the OAuth scope ``okta.logs.read`` and a standard role, since no
custom admin role can hold the permission (Okta's custom-role permissions have no System Log
entry; the Report, Read-only, Org and Super administrators see it). What ``oktakit permissions``
prints, its Terraform, the preflight's advice, and the simulator's rule all say so.

Expected values: okta_spec/permissions.yaml read independently here, and Okta's help pages it
cites (the Report administrator "View and download the System Log")."""

from __future__ import annotations

import json
from pathlib import Path

import hcl2
import pytest
import yaml

from oktakit import (
    ApiToken,
    OktaClient,
    PermissionDeniedError,
    PrivateKeyJWT,
    generate_signing_key,
    public_jwks,
)
from oktakit.cli import main
from oktakit.permissions._grants import Grants
from oktakit.permissions._requirements import requirements, standard_roles
from oktakit.permissions._roles import ResourceSetView, RoleView
from oktakit.permissions._terraform import terraform
from oktakit.permissions._verdict import judge
from oktakit.testing import OktaSimulator
from tests.permissions.test_permissions import _unquote

CATALOGUE = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "okta_spec" / "permissions.yaml").read_text(encoding="utf-8")
)


def test_the_log_is_read_with_its_scope_and_a_standard_role_only() -> None:
    need = requirements(["list_log_events"])

    assert ("okta.logs.read",) == need.scopes
    assert () == need.custom_role
    assert ["okta.logs.read"] == [p.key for p in need.standard_only]
    assert need.standard_role is not None
    assert "REPORT_ADMIN" == need.standard_role.type  # the narrowest that carries it
    assert ["Reports", "System Log"] == CATALOGUE["permissions"]["okta.logs.read"]["console"]
    assert "Reports > System Log" == need.standard_only[0].console_label


def test_the_standard_roles_that_read_the_log_are_those_okta_documents() -> None:
    holders = {name for name, role in standard_roles().items() if role.grants.allows("okta.logs.read")}
    documented = {
        name for name, data in CATALOGUE["standard_roles"].items()
        if "okta.logs.read" in data["permissions"] or "*" in data["permissions"]
    }  # fmt: skip
    assert {"SUPER_ADMIN", "ORG_ADMIN", "READ_ONLY_ADMIN", "REPORT_ADMIN"} == holders == documented


def test_the_text_assigns_the_standard_role_beside_the_custom_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "list_log_events", "suspend_user"])
    text = capsys.readouterr().out

    assert "     okta.logs.read\n" in text  # the scope, granted in step 1
    assert "okta.users.lifecycle.suspend" in text  # the custom role
    step = next(line for line in text.splitlines() if "Report Administrator (REPORT_ADMIN)" in line)
    assert "no custom role can hold okta.logs.read (Reports > System Log)" in step
    assert "okta.logs.read" not in text.split("Create a custom admin role")[1].split("\n5.")[0]


def test_alone_there_is_no_custom_role_to_make(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "list_log_events"])
    text = capsys.readouterr().out
    assert "custom admin role" not in text
    assert "2. Assign the standard role Report Administrator (REPORT_ADMIN) to the service app:" in text


def test_the_json_names_the_standard_role(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "list_log_events", "--json"])
    output = json.loads(capsys.readouterr().out)
    assert [] == output["custom_role"]["permissions"]
    assert {
        "permissions": [
            {
                "key": "okta.logs.read",
                "console": "Reports > System Log",
                "resource": None,
                "custom_role": False,
            }
        ],
        "role": "REPORT_ADMIN",
    } == output["standard_role"]


@pytest.mark.parametrize(
    ("jobs", "custom"), [(["list_log_events"], False), (["list_log_events", "suspend_user"], True)]
)
def test_terraform_assigns_the_standard_role(jobs: list[str], custom: bool) -> None:
    parsed = _unquote(hcl2.loads(terraform(requirements(jobs))))
    resources = {
        f"{kind}.{name}": body
        for block in parsed["resource"]
        for kind, named in block.items()
        for name, body in named.items()
    }

    assert "REPORT_ADMIN" == resources["okta_app_oauth_role_assignment.oktakit_report_admin"]["type"]
    assert custom == ("okta_admin_role_custom.oktakit" in resources)
    assert "okta.logs.read" in resources["okta_app_oauth_api_scope.oktakit"]["scopes"]
    if custom:
        assert "okta.logs.read" not in resources["okta_admin_role_custom.oktakit"]["permissions"]


def _custom(permissions: list[str]) -> RoleView:
    keys = frozenset(permissions)
    return RoleView("custom role 'A'", "CUSTOM", Grants(keys), keys, None, {})


def test_the_preflight_advises_the_standard_role_not_a_custom_permission() -> None:
    need = requirements(["list_log_events"])
    verdict = judge(need, [_custom(["okta.users.read"])], False, "service app 0oa1")

    assert ["okta.logs.read"] == list(verdict.missing)
    assert [
        "assign service app 0oa1 the standard role Report Administrator (REPORT_ADMIN): no custom role "
        "can hold okta.logs.read (the app's Admin roles tab)"
    ] == verdict.advice

    nothing = judge(need, [], False, "service app 0oa1")
    assert ["okta.logs.read"] == list(nothing.missing)
    assert "standard role Report Administrator (REPORT_ADMIN)" in nothing.advice[0]


def test_the_preflight_advises_the_custom_permission_as_well_as_the_standard_role() -> None:
    need = requirements(["list_log_events", "suspend_user"])
    verdict = judge(need, [_custom(["okta.users.read"])], False, "service app 0oa1")

    assert {"okta.logs.read", "okta.users.lifecycle.suspend"} == set(verdict.missing)
    assert [
        "add okta.users.lifecycle.suspend to custom role 'A' (Security > Administrators > Roles)",
        "assign service app 0oa1 the standard role Report Administrator (REPORT_ADMIN): no custom role "
        "can hold okta.logs.read (the app's Admin roles tab)",
    ] == verdict.advice


def test_the_standard_role_comes_before_the_resource_set_in_the_advice() -> None:
    need = requirements(["list_log_events", "suspend_user"])
    suspender = RoleView(
        "custom role 'A'",
        "CUSTOM",
        Grants(["okta.users.lifecycle.suspend"]),
        frozenset({"okta.users.lifecycle.suspend"}),
        ResourceSetView("iam1", "helpdesk", {"users": "some"}, {"users": ("the members of group 00g1",)}),
    )

    verdict = judge(need, [suspender], False, "service app 0oa1")

    assert [
        "assign service app 0oa1 the standard role Report Administrator (REPORT_ADMIN): no custom role "
        "can hold okta.logs.read (the app's Admin roles tab)",
        "custom role 'A' is bound to resource set 'helpdesk' (iam1), which reaches only some users (the "
        "members of group 00g1): add All users (/api/v1/users) to it, for suspend_user",
    ] == verdict.advice


@pytest.mark.parametrize(
    ("roles", "custom", "allowed"),
    [
        (["REPORT_ADMIN"], None, True),
        (["READ_ONLY_ADMIN"], None, True),
        (["HELP_DESK_ADMIN"], None, False),
        ([], ["okta.logs.read", "okta.users.read"], False),  # a custom role cannot hold it
    ],
)
async def test_the_simulator_lets_only_those_roles_read_the_log(
    roles: list[str], custom: list[str] | None, allowed: bool
) -> None:
    key = generate_signing_key("ES256")
    async with OktaSimulator(users=3) as sim:
        app = sim.add_service_app(
            jwks=public_jwks([key])["keys"], scopes=["okta.logs.read"], roles=roles, custom_permissions=custom
        )
        async with OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, ["okta.logs.read"])) as okta:
            if allowed:
                assert [] == [e async for e in okta.list_log_events()]
            else:
                with pytest.raises(PermissionDeniedError):
                    [e async for e in okta.list_log_events()]


async def test_an_api_token_of_a_report_admin_reads_the_log() -> None:
    async with OktaSimulator(users=4) as sim:
        admin = next(
            uid for uid, u in sim.org.users.items() if u.status == "ACTIVE" and uid != sim.org.super_admin_id
        )
        sim.org.assign_standard_role(admin, "REPORT_ADMIN", to_user=True)
        async with OktaClient(sim.url, auth=ApiToken(sim.issue_api_token(admin=admin))) as okta:
            assert [] == [e async for e in okta.list_log_events()]

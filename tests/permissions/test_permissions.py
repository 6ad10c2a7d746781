"""oktakit.permissions: derived from the spec alone, and everything built on it follows the spec.

Expected permissions are the ones Okta names for each operation (the spec's
``x-okta-permissions``, from Okta's catalogue), written out by hand.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml

import oktakit_api.operations
from oktakit import InvalidArgumentError
from oktakit._http.error_mapping import api_error_from_response
from oktakit.cli import main
from oktakit.errors import PermissionDeniedError
from oktakit.permissions import markdown_table, requirements, standard_roles
from oktakit.permissions._terraform import terraform
from oktakit_api.operations import Operation
from tests._docs_pages import table_on_page

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "okta_spec" / "openapi.yaml"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("okta_spec_generate", REPO / "okta_spec" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def spec_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Any]:
    """A temp copy of the spec; ``apply()`` makes the permission helpers read it."""
    copy = tmp_path / "openapi.yaml"
    copy.write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    generator = _generator()

    def apply() -> None:
        registry = oktakit_api.operations.OPERATIONS
        changed = {}
        for row in generator.operation_rows(yaml.safe_load(copy.read_text())):
            same = registry[row["operation_id"]]
            changed[row["operation_id"]] = Operation(
                same.build_request, same.parse_response, **row, paginated=same.paginated
            )
        monkeypatch.setattr(oktakit_api.operations, "OPERATIONS", changed)

    return copy, apply


def test_the_least_privilege_page_shows_the_table_generated_from_the_spec() -> None:
    assert markdown_table() == table_on_page("least-privilege.md", "least-privilege")


def test_the_bulk_page_shows_the_containment_table_generated_in_the_playbooks_order() -> None:
    from oktakit.permissions import containment_table

    table = table_on_page("bulk.md", "containment")
    assert containment_table() == table
    steps = [line.split("|")[1].strip(" `") for line in table.splitlines()[2:]]
    assert ["clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend"] == steps
    assert "`okta.users.lifecycle.suspend`" in table.splitlines()[-1]


# The rows below are written out by hand from okta_spec/openapi.yaml (each operation's oauth2
# scope and x-okta-permissions) and okta_spec/permissions.yaml (Console labels, resources, the
# standard roles that carry okta.logs.read): the pages above are rendered by the same functions,
# so only these hold the tables to the spec.
_USERS_READ = "`okta.users.read` (User > View users and their details)"
_PROFILE = "`okta.users.userprofile.manage` (User > Edit users' profile attributes)"


def test_the_least_privilege_table_has_its_header_and_one_line_per_operation() -> None:
    lines = markdown_table().split("\n")

    assert [
        "| method | OAuth scope | admin-role permission (any one line) | resource set |",
        "|---|---|---|---|",
    ] == lines[:2]
    assert len(oktakit_api.operations.OPERATIONS) == len(lines) - 2


@pytest.mark.parametrize(
    "row",
    [
        # alternatives, one a line
        f"| `get_user` | `okta.users.read` | {_USERS_READ}<br>{_PROFILE} | All users |",
        # the credential permission follows the profile permission, which it does not replace
        f"| `update_user` | `okta.users.manage` | {_PROFILE}<br>with credentials, also: "
        "`okta.users.credentials.manage` (User > Edit users' authenticator operations) | All users |",
        # no permission and no resource set
        "| `get_authenticator` | `okta.authenticators.read` | none beyond an admin role | - |",
        # no custom role holds it: the standard roles that do, narrowest first, without Super Administrator
        "| `list_log_events` | `okta.logs.read` | `okta.logs.read` (Reports > System Log; no custom role can "
        "hold it: Report Administrator, Read-only Administrator, Organization Administrator) | - |",
    ],
)
def test_the_least_privilege_table_shows_each_operations_needs(row: str) -> None:
    assert row in markdown_table().split("\n")


def test_the_containment_table_shows_each_step_its_call_scope_permission_and_undo() -> None:
    from oktakit.permissions import containment_table

    # Okta's "Clear user sessions" revokes the OAuth tokens too (oauthTokens=true); only a
    # suspension has an inverse (unsuspend).
    assert [
        "| step | method | OAuth scope | admin-role permission (any one line) | undo |",
        "|---|---|---|---|---|",
        "| `clear_sessions` | `revoke_user_sessions(oauth_tokens=True)` | `okta.users.manage` | "
        "`okta.users.lifecycle.clearSessions` (User > Edit users' lifecycle states > Clear users' "
        "sessions) | not reversible |",
        "| `revoke_grants` | `revoke_user_grants` | `okta.users.manage` | "
        "`okta.users.lifecycle.clearSessions` (User > Edit users' lifecycle states > Clear users' "
        "sessions) | not reversible |",
        "| `reset_factors` | `reset_factors` | `okta.users.manage` | `okta.users.credentials.resetFactors` "
        "(User > Edit users' authenticator operations > Reset users' authenticators) | not reversible |",
        "| `expire_password` | `expire_password` | `okta.users.manage` | "
        "`okta.users.credentials.expirePassword` (User > Edit users' authenticator operations > Set users' "
        "temporary password) | not reversible |",
        "| `suspend` | `suspend_user` | `okta.users.manage` | `okta.users.lifecycle.suspend` (User > Edit "
        "users' lifecycle states > Suspend users) | `bulk_undo` unsuspends |",
    ] == containment_table().split("\n")


def test_contain_names_the_playbooks_operations_as_jobs() -> None:
    from oktakit.permissions import requirements

    need = requirements(["contain"], bulk=True)

    assert (
        "revoke_user_sessions",
        "revoke_user_grants",
        "reset_factors",
        "expire_password",
        "suspend_user",
    ) == (need.jobs)
    assert ("okta.users.manage", "okta.users.read") == need.scopes


def test_permissions_json_and_the_docs_table_follow_a_changed_spec(
    spec_copy: tuple[Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    copy, apply = spec_copy
    spec = yaml.safe_load(copy.read_text())
    spec["paths"]["/api/v1/users/{id}/lifecycle/suspend"]["post"]["x-okta-permissions"] = [
        ["okta.users.lifecycle.manage"]
    ]
    copy.write_text(yaml.safe_dump(spec), encoding="utf-8")
    apply()

    assert 0 == main(["permissions", "suspend_user", "--json"])
    output = json.loads(capsys.readouterr().out)
    assert [
        {
            "key": "okta.users.lifecycle.manage",
            "console": "User > Edit users' lifecycle states",
            "resource": "users",
        }
    ] == output["custom_role"]["permissions"]
    row = (
        "| `suspend_user` | `okta.users.manage` | "
        "`okta.users.lifecycle.manage` (User > Edit users' lifecycle states)"
    )
    assert row in markdown_table()


def test_permissions_json_has_a_stable_layout(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "create_tac_authenticator_enrollment", "--json"])
    output = json.loads(capsys.readouterr().out)

    assert {
        "format", "operations", "scopes", "custom_role", "standard_role", "resource_set", "credentials",
        "bulk",
    } == set(output)  # fmt: skip
    assert {"permissions": [], "role": None} == output["standard_role"]
    assert 1 == output["format"]
    assert ["okta.authenticators.read", "okta.users.manage"] == output["scopes"]
    assert ["okta.users.credentials.manageTemporaryAccessCode"] == [
        p["key"] for p in output["custom_role"]["permissions"]
    ]
    assert ["/api/v1/users"] == [r["rest"] for r in output["resource_set"]["resources"]]
    assert [None, "createTacAuthenticatorEnrollment"] == [op["needed_by"] for op in output["operations"]]


def _unquote(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip('"')
    if isinstance(value, list):
        return [_unquote(v) for v in value]
    if isinstance(value, dict):
        return {_unquote(k): _unquote(v) for k, v in value.items() if k != "__is_block__"}
    return value


def test_terraform_output_parses_as_hcl_with_the_provider_resources() -> None:
    need = requirements(["suspend_user", "reset_factors", "list_user_groups"])

    parsed = _unquote(hcl2.loads(terraform(need)))
    resources = {kind: body["oktakit"] for block in parsed["resource"] for kind, body in block.items()}

    assert {
        "okta_admin_role_custom",
        "okta_resource_set",
        "okta_app_oauth_role_assignment",
        "okta_app_oauth_api_scope",
    } == set(resources)
    assert [
        "okta.groups.read",
        "okta.users.credentials.resetFactors",
        "okta.users.lifecycle.suspend",
        "okta.users.read",
    ] == resources["okta_admin_role_custom"]["permissions"]
    assert ["${var.okta_org_url}/api/v1/groups", "${var.okta_org_url}/api/v1/users"] == resources[
        "okta_resource_set"
    ]["resources"]
    assert "CUSTOM" == resources["okta_app_oauth_role_assignment"]["type"]
    assert ["okta.users.manage", "okta.users.read"] == resources["okta_app_oauth_api_scope"]["scopes"]


def test_the_custom_role_takes_the_fewest_permissions() -> None:
    # list_users accepts okta.users.userprofile.manage, which update_user needs anyway.
    need = requirements(["list_users", "update_user"])
    assert ["okta.users.userprofile.manage"] == [p.key for p in need.custom_role]
    assert ("okta.users.manage", "okta.users.read") == need.scopes


def test_credentials_add_the_credentials_permission() -> None:
    need = requirements(["update_user"], credentials=True)
    assert ["okta.users.credentials.manage", "okta.users.userprofile.manage"] == [
        p.key for p in need.custom_role
    ]


def test_unknown_operations_are_refused_before_anything_else() -> None:
    with pytest.raises(InvalidArgumentError, match="unknown operation"):
        requirements(["suspend_everyone"])


def test_every_permission_the_spec_names_has_a_console_label_and_a_resource() -> None:
    need = requirements(list(oktakit_api.operations.OPERATIONS), credentials=True)
    infos = [p for op in need.operations for alt in op.permissions + op.credential_permissions for p in alt]
    assert infos
    # What no custom role can hold (the System Log) names no resource of a resource set.
    assert [] == [p.key for p in infos if not p.console or not (p.resource or not p.custom_role)]


def test_standard_roles_say_what_is_documented() -> None:
    roles = standard_roles()
    assert {"SUPER_ADMIN", "ORG_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "READ_ONLY_ADMIN"} <= set(roles)
    assert all(role.documented for role in roles.values())
    assert roles["READ_ONLY_ADMIN"].grants.allows("okta.users.read")
    assert not roles["READ_ONLY_ADMIN"].grants.allows("okta.users.lifecycle.suspend")


def test_a_403_reads_the_insufficient_scope_challenge() -> None:
    challenge = (
        'Bearer authorization_uri="https://acme.okta.com/oauth2/v1/authorize", realm="IdpMyAccountAPI", '
        'scope="okta.users.manage", error="insufficient_scope", '
        'error_description="The access token provided does not contain the required scopes."'
    )
    error = api_error_from_response(
        status=403,
        method="POST",
        url="https://acme.okta.com/api/v1/users/00u1/lifecycle/suspend",
        headers={"WWW-Authenticate": challenge, "Content-Type": "application/json"},
        body=b'{"errorCode":"E0000006","errorSummary":"You do not have permission"}',
    )

    assert isinstance(error, PermissionDeniedError)
    assert (True, ("okta.users.manage",)) == (error.insufficient_scope, error.challenge_scopes)
    assert "lacks the scope okta.users.manage" in str(error)


# --- bulk runs (what the executor itself calls) and the admin's steps -----------------------


@pytest.mark.parametrize(
    ("operation", "added"),
    [
        ("suspend_user", ["getUser"]),  # reads a refused user back: already SUSPENDED -> skipped
        ("deactivate_user", ["getUser"]),
        ("update_user", ["getUser"]),  # bulk_update reads a profile back after a 5xx
        ("reset_factors", ["getUser"]),  # nothing to read back, but a login is read for its id
        ("list_users", []),  # not run by the executor; the job's own calls are plain
    ],
)
def test_bulk_adds_what_the_executor_reads_for_each_operation(operation: str, added: list[str]) -> None:
    plain = requirements([operation])
    bulk = requirements([operation], bulk=True)

    extra = [op for op in bulk.operations if op not in plain.operations]
    assert added == [op.operation_id for op in extra]
    assert all(op.needed_by and op.reason and "okta.bulk" in op.reason for op in extra)
    assert bulk.bulk
    assert not plain.bulk


def test_bulk_requirements_of_a_suspend_add_the_read_scope_and_permission(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["permissions", "suspend_user", "--bulk", "--json"])
    output = json.loads(capsys.readouterr().out)

    assert ["okta.users.manage", "okta.users.read"] == output["scopes"]
    assert ["okta.users.lifecycle.suspend", "okta.users.read"] == [
        p["key"] for p in output["custom_role"]["permissions"]
    ]
    assert ["/api/v1/users"] == [r["rest"] for r in output["resource_set"]["resources"]]
    assert output["bulk"] is True


def test_the_plain_text_says_a_bulk_run_needs_more_and_how_to_see_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == main(["permissions", "suspend_user"])
    plain = capsys.readouterr().out
    assert 0 == main(["permissions", "suspend_user", "--bulk"])
    bulk = capsys.readouterr().out
    assert 0 == main(["permissions", "list_users"])  # the executor does not run it
    nothing_more = capsys.readouterr().out

    assert (
        "A bulk run (okta.bulk, oktakit bulk) needs more: scope okta.users.read, permission okta.users.read"
        in plain
    )
    assert "oktakit permissions suspend_user --bulk" in plain
    assert "needs more" not in bulk
    assert "get_user: okta.bulk reads a user" in bulk
    assert "needs more" not in nothing_more


def test_the_text_walks_the_admin_through_every_step_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "suspend_user", "reset_factors"])
    text = capsys.readouterr().out

    steps = [
        "1. Grant the OAuth scopes: Applications > Applications > the service app > Okta API Scopes tab",
        "okta.users.manage",
        "2. Create a custom admin role",
        "okta.users.credentials.resetFactors",
        "okta.users.lifecycle.suspend",
        "3. Create a resource set with these resources: Security > Administrators > Resources",
        "All users",
        "4. Assign the role with its resource set to the service app",
        "Admin roles tab",
        "With an API token instead",
        "Group Administrator (USER_ADMIN)",
    ]
    positions = [text.find(step) for step in steps]
    assert -1 not in positions, [s for s, p in zip(steps, positions, strict=True) if p < 0]
    assert sorted(positions) == positions
    assert "Help Desk Administrator" not in text  # it cannot suspend


def test_an_api_token_is_told_the_narrowest_standard_roles_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["permissions", "reset_factors"])
    text = capsys.readouterr().out

    roles = text[text.index("broader than needed: ") :].split(": ", 1)[1].split("\n")[0]
    assert roles.startswith("Help Desk Administrator (HELP_DESK_ADMIN)")
    assert roles.rstrip().endswith("Super Administrator (SUPER_ADMIN).")


@pytest.mark.parametrize(
    "argv",
    [
        ["permissions", "frobnicate"],
        ["permissions", "suspend_user,frobnicate", "--json"],
        ["check", "--operations", "suspend_user,frobnicate"],
    ],
)
def test_an_unknown_operation_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)

    assert 2 == exited.value.code
    err = capsys.readouterr().err
    assert "unknown operation(s) 'frobnicate'" in err
    assert "Traceback" not in err


def test_a_reader_that_goes_away_gets_no_traceback() -> None:
    """`oktakit permissions ... | head`: the pipe has no reader left when the command writes."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # no reader at all: the first write fails with EPIPE, deterministically
    try:
        done = subprocess.run(
            [sys.executable, "-m", "oktakit", "permissions", "suspend_user", "--bulk"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)

    assert "Traceback" not in done.stderr
    assert 1 == done.returncode


@pytest.mark.parametrize(
    ("alternatives", "chosen"),
    [
        (
            [["okta.users.userprofile.manage"], ["okta.users.read"]],
            "okta.users.read",
        ),  # a read, whatever the order
        ([["okta.users.read"], ["okta.groups.read"]], "okta.users.read"),  # equal: the spec's first
        ([["okta.groups.read"], ["okta.users.read"]], "okta.groups.read"),
    ],
)
def test_least_privilege_prefers_reads_then_the_spec_order(
    spec_copy: tuple[Path, Any], alternatives: list[list[str]], chosen: str
) -> None:
    copy, apply = spec_copy
    spec = yaml.safe_load(copy.read_text())
    spec["paths"]["/api/v1/users/{id}"]["get"]["x-okta-permissions"] = alternatives
    copy.write_text(yaml.safe_dump(spec), encoding="utf-8")
    apply()

    assert [chosen] == [p.key for p in requirements(["get_user"]).custom_role]


def test_the_preflight_reports_the_least_privileged_alternative_whatever_the_spec_order(
    spec_copy: tuple[Path, Any],
) -> None:
    from oktakit.permissions._grants import Grants
    from oktakit.permissions._roles import ResourceSetView, RoleView
    from oktakit.permissions._verdict import judge

    copy, apply = spec_copy
    spec = yaml.safe_load(copy.read_text())
    spec["paths"]["/api/v1/users/{id}"]["get"]["x-okta-permissions"] = [
        ["okta.users.userprofile.manage"],
        ["okta.users.read"],
    ]
    copy.write_text(yaml.safe_dump(spec), encoding="utf-8")
    apply()
    unrelated = RoleView(
        "custom role 'A'",
        "CUSTOM",
        Grants(["okta.groups.read"]),
        frozenset({"okta.groups.read"}),
        ResourceSetView("i", "i", {"users": "all"}, {}),
    )

    verdict = judge(requirements(["get_user"]), [unrelated], False, "x")

    assert ["okta.users.read"] == list(verdict.missing)

"""The admin's least-privilege setup, word for word: the console steps, the API token advice and the
Terraform, for each shape of job (custom role only, standard role only, both, bulk, credentials).

Every expected text is written out by hand from Okta's facts (the scope and permission Okta names
for each operation, its console labels, the standard roles that carry the System Log) and the
numbering an admin follows; a wrong step number, a dropped clause or a wrong role is a wrong setup.
"""

from __future__ import annotations

import attrs
import pytest

from oktakit.permissions import _requirements, requirements
from oktakit.permissions._setup_steps import setup_steps
from oktakit.permissions._terraform import terraform

SERVICE_APP = "With an API service app (OAuth 2.0, recommended by Okta), in this order:"
GRANT = (
    "1. Grant the OAuth scopes: Applications > Applications > the service app > Okta API Scopes tab > "
    "Grant (a super admin only can), and ask for them in the token request:"
)
NEW_ROLE = "with these permissions: Security > Administrators > Roles > Create new role:"
RESOURCE_SET = (
    "3. Create a resource set with these resources: Security > Administrators > Resources > "
    "Create new resource set:"
)
ALL_USERS = "     All users" + " " * 42 + "/api/v1/users"
ONLY_THESE = "   (Only these, in full: a set holding one group's users reaches no one else.)"
ADD_ASSIGNMENT = (
    "Applications > Applications > the service app > Admin roles tab > Edit assignments > Add assignment"
)
ASSIGN = f"Assign the role with its resource set to the service app: {ADD_ASSIGNMENT}"
TOKEN = "With an API token instead (it has no scopes; it acts with the roles of the admin who creates it):"
ADD_ADMIN = "(Security > Administrators > Admins > Add administrator)"
SUSPEND = (
    "     okta.users.lifecycle.suspend" + " " * 23 + "User > Edit users' lifecycle states > Suspend users"
)
READ_USERS = "     okta.users.read" + " " * 36 + "User > View users and their details"
REPORT_ADMIN = (
    "the standard role Report Administrator (REPORT_ADMIN) to the service app{also}: no custom role can "
    f"hold okta.logs.read (Reports > System Log). {ADD_ASSIGNMENT} (Okta documents it as: view and "
    "download reports and the System Log, nothing else)."
)
USER_ADMIN_AND_UP = (
    "Group Administrator (USER_ADMIN), Organization Administrator (ORG_ADMIN), "
    "Super Administrator (SUPER_ADMIN)."
)
# The token's admin for a job on users: the custom role of step 2 over the set of step 3.
TOKEN_ADMIN_FOR_USERS = (
    f"   that admin needs the custom role of step 2 over the resource set of step 3 {ADD_ADMIN}, "
    f"or a standard role that includes it, broader than needed: {USER_ADMIN_AND_UP}"
)
BULK_MORE = (
    "A bulk run (okta.bulk, oktakit bulk) needs more: {added} (it reads users: logins to ids, and back "
    "to settle refusals). See: oktakit permissions {argv} --bulk"
)


def test_a_suspend_is_four_console_steps_and_the_custom_role_over_its_set_for_a_token() -> None:
    assert [
        "To run suspend_user with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.users.manage",
        f"2. Create a custom admin role (e.g. 'oktakit suspend_user') {NEW_ROLE}",
        SUSPEND,
        RESOURCE_SET,
        ALL_USERS,
        ONLY_THESE,
        f"4. {ASSIGN} (role: step 2, resources: step 3).",
        "",
        TOKEN,
        TOKEN_ADMIN_FOR_USERS,
        "",
        BULK_MORE.format(added="scope okta.users.read, permission okta.users.read", argv="suspend_user"),
    ] == setup_steps(requirements(["suspend_user"])).splitlines()


def test_a_bulk_suspend_adds_the_user_read_and_says_why_it_is_included() -> None:
    text = setup_steps(requirements(["suspend_user"], bulk=True)).splitlines()

    assert [
        "To run suspend_user through okta.bulk with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.users.manage",
        "     okta.users.read",
        f"2. Create a custom admin role (e.g. 'oktakit suspend_user') {NEW_ROLE}",
        SUSPEND,
        READ_USERS,
        RESOURCE_SET,
        ALL_USERS,
        ONLY_THESE,
        f"4. {ASSIGN} (role: step 2, resources: step 3).",
        "",
        TOKEN,
        TOKEN_ADMIN_FOR_USERS,
        "",
        "Included above because the job calls them too:",
    ] == text[:-1]
    assert text[-1].startswith("   get_user: okta.bulk reads a user to resolve a login to its id")


def test_an_included_operation_without_a_reason_is_said_to_be_needed_in_practice() -> None:
    need = requirements(["suspend_user"], bulk=True)
    unexplained = tuple(attrs.evolve(op, reason=None) if op.needed_by else op for op in need.operations)

    text = setup_steps(attrs.evolve(need, operations=unexplained)).splitlines()

    assert [
        "",
        "Included above because the job calls them too:",
        "   get_user: needed in practice",
    ] == text[-3:]


def test_the_system_log_alone_is_one_standard_role_and_the_broader_ones_exclude_it() -> None:
    assert [
        "To run list_log_events with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.logs.read",
        "2. Assign " + REPORT_ADMIN.format(also=""),
        "",
        TOKEN,
        f"   that admin needs the standard role Report Administrator (REPORT_ADMIN) {ADD_ADMIN}, or a "
        "standard role that includes it, broader than needed: Read-only Administrator (READ_ONLY_ADMIN), "
        "Organization Administrator (ORG_ADMIN), Super Administrator (SUPER_ADMIN).",
    ] == setup_steps(requirements(["list_log_events"])).splitlines()


def test_the_system_log_with_a_suspend_assigns_the_standard_role_as_well_and_a_token_needs_both() -> None:
    assert [
        "To run list_log_events, suspend_user with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.logs.read",
        "     okta.users.manage",
        f"2. Create a custom admin role (e.g. 'oktakit list_log_events, suspend_user') {NEW_ROLE}",
        SUSPEND,
        RESOURCE_SET,
        ALL_USERS,
        ONLY_THESE,
        f"4. {ASSIGN} (role: step 2, resources: step 3).",
        "5. Assign " + REPORT_ADMIN.format(also=" as well"),
        "",
        TOKEN,
        "   that admin needs the custom role of step 2 over the resource set of step 3 and the standard "
        f"role Report Administrator (REPORT_ADMIN) {ADD_ADMIN}, or a standard role that includes them, "
        "broader than needed: Organization Administrator (ORG_ADMIN), Super Administrator (SUPER_ADMIN).",
        "",
        BULK_MORE.format(
            added="scope okta.users.read, permission okta.users.read", argv="list_log_events suspend_user"
        ),
    ] == setup_steps(requirements(["list_log_events", "suspend_user"])).splitlines()


def test_without_a_standard_role_that_carries_the_log_the_text_says_so_and_names_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_requirements, "standard_roles", dict)  # a catalogue without standard roles

    assert [
        "To run list_log_events with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.logs.read",
        "2. No custom role can hold okta.logs.read (Reports > System Log), and no standard role oktakit "
        "knows carries it.",
        "",
        TOKEN,
        f"   that admin needs a role that carries it {ADD_ADMIN}.",
    ] == setup_steps(requirements(["list_log_events"])).splitlines()


def test_an_update_without_credentials_says_what_changing_a_password_needs() -> None:
    lines = setup_steps(requirements(["update_user"])).splitlines()

    assert [
        "",
        "Changing passwords or recovery questions with update_user also needs "
        "okta.users.credentials.manage (ask with credentials=True / --credentials).",
        "",
        BULK_MORE.format(added="scope okta.users.read", argv="update_user"),
    ] == lines[-4:]
    assert [
        "To run update_user with least privilege:",
        f"2. Create a custom admin role (e.g. 'oktakit update_user') {NEW_ROLE}",
        "     okta.users.userprofile.manage" + " " * 22 + "User > Edit users' profile attributes",
    ] == [lines[0], *lines[5:7]]
    assert "Changing passwords" not in setup_steps(requirements(["update_user"], credentials=True))
    assert "Changing passwords" not in setup_steps(requirements(["suspend_user"]))


def test_both_operations_that_change_credentials_are_named() -> None:
    text = setup_steps(requirements(["update_user", "replace_user"]))

    assert (
        "Changing passwords or recovery questions with update_user, replace_user also needs "
        "okta.users.credentials.manage (ask with credentials=True / --credentials)."
    ) in text.splitlines()


def test_with_credentials_the_bulk_hint_compares_like_with_like_and_keeps_the_flag() -> None:
    # okta.users.credentials.manage, which the credentials need, also covers resetting factors: a
    # bulk run adds only the read scope (its user reads are covered by the profile permission).
    text = setup_steps(requirements(["reset_factors", "update_user"], credentials=True))

    assert (
        BULK_MORE.format(added="scope okta.users.read", argv="reset_factors update_user --credentials")
        == text.splitlines()[-1]
    )


def test_operations_that_need_no_permission_still_need_a_custom_role_without_a_resource_set() -> None:
    assert [
        "To run list_authenticators with least privilege:",
        "",
        SERVICE_APP,
        GRANT,
        "     okta.authenticators.read",
        "2. Create a custom admin role: these operations need no particular permission, only a role.",
        f"3. {ASSIGN} (role: step 2).",
        "",
        TOKEN,
        f"   that admin needs the custom role of step 2 {ADD_ADMIN}, or a standard role that includes it, "
        "broader than needed: API Access Management Administrator (API_ACCESS_MANAGEMENT_ADMIN), Report "
        "Administrator (REPORT_ADMIN), Application Administrator (APP_ADMIN), Group Membership "
        "Administrator (GROUP_MEMBERSHIP_ADMIN), Read-only Administrator (READ_ONLY_ADMIN), Help Desk "
        "Administrator (HELP_DESK_ADMIN), Group Administrator (USER_ADMIN), Organization Administrator "
        "(ORG_ADMIN), Super Administrator (SUPER_ADMIN).",
    ] == setup_steps(requirements(["list_authenticators"])).splitlines()


@pytest.mark.parametrize(
    ("jobs", "example"),
    [
        # "assign_user_to_group, revoke_user_grants" is 40 characters: still named in full
        (
            ["assign_user_to_group", "revoke_user_grants"],
            "'oktakit assign_user_to_group, revoke_user_grants'",
        ),
        # "deactivate_user, unassign_user_from_group" is 41: a generic name instead
        (["deactivate_user", "unassign_user_from_group"], "'oktakit job'"),
    ],
)
def test_the_example_role_name_holds_the_jobs_up_to_40_characters(jobs: list[str], example: str) -> None:
    lines = setup_steps(requirements(jobs)).splitlines()

    assert [f"2. Create a custom admin role (e.g. {example}) {NEW_ROLE}"] == [
        line for line in lines if line.startswith("2. ")
    ]


def test_terraform_of_a_bulk_job_with_the_log_names_only_the_jobs_asked_for_and_the_standard_role() -> None:
    assert """\
# Least-privilege setup for oktakit: list_log_events, suspend_user
# Generated by `oktakit permissions --format terraform` from oktakit's Okta spec.

variable "okta_org_url" {
  type        = string
  description = "The org URL, such as https://acme.okta.com"
}

variable "service_app_client_id" {
  type        = string
  description = "The client_id of the API service app that runs the job"
}

resource "okta_admin_role_custom" "oktakit" {
  label       = "oktakit"
  description = "oktakit: list_log_events, suspend_user"
  permissions = ["okta.users.lifecycle.suspend", "okta.users.read"]
}

resource "okta_resource_set" "oktakit" {
  label       = "oktakit"
  description = "What the oktakit role may act on"
  resources   = ["${var.okta_org_url}/api/v1/users"]
}

resource "okta_app_oauth_role_assignment" "oktakit" {
  client_id    = var.service_app_client_id
  type         = "CUSTOM"
  role         = okta_admin_role_custom.oktakit.id
  resource_set = okta_resource_set.oktakit.id
}

# No custom role can hold okta.logs.read: the narrowest standard role that carries it.
resource "okta_app_oauth_role_assignment" "oktakit_report_admin" {
  client_id = var.service_app_client_id
  type      = "REPORT_ADMIN"
}

resource "okta_app_oauth_api_scope" "oktakit" {
  app_id = var.service_app_client_id
  issuer = var.okta_org_url
  scopes = ["okta.logs.read", "okta.users.manage", "okta.users.read"]
}
""" == terraform(requirements(["list_log_events", "suspend_user"], bulk=True))


def test_terraform_names_derive_from_the_name_given() -> None:
    hcl = terraform(requirements(["suspend_user"]), name="contain")

    assert 'resource "okta_admin_role_custom" "contain" {\n  label       = "contain"\n' in hcl
    assert '  description = "What the contain role may act on"\n' in hcl
    assert "  role         = okta_admin_role_custom.contain.id\n" in hcl
    assert "  resource_set = okta_resource_set.contain.id\n" in hcl

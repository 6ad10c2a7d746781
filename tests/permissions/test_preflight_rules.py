"""The preflight's reading and judging rules, one shape at a time, against a stand-in org.

Role assignments, permissions and resource-set resources are built from Okta's published
shapes (the upstream spec's examples: ORNs such as ``orn:okta:directory:{org}:groups:{id}:
contained_resources``, permission conditions keyed ``okta:ResourceAttribute/User/Profile``,
resource conditions ``{"Exclude": {"okta:ORN": [...]}}``); expected values are written by hand.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import pytest

from oktakit import InsufficientPermissionsError
from oktakit.errors import NotFoundError, PermissionDeniedError
from oktakit.permissions._grants import Grants
from oktakit.permissions._preflight import PreflightReport, _scopes
from oktakit.permissions._requirements import (
    PermissionInfo,
    ResourceInfo,
    permission_info,
    requirements,
    resolve_operations,
    resource_info,
    standard_roles,
)
from oktakit.permissions._roles import (
    Conditions,
    ResourceSetView,
    RoleView,
    _conditions,
    _evaluate,
    _excluded,
    _resource_set,
    admin_roles,
    client_roles,
)
from oktakit.permissions._verdict import judge
from oktakit_api.models import (
    OAuth2ScopeConsentGrant,
    Permission,
    ResourceSet,
    ResourceSetResource,
    RoleAssignment,
)
from oktakit_api.models import User as UserModel

ORG = "orn:okta:directory:00o1"
PROFILE = "okta:ResourceAttribute/User/Profile"


def denied() -> PermissionDeniedError:
    return PermissionDeniedError(
        status=403, method="GET", url="https://acme.okta.com/x", error_code="E0000006"
    )


class Org:
    """What the preflight reads, as an auditor client would return it."""

    def __init__(self) -> None:
        self.permissions: dict[str, list[dict[str, Any]] | Exception] = {}
        self.sets: dict[str, str | Exception] = {}
        self.resources: dict[str, list[dict[str, Any]]] = {}
        self.client_roles: list[dict[str, Any]] | Exception = []
        self.user_roles: list[dict[str, Any]] | Exception = []
        self.me: dict[str, Any] | Exception = {}
        self.grants: list[dict[str, Any]] | Exception = []
        self.asked: list[str] = []

    async def list_role_permissions(self, key: str) -> list[Permission]:
        self.asked.append(key)
        found = self.permissions[key]
        if isinstance(found, Exception):
            raise found
        return [Permission.from_dict(p) for p in found]

    async def get_resource_set(self, key: str) -> ResourceSet:
        found = self.sets[key]
        if isinstance(found, Exception):
            raise found
        return ResourceSet.from_dict({"id": key, "label": found})

    async def list_resource_set_resources(self, key: str) -> AsyncIterator[ResourceSetResource]:
        for resource in self.resources[key]:
            yield ResourceSetResource.from_dict(resource)

    async def _listed(self, found: list[dict[str, Any]] | Exception) -> AsyncIterator[RoleAssignment]:
        if isinstance(found, Exception):
            raise found
        for role in found:
            yield RoleAssignment.from_dict(role)

    def list_roles_for_client(self, client_id: str) -> AsyncIterator[RoleAssignment]:
        return self._listed(self.client_roles)

    def list_assigned_roles_for_user(self, user_id: str) -> AsyncIterator[RoleAssignment]:
        self.asked.append(user_id)
        return self._listed(self.user_roles)

    async def get_user(self, key: str) -> UserModel:
        if isinstance(self.me, Exception):
            raise self.me
        times = {"created": "2025-01-01T00:00:00.000Z", "lastUpdated": "2025-01-01T00:00:00.000Z"}
        return UserModel.from_dict(times | {"_links": {}} | self.me)

    async def list_scope_consent_grants(self, app_id: str) -> AsyncIterator[OAuth2ScopeConsentGrant]:
        if isinstance(self.grants, Exception):
            raise self.grants
        for grant in self.grants:
            yield OAuth2ScopeConsentGrant.from_dict(grant)


def resources(*orns: str, conditions: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [
        {"id": f"ire{i}", "orn": orn, **({"conditions": conditions} if conditions else {})}
        for i, orn in enumerate(orns)
    ]


def custom(
    label: str, role: str | None = "cr01", resource_set: str | None = "iam1", status: str = "ACTIVE"
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": f"irb-{label}", "type": "CUSTOM", "label": label, "status": status}
    if role is not None:
        data["role"] = role
    if resource_set is not None:
        data["resource-set"] = resource_set
    return data


def standard(kind: str, status: str = "ACTIVE") -> dict[str, Any]:
    return {"id": f"ra-{kind}", "type": kind, "label": kind.title(), "status": status}


# --- resource sets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orns", "reach", "limits"),
    [
        ([f"{ORG}:users"], {"users": "all"}, {}),
        ([f"{ORG}:groups"], {"groups": "all"}, {}),
        (
            [f"{ORG}:groups:00g1:contained_resources"],
            {"users": "some", "groups": "some"},
            {"users": ("the members of group 00g1",), "groups": ("group 00g1",)},
        ),
        ([f"{ORG}:groups:00g1"], {"groups": "some"}, {"groups": ("group 00g1",)}),  # a bare group: no users
        ([f"{ORG}:users:00u1"], {"users": "some"}, {"users": ("user 00u1",)}),
        (
            [f"{ORG}:groups:00g1:contained_resources", f"{ORG}:users"],
            {"users": "all", "groups": "some"},
            {"groups": ("group 00g1",)},
        ),
        (
            [f"{ORG}:users", f"{ORG}:groups:00g2:contained_resources"],
            {"users": "all", "groups": "some"},
            {"groups": ("group 00g2",)},
        ),
        ([], {}, {}),
    ],
)
async def test_what_a_resource_set_reaches(
    orns: list[str], reach: dict[str, str], limits: dict[str, tuple[str, ...]]
) -> None:
    org = Org()
    org.sets["iam1"] = "Contractors"
    org.resources["iam1"] = resources(*orns)

    view = await _resource_set(org, "iam1")  # type: ignore[arg-type]

    assert ResourceSetView("iam1", "Contractors", reach, limits) == view
    assert "resource set 'Contractors' (iam1)" == view.name


async def test_all_users_with_exclusions_reaches_only_some_users() -> None:
    org = Org()
    org.sets["iam1"] = "iam1"
    org.resources["iam1"] = resources(
        f"{ORG}:users", conditions={"Exclude": {"okta:ORN": [f"{ORG}:users:00u1", f"{ORG}:users:00u2"]}}
    )

    view = await _resource_set(org, "iam1")  # type: ignore[arg-type]

    assert {"users": "some"} == view.reach
    assert {"users": ("all users except 2 named in the resource's conditions",)} == view.limits
    assert "resource set iam1" == view.name  # no label beyond its id


@pytest.mark.parametrize(
    ("extra", "count"),
    [
        ({"conditions": {"Exclude": {"okta:ORN": ["a", "b", "c"]}}}, 3),
        ({"conditions": {"Exclude": {"okta:ORN": []}}}, 0),
        ({"conditions": {"Exclude": {"other": ["a"]}}}, 1),  # conditions oktakit cannot count: some
        ({"conditions": {"Include": {}}}, 1),
        ({"conditions": {}}, 0),
        ({}, 0),
    ],
)
def test_how_many_resources_a_resource_excludes(extra: dict[str, Any], count: int) -> None:
    resource = ResourceSetResource.from_dict({"orn": f"{ORG}:users", **extra})
    assert count == _excluded(resource)


async def test_a_resource_set_that_is_gone_reaches_nothing() -> None:
    org = Org()
    org.sets["iam9"] = NotFoundError(
        status=404, method="GET", url="https://acme.okta.com/x", error_code="E0000007"
    )

    assert ResourceSetView("iam9", "iam9", {}, {}) == await _resource_set(org, "iam9")  # type: ignore[arg-type]


# --- roles and conditions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conditions", "expected", "described"),
    [
        (None, None, None),
        ({}, None, None),
        (
            {"include": {PROFILE: ["city", "state"]}},
            Conditions(("city", "state"), None, ()),
            "only city, state",
        ),
        ({"exclude": {PROFILE: ["zipCode"]}}, Conditions(None, ("zipCode",), ()), "not zipCode"),
        ({"include": {PROFILE: []}}, Conditions((), None, ()), "no attribute (its conditions include none)"),
        (
            {"include": {PROFILE: ["city"]}, "exclude": {PROFILE: ["city"]}},
            Conditions(("city",), ("city",), ()),
            "only city; not city",
        ),
        (
            {"include": {"okta:ResourceAttribute/User/Type": ["x"]}},
            Conditions(None, None, ("include okta:ResourceAttribute/User/Type",)),
            "conditions oktakit cannot read (include okta:ResourceAttribute/User/Type)",
        ),
        (
            {"exclude": {PROFILE: "zipCode"}, "when": {}},
            Conditions(None, None, (f"exclude {PROFILE}", "when")),
            f"conditions oktakit cannot read (exclude {PROFILE}, when)",
        ),
    ],
)
def test_permission_conditions_as_read(
    conditions: dict[str, Any] | None, expected: Conditions | None, described: str | None
) -> None:
    permission = Permission.from_dict(
        {"label": "okta.users.read", **({"conditions": conditions} if conditions is not None else {})}
    )

    found = _conditions(permission)

    assert expected == found
    assert described == (found.describe() if found else None)


async def test_each_active_role_is_read_and_what_cannot_be_read_is_said() -> None:
    org = Org()
    org.client_roles = []
    assignments = [
        RoleAssignment.from_dict(a)
        for a in (
            custom("Denied", role="cr0denied"),
            standard("HELP_DESK_ADMIN"),
            standard("ORG_ADMIN", status="INACTIVE"),
            standard("WORKFLOWS_ADMIN"),
            custom("By label", role=None, resource_set=None),
            custom("Suspenders", role="cr02", resource_set="iam2"),
        )
    ]
    org.permissions = {
        "cr0denied": denied(),
        "By label": [{"label": "okta.users.read"}],
        "cr02": [
            {"label": "okta.users.lifecycle.suspend"},
            {"label": "okta.users.read", "conditions": {"include": {PROFILE: ["city"]}}},
        ],
    }
    org.sets["iam2"] = "All of them"
    org.resources["iam2"] = resources(f"{ORG}:users")
    unverified: list[str] = []
    notes: list[str] = []

    roles = await _evaluate(org, assignments, unverified, notes)  # type: ignore[arg-type]

    help_desk = standard_roles()["HELP_DESK_ADMIN"]
    expected = [
        RoleView(
            "HELP_DESK_ADMIN (Help Desk Administrator)",
            "HELP_DESK_ADMIN",
            help_desk.grants,
            help_desk.permissions,
            None,
        ),
        RoleView(
            "custom role 'By label'",
            "CUSTOM",
            Grants(["okta.users.read"]),
            frozenset({"okta.users.read"}),
            ResourceSetView("", "", {}, {}),
            {},
            "By label",
            "",
        ),
        RoleView(
            "custom role 'Suspenders' (cr02)",
            "CUSTOM",
            Grants(["okta.users.lifecycle.suspend", "okta.users.read"]),
            frozenset({"okta.users.lifecycle.suspend", "okta.users.read"}),
            ResourceSetView("iam2", "All of them", {"users": "all"}, {}),
            {"okta.users.read": Conditions(("city",), None, ())},
            "Suspenders",
            "cr02",
        ),
    ]
    assert [_comparable(role) for role in expected] == [_comparable(role) for role in roles]
    assert [
        "custom role 'Denied' (cr0denied): its permissions or resource set need the okta.roles.read scope "
        "and "
        "okta.iam.read permission",
        "standard role WORKFLOWS_ADMIN: oktakit has no table of what it grants",
    ] == unverified
    assert ["role 'Org_Admin' is INACTIVE: it grants nothing until it is active again"] == notes
    assert ["cr0denied", "By label", "cr02"] == org.asked


def _comparable(role: RoleView) -> tuple[Any, ...]:
    """A role's fields, its Grants by what they hold (Grants define no equality)."""
    return (
        role.name,
        role.type,
        role.grants.exact,
        role.permissions,
        role.resource_set,
        role.conditions,
        role.label,
        role.role_id,
    )


def test_conditions_of_the_permission_that_grants_another() -> None:
    limited = Conditions(("city",), None, ())
    role = RoleView(
        "r",
        "CUSTOM",
        Grants(["okta.users.manage", "okta.users.read"]),
        frozenset({"okta.users.manage", "okta.users.read"}),
        None,
        {"okta.users.manage": limited},
    )
    assert role.conditions_for("okta.users.read") is None  # held itself, without conditions
    assert limited == role.conditions_for("okta.users.lifecycle.suspend")  # through okta.users.manage
    assert role.conditions_for("okta.groups.read") is None


async def test_an_api_token_names_its_admin_and_their_roles() -> None:
    org = Org()
    org.me = {"id": "00uA", "status": "ACTIVE", "profile": {"login": "ada@example.com"}}
    org.user_roles = [standard("SUPER_ADMIN")]
    unverified: list[str] = []
    notes: list[str] = []

    roles, who = await admin_roles(org, org, unverified, notes)  # type: ignore[arg-type]

    assert "admin ada@example.com (00uA)" == who
    assert ["SUPER_ADMIN (Super Administrator)"] == [role.name for role in roles or []]
    assert [
        "an API token acts with the roles of the admin who created it: ada@example.com (00uA)",
        "ada@example.com's roles: SUPER_ADMIN",
    ] == notes
    assert ([], ["00uA"]) == (unverified, org.asked)


async def test_an_api_token_whose_admin_or_roles_cannot_be_read_is_unverified() -> None:
    gone = Org()
    gone.me = NotFoundError(
        status=404, method="GET", url="https://acme.okta.com/api/v1/users/me", error_code="E0000007"
    )
    quiet = Org()
    quiet.me = {"id": "00uB", "status": "ACTIVE", "profile": {"login": "desk@example.com"}}
    quiet.user_roles = denied()
    none = Org()
    none.me = {"id": "00uC", "status": "ACTIVE", "profile": {"login": "c@example.com"}}
    messages: list[list[str]] = [[], [], []]
    notes: list[str] = []

    first = await admin_roles(gone, gone, messages[0], [])  # type: ignore[arg-type]
    second = await admin_roles(quiet, quiet, messages[1], [])  # type: ignore[arg-type]
    third = await admin_roles(none, none, messages[2], notes)  # type: ignore[arg-type]

    assert (None, "the token's admin") == first
    assert [
        "role permissions: an API token acts with the roles of the admin who created it, and that admin "
        "could not be read (E0000007); check the admin in Security > Administrators, or use a service app"
    ] == messages[0]
    assert (None, "admin desk@example.com (00uB)") == second
    assert [
        "the admin's roles (only a super admin may list them): reading them needs the okta.roles.read scope "
        "and okta.iam.read permission; pass auditor= (a read-only client; OKTA_AUDITOR_* for `oktakit check`)"
    ] == messages[1]
    assert ([], "admin c@example.com (00uC)") == third
    assert "c@example.com's roles: none" == notes[-1]


# --- scopes ---------------------------------------------------------------------------------------


def grant(scope: str, status: str = "ACTIVE") -> dict[str, Any]:
    return {"scopeId": scope, "issuer": "https://acme.okta.com", "status": status}


@pytest.mark.parametrize(
    ("token", "grants", "missing", "excess", "advice"),
    [
        ({"okta.users.manage"}, [grant("okta.users.manage")], (), (), []),
        (
            set(),
            [grant("okta.users.manage")],
            ("okta.users.manage",),
            (),
            [
                "ask for okta.users.manage in the token request (PrivateKeyJWT scopes, OKTA_SCOPES): the app "
                "has the grant, the token does not"
            ],
        ),
        (
            {"okta.users.manage"},
            [grant("okta.users.manage", "REVOKED")],
            ("okta.users.manage",),
            (),
            [
                "grant okta.users.manage on the Okta API Scopes tab of service app 0oa1 (it is revoked; the "
                "current token still carries it until it expires)"
            ],
        ),
        (
            set(),
            [grant("okta.groups.read"), grant("okta.apps.read", "REVOKED")],
            ("okta.users.manage",),
            ("okta.groups.read",),
            ["grant okta.users.manage on the Okta API Scopes tab of service app 0oa1 (it is not granted)"],
        ),
        (
            {"okta.users.manage", "okta.users.read"},
            [grant("okta.users.manage")],
            (),
            ("okta.users.read",),
            [],
        ),
    ],
)
async def test_scopes_against_the_token_and_the_apps_grants(
    token: set[str],
    grants: list[dict[str, Any]],
    missing: tuple[str, ...],
    excess: tuple[str, ...],
    advice: list[str],
) -> None:
    org = Org()
    org.grants = grants
    said: list[str] = []
    unverified: list[str] = []

    found = await _scopes(
        requirements(["suspend_user"]), org, "0oa1", token_scopes=token, unverified=unverified, advice=said
    )  # type: ignore[arg-type]

    assert (missing, excess) == found
    assert (advice, []) == (said, unverified)


async def test_unreadable_grants_compare_the_token_alone() -> None:
    org = Org()
    org.grants = denied()
    said: list[str] = []
    unverified: list[str] = []

    found = await _scopes(
        requirements(["suspend_user", "get_user"]),
        org,
        "0oa1",
        token_scopes={"okta.groups.read"},
        unverified=unverified,
        advice=said,
    )  # type: ignore[arg-type]

    assert (("okta.users.manage", "okta.users.read"), ("okta.groups.read",)) == found
    assert [
        "grant okta.users.manage, okta.users.read on the Okta API Scopes tab and ask for it in the token "
        "request"
    ] == said
    assert [
        "the app's granted scopes: reading them needs the okta.appGrants.read scope and okta.apps.read "
        "permission (pass auditor=); only the token's own scopes were compared"
    ] == unverified


# --- the verdict ------------------------------------------------------------------------------------


def role(
    name: str, permissions: Iterable[str], reach: dict[str, str] | None = None, **conditions: Conditions
) -> RoleView:
    keys = frozenset(permissions)
    resource_set = (
        None
        if reach is None
        else ResourceSetView(
            f"iam-{name}", f"set {name}", reach, {k: ("one group",) for k, v in reach.items() if v == "some"}
        )
    )
    return RoleView(
        f"custom role {name!r}" if reach is not None else name,
        "CUSTOM" if reach is not None else "HELP_DESK_ADMIN",
        Grants(keys),
        keys,
        resource_set,
        {key.replace("_", "."): value for key, value in conditions.items()},
    )


def test_the_first_role_that_reaches_is_named_and_excess_adds_up_over_roles() -> None:
    need = requirements(["suspend_user"])
    roles = [
        role("A", ["okta.groups.read"], {"users": "all"}),
        role("B", ["okta.users.lifecycle.suspend", "okta.apps.read"], {"users": "some"}),
        role("C", ["okta.users.lifecycle.suspend"], {"users": "some"}),
    ]

    verdict = judge(need, roles, False, "service app 0oa1")

    assert {"All users"} == verdict.missing_resources
    assert [
        "custom role 'B' is bound to resource set 'set B' (iam-B), which reaches only some users (one "
        "group): "
        "add All users (/api/v1/users) to it, for suspend_user"
    ] == verdict.advice
    assert ["okta.groups.read (custom role 'A')", "okta.apps.read (custom role 'B')"] == verdict.excess


def test_a_missing_permission_comes_first_in_the_advice_and_names_where_to_add_it() -> None:
    need = requirements(["suspend_user", "list_user_groups"])
    one = judge(
        need,
        [role("A", ["okta.users.lifecycle.suspend", "okta.groups.read"], {"users": "all", "groups": "some"})],
        False,
        "x",
    )
    two = judge(
        need,
        [role("A", ["okta.groups.read"], {"users": "all", "groups": "all"}), role("B", [], {})],
        False,
        "admin a (00u1)",
    )
    standard_only = judge(
        need,
        [role("HELP_DESK_ADMIN (Help Desk Administrator)", ["okta.groups.read", "okta.users.read"])],
        False,
        "admin a (00u1)",
    )

    assert "add okta.users.read to custom role 'A' (Security > Administrators > Roles)" == one.advice[0]
    assert one.advice[1].startswith(
        "custom role 'A' is bound to resource set 'set A' (iam-A), which reaches only some groups"
    )
    assert [
        "add okta.users.lifecycle.suspend, okta.users.read to a custom role of admin a (00u1) "
        "(Security > Administrators > Roles)"
    ] == two.advice
    assert [
        "add okta.users.lifecycle.suspend to a new custom role assigned to admin a (00u1) "
        "(Security > Administrators > Roles)"
    ] == standard_only.advice


@pytest.mark.parametrize(
    ("holder", "advice"),
    [
        (
            "service app 0oa1",
            "assign service app 0oa1 a custom role with okta.users.lifecycle.suspend over a resource set "
            "with "
            "All users (the app's Admin roles tab)",
        ),
        (
            "admin a (00u1)",
            "assign admin a (00u1) a custom role with okta.users.lifecycle.suspend over a resource set with "
            "All users (Security > Administrators)",
        ),
    ],
)
def test_no_active_role_means_every_permission_is_missing(holder: str, advice: str) -> None:
    verdict = judge(requirements(["suspend_user"]), [], False, holder)

    assert ["okta.users.lifecycle.suspend"] == list(verdict.missing)
    assert [advice] == verdict.advice
    assert [f"{holder} has no active admin role: Okta refuses every call"] == verdict.notes


def test_no_active_role_for_a_job_without_permissions_or_resources() -> None:
    verdict = judge(requirements(["list_authenticators"]), [], False, "service app 0oa1")
    assert [
        "assign service app 0oa1 a custom role with any permission over a resource set with the resources "
        "the job touches (the app's Admin roles tab)"
    ] == verdict.advice


@pytest.mark.parametrize(
    ("operation", "permission", "outcome"),
    [
        ("replace_user", "okta.users.userprofile.manage", "unverified"),  # PUT writes attributes
        ("update_user", "okta.users.userprofile.manage", "unverified"),  # POST too
        ("get_user", "okta.users.userprofile.manage", "note"),  # a read through the manage permission
        ("suspend_user", "okta.users.lifecycle.suspend", "note"),  # no attribute written
    ],
)
def test_attribute_conditions_matter_for_profile_writes_only(
    operation: str, permission: str, outcome: str
) -> None:
    limited = Conditions(("city",), None, ())
    roles = [
        RoleView(
            "custom role 'A'",
            "CUSTOM",
            Grants([permission]),
            frozenset({permission}),
            ResourceSetView("i", "i", {"users": "all"}, {}),
            {permission: limited},
        )
    ]

    verdict = judge(requirements([operation]), roles, False, "x")

    if outcome == "unverified":
        assert [
            f"{operation}: custom role 'A' has {permission} for only city; oktakit cannot tell which "
            "attributes the job changes"
        ] == verdict.unverified
        assert [] == verdict.notes
    else:
        assert [] == verdict.unverified
        assert [
            f"custom role 'A' has {permission} for only city: {operation} sees only those attributes"
        ] == verdict.notes


def test_credentials_add_the_credential_permission_to_the_judgement() -> None:
    roles = [role("A", ["okta.users.userprofile.manage"], {"users": "all"})]
    assert {} == judge(requirements(["update_user"]), roles, False, "x").missing
    assert ["okta.users.credentials.manage"] == list(
        judge(requirements(["update_user"], credentials=True), roles, True, "x").missing
    )


# --- the report ---------------------------------------------------------------------------------------


def report(**fields: Any) -> PreflightReport:
    base: dict[str, Any] = {
        "operations": ("suspend_user", "reset_factors"),
        "credential": "service app 0oa1",
        "missing_scopes": (),
        "missing_permissions": (),
        "missing_resources": (),
        "excess_scopes": (),
        "excess_permissions": (),
        "broader_roles": (),
        "unverified": (),
        "notes": (),
    }
    return PreflightReport(**(base | fields))


def test_the_summary_lists_every_section_and_numbers_the_advice() -> None:
    suspend = permission_info("okta.users.lifecycle.suspend")
    text = report(
        missing_scopes=("okta.users.manage",),
        missing_permissions=(suspend,),
        missing_resources=("All users",),
        advice=("first step", "second step"),
        excess_scopes=("okta.groups.read",),
        excess_permissions=("okta.apps.read (custom role 'A')",),
        broader_roles=("ORG_ADMIN (...)",),
        unverified=("something",),
        notes=("a note",),
        bulk=True,
    ).summary()

    assert (
        "preflight for suspend_user, reset_factors as a bulk run (service app 0oa1): MISSING\n"
        "missing scopes (grant on the app's Okta API Scopes tab):\n  - okta.users.manage\n"
        "missing role permissions (add to the custom admin role):\n"
        "  - okta.users.lifecycle.suspend (User > Edit users' lifecycle states > Suspend users)\n"
        "missing resources (add to the role's resource set):\n  - All users\n"
        "what to change, in order:\n  1. first step\n  2. second step\n"
        "excess scopes (not needed by this job):\n  - okta.groups.read\n"
        "excess role permissions (not needed by this job):\n  - okta.apps.read (custom role 'A')\n"
        "standard roles, broader than needed:\n  - ORG_ADMIN (...)\n"
        "not verified:\n  - something\n"
        "notes:\n  - a note"
    ) == text.replace(suspend.console_label, "User > Edit users' lifecycle states > Suspend users")
    assert (
        "preflight for suspend_user, reset_factors (service app 0oa1): NOT VERIFIED"
        == report(unverified=("x",)).summary().split("\n")[0]
    )
    assert "preflight for suspend_user, reset_factors (service app 0oa1): ok" == report().summary()


def test_raise_for_missing_names_what_to_grant_and_the_steps() -> None:
    suspend = permission_info("okta.users.lifecycle.suspend")
    missing = report(
        missing_scopes=("okta.users.manage",),
        missing_permissions=(suspend,),
        missing_resources=("All users",),
        advice=("a", "b"),
    )
    plain = report(missing_scopes=("okta.users.manage",))

    with pytest.raises(InsufficientPermissionsError) as raised:
        missing.raise_for_missing()
    with pytest.raises(InsufficientPermissionsError) as bare:
        plain.raise_for_missing()
    report(unverified=("x",)).raise_for_missing()  # nothing known to be missing

    assert str(raised.value) == (
        "service app 0oa1 cannot run suspend_user, reset_factors: grant scope okta.users.manage; permission "
        f"okta.users.lifecycle.suspend ({suspend.console_label}); resource All users in the role's resource "
        "set (a; b)"
    )
    assert (
        str(bare.value)
        == "service app 0oa1 cannot run suspend_user, reset_factors: grant scope okta.users.manage"
    )
    assert raised.value.report is missing
    assert (("okta.users.manage",), ("okta.users.lifecycle.suspend",), ("All users",)) == (
        raised.value.missing_scopes,
        raised.value.missing_permissions,
        raised.value.missing_resources,
    )


# --- requirements -------------------------------------------------------------------------------------


def test_the_json_of_one_operation_and_its_resource_is_exact() -> None:
    need = requirements(["suspend_user"], bulk=True)

    assert {
        "operation_id": "getUser",
        "method_name": "get_user",
        "http": "GET /api/v1/users/{id}",
        "scopes": ["okta.users.read"],
        "permissions": [
            [
                {
                    "key": "okta.users.read",
                    "console": permission_info("okta.users.read").console_label,
                    "resource": "users",
                }
            ],
            [
                {
                    "key": "okta.users.userprofile.manage",
                    "console": permission_info("okta.users.userprofile.manage").console_label,
                    "resource": "users",
                }
            ],
        ],
        "credential_permissions": [],
        "needed_by": "suspendUser",
        "reason": need.operations[1].reason,
    } == need.operations[1].to_json()
    assert {
        "kind": "users",
        "console": "All users",
        "rest": "/api/v1/users",
        "orn": "orn:okta:directory:{org}:users",
    } == (need.resources[0].to_json())
    assert ResourceInfo(
        "users", "All users", "/api/v1/users", "orn:okta:directory:{org}:users"
    ) == resource_info("users")
    assert PermissionInfo("okta.unknown.permission", (), None) == permission_info("okta.unknown.permission")
    assert "(no Console label known)" == permission_info("okta.unknown.permission").console_label


def test_requirements_take_a_name_or_names_and_refuse_none_or_unknown() -> None:
    assert ["suspend_user"] == [f.name for f in resolve_operations("suspend_user")]
    with pytest.raises(
        Exception,
        match=r"^unknown operation\(s\) 'a', 'b'; known: activate_user, assign_user_to_group, create_",
    ):
        resolve_operations(["a", "b"])
    with pytest.raises(Exception, match=r"^name at least one operation$"):
        resolve_operations([])


def test_bulk_adds_the_reads_of_every_operation_named_once() -> None:
    need = requirements(
        ["suspend_user", "unsuspend_user", "create_tac_authenticator_enrollment"], bulk=True, credentials=True
    )

    assert [
        ("suspendUser", None),
        ("unsuspendUser", None),
        ("createTacAuthenticatorEnrollment", None),
        ("getUser", "suspendUser"),
        ("listAuthenticators", "createTacAuthenticatorEnrollment"),
    ] == [(op.operation_id, op.needed_by) for op in need.operations]
    assert need.credentials
    assert "create_tac_authenticator_enrollment needs it in practice" == need.operations[-1].reason


def test_standard_roles_carry_what_is_inferred() -> None:
    roles = standard_roles()
    assert roles["USER_ADMIN"].inferred
    assert "" == roles["SUPER_ADMIN"].inferred


async def test_every_operation_is_checked_for_its_scope_and_several_are_named_together() -> None:
    org = Org()
    org.grants = [grant("okta.users.manage")]
    said: list[str] = []
    both = Org()
    both.grants = [grant("okta.users.manage"), grant("okta.users.read")]
    asked: list[str] = []

    first = await _scopes(
        requirements(["suspend_user", "get_user"]),
        org,
        "0oa1",
        token_scopes={"okta.users.manage"},
        unverified=[],
        advice=said,
    )  # type: ignore[arg-type]
    second = await _scopes(
        requirements(["suspend_user", "get_user"]),
        both,
        "0oa1",
        token_scopes=set(),
        unverified=[],
        advice=asked,
    )  # type: ignore[arg-type]

    assert (("okta.users.read",), ()) == first
    assert [
        "grant okta.users.read on the Okta API Scopes tab of service app 0oa1 (it is not granted)"
    ] == said
    assert (("okta.users.manage", "okta.users.read"), ()) == second
    assert asked[0].startswith("ask for okta.users.manage, okta.users.read in the token request")


async def test_an_apps_roles_are_read_with_what_cannot_be_read_said() -> None:
    org = Org()
    org.client_roles = [standard("ORG_ADMIN", status="INACTIVE"), standard("WORKFLOWS_ADMIN")]
    unverified: list[str] = []
    notes: list[str] = []
    quiet = Org()
    quiet.client_roles = denied()
    refused: list[str] = []

    roles = await client_roles(org, "0oa1", unverified, notes)  # type: ignore[arg-type]
    unread = await client_roles(quiet, "0oa1", refused, [])  # type: ignore[arg-type]

    assert ([], None) == (roles, unread)
    assert ["standard role WORKFLOWS_ADMIN: oktakit has no table of what it grants"] == unverified
    assert ["role 'Org_Admin' is INACTIVE: it grants nothing until it is active again"] == notes
    assert [
        "the app's admin roles (a least-privilege app cannot): reading them needs the okta.roles.read scope "
        "and okta.iam.read permission; pass auditor= (a read-only client; OKTA_AUDITOR_* for `oktakit check`)"
    ] == refused


async def test_an_admins_roles_that_cannot_be_judged_are_said() -> None:
    org = Org()
    org.me = {"id": "00uA", "status": "ACTIVE", "profile": {"login": "a@example.com"}}
    org.user_roles = [standard("ORG_ADMIN", status="INACTIVE"), standard("WORKFLOWS_ADMIN")]
    unverified: list[str] = []
    notes: list[str] = []

    roles, _ = await admin_roles(org, org, unverified, notes)  # type: ignore[arg-type]

    assert [] == roles
    assert ["standard role WORKFLOWS_ADMIN: oktakit has no table of what it grants"] == unverified
    assert "role 'Org_Admin' is INACTIVE: it grants nothing until it is active again" == notes[-1]


def test_a_satisfied_operation_notes_only_what_limits_the_way_it_is_satisfied() -> None:
    reader = role("A", ["okta.users.read"], {"users": "all"})
    group_editor = role("B", ["okta.users.userprofile.manage"], {"users": "some"})

    verdict = judge(
        requirements(["get_user", "suspend_user"]),
        [reader, group_editor, role("C", ["okta.users.lifecycle.suspend"], {"users": "all"})],
        False,
        "x",
    )

    assert ([], [], {}, set()) == (verdict.notes, verdict.advice, verdict.missing, verdict.missing_resources)

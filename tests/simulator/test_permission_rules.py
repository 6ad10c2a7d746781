"""The permission implication rules of the simulator's role model, case by case.

The rules are the ones ``oktakit.permissions._grants`` implements for the SDK and the simulator
alike (Okta's admin-role permission names,
https://developer.okta.com/docs/api/openapi/okta-management/guides/permissions):
``*`` grants all, ``*.read`` every ``.read``, ``<prefix>.manage`` everything under ``<prefix>.``,
anything else only itself. Each expected answer is worked out by hand from those rules.
"""

from __future__ import annotations

import pytest

from oktakit.permissions._grants import Grants
from oktakit.testing import build_org
from oktakit.testing._permissions import allows, role_grants

CASES = [
    # (granted, asked, allowed)
    ({"*"}, "okta.users.lifecycle.suspend", True),
    ({"*"}, "okta.apps.manage", True),
    ({"*.read"}, "okta.users.read", True),
    ({"*.read"}, "okta.groups.read", True),
    ({"*.read"}, "okta.users.manage", False),
    ({"*.read"}, "okta.users.readonly", False),
    ({"okta.users.manage"}, "okta.users.read", True),
    ({"okta.users.manage"}, "okta.users.lifecycle.suspend", True),
    ({"okta.users.manage"}, "okta.users.credentials.resetFactors", True),
    ({"okta.users.manage"}, "okta.groups.read", False),
    ({"okta.users.manage"}, "okta.usersX.read", False),
    ({"okta.users.lifecycle.manage"}, "okta.users.lifecycle.unlock", True),
    ({"okta.users.lifecycle.manage"}, "okta.users.read", False),
    ({"okta.users.read"}, "okta.users.read", True),
    ({"okta.users.read"}, "okta.users.manage", False),
    ({"okta.users.read"}, "okta.users.lifecycle.suspend", False),
    ({"okta.users.lifecycle.suspend"}, "okta.users.lifecycle.unsuspend", False),
    (set(), "okta.users.read", False),
]


@pytest.mark.parametrize(("granted", "asked", "allowed"), CASES)
def test_grants_follow_the_implication_rules(granted: set[str], asked: str, allowed: bool) -> None:
    assert allowed is Grants(granted).allows(asked)


@pytest.mark.parametrize(
    ("granted", "alternatives", "allowed"),
    [
        ({"a.read", "b.read"}, (("a.read", "b.read"),), True),  # every item of one alternative
        ({"a.read"}, (("a.read", "b.read"),), False),
        ({"b.read"}, (("a.read", "b.read"), ("b.read",)), True),  # any one alternative
        ({"c.read"}, (("a.read",), ("b.read",)), False),
        (set(), ((),), True),  # [[]]: nothing needed
        ({"a.read"}, (), False),  # no alternative at all: nothing allows it
    ],
)
def test_any_one_alternative_with_all_its_permissions_is_enough(
    granted: set[str], alternatives: tuple[tuple[str, ...], ...], allowed: bool
) -> None:
    assert allowed is Grants(granted).allows_any(alternatives)


def test_grants_show_their_permissions_sorted_whatever_order_they_were_given_in() -> None:
    # A frozenset's order varies between runs; a repr in a failed assertion must not.
    assert "Grants(['*.read', 'okta.users.manage'])" == repr(Grants(["okta.users.manage", "*.read"]))
    assert "Grants([])" == repr(Grants([]))


def _allowed(org: object, app: str, permission: str) -> bool:
    """Whether the app's active roles grant ``permission`` (on a user every role reaches)."""
    return allows(org, role_grants(org, app), ((permission,),), None)  # type: ignore[arg-type]


def test_an_app_s_grants_add_up_its_active_roles_only() -> None:
    org = build_org(0, 1)
    app = org.add_client()
    assert [] == role_grants(org, app)  # no role: may call nothing
    assert [] == role_grants(org, "0oaNobody")

    help_desk = org.assign_standard_role(app, "HELP_DESK_ADMIN")
    role = org.add_custom_role("suspenders", ["okta.users.lifecycle.suspend"])
    all_users = org.add_resource_set("all users", ["/api/v1/users"])
    org.assign_custom_role(app, role, all_users.id)
    # Help desk admins unlock and reset factors (Okta's standard role); the custom role adds suspend.
    assert [True, True, True, False] == [
        _allowed(org, app, p)
        for p in (
            "okta.users.lifecycle.unlock",
            "okta.users.credentials.resetFactors",
            "okta.users.lifecycle.suspend",
            "okta.users.lifecycle.deactivate",
        )
    ]

    help_desk.status = "INACTIVE"
    assert (False, True) == (
        _allowed(org, app, "okta.users.lifecycle.unlock"),
        _allowed(org, app, "okta.users.lifecycle.suspend"),
    )
    for assignment in org.clients[app]:
        assignment.status = "INACTIVE"
    assert [] == role_grants(org, app)


def test_an_unknown_standard_role_grants_nothing() -> None:
    org = build_org(0, 1)
    app = org.add_client()
    org.assign_standard_role(app, "SOME_FUTURE_ADMIN")

    assert 1 == len(role_grants(org, app))
    assert not _allowed(org, app, "okta.users.read")

"""Endpoints oktakit does not wrap, served so that another SDK's own test suite runs here:
okta-sdk-python's user and group integration tests call them (group create, get, replace and
delete; password and recovery-question changes; admin roles of users and groups with their group
targets; a user's app links and identity providers, always empty here).

They are Okta's routes with Okta's shapes and errors, outside oktakit's spec: each has its
OAuth scope and admin-role permissions in ``REQUIREMENTS`` (from Okta's published spec) and its
rules' evidence in ``STATUS_RULES``, as the spec's operations have.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from typing import Any, Final

from aiohttp import web

from . import _credentials as credentials
from . import _directory as directory
from ._context import CONTEXT
from ._errors import SimulatedError, not_found, validation_failed
from ._handlers import find_user, json_response, read_json
from ._handlers_account import no_content
from ._permissions import Requirement
from ._render import dumps, group_dict, role_assignment_dict
from ._sources import Evidence, documented, inferred, recorded
from ._state import STANDARD_ROLE_LABELS, Org, SimGroup, SimRoleAssignment
from ._users import SimUser

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The evidence for each rule below (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "groups": (
        documented(
            "okta-mgmt-spec",
            "addGroup creates an OKTA_GROUP; replaceGroup only for OKTA_GROUP; deleteGroup for OKTA_GROUP "
            "and APP_GROUP",
        ),
        recorded(
            "rec-create-get-group", "create answers 200; delete 204; a deleted group 404 E0000007 (UserGroup)"
        ),
        inferred(
            "okta-mgmt-spec",
            "the built-in Everyone group cannot be replaced or deleted: 501 E0000060, as for its members",
        ),
    ),
    "role_assignment": (
        recorded(
            "rec-assign-user-to-role",
            'a standard role answers 201; its id is the base32 of its type ("KVJUKUS7IFCE2SKO" for '
            "USER_ADMIN); unassigning answers 204",
        ),
        recorded("rec-group-roles-operations", "a group's roles: 201 on assignment, 204 on unassignment"),
        documented(
            "okta-error-codes",
            "a role the user already has: 409 E0000090; roles for a built-in group: 400 E0000211",
        ),
    ),
    "role_targets": (
        documented(
            "okta-mgmt-spec",
            "group targets for USER_ADMIN, HELP_DESK_ADMIN and GROUP_MEMBERSHIP_ADMIN; the last target "
            "cannot be removed",
        ),
        recorded(
            "rec-group-target-remove", "PUT and DELETE of a target answer 204; the targets list as groups"
        ),
        inferred("okta-error-codes", "another role type or the last target: 400 E0000091 / E0000001"),
    ),
    "app_links_and_idps": (
        recorded("rec-comprehensive-user-lifecycle", "a user with no apps: GET appLinks answers []"),
    ),
}

_TARGETABLE: Final = frozenset({"USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"})


def _role_id(role_type: str) -> str:
    return base64.b32encode(role_type.encode()).decode().rstrip("=")


def _user(request: web.Request) -> tuple[Org, SimUser]:
    org = request.app[CONTEXT].org
    return org, credentials.find_by_id(org, request.match_info["userId"])


def _group(request: web.Request, key: str = "groupId") -> tuple[Org, SimGroup]:
    org = request.app[CONTEXT].org
    return org, directory.find_group(org, request.match_info[key])


def _credentials_body(user: SimUser) -> bytes:
    data: dict[str, Any] = {"password": {}} if user.has_password else {}
    if user.recovery_question is not None:
        data["recovery_question"] = {"question": user.recovery_question}
    kind, name = user.account.provider
    data["provider"] = {"type": kind, "name": name}
    return dumps(data)


# --- groups --------------------------------------------------------------------------------
async def add_group(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    name, description = directory.group_profile(await read_json(request))
    return json_response(dumps(group_dict(org, org.add_group(name, description))))


async def get_group(request: web.Request) -> web.StreamResponse:
    org, group = _group(request)
    return json_response(dumps(group_dict(org, group)))


async def replace_group(request: web.Request) -> web.StreamResponse:
    org, group = _group(request)
    name, description = directory.group_profile(await read_json(request))
    directory.changeable(group)
    group.name, group.description, group.last_updated = name, description, org.clock()
    return json_response(dumps(group_dict(org, group)))


async def delete_group(request: web.Request) -> web.StreamResponse:
    org, group = _group(request)
    if group.type == "BUILT_IN":
        raise SimulatedError("E0000060")
    org.group_roles.pop(group.id, None)
    org.remove_group(group)
    return no_content()


# --- credentials ---------------------------------------------------------------------------
def _credential_change(change: Callable[[Org, SimUser, Any], None]) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        org, user = _user(request)
        change(org, user, await read_json(request))
        return json_response(_credentials_body(user))

    return handler


change_password = _credential_change(credentials.change_password)
change_recovery_question = _credential_change(credentials.change_recovery_question)
forgot_password_recovery_question = _credential_change(credentials.forgot_password_recovery_question)


# --- admin roles of users and groups --------------------------------------------------------
def _new_role(org: Org, body: Any, held: list[SimRoleAssignment]) -> SimRoleAssignment:
    role_type = body.get("type") if isinstance(body, dict) else None
    if not isinstance(role_type, str) or role_type not in STANDARD_ROLE_LABELS:
        raise validation_failed("type", "type: A standard role type is required")
    if any(role.type == role_type for role in held):
        raise SimulatedError("E0000090")
    now = org.clock()
    return SimRoleAssignment(_role_id(role_type), role_type, STANDARD_ROLE_LABELS[role_type], now, now)


async def assign_role_to_user(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    return await _assign_role(request, org, user.id, org.admins, user=True)


async def assign_role_to_group(request: web.Request) -> web.StreamResponse:
    org, group = _group(request)
    if group.type == "BUILT_IN":
        raise SimulatedError("E0000211", group.name)
    return await _assign_role(request, org, group.id, org.group_roles, user=False)


async def _assign_role(
    request: web.Request, org: Org, principal: str, roles: dict[str, list[SimRoleAssignment]], *, user: bool
) -> web.Response:
    """A standard role for a user or a group: 201 with the assignment, as Okta answers both."""
    held = roles.setdefault(principal, [])
    role = _new_role(org, await read_json(request), held)
    held.append(role)
    return json_response(
        dumps(role_assignment_dict(org, principal, role, user=user, group=not user)), status=201
    )


async def list_group_roles(request: web.Request) -> web.StreamResponse:
    org, group = _group(request)
    roles = org.group_roles.get(group.id, [])
    return json_response(dumps([role_assignment_dict(org, group.id, role, group=True) for role in roles]))


def _assignment(org: Org, request: web.Request) -> tuple[str, SimRoleAssignment]:
    """(principal id, role) of a user's (``userId``) or a group's (``groupId``) assignment."""
    role_id = request.match_info["roleAssignmentId"]
    if "userId" in request.match_info:
        principal = credentials.find_by_id(org, request.match_info["userId"]).id
        held = org.admins.get(principal, [])
    else:
        principal = directory.find_group(org, request.match_info["groupId"]).id
        held = org.group_roles.get(principal, [])
    role = next((r for r in held if r.id == role_id), None)
    if role is None:
        raise not_found(role_id, "RoleAssignment")
    return principal, role


async def unassign_role(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    principal, role = _assignment(org, request)
    held = org.admins.get(principal) if "userId" in request.match_info else org.group_roles.get(principal)
    if held is not None:
        held.remove(role)
    org.role_targets.pop((principal, role.id), None)
    return no_content()


async def list_role_targets(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    principal, role = _assignment(org, request)
    targets = org.role_targets.get((principal, role.id), [])
    return json_response(dumps([group_dict(org, org.groups[g]) for g in targets if g in org.groups]))


async def add_role_target(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    principal, role = _assignment(org, request)
    target = _target(org, request, role)
    targets = org.role_targets.setdefault((principal, role.id), [])
    if target.id not in targets:
        targets.append(target.id)
    return no_content()


async def remove_role_target(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    principal, role = _assignment(org, request)
    target = _target(org, request, role)
    targets = org.role_targets.get((principal, role.id), [])
    if target.id not in targets:
        raise not_found(target.id, "UserGroup")
    if len(targets) == 1:
        raise validation_failed("target", "target: The last group target of a role cannot be removed")
    targets.remove(target.id)
    return no_content()


def _target(org: Org, request: web.Request, role: SimRoleAssignment) -> SimGroup:
    # A user's role names its target {groupId}; a group's role {targetGroupId} (groupId is the owner).
    key = "targetGroupId" if "targetGroupId" in request.match_info else "groupId"
    if role.type not in _TARGETABLE:
        raise SimulatedError("E0000091")
    return directory.find_group(org, request.match_info[key])


# --- a user's apps and identity providers (none in the simulator) ---------------------------
async def empty_list(request: web.Request) -> web.StreamResponse:
    find_user(request.app[CONTEXT].org, request.match_info["id"])
    return json_response(b"[]")


def _need(scope: str, permissions: tuple[str, ...]) -> Requirement:
    return Requirement((scope,), (permissions,), ())


_USER_ROLE = "/api/v1/users/{userId}/roles/{roleAssignmentId}"
_GROUP_ROLE = "/api/v1/groups/{groupId}/roles/{roleAssignmentId}"
_CREDENTIALS = "/api/v1/users/{userId}/credentials"
# Scopes as Okta's spec gives them; the role permissions are Okta's custom-role keys.
_GROUPS_CREATE = _need("okta.groups.manage", ("okta.groups.create",))
_GROUPS_READ = _need("okta.groups.read", ("okta.groups.read",))
_GROUPS_MANAGE = _need("okta.groups.manage", ("okta.groups.manage",))
_CREDENTIALS_MANAGE = _need("okta.users.manage", ("okta.users.credentials.manage",))
_PASSWORD_RESET = _need("okta.users.manage", ("okta.users.credentials.resetPassword",))
_ROLES_MANAGE = _need("okta.roles.manage", ("okta.iam.manage",))
_ROLES_READ = _need("okta.roles.read", ("okta.iam.read",))
_USERS_READ = _need("okta.users.read", ("okta.users.read",))

#: (method, path, handler, name) of each endpoint, with its requirement.
ROUTES: Final[tuple[tuple[str, str, Handler, str, Requirement], ...]] = (
    ("POST", "/api/v1/groups", add_group, "addGroup", _GROUPS_CREATE),
    ("GET", "/api/v1/groups/{groupId}", get_group, "getGroup", _GROUPS_READ),
    ("PUT", "/api/v1/groups/{groupId}", replace_group, "replaceGroup", _GROUPS_MANAGE),
    ("DELETE", "/api/v1/groups/{groupId}", delete_group, "deleteGroup", _GROUPS_MANAGE),
    ("POST", f"{_CREDENTIALS}/change_password", change_password, "changePassword", _CREDENTIALS_MANAGE),
    (
        "POST",
        f"{_CREDENTIALS}/change_recovery_question",
        change_recovery_question,
        "changeRecoveryQuestion",
        _CREDENTIALS_MANAGE,
    ),
    (
        "POST",
        f"{_CREDENTIALS}/forgot_password_recovery_question",
        forgot_password_recovery_question,
        "forgotPasswordSetNewPassword",
        _PASSWORD_RESET,
    ),
    ("POST", "/api/v1/users/{userId}/roles", assign_role_to_user, "assignRoleToUser", _ROLES_MANAGE),
    ("DELETE", _USER_ROLE, unassign_role, "unassignRoleFromUser", _ROLES_MANAGE),
    ("GET", f"{_USER_ROLE}/targets/groups", list_role_targets, "listGroupTargetsForRole", _ROLES_READ),
    (
        "PUT",
        f"{_USER_ROLE}/targets/groups/{{groupId}}",
        add_role_target,
        "assignGroupTargetToUserRole",
        _ROLES_MANAGE,
    ),
    (
        "DELETE",
        f"{_USER_ROLE}/targets/groups/{{groupId}}",
        remove_role_target,
        "unassignGroupTargetFromUserAdminRole",
        _ROLES_MANAGE,
    ),
    ("POST", "/api/v1/groups/{groupId}/roles", assign_role_to_group, "assignRoleToGroup", _ROLES_MANAGE),
    ("GET", "/api/v1/groups/{groupId}/roles", list_group_roles, "listGroupAssignedRoles", _ROLES_READ),
    ("DELETE", _GROUP_ROLE, unassign_role, "unassignRoleFromGroup", _ROLES_MANAGE),
    ("GET", f"{_GROUP_ROLE}/targets/groups", list_role_targets, "listGroupTargetsForGroupRole", _ROLES_READ),
    (
        "PUT",
        f"{_GROUP_ROLE}/targets/groups/{{targetGroupId}}",
        add_role_target,
        "assignGroupTargetToGroupAdminRole",
        _ROLES_MANAGE,
    ),
    (
        "DELETE",
        f"{_GROUP_ROLE}/targets/groups/{{targetGroupId}}",
        remove_role_target,
        "unassignGroupTargetFromGroupAdminRole",
        _ROLES_MANAGE,
    ),
    ("GET", "/api/v1/users/{id}/appLinks", empty_list, "listAppLinks", _USERS_READ),
    ("GET", "/api/v1/users/{id}/idps", empty_list, "listUserIdentityProviders", _USERS_READ),
)

#: Operation name -> what a token needs for it (read by the simulator's authorizer).
REQUIREMENTS: Final = {name: need for _, _, _, name, need in ROUTES}

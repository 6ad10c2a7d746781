"""What a token may do: an OAuth access token's scopes, then the admin roles over their targets
(an app's roles for an access token, its admin user's roles for an API token).

Requirements per operation come from the spec through oktakit's own permission helpers
(``oktakit._registry``): the OAuth ``scopes`` (the token must hold one of them; a ``.manage``
scope does *not* stand in for the matching ``.read`` one; API tokens have no scopes), then the
``x-okta-permissions`` alternatives (any one inner list, all of its items; ``[[]]`` needs none),
plus ``credential_permissions`` when an update or replace body contains ``credentials``. A
principal without any active admin role may call nothing, except that an API token's admin may
always read itself (``GET /api/v1/users/me``). An API token of no user acts with full rights.

A permission counts only from a role that grants it (``oktakit.permissions._grants``: ``*``, ``*.read`` and
``<prefix>.manage`` imply others) *and* reaches the target: standard roles reach every user and
group; a custom role only what its resource set holds (``_resource_sets``), so a role bound to
the members of one group gets Okta's 403 E0000006 for anyone else. Standard roles carry the
permissions of ``okta_spec/permissions.yaml`` (``STANDARD_ROLE_PERMISSIONS``); what that file
marks ``custom_role: false`` (reading the System Log) comes from a standard role only. Conditions on
custom-role permissions are enforced where Okta documents them, on profile attributes
(``okta:ResourceAttribute/User/Profile``): an update or replace may change only the attributes
that the granting permission's ``include`` lists and its ``exclude`` does not; conditions on reads
(which hide attributes) are not modelled. A request on a group's members (``groupId``) needs a
role whose set reaches that group; a creation with ``groupIds`` needs
``okta.groups.members.manage`` on each of them. Group targets of standard roles are kept (for
okta-sdk-python's tests) but do not narrow the role here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final, NamedTuple

from aiohttp import web

from oktakit._registry import catalogue, operations
from oktakit.permissions._grants import Grants

from ._auth import Principal
from ._errors import SimulatedError
from ._json_body import UnreadableBody, parse_json_body
from ._oauth_errors import challenge
from ._resource_sets import ResourceSet
from ._state import Org, SimRoleAssignment
from ._users import SimUser

#: Standard admin role -> the permissions it carries (from okta_spec/permissions.yaml).
STANDARD_ROLE_PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    role: frozenset(data["permissions"]) for role, data in catalogue()["standard_roles"].items()
}

INSUFFICIENT_SCOPE: Final = "The access token provided does not contain the required scopes."


class Requirement(NamedTuple):
    scopes: tuple[str, ...]
    permissions: tuple[tuple[str, ...], ...]
    credential_permissions: tuple[tuple[str, ...], ...]

    @property
    def all_permissions(self) -> frozenset[str]:
        return frozenset(p for alternative in self.permissions for p in alternative)


REQUIREMENTS: Final = {
    op: Requirement(f.scopes, f.permissions, f.credential_permissions) for op, f in operations().items()
}
#: Every scope a simulated operation needs: what a new service app is granted by default.
SIMULATED_SCOPES: Final = tuple(sorted({scope for need in REQUIREMENTS.values() for scope in need.scopes}))
_RESOURCE_OF: Final = {key: data.get("resource") for key, data in catalogue()["permissions"].items()}
#: What no custom role can hold (reading the System Log): a custom role listing it gains nothing.
_STANDARD_ONLY: Final = frozenset(
    key for key, data in catalogue()["permissions"].items() if data.get("custom_role") is False
)


#: The condition key Okta documents for profile attributes (upstream spec examples).
PROFILE_ATTRIBUTES: Final = "okta:ResourceAttribute/User/Profile"
_PROFILE_WRITE: Final = "okta.users.userprofile.manage"
#: Creating a user into groups takes managing those groups' members too (Okta's role-assignment
#: concepts: "if the admin is also scoped to manage a Group, that admin can add the user to it").
_GROUP_MEMBERS: Final = (("okta.groups.members.manage",),)


class RoleGrant(NamedTuple):
    grants: Grants
    resource_set: ResourceSet | None  # None: a standard role, which reaches everything
    #: Permission -> its conditions (custom roles only).
    conditions: Mapping[str, dict[str, Any]] = MappingProxyType({})

    def may_change(self, attributes: set[str]) -> bool:
        """Whether this role's profile permission covers these attributes under its conditions."""
        conditions = self.conditions.get(_PROFILE_WRITE)
        if not conditions:
            return True
        include = (conditions.get("include") or {}).get(PROFILE_ATTRIBUTES)
        exclude = (conditions.get("exclude") or {}).get(PROFILE_ATTRIBUTES) or ()
        return all((include is None or a in include) and a not in exclude for a in attributes)


def role_grants(org: Org, client_id: str) -> list[RoleGrant]:
    """What each of the app's active roles grants, and over which resources."""
    return assignment_grants(org, org.clients.get(client_id, ()))


def assignment_grants(org: Org, assignments: Iterable[SimRoleAssignment]) -> list[RoleGrant]:
    """What each active role assignment (of an app or an admin user) grants, and over what."""
    found = []
    for assignment in assignments:
        if assignment.status != "ACTIVE":
            continue
        if assignment.type == "CUSTOM":
            role = org.custom_roles.get(assignment.role_id or "")
            permissions = role.permissions if role is not None else []
            resource_set = org.resource_sets.get(assignment.resource_set_id or "")
            conditions = {p.label: p.conditions for p in permissions if p.conditions}
            found.append(
                RoleGrant(
                    Grants(p.label for p in permissions if p.label not in _STANDARD_ONLY),
                    resource_set or ResourceSet("", "", "", 0.0),
                    conditions,
                )
            )
        else:
            found.append(RoleGrant(Grants(STANDARD_ROLE_PERMISSIONS.get(assignment.type, ())), None))
    return found


def is_super_admin(org: Org, user_id: str) -> bool:
    return any(a.type == "SUPER_ADMIN" and a.status == "ACTIVE" for a in org.admins.get(user_id, ()))


def allows(
    org: Org,
    roles: list[RoleGrant],
    alternatives: tuple[tuple[str, ...], ...],
    user: SimUser | None,
    group: str | None = None,
) -> bool:
    """Whether some alternative has each permission granted by a role that reaches ``user``."""
    return any(
        all(
            any(
                role.grants.allows(permission)
                and (
                    role.resource_set is None
                    or role.resource_set.covers(org, _RESOURCE_OF.get(permission), user, group)
                )
                for role in roles
            )
            for permission in alternative
        )
        for alternative in alternatives
    )


class Authorizer:
    def __init__(self, org: Org, extra: Mapping[str, Requirement] = MappingProxyType({})) -> None:
        self.org = org
        #: Requirements of routes outside the spec (``_peer``), by operation name.
        self.requirements = {**extra, **REQUIREMENTS}

    async def authorize(self, request: web.Request, principal: Principal, operation: str) -> None:
        """Raise 403 E0000006 unless the token's scopes and its roles allow the call."""
        need = self.requirements.get(operation)
        if need is None:  # no such operation: routing answers 404/405
            return
        org = self.org
        if principal.scopes is None:  # an API token: its admin's roles, no scopes
            admin = principal.user_id
            if admin is None or is_super_admin(org, admin) or _reads_itself(request):
                return
            roles = assignment_grants(org, org.admins.get(admin, ()))
        else:
            scopes = principal.scopes
            if need.scopes and not any(scope in scopes for scope in need.scopes):
                header = self._challenge(request, principal, need)
                raise SimulatedError("E0000006", headers={"WWW-Authenticate": header})
            roles = role_grants(org, principal.client_id or "")
        target = self._target(request, principal)
        group = request.match_info.get("groupId")  # a group's members: the role must reach it
        if not roles or not allows(org, roles, need.permissions, target, group):
            raise SimulatedError("E0000006")
        body = await _json_body(request) if request.method in ("POST", "PUT") else None
        if not isinstance(body, dict):
            return
        credentials = need.credential_permissions
        if credentials and "credentials" in body and not allows(org, roles, credentials, target):
            raise SimulatedError("E0000006")
        group_ids = body.get("groupIds") if operation == "createUser" else None
        if isinstance(group_ids, list) and not all(
            allows(org, roles, _GROUP_MEMBERS, None, str(group_id)) for group_id in group_ids
        ):
            raise SimulatedError("E0000006")  # adding the new user to a group the role cannot manage
        profile = body.get("profile")
        if _PROFILE_WRITE in need.all_permissions and isinstance(profile, dict) and target is not None:
            changed = {key for key, value in profile.items() if target.profile.get(key) != value}
            if changed and not any(
                role.may_change(changed) and allows(org, [role], need.permissions, target) for role in roles
            ):
                raise SimulatedError("E0000006")

    def _target(self, request: web.Request, principal: Principal) -> SimUser | None:
        key = request.match_info.get("id") or request.match_info.get("userId")
        if key == "me" and principal.user_id is not None:
            return self.org.users.by_id(principal.user_id)
        return self.org.users.resolve(key) if key else None

    def _challenge(self, request: web.Request, principal: Principal, need: Requirement) -> str:
        return challenge(
            "DPoP" if principal.scheme == "DPoP" else "Bearer",
            authorization_uri=f"{self.org.base_url}/oauth2/v1/authorize",
            realm="IdpMyAccountAPI",
            scope=" ".join(need.scopes),
            error="insufficient_scope",
            error_description=INSUFFICIENT_SCOPE,
            resource=request.path,
        )


def _reads_itself(request: web.Request) -> bool:
    """``GET /api/v1/users/me``: any admin may read themselves."""
    return request.method == "GET" and request.match_info.get("id") == "me"


async def _json_body(request: web.Request) -> Any:
    """The JSON body, or None (the handler re-reads the cached body and answers E0000003)."""
    try:
        return parse_json_body(await request.read())
    except UnreadableBody:
        return None

"""What an OAuth access token may do: its scopes, then its app's admin-role permissions.

Requirements per operation come from the spec, through the generated table
``oktakit_api.operations.OPERATIONS`` (data only): the OAuth ``scopes`` (the token must hold
one of them; a ``.manage`` scope does *not* stand in for the matching ``.read`` one), then the
``x-okta-permissions`` alternatives (any one inner list, all of its items; ``[[]]`` needs
none), plus ``credential_permissions`` when an update or replace body contains ``credentials``.
An app without any active admin role may call nothing. API tokens (SSWS) skip all of this.

Permission implication rules (the only ones):

- ``*`` grants everything; ``*.read`` grants every permission ending in ``.read``;
- ``<prefix>.manage`` grants every permission under ``<prefix>.``: ``okta.users.manage`` grants
  ``okta.users.read``, ``okta.users.lifecycle.suspend``, ``okta.users.credentials.resetFactors``
  and so on; ``okta.users.lifecycle.manage`` grants the ``okta.users.lifecycle.*`` ones;
- anything else grants only itself.

Custom roles grant their listed permissions; resource sets and conditions are not modelled
(a custom role applies to all users and groups).
"""

from __future__ import annotations

import json
from typing import Final, NamedTuple

from aiohttp import web

from oktakit_api.operations import OPERATIONS

from ._auth import Principal
from ._errors import SimulatedError
from ._oauth_errors import challenge
from ._state import Org

#: Standard admin role -> the permissions it carries in the simulator.
STANDARD_ROLE_PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    "SUPER_ADMIN": frozenset({"*"}),
    "ORG_ADMIN": frozenset({"*"}),
    # Okta labels it "Group Administrator": user management, no role or IAM access.
    "USER_ADMIN": frozenset({"okta.users.manage", "okta.groups.read"}),
    "HELP_DESK_ADMIN": frozenset(
        {
            "okta.users.read",
            "okta.users.lifecycle.unlock",
            "okta.users.credentials.resetFactors",
            "okta.users.credentials.resetPassword",
            "okta.groups.read",
        }
    ),
    "READ_ONLY_ADMIN": frozenset({"*.read"}),
    "GROUP_MEMBERSHIP_ADMIN": frozenset(
        {"okta.users.read", "okta.groups.read", "okta.groups.members.manage"}
    ),
    "APP_ADMIN": frozenset({"okta.apps.manage"}),
    "API_ACCESS_MANAGEMENT_ADMIN": frozenset({"okta.authzServers.manage"}),
    "REPORT_ADMIN": frozenset({"okta.reports.read"}),
}

INSUFFICIENT_SCOPE: Final = "The access token provided does not contain the required scopes."


class Requirement(NamedTuple):
    scopes: tuple[str, ...]
    permissions: tuple[tuple[str, ...], ...]
    credential_permissions: tuple[tuple[str, ...], ...]


def _requirements() -> dict[str, Requirement]:
    table = {}
    for operation, op in OPERATIONS.items():
        table[operation] = Requirement(op.scopes, op.permissions or ((),), op.credential_permissions)
    return table


REQUIREMENTS: Final = _requirements()
#: Every scope a simulated operation needs: what a new service app is granted by default.
SIMULATED_SCOPES: Final = tuple(sorted({scope for need in REQUIREMENTS.values() for scope in need.scopes}))


class Grants:
    """The permissions an app's roles add up to, with the implication rules above."""

    __slots__ = ("everything", "exact", "prefixes", "read_all")

    def __init__(self, permissions: set[str]) -> None:
        self.everything = "*" in permissions
        self.read_all = "*.read" in permissions
        self.exact = frozenset(permissions)
        self.prefixes = tuple(p[: -len("manage")] for p in permissions if p.endswith(".manage"))

    def allows(self, permission: str) -> bool:
        return (
            self.everything
            or permission in self.exact
            or (self.read_all and permission.endswith(".read"))
            or permission.startswith(self.prefixes)
        )

    def allows_any(self, alternatives: tuple[tuple[str, ...], ...]) -> bool:
        return any(all(self.allows(p) for p in alternative) for alternative in alternatives)


def grants_for(org: Org, client_id: str) -> Grants | None:
    """The app's combined grants, or None when it has no active admin role."""
    permissions: set[str] = set()
    active = False
    for assignment in org.clients.get(client_id, ()):
        if assignment.status != "ACTIVE":
            continue
        active = True
        if assignment.type == "CUSTOM":
            role = org.custom_roles.get(assignment.role_id or "")
            if role is not None:
                permissions.update(p.label for p in role.permissions)
        else:
            permissions |= STANDARD_ROLE_PERMISSIONS.get(assignment.type, frozenset())
    return Grants(permissions) if active else None


class Authorizer:
    def __init__(self, org: Org) -> None:
        self.org = org

    async def authorize(self, request: web.Request, principal: Principal, operation: str) -> None:
        """Raise 403 E0000006 unless the token's scopes and the app's roles allow the call."""
        need = REQUIREMENTS.get(operation)
        if need is None:  # no such operation: routing answers 404/405
            return
        scopes = principal.scopes or frozenset()
        if need.scopes and not any(scope in scopes for scope in need.scopes):
            header = self._challenge(request, principal, need)
            raise SimulatedError("E0000006", headers={"WWW-Authenticate": header})
        grants = grants_for(self.org, principal.client_id or "")
        if grants is None or not grants.allows_any(need.permissions):
            raise SimulatedError("E0000006")
        if (
            need.credential_permissions
            and await _sets_credentials(request)
            and not grants.allows_any(need.credential_permissions)
        ):
            raise SimulatedError("E0000006")

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


async def _sets_credentials(request: web.Request) -> bool:
    """Whether the JSON body has a top-level ``credentials`` (the handler re-reads the cached body)."""
    try:
        body = json.loads(await request.read())
    except ValueError:
        return False  # the handler answers E0000003
    return isinstance(body, dict) and "credentials" in body

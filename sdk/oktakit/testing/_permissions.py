"""What an OAuth access token may do: its scopes, then its app's admin roles over their targets.

Requirements per operation come from the spec through oktakit's own permission helpers
(``oktakit._spec_facts``): the OAuth ``scopes`` (the token must hold one of them; a ``.manage``
scope does *not* stand in for the matching ``.read`` one), then the ``x-okta-permissions``
alternatives (any one inner list, all of its items; ``[[]]`` needs none), plus
``credential_permissions`` when an update or replace body contains ``credentials``. An app
without any active admin role may call nothing. API tokens (SSWS) skip all of this.

A permission counts only from a role that grants it (``oktakit._grants``: ``*``, ``*.read`` and
``<prefix>.manage`` imply others) *and* reaches the target: standard roles reach every user and
group; a custom role only what its resource set holds (``_resource_sets``), so a role bound to
the members of one group gets Okta's 403 E0000006 for anyone else. Standard roles carry the
permissions of ``okta_spec/permissions.yaml`` (``STANDARD_ROLE_PERMISSIONS``). Conditions on
custom-role permissions are not modelled.
"""

from __future__ import annotations

import json
from typing import Final, NamedTuple

from aiohttp import web

from oktakit._grants import Grants
from oktakit._spec_facts import catalogue, operation_facts

from ._auth import Principal
from ._errors import SimulatedError
from ._oauth_errors import challenge
from ._resource_sets import ResourceSet
from ._state import Org
from ._users import User

#: Standard admin role -> the permissions it carries (from okta_spec/permissions.yaml).
STANDARD_ROLE_PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    role: frozenset(data["permissions"]) for role, data in catalogue()["standard_roles"].items()
}

INSUFFICIENT_SCOPE: Final = "The access token provided does not contain the required scopes."


class Requirement(NamedTuple):
    scopes: tuple[str, ...]
    permissions: tuple[tuple[str, ...], ...]
    credential_permissions: tuple[tuple[str, ...], ...]


REQUIREMENTS: Final = {
    op: Requirement(f.scopes, f.permissions, f.credential_permissions) for op, f in operation_facts().items()
}
#: Every scope a simulated operation needs: what a new service app is granted by default.
SIMULATED_SCOPES: Final = tuple(sorted({scope for need in REQUIREMENTS.values() for scope in need.scopes}))
_RESOURCE_OF: Final = {key: data.get("resource") for key, data in catalogue()["permissions"].items()}


class RoleGrant(NamedTuple):
    grants: Grants
    resource_set: ResourceSet | None  # None: a standard role, which reaches everything


def role_grants(org: Org, client_id: str) -> list[RoleGrant]:
    """What each of the app's active roles grants, and over which resources."""
    found = []
    for assignment in org.clients.get(client_id, ()):
        if assignment.status != "ACTIVE":
            continue
        if assignment.type == "CUSTOM":
            role = org.custom_roles.get(assignment.role_id or "")
            permissions = {p.label for p in role.permissions} if role is not None else set()
            resource_set = org.resource_sets.get(assignment.resource_set_id or "")
            found.append(RoleGrant(Grants(permissions), resource_set or ResourceSet("", "", "", 0.0)))
        else:
            found.append(RoleGrant(Grants(STANDARD_ROLE_PERMISSIONS.get(assignment.type, ())), None))
    return found


def allows(
    org: Org, roles: list[RoleGrant], alternatives: tuple[tuple[str, ...], ...], user: User | None
) -> bool:
    """Whether some alternative has each permission granted by a role that reaches ``user``."""
    return any(
        all(
            any(
                role.grants.allows(permission)
                and (
                    role.resource_set is None
                    or role.resource_set.covers(org, _RESOURCE_OF.get(permission), user)
                )
                for role in roles
            )
            for permission in alternative
        )
        for alternative in alternatives
    )


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
        roles = role_grants(self.org, principal.client_id or "")
        target = self._target(request)
        if not roles or not allows(self.org, roles, need.permissions, target):
            raise SimulatedError("E0000006")
        if (
            need.credential_permissions
            and await _sets_credentials(request)
            and not allows(self.org, roles, need.credential_permissions, target)
        ):
            raise SimulatedError("E0000006")

    def _target(self, request: web.Request) -> User | None:
        key = request.match_info.get("id") or request.match_info.get("userId")
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


async def _sets_credentials(request: web.Request) -> bool:
    """Whether the JSON body has a top-level ``credentials`` (the handler re-reads the cached body)."""
    try:
        body = json.loads(await request.read())
    except ValueError:
        return False  # the handler answers E0000003
    return isinstance(body, dict) and "credentials" in body

"""``OktaClient.preflight()``: can these credentials run this job? Asked before any user is touched.

What a job needs comes from ``oktakit.permissions``; what the credentials have is read from the
org: the token's scopes, the app's scope grants, its admin roles, the permissions of its custom
roles (standard roles: the table in ``okta_spec/permissions.yaml``) and their resource sets.
Whatever cannot be read is listed in ``unverified`` with the reason, and the report is then
never ``ok``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._grants import Grants
from .errors import ApiError, InsufficientPermissionsError, PermissionDeniedError
from .permissions import PermissionInfo, Requirements, requirements, resource_info, standard_roles

if TYPE_CHECKING:
    from .auth import Authorizer
    from .client import OktaClient

#: Resource kinds a resource set limits (others are not limited by the set).
_SET_LIMITED = ("users", "groups")
_READ_ROLES = "okta.roles.read scope and okta.iam.read permission"


@frozen
class PreflightReport:
    """What a preflight found; ``ok`` only when nothing is missing and everything was checked.

    ``missing_*`` is what to grant; ``excess_*`` what the credentials hold beyond the job
    (least privilege says remove it); ``broader_roles`` the standard roles that cover the job
    but grant much more; ``unverified`` what could not be read, each with why.
    """

    operations: tuple[str, ...]
    credential: str
    missing_scopes: tuple[str, ...]
    missing_permissions: tuple[PermissionInfo, ...]
    missing_resources: tuple[str, ...]
    excess_scopes: tuple[str, ...]
    excess_permissions: tuple[str, ...]
    broader_roles: tuple[str, ...]
    unverified: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (
            self.missing_scopes or self.missing_permissions or self.missing_resources or self.unverified
        )

    def summary(self) -> str:
        verdict = "ok" if self.ok else ("MISSING" if self._missing else "NOT VERIFIED")
        lines = [f"preflight for {', '.join(self.operations)} ({self.credential}): {verdict}"]
        sections = [
            ("missing scopes (grant on the app's Okta API Scopes tab)", self.missing_scopes),
            (
                "missing role permissions (add to the custom admin role)",
                tuple(f"{p.key} ({p.console_label})" for p in self.missing_permissions),
            ),
            ("missing resources (add to the role's resource set)", self.missing_resources),
            ("excess scopes (not needed by this job)", self.excess_scopes),
            ("excess role permissions (not needed by this job)", self.excess_permissions),
            ("standard roles, broader than needed", self.broader_roles),
            ("not verified", self.unverified),
            ("notes", self.notes),
        ]
        for title, items in sections:
            if items:
                lines.append(f"{title}:")
                lines += [f"  - {item}" for item in items]
        return "\n".join(lines)

    @property
    def _missing(self) -> bool:
        return bool(self.missing_scopes or self.missing_permissions or self.missing_resources)

    def raise_for_missing(self) -> None:
        """Raise ``InsufficientPermissionsError`` naming exactly what to grant, if anything is missing."""
        if not self._missing:
            return
        grant = [f"scope {s}" for s in self.missing_scopes]
        grant += [f"permission {p.key} ({p.console_label})" for p in self.missing_permissions]
        grant += [f"resource {r} in the role's resource set" for r in self.missing_resources]
        raise InsufficientPermissionsError(
            f"{self.credential} cannot run {', '.join(self.operations)}: grant " + "; ".join(grant),
            missing_scopes=self.missing_scopes,
            missing_permissions=tuple(p.key for p in self.missing_permissions),
            missing_resources=self.missing_resources,
            report=self,
        )


@frozen
class _Role:
    name: str
    grants: Grants
    reach: dict[str, str] | None  # kind -> "all" | "some"; None: a standard role reaches all
    permissions: frozenset[str]


async def run_preflight(
    client: OktaClient,
    authorizer: Authorizer | None,
    operations: Iterable[str],
    auditor: OktaClient | None,
    credentials: bool,
) -> PreflightReport:
    from ._oauth import ServiceAppAuthorizer

    need = requirements(operations, credentials=credentials)
    names = tuple(op.name for op in need.operations if op.needed_by is None)
    reader = auditor or client
    unverified: list[str] = []
    notes: list[str] = []
    if not isinstance(authorizer, ServiceAppAuthorizer):
        roles, broader = await _admin_roles(client, reader, unverified, notes)
        return _report(
            need,
            names=names,
            credential="API token (SSWS)",
            missing_scopes=(),
            excess_scopes=(),
            roles=roles,
            unverified=unverified,
            notes=notes,
            broader=broader,
            credentials=credentials,
        )
    client_id = authorizer.client_id
    token = await authorizer.access_token()
    needed_scopes = {scope for op in need.operations for scope in op.scopes}
    missing_scopes = sorted(
        {op.scopes[0] for op in need.operations if op.scopes and not set(op.scopes) & token.scopes}
    )
    excess = set(token.scopes) - needed_scopes
    try:
        granted = [g async for g in reader.list_scope_consent_grants(client_id)]
        excess |= {
            _text(g, "scope_id") or "" for g in granted if _text(g, "status") != "REVOKED"
        } - needed_scopes
    except PermissionDeniedError:
        unverified.append(
            "the app's granted scopes: reading them needs the okta.appGrants.read scope and okta.apps.read "
            "permission (pass auditor=); only the token's own scopes were compared"
        )
    roles, broader = await _roles(reader, client_id, unverified)
    return _report(
        need,
        names=names,
        credential=f"service app {client_id}",
        missing_scopes=tuple(missing_scopes),
        excess_scopes=tuple(sorted(excess - {""})),
        roles=roles,
        unverified=unverified,
        notes=notes,
        broader=broader,
        credentials=credentials,
    )


async def _admin_roles(
    client: OktaClient, reader: OktaClient, unverified: list[str], notes: list[str]
) -> tuple[list[_Role] | None, list[str]]:
    """An API token acts with the roles of the admin who created it (``GET /users/me``)."""
    try:
        admin = await client.get_user("me")
    except ApiError as error:
        unverified.append(
            "role permissions: an API token acts with the roles of the admin who created it, and "
            f"that admin could not be read ({error.error_code or error.status}); check the admin in "
            "Security > Administrators, or use a service app"
        )
        return None, []
    admin_id = _text(admin, "id") or "me"
    login = _text(getattr(admin, "profile", None), "login") or admin_id
    notes.append(f"an API token acts with the roles of the admin who created it: {login} ({admin_id})")
    try:
        assignments = [r async for r in reader.list_assigned_roles_for_user(admin_id)]
    except PermissionDeniedError:
        unverified.append(f"the admin's roles: reading them needs the {_READ_ROLES}; pass auditor=")
        return None, []
    kinds = ", ".join(_text(a, "type_", "type") or "?" for a in assignments) or "none"
    notes.append(f"{login}'s roles: {kinds}")
    return await _evaluate(reader, assignments, unverified)


async def _roles(
    reader: OktaClient, client_id: str, unverified: list[str]
) -> tuple[list[_Role] | None, list[str]]:
    try:
        assignments = [r async for r in reader.list_roles_for_client(client_id)]
    except PermissionDeniedError:
        unverified.append(
            f"the app's admin roles: reading them needs the {_READ_ROLES}, which a least-privilege app "
            "does not have; pass auditor= (a read-only client) to check them"
        )
        return None, []
    return await _evaluate(reader, assignments, unverified)


async def _evaluate(
    reader: OktaClient, assignments: list[Any], unverified: list[str]
) -> tuple[list[_Role] | None, list[str]]:
    """What each active role grants: standard roles from the table, custom ones as read."""
    roles: list[_Role] = []
    broader: list[str] = []
    table = standard_roles()
    for assignment in assignments:
        if _text(assignment, "status") not in (None, "ACTIVE"):
            continue
        kind = _text(assignment, "type_", "type") or "?"
        label = _text(assignment, "label") or kind
        if kind != "CUSTOM":
            standard = table.get(kind)
            if standard is None:
                unverified.append(f"standard role {kind}: oktakit has no table of what it grants")
                continue
            roles.append(_Role(kind, standard.grants, None, standard.permissions))
            broader.append(
                f"{kind} ({standard.label}): Okta documents {standard.documented}"
                + (f"; inferred: {standard.inferred}" if standard.inferred else "")
            )
            continue
        role_id, set_id = _text(assignment, "role"), _text(assignment, "resource_set")
        try:
            permissions = frozenset(
                _text(p, "label") or "" for p in await reader.list_role_permissions(role_id or label)
            )
            reach = await _reach(reader, set_id) if set_id else {}
        except PermissionDeniedError:
            unverified.append(
                f"custom role {label!r}: its permissions or resource set need the {_READ_ROLES}"
            )
            continue
        roles.append(_Role(f"custom role {label!r}", Grants(permissions), reach, permissions))
    return roles, broader


async def _reach(reader: OktaClient, resource_set_id: str) -> dict[str, str]:
    """Which kinds of resources a resource set reaches: all of them, or some (one group's members)."""
    reach: dict[str, str] = {}
    for resource in await reader.list_resource_set_resources(resource_set_id):
        orn = _text(resource, "orn") or ""
        parts = orn.split(":")[4:]  # orn:okta:<service>:<org id>:<kind>[:<id>[:...]]
        if parts[:1] == ["groups"] and len(parts) > 1:
            # One group: its members only with ":contained_resources" (Okta's resource-set note:
            # a bare group gives user permissions nothing).
            if parts[2:3] == ["contained_resources"]:
                reach.setdefault("users", "some")
            reach.setdefault("groups", "some")
        elif parts:
            reach[parts[0]] = "all"
    return reach


def _report(
    need: Requirements,
    *,
    names: tuple[str, ...],
    credential: str,
    missing_scopes: tuple[str, ...],
    excess_scopes: tuple[str, ...],
    roles: list[_Role] | None,
    unverified: list[str],
    notes: list[str],
    broader: list[str],
    credentials: bool,
) -> PreflightReport:
    missing: dict[str, PermissionInfo] = {}
    missing_resources: set[str] = set()
    excess: list[str] = []
    if roles is not None:
        if not roles:
            notes.append("the app has no active admin role: Okta refuses every call")
        chosen = {p.key for p in need.custom_role}
        for op in need.operations:
            groups = [op.permissions] + (
                [op.credential_permissions] if credentials and op.credential_permissions else []
            )
            for alternatives in groups:
                if any(all(_reach_of(roles, p, notes) == "ok" for p in alt) for alt in alternatives):
                    continue
                alt = next((a for a in alternatives if {p.key for p in a} <= chosen), alternatives[0])
                for p in alt:
                    outcome = _reach_of(roles, p, notes)
                    if outcome == "no permission":
                        missing[p.key] = p
                    elif outcome == "no resource" and p.resource:
                        missing_resources.add(resource_info(p.resource).console)
            if not roles:
                break
        wanted = {
            p.key for op in need.operations for alt in op.permissions + op.credential_permissions for p in alt
        }
        for role in roles:
            if role.reach is not None:
                excess += sorted(f"{key} ({role.name})" for key in role.permissions - wanted)
    return PreflightReport(
        operations=names,
        credential=credential,
        missing_scopes=missing_scopes,
        missing_permissions=tuple(missing[k] for k in sorted(missing)),
        missing_resources=tuple(sorted(missing_resources)),
        excess_scopes=excess_scopes,
        excess_permissions=tuple(excess),
        broader_roles=tuple(broader),
        unverified=tuple(unverified),
        notes=tuple(dict.fromkeys(notes)),
    )


def _reach_of(roles: list[_Role], permission: PermissionInfo, notes: list[str]) -> str:
    """ "ok", "no resource" (granted, but no resource set holds the target) or "no permission"."""
    granting = [role for role in roles if role.grants.allows(permission.key)]
    if not granting:
        return "no permission"
    kind = permission.resource
    for role in granting:
        if role.reach is None or kind not in _SET_LIMITED:
            return "ok"
        if role.reach.get(kind) == "all":
            return "ok"
        if role.reach.get(kind) == "some" and kind:
            notes.append(f"{role.name} reaches only some {kind} (the members of chosen groups)")
            return "ok"
    return "no resource"


def _text(obj: Any, *names: str) -> str | None:
    """A string field of a generated model, whatever the generator calls it; None when absent."""
    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, str):
            return value
    return None

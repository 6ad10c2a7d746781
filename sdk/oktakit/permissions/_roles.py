"""What the preflight reads about a credential's admin roles: each active role's permissions
(standard roles from ``okta_spec/permissions.yaml``, custom ones as Okta lists them, with their
conditions) and, for a custom role, its resource set, every page of it, by name.

Whatever cannot be read goes to ``unverified`` with the reason; the caller's report is then
never ``ok``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from oktakit.errors import ApiError, NotFoundError, PermissionDeniedError

from ._grants import Grants
from ._requirements import standard_roles

if TYPE_CHECKING:
    from oktakit.client import OktaClient
    from oktakit_api.models import Permission, ResourceSetResource

READ_ROLES: Final = "okta.roles.read scope and okta.iam.read permission"
#: The key of Okta's permission conditions on profile attributes (upstream spec examples
#: ``CreateUpdateIamRolePermissionRequestExampleWithInclude``/``...WithExclude``).
PROFILE_ATTRIBUTES: Final = "okta:ResourceAttribute/User/Profile"


@frozen
class Conditions:
    """A permission's conditions: the profile attributes it is limited to (``include``: only
    these; ``exclude``: all but these; None: no such condition) and any other condition keys."""

    include: tuple[str, ...] | None
    exclude: tuple[str, ...] | None
    unknown: tuple[str, ...]

    def describe(self) -> str:
        if self.include is not None and not self.include:
            return "no attribute (its conditions include none)"
        parts = []
        if self.include is not None:
            parts.append("only " + ", ".join(self.include))
        if self.exclude:
            parts.append("not " + ", ".join(self.exclude))
        if self.unknown:
            parts.append("conditions oktakit cannot read (" + ", ".join(self.unknown) + ")")
        return "; ".join(parts)


@frozen
class ResourceSetView:
    """A resource set as read: per kind of resource, "all" or "some" (with why)."""

    id: str
    label: str
    reach: Mapping[str, str]
    #: kind -> what limits it (e.g. "the members of group 00g1"), for kinds reached only in part.
    limits: Mapping[str, tuple[str, ...]]

    @property
    def name(self) -> str:
        return (
            f"resource set {self.label!r} ({self.id})" if self.label != self.id else f"resource set {self.id}"
        )


@frozen
class RoleView:
    """One active admin role of the credential, as the preflight read it."""

    name: str
    type: str  # CUSTOM, or the standard role's type
    grants: Grants
    permissions: frozenset[str]
    resource_set: ResourceSetView | None  # None: a standard role, which reaches everything
    conditions: Mapping[str, Conditions] = field(factory=dict)
    label: str = ""
    role_id: str = ""

    @property
    def custom(self) -> bool:
        return self.type == "CUSTOM"

    def conditions_for(self, permission: str) -> Conditions | None:
        """The conditions of the permission of this role that grants ``permission``."""
        if permission in self.permissions:
            return self.conditions.get(permission)
        granting = [key for key in sorted(self.permissions) if Grants([key]).allows(permission)]
        return next((self.conditions[key] for key in granting if key in self.conditions), None)


async def client_roles(
    reader: OktaClient, client_id: str, unverified: list[str], notes: list[str]
) -> list[RoleView] | None:
    """A service app's active roles; None when they cannot be read."""
    listing = reader.list_roles_for_client(client_id)
    assignments = await _assignments(
        listing, "the app's admin roles (a least-privilege app cannot)", unverified
    )
    return None if assignments is None else await _evaluate(reader, assignments, unverified, notes)


async def admin_roles(
    client: OktaClient, reader: OktaClient, unverified: list[str], notes: list[str]
) -> tuple[list[RoleView] | None, str]:
    """An API token acts with the roles of the admin who created it (``GET /users/me``);
    returns them (None when unread) and how to name the admin."""
    try:
        admin = await client.get_user("me")
    except ApiError as error:
        unverified.append(
            "role permissions: an API token acts with the roles of the admin who created it, and "
            f"that admin could not be read ({error.error_code or error.status}); check the admin in "
            "Security > Administrators, or use a service app"
        )
        return None, "the token's admin"
    admin_id = text(admin, "id") or "me"
    login = text(getattr(admin, "profile", None), "login") or admin_id
    who = f"admin {login} ({admin_id})"
    notes.append(f"an API token acts with the roles of the admin who created it: {login} ({admin_id})")
    listing = reader.list_assigned_roles_for_user(admin_id)
    assignments = await _assignments(
        listing, "the admin's roles (only a super admin may list them)", unverified
    )
    if assignments is None:
        return None, who
    kinds = ", ".join(text(a, "type") or "?" for a in assignments) or "none"
    notes.append(f"{login}'s roles: {kinds}")
    return await _evaluate(reader, assignments, unverified, notes), who


async def _assignments(listing: AsyncIterator[Any], what: str, unverified: list[str]) -> list[Any] | None:
    try:
        return [assignment async for assignment in listing]
    except PermissionDeniedError:
        unverified.append(
            f"{what}: reading them needs the {READ_ROLES}; pass auditor= (a read-only client; "
            "OKTA_AUDITOR_* for `oktakit check`)"
        )
        return None


async def _evaluate(
    reader: OktaClient, assignments: list[Any], unverified: list[str], notes: list[str]
) -> list[RoleView]:
    """What each active role grants: standard roles from the table, custom ones as read."""
    roles: list[RoleView] = []
    table = standard_roles()
    for assignment in assignments:
        kind = text(assignment, "type") or "?"
        label = text(assignment, "label") or kind
        status = text(assignment, "status")
        if status not in (None, "ACTIVE"):
            notes.append(f"role {label!r} is {status}: it grants nothing until it is active again")
            continue
        if kind != "CUSTOM":
            standard = table.get(kind)
            if standard is None:
                unverified.append(f"standard role {kind}: oktakit has no table of what it grants")
                continue
            roles.append(
                RoleView(f"{kind} ({standard.label})", kind, standard.grants, standard.permissions, None)
            )
            continue
        role_id, set_id = text(assignment, "role") or "", text(assignment, "resource_set") or ""
        name = f"custom role {label!r}" + (f" ({role_id})" if role_id else "")
        try:
            permissions = await reader.list_role_permissions(role_id or label)
            resource_set = await _resource_set(reader, set_id) if set_id else ResourceSetView("", "", {}, {})
        except PermissionDeniedError:
            unverified.append(f"{name}: its permissions or resource set need the {READ_ROLES}")
            continue
        keys = frozenset(text(p, "label") or "" for p in permissions) - {""}
        conditions = {
            text(p, "label") or "": found for p in permissions if (found := _conditions(p)) is not None
        }
        roles.append(RoleView(name, kind, Grants(keys), keys, resource_set, conditions, label, role_id))
    return roles


async def _resource_set(reader: OktaClient, resource_set_id: str) -> ResourceSetView:
    """Which kinds of resources a resource set reaches, all of them or some, reading every page."""
    try:
        label = text(await reader.get_resource_set(resource_set_id), "label") or resource_set_id
    except NotFoundError:
        return ResourceSetView(resource_set_id, resource_set_id, {}, {})
    reach: dict[str, str] = {}
    limits: dict[str, list[str]] = {}

    def some(kind: str, why: str) -> None:
        if reach.get(kind) != "all":
            reach[kind] = "some"
        limits.setdefault(kind, []).append(why)

    async for resource in reader.list_resource_set_resources(resource_set_id):
        parts = (text(resource, "orn") or "").split(":")[
            4:
        ]  # orn:okta:<service>:<org id>:<kind>[:<id>[:...]]
        excluded = _excluded(resource)
        if parts[:1] == ["groups"] and len(parts) > 1:
            # One group: its members only with ":contained_resources" (Okta's resource-set note:
            # a bare group gives user permissions nothing).
            if parts[2:3] == ["contained_resources"]:
                some("users", f"the members of group {parts[1]}")
            some("groups", f"group {parts[1]}")
        elif parts[:1] == ["users"] and len(parts) > 1:
            some("users", f"user {parts[1]}")
        elif parts and excluded:
            some(parts[0], f"all {parts[0]} except {excluded} named in the resource's conditions")
        elif parts:
            reach[parts[0]] = "all"  # what limited this kind before no longer counts (filtered below)
    return ResourceSetView(
        resource_set_id,
        label,
        reach,
        {kind: tuple(why) for kind, why in limits.items() if reach[kind] == "some"},
    )


def _excluded(resource: ResourceSetResource) -> int:
    """How many resources a resource's ``conditions`` exclude (Okta: ``Exclude.okta:ORN``; any
    other condition counts as one exclusion, so the set is judged to reach only some)."""
    conditions = resource.additional_properties.get("conditions")
    exclude = conditions.get("Exclude") if isinstance(conditions, dict) else None
    orns = exclude.get("okta:ORN") if isinstance(exclude, dict) else None
    return len(orns) if isinstance(orns, list) else (1 if conditions else 0)


def _conditions(permission: Permission) -> Conditions | None:
    conditions = permission.conditions
    if conditions is None:
        return None
    found: dict[str, tuple[str, ...] | None] = {"include": None, "exclude": None}
    unknown: list[str] = []
    for side, attributes in (("include", conditions.include), ("exclude", conditions.exclude)):
        for key, values in (attributes or {}).items():
            if key == PROFILE_ATTRIBUTES and isinstance(values, list):
                found[side] = tuple(str(v) for v in values)
            else:
                unknown.append(f"{side} {key}")
    unknown += [str(key) for key in conditions.additional_properties]
    if found["include"] is None and found["exclude"] is None and not unknown:
        return None
    return Conditions(found["include"], found["exclude"], tuple(unknown))


def text(obj: Any, *names: str) -> str | None:
    """A string field of a generated model, whatever the generator calls it; None when absent."""
    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, str):
            return value
    return None

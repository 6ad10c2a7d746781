"""The simulated org: users, groups, authenticators, roles, and the indexes to find them."""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._account_state import SimClientApp
from ._resource_sets import ALL_GROUPS, ALL_USERS, ResourceSet
from ._users import SimUser, UserDirectory
from ._util import Clock, okta_id, successor

USER_STATUSES = (
    "ACTIVE",
    "DEPROVISIONED",
    "LOCKED_OUT",
    "PASSWORD_EXPIRED",
    "PROVISIONED",
    "RECOVERY",
    "STAGED",
    "SUSPENDED",
)

# Okta's base user profile attributes (UserProfile in the management spec).
STANDARD_ATTRIBUTES = frozenset(
    {
        "login", "email", "secondEmail", "firstName", "lastName", "middleName",
        "honorificPrefix", "honorificSuffix", "title", "displayName", "nickName", "profileUrl",
        "primaryPhone", "mobilePhone", "streetAddress", "city", "state", "zipCode",
        "countryCode", "postalAddress", "preferredLanguage", "locale", "timezone", "userType",
        "employeeNumber", "costCenter", "organization", "division", "department", "manager",
        "managerId",
    }
)  # fmt: skip
DEFAULT_CUSTOM_ATTRIBUTES = ("legalName", "dateOfBirth", "employeeNumber", "department")


@dataclass(eq=False, slots=True)
class SimGroup:
    id: str
    name: str
    description: str | None
    created: float
    last_updated: float
    last_membership_updated: float
    type: Literal["OKTA_GROUP", "BUILT_IN", "APP_GROUP"] = "OKTA_GROUP"
    member_ids: set[str] = field(default_factory=set)


@dataclass(eq=False, slots=True)
class SimAuthenticator:
    id: str
    key: str
    name: str
    type: str
    status: str
    created: float
    last_updated: float
    #: Type-specific fields rendered as-is (``settings``, ``provider``...).
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class SimPermission:
    label: str
    created: float
    last_updated: float
    conditions: dict[str, Any] | None = None


@dataclass(eq=False, slots=True)
class CustomRole:
    id: str
    label: str
    description: str
    created: float
    last_updated: float
    permissions: list[SimPermission] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class SimRoleAssignment:
    """An admin role assigned to a service app (``assignmentType: CLIENT``)."""

    id: str
    type: str
    label: str
    created: float
    last_updated: float
    status: str = "ACTIVE"
    role_id: str | None = None  # custom roles only
    resource_set_id: str | None = None  # custom roles only


@dataclass(slots=True)
class OrgOptions:
    #: Body of the lifecycle 200s that have no payload: ``{}`` (what Okta sends today) or empty.
    lifecycle_body: Literal["object", "empty"] = "object"
    #: Seconds (on the simulator clock) an activation or async deactivation stays in flight;
    #: 0 completes every transition synchronously and never emits ``transitioningToStatus``.
    transition_delay: float = 0.0
    #: Okta rejects profile updates of DEPROVISIONED users unless this org option is on.
    allow_deprovisioned_updates: bool = False
    #: Whether a PASSWORD_EXPIRED user may be suspended: Okta's recorded answers offer the
    #: `suspend` link in that status, its spec says "only ACTIVE" (``_credentials.STATUS_RULES``).
    suspend_password_expired: bool = True


class Org:
    """All state of one simulated Okta org. Mutate it through these helpers."""

    def __init__(self, *, seed: int = 0, clock: Clock = time.time) -> None:
        self.clock = clock
        self.rng = random.Random(f"oktakit-sim-runtime-{seed}")  # noqa: S311 - reproducible on purpose
        self.base_url = "http://127.0.0.1"
        self.options = OrgOptions()
        self.users = UserDirectory()
        self.groups: dict[str, SimGroup] = {}
        self.authenticators: dict[str, SimAuthenticator] = {}
        self.custom_roles: dict[str, CustomRole] = {}
        self.resource_sets: dict[str, ResourceSet] = {}
        self.org_id = okta_id(self.rng, "00o")
        #: Service-app client_id -> its role assignments.
        self.clients: dict[str, list[SimRoleAssignment]] = {}
        #: Admin user id -> their role assignments.
        self.admins: dict[str, list[SimRoleAssignment]] = {}
        self.custom_attributes: frozenset[str] = frozenset(DEFAULT_CUSTOM_ATTRIBUTES)
        self.user_type_id = okta_id(self.rng, "oty")
        self.schema_id = okta_id(self.rng, "osc")
        self.everyone_group_id: str | None = None
        #: The seeded service app (client_id) that has a standard and a custom role.
        self.default_client_id: str | None = None
        #: The org's super admin (a user id): the admin of the simulator's default API token.
        self.super_admin_id: str | None = None
        #: Ids of users with a transition in flight (see OrgOptions.transition_delay).
        self.pending: set[str] = set()
        #: OAuth 2.0 client apps users sign in to (they hold the users' grants and tokens).
        self.client_apps: dict[str, SimClientApp] = {}
        #: Group id -> the admin roles assigned to the group (served for okta-sdk-python's tests).
        self.group_roles: dict[str, list[SimRoleAssignment]] = {}
        #: (user or group id, role assignment id) -> the groups the role is limited to.
        self.role_targets: dict[tuple[str, str], list[str]] = {}

    # --- identity -----------------------------------------------------------------------
    def new_id(self, prefix: str) -> str:
        return okta_id(self.rng, prefix)

    def set_base_url(self, url: str) -> None:
        self.base_url = url.rstrip("/")
        for user in self.users.values():
            user.invalidate()

    @property
    def known_attributes(self) -> frozenset[str]:
        return STANDARD_ATTRIBUTES | self.custom_attributes

    # --- users ----------------------------------------------------------------------------
    def add_user(
        self,
        *,
        login: str,
        first_name: str | None = None,
        last_name: str | None = None,
        status: str = "ACTIVE",
        email: str | None = None,
        password: bool | None = None,
        factors: list[str] | None = None,
        profile: Mapping[str, Any] | None = None,
        user_id: str | None = None,
        created: float | None = None,
    ) -> SimUser:
        """Add a user directly (no validation, no request); returns it."""
        if status not in USER_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if self.users.by_login(login) is not None:
            raise ValueError(f"login {login!r} already exists")
        now = self.clock() if created is None else created
        data: dict[str, Any] = {
            "firstName": first_name,
            "lastName": last_name,
            "mobilePhone": None,
            "secondEmail": None,
            "login": login,
            "email": email or login,
        }
        data.update(profile or {})
        has_password = status not in ("STAGED", "PROVISIONED") if password is None else password
        user = SimUser(
            id=user_id or self._unique_user_id(),
            status=status,
            created=now,
            last_updated=now,
            profile=data,
            type_id=self.user_type_id,
            activated=None if status == "STAGED" else now,
            status_changed=None if status == "STAGED" else now,
            password_changed=now if has_password else None,
            has_password=has_password,
            factors=list(factors or []),
        )
        self.users.add(user)
        if self.everyone_group_id is not None:
            self.add_member(self.everyone_group_id, user, now)
        return user

    def _unique_user_id(self) -> str:
        """An id after every user's: Okta's ids grow with creation time (``_directory.STATUS_RULES``),
        so a new user is listed last."""
        last = self.users.last_id()
        if last is None:
            return self.new_id("00u")
        return "00u" + successor(last[3:9]) + okta_id(self.rng, "")[:11]

    def settle(self, now: float) -> None:
        """Finish the asynchronous transitions whose time has come."""
        for user_id in list(self.pending):
            user = self.users.by_id(user_id)
            if user is None or user.transition_due is None or user.transition_due > now:
                continue
            target = user.transitioning_to or user.status
            user.transitioning_to = user.transition_due = None
            user.set_status(target, now)
            self.pending.discard(user_id)

    # --- groups ---------------------------------------------------------------------------
    def add_group(
        self,
        name: str,
        description: str | None = None,
        *,
        group_type: Literal["OKTA_GROUP", "BUILT_IN", "APP_GROUP"] = "OKTA_GROUP",
        created: float | None = None,
    ) -> SimGroup:
        now = self.clock() if created is None else created
        group = SimGroup(self.new_id("00g"), name, description, now, now, now, group_type)
        self.groups[group.id] = group
        return group

    def add_member(self, group_id: str, user: SimUser, when: float | None = None) -> None:
        group = self.groups[group_id]
        if user.id in group.member_ids:
            return
        group.member_ids.add(user.id)
        group.last_membership_updated = self.clock() if when is None else when
        user.group_ids.append(group_id)

    def remove_member(self, group_id: str, user: SimUser, when: float | None = None) -> None:
        group = self.groups[group_id]
        if user.id not in group.member_ids:
            return
        group.member_ids.discard(user.id)
        group.last_membership_updated = self.clock() if when is None else when
        user.group_ids.remove(group_id)

    def remove_user(self, user: SimUser) -> None:
        """Delete a user for good: from the directory, its groups and the admins."""
        for group_id in list(user.group_ids):
            if group_id in self.groups:
                self.remove_member(group_id, user)
        self.admins.pop(user.id, None)
        self.users.remove(user)

    def remove_group(self, group: SimGroup) -> None:
        for user_id in list(group.member_ids):
            user = self.users.by_id(user_id)
            if user is not None:
                self.remove_member(group.id, user)
        del self.groups[group.id]

    # --- authenticators -------------------------------------------------------------------
    def authenticator_by_key(self, key: str) -> SimAuthenticator | None:
        for authenticator in self.authenticators.values():
            if authenticator.key == key:
                return authenticator
        return None

    # --- roles ----------------------------------------------------------------------------
    def add_client(self, client_id: str | None = None) -> str:
        """Register a service app (by client_id) that roles can be assigned to."""
        cid = client_id or self.new_id("0oa")
        self.clients.setdefault(cid, [])
        return cid

    def add_custom_role(
        self,
        label: str,
        permissions: list[str],
        description: str = "",
        *,
        when: float | None = None,
        conditions: Mapping[str, dict[str, Any]] | None = None,
    ) -> CustomRole:
        """A custom role; ``conditions``: permission -> Okta's ``{"include"|"exclude": {...}}``."""
        now = self.clock() if when is None else when
        role = CustomRole(self.new_id("cr0"), label, description or label, now, now)
        conditions = conditions or {}
        role.permissions = [SimPermission(p, now, now, conditions.get(p)) for p in permissions]
        self.custom_roles[role.id] = role
        return role

    def custom_role(self, id_or_label: str) -> CustomRole | None:
        role = self.custom_roles.get(id_or_label)
        if role is not None:
            return role
        for candidate in self.custom_roles.values():
            if candidate.label == id_or_label:
                return candidate
        return None

    def assign_standard_role(
        self,
        client_id: str,
        role_type: str,
        label: str | None = None,
        *,
        when: float | None = None,
        to_user: bool = False,
    ) -> SimRoleAssignment:
        """Assign a standard role to a service app (by client_id) or, ``to_user``, to a user."""
        now = self.clock() if when is None else when
        label = label or STANDARD_ROLE_LABELS.get(role_type, role_type)
        assignment = SimRoleAssignment(self.new_id("ra1"), role_type, label, now, now)
        (self.admins if to_user else self.clients).setdefault(client_id, []).append(assignment)
        return assignment

    def add_resource_set(
        self, label: str, resources: list[str], description: str = "", *, when: float | None = None
    ) -> ResourceSet:
        """A resource set of REST paths (``/api/v1/users``, ``/api/v1/groups/{id}/users``, ...)."""
        now = self.clock() if when is None else when
        resource_set = ResourceSet(self.new_id("iam"), label, description or label, now)
        resource_set.resources = {path: self.new_id("ire") for path in resources}
        self.resource_sets[resource_set.id] = resource_set
        return resource_set

    def assign_custom_role(
        self,
        client_id: str,
        role: CustomRole,
        resource_set_id: str | None = None,
        *,
        when: float | None = None,
        to_user: bool = False,
    ) -> SimRoleAssignment:
        """Bind a custom role to a client (``to_user``: a user) over a resource set (default: all
        users and groups)."""
        now = self.clock() if when is None else when
        if resource_set_id is None:
            resource_set_id = self.add_resource_set(
                f"{role.label} resources", [ALL_USERS, ALL_GROUPS], when=now
            ).id
        assignment = SimRoleAssignment(
            self.new_id("irb"),
            "CUSTOM",
            role.label,
            now,
            now,
            role_id=role.id,
            resource_set_id=resource_set_id,
        )
        (self.admins if to_user else self.clients).setdefault(client_id, []).append(assignment)
        return assignment


STANDARD_ROLE_LABELS = {
    "SUPER_ADMIN": "Super Administrator",
    "ORG_ADMIN": "Organizational Administrator",
    "APP_ADMIN": "Application Administrator",
    "USER_ADMIN": "Group Administrator",
    "HELP_DESK_ADMIN": "Help Desk Administrator",
    "READ_ONLY_ADMIN": "Read Only Administrator",
    "REPORT_ADMIN": "Report Administrator",
    "GROUP_MEMBERSHIP_ADMIN": "Group Membership Administrator",
    "API_ACCESS_MANAGEMENT_ADMIN": "API Access Management Administrator",
}

"""What to grant a service app for a job: OAuth scopes, admin-role permissions, resource set.

Everything here is derived from ``okta_spec/`` (the operations' ``security`` and
``x-okta-permissions``, and the Console labels, resources and standard roles kept beside it in
``okta_spec/permissions.yaml``); there is no second table.

>>> from oktakit.permissions import requirements
>>> need = requirements(["suspend_user", "create_tac_authenticator_enrollment"])
>>> need.scopes                     # ('okta.authenticators.read', 'okta.users.manage')
>>> [p.key for p in need.custom_role]
>>> print(need.summary())           # the admin's steps, in order, with the Console's labels
>>> requirements(["suspend_user"], bulk=True).scopes  # okta.bulk also reads users back

``oktakit permissions OPERATION...`` prints the same (``--bulk``, ``--json``, ``--format
terraform``), and ``await okta.preflight([...])`` checks a live credential against it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from attrs import frozen

from oktakit import _registry as registry
from oktakit._registry import catalogue
from oktakit.errors import InvalidArgumentError
from oktakit_api.operations import Operation

from ._grants import Grants

#: Version of the ``--json`` layout; bumped only on incompatible changes.
JSON_FORMAT = 1


@frozen
class PermissionInfo:
    """One admin-role permission: its API key and where the Admin Console shows it.

    ``custom_role`` is False for what no custom admin role can hold (reading the System Log):
    only a standard role that carries it grants it.
    """

    key: str
    console: tuple[str, ...]
    resource: str | None
    custom_role: bool = True

    @property
    def console_label(self) -> str:
        return " > ".join(self.console) or "(no Console label known)"

    def to_json(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"key": self.key, "console": self.console_label, "resource": self.resource}
        if not self.custom_role:
            shown["custom_role"] = False
        return shown


@frozen
class ResourceInfo:
    """A kind of resource a custom role's resource set must contain."""

    kind: str
    console: str
    rest: str  # path under the org URL, e.g. /api/v1/users
    orn: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "console": self.console, "rest": self.rest, "orn": self.orn}


@frozen
class OperationNeeds:
    """The requirements of one operation (``needed_by``: the operation that pulled it in;
    ``reason``: why, for operations the job did not name)."""

    operation_id: str
    name: str
    method: str
    path: str
    scopes: tuple[str, ...]
    permissions: tuple[tuple[PermissionInfo, ...], ...]
    credential_permissions: tuple[tuple[PermissionInfo, ...], ...]
    needed_by: str | None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "operation_id": self.operation_id,
            "method_name": self.name,
            "http": f"{self.method} {self.path}",
            "scopes": list(self.scopes),
            "permissions": [[p.to_json() for p in alt] for alt in self.permissions],
            "credential_permissions": [[p.to_json() for p in alt] for alt in self.credential_permissions],
            "needed_by": self.needed_by,
            "reason": self.reason,
        }


@frozen
class Requirements:
    """The minimal setup for a set of operations.

    ``scopes``: the OAuth scopes to grant; ``custom_role``: the fewest permissions that satisfy
    every operation (one alternative each) that a custom role can hold; ``standard_only``: those
    of them that no custom role can hold, for which ``standard_role`` is the narrowest standard
    role to assign as well; ``resources``: what the custom role's resource set must hold;
    ``operations``: each operation's own requirements, including those a job needs in practice
    (``needed_by`` and ``reason`` say why); ``bulk``: whether what ``okta.bulk`` itself calls
    (reading users back) is included.
    """

    operations: tuple[OperationNeeds, ...]
    scopes: tuple[str, ...]
    custom_role: tuple[PermissionInfo, ...]
    resources: tuple[ResourceInfo, ...]
    credentials: bool
    bulk: bool = False
    standard_only: tuple[PermissionInfo, ...] = ()

    @property
    def jobs(self) -> tuple[str, ...]:
        """The operations asked for (method names), without those pulled in."""
        return tuple(op.name for op in self.operations if op.needed_by is None)

    @property
    def permissions(self) -> tuple[PermissionInfo, ...]:
        """Every permission the job needs: the custom role's, then the standard-only ones."""
        return self.custom_role + self.standard_only

    @property
    def standard_role(self) -> StandardRole | None:
        """The narrowest standard role that carries every ``standard_only`` permission."""
        if not self.standard_only:
            return None
        keys = [p.key for p in self.standard_only]
        found = [role for role in standard_roles().values() if role.grants.allows_all(keys)]
        return min(found, key=_breadth) if found else None

    def to_json(self) -> dict[str, Any]:
        """A stable, JSON-ready description (the output of ``oktakit permissions --json``)."""
        return {
            "format": JSON_FORMAT,
            "operations": [op.to_json() for op in self.operations],
            "scopes": list(self.scopes),
            "custom_role": {"permissions": [p.to_json() for p in self.custom_role]},
            "standard_role": {
                "permissions": [p.to_json() for p in self.standard_only],
                "role": None if self.standard_role is None else self.standard_role.type,
            },
            "resource_set": {"resources": [r.to_json() for r in self.resources]},
            "credentials": self.credentials,
            "bulk": self.bulk,
        }

    def summary(self) -> str:
        """The admin's steps, in order: scopes, custom role, resource set, assignment, API token."""
        from ._setup_steps import setup_steps

        return setup_steps(self)


@frozen
class StandardRole:
    """What a standard admin role carries, as far as oktakit's operations go.

    ``documented``: what Okta's "Standard administrator roles and permissions" page states;
    ``inferred``: what oktakit adds. A standard role is always broader than a job needs.
    """

    type: str
    label: str
    permissions: frozenset[str]
    documented: str
    inferred: str

    @property
    def grants(self) -> Grants:
        return Grants(self.permissions)


def standard_roles() -> dict[str, StandardRole]:
    return {
        role_type: StandardRole(
            role_type, data["label"], frozenset(data["permissions"]), data["documented"], data["inferred"]
        )
        for role_type, data in catalogue()["standard_roles"].items()
    }


def permission_info(key: str) -> PermissionInfo:
    data = catalogue()["permissions"].get(key, {})
    return PermissionInfo(
        key, tuple(data.get("console", ())), data.get("resource"), data.get("custom_role", True)
    )


def resource_info(kind: str) -> ResourceInfo:
    data = catalogue()["resources"][kind]
    return ResourceInfo(kind, data["console"], data["rest"], data["orn"])


#: A job that names a playbook: ``contain`` is every operation of ``okta.contain``'s steps.
PLAYBOOKS = ("contain",)


def resolve_operations(operations: Iterable[str]) -> list[Operation[Any]]:
    """Operations by client method name or operationId (``contain``: the containment
    playbook's); InvalidArgumentError for unknown ones."""
    from oktakit.bulk._playbook import playbook_operations

    facts = registry.operations()
    by_name = {f.name: f for f in facts.values()}
    given = [operations] if isinstance(operations, str) else list(operations)
    names = [name for n in given for name in (playbook_operations() if n in PLAYBOOKS else [n])]
    unknown = [n for n in names if n not in facts and n not in by_name]
    if unknown:
        known = ", ".join([*sorted(by_name), *PLAYBOOKS])
        raise InvalidArgumentError(f"unknown operation(s) {', '.join(map(repr, unknown))}; known: {known}")
    if not names:
        raise InvalidArgumentError("name at least one operation")
    return [facts.get(n) or by_name[n] for n in names]


def requirements(operations: Iterable[str], *, credentials: bool = False, bulk: bool = False) -> Requirements:
    """The minimal scopes, role permissions and resource set for ``operations``.

    ``credentials=True``: the job also changes passwords or recovery questions through
    ``update_user``/``replace_user``, which needs the operations' credential permissions.
    ``bulk=True``: the job runs through ``okta.bulk`` (or ``oktakit bulk``), which also calls
    what its steps read (``get_user``: a login to its id, a status before a suspend or unsuspend,
    and back to settle refusals and interrupted calls); this is the
    set ``okta.bulk``'s preflight checks.
    """
    facts = registry.operations()
    by_name = {f.name: op_id for op_id, f in facts.items()}
    chosen: dict[str, tuple[str | None, str | None]] = {}
    pending: list[tuple[str, str | None, str | None]] = [
        (f.operation_id, None, None) for f in resolve_operations(operations)
    ]
    while pending:  # the operations asked for, then what they need in practice
        operation_id, needed_by, reason = pending.pop(0)
        if operation_id in chosen:
            continue
        chosen[operation_id] = (needed_by, reason)
        name = facts[operation_id].name
        pending += [
            (need, operation_id, f"{name} needs it in practice") for need in facts[operation_id].needs
        ]
        if bulk and needed_by is None:
            pending += [(by_name[read], operation_id, why) for read, why in _bulk_reads(name)]
    needs = tuple(_needs(facts[op], needed_by, reason) for op, (needed_by, reason) in chosen.items())
    groups = [op.permissions for op in needs]
    if credentials:
        groups += [op.credential_permissions for op in needs if op.credential_permissions]
    role = _fewest(groups)
    custom = tuple(p for p in role if p.custom_role)
    resources = tuple(resource_info(kind) for kind in sorted({p.resource for p in custom if p.resource}))
    scopes = tuple(sorted({op.scopes[0] for op in needs if op.scopes}))
    standard_only = tuple(p for p in role if not p.custom_role)
    return Requirements(needs, scopes, custom, resources, credentials, bulk, standard_only)


def _bulk_reads(operation: str) -> tuple[tuple[str, str], ...]:
    """What the bulk executor's step for ``operation`` calls besides it (the steps say it)."""
    from oktakit.bulk._steps import executor_reads

    return executor_reads(operation)


def _needs(facts: Operation[Any], needed_by: str | None, reason: str | None = None) -> OperationNeeds:
    def infos(alternatives: tuple[tuple[str, ...], ...]) -> tuple[tuple[PermissionInfo, ...], ...]:
        return tuple(tuple(permission_info(p) for p in alt) for alt in alternatives)

    return OperationNeeds(
        facts.operation_id,
        facts.name,
        facts.method,
        facts.path,
        facts.scopes,
        infos(facts.permissions),
        infos(facts.credential_permissions),
        needed_by,
        reason,
    )


def _fewest(
    groups: list[tuple[tuple[PermissionInfo, ...], ...]],
) -> tuple[PermissionInfo, ...]:
    """One alternative per group with the smallest union; between unions of one size, the one
    with fewer permissions that change anything (a read before a manage), then the spec's order."""
    best: dict[str, PermissionInfo] | None = None
    for combination in itertools.product(*groups):
        union = {p.key: p for alternative in combination for p in alternative}
        if best is None or _cost(union) < _cost(best):
            best = union
    chosen = best or {}
    # Drop what another chosen permission already implies (e.g. a .manage covering a .read).
    kept = [p for p in chosen.values() if not Grants(set(chosen) - {p.key}).allows(p.key)]
    return tuple(sorted(kept, key=lambda p: p.key))


def _cost(permissions: dict[str, PermissionInfo]) -> tuple[int, int]:
    """How much a set of permissions grants: its size, then how many of them are not reads."""
    return len(permissions), sum(not key.endswith(".read") for key in permissions)


def covering_standard_roles(need: Requirements) -> list[StandardRole]:
    """The standard roles that include every permission of ``need``'s custom role, narrowest
    first (each is broader than the job: a custom role is the least privilege)."""
    keys = [p.key for p in need.permissions]
    found = [role for role in standard_roles().values() if role.grants.allows_all(keys)]
    return sorted(found, key=_breadth)


def _breadth(role: StandardRole) -> tuple[int, str]:
    """Narrowest first: the fewest of the catalogue's permissions allowed (SUPER_ADMIN allows
    them all)."""
    return sum(map(role.grants.allows, catalogue()["permissions"])), role.type


def markdown_table() -> str:
    """The README's "Least privilege" table: every operation, its scope, permissions, resources."""
    rows = [
        "| method | OAuth scope | admin-role permission (any one line) | resource set |",
        "|---|---|---|---|",
    ]
    for facts in registry.operations().values():
        op = _needs(facts, None)
        alternatives = [" + ".join(map(_shown, alt)) or "none beyond an admin role" for alt in op.permissions]
        if op.credential_permissions:
            alternatives += [
                "with credentials, also: " + " + ".join(map(_shown, alt)) for alt in op.credential_permissions
            ]
        kinds = {p.resource for alt in op.permissions for p in alt if p.resource}
        resources = ", ".join(resource_info(k).console for k in sorted(kinds)) or "-"
        needs = "".join(f" (needs `{registry.operations()[n].name}`)" for n in facts.needs)
        scopes = " or ".join(f"`{s}`" for s in op.scopes)
        rows.append(f"| `{op.name}`{needs} | {scopes} | {'<br>'.join(alternatives)} | {resources} |")
    return "\n".join(rows)


def _shown(permission: PermissionInfo) -> str:
    """A permission in the README's table: key, Console label, and who can hold it."""
    if permission.custom_role:
        return f"`{permission.key}` ({permission.console_label})"
    roles = [
        r for r in standard_roles().values() if r.grants.allows(permission.key) and "*" not in r.permissions
    ]
    holders = ", ".join(r.label for r in sorted(roles, key=_breadth))
    return f"`{permission.key}` ({permission.console_label}; no custom role can hold it: {holders})"


def containment_table() -> str:
    """The README's table of ``okta.contain``'s steps, in the order they run: the operation of
    each, its scope and admin-role permission, and what undo can do about it."""
    from oktakit.bulk._playbook import STEPS

    rows = [
        "| step | method | OAuth scope | admin-role permission (any one line) | undo |",
        "|---|---|---|---|---|",
    ]
    for step in STEPS:
        op = _needs(step.operation, None)
        arguments = ", ".join(f"{k}={v!r}" for k, v in step.arguments.items())
        call = f"`{op.name}({arguments})`" if arguments else f"`{op.name}`"
        alternatives = "<br>".join(" + ".join(_shown(p) for p in alt) for alt in op.permissions)
        undo = "`bulk_undo` unsuspends" if step.irreversible is None else "not reversible"
        rows.append(f"| `{step.name}` | {call} | `{op.scopes[0]}` | {alternatives} | {undo} |")
    return "\n".join(rows)

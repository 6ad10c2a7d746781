"""The preflight's verdict on the roles it read: what is missing, what is excess, what could not
be decided, and the admin's steps to fix it, naming the roles and resource sets it read.

A permission counts for an operation only from a role that grants it over *every* target the
job may have: a job over users needs "All users" (a resource set that reaches a group's members
only is a missing resource, since the job's users are not known in advance); a permission whose
conditions limit it to some profile attributes cannot be judged for a profile write (the job's
attributes are not known: ``unverified``), and one whose conditions leave no attribute is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from attrs import define, field

from ._requirements import OperationNeeds, PermissionInfo, Requirements, resource_info
from ._roles import RoleView

#: Kinds of resources a resource set limits (others are not limited by the set).
SET_LIMITED: Final = ("users", "groups")
#: Permissions whose conditions limit the profile attributes they write.
_ATTRIBUTE_WRITES: Final = frozenset({"okta.users.userprofile.manage"})

Outcome = Literal["ok", "undecided", "some resources", "no resource", "no attribute", "no permission"]
_RANK: Final[dict[Outcome, int]] = {
    "ok": 0,
    "undecided": 1,
    "some resources": 2,
    "no resource": 3,
    "no attribute": 4,
    "no permission": 5,
}


@define
class Verdict:
    missing: dict[str, PermissionInfo] = field(factory=dict)
    missing_resources: set[str] = field(factory=set)
    excess: list[str] = field(factory=list)
    unverified: list[str] = field(factory=list)
    notes: list[str] = field(factory=list)
    advice: list[str] = field(factory=list)
    #: Missing permissions a role holds, but under conditions that leave them nothing.
    held: set[str] = field(factory=set)


def judge(need: Requirements, roles: Sequence[RoleView], credentials: bool, holder: str) -> Verdict:
    """Compare the job with the roles read; ``holder`` names who holds them (for the advice)."""
    verdict = Verdict()
    if not roles:
        verdict.notes.append(f"{holder} has no active admin role: Okta refuses every call")
        verdict.missing = {p.key: p for p in need.permissions}
        verdict.advice.append(_assign_advice(need, holder))
        return verdict
    chosen = {p.key for p in need.permissions}
    for op in need.operations:
        groups = [op.permissions] + (
            [op.credential_permissions] if credentials and op.credential_permissions else []
        )
        for alternatives in groups:
            _judge_group(verdict, op, alternatives, roles, chosen)
    wanted = {
        p.key for op in need.operations for alt in op.permissions + op.credential_permissions for p in alt
    }
    for role in roles:
        if role.custom:
            verdict.excess += sorted(f"{key} ({role.name})" for key in role.permissions - wanted)
    _permission_advice(verdict, roles, holder, need)
    return verdict


def _judge_group(
    verdict: Verdict,
    op: OperationNeeds,
    alternatives: tuple[tuple[PermissionInfo, ...], ...],
    roles: Sequence[RoleView],
    chosen: set[str],
) -> None:
    outcomes = [[_best(roles, p, op) for p in alt] for alt in alternatives]
    if any(all(outcome == "ok" for outcome, _ in alt) for alt in outcomes):
        for alt in outcomes:
            verdict.notes += [why for outcome, why in alt if outcome == "ok" and why]
        return
    # Report one alternative: the least privileged one the custom role would hold, else the first.
    index = next((i for i, a in enumerate(alternatives) if {p.key for p in a} <= chosen), 0)
    for permission, (outcome, why) in zip(alternatives[index], outcomes[index], strict=True):
        if outcome == "no permission":
            verdict.missing[permission.key] = permission
        elif outcome == "no attribute":
            verdict.missing[permission.key] = permission
            verdict.held.add(permission.key)
            verdict.advice.append(
                f"{why}: remove those conditions or include the attributes {op.name} changes"
            )
        elif outcome in ("no resource", "some resources") and permission.resource:
            resource = resource_info(permission.resource)
            verdict.missing_resources.add(resource.console)
            verdict.advice.append(f"{why}: add {resource.console} ({resource.rest}) to it, for {op.name}")
        elif outcome == "undecided":
            verdict.unverified.append(
                f"{op.name}: {why}; oktakit cannot tell which attributes the job changes"
            )


def _best(roles: Sequence[RoleView], permission: PermissionInfo, op: OperationNeeds) -> tuple[Outcome, str]:
    """The best outcome any role gives ``permission`` for ``op``, with why."""
    best: tuple[Outcome, str] = ("no permission", "")
    for role in roles:
        if not role.grants.allows(permission.key):
            continue
        found = _outcome(role, permission, op)
        if _RANK[found[0]] < _RANK[best[0]]:
            best = found
    return best


def _outcome(role: RoleView, permission: PermissionInfo, op: OperationNeeds) -> tuple[Outcome, str]:  # noqa: PLR0911 - a return per outcome
    kind = permission.resource
    resource_set = role.resource_set
    if resource_set is not None and kind in SET_LIMITED and resource_set.reach.get(kind) != "all":
        where = f"{role.name} is bound to {resource_set.name}"
        if resource_set.reach.get(kind) == "some":
            limits = "; ".join(resource_set.limits.get(kind, ()))
            return "some resources", f"{where}, which reaches only some {kind} ({limits})"
        return "no resource", f"{where}, which holds no {kind}"
    conditions = role.conditions_for(permission.key)
    if conditions is None:
        return "ok", ""
    what = f"{role.name} has {permission.key} for {conditions.describe()}"
    if conditions.unknown:
        return "undecided", what
    if conditions.include is not None and not conditions.include:
        return "no attribute", what
    if permission.key in _ATTRIBUTE_WRITES and op.method in ("POST", "PUT"):
        return "undecided", what
    return "ok", f"{what}: {op.name} sees only those attributes"


def _permission_advice(verdict: Verdict, roles: Sequence[RoleView], holder: str, need: Requirements) -> None:
    absent = sorted(set(verdict.missing) - verdict.held)
    standard_only = [key for key in absent if not verdict.missing[key].custom_role]
    if standard_only:
        verdict.advice.insert(0, _standard_advice(need, standard_only, holder))
        absent = [key for key in absent if key not in standard_only]
    if not absent:
        return
    keys = ", ".join(absent)
    custom = [role for role in roles if role.custom]
    if len(custom) == 1:
        target = f"to {custom[0].name} (Security > Administrators > Roles)"
    else:
        target = (
            f"to a custom role of {holder}" if custom else f"to a new custom role assigned to {holder}"
        ) + " (Security > Administrators > Roles)"
    verdict.advice.insert(0, f"add {keys} {target}")


def _assign_advice(need: Requirements, holder: str) -> str:
    where = _where(holder)
    advice = []
    if need.custom_role or not need.standard_only:
        keys = ", ".join(p.key for p in need.custom_role) or "any permission"
        sets = ", ".join(r.console for r in need.resources) or "the resources the job touches"
        advice.append(f"assign {holder} a custom role with {keys} over a resource set with {sets} ({where})")
    if need.standard_only:
        advice.append(_standard_advice(need, [p.key for p in need.standard_only], holder))
    return "; ".join(advice)


def _standard_advice(need: Requirements, keys: list[str], holder: str) -> str:
    """What no custom role can hold (the System Log) comes with a standard role only."""
    role = need.standard_role
    name = (
        "a standard role that carries it" if role is None else f"the standard role {role.label} ({role.type})"
    )
    return f"assign {holder} {name}: no custom role can hold {', '.join(keys)} ({_where(holder)})"


def _where(holder: str) -> str:
    return "the app's Admin roles tab" if holder.startswith("service app") else "Security > Administrators"

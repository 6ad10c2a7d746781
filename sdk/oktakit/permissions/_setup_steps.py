"""``oktakit permissions``' text: the admin's steps to set up least privilege, in order.

For a service app (Okta's "Implement OAuth for Okta with a service app" guide): grant the
scopes on the app's Okta API Scopes tab (a super admin only can), create a custom admin role
with the permissions, create a resource set, then assign role and resource set to the app on
its Admin roles tab. For an API token: which role the admin who creates it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._requirements import Requirements


def _standard_role_step(need: Requirements, heading: Callable[[str], None], *, also: bool) -> str:
    """The step for what no custom role can hold (reading the System Log): assign the narrowest
    standard role that carries it. Returns that role's name ("" when none is needed)."""
    if not need.standard_only:
        return ""
    keys = ", ".join(f"{p.key} ({p.console_label})" for p in need.standard_only)
    role = need.standard_role
    if role is None:
        heading(f"No custom role can hold {keys}, and no standard role oktakit knows carries it.")
        return "a role that carries it"
    name = f"the standard role {role.label} ({role.type})"
    heading(
        f"Assign {name} to the service app{' as well' if also else ''}: no custom role can hold "
        f"{keys}. Applications > "
        "Applications > the service app > Admin roles tab > Edit assignments > Add assignment "
        f"(Okta documents it as: {role.documented})."
    )
    return name


def setup_steps(need: Requirements) -> str:
    from ._requirements import covering_standard_roles, requirements

    jobs = ", ".join(need.jobs)
    lines = [f"To run {jobs}{' through okta.bulk' if need.bulk else ''} with least privilege:", ""]
    lines.append("With an API service app (OAuth 2.0, recommended by Okta), in this order:")
    step = 0

    def heading(text: str) -> None:
        nonlocal step
        step += 1
        lines.append(f"{step}. {text}")

    heading(
        "Grant the OAuth scopes: Applications > Applications > the service app > Okta API Scopes "
        "tab > Grant (a super admin only can), and ask for them in the token request:"
    )
    lines += [f"     {scope}" for scope in need.scopes] or ["     (none)"]
    role = f"oktakit {jobs}" if len(jobs) <= 40 else "oktakit job"
    custom = bool(need.custom_role) or not need.standard_only
    if need.custom_role:
        heading(
            f"Create a custom admin role (e.g. {role!r}) with these permissions: Security > "
            "Administrators > Roles > Create new role:"
        )
        lines += [f"     {p.key:<50} {p.console_label}" for p in need.custom_role]
    elif custom:
        heading("Create a custom admin role: these operations need no particular permission, only a role.")
    role_step = step
    if need.resources:
        heading(
            "Create a resource set with these resources: Security > Administrators > Resources > "
            "Create new resource set:"
        )
        lines += [f"     {r.console:<50} {r.rest}" for r in need.resources]
        lines.append("   (Only these, in full: a set holding one group's users reaches no one else.)")
    if custom:
        heading(
            "Assign the role with its resource set to the service app: Applications > Applications > "
            f"the service app > Admin roles tab > Edit assignments > Add assignment (role: step {role_step}"
            + (f", resources: step {role_step + 1})" if need.resources else ")")
            + "."
        )
    standard = _standard_role_step(need, heading, also=custom)
    lines += [
        "",
        "With an API token instead (it has no scopes; it acts with the roles of the admin who creates it):",
    ]
    chosen = need.standard_role
    broader = [r for r in covering_standard_roles(need) if chosen is None or r.type != chosen.type]
    needs = []
    if custom:
        needs.append(
            f"the custom role of step {role_step}"
            + (f" over the resource set of step {role_step + 1}" if need.resources else "")
        )
    if standard:
        needs.append(standard)
    lines.append(
        f"   that admin needs {' and '.join(needs)} (Security > Administrators > Admins > Add administrator)"
        + (
            ", or a standard role that includes "
            + ("it" if len(needs) == 1 else "them")
            + ", broader than needed: "
            + ", ".join(f"{r.label} ({r.type})" for r in broader)
            if broader
            else ""
        )
        + "."
    )
    extra = [op for op in need.operations if op.needed_by]
    if extra:
        lines += ["", "Included above because the job calls them too:"]
        lines += [f"   {op.name}: {op.reason or 'needed in practice'}" for op in extra]
    credential_ops = [op.name for op in need.operations if op.credential_permissions]
    if credential_ops and not need.credentials:
        lines += [
            "",
            f"Changing passwords or recovery questions with {', '.join(credential_ops)} also needs "
            "okta.users.credentials.manage (ask with credentials=True / --credentials).",
        ]
    if not need.bulk:
        more = requirements(need.jobs, credentials=need.credentials, bulk=True)
        added = [f"scope {s}" for s in more.scopes if s not in need.scopes]
        added += [f"permission {p.key}" for p in more.permissions if p not in need.permissions]
        if added:
            lines += [
                "",
                f"A bulk run (okta.bulk, oktakit bulk) needs more: {', '.join(added)} (it reads users: "
                f"logins to ids, and back to settle refusals). See: oktakit permissions "
                f"{' '.join(need.jobs)}{' --credentials' if need.credentials else ''} --bulk",
            ]
    return "\n".join(lines)

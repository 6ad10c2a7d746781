"""``OktaClient.preflight()``: can these credentials run this job? Asked before any user is touched.

What a job needs comes from ``oktakit.permissions``; what the credentials have is read from the
org: the token's scopes, the app's scope grants, its admin roles, the permissions of its custom
roles with their conditions (standard roles: the table in ``okta_spec/permissions.yaml``) and
their resource sets (``_preflight_roles``); ``_preflight_verdict`` compares the two. Whatever
cannot be read or decided is listed in ``unverified`` with the reason, and the report is then
never ``ok``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import frozen

from oktakit.auth._protocol import describe
from oktakit.errors import InsufficientPermissionsError, PermissionDeniedError

from ._requirements import PermissionInfo, Requirements, requirements
from ._roles import RoleView, admin_roles, client_roles, text
from ._verdict import Verdict, judge

if TYPE_CHECKING:
    from oktakit.auth._protocol import Authorizer
    from oktakit.client import OktaClient


@frozen
class PreflightReport:
    """What a preflight found; ``ok`` only when nothing is missing and everything was checked.

    ``missing_*`` is what to grant; ``excess_*`` what the credentials hold beyond the job
    (least privilege says remove it); ``broader_roles`` the standard roles that cover the job
    but grant much more; ``unverified`` what could not be read or decided, each with why;
    ``advice`` the admin's steps, in order, naming the roles and resource sets read.
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
    advice: tuple[str, ...] = ()
    #: Whether the job was judged as a bulk run (with what ``okta.bulk`` itself reads).
    bulk: bool = False

    @property
    def ok(self) -> bool:
        return not (
            self.missing_scopes or self.missing_permissions or self.missing_resources or self.unverified
        )

    def summary(self) -> str:
        verdict = "ok" if self.ok else ("MISSING" if self._missing else "NOT VERIFIED")
        job = ", ".join(self.operations) + (" as a bulk run" if self.bulk else "")
        lines = [f"preflight for {job} ({self.credential}): {verdict}"]
        sections = [
            ("missing scopes (grant on the app's Okta API Scopes tab)", self.missing_scopes),
            (
                "missing role permissions (add to the custom admin role)",
                tuple(f"{p.key} ({p.console_label})" for p in self.missing_permissions),
            ),
            ("missing resources (add to the role's resource set)", self.missing_resources),
            ("what to change, in order", self.advice),
            ("excess scopes (not needed by this job)", self.excess_scopes),
            ("excess role permissions (not needed by this job)", self.excess_permissions),
            ("standard roles, broader than needed", self.broader_roles),
            ("not verified", self.unverified),
            ("notes", self.notes),
        ]
        for title, items in sections:
            if items:
                lines.append(f"{title}:")
                numbered = items is self.advice
                lines += [f"  {f'{i}.' if numbered else '-'} {item}" for i, item in enumerate(items, 1)]
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
        steps = f" ({'; '.join(self.advice)})" if self.advice else ""
        raise InsufficientPermissionsError(
            f"{self.credential} cannot run {', '.join(self.operations)}: grant " + "; ".join(grant) + steps,
            missing_scopes=self.missing_scopes,
            missing_permissions=tuple(p.key for p in self.missing_permissions),
            missing_resources=self.missing_resources,
            report=self,
        )


async def run_preflight(
    client: OktaClient,
    authorizer: Authorizer,
    operations: Iterable[str],
    auditor: OktaClient | None,
    *,
    credentials: bool,
    bulk: bool = False,
) -> PreflightReport:
    need = requirements(operations, credentials=credentials, bulk=bulk)
    info = await describe(authorizer)
    reader = auditor or client
    unverified: list[str] = []
    notes: list[str] = []
    if info.kind == "api_token":
        roles, who = await admin_roles(client, reader, unverified, notes)
        verdict = _verdict(
            need, roles, credentials=credentials, holder=who, unverified=unverified, notes=notes
        )
        return _report(need, info.description, roles=roles, verdict=verdict, bulk=bulk)
    if info.kind != "service_app" or info.client_id is None or info.granted_scopes is None:
        unverified.append(
            f"{info.description} is neither an API token nor a service app whose client ID and "
            "granted scopes are known: its scopes and roles cannot be read"
        )
        verdict = _verdict(need, None, credentials=credentials, holder="", unverified=unverified, notes=notes)
        return _report(need, info.description, roles=None, verdict=verdict, bulk=bulk)
    client_id = info.client_id
    advice: list[str] = []
    missing, excess = await _scopes(
        need, reader, client_id, token_scopes=set(info.granted_scopes), unverified=unverified, advice=advice
    )
    roles = await client_roles(reader, client_id, unverified, notes)
    holder = info.holder
    verdict = _verdict(
        need, roles, credentials=credentials, holder=holder, unverified=unverified, notes=notes
    )
    verdict.advice[:0] = advice  # scopes first, as the admin does it
    return _report(
        need, holder, missing_scopes=missing, excess_scopes=excess, roles=roles, verdict=verdict, bulk=bulk
    )


async def _scopes(
    need: Requirements,
    reader: OktaClient,
    client_id: str,
    *,
    token_scopes: set[str],
    unverified: list[str],
    advice: list[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Missing and excess scopes: the token's, and the app's grants where they can be read (a
    revoked grant is missing even while the current token still carries the scope)."""
    needed = {scope for op in need.operations for scope in op.scopes}
    missing = {op.scopes[0] for op in need.operations if op.scopes and not set(op.scopes) & token_scopes}
    excess = token_scopes - needed
    try:
        grants = {
            text(g, "scope_id") or "": text(g, "status") or "ACTIVE"
            async for g in reader.list_scope_consent_grants(client_id)
        }
    except PermissionDeniedError:
        unverified.append(
            "the app's granted scopes: reading them needs the okta.appGrants.read scope and okta.apps.read "
            "permission (pass auditor=); only the token's own scopes were compared"
        )
        grants = None
    if grants is not None:
        active = {scope for scope, status in grants.items() if status != "REVOKED"}
        excess |= active - needed
        for op in need.operations:
            if not op.scopes or set(op.scopes) & active:
                continue
            scope = op.scopes[0]
            missing.add(scope)
            state = "revoked" if grants.get(scope) == "REVOKED" else "not granted"
            advice.append(
                f"grant {scope} on the Okta API Scopes tab of service app {client_id} (it is {state}"
                + ("; the current token still carries it until it expires)" if scope in token_scopes else ")")
            )
        requested = sorted(scope for scope in missing if scope in active)
        if requested:
            advice.append(
                f"ask for {', '.join(requested)} in the token request (PrivateKeyJWT scopes, OKTA_SCOPES): "
                "the app has the grant, the token does not"
            )
    elif missing:
        scopes = ", ".join(sorted(missing))
        advice.append(f"grant {scopes} on the Okta API Scopes tab and ask for it in the token request")
    return tuple(sorted(missing)), tuple(sorted(excess - {""}))


def _verdict(
    need: Requirements,
    roles: list[RoleView] | None,
    *,
    credentials: bool,
    holder: str,
    unverified: list[str],
    notes: list[str],
) -> Verdict:
    verdict = Verdict() if roles is None else judge(need, roles, credentials, holder)
    verdict.unverified[:0] = unverified
    verdict.notes[:0] = notes
    return verdict


def _report(
    need: Requirements,
    credential: str,
    *,
    missing_scopes: tuple[str, ...] = (),
    excess_scopes: tuple[str, ...] = (),
    roles: list[RoleView] | None,
    verdict: Verdict,
    bulk: bool,
) -> PreflightReport:
    from ._requirements import standard_roles

    table = standard_roles()
    broader = []
    for role in roles or ():
        standard = table.get(role.type)
        if standard is not None:
            broader.append(
                f"{standard.type} ({standard.label}): Okta documents {standard.documented}"
                + (f"; inferred: {standard.inferred}" if standard.inferred else "")
            )
    return PreflightReport(
        operations=need.jobs,
        credential=credential,
        missing_scopes=missing_scopes,
        missing_permissions=tuple(verdict.missing[k] for k in sorted(verdict.missing)),
        missing_resources=tuple(sorted(verdict.missing_resources)),
        excess_scopes=excess_scopes,
        excess_permissions=tuple(verdict.excess),
        broader_roles=tuple(broader),
        unverified=tuple(dict.fromkeys(verdict.unverified)),
        notes=tuple(dict.fromkeys(verdict.notes)),
        advice=tuple(dict.fromkeys(verdict.advice)),
        bulk=bulk,
    )

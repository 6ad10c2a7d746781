"""``OktaClient.check()``: the integration's "Test" button, honest about what it tested.

It gets a token (or uses the API token), then makes one cheap read that the granted scopes
allow. A token whose scopes allow no read (only ``.manage`` scopes, say: the spec lets no read
accept them) is reported as "not tested", never as working. ``check(operations=[...])`` adds the
preflight for the job the credential is meant for.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from attrs import frozen

from oktakit._registry import operations_by_name
from oktakit.auth._protocol import describe
from oktakit.errors import PermissionDeniedError

if TYPE_CHECKING:
    from oktakit.auth._protocol import Authorizer
    from oktakit.client import OktaClient

    from ._preflight import PreflightReport


@frozen
class CheckResult:
    """What ``check()`` found: who we are to the org, what we may do, what we read.

    Without ``operations``, ``ok`` is true only when a read succeeded (``tested``). With them,
    ``ok`` is the preflight's verdict: a least-privilege app may hold no scope that allows a
    harmless read (suspending needs only ``okta.users.manage``), and then the token it got and
    the preflight (scopes, roles, resource sets) are the test.
    """

    org_url: str
    credential: str
    dpop: bool
    granted_scopes: frozenset[str] | None
    read: str
    tested: bool = True
    preflight: PreflightReport | None = None
    #: The credential that read the roles for the preflight, when it was not this one.
    auditor: str | None = None

    @property
    def ok(self) -> bool:
        return self.tested if self.preflight is None else self.preflight.ok

    def summary(self) -> str:
        scopes = (
            "all of the API token admin's permissions"
            if self.granted_scopes is None
            else (" ".join(sorted(self.granted_scopes)) or "(none)")
        )
        lines = [
            f"org:         {self.org_url}",
            f"credential:  {self.credential}{' (DPoP-bound tokens)' if self.dpop else ''}",
            f"scopes:      {scopes}",
            f"read:        {self.read}",
        ]
        if self.auditor is not None:
            lines.append(f"auditor:     {self.auditor} (read the roles and grants for the preflight)")
        if self.preflight is not None:
            lines.append(self.preflight.summary())
        return "\n".join(lines)


async def run_check(
    client: OktaClient,
    authorizer: Authorizer,
    operations: Iterable[str] | None = None,
    auditor: OktaClient | None = None,
) -> CheckResult:
    info = await describe(authorizer)  # a service app gets its token here: the first test
    tested, read = await _one_read(client, info.granted_scopes, info.client_id or "")
    report = None if operations is None else await client.preflight(operations, auditor=auditor)
    who = None if auditor is None else (await auditor.credential()).holder
    return CheckResult(
        client.org_url, info.description, info.dpop, info.granted_scopes, read, tested, report, who
    )


def _reads(client: OktaClient, client_id: str) -> dict[str, Callable[[], Awaitable[str]]]:
    """Cheap reads in order of preference, by client method name."""

    async def users() -> str:
        user = await anext(aiter(client.list_users(limit=1)), None)
        return f"listed users (first: {user.id})" if user else "listed users (the org has none)"

    async def authenticators() -> str:
        return f"listed {len([a async for a in client.list_authenticators()])} authenticators"

    async def roles() -> str:
        return (
            f"listed the app's {len([r async for r in client.list_roles_for_client(client_id)])} admin roles"
        )

    async def grants() -> str:
        granted = [g async for g in client.list_scope_consent_grants(client_id)]
        return f"listed the app's {len(granted)} scope grants"

    reads: dict[str, Callable[[], Awaitable[str]]] = {
        "list_users": users,
        "list_authenticators": authenticators,
    }
    if client_id:
        reads |= {"list_roles_for_client": roles, "list_scope_consent_grants": grants}
    return reads


async def _one_read(client: OktaClient, scopes: frozenset[str] | None, client_id: str) -> tuple[bool, str]:
    facts = operations_by_name()
    reads = _reads(client, client_id)
    # The scopes each read accepts come from the spec; an API token (no scopes) may try any.
    allowed = [name for name in reads if scopes is None or set(facts[name].scopes) & scopes]
    if not allowed:
        accepted = sorted({s for name in reads for s in facts[name].scopes})
        return False, (
            "not tested: the granted scopes allow none of oktakit's cheap reads (they need one of "
            f"{', '.join(accepted)}); the token works, but no API call was tried"
        )
    try:
        return True, await reads[allowed[0]]()
    except PermissionDeniedError as error:
        return False, f"refused ({allowed[0]}): {error}"

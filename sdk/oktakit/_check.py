"""``OktaClient.check()``: prove the credentials work, the way the Admin Console's Test button does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from .auth import Authorizer
    from .client import OktaClient
    from .transport import Transport


@frozen
class CheckResult:
    """What ``check()`` found: who we are to the org, what we may do, what we read."""

    org_url: str
    credential: str
    dpop: bool
    granted_scopes: frozenset[str] | None
    read: str

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
        return "\n".join(lines)


async def run_check(client: OktaClient, transport: Transport, authorizer: Authorizer | None) -> CheckResult:
    from ._oauth import ServiceAppAuthorizer

    scopes: frozenset[str] | None = None
    dpop = False
    credential = "API token (SSWS)"
    if isinstance(authorizer, ServiceAppAuthorizer):
        token = await authorizer.access_token()
        scopes = token.scopes
        dpop = token.token_type == "DPoP"
        credential = f"service app {authorizer.client_id} (private-key JWT)"
    return CheckResult(client.org_url, credential, dpop, scopes, await _one_read(client, scopes))


async def _one_read(client: OktaClient, scopes: frozenset[str] | None) -> str:
    if scopes is None or scopes & {"okta.users.read", "okta.users.manage"}:
        user = await anext(aiter(client.list_users(limit=1)), None)
        return f"listed users (first: {user.id})" if user else "listed users (the org has none)"
    if "okta.authenticators.read" in scopes:
        authenticators = [a async for a in client.list_authenticators()]
        return f"listed {len(authenticators)} authenticators"
    return "skipped: no read scope granted (okta.users.read or okta.authenticators.read)"

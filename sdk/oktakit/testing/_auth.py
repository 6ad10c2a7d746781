"""Request authentication as a chain of pluggable schemes.

Okta API tokens (``SSWS``, here) come first; OAuth access tokens (``Bearer``, and ``DPoP`` with
a proof header) follow (``_bearer.OAuthScheme``). A scheme sees the whole request, returns a
Principal when the Authorization header is its own, None when it is not, or raises
SimulatedError (or OAuthError) to reject the request.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from aiohttp import web

from ._errors import SimulatedError
from ._util import BASE62


@dataclass(frozen=True, slots=True)
class Principal:
    scheme: str
    #: A name for the credential (never the secret itself, so it is safe to log).
    subject: str
    #: OAuth scopes granted; None means an API token acting with its admin's full rights.
    scopes: frozenset[str] | None = None
    #: The service app an OAuth access token was issued to (None for API tokens).
    client_id: str | None = None
    #: The admin user an API token belongs to (``GET /users/me``); its roles limit the token.
    #: None: a token of no user, which acts with full rights (an org seeded without a user).
    user_id: str | None = None


class AuthScheme(Protocol):
    def authenticate(self, request: web.Request, authorization: str) -> Principal | None: ...


class SswsScheme:
    """``Authorization: SSWS <token>``; Okta also accepts it without the space.

    Every token belongs to an admin user (Okta: "an API token has the permissions of the admin
    who created it"): the one given, else ``default_admin()`` (the org's super admin).
    """

    def __init__(self, default_admin: Callable[[], str | None] = lambda: None) -> None:
        self._tokens: dict[str, str] = {}
        self._admins: dict[str, str] = {}
        self._default_admin = default_admin

    def issue(self, name: str | None = None, *, admin: str | None = None) -> str:
        """A new token of ``admin`` (a user id; default: the org's super admin)."""
        # Okta API tokens are 42 characters and begin with "00".
        token = "00" + "".join(secrets.choice(BASE62) for _ in range(40))
        self.add(token, name, admin=admin)
        return token

    def add(self, token: str, name: str | None = None, *, admin: str | None = None) -> None:
        self._tokens[token] = name or f"api-token-{len(self._tokens) + 1}"
        owner = admin if admin is not None else self._default_admin()
        if owner is not None:
            self._admins[token] = owner

    def admin_of(self, token: str) -> str | None:
        """The id of the admin a token belongs to (None: a token of no user)."""
        return self._admins.get(token)

    def revoke(self, token: str) -> None:
        self._tokens.pop(token, None)

    def authenticate(self, request: web.Request, authorization: str) -> Principal | None:
        if authorization[:4].upper() != "SSWS":
            return None
        token = authorization[4:].strip()
        name = self._tokens.get(token)
        if name is None:
            raise SimulatedError("E0000011")
        return Principal("SSWS", name, user_id=self._admins.get(token))


class AuthChain:
    def __init__(self, schemes: list[AuthScheme]) -> None:
        self.schemes = schemes

    def authenticate(self, request: web.Request) -> Principal:
        authorization = request.headers.get("Authorization")
        if authorization:
            for scheme in self.schemes:
                principal = scheme.authenticate(request, authorization)
                if principal is not None:
                    return principal
        raise SimulatedError("E0000011")

"""What a simulated user holds besides the profile: Okta sessions, OAuth consent grants and
refresh tokens per client app, enrolled factors, and one-time password secrets.

The record types are named for the simulator (``SimSession``, ``SimGrant``...), apart from
the SDK's result types. Secrets (temporary passwords, reset tokens) are kept only as digests and
never appear in a ``repr``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Final

#: The OAuth client apps a user can hold grants and tokens for: registered in ``Org.client_apps``.
#: Factor keys (the authenticator keys the user record keeps) -> Okta's factor type and provider.
FACTOR_TYPES: Final[dict[str, tuple[str, str]]] = {
    "okta_verify": ("push", "OKTA"),
    "phone_number": ("sms", "OKTA"),
    "okta_email": ("email", "OKTA"),
    "webauthn": ("webauthn", "FIDO"),
}
#: Okta's id prefixes per factor type (as in its examples: opf..., mbl..., emf..., fwf...).
FACTOR_ID_PREFIX: Final = {"push": "opf", "sms": "mbl", "email": "emf", "webauthn": "fwf"}


@dataclass(eq=False, slots=True)
class SimClientApp:
    """An OAuth 2.0 client app of the org that users sign in to (not a service app)."""

    client_id: str
    name: str
    uri: str | None = None


@dataclass(eq=False, slots=True)
class SimSession:
    """An Okta (identity provider) session of a user."""

    id: str
    created: float


@dataclass(eq=False, slots=True)
class SimGrant:
    """A scope the user consented to for a client app (OAuth2ScopeConsentGrant)."""

    id: str
    client_id: str
    scope_id: str
    created: float
    source: str = "END_USER"


@dataclass(eq=False, slots=True)
class SimRefreshToken:
    """A refresh token issued to the user for a client app (its value is never kept)."""

    id: str
    client_id: str
    scopes: tuple[str, ...]
    created: float
    expires_at: float


def digest(secret: str) -> str:
    """What the simulator keeps of a secret: enough to check it, never enough to show it."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(eq=False, slots=True)
class SimAccount:
    """A user's sessions, grants, tokens and one-time password secrets (see the module doc)."""

    sessions: list[SimSession] = field(default_factory=list)
    grants: list[SimGrant] = field(default_factory=list)
    refresh_tokens: list[SimRefreshToken] = field(default_factory=list)
    #: Whether factors are remembered on the user's devices (``forgetDevices`` clears it).
    remembered_devices: bool = False
    #: Where the user's credentials are checked: (type, name) of ``credentials.provider``.
    provider: tuple[str, str] = ("OKTA", "OKTA")
    password_digest: str | None = field(default=None, repr=False)
    #: The pending password-reset token (``reset_password``), as a digest.
    reset_digest: str | None = field(default=None, repr=False)
    #: The answer to the recovery question, as a digest (None: not known to the simulator).
    recovery_digest: str | None = field(default=None, repr=False)

    def end_sessions(self) -> None:
        self.sessions.clear()

    def revoke_tokens(self, client_id: str | None = None) -> None:
        """Revoke the refresh tokens (and so the access tokens) of one client, or of all."""
        self.refresh_tokens = [t for t in self.refresh_tokens if client_id not in (None, t.client_id)]

    def revoke_grants(self) -> None:
        self.grants.clear()

    def client_ids(self) -> list[str]:
        """The clients holding a grant or a token of the user, in the order they first did."""
        seen: dict[str, None] = {}
        for client_id in [g.client_id for g in self.grants] + [t.client_id for t in self.refresh_tokens]:
            seen.setdefault(client_id, None)
        return list(seen)

"""State of the org authorization server: issued access tokens, DPoP nonces, replay caches."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from ._auth import Principal
from ._jose import sign_access_token
from ._service_apps import ServiceApp, ServiceAppRegistry
from ._state import Org
from ._util import Clock


@dataclass(eq=False, slots=True)
class IssuedToken:
    client_id: str
    scopes: frozenset[str]
    issued_at: float
    expires_at: float
    #: RFC 7638 thumbprint of the DPoP key the token is bound to (``cnf.jkt``); None for Bearer.
    jkt: str | None
    #: Built once at issuance: authenticating a resource call is then one dict lookup.
    principal: Principal
    revoked: bool = False


class ReplayCache:
    """``jti`` values seen, each kept until the JWT carrying it could no longer be accepted."""

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}
        self._purge_at = 1024

    def __contains__(self, key: str) -> bool:
        return key in self._seen

    def add(self, key: str, keep_until: float, now: float) -> None:
        self._seen[key] = keep_until
        if len(self._seen) >= self._purge_at:
            self._seen = {k: until for k, until in self._seen.items() if until > now}
            self._purge_at = max(1024, 2 * len(self._seen))


class DpopNonces:
    """The server nonce: the current value and the one before it are both accepted.

    Okta renews its nonce every 24 hours and honours a value for three days; here a rotation
    happens only when a test calls ``OktaSimulator.rotate_dpop_nonce``, and a nonce stays valid
    until the second rotation after it was made.
    """

    def __init__(self) -> None:
        self.current = _nonce()
        self.previous: str | None = None

    def rotate(self) -> str:
        self.previous, self.current = self.current, _nonce()
        return self.current

    def valid(self, nonce: Any) -> bool:
        return isinstance(nonce, str) and nonce in (self.current, self.previous)


def _nonce() -> str:
    return secrets.token_urlsafe(32)


class TokenStore:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.tokens: dict[str, IssuedToken] = {}
        self._purge_at = 4096

    def issue(
        self, app: ServiceApp, scopes: list[str], jkt: str | None, now: float, lifetime: int
    ) -> tuple[str, IssuedToken]:
        """A signed JWT access token shaped like Okta's (``ver, jti, iss, aud, sub, cid, scp``)."""
        issuer = self.org.base_url
        claims: dict[str, Any] = {
            "ver": 1,
            "jti": "AT." + secrets.token_urlsafe(32),
            "iss": issuer,
            "aud": issuer,
            "sub": app.client_id,
            "iat": int(now),
            "exp": int(now) + lifetime,
            "cid": app.client_id,
            "scp": scopes,
        }
        if jkt is not None:
            claims["cnf"] = {"jkt": jkt}
        token = sign_access_token(claims)
        granted = frozenset(scopes)
        principal = Principal("DPoP" if jkt else "Bearer", app.client_id, granted, app.client_id)
        record = IssuedToken(app.client_id, granted, now, now + lifetime, jkt, principal)
        self.tokens[token] = record
        if len(self.tokens) >= self._purge_at:
            # In place: the OAuth scheme holds a reference to this dict.
            for stale in [k for k, t in self.tokens.items() if t.expires_at <= now or t.revoked]:
                del self.tokens[stale]
            self._purge_at = max(4096, 2 * len(self.tokens))
        return token, record

    def revoke(self, client_id: str | None = None) -> int:
        count = 0
        for record in self.tokens.values():
            if not record.revoked and (client_id is None or record.client_id == client_id):
                record.revoked = True
                count += 1
        return count


class OAuthState:
    """Everything the token endpoint and the OAuth auth schemes share."""

    def __init__(self, org: Org, clock: Clock) -> None:
        self.org = org
        self.clock = clock
        self.apps = ServiceAppRegistry(org)
        self.tokens = TokenStore(org)
        self.nonces = DpopNonces()
        #: (client_id, jti) of client assertions already used.
        self.assertion_jtis = ReplayCache()
        #: (key thumbprint, jti) of DPoP proofs already used.
        self.proof_jtis = ReplayCache()
        #: Ask for a nonce in DPoP proofs on resource calls too (Okta does not, today).
        self.resource_nonce_required = False
        #: ``POST /oauth2/v1/token`` requests answered by the token endpoint.
        self.token_requests = 0

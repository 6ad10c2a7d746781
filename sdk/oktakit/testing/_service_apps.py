"""OAuth service apps: their client ids, public keys (inline or at a ``jwks_uri``) and scopes.

An app's admin roles live in the org's role-assignment state (``Org.clients``), the same state
``listRolesForClient`` reads, so what a token may do and what the roles API shows never differ.

Keys from a ``jwks_uri`` are fetched over HTTP with aiohttp and cached; an unknown ``kid`` makes
the simulator fetch again once (as Okta does after a key rotation). Inline key sets, and any set
given to ``publish_jwks``, are served unauthenticated at ``/oauth2/v1/clients/{name}/jwks``, a
simulator-only path, so ``jwks_uri`` can point at the simulator itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from joserfc import jwk

from ._jose import import_public_key
from ._oauth_errors import OAuthError
from ._state import Org

#: Okta allows at most this many keys in a client's JWKS.
MAX_KEYS = 50
_FETCH_TIMEOUT = aiohttp.ClientTimeout(total=5)


@dataclass(frozen=True, slots=True)
class ClientKey:
    kid: str | None
    key: jwk.Key
    alg: str | None
    use: str | None


def load_keys(keys: Iterable[Mapping[str, Any]]) -> list[ClientKey]:
    """Validate public JWK dicts; ValueError names the first problem."""
    loaded: list[ClientKey] = []
    for data in keys:
        key = import_public_key(dict(data))
        kid = data.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise ValueError("kid must be a string")
        if kid is not None and any(other.kid == kid for other in loaded):
            raise ValueError(f"duplicate kid {kid!r}")
        loaded.append(ClientKey(kid, key, data.get("alg"), data.get("use")))
    if len(loaded) > MAX_KEYS:
        raise ValueError(f"a client JWKS holds at most {MAX_KEYS} keys")
    return loaded


def select_key(keys: list[ClientKey], kid: str | None) -> ClientKey | None:
    """The key named by ``kid``; without a kid only a one-key set is unambiguous."""
    if kid is None:
        return keys[0] if len(keys) == 1 else None
    return next((key for key in keys if key.kid == kid), None)


@dataclass(eq=False)
class ServiceApp:
    """One OAuth service app registered with ``OktaSimulator.add_service_app``."""

    client_id: str
    scopes: frozenset[str]
    dpop_bound: bool
    token_lifetime: int
    #: The public keys registered inline (None when the app uses ``jwks_uri``).
    jwks: list[dict[str, Any]] | None
    jwks_uri: str | None
    #: The private JWK when the simulator generated the app's key pair (ES256), else None.
    private_jwk: dict[str, Any] | None = field(default=None, repr=False)
    #: Scopes whose grant an admin revoked (listed with status REVOKED).
    revoked_scopes: frozenset[str] = frozenset()
    #: ``POST /oauth2/v1/token`` calls attributed to this app, and tokens issued to it.
    token_requests: int = 0
    tokens_issued: int = 0
    org: Org | None = field(default=None, repr=False)
    keys: list[ClientKey] | None = field(default=None, repr=False)

    @property
    def org_url(self) -> str:
        return self.org.base_url if self.org is not None else ""

    @property
    def token_url(self) -> str:
        """The ``aud`` of a client assertion, and where to POST token requests."""
        return f"{self.org_url}/oauth2/v1/token"

    @property
    def jwks_url(self) -> str | None:
        """Where the simulator serves this app's inline JWKS (None for a ``jwks_uri`` app)."""
        return None if self.jwks is None else f"{self.org_url}/oauth2/v1/clients/{self.client_id}/jwks"


class ServiceAppRegistry:
    def __init__(self, org: Org) -> None:
        self.org = org
        self.apps: dict[str, ServiceApp] = {}
        #: name -> JWKS document served at /oauth2/v1/clients/{name}/jwks.
        self.published: dict[str, dict[str, Any]] = {}
        self._session: aiohttp.ClientSession | None = None

    # --- registration ---------------------------------------------------------------------
    def add(
        self,
        *,
        jwks: Iterable[Mapping[str, Any]] | None,
        jwks_uri: str | None,
        scopes: Iterable[str],
        roles: Iterable[str],
        custom_permissions: Iterable[str] | None,
        resources: Iterable[str] | None,
        dpop_bound: bool,
        token_lifetime: int,
        client_id: str | None,
    ) -> ServiceApp:
        if jwks is not None and jwks_uri is not None:
            raise ValueError("give an app either jwks or jwks_uri, not both")
        if client_id is not None and client_id in self.org.clients:
            raise ValueError(f"client {client_id!r} already exists")
        private: dict[str, Any] | None = None
        if jwks is None and jwks_uri is None:
            parameters: jwk.KeyParameters = {"alg": "ES256", "use": "sig"}
            generated = jwk.generate_key("EC", "P-256", parameters=parameters, auto_kid=True)
            private = generated.as_dict(private=True)
            jwks = [generated.as_dict(private=False)]
        public = [dict(key) for key in jwks] if jwks is not None else None
        loaded = load_keys(public) if public is not None else None
        if loaded is not None and len(loaded) > 1 and any(key.kid is None for key in loaded):
            raise ValueError("every key needs a kid when the JWKS holds more than one")
        if token_lifetime <= 0:
            raise ValueError("token_lifetime must be positive")
        role_types = list(roles)
        if "CUSTOM" in role_types:
            raise ValueError("pass custom roles as custom_permissions")
        cid = self.org.add_client(client_id)
        app = ServiceApp(
            cid,
            frozenset(scopes),
            dpop_bound,
            int(token_lifetime),
            public,
            jwks_uri,
            private,
            org=self.org,
            keys=loaded,
        )
        for role_type in role_types:
            self.org.assign_standard_role(cid, role_type)
        if custom_permissions is not None:
            role = self.org.add_custom_role(f"{cid} custom role", list(custom_permissions))
            resource_set = None
            if resources is not None:
                resource_set = self.org.add_resource_set(f"{cid} resources", list(resources)).id
            self.org.assign_custom_role(cid, role, resource_set)
        self.apps[cid] = app
        if public is not None:
            self.published[cid] = {"keys": public}
        return app

    def set_keys(self, client_id: str, jwks: Iterable[Mapping[str, Any]]) -> None:
        """Replace an inline app's public keys (a key rotation)."""
        app = self.apps[client_id]
        public = [dict(key) for key in jwks]
        app.keys, app.jwks = load_keys(public), public
        self.published[client_id] = {"keys": public}

    def publish(self, name: str, jwks: Iterable[Mapping[str, Any]]) -> None:
        self.published[name] = {"keys": [dict(key) for key in jwks]}

    # --- keys for client authentication ---------------------------------------------------
    async def key_for(self, app: ServiceApp, kid: str | None) -> ClientKey:
        """The app key that must verify an assertion with this ``kid``; raises OAuthError."""
        if app.jwks_uri is None:
            keys = app.keys or []
            if not keys:
                raise OAuthError("client_assertion_jwks_not_configured")
            found = select_key(keys, kid)
            if found is None:
                raise OAuthError("client_assertion_invalid_kid")
            return found
        if app.keys is not None:
            found = select_key(app.keys, kid)
            if found is not None:
                return found
        app.keys = await self._fetch(app.jwks_uri)  # first use, or a kid we have not seen
        found = select_key(app.keys, kid)
        if found is None:
            raise OAuthError("client_assertion_invalid_kid")
        return found

    async def _fetch(self, url: str) -> list[ClientKey]:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=_FETCH_TIMEOUT)
        session = self._session
        try:
            async with session.get(url, headers={"Accept": "application/json"}) as response:
                if response.status != 200:
                    raise OAuthError("jwks_uri_error")
                document = json.loads(await response.read())
        except (aiohttp.ClientError, TimeoutError, ValueError):
            raise OAuthError("jwks_uri_error") from None
        keys = document.get("keys") if isinstance(document, dict) else None
        if not isinstance(keys, list):
            raise OAuthError("jwks_uri_error")
        if not keys:
            raise OAuthError("jwks_uri_no_key")
        kids = [key.get("kid") for key in keys if isinstance(key, dict)]
        if len(kids) != len(set(kids)):
            raise OAuthError("jwks_uri_ambiguous_keys")
        try:
            return load_keys(keys)
        except ValueError:
            raise OAuthError("client_assertion_invalid_jwks") from None

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

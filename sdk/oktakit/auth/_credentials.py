"""The credentials oktakit provides: an API token and a service app.

``ApiToken`` sends Okta's ``SSWS`` header. ``PrivateKeyJWT`` is an OAuth 2.0 service app
(client credentials with a private-key JWT, optionally DPoP-bound), which Okta recommends over
API tokens. Both plug into ``OktaClient(auth=...)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from yarl import URL

from oktakit.errors import ConfigurationError

from ._keys import SigningKey, load_signing_key, plain_word
from ._protocol import Authorizer, CredentialInfo, OrgConnection, Resend


class ApiToken:
    """An Okta API token, sent as ``Authorization: SSWS <token>``.

    >>> ApiToken("00abc...")
    ApiToken(token='***')

    The token is never shown in ``repr()``, logs or error messages.
    """

    __slots__ = ("_header",)

    def __init__(self, token: str) -> None:
        if not isinstance(token, str):
            raise ConfigurationError("the API token must be a string")
        token = token.strip()
        if token[:4].upper() == "SSWS" and (len(token) == 4 or token[4].isspace()):
            token = token[4:].strip()
        if not token:
            raise ConfigurationError("the API token is empty")
        if not plain_word(token):
            raise ConfigurationError("the API token must be printable ASCII without whitespace")
        self._header = {"Authorization": f"SSWS {token}"}

    def connect(self, connection: OrgConnection) -> ApiToken:
        return self  # stateless: the same header for every request

    @property
    def fixed_headers(self) -> Mapping[str, str]:
        """The same header for every request, and never a resend: the client merges it once."""
        return self._header

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        return self._header

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        return Resend.NO  # nothing to refresh: a rejected API token stays rejected

    async def describe(self) -> CredentialInfo:
        return CredentialInfo("api_token", "API token (SSWS)")

    def __repr__(self) -> str:
        return "ApiToken(token='***')"


class PrivateKeyJWT:
    """An OAuth 2.0 service app: client credentials authenticated with a private-key JWT.

    >>> auth = PrivateKeyJWT("0oa1service", pem_text, ["okta.users.read", "okta.users.manage"])
    >>> async with OktaClient("https://acme.okta.com", auth=auth) as okta: ...

    ``key`` is PEM (PKCS#1, PKCS#8, encrypted PKCS#8 with ``passphrase``) or a JWK (dict or JSON
    text), RSA (RS256/384/512) or EC (ES256/384/512). ``key_id`` defaults to the JWK's ``kid``
    or the key's RFC 7638 thumbprint. With ``dpop=True`` tokens are DPoP-bound to a separate,
    ephemeral ES256 key. Each client gets its own token, cached until shortly before it expires.
    """

    __slots__ = ("_client_id", "_dpop", "_key", "_scopes")

    def __init__(
        self,
        client_id: str,
        key: str | bytes | Mapping[str, Any] | SigningKey,
        scopes: Iterable[str],
        *,
        key_id: str | None = None,
        algorithm: str | None = None,
        passphrase: str | bytes | None = None,
        dpop: bool = False,
    ) -> None:
        if not plain_word(client_id):
            raise ConfigurationError("client_id must be the service app's client ID (e.g. 0oa1b2c3...)")
        if isinstance(scopes, str):
            scopes = scopes.split()
        if not isinstance(scopes, Iterable) or isinstance(scopes, (bytes, Mapping)):
            raise ConfigurationError("scopes must be a list of scope names such as okta.users.read")
        scope_list = tuple(scopes)
        if not scope_list or not all(plain_word(s) for s in scope_list):
            raise ConfigurationError("scopes must be a non-empty list of scope names such as okta.users.read")
        if "openid" in scope_list:
            raise ConfigurationError(
                "openid cannot be requested with client credentials: ask for okta.* scopes"
            )
        if not isinstance(dpop, bool):
            raise ConfigurationError("dpop must be True or False")
        self._client_id = client_id
        self._scopes = tuple(dict.fromkeys(scope_list))
        self._key = load_signing_key(key, key_id=key_id, algorithm=algorithm, passphrase=passphrase)
        self._dpop = dpop

    @property
    def client_id(self) -> str:
        return self._client_id

    @property
    def scopes(self) -> tuple[str, ...]:
        """The scopes requested (``OktaClient.granted_scopes`` has what Okta granted)."""
        return self._scopes

    @property
    def key_id(self) -> str:
        return self._key.kid

    @property
    def algorithm(self) -> str:
        return self._key.alg

    @property
    def dpop(self) -> bool:
        return self._dpop

    def connect(self, connection: OrgConnection) -> Authorizer:
        from ._oauth import ServiceAppAuthorizer

        return ServiceAppAuthorizer(
            client_id=self._client_id,
            key=self._key,
            scopes=self._scopes,
            connection=connection,
            dpop=self._dpop,
        )

    def __repr__(self) -> str:
        return (
            f"PrivateKeyJWT(client_id={self._client_id!r}, key_id={self._key.kid!r}, "
            f"algorithm={self._key.alg!r}, scopes={list(self._scopes)!r}, dpop={self._dpop})"
        )

"""Service-app tokens: client credentials with a private-key JWT, cached and refreshed.

One ``ServiceAppAuthorizer`` per client holds the token state: the cached access token, the
single-flight lock that makes concurrent callers share one token request, the DPoP nonces, and
the offset between our clock and the org's (learned from the ``Date`` of the org's answers, the
token endpoint's and the API's, so a skewed local clock cannot break the assertion's and the
DPoP proofs' ``iat``/``exp``; ``_clock.ServerClock``, which no single answer can mislead).
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from attrs import evolve, field, frozen
from authlib.oauth2.rfc7523 import private_key_jwt_sign
from yarl import URL

from oktakit._http.clock import ServerClock
from oktakit._http.error_mapping import api_error_from_response
from oktakit._http.exchange import json_or_none
from oktakit.errors import MalformedResponseError, OAuthError, OktaError

from ._dpop import DPoPProver
from ._protocol import CredentialInfo, Resend

if TYPE_CHECKING:
    from ._keys import SigningKey
    from ._protocol import OrgConnection

TOKEN_PATH = "/oauth2/v1/token"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# Okta rejects assertions that expire more than an hour ahead; stay far from that edge.
ASSERTION_LIFETIME = 300
# Backdate iat so a server clock slightly behind ours still sees it in the past.
ASSERTION_BACKDATE = 30
# How often a refused token request is repeated, by reason: a DPoP nonce challenge (twice, as
# the nonce may rotate in between), a replayed assertion, and a clock the org disagrees with.
RETRY_BUDGET = {"nonce": 2, "replay": 1, "clock": 1}
# A token response is a couple of kilobytes; read no more than this of one.
MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024
MAX_TOKEN_LIFETIME = 86400
# RFC 6750 b64token: the only characters an access token may have, and all a header can carry.
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


@frozen
class AccessToken:
    """An access token and what came with it. The token itself never shows in a repr."""

    value: str = field(repr=False)
    token_type: str
    scopes: frozenset[str]
    expires_at: float  # time.monotonic() deadline
    lifetime: float

    def fresh(self, now: float) -> bool:
        # Refresh proactively: with a tenth of the lifetime (at most 5 minutes) left.
        return now < self.expires_at - min(300.0, self.lifetime / 10)


class ServiceAppAuthorizer:
    """Adds ``Authorization: Bearer|DPoP`` (and DPoP proofs) to requests of one client."""

    def __init__(
        self,
        *,
        client_id: str,
        key: SigningKey,
        scopes: tuple[str, ...],
        connection: OrgConnection,
        dpop: bool,
    ) -> None:
        self._client_id = client_id
        self._key = key
        self._scopes = scopes
        self._token_url = str(connection.org) + TOKEN_PATH
        # A token request reads no more than a token response can need.
        self._connection = evolve(
            connection, max_response_bytes=min(connection.max_response_bytes, MAX_TOKEN_RESPONSE_BYTES)
        )
        self._clock = ServerClock()
        # One answer's offset, used only for the one token request that a refusal on our clock
        # calls for (the refusal vouches for that Date), until answers agree on it.
        self._retry_offset: float | None = None
        self._dpop = DPoPProver(self._now) if dpop else None
        self._token_nonce: str | None = None
        self._api_nonce: str | None = None
        self._token: AccessToken | None = None
        self._lock = asyncio.Lock()
        self._flights = 0  # token requests finished so far
        self._failure: OktaError | None = None  # the last token request's error

    @property
    def client_id(self) -> str:
        return self._client_id

    @property
    def granted_scopes(self) -> frozenset[str] | None:
        """Scopes of the current token, as granted by Okta (``None`` before the first token)."""
        return self._token.scopes if self._token else None

    async def describe(self) -> CredentialInfo:
        token = await self.access_token()  # what Okta granted, not what was asked for
        return CredentialInfo(
            "service_app",
            f"service app {self._client_id} (private-key JWT)",
            token.scopes,
            self._client_id,
            token.token_type == "DPoP",
        )

    def _now(self) -> float:
        return time.time() + self._clock_offset()

    def _clock_offset(self) -> float:
        if self._retry_offset is not None:
            return self._retry_offset
        return _resolvable(self._clock.offset)

    def _observe(self, headers: Mapping[str, str]) -> None:
        self._clock.observe(headers.get("Date"), time.time(), time.time)

    # -- the Authorizer protocol ---------------------------------------------------------------

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        token = await self.access_token()
        if self._dpop is None:
            return {"Authorization": f"Bearer {token.value}"}
        proof = self._dpop.proof(method, _htu(url), nonce=self._api_nonce, access_token=token.value)
        return {"Authorization": f"DPoP {token.value}", "DPoP": proof}

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        self._observe(headers)
        nonce = headers.get("DPoP-Nonce")
        if nonce is not None and self._dpop is not None:
            self._api_nonce = nonce
            if status in (400, 401) and _asks_for_nonce(headers, body):
                return Resend.WITH_NEW_NONCE
        if status != 401:
            return Resend.NO
        # The token expired early or was revoked: drop it, unless a concurrent request already
        # replaced it, so that a burst of 401s costs one token request, not one each.
        current = self._token
        if current is not None and sent.get("Authorization", "").endswith(current.value):
            self._token = None
        return Resend.WITH_NEW_TOKEN

    # -- tokens ----------------------------------------------------------------------------------

    async def access_token(self) -> AccessToken:
        """The cached token, or a new one; concurrent callers share a single token request.

        They share its failure too: callers that waited for a token request that failed get
        its error rather than sending one more request each (a refusal is never retried).
        """
        token = self._token
        if token is not None and token.fresh(time.monotonic()):
            return token
        flights = self._flights
        async with self._lock:
            if self._flights != flights:
                # A token request finished while we waited: share its outcome, whatever the
                # token's lifetime (even a very short one), rather than sending one more.
                if self._failure is not None:
                    raise self._failure
                if self._token is not None:
                    return self._token
            token = self._token
            if token is None or not token.fresh(time.monotonic()):
                try:
                    token = self._token = await self._request_token()
                    self._failure = None
                except OktaError as exc:
                    self._failure = exc
                    raise
                finally:
                    self._flights += 1
            return token

    async def _request_token(self) -> AccessToken:
        try:
            return await self._request_token_once()
        finally:
            self._retry_offset = None  # from here on, the answers' agreed offset

    async def _request_token_once(self) -> AccessToken:
        retries: Counter[str] = Counter()
        while True:
            signed_with = self._clock_offset()
            status, headers, body = await self._post_token_request()
            self._observe(headers)
            if self._dpop is not None and "DPoP-Nonce" in headers:
                self._token_nonce = headers["DPoP-Nonce"]
            if status == 200:
                return self._parse_token(body, status)
            error, description = _oauth_error(body)
            if error is None or status == 429 or status >= 500:
                raise api_error_from_response(
                    status=status, method="POST", url=self._token_url, headers=headers, body=body
                )
            reason = self._retry_reason(error, description, signed_with)
            if reason is not None and retries[reason] < RETRY_BUDGET[reason]:
                retries[reason] += 1
                continue  # always with a brand-new assertion (and proof): Okta burns every jti
            raise OAuthError(
                status=status,
                error=error,
                description=description,
                hint=self._hint(error, description),
                url=self._token_url,
            )

    def _retry_reason(self, error: str, description: str | None, signed_with: float) -> str | None:
        """Why a refused token request is worth repeating with a new assertion, if it is."""
        text = (description or "").lower()
        if error == "use_dpop_nonce":
            return "nonce" if self._dpop is not None else None
        if error != "invalid_client":
            return None
        if "already" in text and "used" in text:
            return "replay"  # client_assertion_already_used: sign a new one
        # iat in the future or exp in the past: worth one more try on the org's clock, as this
        # answer's Date gives it.
        offset = _resolvable(self._clock.latest)
        if abs(offset - signed_with) <= 5:
            return None
        self._retry_offset = offset
        return "clock"

    async def _post_token_request(self) -> tuple[int, Mapping[str, str], bytes]:
        form = {
            "grant_type": "client_credentials",
            "scope": " ".join(self._scopes),
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": self._assertion(),
        }
        headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
        if self._dpop is not None:
            headers["DPoP"] = self._dpop.proof("POST", self._token_url, nonce=self._token_nonce)
        response = await self._connection.send("POST", self._token_url, headers, urlencode(form).encode())
        return response.status, response.headers, response.content

    def _assertion(self) -> str:
        now = int(self._now())
        # authlib adds a random jti itself; ours is explicit. It returns the JWT as a str.
        signed = private_key_jwt_sign(
            self._key.key,
            self._client_id,
            self._token_url,
            alg=self._key.alg,
            header={"kid": self._key.kid},
            issued_at=now - ASSERTION_BACKDATE,
            expires_at=now + ASSERTION_LIFETIME,
            claims={"jti": uuid.uuid4().hex},
        )
        return str(signed)

    def _parse_token(self, body: bytes, status: int) -> AccessToken:
        data = json_or_none(body)
        if not isinstance(data, dict):
            raise self._malformed("the token response is not a token", status)
        value, token_type = data.get("access_token"), data.get("token_type", "Bearer")
        if not isinstance(value, str) or not value:
            raise self._malformed("the token response has no access_token", status)
        if not _TOKEN_CHARS.fullmatch(value):
            # It goes into every Authorization header (and DPoP's ath): refuse it whole.
            raise self._malformed("the access token has characters a token cannot have", status)
        lifetime = data.get("expires_in", 3600)
        if isinstance(lifetime, bool) or not isinstance(lifetime, (int, float)) or not lifetime > 0:
            raise self._malformed("the token response's expires_in is not a positive number", status)
        scope = data.get("scope")
        scope = " ".join(self._scopes) if scope is None else scope
        if not isinstance(scope, str):
            raise self._malformed("the token response's scope is not a string", status)
        expected = "DPoP" if self._dpop is not None else "Bearer"
        if not isinstance(token_type, str) or token_type.lower() != expected.lower():
            raise OAuthError(
                status=status,
                error="unexpected_token_type",
                description=f"got a {_shown(token_type)} token, expected {expected}",
                hint="Match dpop= to the app's 'Require DPoP header in token requests' setting.",
                url=self._token_url,
            )
        # At most a day (Okta's are an hour): Infinity and ints too large for a float stay finite.
        lifetime = float(min(lifetime, MAX_TOKEN_LIFETIME))
        return AccessToken(value, expected, frozenset(scope.split()), time.monotonic() + lifetime, lifetime)

    def _malformed(self, message: str, status: int) -> MalformedResponseError:
        return MalformedResponseError(message, status=status, method="POST", url=self._token_url)

    def _hint(self, error: str, description: str | None) -> str:
        text = (description or "").lower()
        if "dpop" in text and self._dpop is None:
            return (
                "The app requires DPoP-bound tokens: pass dpop=True, or turn off 'Require "
                "Demonstrating Proof of Possession (DPoP) header in token requests' for the app."
            )
        if error == "invalid_scope":
            return (
                f"Grant the scopes ({' '.join(self._scopes)}) on the app's 'Okta API Scopes' tab "
                "in the Admin Console, or ask for fewer (openid cannot be asked for here)."
            )
        if error == "invalid_client":
            return (
                f"Check the client ID ({self._client_id}), that the app authenticates with 'Public "
                f"key / Private key', and that its public keys include kid {self._key.kid!r} "
                "(`oktakit keys jwks` prints the JWKS to upload)."
            )
        if error == "unauthorized_client":
            return "Allow the 'Client Credentials' grant type in the app's General settings."
        return "Check the service app's settings in the Okta Admin Console."

    def __repr__(self) -> str:
        return f"<ServiceAppAuthorizer client_id={self._client_id!r} dpop={self._dpop is not None}>"


def _resolvable(offset: float | None) -> float:
    # Date has one-second resolution: differences it cannot resolve are no correction.
    return 0.0 if offset is None or abs(offset) <= 2 else offset


def _htu(url: URL) -> str:
    return str(url.with_query(None).with_fragment(None))


def _shown(token_type: object) -> str:
    """A token type from the server, as far as it is fit to print."""
    text = token_type if isinstance(token_type, str) else type(token_type).__name__
    return text[:40] if text.isprintable() else repr(text[:40])


def _oauth_error(body: bytes) -> tuple[str | None, str | None]:
    data: Any = json_or_none(body)
    if not isinstance(data, dict) or not isinstance(data.get("error"), str):
        return None, None
    description = data.get("error_description")
    return data["error"], description if isinstance(description, str) else None


def _asks_for_nonce(headers: Mapping[str, str], body: bytes) -> bool:
    if "use_dpop_nonce" in headers.get("WWW-Authenticate", ""):
        return True
    return _oauth_error(body)[0] == "use_dpop_nonce"

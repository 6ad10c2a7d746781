"""Helpers for the OAuth tests: client assertions and DPoP proofs made with joserfc directly.

Nothing here uses the SDK's auth module: the tests drive the simulator the way any client would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from typing import Any

import aiohttp
from joserfc import jwk, jwt

from oktakit.testing import OktaSimulator, ServiceApp
from tests import okta_catalogue

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
DROP = object()  # a claim or header value meaning "leave this out"


def public(key: jwk.Key) -> dict[str, Any]:
    return dict(key.as_dict(private=False))


def assertion(
    key: jwk.Key, app: ServiceApp, now: float, *, header: dict[str, Any] | None = None, **claims: Any
) -> str:
    """A client assertion for ``app``, valid at ``now`` unless ``claims``/``header`` say otherwise."""
    values: dict[str, Any] = {
        "iss": app.client_id,
        "sub": app.client_id,
        "aud": app.token_url,
        "iat": int(now),
        "exp": int(now) + 300,
        "jti": str(uuid.uuid4()),
    }
    values.update(claims)
    head: dict[str, Any] = {"alg": "RS256" if key.key_type == "RSA" else "ES256"}
    if key.kid is not None:
        head["kid"] = key.kid
    head.update(header or {})
    return _sign(head, values, key)


def proof(
    key: jwk.Key,
    *,
    method: str,
    url: str,
    now: float,
    nonce: str | None = None,
    access_token: str | None = None,
    header: dict[str, Any] | None = None,
    **claims: Any,
) -> str:
    """A DPoP proof signed by ``key`` with its public key in the header."""
    values: dict[str, Any] = {"htm": method, "htu": url, "iat": int(now), "jti": str(uuid.uuid4())}
    if nonce is not None:
        values["nonce"] = nonce
    if access_token is not None:
        values["ath"] = ath(access_token)
    values.update(claims)
    head: dict[str, Any] = {
        "typ": "dpop+jwt",
        "alg": "ES256" if key.key_type == "EC" else "RS256",
        "jwk": {k: v for k, v in public(key).items() if k != "kid"},
    }
    head.update(header or {})
    return _sign(head, values, key)


def _sign(header: dict[str, Any], claims: dict[str, Any], key: jwk.Key) -> str:
    header = {k: v for k, v in header.items() if v is not DROP}
    claims = {k: v for k, v in claims.items() if v is not DROP}
    return jwt.encode(header, claims, key, algorithms=[header["alg"]], default_type=None)


def ath(access_token: str) -> str:
    digest = hashlib.sha256(access_token.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def form(client_assertion: str, scope: Any = "okta.users.read", /, **extra: Any) -> dict[str, str]:
    data = {
        "grant_type": "client_credentials",
        "scope": scope,
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": client_assertion,
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not DROP}


async def post_token(
    session: aiohttp.ClientSession,
    sim: OktaSimulator,
    data: dict[str, str],
    *,
    dpop: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any], aiohttp.ClientResponse]:
    """(status, JSON body, response) of one token request."""
    sent = dict(headers or {})
    if dpop is not None:
        sent["DPoP"] = dpop
    async with session.post(f"{sim.url}/oauth2/v1/token", data=data, headers=sent) as response:
        return response.status, await response.json(), response


async def get_token(
    session: aiohttp.ClientSession, sim: OktaSimulator, key: jwk.Key, app: ServiceApp, scope: str
) -> str:
    """A Bearer access token for ``app`` (fails the test if the simulator refuses)."""
    status, body, _ = await post_token(session, sim, form(assertion(key, app, sim.clock()), scope))
    assert status == 200, body
    return str(body["access_token"])


# Values for the parameters Okta's catalogue prints as "en", and where each comes from.
CATALOGUE_PARAMETERS: dict[str, tuple[str, ...]] = {
    # An API service app may only use the client-credentials grant (OKTA-FACTS section 2.1).
    "token_request_missing_grant_type": ("client_credentials",),
    "unsupported_grant_type": ("client_credentials",),
    # RFC 7517 section 4.2: "sig" is the only `use` of a signing key.
    "client_assertion_invalid_key_use": ("sig",),
    # The one required token-request parameter our tests leave out.
    "missing_token_request_parameter": ("client_assertion",),
}


def assert_oauth_error(status: int, body: dict[str, Any], code: str) -> None:
    """The response is Okta's OAuthError for Okta's internal code ``code``, as Okta's catalogue
    publishes it (status, error, description)."""
    okta_catalogue.assert_oauth_error(status, body, code, *CATALOGUE_PARAMETERS.get(code, ()))


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))

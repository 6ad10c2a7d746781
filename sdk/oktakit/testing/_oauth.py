"""The org authorization server: ``POST /oauth2/v1/token`` (client credentials) and key sets.

A token request is checked in this order: request shape (``grant_type``, duplicated
parameters), client authentication (``_assertion``; uses up the assertion's ``jti``), the DPoP
proof (``_dpop_verify``; required for ``dpop_bound`` apps, honoured for any app that sends one),
then the scopes: every requested scope must be granted to the app, ``openid`` is refused, and
the token carries exactly the requested scopes. Every answer has Okta's no-store headers, and
every answer to a request that carried a ``DPoP`` header has the current ``DPoP-Nonce``.

The org authorization server's signing keys are at ``GET /oauth2/v1/keys`` (access tokens are
RS256 JWTs shaped like Okta's); ``GET /oauth2/v1/clients/{name}/jwks`` (simulator only) serves
the key sets registered inline or published with ``OktaSimulator.publish_jwks``. All three
routes are public: no Authorization header is needed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from ._assertion import authenticate_client, form_value
from ._audit import log_actor
from ._context import CONTEXT
from ._dpop_verify import verify_proof
from ._errors import not_found
from ._jose import public_jwks
from ._oauth_errors import NO_STORE, OAuthError
from ._oauth_state import OAuthState
from ._service_apps import ServiceApp
from ._syslog_events import app_actor, target
from ._util import iso8601

JSON: Final = "application/json"
#: OpenID Connect scopes: the first gets Okta's dedicated error, the others are unknown here.
_OIDC_SCOPES: Final = frozenset(
    {"openid", "profile", "email", "address", "phone", "offline_access", "groups"}
)
#: Routes served without authentication (operation names in ``_app.ROUTES``).
PUBLIC_OPERATIONS: Final = frozenset({"token", "oauthKeys", "clientJwks"})


def _json(payload: Any, status: int = 200) -> web.Response:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return web.Response(status=status, body=body, content_type=JSON)


async def token(request: web.Request) -> web.StreamResponse:
    ctx = request.app[CONTEXT]
    state = ctx.oauth
    state.token_requests += 1
    try:
        response = await _token(request, state, ctx.clock())
    except OAuthError as error:
        response = web.Response(status=error.status, body=error.body(), content_type=JSON)
        response.headers.update(error.headers)
    response.headers.update(NO_STORE)
    if "DPoP" in request.headers and "DPoP-Nonce" not in response.headers:
        response.headers["DPoP-Nonce"] = state.nonces.current
    return response


async def _token(request: web.Request, state: OAuthState, now: float) -> web.Response:
    try:
        form = await request.post()
    except (ValueError, LookupError, RuntimeError, HttpProcessingError):
        # A broken multipart body, bytes that are not text in its charset, an unknown charset or
        # Content-Transfer-Encoding (aiohttp's RuntimeError): Okta answers a token request it
        # cannot read with 400 invalid_request, never a 500.
        raise OAuthError("invalid_request") from None
    if any(len(form.getall(name)) > 1 for name in form):
        raise OAuthError("duplicate_oauth_params")
    grant_type = form_value(form, "grant_type")
    if not grant_type:
        raise OAuthError("token_request_missing_grant_type")
    if grant_type != "client_credentials":
        raise OAuthError("unsupported_grant_type")
    app = await authenticate_client(request, form, state, now)
    jkt = _token_proof(request, app, state, now)
    scopes = _requested_scopes(form_value(form, "scope"), app)
    lifetime = app.token_lifetime
    access_token, _ = state.tokens.issue(app, scopes, jkt, now, lifetime)
    app.tokens_issued += 1
    # The System Log names the app and the token (by a digest: the token itself never appears).
    digest = "AT." + hashlib.sha256(access_token.encode()).hexdigest()[:32]
    granted = target("access_token", digest, None, "Access Token", expires=iso8601(now + lifetime))
    log_actor(request, app_actor(app.client_id), granted)
    return _json(
        {
            "token_type": "DPoP" if jkt is not None else "Bearer",
            "expires_in": lifetime,
            "access_token": access_token,
            "scope": " ".join(scopes),
        }
    )


def _token_proof(request: web.Request, app: ServiceApp, state: OAuthState, now: float) -> str | None:
    """The DPoP key thumbprint to bind the token to, or None for a Bearer token."""
    proofs = request.headers.getall("DPoP", [])
    if not proofs:
        if app.dpop_bound:
            raise OAuthError("invalid_dpop_proof_missing_header")
        return None
    if len(proofs) > 1:
        raise OAuthError("invalid_dpop_proof_multiple_headers_not_allowed")
    proof = verify_proof(
        state, proofs[0], method=request.method, url=request.url, now=now, nonce_required=True
    )
    return proof.jkt


def _requested_scopes(raw: str | None, app: ServiceApp) -> list[str]:
    requested = list(dict.fromkeys((raw or "").split()))  # space-delimited; duplicates collapse
    if not requested:
        raise OAuthError("missing_scopes")
    if "openid" in requested:
        raise OAuthError("openid_not_allowed_client_creds")
    if any(scope in _OIDC_SCOPES or scope not in app.scopes for scope in requested):
        raise OAuthError("invalid_scope")
    return requested


async def keys(request: web.Request) -> web.StreamResponse:
    return _json(public_jwks())


async def client_jwks(request: web.Request) -> web.StreamResponse:
    name = request.match_info["clientId"]
    document = request.app[CONTEXT].oauth.apps.published.get(name)
    if document is None:
        raise not_found(name, "JsonWebKeySet")
    return _json(document)

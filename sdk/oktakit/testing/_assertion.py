"""Client authentication at the token endpoint: ``private_key_jwt`` only, as Okta requires.

Checks, in order (each failure a 401 ``invalid_client`` unless noted):

1. credentials in the query string (400 ``invalid_request``), a client secret or an
   ``Authorization`` header next to the assertion (``multiple_client_credentials``), a secret
   without an assertion (``unsupported_auth_method_client_creds``), a missing or wrong
   ``client_assertion_type`` (400 ``invalid_request``);
2. the JWT parses; the app is found by the ``client_id`` parameter or else by ``iss``;
   ``iss`` and ``sub`` both equal the client id;
3. ``alg`` is RS256/384/512 or ES256/384/512; the key is chosen by ``kid`` (no kid is fine only
   when the app has exactly one key); a key's ``use`` must be ``sig`` and its ``alg``, if set,
   the header's; the signature verifies;
4. ``aud`` is the token URL: the org's (``sim.url + "/oauth2/v1/token"``) or the URL the
   request was sent to, as a string or inside a list;
5. ``exp`` is required, not passed, and at most one hour ahead; ``iat``, if sent, is not in
   the future; both allow ``CLOCK_SKEW`` seconds for a client clock running slightly ahead;
6. ``jti``, if sent, was never used by this client before (``client_assertion_already_used``).
   It is used up from here on, even when the request then fails a DPoP or scope check.
"""

from __future__ import annotations

from typing import Any, Final

from aiohttp import web
from multidict import MultiDictProxy

from ._jose import ASYMMETRIC_ALGS, ParsedJwt, number, parse, signature_valid
from ._oauth_errors import OAuthError
from ._oauth_state import OAuthState
from ._service_apps import ServiceApp

ASSERTION_TYPE: Final = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#: Okta: an assertion "must be a maximum of only one hour in the future".
MAX_ASSERTION_LIFETIME: Final = 3600.0
#: Okta documents no skew for assertions; a few seconds keeps a whole-second ``iat``/``exp``
#: computed by a client from a clock that reads a little ahead of the simulator's from failing.
CLOCK_SKEW: Final = 5.0


def form_value(form: MultiDictProxy[Any], name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


async def authenticate_client(
    request: web.Request, form: MultiDictProxy[Any], state: OAuthState, now: float
) -> ServiceApp:
    """The service app a token request authenticates as; raise OAuthError otherwise."""
    try:
        parsed = parse(_assertion(request, form))
    except ValueError:
        raise OAuthError("client_assertion_invalid_jwt") from None
    claims = parsed.claims
    app = _find_app(state, form_value(form, "client_id"), claims.get("iss"))
    app.token_requests += 1
    if claims.get("iss") != app.client_id:
        raise OAuthError("client_assertion_invalid_issuer")
    if claims.get("sub") != app.client_id:
        raise OAuthError("client_assertion_invalid_subject")
    await _check_signature(state, app, parsed)
    audiences = {app.token_url, str(request.url.with_query(None))}
    aud = claims.get("aud")
    named = [aud] if isinstance(aud, str) else aud if isinstance(aud, list) else []
    if not any(isinstance(value, str) and value in audiences for value in named):
        raise OAuthError("client_assertion_invalid_audience")
    exp = _check_times(claims, now)
    jti = claims.get("jti")
    if jti is not None:
        if not isinstance(jti, str) or not jti:
            raise OAuthError("client_assertion_invalid_jwt")
        replay_key = f"{app.client_id}:{jti}"
        if replay_key in state.assertion_jtis:
            raise OAuthError("client_assertion_already_used")
        state.assertion_jtis.add(replay_key, exp + CLOCK_SKEW, now)
    return app


def _assertion(request: web.Request, form: MultiDictProxy[Any]) -> str:
    """The ``client_assertion``, once the credentials are known to be of the one allowed kind."""
    query = request.query
    if "client_assertion" in query or "client_secret" in query:
        raise OAuthError("client_credentials_in_query")
    assertion = form_value(form, "client_assertion")
    secret = form_value(form, "client_secret") is not None or "Authorization" in request.headers
    if assertion is None:
        if form_value(form, "client_assertion_type") is not None:
            raise OAuthError("missing_client_assertion")
        raise OAuthError("unsupported_auth_method_client_creds" if secret else "invalid_client_id")
    if secret:
        raise OAuthError("multiple_client_credentials")
    if form_value(form, "client_assertion_type") != ASSERTION_TYPE:
        raise OAuthError("client_assertion_type_invalid")
    return assertion


async def _check_signature(state: OAuthState, app: ServiceApp, parsed: ParsedJwt) -> None:
    alg = parsed.header.get("alg")
    if alg not in ASYMMETRIC_ALGS:
        raise OAuthError("client_assertion_invalid_signature_algorithm")
    kid = parsed.header.get("kid")
    if kid is not None and not isinstance(kid, str):
        raise OAuthError("client_assertion_invalid_kid")
    key = await state.apps.key_for(app, kid)
    if key.use not in (None, "sig"):
        raise OAuthError("client_assertion_invalid_key_use")
    if key.alg is not None and key.alg != alg:
        raise OAuthError("client_assertion_invalid_signature_algorithm")
    if not signature_valid(parsed, key.key):
        raise OAuthError("client_assertion_invalid_signature")


def _find_app(state: OAuthState, client_id: str | None, issuer: Any) -> ServiceApp:
    key = client_id if client_id is not None else issuer
    app = state.apps.apps.get(key) if isinstance(key, str) else None
    if app is not None:
        return app
    if isinstance(key, str) and key in state.org.clients:
        # A client the org knows (e.g. the seeded one) but without registered keys.
        raise OAuthError("client_assertion_jwks_not_configured")
    raise OAuthError("invalid_client_id" if client_id is not None else "client_assertion_invalid_issuer")


def _check_times(claims: dict[str, Any], now: float) -> float:
    try:
        exp = number(claims, "exp")
        iat = number(claims, "iat")
    except ValueError:
        raise OAuthError("client_assertion_invalid_jwt") from None
    if exp is None:
        raise OAuthError("client_assertion_expiration_required")
    if exp <= now:
        raise OAuthError("client_assertion_expired_token")
    if exp > now + MAX_ASSERTION_LIFETIME + CLOCK_SKEW:
        raise OAuthError("client_assertion_expires_too_far_in_future")
    if iat is not None and iat > now + CLOCK_SKEW:
        raise OAuthError("client_assertion_issued_at_in_future")
    return exp

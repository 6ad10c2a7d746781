"""OAuth 2.0 errors as Okta's authorization server and resource server report them.

The token endpoint answers ``{"error": ..., "error_description": ...}`` (the spec's
``OAuthError``). Each entry below is keyed by Okta's *internal* error code from its OAuth error
catalogue (okta-developer-docs ``data/oauth2-error-codes.json``, release 2026.08.1) and holds the
HTTP status, the public ``error`` value and a description written after the catalogue's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Final

#: internal code -> (HTTP status, ``error``, ``error_description``)
OAUTH_CATALOGUE: Final[dict[str, tuple[int, str, str]]] = {
    # --- request shape
    "invalid_request": (400, "invalid_request", "Invalid request"),
    "token_request_missing_grant_type": (
        400,
        "invalid_request",
        "The token request must specify a 'grant_type'. Valid values: [client_credentials]",
    ),
    "unsupported_grant_type": (
        400,
        "unsupported_grant_type",
        "The authorization grant type is not supported by the authorization server. "
        "Configured grant types: [client_credentials].",
    ),
    "duplicate_oauth_params": (
        400,
        "invalid_request",
        "The request contained multiple parameters with the same name.",
    ),
    "client_credentials_in_query": (
        400,
        "invalid_request",
        "Client credentials cannot be supplied via query parameters.",
    ),
    "missing_client_assertion": (
        400,
        "invalid_request",
        "The required parameter 'client_assertion' is missing.",
    ),
    "client_assertion_type_invalid": (400, "invalid_request", "The client_assertion_type is invalid."),
    "multiple_client_credentials": (
        401,
        "invalid_request",
        "Cannot supply multiple client credentials. Use one of the following: credentials in the "
        "Authorization header, credentials in the post body, or a client_assertion in the post body.",
    ),
    # --- client authentication (private_key_jwt)
    "invalid_client_id": (401, "invalid_client", "Invalid value for 'client_id' parameter."),
    "unsupported_auth_method_client_creds": (
        401,
        "invalid_client",
        "Client Credentials requests to the Org Authorization Server must use the private_key_jwt "
        "token_endpoint_auth_method.",
    ),
    "client_assertion_invalid_jwt": (401, "invalid_client", "The parsing of the client_assertion failed."),
    "client_assertion_invalid_issuer": (
        401,
        "invalid_client",
        "The issuer claim for client_assertion is not a valid client_id.",
    ),
    "client_assertion_invalid_subject": (
        401,
        "invalid_client",
        "The subject claim for client_assertion is not a valid client_id.",
    ),
    "client_assertion_invalid_audience": (
        401,
        "invalid_client",
        "The audience claim for client_assertion must be the endpoint invoked for the request.",
    ),
    "client_assertion_expiration_required": (
        401,
        "invalid_client",
        "The client_assertion must contain the 'exp' claim as seconds since epoch.",
    ),
    "client_assertion_expired_token": (401, "invalid_client", "The client_assertion token is expired."),
    "client_assertion_expires_too_far_in_future": (
        401,
        "invalid_client",
        "The client_assertion token has an expiration too far into the future.",
    ),
    "client_assertion_issued_at_in_future": (
        401,
        "invalid_client",
        "The client_assertion token must be issued before the current time.",
    ),
    "client_assertion_already_used": (
        401,
        "invalid_client",
        "The client_assertion token has already been used.",
    ),
    "client_assertion_invalid_signature": (
        401,
        "invalid_client",
        "The client_assertion signature is invalid.",
    ),
    "client_assertion_invalid_kid": (401, "invalid_client", "The client_assertion JWT kid is invalid."),
    "client_assertion_invalid_jwks": (401, "invalid_client", "The client JWKSet is invalid."),
    "client_assertion_invalid_signature_algorithm": (
        401,
        "invalid_client",
        "The client_assertion JWT signature algorithm is invalid.",
    ),
    "client_assertion_invalid_key_use": (
        401,
        "invalid_client",
        "The public key being used for client assertion has an invalid 'use' parameter. "
        "Valid values for the 'use' parameter are sig.",
    ),
    "client_assertion_jwks_not_configured": (
        401,
        "invalid_client",
        "The client does not have a JWKSet configured, but the client_assertion requires one.",
    ),
    "jwks_uri_error": (401, "invalid_client", "Error retrieving the client JWKSet from jwks_uri."),
    "jwks_uri_no_key": (
        401,
        "invalid_client",
        "The client JWKSet from jwks_uri must contain at least one key.",
    ),
    "jwks_uri_ambiguous_keys": (
        401,
        "invalid_client",
        "All keys in the client JWKSet from jwks_uri must have a unique kid.",
    ),
    # --- scopes
    "missing_scopes": (400, "invalid_scope", "No scopes were requested."),
    "invalid_scope": (
        400,
        "invalid_scope",
        "The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the "
        "resource owner.",
    ),
    "openid_not_allowed_client_creds": (
        400,
        "invalid_scope",
        "Cannot request 'openid' scopes using client credentials.",
    ),
    # --- DPoP
    "use_dpop_nonce": (400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof."),
    "use_dpop_nonce_resource": (401, "use_dpop_nonce", "Resource server requires nonce in DPoP proof."),
    "invalid_dpop_proof": (400, "invalid_dpop_proof", "The DPoP proof JWT is invalid."),
    "invalid_dpop_proof_missing_header": (400, "invalid_dpop_proof", "The DPoP proof JWT header is missing."),
    "invalid_dpop_proof_multiple_headers_not_allowed": (
        400,
        "invalid_dpop_proof",
        "Multiple DPoP proof JWT headers are not allowed.",
    ),
    "invalid_dpop_proof_invalid_type": (
        400,
        "invalid_dpop_proof",
        "'typ' must be 'dpop+jwt' in the DPoP proof JWT.",
    ),
    "invalid_dpop_proof_invalid_signature_algorithm": (
        400,
        "invalid_dpop_proof",
        "The DPoP proof JWT signature algorithm is invalid.",
    ),
    "invalid_dpop_proof_invalid_jwt": (400, "invalid_dpop_proof", "The DPoP proof JWT cannot be parsed."),
    "invalid_dpop_proof_invalid_signature": (
        400,
        "invalid_dpop_proof",
        "The DPoP proof JWT signature is invalid.",
    ),
    "invalid_dpop_proof_invalid_htm": (
        400,
        "invalid_dpop_proof",
        "'htm' claim in the DPoP proof JWT is invalid.",
    ),
    "invalid_dpop_proof_invalid_htu": (
        400,
        "invalid_dpop_proof",
        "'htu' claim in the DPoP proof JWT is invalid.",
    ),
    "invalid_dpop_proof_invalid_iat": (
        400,
        "invalid_dpop_proof",
        "'iat' claim in the DPoP proof JWT is invalid.",
    ),
    "invalid_dpop_proof_jwt_issued_in_future": (
        400,
        "invalid_dpop_proof",
        "The DPoP proof JWT is issued in the future.",
    ),
    "invalid_dpop_proof_jwt_too_old": (
        400,
        "invalid_dpop_proof",
        "The DPoP proof JWT is issued more than five minutes in the past.",
    ),
    "invalid_dpop_proof_jwt_expired": (400, "invalid_dpop_proof", "The DPoP proof JWT is expired."),
    "invalid_dpop_proof_invalid_jti": (
        400,
        "invalid_dpop_proof",
        "'jti' claim in the DPoP proof JWT is invalid.",
    ),
    "dpop_proof_already_used": (400, "invalid_dpop_proof", "The DPoP proof JWT has already been used."),
    "dpop_proof_invalid_ath": (
        400,
        "invalid_dpop_proof",
        "'ath' claim in the DPoP proof does not match the presented access_token.",
    ),
    "invalid_access_token_dpop_binding": (
        400,
        "invalid_dpop_proof",
        "The access_token is not bound to the provided DPoP proof.",
    ),
    "dpop_proof_required_for_token": (400, "invalid_request", "The resource request requires a DPoP proof."),
    "dpop_authentication_scheme_required": (
        400,
        "invalid_request",
        "The resource request must use the DPoP authentication scheme when using a DPoP bound token.",
    ),
    "access_token_not_dpop_bound": (401, "invalid_token", "The presented access_token is not DPoP bound."),
}

#: What every token-endpoint response carries (as Okta sends them).
NO_STORE: Final[Mapping[str, str]] = {
    "Cache-Control": "no-cache, no-store",
    "Pragma": "no-cache",
    "Expires": "0",
}


class OAuthError(Exception):
    """Raised by the token endpoint and the OAuth schemes; answered as an OAuthError body."""

    def __init__(self, code: str, *, headers: Mapping[str, str] | None = None) -> None:
        status, error, description = OAUTH_CATALOGUE[code]
        super().__init__(f"{error}: {description}")
        self.code = code
        self.status = status
        self.error = error
        self.description = description
        self.headers: dict[str, str] = dict(headers or {})

    def body(self) -> bytes:
        return json.dumps(
            {"error": self.error, "error_description": self.description}, separators=(",", ":")
        ).encode()


def challenge(scheme: str, **params: str) -> str:
    """A ``WWW-Authenticate`` value: ``Bearer a="1", b="2"`` (quotes in values are dropped)."""
    return scheme + " " + ", ".join(f'{key}="{value.replace(chr(34), "")}"' for key, value in params.items())

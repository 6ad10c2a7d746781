"""OAuth access tokens on Management API calls: ``Authorization: Bearer`` and ``DPoP``.

A Bearer call costs one dict lookup (the principal is built when the token is issued); only a
DPoP call verifies a JWT, its proof. Failures, as Okta answers them:

- unknown, expired or revoked token: 401 E0000011 with a ``WWW-Authenticate`` challenge carrying
  ``error="invalid_token"`` (``Bearer``, or ``DPoP`` for the DPoP scheme);
- a DPoP-bound token sent as ``Bearer``: 400 ``invalid_request``
  (``dpop_authentication_scheme_required``);
- a Bearer token sent as ``DPoP``: 401 ``invalid_token`` (``access_token_not_dpop_bound``);
- ``DPoP`` without a proof: 400 ``invalid_request``; a bad proof: 400 ``invalid_dpop_proof``
  (see ``_dpop_verify``); optionally a missing nonce: 401 ``use_dpop_nonce``.

The OAuth-level errors carry an OAuthError body and a ``WWW-Authenticate`` challenge.
"""

from __future__ import annotations

from typing import Final

from aiohttp import web

from ._auth import Principal
from ._dpop_verify import DPOP_ALGS, verify_proof
from ._errors import SimulatedError
from ._oauth_errors import OAuthError, challenge
from ._oauth_state import IssuedToken, OAuthState
from ._util import Clock

#: Okta's realm on Management API challenges (as its responses show).
REALM: Final = "IdpMyAccountAPI"


class OAuthScheme:
    """``Bearer <access token>`` and ``DPoP <access token>`` plus a ``DPoP`` proof header."""

    def __init__(self, state: OAuthState, clock: Clock) -> None:
        self.state = state
        self.tokens = state.tokens.tokens
        self.clock = clock

    def authenticate(self, request: web.Request, authorization: str) -> Principal | None:
        kind, _, credential = authorization.partition(" ")
        kind = kind.lower()
        if kind == "bearer":
            record = self._valid(request, "Bearer", credential.strip())
            if record.jkt is not None:
                raise _with_challenge(OAuthError("dpop_authentication_scheme_required"))
            return record.principal
        if kind == "dpop":
            token = credential.strip()
            record = self._valid(request, "DPoP", token)
            if record.jkt is None:
                raise _with_challenge(OAuthError("access_token_not_dpop_bound"))
            self._check_proof(request, token, record)
            return record.principal
        return None

    def _valid(self, request: web.Request, scheme: str, token: str) -> IssuedToken:
        record = self.tokens.get(token)
        if record is None:
            raise self._invalid_token(request, scheme, "The access token is invalid.")
        if record.revoked:
            raise self._invalid_token(request, scheme, "The access token has been revoked.")
        if record.expires_at <= self.clock():
            raise self._invalid_token(request, scheme, "The token has expired.")
        return record

    def _check_proof(self, request: web.Request, token: str, record: IssuedToken) -> None:
        proofs = request.headers.getall("DPoP", [])
        try:
            if not proofs:
                raise OAuthError("dpop_proof_required_for_token")
            if len(proofs) > 1:
                raise OAuthError("invalid_dpop_proof_multiple_headers_not_allowed")
            verify_proof(
                self.state,
                proofs[0],
                method=request.method,
                url=request.url,
                now=self.clock(),
                nonce_required=self.state.resource_nonce_required,
                access_token=token,
                bound_jkt=record.jkt,
            )
        except OAuthError as error:
            raise _with_challenge(error) from None

    def _invalid_token(self, request: web.Request, scheme: str, description: str) -> SimulatedError:
        params = {"algs": DPOP_ALGS} if scheme == "DPoP" else {}
        value = challenge(
            scheme,
            **params,
            authorization_uri=f"{self.state.org.base_url}/oauth2/v1/authorize",
            realm=REALM,
            error="invalid_token",
            error_description=description,
            resource=request.path,
        )
        return SimulatedError("E0000011", headers={"WWW-Authenticate": value})


def _with_challenge(error: OAuthError) -> OAuthError:
    if "WWW-Authenticate" not in error.headers:
        error.headers["WWW-Authenticate"] = challenge(
            "DPoP", algs=DPOP_ALGS, error=error.error, error_description=error.description
        )
    return error

"""DPoP proof verification (RFC 9449) with Okta's error codes.

One proof is checked in this order, each failure a 400 ``invalid_dpop_proof`` unless noted:
parse; ``typ`` is ``dpop+jwt``; ``alg`` asymmetric (ES256/384/512, RS256/384/512); ``jwk`` a
public RSA or EC key; the signature; ``htm``; ``htu``; ``iat`` within five minutes either way
(``exp``, if sent, not passed); ``jti``; ``ath`` against the access token and the key against
the token's ``cnf.jkt`` (resource calls); replay of ``jti`` for this key; then the nonce, which
must be the server's current or previous one (``use_dpop_nonce``: a 400 at the token endpoint, a
401 with a ``WWW-Authenticate: DPoP`` challenge on resource calls). A proof that reaches the
nonce check has used its ``jti`` even when it is then challenged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from joserfc import jwk
from yarl import URL

from ._jose import ASYMMETRIC_ALGS, import_public_key, number, parse, sha256_b64url, signature_valid
from ._oauth_errors import OAuthError, challenge
from ._oauth_state import OAuthState

#: Okta: proofs "issued more than five minutes in the past" are refused; the same window is
#: allowed into the future for clock skew.
MAX_AGE: Final = 300.0
DPOP_ALGS: Final = " ".join(ASYMMETRIC_ALGS)
_MAX_JTI = 512
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@dataclass(frozen=True, slots=True)
class VerifiedProof:
    jkt: str
    jti: str


def verify_proof(
    state: OAuthState,
    proof: str,
    *,
    method: str,
    url: URL,
    now: float,
    nonce_required: bool,
    access_token: str | None = None,
    bound_jkt: str | None = None,
) -> VerifiedProof:
    """Check one ``DPoP`` header value; raise OAuthError, or return the key's thumbprint."""
    claims, key = _signed_claims(proof)
    if claims.get("htm") != method:
        raise OAuthError("invalid_dpop_proof_invalid_htm")
    if not same_target(claims.get("htu"), url):
        raise OAuthError("invalid_dpop_proof_invalid_htu")
    _check_times(claims, now)
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti or len(jti) > _MAX_JTI:
        raise OAuthError("invalid_dpop_proof_invalid_jti")
    jkt = key.thumbprint()
    if access_token is not None and claims.get("ath") != sha256_b64url(access_token):
        raise OAuthError("dpop_proof_invalid_ath")
    if bound_jkt is not None and jkt != bound_jkt:
        raise OAuthError("invalid_access_token_dpop_binding")
    replay_key = f"{jkt}:{jti}"
    if replay_key in state.proof_jtis:
        raise OAuthError("dpop_proof_already_used")
    state.proof_jtis.add(replay_key, now + 2 * MAX_AGE, now)
    if nonce_required and not state.nonces.valid(claims.get("nonce")):
        nonce_headers = {"DPoP-Nonce": state.nonces.current}
        if access_token is None:
            raise OAuthError("use_dpop_nonce", headers=nonce_headers)
        error = OAuthError("use_dpop_nonce_resource", headers=nonce_headers)
        error.headers["WWW-Authenticate"] = challenge(
            "DPoP", algs=DPOP_ALGS, error=error.error, error_description=error.description
        )
        raise error
    return VerifiedProof(jkt, jti)


def _signed_claims(proof: str) -> tuple[dict[str, Any], jwk.Key]:
    """The proof's claims and its public key, once the header and the signature are good."""
    try:
        parsed = parse(proof)
    except ValueError:
        raise OAuthError("invalid_dpop_proof_invalid_jwt") from None
    header = parsed.header
    if header.get("typ") != "dpop+jwt":
        raise OAuthError("invalid_dpop_proof_invalid_type")
    if header.get("alg") not in ASYMMETRIC_ALGS:
        raise OAuthError("invalid_dpop_proof_invalid_signature_algorithm")
    try:
        key = import_public_key(header.get("jwk"))
    except ValueError:
        raise OAuthError("invalid_dpop_proof") from None
    if not signature_valid(parsed, key):
        raise OAuthError("invalid_dpop_proof_invalid_signature")
    return parsed.claims, key


def _check_times(claims: dict[str, Any], now: float) -> None:
    try:
        iat = number(claims, "iat")
        exp = number(claims, "exp")
    except ValueError:
        raise OAuthError("invalid_dpop_proof_invalid_iat") from None
    if iat is None:
        raise OAuthError("invalid_dpop_proof_invalid_iat")
    if iat > now + MAX_AGE:
        raise OAuthError("invalid_dpop_proof_jwt_issued_in_future")
    if iat < now - MAX_AGE:
        raise OAuthError("invalid_dpop_proof_jwt_too_old")
    if exp is not None and exp <= now:
        raise OAuthError("invalid_dpop_proof_jwt_expired")


def same_target(htu: Any, url: URL) -> bool:
    """Whether ``htu`` names the request URL, ignoring query and fragment (RFC 9449 §4.3).

    Scheme and host compare case-insensitively and a default port may be left out (RFC 3986
    scheme-based normalisation); the path compares as received on the wire, except that
    percent-encoded unreserved characters and hex case are normalised (RFC 3986 §6.2.2). So
    ``/users/a%40b`` and ``/users/a@b`` are different targets, as they are for Okta.
    """
    if not isinstance(htu, str):
        return False
    try:
        claimed = URL(htu, encoded=True)
    except ValueError:
        return False
    if not claimed.absolute or claimed.host is None or url.host is None:
        return False
    return (
        claimed.scheme.lower() == url.scheme.lower()
        and claimed.host.lower() == url.host.lower()
        and claimed.port == url.port
        and _normal_path(claimed.raw_path or "/") == _normal_path(url.raw_path or "/")
    )


def _normal_path(path: str) -> str:
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(0)[1:], 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return _PERCENT.sub(fix, path)

"""The small JOSE toolkit the OAuth endpoints share, on top of joserfc.

A JWT is parsed once (header and claims, no verification) so the caller can pick the key and
check the claims in Okta's order, then its signature is checked against one chosen key.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from typing import Any, Final, NamedTuple

from joserfc import jwk, jws, jwt
from joserfc.errors import JoseError
from joserfc.jws import CompactSignature, JWSRegistry

#: The signing algorithms Okta accepts for client assertions and DPoP proofs.
ASYMMETRIC_ALGS: Final = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512")
#: JWK members that only a private (or symmetric) key has.
PRIVATE_MEMBERS: Final = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})

# joserfc's default registry caps the header at 512 bytes, too small for a DPoP proof that
# embeds an RSA-3072 key (what okta-sdk-python sends); unknown header names are tolerated.
_REGISTRY = JWSRegistry(algorithms=ASYMMETRIC_ALGS, strict_check_header=False)
_REGISTRY.max_header_length = 8192

# Anything joserfc or the base64/JSON layers raise for malformed input or keys.
JOSE_ERRORS: Final = (JoseError, ValueError, TypeError, KeyError)


class ParsedJwt(NamedTuple):
    compact: CompactSignature
    header: dict[str, Any]
    claims: dict[str, Any]


def parse(token: str) -> ParsedJwt:
    """Split and decode a compact JWS; raise ValueError when it is not a JWT with a JSON object."""
    try:
        compact = jws.extract_compact(token.encode("ascii"), registry=_REGISTRY)
        header = dict(compact.headers())
        claims = json.loads(compact.payload or b"")
    except (*JOSE_ERRORS, UnicodeError) as error:
        raise ValueError("not a compact JWT") from error
    if not isinstance(claims, dict):
        raise ValueError("the JWT payload is not a JSON object")
    return ParsedJwt(compact, header, claims)


def signature_valid(parsed: ParsedJwt, key: jwk.Key) -> bool:
    """Whether ``key`` verifies the signature; a key unfit for the ``alg`` counts as invalid."""
    try:
        return jws.validate_compact(parsed.compact, key, registry=_REGISTRY)
    except JOSE_ERRORS:
        return False


def import_public_key(data: Any) -> jwk.Key:
    """A public RSA or EC key from its JWK dict; ValueError for anything else."""
    if not isinstance(data, dict) or data.get("kty") not in ("RSA", "EC"):
        raise ValueError("only RSA and EC public keys are accepted")
    if PRIVATE_MEMBERS & data.keys():
        raise ValueError("the JWK holds private key material")
    try:
        return jwk.import_key(data)
    except JOSE_ERRORS as error:
        raise ValueError(f"invalid JWK: {error}") from error


def number(claims: dict[str, Any], name: str) -> float | None:
    """A NumericDate claim: None when absent, ValueError when not a number."""
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} is not a number")
    return float(value)


def sha256_b64url(text: str) -> str:
    """base64url(SHA-256(text)) without padding: the DPoP ``ath`` of an access token."""
    digest = hashlib.sha256(text.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@cache
def signing_key() -> jwk.RSAKey:
    """The org authorization server's RS256 key, one per process (generating one costs ~50 ms)."""
    return jwk.generate_key("RSA", 2048, parameters={"use": "sig", "alg": "RS256"}, auto_kid=True)


def sign_access_token(claims: dict[str, Any]) -> str:
    key = signing_key()
    header = {"alg": "RS256", "kid": str(key.kid), "typ": "application/okta-internal-at+jwt"}
    return jwt.encode(header, claims, key, algorithms=["RS256"])


def public_jwks() -> dict[str, Any]:
    """The org authorization server's JWKS, as served at ``/oauth2/v1/keys``."""
    key = signing_key().as_dict(private=False)
    return {"keys": [{**key, "alg": "RS256", "use": "sig"}]}

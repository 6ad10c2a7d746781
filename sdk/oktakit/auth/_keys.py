"""Signing keys for private-key JWT: loading, generating, and the public JWKS Okta needs.

Okta accepts RS256/384/512 and ES256/384/512 client assertions. A key can come as PEM (PKCS#1,
PKCS#8, encrypted PKCS#8 with a passphrase, SEC1 EC) or as a JWK (dict or JSON text); its
``kid`` is the JWK's own, the one given, or else the RFC 7638 thumbprint, which is also what
``public_jwks`` publishes, so the two always agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from attrs import field, frozen

from oktakit.errors import ConfigurationError

if TYPE_CHECKING:
    # joserfc's keys bring in cryptography, which costs more to import than the rest of
    # oktakit: loaded when a key is first loaded or made, not with `from oktakit import ...`.
    from joserfc.jwk import ECKey, RSAKey

RSA_ALGORITHMS = ("RS256", "RS384", "RS512")
EC_ALGORITHMS = {"P-256": "ES256", "P-384": "ES384", "P-521": "ES512"}
ALGORITHMS = (*RSA_ALGORITHMS, *EC_ALGORITHMS.values())
MIN_RSA_BITS = 2048

SigningKeyType: TypeAlias = "RSAKey | ECKey"


@frozen(repr=False)
class SigningKey:
    """A private signing key with its algorithm and key id. Its repr shows no key material."""

    key: SigningKeyType = field(eq=False)
    alg: str
    kid: str

    def public_jwk(self) -> dict[str, Any]:
        """The public half as a JWK, as Okta's "Public keys" section and JWKS URLs expect."""
        public = dict(self.key.as_dict(private=False))
        return {**public, "kid": self.kid, "alg": self.alg, "use": "sig"}

    def private_pem(self, passphrase: str | None = None) -> bytes:
        """PKCS#8 PEM, encrypted when a passphrase is given."""
        return self.key.as_pem(private=True, password=passphrase)

    def __repr__(self) -> str:
        return f"SigningKey(alg={self.alg!r}, kid={self.kid!r})"


def load_signing_key(
    key: str | bytes | Mapping[str, Any] | SigningKey,
    *,
    key_id: str | None = None,
    algorithm: str | None = None,
    passphrase: str | bytes | None = None,
) -> SigningKey:
    """Load a private key from PEM text/bytes, a JWK dict or JWK JSON text.

    Raises ``ConfigurationError`` (never echoing key material) for anything unusable: not a
    private key, a wrong or missing passphrase, an algorithm that does not fit the key, an RSA
    key under 2048 bits, or a key type Okta does not accept.
    """
    if key_id is not None and not plain_word(key_id):
        raise ConfigurationError("the key id (kid) must be a non-empty string of printable ASCII")
    if algorithm is not None and algorithm not in ALGORITHMS:
        raise ConfigurationError(f"algorithm must be one of {', '.join(ALGORITHMS)}")
    if passphrase is not None and not isinstance(passphrase, (str, bytes)):
        raise ConfigurationError("the passphrase must be text or bytes")
    if isinstance(key, SigningKey):
        return key
    imported = _import(key, passphrase)
    if not imported.is_private:
        raise ConfigurationError("the key is a public key; private-key JWT needs the private key")
    alg = _algorithm(imported, algorithm)
    kid = key_id or imported.kid or imported.thumbprint()
    if not plain_word(kid):
        raise ConfigurationError("the key id (kid) must be a non-empty string of printable ASCII")
    return SigningKey(imported, alg, kid)


def generate_signing_key(algorithm: str = "ES256") -> SigningKey:
    """A new private key for ``algorithm`` (RSA keys are 3072 bits)."""
    from joserfc.jwk import ECKey, RSAKey

    if algorithm in RSA_ALGORITHMS:
        key: SigningKeyType = RSAKey.generate_key(3072)
    elif algorithm in EC_ALGORITHMS.values():
        curve = next(c for c, a in EC_ALGORITHMS.items() if a == algorithm)
        key = ECKey.generate_key(curve)
    else:
        raise ConfigurationError(f"unsupported algorithm {algorithm!r}; Okta accepts {', '.join(ALGORITHMS)}")
    return SigningKey(key, algorithm, key.thumbprint())


def public_jwks(keys: Iterable[SigningKey]) -> dict[str, list[dict[str, Any]]]:
    """The public JWKS document for one or more keys (what a JWKS URL serves)."""
    return {"keys": [k.public_jwk() for k in keys]}


def plain_word(value: object) -> bool:
    """Printable ASCII without spaces: what fits in a header, a form field or a JWT claim as is."""
    return (
        isinstance(value, str)
        and bool(value)
        and value.isascii()
        and value.isprintable()
        and " " not in value
    )


def _import(key: str | bytes | Mapping[str, Any], passphrase: str | bytes | None) -> SigningKeyType:
    if isinstance(key, Mapping):
        return _import_jwk(dict(key))
    if isinstance(key, bytes):
        if not key.isascii():
            raise ConfigurationError("the key is neither PEM text nor a JWK (it has non-ASCII bytes)")
        key = key.decode("ascii")
    if not isinstance(key, str):
        raise ConfigurationError(
            f"the private key must be PEM text, a JWK or a SigningKey, not {type(key).__name__}"
        )
    text = key.strip()
    if not text:
        raise ConfigurationError("the private key is empty")
    if not text.isascii():
        raise ConfigurationError("the key is neither PEM text nor a JWK (it has non-ASCII characters)")
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            data = None  # the parser's error quotes the text: it must not become our error's context
        if not isinstance(data, dict):
            raise ConfigurationError("the key looks like JSON but does not parse as a JWK")
        return _import_jwk(data)  # text starting with "{" parses to a dict or not at all
    if "-----BEGIN" not in text:
        raise ConfigurationError("the key is neither PEM text nor a JWK")
    return _import_pem(text.encode("ascii"), passphrase)


def _import_pem(pem: bytes, passphrase: str | bytes | None) -> SigningKeyType:
    encrypted = b"ENCRYPTED" in pem
    if encrypted and not passphrase:
        raise ConfigurationError("the private key is encrypted: give its passphrase")
    if passphrase and not encrypted:
        raise ConfigurationError("a passphrase was given but the private key is not encrypted")
    if isinstance(passphrase, str) and not passphrase.encode("utf-8", "replace").decode() == passphrase:
        raise ConfigurationError("the passphrase has text that cannot be encoded (a lone surrogate)")
    password = passphrase.encode() if isinstance(passphrase, str) else passphrase
    from joserfc.jwk import ECKey, RSAKey

    cls: type[SigningKeyType] = ECKey if b"EC PRIVATE KEY" in pem else RSAKey
    for candidate in (cls, ECKey if cls is RSAKey else RSAKey):
        try:
            return candidate.import_key(pem, password=password if encrypted or password else None)
        except Exception:  # noqa: S112 - any failure of the parser means "not this key type"
            continue
    if encrypted:
        raise ConfigurationError("the private key could not be decrypted: is the passphrase right?")
    raise ConfigurationError("the PEM is not an RSA or EC private key")


def _import_jwk(data: dict[str, Any]) -> SigningKeyType:
    from joserfc.jwk import ECKey, RSAKey

    kty = data.get("kty")
    classes: dict[str, type[RSAKey] | type[ECKey]] = {"RSA": RSAKey, "EC": ECKey}
    cls = classes.get(kty) if isinstance(kty, str) else None
    if cls is None:
        raise ConfigurationError(f"unsupported JWK key type {kty!r}; Okta accepts RSA and EC keys")
    try:
        key = cls.import_key(data)
        # joserfc builds the key objects lazily: build them here, where failures are caught.
        _ = key.public_key, key.private_key, key.thumbprint()
        return key
    except Exception:  # whatever the parser trips on, the JWK is unusable
        error = ConfigurationError(f"the {kty} JWK is malformed")
    raise error  # outside the handler: the parser's exception may quote key material


def _algorithm(key: SigningKeyType, requested: str | None) -> str:
    from joserfc.jwk import RSAKey

    declared = key.get("alg")
    if isinstance(key, RSAKey):
        bits = key.private_key.key_size if key.private_key is not None else 0
        if bits < MIN_RSA_BITS:
            raise ConfigurationError(f"the RSA key has {bits} bits; use at least {MIN_RSA_BITS}")
        allowed: tuple[str, ...] = RSA_ALGORITHMS
        default = "RS256"
    else:
        curve = key.curve_name
        if curve not in EC_ALGORITHMS:
            raise ConfigurationError(f"unsupported EC curve {curve!r}; Okta accepts P-256, P-384 and P-521")
        allowed = (EC_ALGORITHMS[curve],)
        default = EC_ALGORITHMS[curve]
    alg = requested or (declared if isinstance(declared, str) else None) or default
    if alg not in allowed:
        kind = "RSA key" if isinstance(key, RSAKey) else f"EC key on {key.curve_name}"
        raise ConfigurationError(
            f"algorithm {alg!r} does not fit this {kind}; use one of {', '.join(allowed)}"
        )
    return alg

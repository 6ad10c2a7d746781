"""Signing keys for service apps: load one (PEM or JWK), generate one, publish a JWKS.

The keys themselves live with the credentials that use them (``oktakit.auth``); this module is
their public name.
"""

from .auth._keys import ALGORITHMS, SigningKey, generate_signing_key, load_signing_key, public_jwks

__all__ = ["ALGORITHMS", "SigningKey", "generate_signing_key", "load_signing_key", "public_jwks"]

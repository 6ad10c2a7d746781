"""DPoP proofs (RFC 9449): one fresh, signed JWT per request, bound to an ephemeral key."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable

from joserfc import jws
from joserfc.jwk import ECKey


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class DPoPProver:
    """Signs DPoP proofs with its own ES256 key, separate from the client-assertion key.

    A proof costs one ES256 signature (tens of microseconds), so it is made inline on the event
    loop; the public JWK header is built once.
    """

    __slots__ = ("_header", "_key", "_now", "thumbprint")

    def __init__(self, now: Callable[[], float]) -> None:
        self._key = ECKey.generate_key("P-256")
        self._header = {"typ": "dpop+jwt", "alg": "ES256", "jwk": dict(self._key.as_dict(private=False))}
        self._now = now
        #: RFC 7638 thumbprint of the public key: what a bound token's ``cnf.jkt`` must equal.
        self.thumbprint: str = self._key.thumbprint()

    def proof(
        self, method: str, htu: str, *, nonce: str | None = None, access_token: str | None = None
    ) -> str:
        """A proof for one request: ``htu`` is the request URL without query or fragment."""
        claims: dict[str, str | int] = {
            "htm": method,
            "htu": htu,
            "iat": int(self._now()),
            "jti": uuid.uuid4().hex,
        }
        if nonce is not None:
            claims["nonce"] = nonce
        if access_token is not None:
            claims["ath"] = _b64url(hashlib.sha256(access_token.encode("ascii")).digest())
        payload = json.dumps(claims, separators=(",", ":"))
        return jws.serialize_compact(self._header, payload, self._key, algorithms=["ES256"])

    def __repr__(self) -> str:
        return f"DPoPProver(jkt={self.thumbprint!r})"

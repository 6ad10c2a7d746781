"""Helpers for the credential tests: keys made once, a scripted Okta, and JWT readers."""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import json
import re
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qsl

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc import jws
from joserfc.jwk import ECKey, RSAKey, thumbprint
from yarl import URL

from oktakit import CredentialInfo, HttpRequest, HttpResponse, OrgConnection, Resend
from oktakit.testing import MockResponse
from tests._fake_okta import FakeOkta
from tests.client._support import USER_ID, user_json
from tests.conftest import ORG

TOKEN_URL = f"{ORG}/oauth2/v1/token"
USERS_URL = f"{ORG}/api/v1/users"
USER_URL = f"{USERS_URL}/{USER_ID}"
CLIENT_ID = "0oa1service2abcdef697"
SCOPES = ("okta.users.read", "okta.users.manage")
API_PATTERN = re.compile(re.escape(ORG) + r"/api/v1/.*")
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
INVALID_TOKEN = {
    "errorCode": "E0000011",
    "errorSummary": "Invalid token provided",
    "errorLink": "E0000011",
    "errorId": "oae1invalidtoken",
    "errorCauses": [],
}
BEARER_CHALLENGE = {
    "WWW-Authenticate": 'Bearer authorization_uri="http://acme.okta.com/oauth2/v1/authorize", '
    'realm="http://acme.okta.com", scope="okta.users.read", error="invalid_token", '
    'error_description="The access token is invalid.", resource="/api/v1/users"'
}

CURVES: dict[str, type[ec.EllipticCurve]] = {
    "P-256": ec.SECP256R1,
    "P-384": ec.SECP384R1,
    "P-521": ec.SECP521R1,
    "secp256k1": ec.SECP256K1,
}
CURVE_OF = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


# -- a credential of the user's own ------------------------------------------------------------------


class Described:
    """A credential of the user's own (a token a gateway hands over) that describes itself as
    ``info`` says: its own Auth and authorizer, sending a fixed bearer token."""

    def __init__(self, info: CredentialInfo) -> None:
        self.info = info

    def connect(self, connection: OrgConnection) -> Described:
        return self

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        return {"Authorization": "Bearer from-the-gateway"}

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        return Resend.NO

    async def describe(self) -> CredentialInfo:
        return self.info


# -- keys: generated once per test session ---------------------------------------------------------


@functools.cache
def rsa_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


@functools.cache
def ec_key(curve: str) -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(CURVES[curve]())


def key_for(alg: str) -> PrivateKey:
    return rsa_key() if alg.startswith("RS") else ec_key(CURVE_OF[alg])


def pem(key: PrivateKey, form: str = "pkcs8", passphrase: bytes | None = None) -> str:
    """``form`` is pkcs8, or traditional (PKCS#1 for RSA, SEC1 for EC)."""
    fmt = (
        serialization.PrivateFormat.PKCS8
        if form == "pkcs8"
        else serialization.PrivateFormat.TraditionalOpenSSL
    )
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, fmt, encryption).decode("ascii")


def public_pem(key: PrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def private_jwk(key: PrivateKey) -> dict[str, Any]:
    imported = RSAKey.import_key(key) if isinstance(key, rsa.RSAPrivateKey) else ECKey.import_key(key)
    return dict(imported.as_dict(private=True))


def public_key(key: PrivateKey) -> RSAKey | ECKey:
    if isinstance(key, rsa.RSAPrivateKey):
        return RSAKey.import_key(key.public_key())
    return ECKey.import_key(public_pem(key))


def rfc7638(jwk: dict[str, Any]) -> str:
    """The RFC 7638 thumbprint, by joserfc, over the key type's required members only."""
    required = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y")}[jwk["kty"]]
    return thumbprint({name: jwk[name] for name in required})


def key_material(key: PrivateKey) -> list[str]:
    """Every secret rendering of a private key: its PEM body lines and the JWK private members.

    PEM lines that merely encode public parts (the modulus can line up with the JWK's ``n``)
    and short final lines are left out: they may legitimately appear in public output.
    """
    jwk = private_jwk(key)
    public = json.dumps(public_key(key).as_dict(private=False))
    public += public.replace("-", "+").replace("_", "/")
    lines = pem(key).splitlines() + pem(key, "traditional").splitlines()
    body = [line for line in lines if not line.startswith("-----") and len(line) >= 16 and line not in public]
    return body + [str(jwk[name]) for name in ("d", "p", "q", "dp", "dq", "qi") if name in jwk]


# -- JWTs ---------------------------------------------------------------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unverified(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims of a compact JWS, without checking the signature."""
    header, payload, _ = token.split(".")
    return (
        json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))),
        json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))),
    )


def verified(token: str, key: RSAKey | ECKey, alg: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims of a compact JWS whose signature ``key`` verifies (else joserfc raises)."""
    signed = jws.deserialize_compact(token, key, algorithms=[alg])
    return dict(signed.headers()), json.loads(signed.payload)


def verified_proof(proof: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A DPoP proof checked against the public key in its own ``jwk`` header."""
    header, _ = unverified(proof)
    return verified(proof, ECKey.import_key(header["jwk"]), "ES256")


def ath(token: str) -> str:
    return b64url(hashlib.sha256(token.encode("ascii")).digest())


# -- a fake clock for oktakit.auth._oauth -----------------------------------------------------------------


class Clock:
    """Stands in for the ``time`` module inside ``oktakit.auth._oauth``.

    ``skew`` moves the wall clock (what the SDK thinks the time is); ``elapsed`` moves the
    monotonic clock (what token expiry is measured on). The event loop keeps the real clocks.
    """

    def __init__(self) -> None:
        self.skew = 0.0
        self.elapsed = 0.0

    def time(self) -> float:
        return time.time() + self.skew

    def monotonic(self) -> float:
        return time.monotonic() + self.elapsed


def http_now(offset: float = 0.0) -> str:
    """An HTTP ``Date`` header for the true time (the org's clock), plus ``offset`` seconds."""
    return formatdate(time.time() + offset, usegmt=True)


# -- a scripted Okta ---------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int = 200
    payload: Any = None
    body: str | bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def result(self) -> HttpResponse:
        if self.body is not None:
            content = self.body.encode() if isinstance(self.body, str) else self.body
            return MockResponse(
                self.status, headers={"Content-Type": self.content_type, **self.headers}, content=content
            )
        return MockResponse(self.status, json=self.payload, headers=self.headers)


def oauth_error(status: int, error: str, description: str, **headers: str) -> Answer:
    return Answer(status, {"error": error, "error_description": description}, headers=headers)


@dataclass
class TokenRequest:
    """One request that reached the token endpoint."""

    form: dict[str, str]
    headers: dict[str, str]
    received_at: float  # the org's (true) clock
    timeout: float | None = None  # seconds, as the client's transport was told

    @property
    def assertion(self) -> str:
        return self.form["client_assertion"]

    @property
    def proof(self) -> str | None:
        return self.headers.get("DPoP")


class TokenEndpoint:
    """``POST /oauth2/v1/token``: answers from a script, else issues a new token each time."""

    def __init__(self, mocked: FakeOkta) -> None:
        self.requests: list[TokenRequest] = []
        self.issued: list[str] = []
        self.script: deque[Answer] = deque()
        self.token_type: str | None = "Bearer"  # None: the response carries no token_type
        self.expires_in: int | None = 3600  # None: the response carries no expires_in
        self.scope = " ".join(SCOPES)
        self.extra_headers: dict[str, str] = {}
        self._issuing = asyncio.Condition()
        mocked.post(TOKEN_URL, callback=self._answer, repeat=True)

    async def until_issued(self, count: int) -> None:
        """Wait until ``count`` tokens have been issued."""
        async with self._issuing:
            await self._issuing.wait_for(lambda: len(self.issued) >= count)

    def then(self, *answers: Answer) -> TokenEndpoint:
        self.script.extend(answers)
        return self

    async def _answer(self, request: HttpRequest) -> HttpResponse:
        self.requests.append(
            TokenRequest(
                dict(parse_qsl((request.content or b"").decode(), strict_parsing=True)),
                dict(request.headers),
                received_at=time.time(),
                timeout=request.timeout,
            )
        )
        await asyncio.sleep(0)  # like a real round trip: let concurrent callers pile up meanwhile
        if self.script:
            answer = self.script.popleft()
            answer.headers.setdefault("Date", http_now())
            return answer.result()
        token = f"eyJ.tok-{len(self.issued) + 1}.{secrets.token_urlsafe(24)}"
        self.issued.append(token)
        async with self._issuing:
            self._issuing.notify_all()
        body: dict[str, Any] = {"access_token": token, "scope": self.scope}
        if self.token_type is not None:
            body["token_type"] = self.token_type
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return MockResponse(200, json=body, headers={"Date": http_now(), **self.extra_headers})


@dataclass
class ApiRequest:
    method: str
    url: URL
    headers: dict[str, str]

    @property
    def token(self) -> str:
        return self.headers["Authorization"].split(" ", 1)[1]


class Api:
    """Okta's ``/api/v1`` for GET: answers from a script (or ``respond``), else a user."""

    def __init__(self, mocked: FakeOkta) -> None:
        self.requests: list[ApiRequest] = []
        self.script: deque[Answer] = deque()
        #: Decides the answer from the request when set (after the script runs out).
        self.respond: Callable[[ApiRequest], Answer] | None = None
        #: When set, every answer waits until this many requests have arrived.
        self.hold_until: int | None = None
        #: When set, awaited before each answer (to order answers between concurrent requests).
        self.before_answer: Callable[[ApiRequest], Awaitable[None]] | None = None
        self._arrived = asyncio.Event()
        mocked.get(API_PATTERN, callback=self._answer, repeat=True)

    def then(self, *answers: Answer) -> Api:
        self.script.extend(answers)
        return self

    async def _answer(self, sent: HttpRequest) -> HttpResponse:
        url = sent.url
        request = ApiRequest("GET", url, dict(sent.headers))
        self.requests.append(request)
        if self.hold_until is not None:
            if len(self.requests) >= self.hold_until:
                self._arrived.set()
            await asyncio.wait_for(self._arrived.wait(), timeout=5)
        if self.before_answer is not None:
            await asyncio.wait_for(self.before_answer(request), timeout=5)
        if self.script:
            return self.script.popleft().result()
        if self.respond is not None:
            return self.respond(request).result()
        user_id = url.raw_path.rsplit("/", 1)[-1]
        return Answer(payload=user_json(user_id)).result()

"""What a credential is to ``OktaClient``: ``Auth`` connects to an org and gives an
``Authorizer``, which adds headers to each request and may ask for a ``Resend``.

Implement both to bring your own credential; ``oktakit.auth.ApiToken`` and ``PrivateKeyJWT``
are the two oktakit provides.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Protocol

import aiohttp
from attrs import frozen
from yarl import URL

from oktakit._http.exchange import DEFAULT_MAX_RESPONSE_BYTES


@frozen
class OrgConnection:
    """What a credential needs to talk to the org: its origin and the client's HTTP settings."""

    org: URL
    session: aiohttp.ClientSession
    user_agent: str
    timeout: aiohttp.ClientTimeout
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES


class Resend(Enum):
    """What an authorizer asks of the transport after seeing a response."""

    NO = "no"
    WITH_NEW_NONCE = "with a new DPoP nonce"
    WITH_NEW_TOKEN = "with a new access token"


class Authorizer(Protocol):
    """The per-client side of a credential: headers for each request, reaction to answers."""

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        """Headers to add to the request about to be sent to ``url``."""
        ...

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        """See every response (``sent``: the headers this authorizer gave the request) and say
        whether to send the request again; the transport decides how often it may."""
        ...


class Auth(Protocol):
    """A credential that ``OktaClient`` can use."""

    def connect(self, connection: OrgConnection) -> Authorizer:
        """The authorizer for one client talking to one org."""
        ...

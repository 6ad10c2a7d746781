"""What a credential is to ``OktaClient``: ``Auth`` connects to an org and gives an
``Authorizer``, which adds headers to each request and may ask for a ``Resend``.

Implement both to bring your own credential; ``oktakit.auth.ApiToken`` and ``PrivateKeyJWT``
are the two oktakit provides.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Literal, Protocol

from attrs import field, frozen
from yarl import URL

from oktakit._http.exchange import DEFAULT_MAX_RESPONSE_BYTES
from oktakit._http.protocol import HttpRequest, HttpResponse, Transport, send

if TYPE_CHECKING:
    from oktakit._http.hooks import Hook


@frozen
class OrgConnection:
    """What a credential needs to talk to the org: its origin, the client's transport and its
    settings. ``send`` goes through the client's transport, as the client's own calls do (so
    ``MockTransport`` and hooks see a credential's token requests too)."""

    org: URL
    transport: Transport
    user_agent: str
    #: Seconds one exchange may take.
    timeout: float
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    hooks: tuple[Hook, ...] = field(default=(), repr=False)

    async def send(
        self, method: str, url: str, headers: Mapping[str, str], content: bytes | None = None
    ) -> HttpResponse:
        """One exchange, not paced or retried (a credential decides that), with the client's
        ``User-Agent`` unless ``headers`` has one; a failure is a ``TransportError``."""
        target = URL(url)
        request = HttpRequest(
            method,
            target,
            {"User-Agent": self.user_agent, **headers},
            content,
            timeout=self.timeout,
            max_response_bytes=self.max_response_bytes,
        )
        if not self.hooks:
            return await send(self.transport, request, url)
        from oktakit._http.buckets import bucket_for
        from oktakit._http.hooks import CallEvent, next_call, observed_send

        path = target.path
        about = CallEvent(
            "request",
            None,
            method,
            path,
            bucket_for(method, path),
            1,
            1,
            call=next_call(),
            host=target.host,
            port=target.port,
        )
        return await observed_send(self.hooks, self.transport, request, url, about)


class Resend(Enum):
    """What an authorizer asks of the transport after seeing a response."""

    NO = "no"
    WITH_NEW_NONCE = "with a new DPoP nonce"
    WITH_NEW_TOKEN = "with a new access token"


@frozen
class CredentialInfo:
    """What the checks (``OktaClient.check``, ``preflight``, ``bulk``) need to know about a
    credential: its kind, how reports name it, and what it was granted; never its secret.

    ``kind`` chooses how the preflight reads what the credential may do: an ``api_token`` has
    its admin's roles (read from ``/api/v1/users/me``), a ``service_app`` has its scopes and the
    roles assigned to ``client_id``; of any ``other`` credential nothing can be read.
    """

    kind: Literal["api_token", "service_app", "other"]
    #: How reports name it, e.g. ``API token (SSWS)``, ``service app 0oa1 (private-key JWT)``.
    description: str
    #: The scopes Okta granted its current token; None where scopes do not limit it (an API
    #: token carries its admin's permissions) or are not known.
    granted_scopes: frozenset[str] | None = None
    #: A service app's client ID (its roles and scope grants are read by it).
    client_id: str | None = None
    #: Whether its access tokens are DPoP-bound.
    dpop: bool = False

    @property
    def holder(self) -> str:
        """Who holds the permissions, in a sentence of a report."""
        return f"service app {self.client_id}" if self.client_id else self.description


class Authorizer(Protocol):
    """The per-client side of a credential: headers for each request, reaction to answers, and
    what it is (``describe``).

    An authorizer whose headers never change and that never asks for a resend (as an API
    token's) may also have a ``fixed_headers`` attribute holding them: the client then merges
    them once instead of calling ``headers`` and ``after_response`` on every request.
    """

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        """Headers to add to the request about to be sent to ``url``."""
        ...

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        """See every response (``sent``: the headers this authorizer gave the request) and say
        whether to send the request again; the transport decides how often it may."""
        ...

    async def describe(self) -> CredentialInfo:
        """What this credential is and was granted (a service app gets its token first)."""
        ...


class Auth(Protocol):
    """A credential that ``OktaClient`` can use."""

    def connect(self, connection: OrgConnection) -> Authorizer:
        """The authorizer for one client talking to one org."""
        ...


async def describe(authorizer: Authorizer) -> CredentialInfo:
    """``authorizer.describe()``; an authorizer written before ``describe`` existed is an
    ``other`` credential, named by its class, whose scopes and roles cannot be read."""
    method = getattr(authorizer, "describe", None)
    if method is None:
        return CredentialInfo("other", f"a custom credential ({type(authorizer).__name__})")
    info = await method()
    if not isinstance(info, CredentialInfo):
        raise TypeError(f"{type(authorizer).__name__}.describe() must return a CredentialInfo, not {info!r}")
    return info

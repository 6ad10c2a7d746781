"""The transport seam: the one method oktakit needs from whatever carries its requests.

``OktaClient(..., transport=...)`` accepts any object with this coroutine method::

    async def send(self, request: HttpRequest) -> HttpResponse

It sits below the credentials, the pacing and the retries: each attempt of each call, and
each token request of a service app, reaches it complete (URL with its query, every header,
``Authorization`` included, the body as bytes) and once. Whatever it returns is an answer, any
status included; the client maps error statuses, follows pages and retries as it always does.
To say that no answer came, raise ``TransportError`` (``connected=False`` when nothing can have
reached Okta, so that even a POST is retried) or ``RequestTimeoutError``; any other exception
is reported as a ``TransportError`` without its text (it could quote the request's headers).

``AiohttpTransport`` (the default) sends through an ``aiohttp.ClientSession``;
``oktakit.testing.MockTransport`` answers from a function, for tests without sockets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from oktakit.errors import ConfigurationError, OktaError, ResponseTooLargeError, TransportError


class HttpRequest:
    """One request as it goes on the wire.

    ``url`` is absolute (a ``yarl.URL``, already percent-encoded); ``content`` the body
    (``None`` for none); ``timeout`` the seconds the whole exchange may take and
    ``max_response_bytes`` the most of an answer's body to read (the client's settings, which
    default to ``OktaClient``'s defaults).
    Its repr shows neither the headers nor the query (credentials, email addresses).
    """

    __slots__ = ("content", "headers", "max_response_bytes", "method", "timeout", "url")

    def __init__(  # noqa: PLR0917 - built on every attempt: positional is cheapest
        self,
        method: str,
        url: URL,
        headers: Mapping[str, str],
        content: bytes | None = None,
        timeout: float = 30.0,
        max_response_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes

    def json(self) -> Any:
        """The body as JSON (``None`` for a request without a body)."""
        return None if self.content is None else json.loads(self.content)

    def __repr__(self) -> str:
        return f"<HttpRequest {self.method} {self.url.with_query(None)}>"


class HttpResponse:
    """One answer as it came off the wire: the status, the headers (case-insensitive, a name
    may repeat, as ``Link`` does) and the whole body.

    >>> HttpResponse(200, {"Content-Type": "application/json"}, b'{"id": "00u1"}').json()
    {'id': '00u1'}
    """

    __slots__ = ("content", "headers", "status")

    def __init__(
        self,
        status: int,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
        content: bytes = b"",
    ) -> None:
        self.status = status
        if type(headers) is not CIMultiDictProxy:  # aiohttp's own answers are taken as they are
            headers = CIMultiDictProxy(CIMultiDict(headers or ()))
        self.headers: CIMultiDictProxy[str] = headers
        self.content = content

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.content)

    def __repr__(self) -> str:
        return f"<HttpResponse {self.status}>"


class Transport(Protocol):
    """Carries one request to Okta and brings back its answer (see the module's docstring)."""

    async def send(self, request: HttpRequest) -> HttpResponse:
        """The answer to ``request``, whatever its status; raise ``TransportError`` if none came."""
        ...


def check_transport(transport: object) -> Transport:
    """``transport`` if it has the seam's method, else a ``ConfigurationError``."""
    if not callable(getattr(transport, "send", None)):
        raise ConfigurationError(
            f"transport must have an async send(request) method, not {type(transport).__name__}"
        )
    return transport  # type: ignore[return-value]


async def send(transport: Transport, request: HttpRequest, shown: str) -> HttpResponse:
    """``transport.send(request)``, holding any transport to the seam's contract: an answer is
    an ``HttpResponse`` within the read cap, and a failure an ``OktaError`` (``shown``: the URL
    quoted in errors)."""
    try:
        response = await transport.send(request)
    except OktaError:
        raise
    except Exception as exc:  # a transport of the user's: its exception may quote our headers
        failure = type(exc).__name__
    else:
        if type(response) is not HttpResponse and not isinstance(response, HttpResponse):
            raise ConfigurationError(
                f"the transport's send() returned {type(response).__name__}, not an HttpResponse"
            )
        if len(response.content) > request.max_response_bytes:
            raise ResponseTooLargeError(
                limit=request.max_response_bytes, status=response.status, method=request.method, url=shown
            )
        return response
    raise TransportError(f"the transport failed: {failure}", method=request.method, url=shown)

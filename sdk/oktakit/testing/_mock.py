"""``MockTransport``: unit tests of code that uses ``OktaClient``, without sockets or a server.

    def handler(request: HttpRequest) -> MockResponse:
        if request.url.path == "/api/v1/users/00u1":
            return MockResponse(200, json={"id": "00u1", "status": "ACTIVE", ...})
        return MockResponse(404, json={"errorCode": "E0000007", "errorSummary": "Not found"})

    async with OktaClient(org_url, auth=ApiToken(token), transport=MockTransport(handler)) as okta:
        ...

The client's credentials, pacing, retries, error mapping and parsing all run as they do on the
wire; only the exchange is the handler's. For behaviour (lifecycle rules, pagination, rate
limits) the ``OktaSimulator`` is the better stand-in.
"""

from __future__ import annotations

import inspect
import json as jsonlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, TypeAlias

from multidict import CIMultiDict

from oktakit._http.protocol import HttpRequest, HttpResponse

_NO_JSON: Any = object()


class MockResponse(HttpResponse):
    """An answer for a ``MockTransport`` handler to return.

    ``json`` is serialised as the body (with ``Content-Type: application/json`` unless
    ``headers`` set one); ``content`` gives the body's bytes instead.

    >>> MockResponse(200, json={"id": "00u1"}).content
    b'{"id": "00u1"}'
    >>> MockResponse(429, headers={"X-Rate-Limit-Reset": "1700000060"}).status
    429
    """

    __slots__ = ()

    def __init__(
        self,
        status: int = 200,
        *,
        json: Any = _NO_JSON,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
        content: bytes | None = None,
    ) -> None:
        if json is not _NO_JSON and content is not None:
            raise ValueError("give json= or content=, not both")
        fields = CIMultiDict(headers or ())
        if json is not _NO_JSON:
            content = jsonlib.dumps(json).encode()
            fields.setdefault("Content-Type", "application/json")
        super().__init__(status, fields, b"" if content is None else content)


#: A handler: a request in, an answer out; plain or ``async``.
Handler: TypeAlias = Callable[[HttpRequest], "HttpResponse | Awaitable[HttpResponse]"]


class MockTransport:
    """A transport whose answers come from ``handler`` (plain or ``async``), for
    ``OktaClient(..., transport=MockTransport(handler))``.

    ``requests`` lists every request handed to it, in order (retries and a service app's
    token requests included). A handler may raise ``oktakit.TransportError`` to act out a lost
    connection (``connected=False``: one that never reached Okta).
    """

    def __init__(self, handler: Handler) -> None:
        if not callable(handler):
            raise TypeError(f"handler must be callable, not {type(handler).__name__}")
        self.handler = handler
        #: Every request sent through this transport, in order.
        self.requests: list[HttpRequest] = []

    async def send(self, request: HttpRequest) -> HttpResponse:
        self.requests.append(request)
        response = self.handler(request)
        if inspect.isawaitable(response):
            response = await response
        return response

    def __repr__(self) -> str:
        return f"<MockTransport {getattr(self.handler, '__name__', self.handler)!r}>"

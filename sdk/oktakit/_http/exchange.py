"""The default transport: one HTTP exchange with aiohttp, a bounded read, and aiohttp's failures
as typed errors.

Every request of a client (its calls and a service app's token requests) goes through its
transport (``protocol``), so this is the one place that knows how aiohttp fails. Its exceptions
are never chained to ours: they carry the request (``ClientResponseError.request_info`` holds
every header we sent, ``Authorization`` included), and anything reachable from an error a user
catches may end up in a log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import hdrs
from aiohttp.http_exceptions import HttpProcessingError

from oktakit.errors import ConfigurationError, RequestTimeoutError, ResponseTooLargeError, TransportError

from . import allocator
from .protocol import HttpRequest, HttpResponse

#: The default cap on one response body, after decompression: a page of 200 users with large
#: custom profiles is a few megabytes, so this only ever stops a broken or hostile server.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class AiohttpTransport:
    """The transport ``OktaClient`` uses unless given another: requests sent through one
    ``aiohttp.ClientSession``, redirects not followed, bodies read up to the request's cap.

    A session passed in stays its owner's to close (``OktaClient(session=...)`` builds one of
    these around it). Raises ``RequestTimeoutError``, ``TransportError`` or
    ``ResponseTooLargeError``; ``ConfigurationError`` once the session is closed.
    """

    __slots__ = ("_limits", "session")

    def __init__(self, session: aiohttp.ClientSession) -> None:
        if not isinstance(session, aiohttp.ClientSession):
            raise ConfigurationError(
                f"session must be an aiohttp.ClientSession, not {type(session).__name__}"
            )
        self.session = session
        self._limits = aiohttp.ClientTimeout()
        allocator.settle()

    async def send(self, request: HttpRequest) -> HttpResponse:
        session = self.session
        if session.closed:
            raise ConfigurationError("the aiohttp session given to OktaClient has been closed")
        limits = self._limits
        if limits.total != request.timeout:  # one timeout per client: built once, not per request
            limits = self._limits = aiohttp.ClientTimeout(total=request.timeout)
        method, max_bytes = request.method, request.max_response_bytes
        try:
            async with session.request(
                method,
                request.url,
                data=request.content,
                headers=request.headers,
                timeout=limits,
                allow_redirects=False,
            ) as raw:
                # A declared length is the size of the body only when nothing is compressed;
                # aiohttp then reads exactly that much, so the common case is one plain read.
                declared = raw.content_length
                if (
                    declared is not None
                    and declared <= max_bytes
                    and hdrs.CONTENT_ENCODING not in raw.headers
                ):
                    body = await raw.read()
                else:
                    body = await _read(raw, max_bytes, method, request)
                return HttpResponse(raw.status, raw.headers, body)
        except TimeoutError as exc:
            error: TransportError = RequestTimeoutError(
                f"request timed out ({type(exc).__name__})",
                method=method,
                url=str(request.url),
                connected=not isinstance(exc, aiohttp.ConnectionTimeoutError),
            )
        except (aiohttp.ClientError, HttpProcessingError, OSError) as exc:
            error = TransportError(
                f"request failed: {_describe(exc)}",
                method=method,
                url=str(request.url),
                connected=_connected(exc),
            )
        # Raised here, outside the handler, so that aiohttp's exception is not even its __context__.
        raise error

    def __repr__(self) -> str:
        return f"<AiohttpTransport {self.session!r}>"


async def _read(raw: aiohttp.ClientResponse, max_bytes: int, method: str, request: HttpRequest) -> bytes:
    """The body of an answer that is compressed, of no declared length or too long, read in
    bounded steps (aiohttp decompresses as we read, so stopping at the cap bounds memory)."""
    declared = raw.content_length
    if declared is not None and declared > max_bytes and hdrs.CONTENT_ENCODING not in raw.headers:
        raise ResponseTooLargeError(limit=max_bytes, status=raw.status, method=method, url=str(request.url))
    chunks, size = [], 0
    async for chunk in raw.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise ResponseTooLargeError(
                limit=max_bytes, status=raw.status, method=method, url=str(request.url)
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _connected(exc: BaseException) -> bool:
    # A TLS failure follows a TCP connection, but nothing was sent: still "not connected". The
    # retrier resends only what cannot have reached Okta, or what is safe to repeat.
    return not isinstance(exc, aiohttp.ClientConnectorError)


def _describe(exc: BaseException) -> str:
    """The kind of failure without the request: status and reason for a bad answer, the OS's
    words for a connection failure (neither holds our headers)."""
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"{type(exc).__name__}: {exc.status} {exc.message}"
    if isinstance(exc, HttpProcessingError):
        return f"{type(exc).__name__}: the answer is not valid HTTP"
    return f"{type(exc).__name__}: {exc}"


_orjson_loads: Callable[[bytes], Any] | None
try:
    # orjson parses a user record about three times as fast as json (benchmarks/bench.py). Wheels
    # exist for CPython only; elsewhere the standard library's parser does all the work.
    from orjson import loads as _orjson_loads
except ImportError:  # pragma: no cover - PyPy, or a platform without an orjson wheel
    _orjson_loads = None

#: json's scanner, called directly for the usual body: one JSON value with nothing around it.
#: ``json.loads`` reaches the same scanner after two whitespace regex matches and two layers of
#: calls.
# (typeshed leaves the attribute out: JSONDecoder sets it in its __init__.)
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def json_or_none(body: bytes) -> Any:
    """The JSON document in ``body``, or ``None`` when it is not JSON (or absurdly nested).

    orjson reads almost every answer; what it refuses and Python's json takes (``NaN``, a lone
    surrogate, a BOM, nesting past 1,024 levels that json can still read) goes the way of json,
    so every body parses as json would parse it. One difference: an integer beyond 64 bits
    reads as a float where json gives an int.
    """
    if _orjson_loads is not None:
        try:
            return _orjson_loads(body)
        except ValueError:  # orjson.JSONDecodeError: json decides, below
            pass
    try:
        text = body.decode()
        value, end = _SCAN(text, 0)
        if end == len(text):
            return value
    except (ValueError, RecursionError, StopIteration):
        pass  # not JSON, or not only JSON: json.loads decides, as below
    try:
        # JSON on the wire is UTF-8 (RFC 8259): text parses faster than bytes, whose encoding
        # json sniffs first. Anything else (a BOM, UTF-16, lone surrogates) takes json's own way.
        return json.loads(body.decode())
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None

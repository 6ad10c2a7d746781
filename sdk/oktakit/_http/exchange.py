"""One HTTP exchange with aiohttp: a bounded read, and aiohttp's failures as typed errors.

Both the API transport and the token endpoint go through ``exchange``, so this is the one place
that knows how aiohttp fails. Its exceptions are never chained to ours: they carry the request
(``ClientResponseError.request_info`` holds every header we sent, ``Authorization`` included),
and anything reachable from an error a user catches may end up in a log.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import aiohttp
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDictProxy
from yarl import URL

from oktakit.errors import RequestTimeoutError, ResponseTooLargeError, TransportError

#: The default cap on one response body, after decompression: a page of 200 users with large
#: custom profiles is a few megabytes, so this only ever stops a broken or hostile server.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


async def exchange(
    session: aiohttp.ClientSession,
    method: str,
    target: URL | str,
    *,
    shown: str,
    data: Any,
    headers: Mapping[str, str],
    time_limits: aiohttp.ClientTimeout,
    max_bytes: int,
) -> tuple[int, CIMultiDictProxy[str], bytes]:
    """Send one request and read its whole answer (status, headers, body), redirects not followed.

    Raises ``RequestTimeoutError``, ``TransportError`` or ``ResponseTooLargeError`` (``shown``
    is the URL quoted in them).
    """
    try:
        async with session.request(
            method, target, data=data, headers=headers, timeout=time_limits, allow_redirects=False
        ) as raw:
            body = await _read(raw, max_bytes, method, shown)
            return raw.status, raw.headers, body
    except TimeoutError as exc:
        error: TransportError = RequestTimeoutError(
            f"request timed out ({type(exc).__name__})",
            method=method,
            url=shown,
            connected=not isinstance(exc, aiohttp.ConnectionTimeoutError),
        )
    except (aiohttp.ClientError, HttpProcessingError, OSError) as exc:
        error = TransportError(
            f"request failed: {_describe(exc)}", method=method, url=shown, connected=_connected(exc)
        )
    # Raised here, outside the handler, so that aiohttp's exception is not even its __context__.
    raise error


async def _read(raw: aiohttp.ClientResponse, max_bytes: int, method: str, shown: str) -> bytes:
    def too_large() -> ResponseTooLargeError:
        return ResponseTooLargeError(limit=max_bytes, status=raw.status, method=method, url=shown)

    # A declared length is the size of the body only when nothing is compressed; aiohttp then
    # reads exactly that much, so the common case is one plain read.
    declared = raw.content_length
    if declared is not None and "Content-Encoding" not in raw.headers:
        if declared > max_bytes:
            raise too_large()
        return await raw.read()
    # aiohttp decompresses in bounded steps as we read, so stopping at the cap bounds memory.
    chunks, size = [], 0
    async for chunk in raw.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_large()
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


def json_or_none(body: bytes) -> Any:
    """The JSON document in ``body``, or ``None`` when it is not JSON (or absurdly nested)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None

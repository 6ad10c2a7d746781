"""``FakeOkta``: canned answers for ``oktakit.testing.MockTransport``, registered per method and
URL the way aioresponses registers them, and the record of every request sent.

The tests of what the client puts on the wire (and of how it reads answers) run on it: the
client's whole path runs (credentials, pacing, retries, error mapping, parsing) and only the
exchange is canned. The tests of the aiohttp exchange itself (timeouts, redirects, aiohttp's
failures, bounded reads) run the real session under aioresponses instead (``tests/http``).
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from aioresponses import CallbackResult, aioresponses
from multidict import CIMultiDict
from yarl import URL

from oktakit import HttpRequest, HttpResponse, TransportError
from oktakit.testing import MockResponse, MockTransport

Callback = Callable[[HttpRequest], "HttpResponse | Awaitable[HttpResponse]"]
_NOTHING: Any = object()


def _normalized(url: URL) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    # As aioresponses compares URLs: the query's order does not matter.
    return str(url.with_query(None)), url.path, tuple(sorted(url.query.items()))


@dataclass
class _Route:
    method: str
    url: str | re.Pattern[str]
    answer: Callback
    repeat: bool

    def matches(self, request: HttpRequest) -> bool:
        if request.method != self.method:
            return False
        if isinstance(self.url, re.Pattern):
            return self.url.match(str(request.url)) is not None
        return _normalized(URL(self.url)) == _normalized(request.url)


class FakeOkta:
    """Answers from what was registered (the first route that matches; once, unless
    ``repeat``); a request nothing matches fails as a refused connection would."""

    def __init__(self) -> None:
        self.transport = MockTransport(self._answer)
        self._routes: list[_Route] = []

    @property
    def requests(self) -> list[HttpRequest]:
        """Every request sent, in order."""
        return self.transport.requests

    def add(
        self,
        url: str | re.Pattern[str],
        method: str = "GET",
        *,
        status: int = 200,
        payload: Any = _NOTHING,
        body: str | bytes = b"",
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
        callback: Callback | None = None,
        exception: BaseException | None = None,
        repeat: bool = False,
    ) -> None:
        """Answer ``method url`` with ``payload`` (JSON) or ``body``, or by ``callback``, or
        by raising ``exception``."""
        if callback is None:
            fields = CIMultiDict(headers or {})  # a name may repeat (Link)
            if content_type is not None:
                fields["Content-Type"] = content_type
            content = body.encode() if isinstance(body, str) else body
            if payload is not _NOTHING:
                fields.setdefault("Content-Type", "application/json")
                content = json.dumps(payload).encode()
            response = MockResponse(status, headers=fields, content=content)

            def callback(request: HttpRequest) -> HttpResponse:
                if exception is not None:
                    raise exception
                return response

        self._routes.append(_Route(method.upper(), url, callback, repeat))

    def get(self, url: str | re.Pattern[str], **options: Any) -> None:
        self.add(url, "GET", **options)

    def post(self, url: str | re.Pattern[str], **options: Any) -> None:
        self.add(url, "POST", **options)

    def put(self, url: str | re.Pattern[str], **options: Any) -> None:
        self.add(url, "PUT", **options)

    @contextmanager
    def on_aiohttp(self) -> Iterator[aioresponses]:
        """Answer the requests of real aiohttp sessions too, through aioresponses: for a client
        the test cannot hand a transport (one the CLI builds), or to run the aiohttp exchange."""
        with aioresponses() as mocked:
            for method in ("GET", "POST", "PUT", "DELETE"):
                mocked.add(re.compile(".*"), method, callback=self._bridge(method), repeat=True)
            yield mocked

    def _bridge(self, method: str) -> Callable[..., Awaitable[CallbackResult]]:
        async def answer(url: URL, **kwargs: Any) -> CallbackResult:
            request = HttpRequest(
                method,
                url,
                dict(kwargs.get("headers") or {}),
                kwargs.get("data"),
                timeout=kwargs["timeout"].total,
                max_response_bytes=2**31,
            )
            response = await self.transport.send(request)
            return CallbackResult(status=response.status, body=response.content, headers=response.headers)

        return answer

    async def _answer(self, request: HttpRequest) -> HttpResponse:
        for route in self._routes:
            if route.matches(request):
                if not route.repeat:
                    self._routes.remove(route)
                answer = route.answer(request)
                return await answer if inspect.isawaitable(answer) else answer
        raise TransportError(
            f"connection refused: nothing answers {request.method} {request.url}",
            method=request.method,
            url=str(request.url),
            connected=False,
        )

"""The one place that sends requests: URL, auth, timeout, User-Agent, logging, error mapping,
rate-limit pacing (``ratelimit``) and retries (``retry``)."""

from __future__ import annotations

import asyncio
import json
import logging
import platform
import time
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import aiohttp
from multidict import CIMultiDictProxy
from yarl import URL

from oktakit._arguments import query_value
from oktakit._version import __version__
from oktakit.auth._protocol import Authorizer, Resend
from oktakit.errors import (
    ConfigurationError,
    InvalidArgumentError,
    MalformedResponseError,
    OktaError,
    RequestTimeoutError,
)

from .buckets import request_bucket
from .error_mapping import api_error_from_response
from .exchange import DEFAULT_MAX_RESPONSE_BYTES, exchange, json_or_none
from .hints import RateLimitHeaders, read_rate_limit
from .retry import retry_safe

if TYPE_CHECKING:
    from oktakit_api.operations import Operation

    from .ratelimit import Budget, Pacer, RateLimitPolicy
    from .retry import Retrier, RetryPolicy
    from .stats import Stats

logger = logging.getLogger("oktakit")

# Resends allowed per request when the credentials ask for them: one with a refreshed token (a
# fresh token refused again is really refused), two with new DPoP nonces (it may rotate).
RESEND_BUDGET = {Resend.WITH_NEW_TOKEN: 1, Resend.WITH_NEW_NONCE: 2}

# Seconds of waiting for the rate limit after which the credentials are made again before
# sending (a DPoP proof's iat, a token's expiry); shorter waits reuse them.
REAUTHORIZE_AFTER = 10.0

USER_AGENT = f"oktakit/{__version__} python/{platform.python_version()} aiohttp/{aiohttp.__version__}"


class Response:
    """A received 2xx response: what the generated parsers read."""

    __slots__ = ("_json", "content", "headers", "method", "operation", "status_code", "url")

    def __init__(
        self,
        *,
        status_code: int,
        content: bytes,
        headers: CIMultiDictProxy[str],
        method: str,
        url: str,
        operation: Operation[Any] | None = None,
    ) -> None:
        #: The operation (from the registry); the next pages of a list are paced and retried alike.
        self.operation = operation
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.method = method
        self.url = url
        self._json: Any = _UNREAD

    def json(self) -> Any:
        if self._json is _UNREAD:
            self._json = json_or_none(self.content)
            if self._json is None and self.content.strip() != b"null":
                # Not chained: the parser's error holds the whole body.
                raise MalformedResponseError(
                    "the response body is not valid JSON",
                    status=self.status_code,
                    method=self.method,
                    url=self.url,
                )
        return self._json

    def __repr__(self) -> str:
        return f"<Response {self.status_code} {self.method} {self.url}>"


_UNREAD = object()


class Transport:
    """Sends requests to one Okta org through one aiohttp session.

    Its ``Response`` is the generated parsers' ``RawResponse``.
    """

    def __init__(
        self,
        *,
        origin: URL,
        authorizer: Authorizer,
        session: aiohttp.ClientSession,
        timeout: aiohttp.ClientTimeout,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimitPolicy | None = None,
        stats: Stats | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        # Imported here, not with the module: `import oktakit` stays cheap.
        from .ratelimit import Pacer
        from .retry import Retrier
        from .stats import Stats

        self.stats = Stats() if stats is None else stats
        self._retrier: Retrier | None = None if retry is None else Retrier(retry, self.stats)
        self.pacer: Pacer | None = (
            None if rate_limit is None else Pacer(rate_limit, self.stats, time.time, org=str(origin))
        )
        self._origin = origin
        self._max_response_bytes = max_response_bytes
        self._origin_str = str(origin)
        self._authorizer = authorizer
        self._session = session
        self._timeout = timeout
        self._base_headers = {"Accept": "application/json", "User-Agent": USER_AGENT}

    def resolve(self, url: str) -> URL:
        """Turn a spec path (already percent-encoded) or a ``Link`` URL into a request URL.

        Absolute URLs are only followed on the org's own origin, so a forged ``Link`` header can
        never send our credentials elsewhere.
        """
        if not _plain_ascii(url):
            # Links arrive percent-encoded; anything else would be re-encoded (or dropped) by yarl.
            raise MalformedResponseError(
                "refusing to follow a link that is not a plain ASCII URL",
                status=200,
                method="GET",
                url=url.encode("ascii", "backslashreplace").decode("ascii"),
            )
        if url.startswith("/") and not url.startswith("//"):
            return URL(self._origin_str + url, encoded=True)
        try:
            target = URL(url, encoded=True)
            origin = target.origin()
            # yarl parses the authority lazily: read it all here, where a bad port is caught.
            credentials = target.user is not None or target.password is not None
            target.port  # noqa: B018
        except ValueError:
            # Relative (other than path-absolute), scheme-relative, a bad port or host, unparsable.
            raise MalformedResponseError(
                "refusing to follow a link that is not an absolute URL", status=200, method="GET", url=url
            ) from None
        if credentials:
            # aiohttp would refuse to combine them with our Authorization header anyway.
            raise MalformedResponseError(
                "refusing to follow a link that carries credentials",
                status=200,
                method="GET",
                url=str(target.with_user(None)),
            )
        if origin != self._origin:
            raise MalformedResponseError(
                f"refusing to follow a link to another origin ({origin})", status=200, method="GET", url=url
            )
        return target

    async def request(
        self,
        *,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        operation: Operation[Any] | None = None,
    ) -> Response:
        """Send one call (with its retries); ``operation`` (from the registry) names its bucket
        and retry safety, otherwise the method and the path decide."""
        target = self.resolve(url)
        if params:
            target = target.extend_query({k: query_value(k, v) for k, v in params.items()})
        shown = str(target)
        base_headers = {**self._base_headers, **(headers or {})}
        data = None if json is None else _dumps(json)
        if data is not None:
            base_headers.setdefault("Content-Type", "application/json")
        if self._session.closed:
            raise ConfigurationError("the aiohttp session given to OktaClient has been closed")
        bucket = request_bucket(operation, method, target.raw_path)
        call = _Call(method, target, shown, data, base_headers, operation, bucket)
        retrier = self._retrier
        deadline = None if retrier is None else retrier.deadline()
        attempt, waited = 1, 0.0
        while True:
            try:
                return await self._attempt(call, deadline)
            except OktaError as error:
                wait = None
                if retrier is not None:
                    wait = retrier.next_wait(
                        error,
                        attempt,
                        retry_safe=retry_safe(operation, method),
                        deadline=deadline,
                        label=f"{method} {shown}",
                        waited=waited,
                    )
                if wait is None:
                    raise
            if wait:
                await asyncio.sleep(wait)
            attempt, waited = attempt + 1, waited + wait

    async def _attempt(self, call: _Call, deadline: float | None) -> Response:
        method, _, shown, _, _, operation, bucket = call
        # The authorizer may ask to resend (a refreshed token, a new DPoP nonce), within a budget
        # per request; the body is bytes, so resending it is safe. (The budget is copied only
        # when a resend is asked for: almost every request needs none.)
        budget: dict[Resend, int] | None = None
        while True:
            started = time.perf_counter()
            sent, (status, response_headers, content), limits = await self._paced_send(call, deadline)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "%s %s -> %d in %.1f ms (request id %s)",
                    method,
                    shown,
                    status,
                    (time.perf_counter() - started) * 1000,
                    response_headers.get("X-Okta-Request-Id"),
                )
            resend = await self._authorizer.after_response(sent, status, response_headers, content)
            if resend is Resend.NO:
                break
            if budget is None:
                budget = dict(RESEND_BUDGET)
            if budget.get(resend, 0) == 0:
                break
            budget[resend] -= 1
            logger.debug("%s %s -> %d: resending %s", method, shown, status, resend.value)
        if not 200 <= status < 300:
            if limits is None:  # not read for a pacer: read here, once
                limits = read_rate_limit(response_headers)
            error = api_error_from_response(
                status=status,
                method=method,
                url=shown,
                headers=response_headers,
                body=content,
                auth_scheme=sent.get("Authorization", "").partition(" ")[0],
                rate_limit=limits,
                operation=operation,
            )
            numbers = limits.numbers
            if numbers is not None:
                from .ratelimit import rate_limit_state

                cap = self.pacer.cap if self.pacer is not None else 0
                error.rate_limit = rate_limit_state(bucket, numbers, cap)
            if status == 429:
                self.stats.rate_limited[limits.kind] += 1
            raise error
        return Response(
            status_code=status,
            content=content,
            headers=response_headers,
            method=method,
            url=shown,
            operation=operation,
        )

    async def _paced_send(
        self, call: _Call, deadline: float | None
    ) -> tuple[Mapping[str, str], tuple[int, CIMultiDictProxy[str], bytes], RateLimitHeaders | None]:
        """Authorize and ``_send`` once the bucket and the in-flight cap allow it; the answer
        feeds the pacer (with its rate-limit headers, read once and returned)."""
        method, target, shown, data, base_headers, _, bucket = call
        pacer = self.pacer
        if pacer is None:
            sent = await self._authorizer.headers(method, target)
            self.stats.requests += 1
            return sent, await self._send(method, target, shown, data, {**base_headers, **sent}), None
        # Authorize first: coroutines that need a token share one token request (and one
        # refusal) instead of asking one by one as the pacer lets them through.
        sent = await self._authorizer.headers(method, target)
        place: Budget
        try:
            place, waited = await pacer.acquire(bucket, deadline)
        except TimeoutError:
            raise RequestTimeoutError(
                f"the call's deadline passed while waiting for rate-limit bucket {bucket!r}",
                method=method,
                url=shown,
            ) from None
        answer = limits = None
        try:
            if waited > REAUTHORIZE_AFTER:  # a DPoP proof (or a token) that old may be refused
                sent = await self._authorizer.headers(method, target)
            self.stats.requests += 1
            answer = await self._send(method, target, shown, data, {**base_headers, **sent})
            limits = read_rate_limit(answer[1])
        finally:
            if answer is None or limits is None:
                pacer.release(place, 0, None, None)
            else:
                pacer.release(place, answer[0], answer[1], limits)
        return sent, answer, limits

    def _send(
        self, method: str, target: URL, shown: str, data: bytes | None, headers: Mapping[str, str]
    ) -> Coroutine[Any, Any, tuple[int, CIMultiDictProxy[str], bytes]]:
        # Not a coroutine of its own: one layer fewer between the caller and the socket.
        return exchange(
            self._session,
            method,
            target,
            shown=shown,
            data=data,
            headers=headers,
            time_limits=self._timeout,
            max_bytes=self._max_response_bytes,
        )

    def __repr__(self) -> str:
        return f"<Transport {self._origin_str}>"


class _Call(NamedTuple):
    """One call as built once, for every attempt."""

    method: str
    target: URL
    shown: str
    data: bytes | None
    headers: Mapping[str, str]
    operation: Operation[Any] | None
    bucket: str


def _plain_ascii(url: str) -> bool:
    return url.isascii() and url.isprintable() and " " not in url


def _dumps(body: Any) -> bytes:
    try:
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    except (TypeError, ValueError, RecursionError) as exc:
        # Not JSON: an object json cannot encode, NaN/Infinity, a cycle or a lone surrogate.
        # Raised outside the handler: a UnicodeEncodeError holds the whole body (passwords too).
        error = InvalidArgumentError(f"the request body cannot be sent as JSON ({type(exc).__name__})")
    raise error

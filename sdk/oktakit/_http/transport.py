"""The one place that sends calls: URL, auth, User-Agent, logging, error mapping, rate-limit
pacing (``ratelimit``), retries (``retry``) and hooks (``hooks``), above the transport
(``protocol``: the seam that carries each attempt, by default ``exchange.AiohttpTransport``)."""

from __future__ import annotations

import asyncio
import json
import logging
import platform
import time
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from oktakit._arguments import query_value
from oktakit._version import __version__
from oktakit.auth._protocol import Authorizer, Resend
from oktakit.errors import (
    InvalidArgumentError,
    MalformedResponseError,
    OktaError,
    RequestTimeoutError,
)

from .buckets import request_bucket
from .error_mapping import api_error_from_response
from .exchange import DEFAULT_MAX_RESPONSE_BYTES, AiohttpTransport, json_or_none
from .hints import RateLimitHeaders, read_rate_limit
from .protocol import HttpRequest, HttpResponse, Transport, send

if TYPE_CHECKING:
    from oktakit_api.operations import ApiRequest, Operation

    from .hooks import Hook
    from .ratelimit import Pacer, RateLimitPolicy
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

    __slots__ = ("_json", "_url", "content", "headers", "method", "operation", "status_code")

    def __init__(  # noqa: PLR0917 - built once per call: positional is cheapest
        self,
        status_code: int,
        content: bytes,
        headers: CIMultiDictProxy[str],
        method: str,
        url: str | URL,
        operation: Operation[..., Any],
    ) -> None:
        #: The operation (from the registry); the next pages of a list are paced and retried alike.
        self.operation = operation
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.method = method
        self._url = url  # the text is made when first read: most responses are never shown
        self._json: Any = _UNREAD

    @property
    def url(self) -> str:
        """The request's URL (its query included), as text."""
        url = self._url
        if type(url) is not str:
            url = self._url = str(url)
        return url

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


class Pipeline:
    """Sends the calls of one client to one Okta org: each ``ApiRequest`` authorized, paced,
    retried and observed, each attempt carried by the client's transport.

    Its ``Response`` is the generated parsers' ``RawResponse``.
    """

    def __init__(
        self,
        *,
        origin: URL,
        authorizer: Authorizer,
        transport: Transport,
        timeout: float,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimitPolicy | None = None,
        stats: Stats | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        hooks: tuple[Hook, ...] = (),
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
        self._transport = transport
        # oktakit's own transport keeps the seam's contract by construction: no checks around it.
        self._trusted = type(transport) is AiohttpTransport
        self._timeout = timeout
        self._hooks = hooks
        self._max_attempts = 1 if retry is None else retry.attempts
        #: Seconds after which a call stops trying (the retry policy's deadline), if any.
        self._give_up_after = None if retry is None else retry.deadline
        self._base_headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        # A credential whose headers never change and that never asks for a resend (an API
        # token) says so: its headers are merged once, not awaited and merged on every call.
        self._fixed_headers: Mapping[str, str] | None = getattr(authorizer, "fixed_headers", None)
        # Read-only (shared by requests), and of aiohttp's own type, which it reads as it is
        # instead of copying it into one first (on every request).
        self._fixed_request_headers: Mapping[str, str] = CIMultiDictProxy(
            CIMultiDict({**self._base_headers, **(self._fixed_headers or {})})
        )

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

    async def send(self, request: ApiRequest) -> Response:
        """Send one call (with its retries): its operation (from the registry) names its bucket
        and whether it may be resent; its path may be a ``Link`` URL on the org's origin."""
        operation = request.operation
        method = operation.method
        target = self.resolve(request.path)
        params = request.params
        if params:
            target = target.extend_query({k: query_value(k, v) for k, v in params.items()})
        headers = self._base_headers if not request.headers else {**self._base_headers, **request.headers}
        data = None if request.json is None else _dumps(request.json)
        if data is not None and "Content-Type" not in headers:
            headers = {**headers, "Content-Type": "application/json"}
        bucket = request_bucket(operation, method, target.raw_path)
        call = _Call(method, target, data, headers, operation, bucket)
        retrier = self._retrier
        give_up_after = self._give_up_after
        deadline = None if give_up_after is None else asyncio.get_running_loop().time() + give_up_after
        retried = 0.0  # seconds waited between attempts (stamina's hooks are told)
        while True:
            try:
                return await self._attempt(call, deadline)
            except OktaError as error:
                wait = None
                if retrier is not None:
                    wait = retrier.next_wait(
                        error,
                        call.attempt,
                        retry_safe=operation.retry_safe,
                        deadline=deadline,
                        label=f"{method} {operation.path}",  # the template: no query value in a log
                        waited=retried,
                    )
                if wait is None:
                    raise
                call.attempt += 1
                call.waited += wait
                if self._hooks:
                    from .hooks import emit_retry

                    await emit_retry(self._hooks, call, self._max_attempts, error, wait)
            if wait:
                await asyncio.sleep(wait)
            retried += wait

    async def _attempt(self, call: _Call, deadline: float | None) -> Response:
        method, operation = call.method, call.operation
        authorizer = self._authorizer
        # The authorizer may ask to resend (a refreshed token, a new DPoP nonce), within a budget
        # per request; the body is bytes, so resending it is safe. (The budget is copied only
        # when a resend is asked for: almost every request needs none.)
        budget: dict[Resend, int] | None = None
        while True:
            debug = logger.isEnabledFor(logging.DEBUG)
            started = time.perf_counter() if debug else 0.0
            sent, response, limits = await self._paced_send(call, deadline)
            status, response_headers, content = response.status, response.headers, response.content
            if debug:
                logger.debug(
                    "%s %s -> %d in %.1f ms (request id %s)",
                    method,
                    call.shown,
                    status,
                    (time.perf_counter() - started) * 1000,
                    response_headers.get("X-Okta-Request-Id"),
                )
            if self._fixed_headers is not None:
                break  # a credential that never asks for a resend
            resend = await authorizer.after_response(sent, status, response_headers, content)
            if resend is Resend.NO:
                break
            if budget is None:
                budget = dict(RESEND_BUDGET)
            if budget.get(resend, 0) == 0:
                break
            budget[resend] -= 1
            logger.debug("%s %s -> %d: resending %s", method, call.shown, status, resend.value)
        if not 200 <= status < 300:
            if limits is None:  # not read for a pacer: read here, once
                limits = read_rate_limit(response_headers)
            error = api_error_from_response(
                status=status,
                method=method,
                url=call.shown,
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
                error.rate_limit = rate_limit_state(call.bucket, numbers, cap)
            if status == 429:
                self.stats.rate_limited[limits.kind] += 1
            raise error
        return Response(status, content, response_headers, method, call.target, operation)

    async def _paced_send(
        self, call: _Call, deadline: float | None
    ) -> tuple[Mapping[str, str], HttpResponse, RateLimitHeaders | None]:
        """Authorize and ``_send`` once the bucket and the in-flight cap allow it; the answer
        feeds the pacer (with its rate-limit headers, read once and returned)."""
        method, target = call.method, call.target
        # Authorize first: coroutines that need a token share one token request (and one
        # refusal) instead of asking one by one as the pacer lets them through.
        sent = self._fixed_headers
        if sent is None:
            sent = await self._authorizer.headers(method, target)
        pacer = self.pacer
        if pacer is None:
            self.stats.requests += 1
            return sent, await self._send(call, sent), None
        place = pacer.admit_now(call.bucket)  # almost always: no waiting, no coroutine
        if place is None:
            try:
                place, waited = await pacer.acquire(call.bucket, deadline)
            except TimeoutError:
                raise RequestTimeoutError(
                    f"the call's deadline passed while waiting for rate-limit bucket {call.bucket!r}",
                    method=method,
                    url=call.shown,
                ) from None
        else:
            waited = 0.0
        answer = limits = None
        try:
            if waited:
                call.waited += waited
                if self._hooks:
                    from .hooks import emit_wait

                    await emit_wait(self._hooks, call, self._max_attempts, waited)
                if waited > REAUTHORIZE_AFTER and self._fixed_headers is None:
                    # A DPoP proof (or a token) that old may be refused.
                    sent = await self._authorizer.headers(method, target)
            self.stats.requests += 1
            answer = await self._send(call, sent)
            limits = read_rate_limit(answer.headers)
        finally:
            if answer is None or limits is None:
                pacer.release(place, 0, None, None)
            else:
                pacer.release(place, answer.status, answer.headers, limits)
        return sent, answer, limits

    def _send(self, call: _Call, sent: Mapping[str, str]) -> Coroutine[Any, Any, HttpResponse]:
        # Not a coroutine of its own: one layer fewer between the caller and the socket.
        headers: Mapping[str, str]
        if sent is self._fixed_headers and call.headers is self._base_headers:
            headers = self._fixed_request_headers  # merged once (read-only: shared by requests)
        else:
            headers = {**call.headers, **sent}
        request = HttpRequest(
            call.method, call.target, headers, call.data, self._timeout, self._max_response_bytes
        )
        if self._hooks:
            from .hooks import call_event, observed_send

            about = call_event(call, "request", self._max_attempts)
            return observed_send(self._hooks, self._transport, request, call.shown, about)
        if self._trusted:
            return self._transport.send(request)
        return send(self._transport, request, call.shown)

    def __repr__(self) -> str:
        return f"<Pipeline {self._origin_str}>"


class _Call:
    """One call as built once, for every attempt, and how far it got."""

    __slots__ = (
        "_shown",
        "attempt",
        "bucket",
        "data",
        "headers",
        "method",
        "number",
        "operation",
        "target",
        "waited",
    )

    def __init__(  # noqa: PLR0917 - built in one place, from values at hand
        self,
        method: str,
        target: URL,
        data: bytes | None,
        headers: Mapping[str, str],
        operation: Operation[..., Any],
        bucket: str,
    ) -> None:
        self.method = method
        self.target = target
        self._shown: str | None = None
        self.data = data
        self.headers = headers
        self.operation = operation
        self.bucket = bucket
        self.attempt = 1
        self.waited = 0.0  # seconds waited, for the rate limit and between attempts
        self.number = 0  # CallEvent.call, drawn when the first event is made

    @property
    def shown(self) -> str:
        """The URL as logs, errors and hooks show it: made once, only if one of them asks."""
        shown = self._shown
        if shown is None:
            shown = self._shown = str(self.target)
        return shown


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

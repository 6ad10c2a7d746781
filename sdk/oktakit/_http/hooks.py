"""Hooks: what a client tells its observers about each call (``OktaClient(..., hooks=[...])``).

A hook is any callable taking one ``CallEvent``, plain or ``async`` (its awaitable is awaited
before the call goes on). It runs only when registered: a client without hooks builds no
events at all. A hook that raises is logged (WARNING, on the ``oktakit`` logger) and the call
goes on as if it had not been there; cancelling the call still cancels it.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias, runtime_checkable

import attrs

from oktakit.errors import ApiError, ConfigurationError, OktaError, RequestTimeoutError, TransportError

from .protocol import HttpRequest, HttpResponse, Transport, send

if TYPE_CHECKING:
    from .transport import _Call

logger = logging.getLogger("oktakit")

EventKind: TypeAlias = Literal["request", "response", "retry", "wait"]
RateLimitKind: TypeAlias = Literal["rate", "concurrency"]
RunKind: TypeAlias = Literal["bulk", "bulk_update", "bulk_undo", "contain"]


@attrs.frozen(slots=True)
class CallEvent:
    """Something that happened in one call, as a hook sees it; never a credential, a body or a
    query (which holds email addresses).

    ``kind`` is one of:

    - ``"request"``: attempt ``attempt`` is handed to the transport (after its pacing);
    - ``"response"``: that attempt ended: ``status`` and ``request_id`` of the answer, or
      ``status`` None and ``cause`` (``"timeout"``, ``"connection lost"``, ``"no connection"``)
      when none came; ``elapsed`` seconds after its ``"request"``;
    - ``"retry"``: the call will be sent again: ``attempt`` is the attempt about to be made,
      after ``wait`` seconds, because of ``cause`` (``"HTTP 503"``, ``"HTTP 429"``,
      ``"timeout"``...; ``status`` and ``request_id`` are the failed answer's);
    - ``"wait"``: the call waited ``wait`` seconds for its rate-limit bucket or a free slot
      before attempt ``attempt``.

    A retry line, for example::

        def show(event: CallEvent) -> None:
            if event.kind == "retry":
                print(f"retrying {event.method} {event.path} in {event.wait:.1f} s after "
                      f"{event.cause} (attempt {event.attempt} of {event.max_attempts})")
    """

    kind: EventKind
    #: Okta's operationId (``"getUser"``); None for a request of no operation (a token request).
    operation: str | None
    method: str
    #: The path template (``/api/v1/users/{id}``), never the URL with its values.
    path: str
    #: The rate-limit bucket the request counts against.
    bucket: str
    #: The attempt this event is about, from 1.
    attempt: int
    #: At most this many attempts (1 when retries are off).
    max_attempts: int
    #: Seconds the call had waited so far (rate limit and retry waits, this event's included).
    waited: float = 0.0
    #: ``"retry"``: seconds until the next attempt; ``"wait"``: seconds just waited; else 0.
    wait: float = 0.0
    #: The HTTP status of the answer (``"response"``, ``"retry"``), if there was one.
    status: int | None = None
    #: Okta's ``X-Okta-Request-Id`` of the answer, if there was one.
    request_id: str | None = None
    #: Why there was no answer (``"response"``) or why the call is retried (``"retry"``).
    cause: str | None = None
    #: ``"response"``: seconds from handing the request to the transport to its answer.
    elapsed: float | None = None
    #: The call this event belongs to, the same for all its events (its retries included) and
    #: different for every call in this process: what pairs a response with its request when
    #: calls run concurrently (a tracing span per call, for example).
    call: int = 0
    #: The host and port the request goes to (the org's, or the token endpoint's).
    host: str | None = None
    port: int | None = None
    #: ``"response"`` with status 429: ``"concurrency"`` when Okta's answer names no rate
    #: (``X-Rate-Limit-Limit: 0``, its concurrency limit), else ``"rate"``.
    rate_limit: RateLimitKind | None = None


class Hook(Protocol):
    """What ``OktaClient(..., hooks=[...])`` takes: a callable given each ``CallEvent`` of each
    call, plain (``def``) or ``async def`` (the call awaits it before it goes on, so keep it
    short: hand slow work to a queue). What it returns is otherwise ignored."""

    def __call__(self, event: CallEvent, /) -> object: ...


_CALLS = itertools.count(1)


def next_call() -> int:
    """A new ``CallEvent.call`` number."""
    return next(_CALLS)


def check_hooks(hooks: Iterable[Hook] | None) -> tuple[Hook, ...]:
    """The hooks as a tuple, each checked to be callable."""
    if hooks is None:
        return ()
    if isinstance(hooks, (str, bytes)) or not isinstance(hooks, Iterable) or callable(hooks):
        raise ConfigurationError("hooks must be a list of callables, each taking a CallEvent")
    checked = tuple(hooks)
    for hook in checked:
        if not callable(hook):
            raise ConfigurationError(f"hooks must be callables taking a CallEvent, not {type(hook).__name__}")
    return checked


async def emit(hooks: tuple[Hook, ...], event: CallEvent) -> None:
    """Call every hook with ``event``; a hook's failure is logged, never raised."""
    for hook in hooks:
        try:
            result = hook(event)
            if inspect.isawaitable(result):
                await result
        except Exception:
            logger.warning("hook %r raised on a %r event; the call goes on", hook, event.kind, exc_info=True)


def failure_cause(error: OktaError) -> str:
    """Why an attempt got no answer it could use, in the words of ``CallEvent.cause``."""
    if isinstance(error, TransportError):
        if not error.connected:
            return "no connection"
        return "timeout" if isinstance(error, RequestTimeoutError) else "connection lost"
    return type(error).__name__  # e.g. ResponseTooLargeError


async def observed_send(
    hooks: tuple[Hook, ...], transport: Transport, request: HttpRequest, shown: str, about: CallEvent
) -> HttpResponse:
    """``send``, between a ``"request"`` event and a ``"response"`` event (``about``: the
    request event, whose fields the response event repeats)."""
    await emit(hooks, about)
    started = time.perf_counter()
    try:
        response = await send(transport, request, shown)
    except OktaError as error:
        elapsed = time.perf_counter() - started
        await emit(hooks, attrs.evolve(about, kind="response", cause=failure_cause(error), elapsed=elapsed))
        raise
    elapsed = time.perf_counter() - started
    headers = response.headers
    limited: RateLimitKind | None = None
    if response.status == 429:
        limited = "concurrency" if (headers.get("X-Rate-Limit-Limit") or "").strip() == "0" else "rate"
    event = attrs.evolve(
        about,
        kind="response",
        status=response.status,
        request_id=headers.get("X-Okta-Request-Id"),
        elapsed=elapsed,
        rate_limit=limited,
    )
    await emit(hooks, event)
    return response


# -- the pipeline's events (only ever reached when there are hooks) -----------------------------


def call_event(call: _Call, kind: EventKind, max_attempts: int, **fields: Any) -> CallEvent:
    """An event about ``call`` as it stands (its attempt, the seconds it waited)."""
    if not call.number:
        call.number = next_call()
    operation = call.operation
    return CallEvent(
        kind,
        operation.operation_id,
        call.method,
        operation.path,
        call.bucket,
        call.attempt,
        max_attempts,
        call.waited,
        call=call.number,
        host=call.target.host,
        port=call.target.port,
        **fields,
    )


async def emit_wait(hooks: tuple[Hook, ...], call: _Call, max_attempts: int, waited: float) -> None:
    await emit(hooks, call_event(call, "wait", max_attempts, wait=waited))


async def emit_retry(
    hooks: tuple[Hook, ...], call: _Call, max_attempts: int, error: OktaError, wait: float
) -> None:
    from .retry import retry_reason

    status = request_id = None
    if isinstance(error, ApiError):
        status, request_id = error.status, error.request_id
    cause = retry_reason(error, call.operation.retry_safe)
    fields = {"wait": wait, "status": status, "request_id": request_id, "cause": cause}
    await emit(hooks, call_event(call, "retry", max_attempts, **fields))


@attrs.frozen(slots=True)
class RunEvent:
    """The start or the end of a run over many users (``bulk``, ``bulk_update``,
    ``bulk_undo``, ``contain``), given to the hooks that have an ``on_run`` method
    (``RunHook``); the calls of the run's items are ``CallEvent``s in between.

    ``counts`` (at the end) holds the run's items by outcome: ``succeeded``, ``skipped``,
    ``not_found``, ``failed``, ``planned`` for ``bulk``; ``contained``, ``not_found``, ``failed``
    for ``contain``. ``error`` names the exception type when the run itself raised.
    """

    kind: Literal["start", "end"]
    run: RunKind
    #: ``bulk``: the operation's name (``"suspend_user"``); None for the others.
    operation: str | None
    dry_run: bool
    counts: Mapping[str, int] = attrs.field(factory=dict)
    #: Seconds from the start (``"end"``).
    elapsed: float = 0.0
    error: str | None = None


@runtime_checkable
class RunHook(Protocol):
    """A hook that also wants to know where runs over many users start and end."""

    def __call__(self, event: CallEvent, /) -> object: ...

    def on_run(self, event: RunEvent, /) -> object: ...


async def emit_run(hooks: tuple[Hook, ...], event: RunEvent) -> None:
    """Give ``event`` to every hook with an ``on_run`` method; a failure is logged, never raised."""
    for hook in hooks:
        on_run = getattr(hook, "on_run", None)
        if on_run is None:
            continue
        try:
            result = on_run(event)
            if inspect.isawaitable(result):
                await result
        except Exception:
            logger.warning(
                "hook %r raised on a run %r event; the run goes on", hook, event.kind, exc_info=True
            )

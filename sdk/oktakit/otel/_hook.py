"""The OpenTelemetry hook: one client span per HTTP request, one span per run over many users,
and the request-duration, 429 and waiting metrics, all from the client's hook events.

A span per request, not per call, as OpenTelemetry's HTTP conventions ask: a retried call is
several spans, the later ones with ``http.request.resend_count``. What happened between two
attempts (a wait for the rate-limit bucket, the retry's cause and wait) is an event on the
span of the attempt it delayed, so each span holds what made it late.

The events of one call all arrive in the task that makes the call, so the span in progress
and the waits not yet told are kept in context variables, never shared between calls, and
matched by the event's call number and attempt.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, Any, Final

import attrs

from oktakit._version import __version__
from oktakit.errors import MissingDependencyError

if TYPE_CHECKING:
    from opentelemetry.context import Context
    from opentelemetry.metrics import MeterProvider
    from opentelemetry.trace import Span, TracerProvider

    from oktakit._http.hooks import CallEvent, RunEvent

#: The buckets OpenTelemetry advises for ``http.client.request.duration``, in seconds.
DURATION_BUCKETS: Final = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)


@attrs.define(slots=True)
class _Attempt:
    span: Span
    call: int
    attempt: int


@attrs.frozen(slots=True)
class _Delay:
    """A wait or a retry, told on the span of the attempt it comes before."""

    name: str
    call: int
    attempt: int
    attributes: dict[str, Any]


def _import_opentelemetry() -> tuple[Any, Any]:
    try:
        from opentelemetry import metrics, trace
    except ImportError:
        raise MissingDependencyError(
            'OpenTelemetryHook needs the OpenTelemetry API: pip install "oktakit[otel]"'
        ) from None
    return trace, metrics


class OpenTelemetryHook:
    """Traces and metrics for every request of a client (``OktaClient(hooks=[...])``).

    >>> okta = OktaClient(org_url, ApiToken(token), hooks=[OpenTelemetryHook()])

    ``tracer_provider`` and ``meter_provider`` default to the global ones. Each HTTP request
    is a CLIENT span named ``"GET /api/v1/users/{id}"`` with ``http.request.method``,
    ``url.template``, ``server.address``, ``server.port``, ``http.response.status_code``,
    ``error.type``, ``http.request.resend_count``, ``okta.operation``, ``okta.bucket`` and
    ``okta.request_id``; events ``okta.rate_limit.wait`` and ``okta.retry`` say what delayed
    it. ``bulk``, ``bulk_update``, ``bulk_undo`` and ``contain`` are INTERNAL spans
    (``okta.bulk suspend_user``) holding their requests, with ``okta.run.items.<outcome>``
    counts at the end. Metrics: ``http.client.request.duration`` (s), ``okta.client.rate_limited``
    (429 answers by ``okta.rate_limit.kind``) and ``okta.client.waited`` (s, by
    ``okta.wait.reason``: ``rate_limit`` or ``retry``).
    """

    def __init__(
        self, *, tracer_provider: TracerProvider | None = None, meter_provider: MeterProvider | None = None
    ) -> None:
        trace, metrics = _import_opentelemetry()
        self._trace = trace
        self._tracer = trace.get_tracer("oktakit", __version__, tracer_provider=tracer_provider)
        meter = metrics.get_meter("oktakit", __version__, meter_provider=meter_provider)
        self._duration = meter.create_histogram(
            "http.client.request.duration",
            unit="s",
            description="Duration of HTTP client requests.",
            explicit_bucket_boundaries_advisory=list(DURATION_BUCKETS),
        )
        self._rate_limited = meter.create_counter(
            "okta.client.rate_limited", unit="{response}", description="Okta's 429 answers, by kind of limit."
        )
        self._waited = meter.create_counter(
            "okta.client.waited",
            unit="s",
            description="Seconds calls waited for a rate-limit bucket or before a retry.",
        )
        # Per hook object: two hooks on one client keep their own state.
        self._attempt: ContextVar[_Attempt | None] = ContextVar(
            f"oktakit_otel_attempt_{id(self)}", default=None
        )
        self._delays: ContextVar[tuple[_Delay, ...]] = ContextVar(
            f"oktakit_otel_delays_{id(self)}", default=()
        )
        self._runs: ContextVar[tuple[tuple[Span, Token[Context]], ...]] = ContextVar(
            f"oktakit_otel_runs_{id(self)}", default=()
        )

    def __repr__(self) -> str:
        return "<OpenTelemetryHook>"

    # -- requests ----------------------------------------------------------------------------

    def __call__(self, event: CallEvent, /) -> None:
        if event.kind == "request":
            self._started(event)
        elif event.kind == "response":
            self._ended(event)
        elif event.kind == "wait":
            self._delayed(event, "okta.rate_limit.wait", "rate_limit", {"okta.wait.seconds": event.wait})
        else:  # "retry": told on the next attempt's span
            about: dict[str, Any] = {
                "okta.retry.cause": event.cause or "",
                "okta.retry.attempt": event.attempt,
                "okta.retry.max_attempts": event.max_attempts,
                "okta.wait.seconds": event.wait,
            }
            if event.status is not None:
                about["http.response.status_code"] = event.status
            self._delayed(event, "okta.retry", "retry", about)

    def _delayed(self, event: CallEvent, name: str, reason: str, attributes: dict[str, Any]) -> None:
        self._waited.add(event.wait, {"okta.wait.reason": reason, "okta.bucket": event.bucket})
        # Only this call's delays before this attempt: an abandoned call's are dropped here.
        kept = tuple(d for d in self._delays.get() if (d.call, d.attempt) == (event.call, event.attempt))
        self._delays.set((*kept, _Delay(name, event.call, event.attempt, attributes)))

    def _started(self, event: CallEvent) -> None:
        attributes = _request_attributes(event)
        if event.attempt > 1:
            attributes["http.request.resend_count"] = event.attempt - 1
        span = self._tracer.start_span(
            f"{event.method} {event.path}", kind=self._trace.SpanKind.CLIENT, attributes=attributes
        )
        for delay in self._delays.get():
            if (delay.call, delay.attempt) == (event.call, event.attempt):
                span.add_event(delay.name, delay.attributes)
        self._delays.set(())
        self._attempt.set(_Attempt(span, event.call, event.attempt))

    def _ended(self, event: CallEvent) -> None:
        attempt = self._attempt.get()
        if attempt is None or (attempt.call, attempt.attempt) != (event.call, event.attempt):
            return  # the request event came before this hook was there
        self._attempt.set(None)
        span = attempt.span
        attributes = _request_attributes(event)
        error_type: str | None = None
        if event.status is not None:
            span.set_attribute("http.response.status_code", event.status)
            attributes["http.response.status_code"] = event.status
            if event.status >= 400:
                error_type = str(event.status)
        else:
            error_type = event.cause or "no response"
        if event.request_id is not None:
            span.set_attribute("okta.request_id", event.request_id)
        if event.rate_limit is not None:
            span.set_attribute("okta.rate_limit.kind", event.rate_limit)
            self._rate_limited.add(
                1,
                {
                    "okta.rate_limit.kind": event.rate_limit,
                    "okta.bucket": event.bucket,
                    "okta.operation": event.operation or "",
                },
            )
        if error_type is not None:
            span.set_attribute("error.type", error_type)
            attributes["error.type"] = error_type
            span.set_status(self._trace.StatusCode.ERROR)
        if event.elapsed is not None:
            self._duration.record(event.elapsed, attributes)
        span.end()

    # -- runs over many users ------------------------------------------------------------------

    def on_run(self, event: RunEvent, /) -> None:
        if event.kind == "start":
            name = f"okta.{event.run}" + (f" {event.operation}" if event.operation else "")
            attributes: dict[str, Any] = {"okta.run.kind": event.run, "okta.run.dry_run": event.dry_run}
            if event.operation:
                attributes["okta.run.operation"] = event.operation
            span = self._tracer.start_span(name, kind=self._trace.SpanKind.INTERNAL, attributes=attributes)
            # Current while the run goes on: its items' requests are its children.
            from opentelemetry import context

            token = context.attach(self._trace.set_span_in_context(span))
            self._runs.set((*self._runs.get(), (span, token)))
            return
        runs = self._runs.get()
        if not runs:
            return
        span, token = runs[-1]
        self._runs.set(runs[:-1])
        span.set_attribute("okta.run.items", sum(event.counts.values()))
        for outcome, count in event.counts.items():
            span.set_attribute(f"okta.run.items.{outcome}", count)
        if event.error is not None:
            span.set_attribute("error.type", event.error)
            span.set_status(self._trace.StatusCode.ERROR)
        from opentelemetry import context

        context.detach(token)
        span.end()


def _request_attributes(event: CallEvent) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "http.request.method": event.method,
        "url.template": event.path,
        "okta.bucket": event.bucket,
    }
    if event.operation is not None:
        attributes["okta.operation"] = event.operation
    if event.host is not None:
        attributes["server.address"] = event.host
    if event.port is not None:
        attributes["server.port"] = event.port
    return attributes

"""``oktakit.otel.OpenTelemetryHook``: the spans and metrics a client gives OpenTelemetry,
read back with the OpenTelemetry SDK's in-memory exporters.

Expected names and attributes come from OpenTelemetry's HTTP client conventions (span name
``{method} {url.template}``, ``http.request.resend_count`` on resends, ``error.type`` the status
for 4xx/5xx) and from Okta's facts: the path template and bucket of a list of users from the
spec and ``okta_spec/rate_limits.yaml``; a concurrency 429 reports ``X-Rate-Limit-Limit: 0``
(Okta's "Concurrency limits" page: "The first two header values are always 0").
"""

from __future__ import annotations

import asyncio
import email.utils
import sys
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs
import pytest
import pytest_asyncio
import stamina
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from oktakit import (
    ApiToken,
    CallEvent,
    Hook,
    HttpRequest,
    MissingDependencyError,
    OktaClient,
    RateLimitPolicy,
    RetryPolicy,
)
from oktakit.otel import OpenTelemetryHook
from oktakit.testing import MockResponse, MockTransport, OktaSimulator, RateLimitConfig
from tests.bulk._support import until
from tests.client._support import user_json

TOKEN = "00otel-secret-api-token-value"


@attrs.define
class Telemetry:
    spans: InMemorySpanExporter
    metrics: InMemoryMetricReader
    hook: OpenTelemetryHook

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def points(self, name: str) -> list[Any]:
        data = self.metrics.get_metrics_data()
        assert data is not None
        return [
            point
            for resource in data.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
            if metric.name == name
            for point in metric.data.data_points
        ]


@pytest.fixture
def telemetry() -> Telemetry:
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    hook = OpenTelemetryHook(
        tracer_provider=tracer_provider, meter_provider=MeterProvider(metric_readers=[reader])
    )
    return Telemetry(spans, reader, hook)


@pytest.fixture
def retries_on() -> Iterator[None]:
    with stamina.set_testing(True, attempts=10):
        yield


@pytest_asyncio.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=6, seed=23, rate_limit=RateLimitConfig.unlimited()) as simulator:
        yield simulator


def _active(sim: OktaSimulator, count: int) -> list[str]:
    return [uid for uid, user in sim.org.users.items() if user.status == "ACTIVE"][:count]


def _everything_told(telemetry: Telemetry) -> str:
    told = [str(dict(span.attributes or {})) + span.name for span in telemetry.finished()]
    told += [str(dict(event.attributes or {})) for span in telemetry.finished() for event in span.events]
    data = telemetry.metrics.get_metrics_data()
    told.append(data.to_json() if data is not None else "")
    return "\n".join(told)


async def test_a_call_is_one_client_span_named_by_method_and_path_template(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        [_ async for _ in okta.list_users(search='profile.email eq "jane.secret@example.com"')]
    [span] = telemetry.finished()
    assert "GET /api/v1/users" == span.name
    assert SpanKind.CLIENT == span.kind
    attributes = dict(span.attributes or {})
    host, port = sim.url.removeprefix("http://").split(":")
    assert {
        "http.request.method": "GET",
        "url.template": "/api/v1/users",
        "server.address": host,
        "server.port": int(port),
        "http.response.status_code": 200,
        "okta.operation": "listUsers",
        "okta.bucket": "/api/v1/users",
    }.items() <= attributes.items()
    assert str(attributes["okta.request_id"])  # the simulator stamps each answer, as Okta does
    assert "http.request.resend_count" not in attributes
    assert StatusCode.UNSET == span.status.status_code


async def test_no_query_value_credential_or_profile_value_reaches_a_span_or_a_metric(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    [uid] = _active(sim, 1)
    email = sim.org.users[uid].profile["email"]
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        await okta.get_user(uid)
        [_ async for _ in okta.list_users(search=f'profile.email eq "{email}"')]
        await okta.update_user(uid, profile={"nickName": "secret-nick"})
    told = _everything_told(telemetry)
    for secret in (sim.api_token, email, uid, "secret-nick", "search"):
        assert secret not in told


async def test_a_retried_call_is_a_span_per_attempt_the_resend_telling_why_it_was_late(
    sim: OktaSimulator, telemetry: Telemetry, retries_on: None
) -> None:
    sim.inject_fault("error", operation="getUser", status=503, count=1)
    [uid] = _active(sim, 1)
    policy = RetryPolicy(attempts=3)
    async with OktaClient(
        sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook], retry=policy
    ) as okta:
        await okta.get_user(uid)
    first, second = sorted(telemetry.finished(), key=lambda span: span.start_time or 0)
    assert ("503", StatusCode.ERROR) == (dict(first.attributes or {})["error.type"], first.status.status_code)
    assert 503 == dict(first.attributes or {})["http.response.status_code"]
    assert 1 == dict(second.attributes or {})["http.request.resend_count"]
    assert 200 == dict(second.attributes or {})["http.response.status_code"]
    [retry] = [event for event in second.events if event.name == "okta.retry"]
    retry_attributes = dict(retry.attributes or {})
    assert ("HTTP 503", 2, 3, 503) == (
        retry_attributes["okta.retry.cause"],
        retry_attributes["okta.retry.attempt"],
        retry_attributes["okta.retry.max_attempts"],
        retry_attributes["http.response.status_code"],
    )
    [waited] = telemetry.points("okta.client.waited")
    assert "retry" == waited.attributes["okta.wait.reason"]
    assert waited.value == retry_attributes["okta.wait.seconds"]


def _okta_date(epoch: float) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


@pytest.mark.parametrize(
    ("limit", "kind"),
    [("0", "concurrency"), ("600", "rate")],  # Okta's concurrency 429 reports limit 0
)
async def test_a_429_is_counted_by_its_kind_of_limit(
    telemetry: Telemetry, retries_on: None, limit: str, kind: str
) -> None:
    now = time.time()
    limited = MockResponse(
        429,
        json={
            "errorCode": "E0000047",
            "errorSummary": "API call exceeded rate limit due to too many requests.",
        },
        headers={
            "X-Rate-Limit-Limit": limit,
            "X-Rate-Limit-Remaining": "0",
            "X-Rate-Limit-Reset": str(int(now)),
            "Date": _okta_date(now),
        },
    )
    answers = iter([limited, MockResponse(200, json=user_json("00u1"))])

    def okta_answer(request: HttpRequest) -> MockResponse:
        return next(answers)

    async with OktaClient(
        "https://acme.okta.com",
        auth=ApiToken(TOKEN),
        transport=MockTransport(okta_answer),
        hooks=[telemetry.hook],
        retry=RetryPolicy(attempts=3),
    ) as okta:
        await okta.get_user("00u1")
    [point] = telemetry.points("okta.client.rate_limited")
    assert 1 == point.value
    assert {"okta.rate_limit.kind": kind, "okta.operation": "getUser"}.items() <= dict(
        point.attributes
    ).items()
    limited_span = next(
        s for s in telemetry.finished() if dict(s.attributes or {})["http.response.status_code"] == 429
    )
    assert kind == dict(limited_span.attributes or {})["okta.rate_limit.kind"]
    assert TOKEN not in _everything_told(telemetry)


async def test_request_durations_are_recorded_per_operation_and_status(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    uids = _active(sim, 3)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        for uid in uids:
            await okta.get_user(uid)
    [point] = telemetry.points("http.client.request.duration")
    assert 3 == point.count
    assert {
        "okta.operation": "getUser",
        "http.response.status_code": 200,
        "url.template": "/api/v1/users/{id}",
    }.items() <= dict(point.attributes).items()
    assert 0.005 == point.explicit_bounds[0]  # OpenTelemetry's advised buckets for HTTP durations


async def test_a_bulk_run_is_a_span_holding_its_requests_and_counting_its_outcomes(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    uids = _active(sim, 3)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        report = await okta.bulk("suspend_user", [*uids, "00unobody"], progress=False)
    assert 3 == len(report.succeeded)
    [run] = [span for span in telemetry.finished() if span.name == "okta.bulk suspend_user"]
    assert SpanKind.INTERNAL == run.kind
    attributes = dict(run.attributes or {})
    assert (4, 3, 1) == (
        attributes["okta.run.items"],
        attributes["okta.run.items.succeeded"],
        attributes["okta.run.items.not_found"],
    )
    requests = [span for span in telemetry.finished() if span.kind == SpanKind.CLIENT]
    assert requests
    assert run.context is not None
    assert all(span.parent is not None and span.parent.span_id == run.context.span_id for span in requests)


async def test_a_containment_is_a_span_counting_contained_users(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    uids = _active(sim, 2)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        await okta.contain(uids, progress=False)
    [run] = [span for span in telemetry.finished() if span.name == "okta.contain"]
    assert (2, 2) == (
        dict(run.attributes or {})["okta.run.items"],
        dict(run.attributes or {})["okta.run.items.contained"],
    )


async def test_after_a_run_the_callers_own_span_is_current_again(
    sim: OktaSimulator, telemetry: Telemetry
) -> None:
    tracer = telemetry.hook._tracer  # the same provider as the hook's
    uids = _active(sim, 1)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        with tracer.start_as_current_span("incident"):
            await okta.bulk("suspend_user", uids, progress=False)
            await okta.get_user(uids[0])
    spans = {span.name: span for span in telemetry.finished()}
    incident = spans["incident"].context
    assert incident is not None
    assert spans["okta.bulk suspend_user"].parent is not None
    assert incident.span_id == spans["okta.bulk suspend_user"].parent.span_id
    assert incident.span_id == spans["GET /api/v1/users/{id}"].parent.span_id  # type: ignore[union-attr]


def test_without_opentelemetry_the_hook_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opentelemetry", None)
    with pytest.raises(MissingDependencyError, match=r"oktakit\[otel\]"):
        OpenTelemetryHook()


async def test_a_wait_in_the_pacer_is_an_event_on_the_request_it_delayed(telemetry: Telemetry) -> None:
    in_flight = asyncio.Event()

    def first_sent(event: CallEvent) -> None:
        if event.kind == "request":
            in_flight.set()

    async with OktaSimulator(users=5, seed=17, rate_limit=RateLimitConfig.unlimited()) as sim:
        [uid] = _active(sim, 1)
        gate = sim.inject_fault("hold", operation="getUser", count=1)
        hooks: list[Hook] = [telemetry.hook, first_sent]
        policy = RateLimitPolicy(max_in_flight=1)
        async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=hooks, rate_limit=policy) as okta:
            first = asyncio.create_task(okta.get_user(uid))
            await in_flight.wait()  # the first call holds the one slot (and the simulator holds it)
            second = asyncio.create_task(okta.get_user(uid))
            pacer = okta._get_pipeline().pacer
            assert pacer is not None
            # The second call queues (for the bucket, whose limit the first answer will tell).
            await until(lambda: any(budget.waiters for budget in pacer._budgets.values()))
            gate.release()
            await asyncio.gather(first, second)
    delayed = [
        span for span in telemetry.finished() if any(e.name == "okta.rate_limit.wait" for e in span.events)
    ]
    [span] = delayed
    [event] = [e for e in span.events if e.name == "okta.rate_limit.wait"]
    seconds = dict(event.attributes or {})["okta.wait.seconds"]
    assert isinstance(seconds, float)
    assert seconds > 0
    [waited] = telemetry.points("okta.client.waited")
    assert ("rate_limit", seconds) == (waited.attributes["okta.wait.reason"], waited.value)


async def test_concurrent_calls_each_end_their_own_span(sim: OktaSimulator, telemetry: Telemetry) -> None:
    uids = _active(sim, 3)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[telemetry.hook]) as okta:
        calls = [okta.get_user(uid) for uid in uids] + [okta.get_user(f"00unobody{n}") for n in range(3)]
        await asyncio.gather(*calls, return_exceptions=True)
    statuses = sorted(
        dict(span.attributes or {})["http.response.status_code"] for span in telemetry.finished()
    )
    assert [200, 200, 200, 404, 404, 404] == statuses
    request_ids = {dict(span.attributes or {})["okta.request_id"] for span in telemetry.finished()}
    assert 6 == len(request_ids)

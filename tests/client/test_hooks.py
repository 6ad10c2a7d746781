"""Hooks (``OktaClient(..., hooks=[...])``): the events observers get, what they never carry, and
that a failing hook never breaks a call.

Behaviour runs on the simulator (its faults and its pacing); the exact answer a hook reads
(Okta's request id, a lost connection) on ``MockTransport``. Expected operation ids, paths and
buckets come from the spec file and from Okta's rate-limit table (``okta_spec/rate_limits.yaml``),
not from the registry under test.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import pytest_asyncio
import stamina
import yaml

from oktakit import (
    ApiToken,
    CallEvent,
    ConfigurationError,
    Hook,
    HttpRequest,
    OktaClient,
    PrivateKeyJWT,
    RateLimitPolicy,
    RetryPolicy,
    TransportError,
    generate_signing_key,
    public_jwks,
)
from oktakit.testing import MockResponse, MockTransport, OktaSimulator, RateLimitConfig
from tests.bulk._support import until
from tests.client._support import user_json

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "00hooks-secret-api-token-value"
USER = user_json("00u1")


def _spec_path(operation_id: str) -> str:
    spec = yaml.safe_load((ROOT / "okta_spec" / "openapi.yaml").read_text(encoding="utf-8"))
    for path, methods in spec["paths"].items():
        for method in methods.values():
            if isinstance(method, dict) and method.get("operationId") == operation_id:
                return str(path)
    raise AssertionError(operation_id)


class Recorder:
    """A hook that keeps every event."""

    def __init__(self) -> None:
        self.events: list[CallEvent] = []

    def __call__(self, event: CallEvent) -> None:
        self.events.append(event)

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]


@pytest.fixture
def retries_on() -> Iterator[None]:
    """Real retries (up to 10 attempts) with stamina's waits made instant."""
    with stamina.set_testing(True, attempts=10):
        yield


@pytest_asyncio.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=5, seed=17, rate_limit=RateLimitConfig.unlimited()) as simulator:
        yield simulator


def _first_user(sim: OktaSimulator) -> str:
    return next(uid for uid, user in sim.org.users.items() if user.status == "ACTIVE")


# -- what a call tells -------------------------------------------------------------------------


async def test_a_call_tells_its_hooks_of_its_request_and_response_with_the_operation_and_path_template(
    sim: OktaSimulator,
) -> None:
    seen = Recorder()
    uid = _first_user(sim)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[seen]) as okta:
        await okta.get_user(uid)
    assert ["request", "response"] == seen.kinds()
    request, response = seen.events
    assert ("getUser", "GET", _spec_path("getUser"), 1) == (
        request.operation,
        request.method,
        request.path,
        request.attempt,
    )
    assert "/api/v1/users/{id}" == request.path  # the template, never the user's id
    assert (None, None) == (request.status, request.request_id)
    assert 200 == response.status
    assert response.request_id  # the simulator stamps every answer, as Okta does
    assert response.elapsed is not None
    assert response.elapsed >= 0
    # Everything but the answer is the request's.
    assert attrs.evolve(response, kind="request", status=None, request_id=None, elapsed=None) == request


async def test_the_bucket_is_oktas_own_for_the_path_and_a_list_by_email_never_shows_the_email(
    sim: OktaSimulator,
) -> None:
    seen = Recorder()
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[seen]) as okta:
        [_ async for _ in okta.list_users(search='profile.email eq "jane.secret@example.com"')]
    first = seen.events[0]
    # rate_limits.yaml: a list of users counts against the /api/v1/users (prefix) bucket.
    assert ("listUsers", "/api/v1/users", "/api/v1/users") == (first.operation, first.path, first.bucket)
    for event in seen.events:
        shown = repr(event) + str(attrs.asdict(event))
        assert "jane.secret" not in shown
        assert sim.api_token not in shown


async def test_a_retried_call_tells_the_wait_the_cause_and_the_attempts(
    sim: OktaSimulator, retries_on: None
) -> None:
    seen = Recorder()
    sim.inject_fault("error", operation="getUser", status=503, count=1)
    policy = RetryPolicy(attempts=3)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[seen], retry=policy) as okta:
        await okta.get_user(_first_user(sim))
    assert ["request", "response", "retry", "request", "response"] == seen.kinds()
    failed, retry, second = seen.events[1], seen.events[2], seen.events[4]
    assert (503, 1) == (failed.status, failed.attempt)
    assert ("HTTP 503", 2, 3, 503) == (retry.cause, retry.attempt, retry.max_attempts, retry.status)
    assert retry.request_id == failed.request_id
    assert retry.wait >= 0
    assert retry.waited == retry.wait
    assert (200, 2) == (second.status, second.attempt)


async def test_the_events_of_concurrent_calls_pair_up_by_their_call_number(
    sim: OktaSimulator, retries_on: None
) -> None:
    seen = Recorder()
    ids = [_first_user(sim)] * 3
    sim.inject_fault("error", operation="getUser", status=503, count=1)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[seen]) as okta:
        await asyncio.gather(*(okta.get_user(uid) for uid in ids))
    calls: dict[int, list[str]] = {}
    for event in seen.events:
        if event.kind != "wait":  # calls queued behind the first, which learns the bucket alone
            calls.setdefault(event.call, []).append(event.kind)
    assert 0 not in calls
    assert 3 == len(calls)  # one number per call, its retry included
    assert sorted(calls.values()) == sorted(
        [["request", "response"]] * 2 + [["request", "response", "retry", "request", "response"]]
    )


async def test_a_lost_answer_of_a_call_that_may_not_be_resent_ends_with_a_response_event_and_no_retry(
    sim: OktaSimulator, retries_on: None
) -> None:
    seen = Recorder()
    sim.inject_fault("reset", operation="deleteUser", count=1)
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[seen]) as okta:
        with pytest.raises(TransportError):
            await okta.delete_user(_first_user(sim))  # a DELETE is never resent
    assert ["request", "response"] == seen.kinds()
    assert (None, "connection lost") == (seen.events[1].status, seen.events[1].cause)


async def test_a_call_held_by_the_pacer_tells_a_wait_event_before_its_request() -> None:
    seen = Recorder()
    in_flight = asyncio.Event()

    def first_sent(event: CallEvent) -> None:
        if event.kind == "request":
            in_flight.set()

    async with OktaSimulator(users=5, seed=17, rate_limit=RateLimitConfig.unlimited()) as sim:
        uid = _first_user(sim)
        gate = sim.inject_fault("hold", operation="getUser", count=1)
        policy = RateLimitPolicy(max_in_flight=1)
        hooks: list[Hook] = [seen, first_sent]
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
    assert ["request", "response", "wait", "request", "response"] == seen.kinds()
    wait = seen.events[2]
    assert wait.wait > 0
    assert wait.waited == wait.wait
    assert (1, "getUser") == (wait.attempt, wait.operation)


async def test_a_service_apps_token_request_is_told_without_its_assertion_or_token() -> None:
    seen = Recorder()
    async with OktaSimulator(users=5, seed=17, rate_limit=RateLimitConfig.unlimited()) as sim:
        key = generate_signing_key("ES256")
        app = sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.read"])
        auth = PrivateKeyJWT(app.client_id, key, ["okta.users.read"])
        async with OktaClient(sim.url, auth=auth, hooks=[seen]) as okta:
            await okta.get_user(_first_user(sim))
    token_events = [e for e in seen.events if e.operation is None]
    assert ["request", "response"] == [e.kind for e in token_events]
    assert ("POST", "/oauth2/v1/token", 200) == (
        token_events[0].method,
        token_events[0].path,
        token_events[1].status,
    )
    assert ["getUser", "getUser"] == [e.operation for e in seen.events if e.operation is not None]
    assert 2 == len({e.call for e in seen.events})  # the token request is a call of its own
    shown = " ".join(repr(e) for e in seen.events)
    assert "eyJ" not in shown  # no JWT (the client assertion, the access token) rides in an event


# -- what a hook cannot do ---------------------------------------------------------------------


async def test_a_hook_that_raises_is_logged_and_the_call_and_later_hooks_go_on(
    sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: CallEvent) -> None:
        raise RuntimeError("observer bug")

    seen = Recorder()
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[broken, seen]) as okta:
        with caplog.at_level(logging.WARNING, logger="oktakit"):
            user = await okta.get_user(_first_user(sim))
    assert user.id == _first_user(sim)
    assert ["request", "response"] == seen.kinds()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "hook" in r.getMessage()]
    assert 2 == len(warnings)
    assert all(r.exc_info is not None and isinstance(r.exc_info[1], RuntimeError) for r in warnings)


async def test_an_async_hook_is_awaited_and_its_failure_is_logged_too(
    sim: OktaSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    kinds: list[str] = []

    async def slow(event: CallEvent) -> None:
        await asyncio.sleep(0)
        kinds.append(event.kind)
        if event.kind == "response":
            raise ValueError("late failure")

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[slow]) as okta:
        with caplog.at_level(logging.WARNING, logger="oktakit"):
            await okta.get_user(_first_user(sim))
    assert ["request", "response"] == kinds  # both awaited before the call returned
    assert 1 == sum(1 for r in caplog.records if r.levelno == logging.WARNING and "hook" in r.getMessage())


async def test_a_hook_that_cancels_the_call_cancels_it(sim: OktaSimulator) -> None:
    """A cancellation is not a hook failure: it is the caller's, and it stops the call."""

    def cancel(event: CallEvent) -> None:
        raise asyncio.CancelledError

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token), hooks=[cancel]) as okta:
        with pytest.raises(asyncio.CancelledError):
            await okta.get_user(_first_user(sim))
    assert [] == [r for r in sim.request_log if r.operation == "getUser"]


@pytest.mark.parametrize(
    "hooks", ["print", print, [42], 42], ids=["string", "one callable", "not callable", "int"]
)
def test_hooks_must_be_a_list_of_callables(hooks: Any) -> None:
    with pytest.raises(ConfigurationError, match="hooks must be"):
        OktaClient("https://acme.okta.com", auth=ApiToken(TOKEN), hooks=hooks)


# -- on MockTransport: the answer's own fields -------------------------------------------------


async def test_the_request_id_is_the_answers_x_okta_request_id() -> None:
    seen = Recorder()

    def okta_answer(request: HttpRequest) -> MockResponse:
        return MockResponse(200, json=USER, headers={"X-Okta-Request-Id": "reqHooks42"})

    transport = MockTransport(okta_answer)
    async with OktaClient(
        "https://acme.okta.com", auth=ApiToken(TOKEN), transport=transport, hooks=[seen]
    ) as okta:
        await okta.get_user("00u1")
    assert ["request", "response"] == seen.kinds()
    assert "reqHooks42" == seen.events[1].request_id
    assert TOKEN not in " ".join(map(repr, seen.events))


async def test_an_answer_that_never_came_is_told_as_no_connection_then_retried(retries_on: None) -> None:
    seen = Recorder()
    refused = TransportError("refused", method="GET", url="https://acme.okta.com", connected=False)
    answers: Iterator[TransportError | MockResponse] = iter([refused, MockResponse(200, json=USER)])

    def flaky(request: HttpRequest) -> MockResponse:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async with OktaClient(
        "https://acme.okta.com", auth=ApiToken(TOKEN), transport=MockTransport(flaky), hooks=[seen]
    ) as okta:
        await okta.get_user("00u1")
    assert ["request", "response", "retry", "request", "response"] == seen.kinds()
    lost, retry = seen.events[1], seen.events[2]
    assert (None, "no connection") == (lost.status, lost.cause)
    assert ("no connection", 2) == (retry.cause, retry.attempt)


def test_a_plain_function_and_an_async_function_are_hooks_to_a_type_checker() -> None:
    """The ``Hook`` protocol takes both (mypy checks this file): a plain or async callable of a
    ``CallEvent``."""

    def plain(event: CallEvent) -> None:
        return None

    async def coroutine(event: CallEvent) -> None:
        return None

    hooks: list[Hook] = [plain, coroutine, Recorder()]
    assert 3 == len(hooks)

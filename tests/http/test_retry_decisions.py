"""One retry decision at a time (``Retrier.next_wait``), with stamina for real on the event loop's
fake clock: the reason a call stops, the note its error carries, the DEBUG record of a retry and
the deadline's exact edges. Expected values are the documented rules of ``_http.retry``
computed by hand (jitter 0, so every wait is exact)."""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest

from oktakit import ApiError, RetryPolicy, ServerError, TransportError
from oktakit._http.retry import Retrier, RetryNotice
from oktakit._http.stats import Stats
from tests.http.test_retry_rules import KEY, _api_error, _transport_error

pytestmark = [pytest.mark.real_retries, pytest.mark.looptime(end=3600)]


def retrier(**policy: object) -> Retrier:
    return Retrier(RetryPolicy(jitter=0.0, **policy), Stats())  # type: ignore[arg-type]


def decide(
    rules: Retrier,
    error: ApiError | TransportError,
    attempt: int,
    *,
    retry_safe: bool = True,
    deadline: float | None = None,
) -> float | None:
    return rules.next_wait(error, attempt, retry_safe=retry_safe, deadline=deadline, label="GET /x")


async def lost(cause: BaseException) -> TransportError:
    return await _transport_error(cause)


@pytest.mark.parametrize(
    ("cause", "reason"),
    [
        (
            aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "Connection refused")),
            "no connection",
        ),
        (aiohttp.ServerDisconnectedError(), "connection lost"),
        (aiohttp.ServerTimeoutError("Timeout on reading data from socket"), "timeout"),
    ],
    ids=["refused", "disconnected", "read-timeout"],
)
async def test_the_last_attempt_names_what_failed_in_its_stop_reason_and_note(
    cause: BaseException, reason: str
) -> None:
    error = await lost(cause)
    assert decide(retrier(attempts=3), error, 3) is None
    assert (3, f"{reason}, no attempts left") == (error.attempts, error.stop_reason)
    assert [f"oktakit gave up after 3 attempts: {reason}, no attempts left"] == error.__notes__


async def test_an_error_no_retry_could_fix_stops_at_once_without_a_note() -> None:
    error = _api_error(404)
    assert decide(retrier(), error, 1) is None
    assert (1, "not retryable") == (error.attempts, error.stop_reason)
    assert not getattr(error, "__notes__", [])


async def test_a_retry_is_recorded_in_the_stats_and_a_debug_record(caplog: pytest.LogCaptureFixture) -> None:
    rules = retrier(wait_initial=0.5)
    with caplog.at_level(logging.DEBUG, logger="oktakit"):
        assert 1.0 == decide(rules, _api_error(503), 2)  # 0.5 doubled once, by hand
    assert (1, 1.0) == (rules.stats.retries, rules.stats.waited)
    records = [r for r in caplog.records if r.name == "oktakit"]
    messages = [r.getMessage() for r in records]
    assert ["GET /x failed (HTTP 503, attempt 2 of 5): retrying in 1.00 s"] == messages
    # As data too, for the command line's own line: the attempt to come is the third.
    assert RetryNotice("GET /x", "HTTP 503", 3, 5, 1.0) == getattr(records[0], RetryNotice.LOG_KEY)


async def test_a_call_at_its_deadline_stops_and_a_wait_ending_exactly_at_it_is_allowed() -> None:
    now = asyncio.get_running_loop().time()
    at_deadline = _api_error(503)
    assert decide(retrier(), at_deadline, 1, deadline=now) is None
    assert "the deadline passed" == at_deadline.stop_reason
    # The first wait is wait_initial (1 s): it ends at the deadline, not past it.
    assert 1.0 == decide(retrier(wait_initial=1.0), _api_error(503), 1, deadline=now + 1.0)


async def test_a_hint_of_not_a_number_falls_back_to_the_doubling_wait() -> None:
    error = ServerError(retry_after=float("nan"), status=503, method="GET", url="https://acme.okta.com/x")
    assert 2.0 == decide(retrier(wait_initial=0.5), error, 3)  # 0.5 * 2 ** 2, by hand


async def test_a_connection_never_made_is_retried_after_the_first_doubling_wait() -> None:
    refused = await lost(aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "Connection refused")))
    assert 0.5 == decide(retrier(wait_initial=0.5), refused, 1, retry_safe=False)  # no hint: wait_initial


async def test_the_note_counts_one_attempt_in_the_singular_and_two_in_the_plural() -> None:
    unsafe = _api_error(503)
    assert decide(retrier(), unsafe, 1, retry_safe=False) is None
    assert ["oktakit gave up after 1 attempt: not safe to resend"] == unsafe.__notes__
    refused = _api_error(404)  # after a retried failure, the second answer no retry can fix
    assert decide(retrier(), refused, 2) is None
    assert ["oktakit gave up after 2 attempts: not retryable"] == refused.__notes__


async def test_stamina_switched_off_stops_after_the_first_attempt() -> None:
    import stamina

    stamina.set_active(False)
    try:
        error = _api_error(503)
        assert decide(retrier(), error, 1) is None
    finally:
        stamina.set_active(True)
    assert "retries are off (stamina)" == error.stop_reason

"""The retry rules of issue 9, on the pure decision and backoff functions and on the wire."""

from __future__ import annotations

import random

import aiohttp
import pytest
import stamina
from aiohttp.client_reqrep import ConnectionKey
from aioresponses import aioresponses
from hypothesis import given
from hypothesis import strategies as st
from yarl import URL

from oktakit import (
    ApiError,
    ConfigurationError,
    HttpRequest,
    MalformedResponseError,
    OktaClient,
    RateLimitError,
    RequestTimeoutError,
    RetryPolicy,
    ServerError,
    TransportError,
)
from oktakit._http.error_mapping import api_error_from_response
from oktakit._http.exchange import AiohttpTransport
from oktakit._http.retry import backoff, retry_reason
from tests.client._support import USER_ID, user_json
from tests.conftest import ORG

USER_URL = f"{ORG}/api/v1/users/{USER_ID}"
KEY = ConnectionKey("acme.okta.com", 443, True, True, None, None, None, None)


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - reproducible jitter, not security


def _api_error(status: int, headers: dict[str, str] | None = None) -> ApiError:
    return api_error_from_response(status=status, method="GET", url=USER_URL, headers=headers or {}, body=b"")


class _Failing:
    """An aiohttp session whose request fails with ``exc``."""

    closed = False

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def request(self, *args: object, **kwargs: object) -> _Failing:
        return self

    async def __aenter__(self) -> None:
        raise self.exc

    async def __aexit__(self, *exc_info: object) -> None:
        return None


async def _transport_error(cause: BaseException) -> TransportError:
    """The error the transport gets for an aiohttp failure, from the one place that maps them."""
    # Built around the fake session without the constructor's check that it is a real one.
    transport = AiohttpTransport.__new__(AiohttpTransport)
    transport.session = _Failing(cause)  # type: ignore[assignment]
    transport._limits = aiohttp.ClientTimeout()
    request = HttpRequest("POST", URL(USER_URL), {}, timeout=1, max_response_bytes=1024)
    with pytest.raises(TransportError) as caught:
        await transport.send(request)
    return caught.value


@given(status=st.integers(400, 499).filter(lambda s: s != 429), retry_safe=st.booleans())
def test_a_4xx_other_than_429_is_never_retried(status: int, retry_safe: bool) -> None:
    assert retry_reason(_api_error(status), retry_safe) is None


@given(retry_safe=st.booleans(), limit=st.sampled_from(["0", "600", None]))
def test_a_429_is_always_retried(retry_safe: bool, limit: str | None) -> None:
    headers = {} if limit is None else {"X-Rate-Limit-Limit": limit}
    assert "HTTP 429" == retry_reason(_api_error(429, headers), retry_safe)


@given(status=st.integers(500, 599), retry_safe=st.booleans())
def test_a_5xx_is_retried_only_when_the_operation_is_retry_safe(status: int, retry_safe: bool) -> None:
    assert (retry_reason(_api_error(status), retry_safe) is not None) is retry_safe


@pytest.mark.parametrize(
    "cause",
    [
        aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "Connection refused")),
        aiohttp.ClientConnectorDNSError(KEY, OSError(-2, "Name or service not known")),
        aiohttp.ConnectionTimeoutError("Connection timeout to host"),
        aiohttp.ClientConnectorCertificateError(KEY, ValueError("bad cert")),
    ],
    ids=["refused", "dns", "connect-timeout", "tls-handshake"],
)
@pytest.mark.parametrize("retry_safe", [True, False])
async def test_no_connection_established_is_always_retried(cause: BaseException, retry_safe: bool) -> None:
    assert "no connection" == retry_reason(await _transport_error(cause), retry_safe)


@pytest.mark.parametrize(
    ("cause", "cls"),
    [
        (aiohttp.ServerDisconnectedError(), TransportError),
        (aiohttp.ClientPayloadError("Response payload is not completed"), TransportError),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), TransportError),
        (aiohttp.ServerTimeoutError("Timeout on reading data from socket"), RequestTimeoutError),
    ],
    ids=["disconnected", "reset-mid-body", "reset", "read-timeout"],
)
async def test_a_lost_answer_is_retried_only_when_the_operation_is_retry_safe(
    cause: BaseException, cls: type[TransportError]
) -> None:
    error = await _transport_error(cause)
    assert cls is type(error)
    assert retry_reason(error, True) is not None
    assert retry_reason(error, False) is None


@pytest.mark.parametrize(
    "error",
    [
        ConfigurationError("bad"),
        MalformedResponseError("bad", status=200, method="GET", url=USER_URL),
    ],
    ids=["configuration", "malformed-2xx"],
)
def test_errors_a_retry_cannot_fix_are_never_retried(error: Exception) -> None:
    assert retry_reason(error, True) is None


@given(
    retry_after=st.floats(0, 3600),
    attempt=st.integers(1, 20),
    jitter=st.floats(0, 5),
    seed=st.integers(0, 2**32),
)
def test_the_wait_after_a_429_is_okta_reset_plus_at_most_the_jitter(
    retry_after: float, attempt: int, jitter: float, seed: int
) -> None:
    error = RateLimitError(retry_after=retry_after, status=429, method="GET", url=USER_URL)
    wait = backoff(error, attempt, RetryPolicy(jitter=jitter), _rng(seed))
    # Never more than one of Okta's one-minute windows (developer.okta.com/docs/reference/rate-limits).
    hint = min(retry_after, 60.0)
    assert hint <= wait <= hint + jitter


@given(hint=st.one_of(st.floats(), st.integers(-(10**400), 10**400)), seed=st.integers(0, 2**32))
def test_any_hint_on_an_error_gives_a_wait_from_zero_to_a_window_plus_jitter(hint: float, seed: int) -> None:
    error = ServerError(retry_after=hint, status=503, method="GET", url=USER_URL)
    wait = backoff(error, 1, RetryPolicy(jitter=1.0, wait_initial=0.5), _rng(seed))
    assert 0.0 <= wait <= 61.0


@given(attempt=st.integers(1, 200), seed=st.integers(0, 2**32))
def test_without_a_hint_the_wait_doubles_up_to_the_maximum(attempt: int, seed: int) -> None:
    policy = RetryPolicy(wait_initial=0.5, wait_max=30.0, jitter=1.0)
    wait = backoff(_api_error(500), attempt, policy, _rng(seed))
    expected = min(30.0, 0.5 * 2 ** (attempt - 1))  # hand computation of the documented formula
    assert expected <= wait <= expected + 1.0


def test_a_503_retry_after_is_honoured() -> None:
    error = _api_error(503, {"Retry-After": "7"})
    assert isinstance(error, ServerError)
    assert 7.0 == error.retry_after
    assert 7.0 <= backoff(error, 1, RetryPolicy(jitter=0.0), _rng(0)) <= 7.0


@pytest.mark.parametrize(
    "options",
    [
        {"attempts": 0},
        {"attempts": True},
        {"deadline": 0},
        {"deadline": -1.0},
        {"wait_initial": 0},
        {"jitter": -1},
        {"jitter": float("inf")},
        {"wait_max": float("inf")},
        {"deadline": float("nan")},
        {"deadline": float("inf")},
        {"attempts": 1.5},
        {"wait_max": 0},
        {"wait_initial": True},
    ],
)
def test_a_nonsense_retry_policy_is_refused_naming_the_setting(options: dict[str, object]) -> None:
    (name,) = options
    with pytest.raises(ConfigurationError, match=f"^{name} must be"):
        RetryPolicy(**options)  # type: ignore[arg-type]


def test_the_edges_of_a_retry_policy_are_accepted() -> None:
    edges = RetryPolicy(attempts=1, deadline=None, wait_initial=1e-9, wait_max=1e-9, jitter=0)
    assert (1, None, 0) == (edges.attempts, edges.deadline, edges.jitter)


# -- on the wire ---------------------------------------------------------------------------------


async def test_a_post_that_never_connected_is_retried(okta: OktaClient, mocked: aioresponses) -> None:
    refused = aiohttp.ClientConnectorError(KEY, ConnectionRefusedError(111, "Connection refused"))
    mocked.post(USER_URL, exception=refused)
    mocked.post(USER_URL, payload=user_json())
    with stamina.set_testing(True, attempts=3):
        user = await okta.update_user(USER_ID, profile={"nickName": "Sam"})
    assert USER_ID == user.id
    assert 1 == okta.stats.retries


async def test_a_post_whose_connection_dropped_is_not_retried(okta: OktaClient, mocked: aioresponses) -> None:
    mocked.post(USER_URL, exception=aiohttp.ServerDisconnectedError())
    mocked.post(USER_URL, payload=user_json())
    with stamina.set_testing(True, attempts=3), pytest.raises(TransportError) as caught:
        await okta.update_user(USER_ID, profile={"nickName": "Sam"})
    assert (1, "not safe to resend") == (caught.value.attempts, caught.value.stop_reason)
    assert 0 == okta.stats.retries


async def test_a_429s_rate_limit_headers_are_read_once_per_answer(
    mocked: aioresponses, okta: OktaClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="oktakit")
    hostile = {"X-Rate-Limit-Limit": "600", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "²"}
    mocked.get(USER_URL, status=429, headers=hostile, payload={"errorCode": "E0000047"})
    mocked.get(USER_URL, payload=user_json())

    with stamina.set_testing(True, attempts=2):
        await okta.get_user(USER_ID)

    # The pacer, the error, its rate-limit state and the stats all take the one reading.
    ignored = [r for r in caplog.records if "unreadable X-Rate-Limit-Reset" in r.getMessage()]
    assert 1 == len(ignored)


async def test_each_retry_is_reported_to_staminas_hooks(
    mocked: aioresponses, okta: OktaClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="stamina")
    mocked.get(USER_URL, status=503)
    mocked.get(USER_URL, payload=user_json())

    with stamina.set_testing(True, attempts=2):
        await okta.get_user(USER_ID)

    scheduled = [r for r in caplog.records if r.name == "stamina"]
    assert ["stamina.retry_scheduled"] == [r.getMessage() for r in scheduled]
    extra = vars(scheduled[0])
    assert ("oktakit", 1) == (extra["stamina.callable"], extra["stamina.retry_num"])


async def test_stamina_switched_off_means_one_attempt(mocked: aioresponses, okta: OktaClient) -> None:
    mocked.get(USER_URL, status=503)
    mocked.get(USER_URL, payload=user_json())

    stamina.set_active(False)
    try:
        with stamina.set_testing(False), pytest.raises(ServerError) as caught:
            await okta.get_user(USER_ID)
    finally:
        stamina.set_active(True)

    assert (1, "retries are off (stamina)") == (caught.value.attempts, caught.value.stop_reason)


async def test_staminas_testing_mode_retries_without_waiting() -> None:
    from oktakit._http.retry import Retrier
    from oktakit._http.stats import Stats

    with stamina.set_testing(True, attempts=3):
        wait = Retrier(RetryPolicy(), Stats()).next_wait(
            _api_error(503), 1, retry_safe=True, deadline=None, label="GET /x"
        )
    assert 0.0 == wait


async def test_a_stamina_keeping_its_testing_config_elsewhere_allows_one_attempt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stamina._config import CONFIG

    from oktakit._http.retry import Retrier
    from oktakit._http.stats import Stats

    with stamina.set_testing(True, attempts=3):
        monkeypatch.setattr(CONFIG, "testing", object())  # no get_attempts: an unknown layout
        error = _api_error(503)
        wait = Retrier(RetryPolicy(), Stats()).next_wait(
            error, 1, retry_safe=True, deadline=None, label="GET /x"
        )
        monkeypatch.undo()
    assert (None, "retries are off (stamina)") == (wait, error.stop_reason)

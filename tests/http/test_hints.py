"""Okta's rate-limit and retry hints, read from hostile headers: never an exception, absurd values
ignored with a DEBUG record, and no wait longer than one of Okta's one-minute windows
("Counters typically reset every 60 seconds", developer.okta.com/docs/reference/rate-limits)."""

from __future__ import annotations

from email.utils import formatdate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit import RateLimitError, ServerError
from oktakit._http.error_mapping import api_error_from_response
from oktakit._http.hints import read_rate_limit
from tests.hardening.strategies import fuzz

DATE = "Thu, 01 Jan 2026 00:00:00 GMT"  # 1767225600
NOW = 1_767_225_600
WINDOW = 60.0


def error(status: int, headers: dict[str, str]) -> object:
    return api_error_from_response(
        status=status, method="GET", url="https://acme.okta.com/x", headers=headers, body=b""
    )


def rate_headers(limit: str = "600", remaining: str = "0", reset: str = str(NOW + 30)) -> dict[str, str]:
    return {
        "Date": DATE,
        "X-Rate-Limit-Limit": limit,
        "X-Rate-Limit-Remaining": remaining,
        "X-Rate-Limit-Reset": reset,
    }


ABSURD = ["9" * 400, "-1", "NaN", "inf", "²", "٣", "+5", "5_000", "1e3", "0x10", "", " ", "\udc80", "1" * 16]


@pytest.mark.parametrize("value", ABSURD)
@pytest.mark.parametrize("name", ["X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"])
def test_an_absurd_rate_limit_header_is_ignored_with_a_debug_record(
    name: str, value: str, caplog: pytest.LogCaptureFixture
) -> None:
    headers = {**rate_headers(), name: value}
    with caplog.at_level("DEBUG", logger="oktakit"):
        assert read_rate_limit(headers).numbers is None
        assert "no_headers" == read_rate_limit(headers).kind
        refused = error(429, headers)
    assert f"ignoring the unreadable {name} header" in caplog.text
    assert isinstance(refused, RateLimitError)
    if name == "X-Rate-Limit-Reset":
        assert (None, None) == (refused.reset_at, refused.retry_after)


@pytest.mark.parametrize("value", ABSURD)
def test_an_absurd_retry_after_is_ignored_with_a_debug_record(
    value: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG", logger="oktakit"):
        failed = error(503, {"Date": DATE, "Retry-After": value})
    assert isinstance(failed, ServerError)
    assert failed.retry_after is None
    assert "ignoring the unreadable Retry-After header" in caplog.text


@pytest.mark.parametrize(
    "retry_after",
    [
        str(10**12),
        "86400",
        "9" * 15,  # the longest delta-seconds read (16 digits are ignored: ABSURD)
        " 999999999999999 ",
        formatdate(NOW + 10**9, usegmt=True),
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ],
)
def test_a_retry_after_longer_than_a_window_asks_for_one_window(
    retry_after: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG", logger="oktakit"):
        failed = error(503, {"Date": DATE, "Retry-After": retry_after})
    assert isinstance(failed, ServerError)
    assert WINDOW == failed.retry_after
    assert "waiting 60 s" in caplog.text


@pytest.mark.parametrize(("reset", "expected"), [(NOW + 10**9, WINDOW), (NOW + 61, WINDOW), (NOW + 59, 59.0)])
def test_a_reset_further_than_a_window_asks_for_one_window(reset: int, expected: float) -> None:
    refused = error(429, rate_headers(reset=str(reset)))
    assert isinstance(refused, RateLimitError)
    assert expected == refused.retry_after
    assert refused.reset_at is not None
    assert reset == refused.reset_at.timestamp()


def test_remaining_above_the_limit_is_read_as_the_limit() -> None:
    assert (600, 600, NOW + 30) == read_rate_limit(rate_headers(remaining="9000")).numbers


text = st.text(st.characters(exclude_categories=()), max_size=30)
numbers_as_text = st.integers(-(10**500), 10**500).map(str)
values = st.one_of(text, numbers_as_text, st.floats().map(str), st.sampled_from(ABSURD))


@fuzz
@given(
    status=st.sampled_from([429, 500, 503]),
    headers=st.dictionaries(
        st.sampled_from(
            ["Date", "Retry-After", "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"]
        ),
        values,
    ),
)
def test_any_hint_headers_give_an_error_whose_wait_is_none_or_within_a_window(
    status: int, headers: dict[str, str]
) -> None:
    failed = error(status, headers)
    wait = getattr(failed, "retry_after", None)
    assert wait is None or 0.0 <= wait <= WINDOW
    numbers = read_rate_limit(headers).numbers
    assert numbers is None or all(isinstance(n, int) and n >= 0 for n in numbers)


def test_an_unreadable_header_is_quoted_in_the_record_cut_to_40_characters(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("DEBUG", logger="oktakit"):
        read_rate_limit(rate_headers(reset="9" * 400))
        error(503, {"Date": DATE, "Retry-After": "²"})
    shown = "9" * 39 + "…"  # 40 characters, the cut marked
    assert [
        f"ignoring the unreadable X-Rate-Limit-Reset header {shown!r}",
        "ignoring the unreadable Retry-After header '²'",
    ] == [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize(
    ("status", "headers", "message"),
    [
        (
            503,
            {"Date": DATE, "Retry-After": "86400"},
            "Retry-After asks for a wait of 86400 s, longer than Okta's 60 s windows: waiting 60 s",
        ),
        (
            503,
            {"Date": DATE, "Retry-After": formatdate(NOW + 3600, usegmt=True)},
            "Retry-After asks for a wait of 3600 s, longer than Okta's 60 s windows: waiting 60 s",
        ),
        (
            429,
            rate_headers(reset=str(NOW + 90)),
            "X-Rate-Limit-Reset asks for a wait of 90 s, longer than Okta's 60 s windows: waiting 60 s",
        ),
    ],
)
def test_a_hint_cut_to_one_window_is_recorded_naming_its_header(
    status: int, headers: dict[str, str], message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG", logger="oktakit"):
        failed = error(status, headers)
    assert WINDOW == getattr(failed, "retry_after", None)
    assert [message] == [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (503, {"Date": DATE, "Retry-After": "60"}),
        (503, {"Date": DATE, "Retry-After": formatdate(NOW + 60, usegmt=True)}),
        (429, rate_headers(reset=str(NOW + 60))),
    ],
)
def test_a_hint_of_exactly_one_window_is_followed_as_it_is(
    status: int, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG", logger="oktakit"):
        failed = error(status, headers)
    assert WINDOW == getattr(failed, "retry_after", None)
    assert [] == caplog.records


@pytest.mark.parametrize("seconds", [0, 1, 30, 59])
def test_a_retry_after_date_asks_for_the_seconds_from_the_answers_date(seconds: int) -> None:
    failed = error(503, {"Date": DATE, "Retry-After": formatdate(NOW + seconds, usegmt=True)})
    assert isinstance(failed, ServerError)
    assert float(seconds) == failed.retry_after


def test_a_reset_at_the_last_second_a_datetime_holds_is_read_and_one_past_it_is_not() -> None:
    # 9999-12-31T23:59:59Z, by hand: (date(9999, 12, 31) - date(1970, 1, 1)).days * 86400 + 86399.
    last = 2_932_896 * 86_400 + 86_399
    refused = error(429, rate_headers(reset=str(last)))
    assert isinstance(refused, RateLimitError)
    assert refused.reset_at is not None
    assert (9999, 12, 31, 23, 59, 59) == refused.reset_at.timetuple()[:6]
    assert WINDOW == refused.retry_after
    assert read_rate_limit(rate_headers(reset=str(last + 1))).numbers is None


def test_a_limit_of_a_trillion_is_read_and_one_more_is_not() -> None:
    # The bound keeps arithmetic exact far beyond any Okta bucket (_hints.MAX_LIMIT: 10**12).
    assert 10**12 == read_rate_limit(rate_headers(limit=str(10**12))).limit
    assert read_rate_limit(rate_headers(limit=str(10**12 + 1))).limit is None


@pytest.mark.parametrize(
    ("limit", "remaining", "reset", "expected"),
    [
        # 12 digits of limit and remaining, 11 of reset: the longest Okta-shaped values.
        ("999999999999", "999999999999", "99999999999", (999_999_999_999, 999_999_999_999, 99_999_999_999)),
        # A 12-digit reset is still a date (below 9999-12-31), read the long way.
        ("600", "599", "100000000000", (600, 599, 100_000_000_000)),
        # 13 digits: 10**12 is the largest limit read, one more is not.
        ("1000000000000", "0", "1767225630", (10**12, 0, 1_767_225_630)),
        ("1000000000001", "0", "1767225630", (None, 0, 1_767_225_630)),
        ("600", "1000000000001", "1767225630", (600, None, 1_767_225_630)),
        # One unreadable header leaves the other two read.
        ("600", "٣", "1767225630", (600, None, 1_767_225_630)),
        ("600", " 599 ", "1767225630", (600, 599, 1_767_225_630)),
    ],
)
def test_each_rate_limit_header_is_read_on_its_own_whatever_the_others_hold(
    limit: str, remaining: str, reset: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert expected == tuple(read_rate_limit(rate_headers(limit, remaining, reset)))


_HEADER_VALUES = st.one_of(st.integers(0, 10**16).map(str), st.sampled_from(ABSURD), st.text(max_size=14))


@given(_HEADER_VALUES, _HEADER_VALUES, _HEADER_VALUES)
def test_reading_the_three_headers_together_equals_reading_each_alone(
    limit: str, remaining: str, reset: str
) -> None:
    # The three at once (Okta's usual answer) is a shortcut of reading each header by itself.
    one_by_one = tuple(
        getattr(read_rate_limit({name: value}), field)
        for name, value, field in (
            ("X-Rate-Limit-Limit", limit, "limit"),
            ("X-Rate-Limit-Remaining", remaining, "remaining"),
            ("X-Rate-Limit-Reset", reset, "reset"),
        )
    )
    assert one_by_one == tuple(read_rate_limit(rate_headers(limit, remaining, reset)))


def test_headers_read_before_are_read_alike_and_each_remaining_apart() -> None:
    # The reader keeps what it read by the headers' text: the same text reads the same, and an
    # answer differing only in X-Rate-Limit-Remaining (most answers of a window) reads its own.
    first = [read_rate_limit(rate_headers(remaining=str(n))) for n in (599, 598, 599, 597)]
    again = [read_rate_limit(rate_headers(remaining=str(n))) for n in (599, 598, 599, 597)]
    expected = [(600, n, NOW + 30) for n in (599, 598, 599, 597)]
    assert expected == [tuple(r) for r in first] == [tuple(r) for r in again]
    assert (600, 5, NOW + 90) == tuple(read_rate_limit(rate_headers(remaining="5", reset=str(NOW + 90))))


@pytest.mark.parametrize("value", ["+5", "٣", "1" * 16])
def test_a_header_refused_once_is_refused_again(value: str, caplog: pytest.LogCaptureFixture) -> None:
    headers = rate_headers(remaining=value)
    with caplog.at_level("DEBUG", logger="oktakit"):
        assert read_rate_limit(headers).numbers is None
        assert read_rate_limit(headers).numbers is None
    assert 2 == sum("X-Rate-Limit-Remaining" in r.getMessage() for r in caplog.records)


def test_headers_read_before_are_kept_within_a_bound() -> None:
    from oktakit._http import hints

    hints._SEEN.clear()
    held = []
    for n in range(hints._SEEN_MAX + 100):
        assert (600, 0, n) == tuple(read_rate_limit(rate_headers(remaining="0", reset=str(n))))
        held.append(len(hints._SEEN))
    # It fills up to the bound, never past it, and starts again.
    assert max(held) == hints._SEEN_MAX
    assert held[hints._SEEN_MAX] == 1

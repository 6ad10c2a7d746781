"""What an error says, whatever the server said: short, one line, no escape sequences; and its
record (``to_dict``) strict JSON all the way down. Every cause stays in ``error_causes``."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit import BadRequestError, OAuthError, RateLimitError, RateLimitState, ServerError
from oktakit._http.error_mapping import api_error_from_response
from oktakit._text import printable
from tests.hardening.strategies import fuzz

URL = "https://acme.okta.com/api/v1/users/00u1abc"
BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def answered(body: object, status: int = 400) -> BadRequestError:
    error = api_error_from_response(
        status=status, method="POST", url=URL, headers={}, body=json.dumps(body).encode()
    )
    assert isinstance(error, BadRequestError)
    return error


def terminal_safe(text: str) -> bool:
    return not any(unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in BIDI for char in text)


def test_ten_thousand_long_causes_make_a_short_message_and_all_stay_in_error_causes() -> None:
    causes = [{"errorSummary": f"cause {i}: " + "x" * 1000} for i in range(10_000)]
    error = answered(
        {"errorCode": "E0000001", "errorSummary": "Api validation failed", "errorCauses": causes}
    )

    assert len(str(error)) < 2_000
    assert 10_000 == len(error.error_causes)
    assert error.error_causes[-1].startswith("cause 9999: ")
    assert "cause 0: " in str(error)
    assert "9997 more in error_causes" in str(error)


def test_a_ten_megabyte_summary_makes_a_short_message_and_stays_whole_in_error_summary() -> None:
    error = answered({"errorCode": "E0000001", "errorSummary": "y" * 10_000_000})
    assert len(str(error)) < 2_000
    assert 10_000_000 == len(error.error_summary or "")


def test_escape_sequences_in_okta_text_never_reach_the_message_but_stay_in_the_fields() -> None:
    summary = "Api validation failed\x1b[2J\x1b]8;;https://evil.example\x07here\x1b]8;;\x07\r\n\u202egnp.exe"
    error = answered(
        {
            "errorCode": "E0000001\x1b[31m",
            "errorSummary": summary,
            "errorCauses": [{"errorSummary": "\x00\ud800"}],
        }
    )
    assert "HTTP 400 E0000001: Api validation failedhere gnp.exe (\ufffd)" in str(error)
    assert terminal_safe(str(error))
    assert summary == error.error_summary  # as Okta sent it, for code that reads it


def test_oauth_errors_show_the_servers_words_fit_for_a_terminal() -> None:
    error = OAuthError(
        status=400, error="invalid\x1b[0m_client", description="no\nway\u202e" * 1000, hint="Check.", url=URL
    )
    assert terminal_safe(str(error))
    assert "invalid_client: no way" in str(error)
    assert len(str(error)) < 1_000


def test_to_dict_is_strict_json_all_the_way_down() -> None:
    error = RateLimitError(
        retry_after=float("inf"),
        limit=10**400,
        reset_at=datetime(2026, 3, 1, 12, 30, 5, tzinfo=UTC),
        status=429,
        method="GET",
        url=URL,
        error_summary="too many\ud800",
    )
    error.rate_limit = RateLimitState("GET /api/v1/users/{id}", 600, 0, datetime(2026, 3, 1, tzinfo=UTC), 20)

    record = error.to_dict()
    text = json.dumps(record, allow_nan=False)

    assert record == json.loads(text)  # only JSON's own types: nothing changes on the way
    text.encode("utf-8")
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # no lone surrogate either
    assert {
        "bucket": "GET /api/v1/users/{id}",
        "limit": 600,
        "remaining": 0,
        "reset_at": "2026-03-01T00:00:00+00:00",
        "in_flight_cap": 20,
    } == record["rate_limit"]
    assert record["retry_after"] is None
    assert str(10**400) == record["limit"]
    assert "too many\ufffd" == record["error_summary"]


def test_a_nan_field_is_null_in_the_record() -> None:
    error = ServerError(retry_after=float("nan"), status=503, method="GET", url=URL)
    assert json.loads(json.dumps(error.to_dict(), allow_nan=False))["retry_after"] is None


@fuzz
@given(text=st.text(st.characters(exclude_categories=()), max_size=200), limit=st.integers(1, 100))
def test_printable_text_is_terminal_safe_short_and_stable(text: str, limit: int) -> None:
    shown = printable(text, limit)
    assert terminal_safe(shown)
    assert len(shown) <= limit
    shown.encode("utf-8")
    assert printable(printable(text)) == printable(text)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, unchanged: é ü 😀", "plain text, unchanged: é ü 😀"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("a\r\n\tb", "a b"),
        ("a\x00b\x7fc\x9bd", "abcd"),
        ("\u202eexe.txt", "exe.txt"),
        ("x" * 20, "x" * 9 + "…"),
    ],
)
def test_printable_examples(raw: str, shown: str) -> None:
    assert shown == printable(raw, 10 if raw == "x" * 20 else None)

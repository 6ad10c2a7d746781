"""Pure parts: the de-duplicating set, journal records, report exports, and no secrets in them."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from multidict import CIMultiDict

from oktakit import MalformedResponseError, OktaClient, TransportError
from oktakit._http.error_mapping import api_error_from_response
from oktakit.bulk._journal import (
    BulkFailure,
    OutcomeRecord,
    ResumeState,
    RunRecord,
    StartRecord,
    decode,
    encode,
    now,
)
from oktakit.bulk._seen import SeenMap, SeenSet
from oktakit.testing import OktaSimulator
from tests.conftest import okta_reference

from ._support import add_users

texts = st.text(min_size=1, max_size=40)


@given(st.lists(texts, max_size=3000))
def test_seen_set_answers_like_a_python_set(keys: list[str]) -> None:
    seen = SeenSet(capacity=4)  # small, so that it grows several times
    reference: set[str] = set()

    for key in keys:
        assert (key not in reference) == seen.add(key)
        reference.add(key)

    assert len(reference) == len(seen)
    assert all(key in seen for key in reference)


@given(st.lists(st.tuples(texts, texts), max_size=3000))
def test_seen_map_keeps_each_keys_first_value_as_it_grows(pairs: list[tuple[str, str]]) -> None:
    mapped = SeenMap(capacity=4)
    reference: dict[str, str] = {}

    for key, value in pairs:
        mapped.put(key, value)
        reference.setdefault(key, value)

    for key, value in reference.items():
        found = mapped.get(key)
        # The value's digest: adding it to a set holding the value is no news.
        assert found is not None
        witness = SeenSet()
        witness.add(value)
        assert not witness.add_digest(found)
    assert mapped.get("") is None  # never put (every key has a character)


records = st.one_of(
    st.builds(StartRecord, st.just("start"), texts),
    st.builds(
        OutcomeRecord,
        st.just("outcome"),
        texts,
        st.sampled_from(["succeeded", "skipped", "not_found", "failed"]),
        st.none() | texts,
        st.none()
        | st.builds(BulkFailure, texts, texts, st.none() | st.integers(400, 599), st.none() | texts),
        st.none() | texts,
    ),
    st.builds(
        RunRecord,
        st.just("run"),
        texts,
        texts,
        st.dictionaries(texts, st.none() | st.booleans() | texts, max_size=3),
        texts,
    ),
)


@given(records)
def test_a_journal_record_is_one_json_line_that_reads_back_equal(record: object) -> None:
    line = encode(record)  # type: ignore[arg-type]

    assert line.endswith(b"\n")
    assert 1 == line.count(b"\n")
    assert record == decode(line)


def test_a_failure_okta_answered_is_journaled_with_its_status_code_summary_and_ids() -> None:
    # A real 429 of Okta's (recorded by okta-sdk-python's cassettes), as the transport maps it.
    answer = next(
        i
        for i in okta_reference("okta-recorded-responses.json")["interactions"]
        if "E0000047" in (i["response"]["body"] or "")
    )
    headers = CIMultiDict((name, values[0]) for name, values in answer["response"]["headers"].items())
    error = api_error_from_response(
        status=answer["response"]["status"],
        method=answer["request"]["method"],
        url=answer["request"]["uri"],
        headers=headers,
        body=answer["response"]["body"].encode(),
    )

    failure = BulkFailure.from_exception(error)
    record = OutcomeRecord("outcome", "00u1", "failed", error=failure)

    assert ("RateLimitError", 429, "E0000047") == (failure.type, failure.status, failure.error_code)
    assert "oae_A2-4_P9RtWIEh-N4O0qfg" == failure.error_id  # quoted to Okta support
    assert "5168be8d5f54ca5371398055415254ff" == failure.request_id  # its X-Okta-Request-Id
    assert "API call exceeded rate limit due to too many requests." in failure.message
    assert "E0000047" in failure.message
    assert record == decode(encode(record))  # read back exactly as written


def test_a_failure_without_an_okta_answer_keeps_its_message_and_any_status_it_had() -> None:
    url = "https://example.okta.com/api/v1/users/00u1/lifecycle/suspend"
    unreadable = MalformedResponseError("the body is not JSON", status=200, method="POST", url=url)
    reset = TransportError("Connection reset by peer", method="POST", url=url)

    failures = [BulkFailure.from_exception(e) for e in (unreadable, reset, ValueError("caller's bug"))]

    assert [("MalformedResponseError", 200), ("TransportError", None), ("ValueError", None)] == [
        (f.type, f.status) for f in failures
    ]
    assert "the body is not JSON" in failures[0].message
    assert "Connection reset by peer" in failures[1].message
    assert "caller's bug" == failures[2].message
    assert all((f.error_code, f.error_id, f.request_id) == (None, None, None) for f in failures)


def test_an_item_settled_twice_in_a_journal_is_counted_once() -> None:
    # A one-operation run's journal; ann's second outcome names her by her id.
    resume = ResumeState()
    for record in (
        OutcomeRecord("outcome", "00u1", "succeeded"),
        OutcomeRecord("outcome", "00u1", "succeeded"),
        OutcomeRecord("outcome", "ann@example.com", "failed", user="00u2"),
        OutcomeRecord("outcome", "00u2", "succeeded"),
        OutcomeRecord("outcome", "00u3", "planned"),  # a dry run's plan settles nothing
    ):
        resume.add(record)

    assert {"succeeded": 1, "failed": 1} == resume.counts
    assert 2 == resume.settled
    assert "00u3" not in resume.done


def test_a_run_record_is_stamped_in_utc() -> None:
    stamp = datetime.fromisoformat(now())

    assert timedelta(0) == stamp.utcoffset()


@pytest.mark.okta_sim(users=0)
async def test_exports_have_one_row_per_distinct_item_and_no_secret(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", r="RECOVERY")
    journal = tmp_path / "j.jsonl"
    with caplog.at_level("DEBUG", logger="oktakit"):
        report = await okta.bulk("suspend_user", [ids["a"], ids["r"], ids["a"], "ghost"], journal=journal)
    report.to_csv(tmp_path / "r.csv")
    report.to_jsonl(tmp_path / "r.jsonl")
    frame = report.to_dataframe()

    rows = list(csv.DictReader((tmp_path / "r.csv").read_text().splitlines()))
    expected = {ids["a"]: "succeeded", ids["r"]: "failed", "ghost": "not_found"}
    assert expected == {row["id"]: row["outcome"] for row in rows}
    assert expected == {
        r["item"]: r["outcome"] for r in map(json.loads, (tmp_path / "r.jsonl").read_text().splitlines())
    }
    assert expected == dict(zip(frame["id"], frame["outcome"], strict=True))
    assert "E0000001" == next(row["error_code"] for row in rows if row["id"] == ids["r"])
    for text in (journal.read_text(), (tmp_path / "r.csv").read_text(), caplog.text, repr(report)):
        assert okta_sim.api_token not in text

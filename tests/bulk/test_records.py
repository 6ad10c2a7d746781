"""Pure parts: the de-duplicating set, journal records, report exports, and no secrets in them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit import OktaClient
from oktakit.bulk._journal import BulkFailure, OutcomeRecord, RunRecord, StartRecord, decode, encode
from oktakit.bulk._seen import SeenMap, SeenSet
from oktakit.testing import OktaSimulator

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

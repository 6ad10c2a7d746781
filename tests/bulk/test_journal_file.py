"""The journal file itself: bounded reads, what a run creates and removes, locks, refusals that
say why, failed writes, descriptors, and the spool of a run without a journal."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from oktakit import InvalidArgumentError, JournalError
from oktakit.bulk import _journal_file
from oktakit.bulk._journal import RunRecord, StartRecord, encode
from oktakit.bulk._journal_file import JournalFile, Spool

RUN = RunRecord("run", "suspend_user", "https://example.okta.com", {}, "2026-12-06T00:00:00+00:00")
START = StartRecord("start", "00u1", before="ACTIVE")


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


class _BoundedReads(io.BytesIO):
    """A file that fails any read asking for more than ``most`` bytes (or for a whole line)."""

    def __init__(self, data: bytes, most: int) -> None:
        super().__init__(data)
        self.most = most

    def readline(self, size: int | None = -1, /) -> bytes:
        assert size is not None, "an unbounded read: readline(None)"
        assert 0 < size <= self.most, f"an unbounded read: readline({size})"
        return super().readline(size)


def test_lines_are_read_in_bounded_pieces_and_a_longer_line_comes_back_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_journal_file, "MAX_RECORD", 8)
    data = b"12345678\n" + b"ab\n" + b"123456789012345678901234\n" + b"cd\n" + b"x" * 30

    lines = list(_journal_file._lines(_BoundedReads(data, most=9)))

    # By hand, for records of at most 8 bytes: a line of 8 and its newline is whole; a longer
    # one is its first 9 bytes and its newline; a torn tail is its first 9 bytes, unterminated.
    assert [b"12345678\n", b"ab\n", b"123456789\n", b"cd\n", b"x" * 9] == lines


def test_a_record_of_exactly_the_longest_size_is_read_and_one_byte_longer_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(encode(RUN))

    monkeypatch.setattr(_journal_file, "MAX_RECORD", len(encode(RUN)))
    assert [RUN] == list(JournalFile(journal).records())

    monkeypatch.setattr(_journal_file, "MAX_RECORD", len(encode(RUN)) - 1)
    with pytest.raises(JournalError, match="line 1 is too long to be a journal record"):
        list(JournalFile(journal).records())


def test_a_torn_last_line_is_dropped_and_cut_before_the_next_record(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(encode(RUN) + b'{"kind":"sta')

    assert [RUN] == list(JournalFile(journal).records())
    run = JournalFile(journal).open_for_run()
    run.prepare_appending()  # reads the file itself when nothing read it yet
    assert encode(RUN) == journal.read_bytes()
    run.append(START)
    run.close()

    assert encode(RUN) + encode(START) == journal.read_bytes()


def test_a_foreign_file_of_one_long_unterminated_line_is_refused_and_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(_journal_file, "MAX_RECORD", 8)
    foreign = tmp_path / "notes.txt"
    foreign.write_bytes(b"x" * 30)
    journal = JournalFile(foreign).open_for_run()

    with pytest.raises(JournalError, match="is not an oktakit journal"):
        journal.prepare_appending()
    journal.close()

    assert b"x" * 30 == foreign.read_bytes()


def test_a_new_journal_is_readable_and_writable_by_its_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        JournalFile(tmp_path / "j.jsonl").open_for_run().close()
    finally:
        os.umask(old_umask)

    assert 0o600 == stat.S_IMODE((tmp_path / "j.jsonl").stat().st_mode)


def test_a_run_stopped_before_its_first_record_removes_only_the_file_it_created(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    JournalFile(tmp_path / "new.jsonl").open_for_run().close_unused()
    (tmp_path / "empty.jsonl").touch()
    JournalFile(tmp_path / "empty.jsonl").open_for_run().close_unused()
    written = JournalFile(tmp_path / "written.jsonl").open_for_run()
    written.prepare_appending()
    written.append(RUN)
    written.close_unused()

    assert not (tmp_path / "new.jsonl").exists()
    assert b"" == (tmp_path / "empty.jsonl").read_bytes()  # the caller's file: kept
    assert encode(RUN) == (tmp_path / "written.jsonl").read_bytes()

    # A file that cannot be removed (a read-only folder) stays, and the lock is let go all the same.
    def refused(path: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "unlink", refused)
    JournalFile(tmp_path / "kept.jsonl").open_for_run().close_unused()
    JournalFile(tmp_path / "kept.jsonl").open_for_run().close()


def test_a_journal_held_by_a_run_is_refused_to_a_second_run_and_to_a_reader(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(encode(RUN))

    first = JournalFile(journal).open_for_run()
    with pytest.raises(JournalError, match="is in use by another run"):
        JournalFile(journal).open_for_run()
    with pytest.raises(JournalError, match="is in use by another run"):
        JournalFile(journal).open_for_reading()
    first.close()

    readers = [JournalFile(journal).open_for_reading() for _ in range(2)]  # readers share it
    with pytest.raises(JournalError, match="is in use by another run"):
        JournalFile(journal).open_for_run()
    for reader in readers:
        reader.close()


def test_a_lock_the_file_system_cannot_give_is_refused_saying_why_and_closes_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_locks(fd: int, exclusive: bool) -> None:  # as an NFS mount without a lock daemon
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(_journal_file, "_lock", no_locks)
    before = _open_descriptors()

    with pytest.raises(JournalError) as refused:
        JournalFile(tmp_path / "j.jsonl").open_for_run()

    assert f"cannot lock the journal {tmp_path / 'j.jsonl'}: {os.strerror(errno.ENOLCK)}" == str(
        refused.value
    )
    assert before == _open_descriptors()


def test_a_fifo_is_refused_as_not_a_regular_file_without_waiting_for_a_writer(tmp_path: Path) -> None:
    # Opening a FIFO for reading would wait for a writer forever: the refusal must come first.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    for use in (
        lambda: JournalFile(fifo).open_for_reading(),
        lambda: list(JournalFile(fifo).records()),
        lambda: JournalFile(fifo).open_for_run(),
    ):
        with pytest.raises(JournalError, match=f"the journal {fifo} is not a regular file"):
            use()


def test_misuse_of_a_journal_is_a_typed_error_that_says_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "file.txt").touch()

    with pytest.raises(InvalidArgumentError, match="the journal path '' is empty"):
        JournalFile("")
    with pytest.raises(JournalError, match=f"the journal {tmp_path / 'j.jsonl'} is not open"):
        JournalFile(tmp_path / "j.jsonl").append(RUN)
    under_a_file = tmp_path / "file.txt" / "j.jsonl"
    with pytest.raises(
        JournalError, match=f"cannot use the journal {under_a_file}: {os.strerror(errno.ENOTDIR)}"
    ):
        JournalFile(under_a_file).exists()


def test_a_write_that_fails_stops_the_run_and_every_later_record_is_refused_for_that_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    journal = JournalFile(tmp_path / "j.jsonl").open_for_run()
    journal.prepare_appending()
    journal.append(RUN)
    ours = journal._opened()
    real_write, writes = os.write, []

    def disk_full(fd: int, data: bytes) -> int:
        if fd != ours:
            return real_write(fd, data)
        writes.append(data)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def failing_truncate(fd: int, size: int) -> None:  # the repair fails too: the file stays as is
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "write", disk_full)
    monkeypatch.setattr(os, "ftruncate", failing_truncate)
    messages = []
    for _ in range(2):
        with pytest.raises(JournalError) as stopped:
            journal.append(START)
        messages.append(str(stopped.value))
    journal.close()

    why = f"cannot write the journal {tmp_path / 'j.jsonl'}: {os.strerror(errno.ENOSPC)}; the run stopped"
    assert [why, why] == messages
    assert 1 == len(writes)  # the second record was refused without a write
    assert encode(RUN) == (tmp_path / "j.jsonl").read_bytes()


def test_reading_records_leaves_no_descriptor_open(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    journal.write_bytes(encode(RUN) + encode(START))
    before = _open_descriptors()

    assert [RUN, START] == list(JournalFile(journal).records())
    assert before == _open_descriptors()
    run = JournalFile(journal).open_for_run()
    for _ in range(3):
        assert [RUN, START] == list(run.records())
    assert before + 1 == _open_descriptors()  # the run's own, until it closes
    run.close()
    assert before == _open_descriptors()


@pytest.fixture
def spool_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The folder spools are made in for this test (tempfile's, pointed here)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_the_spool_of_a_run_without_journal_is_a_private_named_file_that_refuses_records_once_closed(
    spool_dir: Path,
) -> None:
    spool = Spool()
    path = spool.path
    spool.append(RUN)
    spool.close()
    spool.close()

    assert spool_dir == path.parent
    assert path.name.startswith("oktakit-bulk-")
    assert path.name.endswith(".jsonl")
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)
    assert [RUN] == list(spool.records())
    with pytest.raises(JournalError, match="the run's spool is closed"):
        spool.append(START)
    spool._removal()  # what collecting the spool (or the interpreter's exit) runs
    assert not path.exists()


@pytest.mark.usefixtures("spool_dir")
def test_the_spool_of_a_run_without_journal_is_removed_with_the_run() -> None:
    spool = Spool()
    path = spool.path
    spool.close()
    del spool  # the last reference: CPython collects it here
    assert not path.exists()


@pytest.mark.usefixtures("spool_dir")
def test_a_spool_whose_file_is_already_gone_is_collected_without_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    spool = Spool()
    spool.close()
    spool.path.unlink()  # a temp cleaner got there first

    del spool  # the last reference: CPython collects it here

    assert [] == [u.exc_value for u in unraisable if isinstance(u.exc_value, OSError)]

"""The journal on disk: locked for a run, every write checked, torn tails repaired, nothing else
ever overwritten.

- A run opens its journal once and holds an exclusive ``flock`` on it until the end: a second
  run on the same file (in this process or another) is refused with ``JournalError``.
- Only a regular file can be a journal (a directory, a FIFO or a device is refused, and a FIFO
  is never waited on); an existing file must start with a run record of this job, or be empty.
- Each record is one ``write`` of a whole line on a file opened for appending, so it reaches the
  OS at once: a killed writer leaves whole lines plus at most one torn last line. A resume drops
  that tail, however long. A write that is short or fails (disk full, a file size limit) is
  undone (the file is cut back to its last whole line) and stops the run with ``JournalError``.
- Lines are read with a bounded buffer: no record of ours is longer than ``MAX_RECORD`` bytes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NoReturn

from oktakit.errors import JournalError

from ._journal import RUN_PREFIX, Record, RunRecord, check_run, decode, encode
from ._paths import PathLike, checked_path

#: The longest line a journal record can be (errors are kept short); longer is not a record.
MAX_RECORD = 1 << 20

if sys.platform == "win32":  # pragma: no cover - Windows locks the first byte (not in our CI)
    import msvcrt

    def _lock(fd: int, exclusive: bool) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int, exclusive: bool) -> None:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)


class JournalFile:
    """A journal file: ``open_for_run`` locks it for appending, ``open_for_reading`` for reading."""

    def __init__(self, path: PathLike) -> None:
        self.path: Path = checked_path(path, "journal")
        self._fd: int | None = None
        self._whole: int | None = None  # end of the last whole line, once read to the end
        self._size = 0
        self._failure: str | None = None
        self._created = False

    # -- opening ---------------------------------------------------------------------------
    def open_for_run(self) -> JournalFile:
        """Create or open the file, check it is a regular file and take the exclusive lock."""
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT
        try:
            self._fd = self._open(flags | os.O_EXCL, lock="exclusive")
            self._created = True
        except JournalError:  # it exists (or is a link to a file still to be made)
            self._fd = self._open(flags, lock="exclusive")
        return self

    def exists(self) -> bool:
        """Whether something is at the journal's path (``JournalError`` if that cannot be told)."""
        try:
            os.stat(self.path)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise JournalError(f"cannot use the journal {self.path}: {exc.strerror}") from None
        return True

    def close_unused(self) -> None:
        """Close after a run that stopped before its first record, removing the file it created
        (while still holding the lock, so that no other run is using it)."""
        if self._created and self._size == 0 and self._fd is not None:
            with contextlib.suppress(OSError):
                if os.fstat(self._fd).st_size == 0:
                    os.unlink(self.path)
        self.close()

    def open_for_reading(self) -> JournalFile:
        """Open an existing journal to read it, with a shared lock (no run may be writing it)."""
        self._fd = self._open(os.O_RDONLY, lock="shared")
        return self

    def _open(self, flags: int, *, lock: str | None) -> int:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below. (No
        # O_CLOEXEC: os.open's descriptors are not inherited by child processes anyway, PEP 446.)
        try:
            fd = os.open(self.path, flags | os.O_NONBLOCK, 0o600)
        except OSError as exc:
            raise JournalError(f"cannot open the journal {self.path}: {exc.strerror}") from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise JournalError(f"the journal {self.path} is not a regular file")
            try:
                if lock is not None:
                    _lock(fd, lock == "exclusive")
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise JournalError(
                        f"the journal {self.path} is in use by another run; wait for it to finish "
                        "or use another journal"
                    ) from None
                raise JournalError(f"cannot lock the journal {self.path}: {exc.strerror}") from None
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _opened(self) -> int:
        if self._fd is None:
            raise JournalError(f"the journal {self.path} is not open")
        return self._fd

    # -- reading ---------------------------------------------------------------------------
    def records(self, *, check: RunRecord | None = None) -> Iterator[Record]:
        """Every whole record in order; a torn last line (a killed writer) is left out.

        The first record must be a run record, and every run record must be ``check`` (or, with
        none given, the first one): anything else raises ``JournalError`` before a byte is written.
        """
        owned = self._fd is None
        # A report reads its journal after the run without a lock: reading never harms a run.
        fd = self._open(os.O_RDONLY, lock=None) if self._fd is None else self._fd
        file: BinaryIO = os.fdopen(os.dup(fd), "rb")
        try:
            file.seek(0)
            yield from self._read(file, check)
        finally:
            file.close()
            if owned:
                os.close(fd)

    def _read(self, file: BinaryIO, check: RunRecord | None) -> Iterator[Record]:
        whole = 0
        for number, line in enumerate(_lines(file), 1):
            if not line.endswith(b"\n"):  # torn by a kill mid-write (or a line too long to be ours)
                # After a whole record, or the start of a run record: ours, dropped on resume.
                if number > 1 or line.startswith(RUN_PREFIX):
                    break
                raise JournalError(
                    f"{self.path} is not an oktakit journal (its first line is not a record); "
                    "it was left untouched"
                )
            if len(line) > MAX_RECORD:
                raise JournalError(f"{self.path}: line {number} is too long to be a journal record")
            try:
                record = decode(line)
            except ValueError:
                raise JournalError(f"{self.path}: line {number} is not a journal record") from None
            check_run(self.path, record, check, first=number == 1)
            if check is None and isinstance(record, RunRecord):
                check = record
            whole += len(line)
            yield record
        self._whole = whole

    # -- writing ---------------------------------------------------------------------------
    def prepare_appending(self) -> None:
        """Cut a torn last line (after ``records`` read the file to its end), so the next record
        starts a line of its own."""
        fd = self._opened()
        if self._whole is None:
            for _ in self.records():
                pass
        whole = self._whole or 0
        if os.fstat(fd).st_size > whole:
            os.ftruncate(fd, whole)
        self._size = whole

    def append(self, record: Record) -> None:
        """Write one record, all of it, or raise ``JournalError`` and leave the file whole."""
        if self._failure is not None:  # every later record is refused for the same reason
            raise JournalError(self._failure)
        fd = self._opened()
        line = encode(record)
        try:
            written = os.write(fd, line)
        except OSError as exc:
            self._undo_partial(f"{exc.strerror}")
        if written != len(line):
            self._undo_partial(f"only {written} of {len(line)} bytes were written (is the disk full?)")
        self._size += written

    def _undo_partial(self, why: str) -> NoReturn:
        self._failure = f"cannot write the journal {self.path}: {why}; the run stopped"
        with contextlib.suppress(OSError):  # else the torn line stays; the next resume drops it
            os.ftruncate(self._opened(), self._size)
        raise JournalError(self._failure)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def _lines(file: BinaryIO) -> Iterator[bytes]:
    """Lines with bounded memory: a line longer than ``MAX_RECORD`` comes back as its first
    ``MAX_RECORD + 1`` bytes (plus its newline if it has one); the rest is skipped."""
    while True:
        line = file.readline(MAX_RECORD + 1)
        if not line:
            return
        if len(line) > MAX_RECORD and not line.endswith(b"\n"):
            while True:
                rest = file.readline(MAX_RECORD)
                if not rest:
                    break
                if rest.endswith(b"\n"):
                    line += b"\n"
                    break
        yield line


class Spool:
    """A private temporary journal for a run without one: the report reads it after the run."""

    temporary = True

    def __init__(self) -> None:
        fd, name = tempfile.mkstemp(prefix="oktakit-bulk-", suffix=".jsonl")
        os.close(fd)
        self.path = Path(name)
        # Removed when the spool is collected (or at exit): the report has read it by then.
        self._removal = weakref.finalize(self, _unlink, self.path)
        # Only the report reads the spool, after the run: it may be buffered.
        self._file: BinaryIO | None = self.path.open("ab")

    def append(self, record: Record) -> None:
        if self._file is None:
            raise JournalError("the run's spool is closed")
        self._file.write(encode(record))

    def records(self) -> Iterator[Record]:
        with self.path.open("rb") as file:
            for line in file:
                yield decode(line)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)

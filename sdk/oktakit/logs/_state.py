"""The follower's state file: where it is in the System Log, kept so that a restarted process
(even one killed with SIGKILL) loses no event and repeats at most the one it was handling.

The file is an append-only journal of JSON lines: a ``follow`` header (the org and the query,
so that a state is never resumed for another query), then ``page`` records (the whole URL of
the page events are being taken from) and ``taken`` records (the uuid of an event of that page
the consumer is done with). The position is the last ``page`` and the ``taken`` after it.

- Locked for the run: an exclusive ``flock`` on ``STATE.lock`` beside it (a second follower on
  the same state is refused with ``JournalError``). The lock is on a file of its own because
  compaction replaces the state file.
- Each record is one ``write`` of a whole line to a file opened for appending, so it reaches the
  OS before the next event is handed out: a killed process leaves whole lines plus at most one
  torn last line, which the next run drops (the event it named is handed out again: it was the
  one in hand). A write that fails or is short is undone and raises ``JournalError``.
- fsync: ``sync="page"`` (the default) syncs the file when a new page is recorded and when the
  file is compacted; after a crash of the machine (not just of the process), the events taken
  since the last sync may be handed out again, never lost, because every record only ever
  moves the position forward. ``sync="always"`` syncs every record (a crash of the machine then
  repeats at most the event in hand too), at the cost of one disk flush per event.
- Compaction: once the file passes ``COMPACT_AT`` bytes, the next page record rewrites it as the
  header and that page alone, in a temporary file that is synced and then renamed over it (the
  directory is synced too), so a crash leaves the old file or the new one, never neither.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Final, Literal, NoReturn

from oktakit.bulk._paths import PathLike, checked_path
from oktakit.errors import JournalError

#: Records are short; anything longer is not ours.
MAX_LINE: Final = 64 * 1024
COMPACT_AT: Final = 1 << 20
VERSION: Final = 1
Sync = Literal["page", "always"]

if sys.platform == "win32":  # pragma: no cover - Windows locks the first byte (not in our CI)
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=True).encode() + b"\n"


class FollowState:
    """The position of a follower: ``url`` (None: not started) and the uuids ``taken`` from its
    page, in memory and, with a ``path``, on disk."""

    def __init__(self, path: PathLike | None, header: dict[str, Any], *, sync: Sync = "page") -> None:
        if sync not in ("page", "always"):
            raise JournalError(f"sync must be 'page' or 'always', not {sync!r}")
        self.path: Path | None = None if path is None else checked_path(path, "state file")
        self.header = {"kind": "follow", "version": VERSION, **header}
        self.sync = sync
        self.url: str | None = None
        self.taken: set[str] = set()
        self._fd: int | None = None
        self._lock_fd: int | None = None
        self._size = 0
        self._failure: str | None = None

    # -- opening ---------------------------------------------------------------------------
    def open(self) -> None:
        """Lock the state, read the position it holds, cut a torn last line."""
        if self.path is None or self._fd is not None:
            return
        self._lock_fd = self._open(Path(f"{self.path}.lock"), os.O_RDWR | os.O_CREAT)
        try:
            _lock(self._lock_fd)
        except OSError as exc:
            self.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise JournalError(
                    f"the state file {self.path} is in use by another follower; stop it or use another file"
                ) from None
            raise JournalError(f"cannot lock the state file {self.path}: {exc.strerror}") from None
        try:
            self._fd = self._open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
            whole = self._read()
            if os.fstat(self._fd).st_size > whole:
                os.ftruncate(self._fd, whole)  # a record torn by a kill: dropped
            self._size = whole
            if whole == 0:
                self._append(self.header)
        except BaseException:
            self.close()
            raise

    def _open(self, path: Path, flags: int) -> int:
        try:
            fd = os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise JournalError(f"cannot open the state file {path}: {exc.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise JournalError(f"the state file {path} is not a regular file")
        return fd

    def _read(self) -> int:
        """Read the records; returns the length of the whole lines."""
        with os.fdopen(os.dup(self._opened()), "rb") as file:
            file.seek(0)
            whole = 0
            for number, line in enumerate(iter(lambda: file.readline(MAX_LINE + 1), b""), 1):
                if not line.endswith(b"\n"):
                    # The last line, torn by a kill mid-write: dropped. Anything else is not ours.
                    if len(line) > MAX_LINE or file.read(1) or (number == 1 and not _header_start(line)):
                        self._not_ours(number)
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    self._not_ours(number)
                self._apply(record, number)
                whole += len(line)
        return whole

    def _apply(self, record: Any, number: int) -> None:
        kind = record.get("kind") if isinstance(record, dict) else None
        if number == 1:
            if kind != "follow":
                self._not_ours()
            differs = [key for key in self.header if key != "since" and record.get(key) != self.header[key]]
            if differs:
                raise JournalError(
                    f"the state file {self.path} follows another query ({', '.join(differs)} differ); "
                    "use another state file for this one"
                )
        elif kind == "page" and isinstance(record.get("url"), str):
            self.url, self.taken = record["url"], set()
        elif kind == "taken" and isinstance(record.get("uuid"), str) and self.url is not None:
            self.taken.add(record["uuid"])
        else:
            self._not_ours(number)

    def _not_ours(self, number: int = 1) -> NoReturn:
        raise JournalError(
            f"{self.path} is not an oktakit follower state (line {number}); it was left untouched"
        )

    # -- writing ---------------------------------------------------------------------------
    def start_page(self, url: str) -> None:
        """Events are now taken from the page at ``url``."""
        self.url, self.taken = url, set()
        if self._fd is None:
            return
        if self._size >= COMPACT_AT:
            self._compact()
        else:
            self._append({"kind": "page", "url": url}, sync=True)

    def took(self, uuid: str) -> None:
        """The consumer is done with the event ``uuid`` of the current page."""
        self.taken.add(uuid)
        if self._fd is not None:
            self._append({"kind": "taken", "uuid": uuid}, sync=self.sync == "always")

    def _append(self, record: dict[str, Any], *, sync: bool = False) -> None:
        if self._failure is not None:
            raise JournalError(self._failure)
        fd = self._opened()
        line = _line(record)
        try:
            written = os.write(fd, line)
            if written != len(line):
                self._undo(f"only {written} of {len(line)} bytes were written (is the disk full?)")
            if sync:
                os.fsync(fd)
        except OSError as exc:
            self._undo(exc.strerror or "an error")
        self._size += len(line)

    def _undo(self, why: str) -> NoReturn:
        self._failure = f"cannot write the state file {self.path}: {why}; the follower stopped"
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd or -1, self._size)
        raise JournalError(self._failure)

    def _compact(self) -> None:
        """Replace the file by its header and the current page, atomically."""
        current = self._opened()
        if self.path is None or self.url is None:
            raise JournalError("the follower's state has no page to keep")
        data = _line(self.header) + _line({"kind": "page", "url": self.url})
        folder = self.path.parent
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=folder)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(name, self.path)
            _sync_folder(folder)
            replaced = self._open(self.path, os.O_RDWR | os.O_APPEND)
        except OSError as exc:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(name)
            raise JournalError(f"cannot rewrite the state file {self.path}: {exc.strerror}") from None
        os.close(current)
        self._fd, self._size = replaced, len(data)

    def _opened(self) -> int:
        if self._fd is None:
            raise JournalError(f"the state file {self.path} is not open")
        return self._fd

    def close(self) -> None:
        for attribute in ("_fd", "_lock_fd"):
            fd = getattr(self, attribute)
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)  # closing the lock file releases the lock
                setattr(self, attribute, None)


def _header_start(line: bytes) -> bool:
    """Whether a torn first line is the start of our header (an empty file is ours, too)."""
    prefix = b'{"kind":"follow"'
    return line.startswith(prefix) or prefix.startswith(line)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems cannot open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

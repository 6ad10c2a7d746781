"""Files of a bulk run: paths checked before use, one file never in two roles, reports replaced
atomically.

A run reads items (an ids file, a CSV, stdin), appends to its journal and writes a report. Two
roles on one file destroy data (a journal that is also the ids file reads its own lines back as
ids; a report written over the journal makes undo impossible), so files are compared by identity
(device and inode, which sees through links and other spellings), not by name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from oktakit.errors import InvalidArgumentError, JournalError

PathLike = str | os.PathLike[str]
#: A file by path, or an open file by descriptor (stdin).
FileRef = Path | int


def checked_path(value: object, what: str) -> Path:
    """``value`` as a ``Path``; ``InvalidArgumentError`` for anything that cannot name a file."""
    if not isinstance(value, (str, os.PathLike)):
        kind = type(value).__name__
        raise InvalidArgumentError(f"the {what} must be a path (str or os.PathLike), not {kind}")
    text = os.fspath(value)
    if not isinstance(text, str):
        raise InvalidArgumentError(f"the {what} path must be text, not {type(text).__name__}")
    if not text or "\x00" in text:
        raise InvalidArgumentError(f"the {what} path {text!r} is empty or holds a NUL character")
    try:
        os.fsencode(text)
    except UnicodeError:
        raise InvalidArgumentError(f"the {what} path {text!r} cannot be encoded for this system") from None
    return Path(text)


def _identity(ref: FileRef) -> tuple[int, int] | None:
    try:
        info = os.fstat(ref) if isinstance(ref, int) else os.stat(ref)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def same_file(a: FileRef, b: FileRef) -> bool:
    """Whether ``a`` and ``b`` are one file: by identity when both exist, else (a file still to
    be created) by the path each resolves to, links followed."""
    first, second = _identity(a), _identity(b)
    if first is not None and second is not None:
        return first == second
    if isinstance(a, Path) and isinstance(b, Path):
        return os.path.realpath(a) == os.path.realpath(b)
    return False


def refuse_shared_files(files: Sequence[tuple[str, FileRef | None]], *, written: set[str]) -> None:
    """``InvalidArgumentError`` if a file that the run writes (a role in ``written``) is also
    used in another role: ``files`` are (role, file) pairs, ``None`` for a role not used."""
    used = [(role, ref) for role, ref in files if ref is not None]
    for index, (role, ref) in enumerate(used):
        for other, other_ref in used[index + 1 :]:
            if (role in written or other in written) and same_file(ref, other_ref):
                raise InvalidArgumentError(
                    f"the {role} and the {other} are the same file ({_shown(ref)}); "
                    "use a file of its own for each"
                )


def _shown(ref: FileRef) -> str:
    return "standard input" if isinstance(ref, int) else str(ref)


def check_report_path(path: PathLike) -> Path:
    """Refuse, before anything is done, a report path that cannot be written: a directory or
    other non-regular file, or a folder where no file can be created."""
    target = checked_path(path, "report")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise InvalidArgumentError(f"cannot write the report {target}: {exc.strerror}") from None
    else:
        if not stat.S_ISREG(info.st_mode):
            raise InvalidArgumentError(f"the report {target} is not a regular file")
    try:
        fd, name = _create_beside(target)
    except OSError as exc:
        raise InvalidArgumentError(f"cannot write the report {target}: {exc.strerror}") from None
    os.close(fd)
    os.unlink(name)
    return target


def _create_beside(target: Path) -> tuple[int, str]:
    """A new file in ``target``'s folder, created with the mode ``open`` would give (the umask
    applies), for writing the report before it replaces ``target``."""
    folder = target.parent
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        name = os.path.join(folder, f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue


def write_report(path: PathLike, fill: Callable[[TextIO], None]) -> None:
    """Write a report to a temporary file beside ``path``, then rename it over ``path``: a reader
    never sees half a report, and a failure leaves the old file as it was."""
    target = check_report_path(path)
    try:
        fd, name = _create_beside(target)
    except OSError as exc:
        raise JournalError(f"cannot write the report {target}: {exc.strerror}") from None
    try:
        # A lone surrogate (from a caller's exception) is written escaped rather than failing.
        with os.fdopen(fd, "w", newline="", encoding="utf-8", errors="backslashreplace") as file:
            try:
                mode = os.stat(target).st_mode
            except FileNotFoundError:
                pass
            else:
                os.chmod(name, stat.S_IMODE(mode))  # replacing a report keeps its permissions
            fill(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(name, target)
    except OSError as exc:
        _remove(name)
        raise JournalError(f"cannot write the report {target}: {exc.strerror}") from None
    except BaseException:
        _remove(name)
        raise


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)

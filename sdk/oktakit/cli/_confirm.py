"""Asking before a command changes users: every state-changing command asks, showing the action
and how many users it is about to touch, unless ``--yes`` says so already.

The question is put to a person only: on standard input when it is a terminal. Without one
(a pipe, ``/dev/null``, a cron job) a command without ``--yes`` refuses and changes nothing (exit
2): input that happens to start with "y" is not a person's answer. Deleting, which nothing
undoes, is asked every time, ``--yes`` or not, on the controlling terminal when standard input
carries the ids.
"""

from __future__ import annotations

import argparse
import sys

from oktakit.bulk._items import csv_rows
from oktakit.errors import InvalidArgumentError


def who(args: argparse.Namespace) -> str:
    """The users a run is about to touch, counted when the input is a file."""
    ids = getattr(args, "ids", None)
    if ids and ids != "-":
        return _counted(_distinct_lines(ids), "user", f"listed in {ids}")
    if ids == "-":
        return "the users listed on standard input"
    csv_file = getattr(args, "csv", None)
    if csv_file:
        return _counted(_csv_count(csv_file), "user", f"in {csv_file}")
    search = getattr(args, "search", None)
    if search:
        return f"every user matching {search!r}"
    journal = getattr(args, "journal", None)
    return f"the users the run journaled in {journal} changed"


def _counted(count: int | None, noun: str, where: str) -> str:
    if count is None:
        return f"the {noun}s {where}"
    return f"{count} {noun}{'' if count == 1 else 's'} {where}"


def _distinct_lines(path: str) -> int | None:
    """How many distinct ids or logins a file lists (None: it cannot be read now, or is a pipe)."""
    from ._bulk import _ids

    try:
        with open(path, "rb") as file:
            if not file.seekable():
                return None  # a pipe: reading it now would consume the input
    except OSError:
        return None
    try:
        return len({line.casefold() for line in _ids(path)})
    except InvalidArgumentError:
        return None


def _csv_count(path: str) -> int | None:
    try:
        with open(path, "rb") as file:
            if not file.seekable():
                return None
        return sum(1 for _ in csv_rows(path))
    except (OSError, InvalidArgumentError):
        return None


def confirm(command: str, args: argparse.Namespace, question: str, *, always: bool = False) -> bool:
    """Whether the person at the terminal answers yes to ``question`` (``--yes`` answers it,
    except for a question asked ``always``). Without a terminal, says what to do and refuses."""
    if args.yes and not always:
        return True
    if _interactive() and getattr(args, "ids", None) != "-":
        try:
            answer = input(question)
        except (EOFError, RuntimeError, OSError, UnicodeDecodeError):  # RuntimeError: no stdin at all
            answer = ""
        return answer.strip().lower() in ("y", "yes")
    if always:
        return _ask_terminal(question).strip().lower() in ("y", "yes")
    from_stdin = getattr(args, "ids", None) == "-"
    reason = "the ids come from standard input" if from_stdin else "no terminal to ask on"
    print(
        f"oktakit {command}: {question.removesuffix(' [y/N] ')}\n"
        f"oktakit {command}: {reason}: pass --yes to go ahead without being asked",
        file=sys.stderr,
    )
    return False


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def _ask_terminal(question: str) -> str:
    """The answer typed at the controlling terminal ("" when there is none)."""
    try:
        with open("/dev/tty", "r+", encoding="utf-8") as tty:
            tty.write(question)
            tty.flush()
            return tty.readline()
    except (OSError, UnicodeDecodeError):
        return ""

"""``oktakit bulk``: lifecycle actions, profile updates and undo over many users, from a shell.

Exit status: 0 when every item succeeded, was skipped or was not found; 1 when any failed (or
Okta refused the credentials); 2 for usage errors (unreadable or non-UTF-8 input, a closed
stdin, a report path that cannot be written, one file in two roles), a journal of another run or
in use, a journal or report that cannot be written, or a declined confirmation; 130 when
interrupted by Ctrl-C (the journal is consistent: rerun to resume). Every file is checked
before the first user is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from oktakit.bulk._actions import ACTIONS, CLI_ACTIONS
from oktakit.bulk._items import csv_rows
from oktakit.bulk._paths import FileRef, check_report_path, checked_path, refuse_shared_files
from oktakit.bulk._report import BulkReport
from oktakit.bulk._run import MAX_CONCURRENCY, undo_journal_path
from oktakit.errors import InvalidArgumentError, JournalError
from oktakit_api import operations as ops

USAGE_ERROR = 2
INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bulk = commands.add_parser(
        "bulk",
        help="run a lifecycle action, a profile update or an undo over many users",
        description="Credentials come from the environment (OKTA_ORG_URL plus OKTA_API_TOKEN or a "
        "service app's OKTA_CLIENT_ID and key). Exit 0: all done, skipped or not found; 1: some "
        "failed; 2: usage error.",
    )
    actions = bulk.add_subparsers(dest="bulk_action", required=True, metavar="ACTION")
    for name, operation in CLI_ACTIONS.items():
        parser = actions.add_parser(name, help=f"{operation.name} for each user")
        users = parser.add_mutually_exclusive_group(required=True)
        users.add_argument("--ids", metavar="FILE", help="one user id or login per line ('-': stdin)")
        users.add_argument("--search", metavar="EXPR", help="an Okta search expression selecting the users")
        _common(parser)
        parser.set_defaults(handler=_bulk, operation=operation.name)
    update = actions.add_parser("update", help="partial profile updates from a CSV file")
    update.add_argument(
        "--csv", required=True, metavar="FILE", help="a column 'id' or 'login', then attributes"
    )
    update.add_argument(
        "--empty",
        choices=("leave", "clear"),
        default="leave",
        help="what an empty cell means: leave the attribute unchanged (default) or clear it",
    )
    _common(update)
    update.set_defaults(handler=_bulk, operation=ops.UPDATE_USER.name)
    undo = actions.add_parser("undo", help="reverse what a journaled run changed (suspend <-> unsuspend)")
    undo.add_argument("--journal", required=True, metavar="FILE", help="the journal of the run to undo")
    undo.add_argument("--undo-journal", metavar="FILE", help="journal of the undo (default: FILE.undo.jsonl)")
    _common(undo, journal=False)
    undo.set_defaults(handler=_bulk, operation="undo")


def _common(parser: argparse.ArgumentParser, *, journal: bool = True) -> None:
    parser.add_argument(
        "--concurrency",
        type=_concurrency,
        default=8,
        metavar="N",
        help=f"items in flight (default 8, at most {MAX_CONCURRENCY})",
    )
    if journal:
        parser.add_argument(
            "--journal", metavar="FILE", help="journal to resume from and append to (JSON lines)"
        )
    parser.add_argument("--report", metavar="FILE.csv", help="write one row per item (id, outcome, ...)")
    parser.add_argument("--dry-run", action="store_true", help="show the plan; change nothing")
    parser.add_argument("--yes", action="store_true", help="do not ask before a destructive action")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--org-url", help="the org URL (default: OKTA_ORG_URL)")


def _concurrency(value: str) -> int:
    if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_CONCURRENCY:
        return int(value)
    raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_CONCURRENCY}")


def _ids(path: str) -> Iterator[str]:
    """Ids or logins, one per line; blank lines and '#' comments are ignored. A line that is not
    UTF-8 or a file that cannot be read raises ``InvalidArgumentError``."""
    shown = "standard input" if path == "-" else path
    try:
        # Bytes, decoded line by line: strict UTF-8 whatever the locale, with the line's number.
        file = os.fdopen(_stdin_fd(), "rb", closefd=False) if path == "-" else open(path, "rb")  # noqa: SIM115
        with file:
            for number, raw in enumerate(file, 1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    raise InvalidArgumentError(f"{shown}: line {number} is not UTF-8 text") from None
                text = line.strip()
                if text and not text.startswith("#"):
                    yield text
    except OSError as exc:
        raise InvalidArgumentError(f"cannot read {shown}: {exc.strerror}") from None


def _stdin_fd() -> int:
    """The descriptor of standard input, if it is open."""
    try:
        if sys.stdin is not None:
            descriptor = sys.stdin.fileno()
            os.fstat(descriptor)
            return descriptor
    except (OSError, ValueError):
        pass
    raise InvalidArgumentError("standard input is closed; pass the ids in a file with --ids FILE")


def _input_file(path: str, what: str) -> FileRef:
    """An input file that exists and can be read: a regular file (read once now, so that a line
    that is not UTF-8 is refused before anything is done) or a pipe; '-' is stdin."""
    if path == "-":
        return _stdin_fd()
    target = checked_path(path, what)
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        raise InvalidArgumentError(f"cannot read the {what} {path}: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise InvalidArgumentError(f"the {what} {path} is a directory")
    if stat.S_ISREG(mode):
        for _ in csv_rows(path) if what == "CSV file" else _ids(path):
            pass
    return target


def _check_files(args: argparse.Namespace) -> Path | None:
    """Check every file before the first user is touched; returns the report path."""
    ids = _input_file(args.ids, "ids file") if getattr(args, "ids", None) else None
    table = _input_file(args.csv, "CSV file") if getattr(args, "csv", None) else None
    report = check_report_path(args.report) if args.report else None
    journal = checked_path(args.journal, "journal") if args.journal else None
    files: list[tuple[str, FileRef | None]] = [("ids file", ids), ("CSV file", table), ("report", report)]
    if args.operation == "undo":
        undo = args.undo_journal or undo_journal_path(args.journal)
        files += [("journal to undo", journal), ("undo journal", checked_path(undo, "undo journal"))]
    else:
        files.append(("journal", journal))
    refuse_shared_files(files, written={"journal", "report", "undo journal"})
    return report


def _confirmed(args: argparse.Namespace) -> bool:
    action = ACTIONS.get(args.operation)
    if action is None or not action.destructive or args.yes or args.dry_run:
        return True
    if getattr(args, "ids", None) == "-":
        print(f"oktakit bulk: {args.operation} is destructive; with --ids - pass --yes", file=sys.stderr)
        return False
    who = f"the users in {args.ids}" if args.ids else f"the users matching {args.search!r}"
    try:
        answer = input(f"{args.operation} {who}? This cannot be undone. [y/N] ")
    except (EOFError, RuntimeError, OSError, UnicodeDecodeError):  # RuntimeError: no stdin at all
        answer = ""
    return answer.strip().lower() in ("y", "yes")


@contextlib.contextmanager
def _ctrl_c_cancels(task: asyncio.Task[Any] | None) -> Iterator[None]:
    """Each Ctrl-C cancels the run, handled in the event loop: the first lets the items in flight
    finish, the second abandons them, journaled as interrupted. (asyncio.run's own handler raises
    KeyboardInterrupt at the second one in whatever code is running, which can close the journal
    before those records are written.)"""
    loop = asyncio.get_running_loop()
    try:
        if task is None:
            raise RuntimeError("no task to cancel")
        loop.add_signal_handler(signal.SIGINT, task.cancel)
    except (NotImplementedError, RuntimeError):  # Windows, or not the main thread: asyncio's own
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGINT)


async def _execute(args: argparse.Namespace) -> BulkReport:
    with _ctrl_c_cancels(asyncio.current_task()):
        return await _command(args)


async def _command(args: argparse.Namespace) -> BulkReport:
    from oktakit.client import OktaClient

    options: dict[str, Any] = {
        "concurrency": args.concurrency,
        "dry_run": args.dry_run,
        "progress": not args.no_progress,
    }
    async with OktaClient.from_env(args.org_url) as okta:
        if args.operation == "undo":
            return await okta.bulk_undo(args.journal, undo_journal=args.undo_journal, **options)
        options["journal"] = args.journal
        if args.operation == ops.UPDATE_USER.name:
            return await okta.bulk_update(csv_rows(args.csv), empty=args.empty, **options)
        items: Any = _ids(args.ids) if args.ids else okta.list_users(search=args.search)
        return await okta.bulk(args.operation, items, **options)


def _bulk(args: argparse.Namespace) -> int:
    try:
        report_path = _check_files(args)
    except InvalidArgumentError as error:
        print(f"oktakit bulk: {error}", file=sys.stderr)
        return USAGE_ERROR
    if not _confirmed(args):
        print("oktakit bulk: not confirmed; nothing was changed", file=sys.stderr)
        return USAGE_ERROR
    try:
        report = asyncio.run(_execute(args))
    except (InvalidArgumentError, JournalError) as error:
        print(f"oktakit bulk: {error}", file=sys.stderr)
        return USAGE_ERROR
    except (KeyboardInterrupt, asyncio.CancelledError):
        # Ctrl-C cancelled the run: the items in flight were settled (or journaled) first.
        again = "; run the same command to resume from the journal" if args.journal else ""
        print(f"oktakit bulk: interrupted{again}", file=sys.stderr)
        return INTERRUPTED
    if args.dry_run:
        for row in report.rows():
            print(f"{row.item}\t{row.status or '-'}\t{row.outcome}\t{row.error.message if row.error else ''}")
    print(report.summary())
    if report_path is not None:
        try:
            report.to_csv(report_path)
        except (InvalidArgumentError, JournalError) as error:
            kept = " (every outcome is in the journal)" if args.journal else ""
            print(f"oktakit bulk: {error}{kept}", file=sys.stderr)
            return USAGE_ERROR
    for item, failure in list(report.failed.items())[:20]:
        print(f"  failed: {item}: {failure.type} {failure.message}", file=sys.stderr)
    return 0 if report.ok else 1

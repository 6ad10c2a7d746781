"""``oktakit bulk``: one-user actions, profile updates and undo over many users, from a shell.

Exit status: 0 when every item succeeded, was skipped or was not found; 1 when any failed (or
Okta refused the credentials); 2 for usage errors (unreadable or non-UTF-8 input, a closed
stdin, a report path that cannot be written, one file in two roles), a journal of another run or
in use, a journal or report that cannot be written, or a declined confirmation; 130 when
interrupted by Ctrl-C (the journal is consistent: rerun to resume). Every file is checked
before the first user is touched. ``oktakit contain`` (``_contain``) runs the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import stat
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

from oktakit.bulk._actions import ACTIONS, CLI_ACTIONS
from oktakit.bulk._items import csv_rows
from oktakit.bulk._paths import FileRef, check_report_path, checked_path, refuse_shared_files
from oktakit.bulk._report import BulkReport
from oktakit.bulk._run import MAX_CONCURRENCY, undo_journal_path
from oktakit.errors import InvalidArgumentError, JournalError
from oktakit_api import operations as ops

USAGE_ERROR = 2
INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C
#: What each CLI action passes to its operation besides the user, from its options.
_ARGUMENTS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    # The Admin Console's "Clear user sessions" ends the sessions and the OAuth tokens.
    ops.REVOKE_USER_SESSIONS.name: lambda args: {"oauth_tokens": True},
    ops.ASSIGN_USER_TO_GROUP.name: lambda args: {"group_id": args.group},
    ops.UNASSIGN_USER_FROM_GROUP.name: lambda args: {"group_id": args.group},
}
_HELP = {
    "clear-sessions": "end each user's Okta sessions and OAuth tokens (revoke_user_sessions, oauth_tokens)",
    "add-to-group": "add each user to the group (assign_user_to_group); undo removes them",
    "remove-from-group": "remove each user from the group (unassign_user_from_group); undo adds them back",
    "delete": "delete each user: one not yet deactivated is deactivated, then deleted (always asks)",
}


class Report(Protocol):
    """What the command prints and exports (``BulkReport``, ``ContainmentReport``)."""

    @property
    def ok(self) -> bool: ...

    def summary(self) -> str: ...

    def to_csv(self, path: Path) -> None: ...


R = TypeVar("R", bound=Report)


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
        parser = actions.add_parser(name, help=_HELP.get(name, f"{operation.name} for each user"))
        add_users_options(parser)
        if "group_id" in ACTIONS[operation.name].path_arguments:
            parser.add_argument("--group", required=True, metavar="ID", help="the group's id (an OKTA_GROUP)")
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
    undo = actions.add_parser(
        "undo",
        help="reverse what a journaled run changed (suspend <-> unsuspend, add-to-group <-> "
        "remove-from-group, a containment's suspension)",
    )
    undo.add_argument("--journal", required=True, metavar="FILE", help="the journal of the run to undo")
    undo.add_argument("--undo-journal", metavar="FILE", help="journal of the undo (default: FILE.undo.jsonl)")
    undo.add_argument(
        "--user",
        action="append",
        metavar="ID",
        help="undo only for this user (an id, or the id or login the run was given); repeatable",
    )
    _common(undo, journal=False)
    undo.set_defaults(handler=_bulk, operation="undo")


def add_users_options(parser: argparse.ArgumentParser) -> None:
    users = parser.add_mutually_exclusive_group(required=True)
    users.add_argument("--ids", metavar="FILE", help="one user id or login per line ('-': stdin)")
    users.add_argument("--search", metavar="EXPR", help="an Okta search expression selecting the users")


def _common(
    parser: argparse.ArgumentParser,
    *,
    journal: bool = True,
    report: str = "write one row per item (id, outcome, ...)",
    yes: str = "do not ask before a destructive action (delete asks anyway)",
) -> None:
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
    parser.add_argument("--report", metavar="FILE.csv", help=report)
    parser.add_argument("--dry-run", action="store_true", help="show the plan; change nothing")
    parser.add_argument("--yes", action="store_true", help=yes)
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
    if action is None or not action.destructive or args.dry_run:
        return True
    # Deleting cannot be undone in any way: it is asked every time, --yes or not.
    always = action.operation is ops.DELETE_USER
    if args.yes and not always:
        return True
    who = f"the users in {args.ids}" if args.ids else f"the users matching {args.search!r}"
    if always:
        question = (
            f"Delete {who}? Each one not yet deactivated is deactivated, then deleted. "
            "This cannot be undone. [y/N] "
        )
    else:
        question = f"{args.operation} {who}? This cannot be undone. [y/N] "
    return confirm("bulk", args, question, always=always)


def confirm(command: str, args: argparse.Namespace, question: str, *, always: bool = False) -> bool:
    """Ask ``question``: on stdin, or, when the ids come from stdin, on the terminal (only a
    question that is asked whatever ``--yes`` says; the others need ``--yes`` then)."""
    if getattr(args, "ids", None) != "-":
        try:
            answer = input(question)
        except (EOFError, RuntimeError, OSError, UnicodeDecodeError):  # RuntimeError: no stdin at all
            answer = ""
    elif always:
        answer = _ask_terminal(question)
    else:
        print(f"oktakit {command}: {args.operation} with --ids - needs --yes", file=sys.stderr)
        return False
    return answer.strip().lower() in ("y", "yes")


def _ask_terminal(question: str) -> str:
    """The answer typed at the controlling terminal ("" when there is none)."""
    try:
        with open("/dev/tty", "r+", encoding="utf-8") as tty:
            tty.write(question)
            tty.flush()
            return tty.readline()
    except (OSError, UnicodeDecodeError):
        return ""


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


async def _command(args: argparse.Namespace) -> BulkReport:
    from oktakit.client import OktaClient

    options: dict[str, Any] = {
        "concurrency": args.concurrency,
        "dry_run": args.dry_run,
        "progress": not args.no_progress,
    }
    async with OktaClient.from_env(args.org_url) as okta:
        if args.operation == "undo":
            return await okta.bulk_undo(
                args.journal, undo_journal=args.undo_journal, users=args.user, **options
            )
        options["journal"] = args.journal
        if args.operation == ops.UPDATE_USER.name:
            return await okta.bulk_update(csv_rows(args.csv), empty=args.empty, **options)
        items: Any = _ids(args.ids) if args.ids else okta.list_users(search=args.search)
        arguments = _ARGUMENTS[args.operation](args) if args.operation in _ARGUMENTS else None
        return await okta.bulk(args.operation, items, arguments=arguments, **options)


def _bulk(args: argparse.Namespace) -> int:
    return run_job("bulk", args, _confirmed, _command, _show_bulk)


def _show_bulk(report: BulkReport, args: argparse.Namespace) -> list[str]:
    """Print the plan of a dry run; return the lines that report failures."""
    if args.dry_run:
        for row in report.rows():
            print(f"{row.item}\t{row.status or '-'}\t{row.outcome}\t{row.error.message if row.error else ''}")
    kept = [f"  not reversible: {user}: {', '.join(steps)}" for user, steps in report.not_reversible.items()]
    failed = [
        f"  failed: {item}: {failure.type} {failure.message}" for item, failure in report.failed.items()
    ]
    return kept + failed


def run_job(
    command: str,
    args: argparse.Namespace,
    confirmed: Callable[[argparse.Namespace], bool],
    job: Callable[[argparse.Namespace], Awaitable[R]],
    show: Callable[[R, argparse.Namespace], list[str]],
) -> int:
    """Check every file, confirm, run the job, print its summary and write its report."""
    try:
        report_path = _check_files(args)
    except InvalidArgumentError as error:
        print(f"oktakit {command}: {error}", file=sys.stderr)
        return USAGE_ERROR
    if not confirmed(args):
        print(f"oktakit {command}: not confirmed; nothing was changed", file=sys.stderr)
        return USAGE_ERROR
    try:
        report = asyncio.run(_execute(job, args))
    except (InvalidArgumentError, JournalError) as error:
        print(f"oktakit {command}: {error}", file=sys.stderr)
        return USAGE_ERROR
    except (KeyboardInterrupt, asyncio.CancelledError):
        # Ctrl-C cancelled the run: the items in flight were settled (or journaled) first.
        again = "; run the same command to resume from the journal" if args.journal else ""
        print(f"oktakit {command}: interrupted{again}", file=sys.stderr)
        return INTERRUPTED
    problems = show(report, args)
    print(report.summary())
    if report_path is not None:
        try:
            report.to_csv(report_path)
        except (InvalidArgumentError, JournalError) as error:
            kept = " (every outcome is in the journal)" if args.journal else ""
            print(f"oktakit {command}: {error}{kept}", file=sys.stderr)
            return USAGE_ERROR
    for line in problems[:20]:
        print(line, file=sys.stderr)
    if len(problems) > 20:
        print(f"  ... and {len(problems) - 20} more (see the report)", file=sys.stderr)
    return 0 if report.ok else 1


async def _execute(job: Callable[[argparse.Namespace], Awaitable[R]], args: argparse.Namespace) -> R:
    with _ctrl_c_cancels(asyncio.current_task()):
        return await job(args)

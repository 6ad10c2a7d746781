"""``oktakit bulk``: lifecycle actions, profile updates and undo over many users, from a shell.

Exit status: 0 when every item succeeded, was skipped or was not found; 1 when any failed (or
Okta refused the credentials); 2 for usage errors, a journal of another run, or a declined
confirmation; 130 when interrupted by Ctrl-C (the journal is consistent: rerun to resume).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._bulk_actions import ACTIONS, CLI_ACTIONS
from ._bulk_items import csv_rows
from ._bulk_report import BulkReport
from .errors import InvalidArgumentError, JournalError

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
        parser = actions.add_parser(name, help=f"{operation} for each user")
        users = parser.add_mutually_exclusive_group(required=True)
        users.add_argument("--ids", metavar="FILE", help="one user id or login per line ('-': stdin)")
        users.add_argument("--search", metavar="EXPR", help="an Okta search expression selecting the users")
        _common(parser)
        parser.set_defaults(handler=_bulk, operation=operation)
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
    update.set_defaults(handler=_bulk, operation="update_user")
    undo = actions.add_parser("undo", help="reverse what a journaled run changed (suspend <-> unsuspend)")
    undo.add_argument("--journal", required=True, metavar="FILE", help="the journal of the run to undo")
    undo.add_argument("--undo-journal", metavar="FILE", help="journal of the undo (default: FILE.undo.jsonl)")
    _common(undo, journal=False)
    undo.set_defaults(handler=_bulk, operation="undo")


def _common(parser: argparse.ArgumentParser, *, journal: bool = True) -> None:
    parser.add_argument("--concurrency", type=_positive, default=8, metavar="N", help="items in flight (8)")
    if journal:
        parser.add_argument(
            "--journal", metavar="FILE", help="journal to resume from and append to (JSON lines)"
        )
    parser.add_argument("--report", metavar="FILE.csv", help="write one row per item (id, outcome, ...)")
    parser.add_argument("--dry-run", action="store_true", help="show the plan; change nothing")
    parser.add_argument("--yes", action="store_true", help="do not ask before a destructive action")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--org-url", help="the org URL (default: OKTA_ORG_URL)")


def _positive(value: str) -> int:
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise argparse.ArgumentTypeError("expected a positive whole number")


def _ids(path: str) -> Iterator[str]:
    """Ids or logins, one per line; blank lines and '#' comments are ignored."""
    file = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")  # noqa: SIM115 - closed below
    try:
        for line in file:
            text = line.strip()
            if text and not text.startswith("#"):
                yield text
    finally:
        if file is not sys.stdin:
            file.close()


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
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


async def _execute(args: argparse.Namespace) -> BulkReport:
    from .client import OktaClient

    options: dict[str, Any] = {
        "concurrency": args.concurrency,
        "dry_run": args.dry_run,
        "progress": not args.no_progress,
    }
    async with OktaClient.from_env(args.org_url) as okta:
        if args.operation == "undo":
            return await okta.bulk_undo(args.journal, undo_journal=args.undo_journal, **options)
        options["journal"] = args.journal
        if args.operation == "update_user":
            return await okta.bulk_update(csv_rows(args.csv), empty=args.empty, **options)
        items: Any = _ids(args.ids) if args.ids else okta.list_users(search=args.search)
        return await okta.bulk(args.operation, items, **options)


def _bulk(args: argparse.Namespace) -> int:
    for name in ("ids", "csv"):
        path = getattr(args, name, None)
        if path not in (None, "-") and not Path(path).is_file():
            print(f"oktakit bulk: no such file: {path}", file=sys.stderr)
            return USAGE_ERROR
    if not _confirmed(args):
        print("oktakit bulk: not confirmed; nothing was changed", file=sys.stderr)
        return USAGE_ERROR
    try:
        report = asyncio.run(_execute(args))
    except (InvalidArgumentError, JournalError) as error:
        print(f"oktakit bulk: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        # asyncio.run turned Ctrl-C into a cancellation: the items in flight were settled first.
        again = "; run the same command to resume from the journal" if args.journal else ""
        print(f"oktakit bulk: interrupted{again}", file=sys.stderr)
        return INTERRUPTED
    if args.dry_run:
        for row in report.rows():
            print(f"{row.item}\t{row.status or '-'}\t{row.outcome}\t{row.error.message if row.error else ''}")
    if args.report:
        report.to_csv(args.report)
    print(report.summary())
    for item, failure in list(report.failed.items())[:20]:
        print(f"  failed: {item}: {failure.type} {failure.message}", file=sys.stderr)
    return 0 if report.ok else 1

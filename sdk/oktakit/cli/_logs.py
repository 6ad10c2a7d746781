"""``oktakit logs``: read the System Log from a shell, or follow it.

    oktakit logs --since 1h --filter 'eventType eq "user.session.start"' --format table
    oktakit logs --follow --state siem.state >> events.jsonl

Credentials come from the environment (``OKTA_ORG_URL`` and an API token or a service app with
``okta.logs.read``). ``--since``/``--until`` take an ISO 8601 time with an offset or an age
(``90s``, ``30m``, ``12h``, ``7d``). Output: JSON lines (Okta's event JSON, one per line, the
default), CSV (``oktakit.logs.COLUMNS``) or a table for reading; everything from Okta is
printed without control characters (JSON escapes them, the table and CSV drop them).

Exit status: 0 when the query ended; 1 when Okta or the network refused it; 2 for a usage error
(a bad time, a state file of another query or in use); 130 when ``--follow`` was stopped by
Ctrl-C (143 by SIGTERM), with the state saved: rerun the same command to go on.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import signal
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from oktakit._text import printable
from oktakit.errors import InvalidArgumentError, JournalError

from ._args import seconds

if TYPE_CHECKING:
    from oktakit_api.models import LogEvent

USAGE_ERROR = 2
INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C
TERMINATED = 143  # ... and by SIGTERM
_AGE = re.compile(r"^(\d{1,9})([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
#: The table's columns: (title, width, column of oktakit.logs.flatten).
_TABLE = (
    ("published", 24, "published"),
    ("event type", 32, "event_type"),
    ("outcome", 8, "outcome.result"),
    ("actor", 30, "actor.alternate_id"),
    ("client IP", 15, "client.ip_address"),
    ("targets", 40, "target.alternate_id"),
)


def moment(value: str) -> str:
    """An argparse type: an age (``30m``) as the ISO time that long ago, or an ISO time."""
    found = _AGE.match(value.strip())
    if found:
        age = timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})
        return (datetime.now(UTC) - age).isoformat()
    from oktakit.logs._arguments import moment as parse

    try:
        parse("time", value)
    except InvalidArgumentError as error:
        raise argparse.ArgumentTypeError(f"{error} (or an age: 90s, 30m, 12h, 7d)") from None
    return value


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``oktakit logs``."""
    logs = commands.add_parser(
        "logs",
        help="read or follow the System Log",
        description="Read the System Log for a time window, or follow it (--follow). Credentials come "
        "from the environment (OKTA_ORG_URL plus OKTA_API_TOKEN or a service app with okta.logs.read). "
        "Exit 0: done; 1: Okta or the network refused; 2: usage error; 130: stopped (state saved).",
    )
    logs.add_argument(
        "--since", type=moment, help="start: an ISO 8601 time with an offset, or an age (1h, 7d)"
    )
    logs.add_argument("--until", type=moment, help="end of the window (not with --follow; default now)")
    logs.add_argument(
        "--filter", metavar="EXPR", help="a SCIM filter, e.g. 'eventType eq \"user.session.start\"'"
    )
    logs.add_argument("--q", metavar="TEXT", help="keywords every event must contain")
    logs.add_argument(
        "--format", choices=("jsonl", "csv", "table"), default="jsonl", help="output (default jsonl)"
    )
    logs.add_argument(
        "--order",
        choices=("ascending", "descending"),
        default="ascending",
        help="window order (not --follow)",
    )
    logs.add_argument("--follow", action="store_true", help="keep reading new events until stopped")
    logs.add_argument("--state", metavar="FILE", help="with --follow: where to keep the position (resumes)")
    logs.add_argument(
        "--poll-interval", type=seconds, default=5.0, metavar="S", help="with --follow: seconds between polls"
    )
    logs.add_argument("--org-url", help="the org URL (default: OKTA_ORG_URL)")
    logs.set_defaults(handler=_logs)


def _check(args: argparse.Namespace) -> str | None:
    if args.follow and args.until:
        return "--until makes a window, which --follow never ends: leave one out"
    if args.follow and args.order == "descending":
        return "--follow reads in the order Okta stored the events: leave out --order descending"
    if args.state and not args.follow:
        return "--state keeps the position of --follow"
    return None


def _logs(args: argparse.Namespace) -> int:
    problem = _check(args)
    if problem:
        print(f"oktakit logs: {problem}", file=sys.stderr)
        return USAGE_ERROR
    stopped: list[int] = []
    try:
        asyncio.run(_run(args, stopped))
    except (InvalidArgumentError, JournalError) as error:
        print(printable(f"oktakit logs: {error}"), file=sys.stderr)
        return USAGE_ERROR
    except (KeyboardInterrupt, asyncio.CancelledError):
        stopped.append(signal.SIGINT)
    if stopped:
        saved = f"; the position is in {args.state}: run the same command to go on" if args.state else ""
        print(f"oktakit logs: stopped{saved}", file=sys.stderr)
        return TERMINATED if stopped[0] == signal.SIGTERM else INTERRUPTED
    return 0


async def _run(args: argparse.Namespace, stopped: list[int]) -> None:
    from oktakit.client import OktaClient

    write = _writer(args.format, sys.stdout)
    with _signals_cancel(asyncio.current_task(), stopped):
        async with OktaClient.from_env(args.org_url) as okta:
            if not args.follow:
                async for event in okta.list_log_events(
                    since=args.since, until=args.until, filter=args.filter, q=args.q, sort_order=args.order
                ):
                    write(event)
                return
            follower = okta.tail_log_events(
                filter=args.filter,
                q=args.q,
                since=args.since,
                state=args.state,
                poll_interval=args.poll_interval,
                max_poll_interval=max(60.0, args.poll_interval),
            )
            async with follower:
                async for event in follower:
                    write(event)
                    sys.stdout.flush()  # a reader downstream sees each event as it comes


@contextlib.contextmanager
def _signals_cancel(task: asyncio.Task[Any] | None, stopped: list[int]) -> Iterator[None]:
    """Ctrl-C and SIGTERM cancel the run in the event loop, so the follower closes its state
    file before the process exits (asyncio's own handler would raise anywhere)."""
    loop = asyncio.get_running_loop()
    installed = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            if task is None:
                raise RuntimeError("no task to cancel")
            loop.add_signal_handler(signum, _stop, task, stopped, signum)
            installed.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            pass
    try:
        yield
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)


def _stop(task: asyncio.Task[Any], stopped: list[int], signum: int) -> None:
    stopped.append(signum)
    task.cancel()


def _writer(kind: str, out: TextIO) -> Callable[[LogEvent], None]:
    from oktakit.logs import _export

    if kind == "jsonl":

        def line(event: LogEvent) -> None:
            out.write(_export.jsonl_line(event))

        return line
    if kind == "csv":
        return _export.csv_writer(out, clean=printable)
    print("  ".join(title.ljust(width) for title, width, _ in _TABLE).rstrip(), file=out)

    def row(event: LogEvent) -> None:
        flat = _export.flatten(event)
        cells = [_cell(flat[column], width) for _, width, column in _TABLE]
        print("  ".join(cells).rstrip(), file=out)

    return row


def _cell(value: Any, width: int) -> str:
    if isinstance(value, datetime):
        from oktakit.logs._arguments import wire_time

        value = wire_time(value)
    return printable("" if value is None else str(value), width).ljust(width)

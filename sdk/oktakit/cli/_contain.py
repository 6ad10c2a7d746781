"""``oktakit contain``: the containment playbook over many users, from a shell.

It runs as ``oktakit bulk`` does (the same files' checks, journal, report, Ctrl-C and exit
status: 0 when every user's every step succeeded, was skipped or found no user; 1 when a step
failed; 2 for usage errors; 130 when interrupted) and undoes with ``oktakit bulk undo``.
"""

from __future__ import annotations

import argparse
from typing import Any

from oktakit.bulk._containment_report import ContainmentReport
from oktakit.bulk._playbook import STEP_NAMES, playbook_steps
from oktakit.errors import InvalidArgumentError

from ._bulk import _common, _ids, add_users_options, confirm, run_job


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "contain",
        help="contain compromised accounts: end sessions and tokens, revoke grants, reset factors, "
        "expire passwords, suspend",
        description="Runs okta.contain over the users: for each, the chosen steps in the order Okta "
        f"accepts them ({', '.join(STEP_NAMES)}). Credentials come from the environment as for "
        "oktakit bulk. Exit 0: every step done or skipped; 1: a step failed; 2: usage error. "
        "`oktakit bulk undo --journal FILE` unsuspends the users it suspended.",
    )
    add_users_options(parser)
    parser.add_argument(
        "--steps",
        type=_steps,
        metavar="STEP,...",
        help=f"some of {','.join(STEP_NAMES)} (default: all; always run in that order)",
    )
    _common(
        parser,
        report="write one row per user: its status, then each step's outcome",
        yes="do not ask before containing",
    )
    parser.set_defaults(handler=_contain, operation="contain")


def _steps(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    try:
        return [step.name for step in playbook_steps(names)]
    except InvalidArgumentError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes or args.dry_run:
        return True
    who = f"the users in {args.ids}" if args.ids else f"the users matching {args.search!r}"
    steps = ", ".join(args.steps or STEP_NAMES)
    question = (
        f"Contain {who} ({steps})? Only the suspension can be undone: sessions, tokens, grants, "
        "factors and password expiries stay. [y/N] "
    )
    return confirm("contain", args, question)


async def _command(args: argparse.Namespace) -> ContainmentReport:
    from oktakit.client import OktaClient

    async with OktaClient.from_env(args.org_url) as okta:
        users: Any = _ids(args.ids) if args.ids else okta.list_users(search=args.search)
        return await okta.contain(
            users,
            steps=args.steps,
            journal=args.journal,
            concurrency=args.concurrency,
            dry_run=args.dry_run,
            progress=not args.no_progress,
        )


def _show(report: ContainmentReport, args: argparse.Namespace) -> list[str]:
    """Print the plan of a dry run (a line per user: status, then each step's outcome); return
    the lines that report failures."""
    if args.dry_run:
        print("\t".join(("user", "status", *report.steps)))
        for row in report.rows():
            cells = [row.outcome(step) or "-" for step in report.steps]
            print("\t".join((row.item, row.status_before or "-", *cells)))
    return [
        f"  failed: {item}: {step}: {failure.type} {failure.message}"
        for item, failures in report.failed.items()
        for step, failure in failures.items()
    ]


def _contain(args: argparse.Namespace) -> int:
    return run_job("contain", args, _confirmed, _command, _show)

"""The ``oktakit`` command line: ``sim``, ``keys``, ``check``, ``permissions``, ``bulk``,
``contain`` and ``logs``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from oktakit._text import printable
from oktakit.errors import OktaError


def build_parser() -> argparse.ArgumentParser:
    # The command groups are imported when the command line is built: `import oktakit.cli` stays cheap.
    from oktakit._version import __version__

    from . import _bulk, _check, _contain, _keys, _logs, _permissions, _sim

    parser = argparse.ArgumentParser(prog="oktakit", description="oktakit: an asyncio SDK for Okta.")
    parser.add_argument("--version", action="version", version=f"oktakit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for group in (_sim, _check, _permissions, _keys, _bulk, _contain, _logs):
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        # The reader went away (`oktakit permissions ... | head`): stop quietly, and keep Python
        # from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OktaError as error:
        # Typed errors carry no secrets, and a traceback would not help the person at the prompt;
        # what a server said is shown without the escape sequences it may hold.
        print(printable(f"oktakit {args.command}: {type(error).__name__}: {error}"), file=sys.stderr)
        return 1

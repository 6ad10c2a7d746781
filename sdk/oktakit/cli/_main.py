"""The ``oktakit`` command line: ``sim``, ``keys``, ``check``, ``permissions``, ``users``, ``groups``,
``bulk``, ``contain`` and ``logs``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from oktakit._text import printable
from oktakit.errors import ConfigurationError, OAuthError, OktaError

from ._common import ENVIRONMENT, INTERRUPTED, USAGE_ERROR, HelpFormatter, command_logging, finish


def build_parser() -> argparse.ArgumentParser:
    # The command groups are imported when the command line is built: `import oktakit.cli` stays cheap.
    from oktakit._version import __version__

    from . import _bulk, _check, _contain, _directory, _keys, _logs, _permissions, _sim

    parser = argparse.ArgumentParser(
        prog="oktakit",
        description="oktakit: an asyncio SDK for Okta, and its command line. Every command reads the "
        "org and the credentials from the environment; `oktakit sim` serves a simulated org to try "
        "them on. `oktakit COMMAND --help` documents each command, its defaults and exit codes.",
        epilog=ENVIRONMENT,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"oktakit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (_sim, _check, _permissions, _keys, _directory, _bulk, _contain, _logs):
        group.add_commands(commands)
    finish(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with command_logging(args):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print(f"oktakit {args.command}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`oktakit permissions ... | head`): stop quietly, and keep Python
        # from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OktaError as error:
        # Typed errors carry no secrets, and a traceback would not help the person at the prompt;
        # what a server said is shown without the escape sequences it may hold.
        print(printable(f"oktakit {args.command}: {error_line(error)}"), file=sys.stderr)
        # A setting the person can fix (not Okta's refusal of a credential) is a usage error.
        usage = isinstance(error, ConfigurationError) and not isinstance(error, OAuthError)
        return USAGE_ERROR if usage else 1


def error_line(error: OktaError) -> str:
    """``Type: message``, and how many attempts were made when there was more than one."""
    line = f"{type(error).__name__}: {error}"
    if error.attempts > 1 or error.stop_reason not in (None, "not retryable"):
        noun = "attempt" if error.attempts == 1 else "attempts"
        line += f" (gave up after {error.attempts} {noun}: {error.stop_reason})"
    return line

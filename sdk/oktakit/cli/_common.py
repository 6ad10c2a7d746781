"""What every ``oktakit`` command shares: help that shows defaults and exit codes, ``-v``/``-q``,
and where log records go.

The options and the exit-code table are added to every command by ``finish`` (called once the
command groups have added theirs), so a new command cannot miss them. A command that means
something of its own by an exit status says so with ``parser.set_defaults(exit_codes={...})``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

USAGE_ERROR = 2
INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C

#: Exit statuses every command uses; a command may reword them (``exit_codes`` default).
EXIT_CODES: Mapping[int, str] = {
    0: "done",
    1: "Okta or the network refused (the message says why and after how many attempts)",
    2: "usage error (bad arguments, a file that cannot be used, a missing setting)",
    130: "interrupted by Ctrl-C",
}

_LOGGER = "oktakit"
_NO_DEFAULT: tuple[object, ...] = (None, False, argparse.SUPPRESS)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with ``(default: X)`` after an option whose help does not state it, and
    descriptions and epilogs wrapped paragraph by paragraph (an indented line, an example or a
    table row, is kept as it is)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line.startswith(" ") for line in lines[1:]) or paragraph.startswith(" "):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(
                    textwrap.fill(" ".join(lines), width, initial_indent=indent, subsequent_indent=indent)
                )
        return "\n\n".join(paragraphs)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        # Identity, not equality: a default of 0 is worth showing (0 == False).
        shown = all(action.default is not none for none in _NO_DEFAULT) and action.option_strings
        if shown and "(default" not in text and not isinstance(action, _COUNTS):
            default = action.default
            if isinstance(default, float) and default.is_integer():
                default = int(default)
            if default != []:
                text += f" (default: {default})"
        return text.replace("%", "%%") if "%(" not in text else text


_COUNTS = (argparse._CountAction, argparse._StoreConstAction)


def finish(parser: argparse.ArgumentParser) -> None:
    """Give every command (the leaves of the parser tree) ``-v``/``-q``, the help formatter and
    its exit codes."""
    for command in _leaves(parser):
        command.formatter_class = HelpFormatter
        verbosity = command.add_mutually_exclusive_group()
        verbosity.add_argument(
            "-v",
            "--verbose",
            action="count",
            default=0,
            help="say more on stderr: -v one line per retry and per rate-limit wait, -vv the "
            "library's debug records too (default: warnings and errors)",
        )
        verbosity.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="errors only: no progress bar, no warnings, no retry lines (the result is still printed)",
        )
        codes = {**EXIT_CODES, **(command.get_default("exit_codes") or {})}
        table = "\n".join(
            textwrap.fill(meaning, 79, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
            for code, meaning in sorted(codes.items())
        )
        epilog = f"{command.epilog}\n\n" if command.epilog else ""
        command.epilog = f"{epilog}exit status:\n{table}"


def _leaves(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    parser.formatter_class = HelpFormatter
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield parser
        return
    seen: set[int] = set()
    for group in groups:
        for child in group.choices.values():
            if id(child) not in seen:  # aliases share a parser
                seen.add(id(child))
                yield from _leaves(child)


@contextlib.contextmanager
def command_logging(args: argparse.Namespace) -> Iterator[None]:
    """``configure_logging`` for the length of a command; the logger and stamina's hooks are
    as they were afterwards (``main()`` also runs inside other programs and their tests)."""
    logger = logging.getLogger(_LOGGER)
    saved = (logger.level, logger.propagate, list(logger.handlers))
    hooks = _stamina_hooks()
    try:
        configure_logging(args)
        yield
    finally:
        logger.handlers[:] = saved[2]
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if hooks is not None:
            import stamina

            stamina.instrumentation.set_on_retry_hooks(hooks)


def _stamina_hooks() -> list[Any] | None:
    try:
        import stamina
    except ImportError:
        return None
    return list(stamina.instrumentation.get_on_retry_hooks())


def configure_logging(args: argparse.Namespace) -> None:
    """Send the ``oktakit`` logger's records to stderr, at the level ``-v``/``-q`` ask for.

    The command line is an application: it configures logging; the library never does.
    """
    from ._notices import Notices

    verbose = getattr(args, "verbose", 0)
    # The retry and wait records are debug records: the logger lets them through and the
    # handler's filter (``Notices``) decides what is shown.
    level = logging.ERROR if getattr(args, "quiet", False) else logging.DEBUG
    logger = logging.getLogger(_LOGGER)
    for handler in list(logger.handlers):
        if getattr(handler, "_oktakit_cli", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler.addFilter(Notices(verbose))
    handler._oktakit_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False  # one line per record, whatever the root logger holds
    _no_stamina_lines()


def _no_stamina_lines() -> None:
    """stamina's default on-retry hook logs a bare ``stamina.retry_scheduled`` warning, which a
    terminal without logging configured shows as is; the command line says it in words."""
    try:
        import stamina
    except ImportError:
        return
    stamina.instrumentation.set_on_retry_hooks([])


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        from oktakit._text import printable

        text = printable(record.getMessage())
        if record.levelno >= logging.WARNING:
            return f"oktakit: {record.levelname.lower()}: {text}"
        return f"oktakit: {text}"


def quiet(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "quiet", False))


@contextlib.contextmanager
def log_beside_progress(enabled: bool) -> Iterator[None]:
    """While a tqdm bar is shown, log lines are written above it (tqdm's logging redirect)
    instead of running into it."""
    if not enabled:
        yield
        return
    # tqdm ships no type stubs: imported by name, as the bulk executor imports its bar.
    redirect = importlib.import_module("tqdm.contrib.logging").logging_redirect_tqdm
    with redirect(loggers=[logging.getLogger(_LOGGER)]):
        yield


#: Every environment variable the commands read (``oktakit check --help`` and ``oktakit --help``).
ENVIRONMENT = """environment (oktakit's names first; without them, the official Okta SDK's):
  OKTA_ORG_URL                 the org, e.g. https://acme.okta.com
  OKTA_API_TOKEN               an API token (SSWS), used when OKTA_CLIENT_ID is not set
  OKTA_CLIENT_ID               a service app's client ID (OAuth 2.0, private-key JWT)
  OKTA_PRIVATE_KEY             its private key, PEM or JWK JSON (literal \\n newlines accepted)
  OKTA_PRIVATE_KEY_FILE        ... or the file that holds it
  OKTA_PRIVATE_KEY_PASSPHRASE  the passphrase of an encrypted PEM key
  OKTA_KEY_ID                  the key's kid, when the app has several keys
  OKTA_SCOPES                  the scopes to ask for, space- or comma-separated
  OKTA_DPOP                    true: DPoP-bound tokens (the app requires them)
  OKTA_AUDITOR_*               the same names: the credential check --operations reads roles with
  OKTA_CLIENT_ORGURL, OKTA_CLIENT_TOKEN, OKTA_CLIENT_AUTHORIZATIONMODE (SSWS or PrivateKey),
  OKTA_CLIENT_CLIENTID, OKTA_CLIENT_SCOPES, OKTA_CLIENT_PRIVATEKEY, OKTA_CLIENT_DPOPENABLED,
  ~/.okta/okta.yaml, ./okta.yaml
                               the official SDK's settings, read as it documents them
  HTTPS_PROXY, NO_PROXY        the proxy to reach the org through, and the hosts to reach directly"""


def add_org_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--org-url",
        metavar="URL",
        help="the org URL, e.g. https://acme.okta.com (default: OKTA_ORG_URL, or the official SDK's "
        "OKTA_CLIENT_ORGURL or okta.yaml)",
    )

"""What a new user reads: every command's help documents its options' defaults and the exit
codes 0, 1, 2 and 130; ``check --help`` lists every environment variable; an org URL without a
scheme suggests ``https://``; ``oktakit sim`` prints the ``export`` lines to paste."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from oktakit.cli._main import build_parser


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every runnable command (the leaves of the parser tree), as its words."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield path
        return
    for group in groups:
        for name, child in group.choices.items():
            yield from commands(child, (*path, name))


def leaf(words: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = build_parser()
    for word in words:
        group = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = group.choices[word]
    return parser


EVERY_COMMAND = sorted(commands(build_parser()))


def test_the_command_tree_holds_the_commands_a_shell_user_looks_for() -> None:
    for words in [("users", "list"), ("users", "get"), ("groups", "list"), ("groups", "members")]:
        assert words in EVERY_COMMAND


@pytest.mark.parametrize("words", EVERY_COMMAND, ids=" ".join)
def test_every_command_s_help_lists_the_exit_codes_and_each_option_s_default(words: tuple[str, ...]) -> None:
    parser = leaf(words)
    text = parser.format_help()

    codes = re.findall(r"^  (\d+) ", text.split("exit status:")[1], re.MULTILINE)
    assert ["0", "1", "2", "130"] == codes
    for action in parser._actions:
        has_default = action.default not in (None, False, [], argparse.SUPPRESS) and action.option_strings
        if has_default and not isinstance(action, argparse._CountAction):
            assert action.help, action.dest
            assert "default" in parser._get_formatter()._expand_help(action), action.dest
    assert "-q, --quiet" in text
    assert "-v, --verbose" in text


def test_check_help_lists_every_environment_variable() -> None:
    text = leaf(("check",)).format_help()

    # The names issue 20 found missing, and the rest from_env reads (README, "Service apps").
    for name in [
        "OKTA_ORG_URL",
        "OKTA_API_TOKEN",
        "OKTA_CLIENT_ID",
        "OKTA_PRIVATE_KEY",
        "OKTA_PRIVATE_KEY_FILE",
        "OKTA_PRIVATE_KEY_PASSPHRASE",
        "OKTA_KEY_ID",
        "OKTA_SCOPES",
        "OKTA_DPOP",
        "OKTA_CLIENT_ORGURL",
        "OKTA_CLIENT_TOKEN",
        "okta.yaml",
    ]:
        assert name in text, name


def test_an_org_url_without_a_scheme_suggests_https_and_is_a_usage_error() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OKTA_")}
    env.update(OKTA_ORG_URL="acme.okta.com", OKTA_API_TOKEN="00token", HOME="/nonexistent")

    result = subprocess.run(
        [sys.executable, "-m", "oktakit", "users", "get", "jane"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )

    assert 2 == result.returncode
    assert "https://acme.okta.com" in result.stderr
    assert "Traceback" not in result.stderr


def test_sim_prints_export_lines_that_point_oktakit_at_it() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "oktakit", "sim", "--port", "0", "--users", "3"],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        for line in proc.stdout or ():
            lines.append(line.strip())
            if line.startswith("Users:"):
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=30)

    url = next(line for line in lines if "listening on" in line).rsplit(" ", 1)[-1]
    token = next(line for line in lines if line.startswith("API token:")).split(": ", 1)[1]
    assert f"export OKTA_ORG_URL={url}" in lines
    assert f"export OKTA_API_TOKEN={token}" in lines

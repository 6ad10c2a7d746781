"""The CLI reference page is generated from the parser: every command and option is on it."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import re

import pytest

from oktakit.cli._main import build_parser
from tests._docs_pages import docs_hooks

from ._cookbook import ROOT

hooks = docs_hooks()


def _every_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _every_parser(child)
    return found


def test_every_command_has_a_section_with_every_option_its_help_shows() -> None:
    page = hooks.cli_reference(build_parser())

    for parser in _every_parser(build_parser()):
        assert f"`{parser.prog}`" in page, parser.prog
        # argparse's own help, an independent rendering, names the same options.
        options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", parser.format_help())) - {"--help"}
        missing = {option for option in options if f"`{option}" not in page and f", {option}" not in page}
        assert set() == missing, parser.prog


def test_the_commands_users_run_are_documented_with_their_usage_line() -> None:
    page = hooks.cli_reference(build_parser())

    for command in ("oktakit bulk suspend", "oktakit contain", "oktakit logs", "oktakit keys new"):
        assert f"`{command}`" in page
        assert f"usage: {command} " in page


def test_the_page_marker_is_replaced_and_a_page_without_it_is_left_alone() -> None:
    assert "plain text\n" == hooks.on_page_markdown("plain text\n")
    rendered = hooks.on_page_markdown(f"# CLI\n\n{hooks.MARKER}\n")
    assert hooks.MARKER not in rendered
    assert "### `oktakit sim`" in rendered


def test_a_table_marker_is_replaced_by_the_table_generated_from_the_spec() -> None:
    from oktakit.permissions import containment_table

    rendered = hooks.on_page_markdown("<!-- table: containment -->")

    assert containment_table().strip() == rendered


def test_the_generated_models_warning_is_the_only_one_dropped() -> None:
    dropped = hooks._GeneratedAttributes()

    def record(message: str) -> bool:
        return bool(dropped.filter(logging.makeLogRecord({"msg": message})))

    generated = "griffe: generated/oktakit_api/models/user.py:32: Failed to get 'name: description' pair"
    ours = "griffe: sdk/oktakit/client.py:32: Failed to get 'name: description' pair from 'x'"
    assert (False, True) == (record(generated), record(ours))


def test_doctest_lines_in_a_docstring_become_one_fenced_block_and_prose_stays() -> None:
    pytest.importorskip("griffe", reason="the docs' griffe extension needs the docs extra")
    spec = importlib.util.spec_from_file_location("griffe_doctest", ROOT / "tools" / "griffe_doctest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docstring = "A client.\n\n>>> okta = OktaClient(url)\n...     more\nThen prose.\n    >>> indented()"

    assert (
        "A client.\n\n```pycon\n>>> okta = OktaClient(url)\n...     more\n```\n\nThen prose.\n\n"
        "    ```pycon\n    >>> indented()\n    ```"
    ) == module.fence_doctests(docstring)
    assert "is an `oktakit.OktaClient` wired to it:\n\n    code" == module.markdown_docstring(
        "is an :class:`~oktakit.OktaClient` wired to it::\n\n    code"
    )

"""mkdocs hooks of the documentation site (``mkdocs.yml``: ``hooks:``), run by ``nox -s docs``.

- The CLI reference (``docs/cli.md``) is generated from the command line itself,
  ``oktakit.cli._main.build_parser``, where the page says ``<!-- cli-reference -->``: every
  command and subcommand with its usage line, description and options, so it cannot drift.
- The tables generated from the spec (tests/_docs_pages.py reads them as built)
  are generated again where a page says ``<!-- table: NAME -->``; see ``TABLES``.
- The generated models' docstrings name some attributes without a description (the spec has
  none for them); griffe's warning about each would fail ``mkdocs build --strict``. Only that
  warning, and only for ``generated/``, is dropped: any other docstring problem still fails.
"""

from __future__ import annotations

import argparse
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

MARKER = "<!-- cli-reference -->"
USAGE_WIDTH = 96  # the usage lines' width, fixed so the page does not depend on the terminal
_GENERATED_ATTRIBUTE = re.compile(r"\bgenerated/oktakit_api/models/.*Failed to get 'name: description' pair")


class _GeneratedAttributes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not _GENERATED_ATTRIBUTE.search(record.getMessage())


def on_startup(**_: Any) -> None:
    for name in ("mkdocs.plugins.griffe", "griffe"):
        logging.getLogger(name).addFilter(_GeneratedAttributes())


_TABLE = re.compile(r"<!-- table: (?P<name>[\w-]+) -->")


def _tables() -> dict[str, Callable[[], str]]:
    from oktakit import _spec_tables, permissions

    return {
        "least-privilege": permissions.markdown_table,
        "containment": permissions.containment_table,
        "standard-roles": _spec_tables.standard_roles_table,
        "rate-limits": _spec_tables.rate_limit_table,
        "retries": _spec_tables.retry_table,
    }


def on_page_markdown(markdown: str, **_: Any) -> str:
    if MARKER in markdown:
        from oktakit.cli._main import build_parser

        markdown = markdown.replace(MARKER, cli_reference(build_parser()))
    if _TABLE.search(markdown):
        tables = _tables()
        markdown = _TABLE.sub(lambda match: tables[match["name"]]().strip(), markdown)
    return markdown


def cli_reference(parser: argparse.ArgumentParser) -> str:
    """Markdown for every command of ``parser``: a heading, its help, usage and options."""
    sections = []
    for depth, summary, command in _commands(parser, 1, None):
        sections.append(_section(depth, summary, command))
    return "\n\n".join(sections) + "\n"


def _commands(
    parser: argparse.ArgumentParser, depth: int, summary: str | None
) -> Iterator[tuple[int, str | None, argparse.ArgumentParser]]:
    yield depth, summary, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, child in action.choices.items():
                yield from _commands(child, depth + 1, helps.get(name))


def _section(depth: int, summary: str | None, parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    lines = [f"{'#' * min(depth + 1, 4)} `{parser.prog}`", ""]
    for text in (summary, parser.description):
        if text:
            lines += [text, ""]
    lines += ["```text", formatter.format_help().strip(), "```", ""]
    rows = [_row(formatter, action) for action in parser._actions if _documented(action)]
    if rows:
        lines += ["| argument | meaning |", "|---|---|", *rows]
    return "\n".join(lines).rstrip()


def _documented(action: argparse.Action) -> bool:
    return not isinstance(action, argparse._HelpAction | argparse._SubParsersAction) and (
        action.help is not argparse.SUPPRESS
    )


def _row(formatter: argparse.HelpFormatter, action: argparse.Action) -> str:
    invocation = formatter._format_action_invocation(action)
    meaning = formatter._expand_help(action) if action.help else ""
    if action.choices is not None and not isinstance(action.choices, dict) and "{" not in invocation:
        listed = ", ".join(f"`{choice}`" for choice in action.choices)
        meaning = f"{meaning} (one of {listed})" if meaning else f"one of {listed}"
    return f"| `{_cell(invocation)}` | {_cell(meaning)} |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")

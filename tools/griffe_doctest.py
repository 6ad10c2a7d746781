"""A griffe extension for the docs site (``mkdocs.yml``): doctest examples in docstrings are shown
as code.

oktakit's docstrings show usage as ``>>>`` lines, which Markdown would render as nested block
quotes. Each run of ``>>>``/``...`` lines becomes a fenced ``pycon`` block. A few docstrings
use reStructuredText's literal marker (``text::`` before an indented block, which Markdown shows
as code already) and roles (``:class:`~oktakit.OktaClient```): the marker becomes ``:`` and a
role its name in code. The docstrings stay as they are for ``help()`` and editors.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """``text`` with each run of ``>>>`` lines (and their ``...`` continuations) fenced."""
    lines = text.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not lines[index].lstrip().startswith(">>>"):
            out.append(lines[index])
            index += 1
            continue
        start = index
        index += 1
        while index < len(lines) and lines[index].lstrip().startswith((">>>", "...")):
            index += 1
        run = textwrap.dedent("\n".join(lines[start:index]))
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        block = ["```pycon", *run.splitlines(), "```"]
        if out and out[-1].strip():
            out.append("")
        out += [indent + line if line else line for line in block]
        if index < len(lines) and lines[index].strip():
            out.append("")
    return "\n".join(out)


_ROLE = re.compile(r":(?:class|func|meth|attr|mod|exc|data|obj):`~?(?P<name>[\w.]+)`")
_LITERAL_MARKER = re.compile(r"(?<=\S)::$", re.MULTILINE)


def markdown_docstring(text: str) -> str:
    """``text`` with doctests fenced, reST roles as code and literal markers as colons."""
    text = _ROLE.sub(lambda role: f"`{role['name']}`", text)
    return fence_doctests(_LITERAL_MARKER.sub(":", text))


class DoctestFences(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)

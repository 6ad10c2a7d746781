"""A griffe extension for the docs site (``mkdocs.yml``): doctest examples in docstrings are shown
as code.

oktakit's docstrings show usage as ``>>>`` lines, which Markdown would render as nested block
quotes. Each run of ``>>>``/``...`` lines becomes a fenced ``pycon`` block; the docstrings stay
as they are for ``help()`` and editors.
"""

from __future__ import annotations

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


class DoctestFences(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)

"""The docs pages as the site shows them: a page's Markdown after the site's hooks
(``tools/docs_hooks.py``) replaced its ``<!-- table: NAME -->`` markers with the tables
generated from ``okta_spec/``. The tests of those tables read them here, where users read them."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@functools.cache
def docs_hooks() -> ModuleType:
    """tools/docs_hooks.py, the site's mkdocs hooks, as a module."""
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "tools" / "docs_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_source(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def rendered_page(page: str) -> str:
    """``docs/PAGE`` as mkdocs builds it (its generated tables in place)."""
    return str(docs_hooks().on_page_markdown(page_source(page)))


def table_on_page(page: str, name: str) -> str:
    """The table ``<!-- table: NAME -->`` stands for on ``docs/PAGE``, as the built page shows it:
    the marker must be on the page, alone on its line, and the table is what replaced it."""
    hooks = docs_hooks()
    source = page_source(page)
    marker = f"<!-- table: {name} -->"
    assert f"\n{marker}\n" in source, f"docs/{page} has no {marker} line"
    before, after = source.split(marker)  # once on the page
    rendered = str(hooks.on_page_markdown(source))
    head, tail = str(hooks.on_page_markdown(before)), str(hooks.on_page_markdown(after))
    assert rendered.startswith(head)
    assert rendered.endswith(tail)
    return rendered[len(head) : len(rendered) - len(tail)]

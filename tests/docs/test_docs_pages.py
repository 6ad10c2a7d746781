"""The docs pages: every page in the nav exists, every Python block is valid Python once
extracted (mypy checks them in `nox -s typecheck_user_code`), and every cookbook program is
shown whole on a page and run by a test."""

from __future__ import annotations

import re

import yaml

from tests.typing.readme_blocks import SNIPPET, readme_blocks

from ._cookbook import COOKBOOK, ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def _nav_pages(node: object) -> list[str]:
    if isinstance(node, str):
        return [node] if node.endswith(".md") else []
    if isinstance(node, dict):
        return [page for value in node.values() for page in _nav_pages(value)]
    if isinstance(node, list):
        return [page for item in node for page in _nav_pages(item)]
    return []


def _config() -> dict[str, object]:
    # mkdocs.yml is plain YAML (no !!python tags), so the safe loader reads it.
    loaded = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_every_page_is_in_the_nav_and_every_nav_entry_is_a_page() -> None:
    nav = _nav_pages(_config()["nav"])

    assert sorted(str(p.relative_to(DOCS)) for p in PAGES) == sorted(nav)


def test_every_python_block_of_every_page_is_valid_python_once_extracted() -> None:
    count = 0
    for page in PAGES:
        for line, source in readme_blocks(page.read_text(encoding="utf-8"), str(page)):
            compile(source, f"{page} line {line}", "exec")
            count += 1
    assert count > 20


def test_every_cookbook_program_is_shown_whole_on_a_page_and_run_by_a_test() -> None:
    included = {
        match["path"]
        for page in PAGES
        for match in map(SNIPPET.match, page.read_text(encoding="utf-8").splitlines())
        if match
    }
    tests = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "docs").glob("test_*.py"))

    programs = sorted(COOKBOOK.glob("*.py"))
    assert programs
    for program in programs:
        assert f"docs/cookbook/{program.name}" in included, program.name
        assert re.search(rf'load\("{program.stem}"\)', tests), program.name


def test_a_snippet_line_in_a_block_is_replaced_by_the_file_it_names(monkeypatch: object) -> None:
    page = '```python\n--8<-- "docs/cookbook/replicas_budget.py"\n```\n'

    import os

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        [(_, source)] = readme_blocks(page, "page.md")
    finally:
        os.chdir(old)

    assert source == "# page.md line 1\n" + (COOKBOOK / "replicas_budget.py").read_text(encoding="utf-8")

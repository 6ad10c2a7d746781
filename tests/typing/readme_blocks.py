"""Extract the ```python blocks of the README and the docs into modules that mypy can check
(``nox -s typecheck_user_code``).

Usage: ``python tests/typing/readme_blocks.py README.md [docs/page.md ...] OUT_DIR``; writes
``OUT_DIR/readme_line_N.py`` for the README's block that starts on line N, and
``OUT_DIR/docs_page_line_N.py`` for a docs page's.

A block is checked as a complete module, as a user would paste it. A block that is a fragment
(top-level ``await``/``async with``, or names it does not define) says so on the line right
before its fence, invisibly on GitHub, naming its placeholders with their types::

    <!-- fragment: token: str, user_id: str -->
    ```python
    async with OktaClient(url, auth=ApiToken(token)) as okta: ...
    ```

and is checked as the body of ``async def _fragment(token: str, user_id: str) -> None``, in a
module that has done ``from oktakit import *`` and imported ``OktaSimulator`` (so placeholders
can be typed ``okta: OktaClient`` or ``sim: OktaSimulator``).

A docs block may show a whole file with the snippets extension: its only line is
``--8<-- "docs/cookbook/program.py"``, and the file's text is what is checked (paths are
relative to the current directory, the repository's root, as mkdocs reads them).
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

FENCE = re.compile(r"^```python\s*$")
MARKER = re.compile(r"^<!--\s*fragment:(?P<params>.*?)-->\s*$")
SNIPPET = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')


def readme_blocks(markdown: str, source: str = "README.md") -> list[tuple[int, str]]:
    """Each ```python block as ``(line of its fence, module source)``, fragments wrapped and
    snippet lines replaced by the file they name."""
    lines = markdown.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        if not FENCE.match(lines[index]):
            index += 1
            continue
        start = index
        end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "```"), None)
        if end is None:
            raise ValueError(f"{source} line {start + 1}: the ```python block is never closed")
        body = "".join(_expand(line) for line in lines[start + 1 : end])
        marker = MARKER.match(lines[start - 1]) if start else None
        header = f"# {source} line {start + 1}\n"
        if marker:
            params = marker["params"].strip()
            source_code = (
                f"{header}from oktakit import *  # noqa: F403\n"
                "from oktakit.testing import OktaSimulator\n\n\n"
                f"async def _fragment({params}) -> None:\n{textwrap.indent(body, '    ')}"
            )
        else:
            source_code = header + body
        blocks.append((start + 1, source_code))
        index = end + 1
    return blocks


def _expand(line: str) -> str:
    snippet = SNIPPET.match(line)
    if snippet is None:
        return line + "\n"
    return Path(snippet["path"]).read_text(encoding="utf-8")


def module_stem(markdown_path: Path) -> str:
    """``readme`` for a README, else the path's words joined by ``_`` (``docs_system_log``)."""
    if markdown_path.name == "README.md":
        return "readme"
    try:
        relative = markdown_path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        relative = Path(markdown_path.name)
    return re.sub(r"\W+", "_", str(relative.with_suffix(""))).strip("_").lower()


def main(*arguments: str) -> int:
    *markdown_files, out_dir = arguments
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for markdown in map(Path, markdown_files):
        stem = module_stem(markdown)
        for line, source in readme_blocks(markdown.read_text(encoding="utf-8"), str(markdown)):
            (out / f"{stem}_line_{line}.py").write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

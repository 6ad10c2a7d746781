"""Extract the README's ```python blocks into modules that mypy can check (``nox -s typecheck_user_code``).

Usage: ``python tests/typing/readme_blocks.py README.md OUT_DIR``; writes ``OUT_DIR/readme_line_N.py``
for the block that starts on README line N.

A block is checked as a complete module, as a user would paste it. A block that is a fragment
(top-level ``await``/``async with``, or names it does not define) says so on the line right
before its fence, invisibly on GitHub, naming its placeholders with their types::

    <!-- fragment: token: str, user_id: str -->
    ```python
    async with OktaClient(url, auth=ApiToken(token)) as okta: ...
    ```

and is checked as the body of ``async def _fragment(token: str, user_id: str) -> None``, in a
module that has done ``from oktakit import *`` (so placeholders can be typed ``okta: OktaClient``).
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

FENCE = re.compile(r"^```python\s*$")
MARKER = re.compile(r"^<!--\s*fragment:(?P<params>.*?)-->\s*$")


def readme_blocks(markdown: str) -> list[tuple[int, str]]:
    """Each ```python block as ``(line of its fence, module source)``, fragments wrapped."""
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
            raise ValueError(f"README line {start + 1}: the ```python block is never closed")
        body = "\n".join(lines[start + 1 : end]) + "\n"
        marker = MARKER.match(lines[start - 1]) if start else None
        header = f"# README.md line {start + 1}\n"
        if marker:
            params = marker["params"].strip()
            source = (
                f"{header}from oktakit import *  # noqa: F403\n\n\n"
                f"async def _fragment({params}) -> None:\n{textwrap.indent(body, '    ')}"
            )
        else:
            source = header + body
        blocks.append((start + 1, source))
        index = end + 1
    return blocks


def main(readme: str, out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for line, source in readme_blocks(Path(readme).read_text(encoding="utf-8")):
        (out / f"readme_line_{line}.py").write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

"""The README's Python blocks reach mypy whole: complete blocks as written, fragments wrapped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.typing.readme_blocks import main, readme_blocks

README = Path(__file__).resolve().parents[2] / "README.md"

SAMPLE = """# Title

```bash
pip install oktakit
```

```python
import asyncio
print("complete")
```

<!-- fragment: token: str, user_id: str -->
```python
async with connect(token) as okta:

    await okta.get_user(user_id)
```

```toml
[tool.pytest.ini_options]
```
"""


def test_a_complete_block_is_a_module_as_written_and_other_languages_are_left_out() -> None:
    blocks = readme_blocks(SAMPLE)

    assert [7, 13] == [line for line, _ in blocks]
    assert '# README.md line 7\nimport asyncio\nprint("complete")\n' == blocks[0][1]


def test_a_fragment_is_wrapped_in_a_coroutine_taking_its_placeholders() -> None:
    _, source = readme_blocks(SAMPLE)[1]

    expected = (
        "# README.md line 13\n"
        "from oktakit import *  # noqa: F403\n"
        "from oktakit.testing import OktaSimulator\n\n\n"
        "async def _fragment(token: str, user_id: str) -> None:\n"
        "    async with connect(token) as okta:\n"
        "\n"
        "        await okta.get_user(user_id)\n"
    )
    assert expected == source
    compile(source, "fragment", "exec")


def test_an_unclosed_block_names_its_line() -> None:
    with pytest.raises(ValueError, match=r"README\.md line 2"):
        readme_blocks("text\n```python\nprint(1)\n")


def test_main_writes_one_module_per_block_named_by_its_line(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(SAMPLE)

    assert 0 == main(str(readme), str(tmp_path / "out"))

    assert ["readme_line_13.py", "readme_line_7.py"] == sorted(p.name for p in (tmp_path / "out").iterdir())


def test_every_python_block_of_our_readme_is_valid_python_once_extracted() -> None:
    blocks = readme_blocks(README.read_text(encoding="utf-8"))

    assert blocks, "the README has no Python blocks"
    for line, source in blocks:
        compile(source, f"README.md line {line}", "exec")  # top-level await is an error here


def test_main_takes_several_pages_and_names_a_docs_page_s_modules_by_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text(SAMPLE)
    (tmp_path / "docs" / "cookbook").mkdir(parents=True)
    (tmp_path / "docs" / "cookbook" / "fast-api.md").write_text("```python\nprint(2)\n```\n")

    assert 0 == main("README.md", "docs/cookbook/fast-api.md", "out")

    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert ["docs_cookbook_fast_api_line_1.py", "readme_line_13.py", "readme_line_7.py"] == names
    assert (
        "# docs/cookbook/fast-api.md line 1\nprint(2)\n"
        == (tmp_path / "out" / "docs_cookbook_fast_api_line_1.py").read_text()
    )

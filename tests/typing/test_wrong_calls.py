"""Typed to the wire: inside ``sdk/``, a wrong call to an operation fails ``mypy --strict``.

The registry's ``Operation[P, R]`` carries each generated builder's parameters and result, and
``ClientCore._call``/``_list`` take ``P.args``/``P.kwargs``: so a misspelt keyword, a value of the
wrong type or a result read as the wrong model is a type error where the method is written,
not a surprise on the wire. The check runs mypy (the project's own settings) on a copy of
``sdk/`` with one module added: each line marked ``# wrong: CODE`` must be reported with that
error code, and each line marked ``# right`` must not be reported at all, so a registry that
lost its types (``Callable[..., Any]``) or a checker that reports everything both fail it.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CALLS = '''\
"""Calls a maintainer might write in a client method, some wrong."""

from __future__ import annotations

from collections.abc import AsyncIterator

from oktakit._client_core import ClientCore
from oktakit.models import Group, User
from oktakit_api import operations as ops
from oktakit_api.operations import ApiRequest


async def calls(core: ClientCore) -> None:
    user: User = await core._call(ops.GET_USER, "00u1")  # right
    await core._call(ops.SUSPEND_USER, "00u1")  # right
    await core._call(ops.SUSPEND_USER, 42)  # wrong: arg-type
    await core._call(ops.SUSPEND_USER, "00u1", bogus=1)  # wrong: call-arg
    group: Group = await core._call(ops.GET_USER, "00u1")  # wrong: arg-type
    request: ApiRequest = ops.LIST_USERS.build_request(filter_="status eq \\"ACTIVE\\"")  # right
    ops.LIST_USERS.build_request(filtr="status eq \\"ACTIVE\\"")  # wrong: call-arg
    ops.LIST_USERS.build_request(limit="200")  # wrong: arg-type
    users: AsyncIterator[User] = core._list(ops.LIST_USERS, limit=200)  # right
    groups: AsyncIterator[Group] = core._list(ops.LIST_USERS, limit=200)  # wrong: arg-type
    print(user, group, request, users, groups)
'''


def _marks(source: str) -> tuple[dict[int, str], set[int]]:
    wrong, right = {}, set()
    for number, line in enumerate(source.splitlines(), start=1):
        if match := re.search(r"# wrong: ([a-z-]+)$", line):
            wrong[number] = match.group(1)
        elif line.endswith("# right"):
            right.add(number)
    return wrong, right


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_reports_each_wrong_call_inside_sdk_and_no_right_one(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "sdk", tmp_path / "sdk", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "generated").symlink_to(ROOT / "generated")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "sdk" / "oktakit" / "_wrong_calls.py").write_text(CALLS, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--show-error-codes", "--no-pretty"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )

    reported: dict[int, set[str]] = {}
    for line in result.stdout.splitlines():
        if match := re.match(r"sdk/oktakit/_wrong_calls\.py:(\d+): error: .*\[([a-z-]+)\]$", line):
            reported.setdefault(int(match.group(1)), set()).add(match.group(2))
    wrong, right = _marks(CALLS)
    assert wrong, "the snippet marks its wrong calls"
    assert {number: {code} for number, code in wrong.items()} == {
        number: reported.get(number, set()) for number in wrong
    }, result.stdout
    assert set() == right & set(reported), result.stdout
    # Nothing else in the copy is reported: the errors are the wrong calls', not the setup's.
    others = [
        line for line in result.stdout.splitlines() if ": error:" in line and "_wrong_calls" not in line
    ]
    assert [] == others

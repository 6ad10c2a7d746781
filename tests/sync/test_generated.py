"""The blocking client cannot drift from the async one: same members, same signatures, and the
generated module is what tools/generate_sync.py writes today."""

from __future__ import annotations

import importlib.util
import inspect
import re
import typing
from pathlib import Path

import pytest

from oktakit.client import OktaClient as AsyncOktaClient
from oktakit.sync import OktaClient

ROOT = Path(__file__).resolve().parents[2]
#: The lifetime has a blocking shape of its own: async name -> blocking name.
LIFETIME = {"__aenter__": "__enter__", "__aexit__": "__exit__", "close": "close"}


def _public(cls: type) -> set[str]:
    return {n for n in dir(cls) if not n.startswith("_")}


def _blocking(annotation: object) -> object:
    if isinstance(annotation, str):
        return re.sub(r"\bAsyncIterator\[", "PageIterator[", annotation)
    return annotation


def _shape(function: typing.Any) -> list[tuple[str, object, object, object]]:
    return [
        (p.name, p.kind, p.default, _blocking(p.annotation))
        for p in inspect.signature(function).parameters.values()
    ]


def test_the_blocking_client_has_every_public_member_of_the_async_one_and_no_other() -> None:
    assert _public(AsyncOktaClient) == _public(OktaClient)


@pytest.mark.parametrize("name", sorted(_public(AsyncOktaClient) | {"__init__"}))
def test_each_blocking_method_takes_the_async_methods_parameters(name: str) -> None:
    mine, theirs = inspect.getattr_static(OktaClient, name), inspect.getattr_static(AsyncOktaClient, name)
    if isinstance(theirs, property):
        assert isinstance(mine, property)
        returns = inspect.signature(theirs.fget).return_annotation
        assert inspect.signature(mine.fget).return_annotation == returns
        return
    if isinstance(theirs, classmethod):
        assert isinstance(mine, classmethod)
        mine, theirs = mine.__func__, theirs.__func__
    assert _shape(mine) == _shape(theirs)
    returns = inspect.signature(theirs).return_annotation
    if returns == "LogFollower":  # the blocking follower, of the same name
        assert inspect.signature(mine).return_annotation == "LogFollower"
    else:
        assert inspect.signature(mine).return_annotation == _blocking(returns)
    overloads = [_shape(o) for o in typing.get_overloads(theirs)]
    assert [_shape(o) for o in typing.get_overloads(mine)] == overloads
    assert inspect.iscoroutinefunction(mine) is False


def test_the_lifetime_methods_block_where_the_async_ones_await() -> None:
    for theirs, mine in LIFETIME.items():
        assert inspect.iscoroutinefunction(getattr(AsyncOktaClient, theirs))
        assert callable(getattr(OktaClient, mine))
        assert not inspect.iscoroutinefunction(getattr(OktaClient, mine))


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="the generator formats with ruff")
def test_the_generated_module_is_what_the_generator_writes_now() -> None:
    spec = importlib.util.spec_from_file_location("generate_sync", ROOT / "tools" / "generate_sync.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    written = (ROOT / "sdk" / "oktakit" / "sync" / "_client.py").read_text(encoding="utf-8")
    assert generator.generate() == written, "run: python tools/generate_sync.py"

"""Every generated method hands each of its arguments, unchanged, to the async method of the
same name, and returns what that gives (through the loop, an iterator or a follower)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from typing import Any

import pytest

from oktakit import ApiToken
from oktakit.client import OktaClient as AsyncOktaClient
from oktakit.sync import LogFollower, OktaClient, PageIterator

ORG = "https://acme.okta.com"
METHODS = sorted(
    name
    for name, member in vars(OktaClient).items()
    if not name.startswith("_") and inspect.isfunction(member) and name != "close"
)


class Answer:
    """A result nothing else could produce (weakly referable, as a log follower is)."""


class Recorder:
    """Stands in for the async client: records the call and answers in the method's shape."""

    def __init__(self, shape: str) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.shape = shape
        self.answer = Answer()

    def __getattr__(self, name: str) -> Any:
        def method(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            if self.shape == "coroutine":
                return self._coroutine()
            if self.shape == "iterator":
                return self._items()
            return self.answer  # a follower

        return method

    async def _coroutine(self) -> object:
        return self.answer

    async def _items(self) -> AsyncIterator[object]:
        yield self.answer


def _shape(name: str) -> str:
    theirs = getattr(AsyncOktaClient, name)
    if inspect.iscoroutinefunction(theirs):
        return "coroutine"
    returns = inspect.signature(theirs).return_annotation
    return "follower" if returns == "LogFollower" else "iterator"


@pytest.mark.parametrize("name", METHODS)
def test_each_method_forwards_every_argument_unchanged(name: str) -> None:
    okta = OktaClient(ORG, auth=ApiToken("00-test-token-abcdefghijklmnopqrstuvwxyz"))
    recorder = Recorder(_shape(name))
    okta._async = recorder  # type: ignore[assignment]
    given: dict[str, Any] = {}
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in list(inspect.signature(getattr(OktaClient, name)).parameters.values())[1:]:
        value = given[parameter.name] = object()  # a distinct value each, nothing to convert
        if parameter.kind is parameter.POSITIONAL_OR_KEYWORD:
            args.append(value)
        elif parameter.kind is parameter.VAR_KEYWORD:
            kwargs["concurrency"] = given.pop(parameter.name)  # one of the **options
            given["concurrency"] = kwargs["concurrency"]
        else:
            kwargs[parameter.name] = value
    try:
        result = getattr(okta, name)(*args, **kwargs)
        if recorder.shape == "iterator":
            assert isinstance(result, PageIterator)
            assert list(result) == [recorder.answer]
        elif recorder.shape == "follower":
            assert isinstance(result, LogFollower)
            assert result._follower is recorder.answer
        elif inspect.signature(getattr(AsyncOktaClient, name)).return_annotation == "None":
            assert result is None
        else:
            assert result is recorder.answer
    finally:
        okta._portal.stop()
    [(called, called_args, called_kwargs)] = recorder.calls
    assert called == name
    bound = inspect.signature(getattr(AsyncOktaClient, name)).bind(None, *called_args, **called_kwargs)
    received = dict(bound.arguments)
    received.pop("self")
    received.update(received.pop("options", {}))
    assert received == given


@pytest.mark.parametrize("name", ["__init__", "from_env"])
def test_the_constructors_forward_every_argument_of_the_async_ones(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import oktakit.sync._client as generated

    received: dict[str, Any] = {}

    class Built:
        org_url = ORG

    class FakeAsyncClient:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            received.update(inspect.signature(AsyncOktaClient).bind(*args, **kwargs).arguments)

        @classmethod
        def from_env(cls, *args: Any, **kwargs: Any) -> Built:
            signature = inspect.signature(AsyncOktaClient.from_env)
            received.update(signature.bind(*args, **kwargs).arguments)
            return Built()

        org_url = ORG

    monkeypatch.setattr(generated, "_AsyncOktaClient", FakeAsyncClient)
    theirs = AsyncOktaClient.from_env if name == "from_env" else AsyncOktaClient
    given = {p: object() for p in inspect.signature(theirs).parameters}
    if name == "from_env":
        OktaClient.from_env(**given)
    else:
        OktaClient(**given)
    assert received == given

"""Hypothesis strategies for the hardening tests, kept in one place, and the secret-graph walker.

Example counts are sized for CI on two cores: ``EXAMPLES`` per entry point (a few
milliseconds each, no network), ``PER_OPERATION`` for each of the client's 17 operations,
``FEW`` where an example writes a file and runs a command.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests._secrets import exception_chain

EXAMPLES = 80
PER_OPERATION = 20  # x 17 operations
FEW = 40

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,  # CI machines are shared: no per-example time limit
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no .hypothesis folder in the repository
)
few = settings(fuzz, max_examples=FEW)
per_operation = settings(fuzz, max_examples=PER_OPERATION)

# Text as users and environments produce it, plus what they should not: lone surrogates
# (Cs), control characters, NUL, non-ASCII letters, very long runs.
any_text = st.text(st.characters(exclude_categories=()), max_size=40)
hostile_text = st.one_of(
    any_text,
    st.sampled_from(["", " ", ".", "..", "\udc80", "a\ud800b", "\x00", "\r\n", "é", "\u2028", "~", "%2F"]),
    st.text(st.sampled_from("a/.%?#&=+ \udc80\x00\nü"), max_size=12),
)
numbers = st.one_of(
    st.integers(), st.integers(min_value=-(10**400), max_value=10**400), st.floats(allow_nan=True)
)
json_scalars = st.one_of(st.none(), st.booleans(), numbers, hostile_text)
anything = st.one_of(
    json_scalars,
    st.binary(max_size=20),
    st.lists(json_scalars, max_size=3),
    st.dictionaries(st.one_of(hostile_text, st.integers()), json_scalars, max_size=3),  # keys too
    st.builds(object),
    st.just(b"\xff\xfe"),
)


keys = st.one_of(hostile_text, st.integers())


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    return st.recursive(
        json_scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
        max_leaves=max_leaves,
    )


#: JSON that any encoder carries as is: string keys, finite numbers, text without surrogates.
clean_json = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text()
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def nested(depth: int) -> bytes:
    """A JSON document nested ``depth`` levels deep."""
    return b"[" * depth + b"]" * depth


# -- walking everything reachable from an error ------------------------------------------------------

_LEAVES = (str, bytes, bytearray, int, float, bool, type(None))


def reachable_texts(error: BaseException, limit: int = 5000) -> list[str]:
    """Every text reachable from an error: the cause/context chain, args, attributes (slots
    too), notes, and the containers they hold, with the repr of each object on the way."""
    texts: list[str] = []
    seen: set[int] = set()
    pending: list[Any] = list(exception_chain(error))
    while pending and len(seen) < limit:
        obj = pending.pop()
        if id(obj) in seen or isinstance(obj, type) or (callable(obj) and not isinstance(obj, BaseException)):
            continue
        seen.add(id(obj))
        if isinstance(obj, _LEAVES):
            texts.append(obj.decode("latin-1") if isinstance(obj, (bytes, bytearray)) else str(obj))
            continue
        texts.append(_safe_repr(obj))
        pending.extend(_children(obj))
    return texts


def _children(obj: Any) -> Iterator[Any]:
    if isinstance(obj, BaseException):
        yield from (obj.__cause__, obj.__context__, obj.args, getattr(obj, "__notes__", None))
    if isinstance(obj, dict):
        yield from obj.keys()
        yield from obj.values()
    elif isinstance(obj, (list, tuple, set, frozenset)):
        yield from obj
    elif hasattr(obj, "items") and callable(obj.items):  # multidicts, proxies
        for key, value in obj.items():
            yield key
            yield value
    yield from getattr(obj, "__dict__", {}).values()
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if isinstance(name, str) and hasattr(obj, name):
                yield getattr(obj, name)


def _safe_repr(obj: Any) -> str:
    try:
        return repr(obj)
    except Exception as exc:
        return f"<unrepresentable {type(exc).__name__}>"


def leaked(error: BaseException, secrets: Iterable[str]) -> list[str]:
    """The secrets found anywhere reachable from ``error`` (empty when it is clean)."""
    texts = reachable_texts(error)
    return [secret for secret in secrets if secret and any(secret in text for text in texts)]


def dumps(value: Any) -> bytes:
    return json.dumps(value).encode()

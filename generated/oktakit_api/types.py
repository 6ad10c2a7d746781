# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Contains some shared types for properties"""

from enum import Enum
from typing import Any, Literal, TypeVar
from urllib.parse import quote

E = TypeVar("E", bound=Enum)


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()
"""Marks an operation argument the caller did not give (input side only: results use None)."""


def path_segment(value: str) -> str:
    """``value`` percent-encoded as one path segment (``/``, ``?``, ``#``, ``%`` included); ids,
    which are plain letters and digits, are taken as they are."""
    return value if value.isalnum() and value.isascii() else quote(value, safe="")


def json_list(value: object) -> list[Any]:
    """A JSON array, checked: iterating an object or a string would silently yield its parts."""
    if type(value) is not list:
        raise TypeError(f"expected a JSON array, not {type(value).__name__}")
    return value


def enum_member(cls: type[E], value: object) -> E:
    """``cls(value)``, with a known value looked up directly: calling an Enum class runs
    Python-level machinery first, which costs more than parsing the rest of a small record.
    Anything else (a value Okta added since, a value of the wrong type) takes the class's own
    way, with its errors."""
    try:
        # (Not typing.cast: a call of its own, on every enum value of every record.)
        return cls._value2member_map_[value]  # type: ignore[return-value]
    except (KeyError, TypeError):  # unknown, or unhashable
        return cls(value)


__all__ = ["UNSET", "Unset", "enum_member", "json_list", "path_segment"]

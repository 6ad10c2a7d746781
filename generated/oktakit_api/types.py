# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Contains some shared types for properties"""

from typing import Any, Literal
from urllib.parse import quote


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


__all__ = ["UNSET", "Unset", "json_list", "path_segment"]

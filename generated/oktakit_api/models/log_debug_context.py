# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Self


class LogDebugContext(Mapping[str, "Any"]):
    """Diagnostic data; `debugData` holds what depends on the event (`requestId`, `requestUri`,
    `url`, `dtHash`...). A read-only mapping by Okta's names, like `debug_data`.

    A read-only mapping keyed by Okta's attribute names; the attributes the
    schema declares are also typed properties.
    """

    __slots__ = ("_data",)

    _data: dict[str, Any]

    def __init__(
        self, data: Mapping[str, Any] | None = None, /, **attributes: Any
    ) -> None:
        self._data = {**(data or {}), **attributes}

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a mapping.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        mapping = cls.__new__(cls)
        mapping._data = dict(src_dict)
        return mapping

    def to_dict(self) -> dict[str, Any]:
        """The JSON object, as Okta sent it."""
        return dict(self._data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    @property
    def debug_data(self) -> LogDebugData | None:
        value = self._data.get("debugData")
        return None if value is None else LogDebugData.from_dict(value)

    def __repr__(self) -> str:
        return f"<LogDebugContext {', '.join(self._data)}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_debug_data import LogDebugData  # noqa: E402

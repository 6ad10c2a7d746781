# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogIpAddress:
    """LogIpAddress

    Attributes:
        ip (None | str)
        version (None | str)
        source (None | str)
        geographical_context (LogGeographicalContext | None)
    """

    ip: None | str = None
    version: None | str = None
    source: None | str = None
    geographical_context: LogGeographicalContext | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.ip is not None:
            field_dict["ip"] = self.ip
        if self.version is not None:
            field_dict["version"] = self.version
        if self.source is not None:
            field_dict["source"] = self.source
        if self.geographical_context is not None:
            field_dict["geographicalContext"] = self.geographical_context.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        ip = d.pop("ip", None)
        version = d.pop("version", None)
        source = d.pop("source", None)
        _geographical_context = d.pop("geographicalContext", None)
        geographical_context = (
            None
            if _geographical_context is None
            else LogGeographicalContext.from_dict(_geographical_context)
        )
        if cls is LogIpAddress:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.ip = ip
            parsed_model.version = version
            parsed_model.source = source
            parsed_model.geographical_context = geographical_context
        else:
            parsed_model = cls(
                ip,
                version,
                source,
                geographical_context,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogIpAddress {self.ip!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_geographical_context import LogGeographicalContext  # noqa: E402

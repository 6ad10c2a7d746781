# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import json_list


@_attrs_define
class LogRequest:
    """LogRequest

    Attributes:
        ip_chain (list[LogIpAddress] | None): The client's IP address first, then the proxies the request passed through.
    """

    ip_chain: list[LogIpAddress] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.ip_chain is not None:
            field_dict["ipChain"] = [item.to_dict() for item in self.ip_chain]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _ip_chain = d.pop("ipChain", None)
        ip_chain = (
            None
            if _ip_chain is None
            else [LogIpAddress.from_dict(item) for item in json_list(_ip_chain)]
        )
        if cls is LogRequest:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.ip_chain = ip_chain
        else:
            parsed_model = cls(
                ip_chain,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogRequest>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_ip_address import LogIpAddress  # noqa: E402

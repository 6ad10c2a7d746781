# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogClient:
    """Where the request came from. `ip_address` is the client's, `zone` the network zone.

    Attributes:
        id (None | str)
        ip_address (None | str)
        device (None | str)
        zone (None | str)
        user_agent (LogUserAgent | None)
        geographical_context (LogGeographicalContext | None)
    """

    id: None | str = None
    ip_address: None | str = None
    device: None | str = None
    zone: None | str = None
    user_agent: LogUserAgent | None = None
    geographical_context: LogGeographicalContext | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.ip_address is not None:
            field_dict["ipAddress"] = self.ip_address
        if self.device is not None:
            field_dict["device"] = self.device
        if self.zone is not None:
            field_dict["zone"] = self.zone
        if self.user_agent is not None:
            field_dict["userAgent"] = self.user_agent.to_dict()
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
        id = d.pop("id", None)
        ip_address = d.pop("ipAddress", None)
        device = d.pop("device", None)
        zone = d.pop("zone", None)
        _user_agent = d.pop("userAgent", None)
        user_agent = (
            None if _user_agent is None else LogUserAgent.from_dict(_user_agent)
        )
        _geographical_context = d.pop("geographicalContext", None)
        geographical_context = (
            None
            if _geographical_context is None
            else LogGeographicalContext.from_dict(_geographical_context)
        )
        if cls is LogClient:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.ip_address = ip_address
            parsed_model.device = device
            parsed_model.zone = zone
            parsed_model.user_agent = user_agent
            parsed_model.geographical_context = geographical_context
        else:
            parsed_model = cls(
                id,
                ip_address,
                device,
                zone,
                user_agent,
                geographical_context,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogClient {self.ip_address!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_geographical_context import LogGeographicalContext  # noqa: E402
from ..models.log_user_agent import LogUserAgent  # noqa: E402

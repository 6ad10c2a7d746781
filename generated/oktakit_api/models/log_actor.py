# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogActor:
    """Who acted: an admin or user (`User`), a service app (`PublicClientApp`), Okta itself
    (`SystemPrincipal`).

    Attributes:
        id (str)
        type (str)
        alternate_id (None | str)
        display_name (None | str)
        detail_entry (LogDetailEntry | None)
    """

    id: str
    type: str
    alternate_id: None | str = None
    display_name: None | str = None
    detail_entry: LogDetailEntry | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["type"] = self.type
        if self.alternate_id is not None:
            field_dict["alternateId"] = self.alternate_id
        if self.display_name is not None:
            field_dict["displayName"] = self.display_name
        if self.detail_entry is not None:
            field_dict["detailEntry"] = self.detail_entry.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        id = d.pop("id")
        type_ = d.pop("type")
        alternate_id = d.pop("alternateId", None)
        display_name = d.pop("displayName", None)
        _detail_entry = d.pop("detailEntry", None)
        detail_entry = (
            None if _detail_entry is None else LogDetailEntry.from_dict(_detail_entry)
        )
        if cls is LogActor:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.type = type_
            parsed_model.alternate_id = alternate_id
            parsed_model.display_name = display_name
            parsed_model.detail_entry = detail_entry
        else:
            parsed_model = cls(
                id,
                type_,
                alternate_id,
                display_name,
                detail_entry,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogActor {self.type!s} {self.id!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_detail_entry import LogDetailEntry  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class Permission:
    """One permission of a custom role, such as `okta.users.read`.

    Attributes:
        label (str)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        conditions (None | PermissionConditionsType0): Attribute conditions narrowing the permission.
        links (PermissionLinks | None)
    """

    label: str
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    conditions: None | PermissionConditionsType0 = None
    links: PermissionLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["label"] = self.label
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
        if self.conditions is not None:
            field_dict["conditions"] = self.conditions.to_dict()
        if self.links is not None:
            field_dict["_links"] = self.links.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        label = d.pop("label")
        _created = d.pop("created", None)
        created = (
            None if _created is None else datetime.datetime.fromisoformat(_created)
        )
        _last_updated = d.pop("lastUpdated", None)
        last_updated = (
            None
            if _last_updated is None
            else datetime.datetime.fromisoformat(_last_updated)
        )
        _conditions = d.pop("conditions", None)
        conditions = (
            None
            if _conditions is None
            else PermissionConditionsType0.from_dict(_conditions)
        )
        _field_links = d.pop("_links", None)
        field_links = (
            None if _field_links is None else PermissionLinks.from_dict(_field_links)
        )
        if cls is Permission:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.label = label
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.conditions = conditions
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                label,
                created,
                last_updated,
                conditions,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<Permission {self.label!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.permission_conditions_type_0 import PermissionConditionsType0  # noqa: E402
from ..models.permission_links import PermissionLinks  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authenticator_key_enum import AuthenticatorKeyEnum
from ..models.authenticator_type import AuthenticatorType
from ..models.lifecycle_status import LifecycleStatus
from ..types import enum_member


@_attrs_define
class Authenticator:
    """An authenticator configured in the org. Type-specific settings are kept as additional
    properties.

    Attributes:
        id (str)
        key (AuthenticatorKeyEnum)
        name (str)
        status (LifecycleStatus)
        type (AuthenticatorType)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        links (AuthenticatorLinks | None)
    """

    id: str
    key: AuthenticatorKeyEnum
    name: str
    status: LifecycleStatus
    type: AuthenticatorType
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    links: AuthenticatorLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["key"] = self.key.value
        field_dict["name"] = self.name
        field_dict["status"] = self.status.value
        field_dict["type"] = self.type.value
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
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
        id = d.pop("id")
        key = enum_member(AuthenticatorKeyEnum, d.pop("key"))
        name = d.pop("name")
        status = enum_member(LifecycleStatus, d.pop("status"))
        type_ = enum_member(AuthenticatorType, d.pop("type"))
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
        _field_links = d.pop("_links", None)
        field_links = (
            None if _field_links is None else AuthenticatorLinks.from_dict(_field_links)
        )
        if cls is Authenticator:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.key = key
            parsed_model.name = name
            parsed_model.status = status
            parsed_model.type = type_
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                id,
                key,
                name,
                status,
                type_,
                created,
                last_updated,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<Authenticator {self.id!s} {self.key!s} {self.status!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.authenticator_links import AuthenticatorLinks  # noqa: E402

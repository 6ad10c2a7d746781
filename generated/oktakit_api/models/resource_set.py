# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class ResourceSet:
    """A set of resources (users, groups, ...) that a custom role assignment applies to.

    Attributes:
        id (str | None)
        label (str | None)
        description (str | None)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        links (ResourceSetLinks | None)
    """

    id: str | None = None
    label: str | None = None
    description: str | None = None
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    links: ResourceSetLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.label is not None:
            field_dict["label"] = self.label
        if self.description is not None:
            field_dict["description"] = self.description
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
        id = d.pop("id", None)
        label = d.pop("label", None)
        description = d.pop("description", None)
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
            None if _field_links is None else ResourceSetLinks.from_dict(_field_links)
        )
        if cls is ResourceSet:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.label = label
            parsed_model.description = description
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                id,
                label,
                description,
                created,
                last_updated,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<ResourceSet {self.id!s} {self.label!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.resource_set_links import ResourceSetLinks  # noqa: E402

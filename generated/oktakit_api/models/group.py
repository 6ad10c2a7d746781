# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_type import GroupType
from ..types import enum_member, json_list


@_attrs_define
class Group:
    """An Okta group.

    Attributes:
        id (str)
        created (datetime.datetime)
        last_updated (datetime.datetime)
        type (GroupType)
        profile (GroupProfile): A group's profile. Okta groups have a name and description; groups imported from a
            directory carry more attributes, which are kept as additional properties.
        links (GroupLinks): Links as Okta sends them (`logo` is an array of links).
        last_membership_updated (datetime.datetime | None)
        object_class (list[str] | None)
        embedded (GroupEmbedded | None)
    """

    id: str
    created: datetime.datetime
    last_updated: datetime.datetime
    type: GroupType
    profile: GroupProfile
    links: GroupLinks
    last_membership_updated: datetime.datetime | None = None
    object_class: list[str] | None = None
    embedded: GroupEmbedded | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["created"] = self.created.isoformat()
        field_dict["lastUpdated"] = self.last_updated.isoformat()
        field_dict["type"] = self.type.value
        field_dict["profile"] = self.profile.to_dict()
        field_dict["_links"] = self.links.to_dict()
        if self.last_membership_updated is not None:
            field_dict["lastMembershipUpdated"] = (
                self.last_membership_updated.isoformat()
            )
        if self.object_class is not None:
            field_dict["objectClass"] = list(self.object_class)
        if self.embedded is not None:
            field_dict["_embedded"] = self.embedded.to_dict()
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
        created = datetime.datetime.fromisoformat(d.pop("created"))
        last_updated = datetime.datetime.fromisoformat(d.pop("lastUpdated"))
        type_ = enum_member(GroupType, d.pop("type"))
        profile = GroupProfile.from_dict(d.pop("profile"))
        field_links = GroupLinks.from_dict(d.pop("_links"))
        _last_membership_updated = d.pop("lastMembershipUpdated", None)
        last_membership_updated = (
            None
            if _last_membership_updated is None
            else datetime.datetime.fromisoformat(_last_membership_updated)
        )
        _object_class = d.pop("objectClass", None)
        object_class = None if _object_class is None else json_list(_object_class)
        _field_embedded = d.pop("_embedded", None)
        field_embedded = (
            None
            if _field_embedded is None
            else GroupEmbedded.from_dict(_field_embedded)
        )
        if cls is Group:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.type = type_
            parsed_model.profile = profile
            parsed_model.links = field_links
            parsed_model.last_membership_updated = last_membership_updated
            parsed_model.object_class = object_class
            parsed_model.embedded = field_embedded
        else:
            parsed_model = cls(
                id,
                created,
                last_updated,
                type_,
                profile,
                field_links,
                last_membership_updated,
                object_class,
                field_embedded,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<Group {self.id!s} {self.type!s} {self.profile.name!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.group_embedded import GroupEmbedded  # noqa: E402
from ..models.group_links import GroupLinks  # noqa: E402
from ..models.group_profile import GroupProfile  # noqa: E402

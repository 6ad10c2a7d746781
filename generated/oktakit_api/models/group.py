# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_type import GroupType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_embedded import GroupEmbedded
    from ..models.group_links import GroupLinks
    from ..models.group_profile import GroupProfile


T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    """
    Attributes:
        id (str | Unset):
        created (datetime.datetime | Unset):
        last_updated (datetime.datetime | Unset):
        last_membership_updated (datetime.datetime | Unset):
        object_class (list[str] | Unset):
        type_ (GroupType | Unset):
        profile (GroupProfile | Unset): A group's profile. Okta groups have a name and description; groups imported from
            a directory carry more attributes, which are kept as additional properties.
        field_embedded (GroupEmbedded | Unset):
        field_links (GroupLinks | Unset):
    """

    id: str | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    last_membership_updated: datetime.datetime | Unset = UNSET
    object_class: list[str] | Unset = UNSET
    type_: GroupType | Unset = UNSET
    profile: GroupProfile | Unset = UNSET
    field_embedded: GroupEmbedded | Unset = UNSET
    field_links: GroupLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        last_membership_updated: str | Unset = UNSET
        if not isinstance(self.last_membership_updated, Unset):
            last_membership_updated = self.last_membership_updated.isoformat()

        object_class: list[str] | Unset = UNSET
        if not isinstance(self.object_class, Unset):
            object_class = self.object_class

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        field_embedded: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_embedded, Unset):
            field_embedded = self.field_embedded.to_dict()

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created is not UNSET:
            field_dict["created"] = created
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated
        if last_membership_updated is not UNSET:
            field_dict["lastMembershipUpdated"] = last_membership_updated
        if object_class is not UNSET:
            field_dict["objectClass"] = object_class
        if type_ is not UNSET:
            field_dict["type"] = type_
        if profile is not UNSET:
            field_dict["profile"] = profile
        if field_embedded is not UNSET:
            field_dict["_embedded"] = field_embedded
        if field_links is not UNSET:
            field_dict["_links"] = field_links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        _last_updated = d.pop("lastUpdated", UNSET)
        last_updated: datetime.datetime | Unset
        if isinstance(_last_updated, Unset):
            last_updated = UNSET
        else:
            last_updated = datetime.datetime.fromisoformat(_last_updated)

        _last_membership_updated = d.pop("lastMembershipUpdated", UNSET)
        last_membership_updated: datetime.datetime | Unset
        if isinstance(_last_membership_updated, Unset):
            last_membership_updated = UNSET
        else:
            last_membership_updated = datetime.datetime.fromisoformat(
                _last_membership_updated
            )

        object_class = cast(list[str], d.pop("objectClass", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: GroupType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = GroupType(_type_)

        _profile = d.pop("profile", UNSET)
        profile: GroupProfile | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = GroupProfile.from_dict(_profile)

        _field_embedded = d.pop("_embedded", UNSET)
        field_embedded: GroupEmbedded | Unset
        if isinstance(_field_embedded, Unset):
            field_embedded = UNSET
        else:
            field_embedded = GroupEmbedded.from_dict(_field_embedded)

        _field_links = d.pop("_links", UNSET)
        field_links: GroupLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = GroupLinks.from_dict(_field_links)

        group = cls(
            id=id,
            created=created,
            last_updated=last_updated,
            last_membership_updated=last_membership_updated,
            object_class=object_class,
            type_=type_,
            profile=profile,
            field_embedded=field_embedded,
            field_links=field_links,
        )

        group.additional_properties = d
        return group

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.group_embedded import GroupEmbedded  # noqa: E402
from ..models.group_links import GroupLinks  # noqa: E402
from ..models.group_profile import GroupProfile  # noqa: E402

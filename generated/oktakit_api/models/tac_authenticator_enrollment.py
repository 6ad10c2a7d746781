# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authenticator_type import AuthenticatorType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authenticator_profile_tac_response_post import (
        AuthenticatorProfileTacResponsePost,
    )
    from ..models.tac_authenticator_enrollment_links import (
        TacAuthenticatorEnrollmentLinks,
    )


T = TypeVar("T", bound="TacAuthenticatorEnrollment")


@_attrs_define
class TacAuthenticatorEnrollment:
    """
    Attributes:
        id (str | Unset):
        key (str | Unset):
        name (str | Unset):
        nickname (str | Unset):
        status (str | Unset):
        type_ (AuthenticatorType | Unset):
        created (datetime.datetime | Unset):
        last_updated (datetime.datetime | Unset):
        profile (AuthenticatorProfileTacResponsePost | Unset): The issued code; it is only ever shown in the creation
            response.
        field_links (TacAuthenticatorEnrollmentLinks | Unset):
    """

    id: str | Unset = UNSET
    key: str | Unset = UNSET
    name: str | Unset = UNSET
    nickname: str | Unset = UNSET
    status: str | Unset = UNSET
    type_: AuthenticatorType | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    profile: AuthenticatorProfileTacResponsePost | Unset = UNSET
    field_links: TacAuthenticatorEnrollmentLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        name = self.name

        nickname = self.nickname

        status = self.status

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if key is not UNSET:
            field_dict["key"] = key
        if name is not UNSET:
            field_dict["name"] = name
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created is not UNSET:
            field_dict["created"] = created
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated
        if profile is not UNSET:
            field_dict["profile"] = profile
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

        key = d.pop("key", UNSET)

        name = d.pop("name", UNSET)

        nickname = d.pop("nickname", UNSET)

        status = d.pop("status", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: AuthenticatorType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AuthenticatorType(_type_)

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

        _profile = d.pop("profile", UNSET)
        profile: AuthenticatorProfileTacResponsePost | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = AuthenticatorProfileTacResponsePost.from_dict(_profile)

        _field_links = d.pop("_links", UNSET)
        field_links: TacAuthenticatorEnrollmentLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = TacAuthenticatorEnrollmentLinks.from_dict(_field_links)

        tac_authenticator_enrollment = cls(
            id=id,
            key=key,
            name=name,
            nickname=nickname,
            status=status,
            type_=type_,
            created=created,
            last_updated=last_updated,
            profile=profile,
            field_links=field_links,
        )

        tac_authenticator_enrollment.additional_properties = d
        return tac_authenticator_enrollment

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
from ..models.authenticator_profile_tac_response_post import (
    AuthenticatorProfileTacResponsePost,  # noqa: E402
)
from ..models.tac_authenticator_enrollment_links import TacAuthenticatorEnrollmentLinks  # noqa: E402

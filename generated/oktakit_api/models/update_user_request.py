# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_credentials import UserCredentials
    from ..models.user_profile import UserProfile
    from ..models.user_type_ref import UserTypeRef


T = TypeVar("T", bound="UpdateUserRequest")


@_attrs_define
class UpdateUserRequest:
    """The body of a partial update or full replacement of a user.

    Attributes:
        profile (UserProfile | Unset): The user's profile: the standard attributes below plus any custom attributes the
            org defines (kept as additional properties, e.g. `legalName`, `dateOfBirth`).
        credentials (UserCredentials | Unset):
        realm_id (str | Unset):
        type_ (UserTypeRef | Unset): The user's type, by id.
    """

    profile: UserProfile | Unset = UNSET
    credentials: UserCredentials | Unset = UNSET
    realm_id: str | Unset = UNSET
    type_: UserTypeRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        realm_id = self.realm_id

        type_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile is not UNSET:
            field_dict["profile"] = profile
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if realm_id is not UNSET:
            field_dict["realmId"] = realm_id
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _profile = d.pop("profile", UNSET)
        profile: UserProfile | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = UserProfile.from_dict(_profile)

        _credentials = d.pop("credentials", UNSET)
        credentials: UserCredentials | Unset
        if isinstance(_credentials, Unset):
            credentials = UNSET
        else:
            credentials = UserCredentials.from_dict(_credentials)

        realm_id = d.pop("realmId", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: UserTypeRef | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = UserTypeRef.from_dict(_type_)

        update_user_request = cls(
            profile=profile,
            credentials=credentials,
            realm_id=realm_id,
            type_=type_,
        )

        update_user_request.additional_properties = d
        return update_user_request

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
from ..models.user_credentials import UserCredentials  # noqa: E402
from ..models.user_profile import UserProfile  # noqa: E402
from ..models.user_type_ref import UserTypeRef  # noqa: E402

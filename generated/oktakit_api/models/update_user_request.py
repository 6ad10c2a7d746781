# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class UpdateUserRequest:
    """The body of a partial update or full replacement of a user.

    Attributes:
        profile (UserProfile | None): The user's profile: the standard attributes below plus any custom attributes the org
            defines (kept as additional properties, e.g. `legalName`, `dateOfBirth`).
        credentials (UserCredentials | None)
        realm_id (str | None)
        type (UserTypeRef | None): The user's type, by id.
    """

    profile: UserProfile | None = None
    credentials: UserCredentials | None = None
    realm_id: str | None = None
    type: UserTypeRef | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.profile is not None:
            field_dict["profile"] = self.profile.to_dict()
        if self.credentials is not None:
            field_dict["credentials"] = self.credentials.to_dict()
        if self.realm_id is not None:
            field_dict["realmId"] = self.realm_id
        if self.type is not None:
            field_dict["type"] = self.type.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _profile = d.pop("profile", None)
        profile = None if _profile is None else UserProfile.from_dict(_profile)
        _credentials = d.pop("credentials", None)
        credentials = (
            None if _credentials is None else UserCredentials.from_dict(_credentials)
        )
        realm_id = d.pop("realmId", None)
        _type_ = d.pop("type", None)
        type_ = None if _type_ is None else UserTypeRef.from_dict(_type_)
        if cls is UpdateUserRequest:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.profile = profile
            parsed_model.credentials = credentials
            parsed_model.realm_id = realm_id
            parsed_model.type = type_
        else:
            parsed_model = cls(
                profile,
                credentials,
                realm_id,
                type_,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<UpdateUserRequest>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.user_credentials import UserCredentials  # noqa: E402
from ..models.user_profile import UserProfile  # noqa: E402
from ..models.user_type_ref import UserTypeRef  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_factor_status import UserFactorStatus
from ..models.user_factor_type import UserFactorType
from ..types import enum_member


@_attrs_define
class UserFactor:
    """A factor the user enrolled (Okta Verify push, SMS, email, WebAuthn...). Type-specific
    settings are in `profile`.

    Attributes:
        id (str)
        factor_type (UserFactorType)
        provider (str)
        status (UserFactorStatus)
        vendor_name (str | None)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        profile (UserFactorProfile | None)
        embedded (UserFactorEmbedded | None)
        links (UserFactorLinks | None)
    """

    id: str
    factor_type: UserFactorType
    provider: str
    status: UserFactorStatus
    vendor_name: str | None = None
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    profile: UserFactorProfile | None = None
    embedded: UserFactorEmbedded | None = None
    links: UserFactorLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["factorType"] = self.factor_type.value
        field_dict["provider"] = self.provider
        field_dict["status"] = self.status.value
        if self.vendor_name is not None:
            field_dict["vendorName"] = self.vendor_name
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
        if self.profile is not None:
            field_dict["profile"] = self.profile.to_dict()
        if self.embedded is not None:
            field_dict["_embedded"] = self.embedded.to_dict()
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
        factor_type = enum_member(UserFactorType, d.pop("factorType"))
        provider = d.pop("provider")
        status = enum_member(UserFactorStatus, d.pop("status"))
        vendor_name = d.pop("vendorName", None)
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
        _profile = d.pop("profile", None)
        profile = None if _profile is None else UserFactorProfile.from_dict(_profile)
        _field_embedded = d.pop("_embedded", None)
        field_embedded = (
            None
            if _field_embedded is None
            else UserFactorEmbedded.from_dict(_field_embedded)
        )
        _field_links = d.pop("_links", None)
        field_links = (
            None if _field_links is None else UserFactorLinks.from_dict(_field_links)
        )
        if cls is UserFactor:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.factor_type = factor_type
            parsed_model.provider = provider
            parsed_model.status = status
            parsed_model.vendor_name = vendor_name
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.profile = profile
            parsed_model.embedded = field_embedded
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                id,
                factor_type,
                provider,
                status,
                vendor_name,
                created,
                last_updated,
                profile,
                field_embedded,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<UserFactor {self.id!s} {self.factor_type!s} {self.status!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.user_factor_embedded import UserFactorEmbedded  # noqa: E402
from ..models.user_factor_links import UserFactorLinks  # noqa: E402
from ..models.user_factor_profile import UserFactorProfile  # noqa: E402

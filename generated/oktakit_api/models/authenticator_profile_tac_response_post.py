# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthenticatorProfileTacResponsePost")


@_attrs_define
class AuthenticatorProfileTacResponsePost:
    """The issued code; it is only ever shown in the creation response.

    Attributes:
        tac (str | Unset):
        expires_at (datetime.datetime | Unset):
        multi_use (bool | Unset):
    """

    tac: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    multi_use: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tac = self.tac

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        multi_use = self.multi_use

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tac is not UNSET:
            field_dict["tac"] = tac
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if multi_use is not UNSET:
            field_dict["multiUse"] = multi_use

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        tac = d.pop("tac", UNSET)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        multi_use = d.pop("multiUse", UNSET)

        authenticator_profile_tac_response_post = cls(
            tac=tac,
            expires_at=expires_at,
            multi_use=multi_use,
        )

        authenticator_profile_tac_response_post.additional_properties = d
        return authenticator_profile_tac_response_post

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

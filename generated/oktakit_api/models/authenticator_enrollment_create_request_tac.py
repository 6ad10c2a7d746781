# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authenticator_profile_tac_request import (
        AuthenticatorProfileTacRequest,
    )


T = TypeVar("T", bound="AuthenticatorEnrollmentCreateRequestTac")


@_attrs_define
class AuthenticatorEnrollmentCreateRequestTac:
    """Which TAC authenticator to enroll in, and the code's settings.

    Attributes:
        authenticator_id (str): The id of the org's authenticator whose key is `tac`.
        profile (AuthenticatorProfileTacRequest | Unset):
    """

    authenticator_id: str
    profile: AuthenticatorProfileTacRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authenticator_id = self.authenticator_id

        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authenticatorId": authenticator_id,
            }
        )
        if profile is not UNSET:
            field_dict["profile"] = profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        authenticator_id = d.pop("authenticatorId")

        _profile = d.pop("profile", UNSET)
        profile: AuthenticatorProfileTacRequest | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = AuthenticatorProfileTacRequest.from_dict(_profile)

        authenticator_enrollment_create_request_tac = cls(
            authenticator_id=authenticator_id,
            profile=profile,
        )

        authenticator_enrollment_create_request_tac.additional_properties = d
        return authenticator_enrollment_create_request_tac

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
from ..models.authenticator_profile_tac_request import AuthenticatorProfileTacRequest  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.password_credential_hook import PasswordCredentialHook


T = TypeVar("T", bound="PasswordCredential")


@_attrs_define
class PasswordCredential:
    """A password. Okta never returns the value; a user with a password shows `{}`.

    Attributes:
        value (str | Unset):
        hook (PasswordCredentialHook | Unset):
    """

    value: str | Unset = UNSET
    hook: PasswordCredentialHook | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        hook: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hook, Unset):
            hook = self.hook.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if value is not UNSET:
            field_dict["value"] = value
        if hook is not UNSET:
            field_dict["hook"] = hook

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        value = d.pop("value", UNSET)

        _hook = d.pop("hook", UNSET)
        hook: PasswordCredentialHook | Unset
        if isinstance(_hook, Unset):
            hook = UNSET
        else:
            hook = PasswordCredentialHook.from_dict(_hook)

        password_credential = cls(
            value=value,
            hook=hook,
        )

        password_credential.additional_properties = d
        return password_credential

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
from ..models.password_credential_hook import PasswordCredentialHook  # noqa: E402

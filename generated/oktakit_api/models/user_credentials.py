# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authentication_provider import AuthenticationProvider
    from ..models.password_credential import PasswordCredential
    from ..models.recovery_question_credential import RecoveryQuestionCredential


T = TypeVar("T", bound="UserCredentials")


@_attrs_define
class UserCredentials:
    """
    Attributes:
        password (PasswordCredential | Unset): A password. Okta never returns the value; a user with a password shows
            `{}`.
        recovery_question (RecoveryQuestionCredential | Unset):
        provider (AuthenticationProvider | Unset): Where the user's credentials are checked.
    """

    password: PasswordCredential | Unset = UNSET
    recovery_question: RecoveryQuestionCredential | Unset = UNSET
    provider: AuthenticationProvider | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.password, Unset):
            password = self.password.to_dict()

        recovery_question: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recovery_question, Unset):
            recovery_question = self.recovery_question.to_dict()

        provider: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if password is not UNSET:
            field_dict["password"] = password
        if recovery_question is not UNSET:
            field_dict["recovery_question"] = recovery_question
        if provider is not UNSET:
            field_dict["provider"] = provider

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _password = d.pop("password", UNSET)
        password: PasswordCredential | Unset
        if isinstance(_password, Unset):
            password = UNSET
        else:
            password = PasswordCredential.from_dict(_password)

        _recovery_question = d.pop("recovery_question", UNSET)
        recovery_question: RecoveryQuestionCredential | Unset
        if isinstance(_recovery_question, Unset):
            recovery_question = UNSET
        else:
            recovery_question = RecoveryQuestionCredential.from_dict(_recovery_question)

        _provider = d.pop("provider", UNSET)
        provider: AuthenticationProvider | Unset
        if isinstance(_provider, Unset):
            provider = UNSET
        else:
            provider = AuthenticationProvider.from_dict(_provider)

        user_credentials = cls(
            password=password,
            recovery_question=recovery_question,
            provider=provider,
        )

        user_credentials.additional_properties = d
        return user_credentials

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
from ..models.authentication_provider import AuthenticationProvider  # noqa: E402
from ..models.password_credential import PasswordCredential  # noqa: E402
from ..models.recovery_question_credential import RecoveryQuestionCredential  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class UserCredentialsWritable:
    """Credentials given when creating a user (a password, a recovery question, a provider).

    Attributes:
        password (PasswordCredential | None): A password. Okta never returns the value; a user with a password shows `{}`.
        recovery_question (RecoveryQuestionCredential | None)
        provider (AuthenticationProviderWritable | None): Where the new user's credentials will be checked.
    """

    password: PasswordCredential | None = None
    recovery_question: RecoveryQuestionCredential | None = None
    provider: AuthenticationProviderWritable | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.password is not None:
            field_dict["password"] = self.password.to_dict()
        if self.recovery_question is not None:
            field_dict["recovery_question"] = self.recovery_question.to_dict()
        if self.provider is not None:
            field_dict["provider"] = self.provider.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _password = d.pop("password", None)
        password = (
            None if _password is None else PasswordCredential.from_dict(_password)
        )
        _recovery_question = d.pop("recovery_question", None)
        recovery_question = (
            None
            if _recovery_question is None
            else RecoveryQuestionCredential.from_dict(_recovery_question)
        )
        _provider = d.pop("provider", None)
        provider = (
            None
            if _provider is None
            else AuthenticationProviderWritable.from_dict(_provider)
        )
        if cls is UserCredentialsWritable:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.password = password
            parsed_model.recovery_question = recovery_question
            parsed_model.provider = provider
        else:
            parsed_model = cls(
                password,
                recovery_question,
                provider,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<UserCredentialsWritable {self.provider!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.authentication_provider_writable import AuthenticationProviderWritable  # noqa: E402
from ..models.password_credential import PasswordCredential  # noqa: E402
from ..models.recovery_question_credential import RecoveryQuestionCredential  # noqa: E402

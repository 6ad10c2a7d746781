# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class UserActivationToken:
    """Returned by activation when Okta does not email the link itself (otherwise the body is `{}`,
    so nothing here is required). Both values let anyone activate the account: they are never
    shown in `repr()`.

    Attributes:
        activation_token (str | None)
        activation_url (str | None)
    """

    activation_token: str | None = None
    activation_url: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.activation_token is not None:
            field_dict["activationToken"] = self.activation_token
        if self.activation_url is not None:
            field_dict["activationUrl"] = self.activation_url
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        activation_token = d.pop("activationToken", None)
        activation_url = d.pop("activationUrl", None)
        if cls is UserActivationToken:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.activation_token = activation_token
            parsed_model.activation_url = activation_url
        else:
            parsed_model = cls(
                activation_token,
                activation_url,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<UserActivationToken>"

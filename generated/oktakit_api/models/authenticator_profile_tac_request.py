# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class AuthenticatorProfileTacRequest:
    """AuthenticatorProfileTacRequest

    Attributes:
        ttl (str | None): Minutes the code stays valid (10 to 14400, narrowed by the org's settings).
        multi_use (bool | None): Whether the code may be used more than once (the org must allow it).
    """

    ttl: str | None = None
    multi_use: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.ttl is not None:
            field_dict["ttl"] = self.ttl
        if self.multi_use is not None:
            field_dict["multiUse"] = self.multi_use
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        ttl = d.pop("ttl", None)
        multi_use = d.pop("multiUse", None)
        if cls is AuthenticatorProfileTacRequest:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.ttl = ttl
            parsed_model.multi_use = multi_use
        else:
            parsed_model = cls(
                ttl,
                multi_use,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<AuthenticatorProfileTacRequest>"

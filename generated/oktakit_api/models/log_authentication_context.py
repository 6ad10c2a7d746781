# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_authentication_provider import LogAuthenticationProvider
from ..models.log_credential_provider import LogCredentialProvider
from ..models.log_credential_type import LogCredentialType
from ..types import enum_member


@_attrs_define
class LogAuthenticationContext:
    """LogAuthenticationContext

    Attributes:
        authentication_provider (LogAuthenticationProvider | None)
        credential_provider (LogCredentialProvider | None)
        credential_type (LogCredentialType | None)
        issuer (LogIssuer | None)
        interface (None | str)
        authentication_step (int | None)
        external_session_id (None | str)
    """

    authentication_provider: LogAuthenticationProvider | None = None
    credential_provider: LogCredentialProvider | None = None
    credential_type: LogCredentialType | None = None
    issuer: LogIssuer | None = None
    interface: None | str = None
    authentication_step: int | None = None
    external_session_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.authentication_provider is not None:
            field_dict["authenticationProvider"] = self.authentication_provider.value
        if self.credential_provider is not None:
            field_dict["credentialProvider"] = self.credential_provider.value
        if self.credential_type is not None:
            field_dict["credentialType"] = self.credential_type.value
        if self.issuer is not None:
            field_dict["issuer"] = self.issuer.to_dict()
        if self.interface is not None:
            field_dict["interface"] = self.interface
        if self.authentication_step is not None:
            field_dict["authenticationStep"] = self.authentication_step
        if self.external_session_id is not None:
            field_dict["externalSessionId"] = self.external_session_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _authentication_provider = d.pop("authenticationProvider", None)
        authentication_provider = (
            None
            if _authentication_provider is None
            else enum_member(LogAuthenticationProvider, _authentication_provider)
        )
        _credential_provider = d.pop("credentialProvider", None)
        credential_provider = (
            None
            if _credential_provider is None
            else enum_member(LogCredentialProvider, _credential_provider)
        )
        _credential_type = d.pop("credentialType", None)
        credential_type = (
            None
            if _credential_type is None
            else enum_member(LogCredentialType, _credential_type)
        )
        _issuer = d.pop("issuer", None)
        issuer = None if _issuer is None else LogIssuer.from_dict(_issuer)
        interface = d.pop("interface", None)
        authentication_step = d.pop("authenticationStep", None)
        external_session_id = d.pop("externalSessionId", None)
        if cls is LogAuthenticationContext:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.authentication_provider = authentication_provider
            parsed_model.credential_provider = credential_provider
            parsed_model.credential_type = credential_type
            parsed_model.issuer = issuer
            parsed_model.interface = interface
            parsed_model.authentication_step = authentication_step
            parsed_model.external_session_id = external_session_id
        else:
            parsed_model = cls(
                authentication_provider,
                credential_provider,
                credential_type,
                issuer,
                interface,
                authentication_step,
                external_session_id,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogAuthenticationContext {self.external_session_id!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_issuer import LogIssuer  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class OAuth2Client:
    """An OAuth 2.0 client app that holds tokens or consent grants of a user.

    Attributes:
        client_id (str)
        client_name (str | None)
        client_uri (None | str)
        logo_uri (None | str)
        links (OAuth2ClientLinks | None)
    """

    client_id: str
    client_name: str | None = None
    client_uri: None | str = None
    logo_uri: None | str = None
    links: OAuth2ClientLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["client_id"] = self.client_id
        if self.client_name is not None:
            field_dict["client_name"] = self.client_name
        if self.client_uri is not None:
            field_dict["client_uri"] = self.client_uri
        if self.logo_uri is not None:
            field_dict["logo_uri"] = self.logo_uri
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
        client_id = d.pop("client_id")
        client_name = d.pop("client_name", None)
        client_uri = d.pop("client_uri", None)
        logo_uri = d.pop("logo_uri", None)
        _field_links = d.pop("_links", None)
        field_links = (
            None if _field_links is None else OAuth2ClientLinks.from_dict(_field_links)
        )
        if cls is OAuth2Client:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.client_id = client_id
            parsed_model.client_name = client_name
            parsed_model.client_uri = client_uri
            parsed_model.logo_uri = logo_uri
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                client_id,
                client_name,
                client_uri,
                logo_uri,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<OAuth2Client {self.client_id!s} {self.client_name!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.o_auth_2_client_links import OAuth2ClientLinks  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_or_token_status import GrantOrTokenStatus
from ..types import enum_member, json_list


@_attrs_define
class OAuth2RefreshToken:
    """A refresh token of a user for a client (its value is never shown, only its metadata). Okta
    publishes no example, so every field reads as None when absent.

    Attributes:
        id (str | None)
        client_id (str | None)
        user_id (str | None)
        issuer (str | None)
        scopes (list[str] | None)
        status (GrantOrTokenStatus | None)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        expires_at (datetime.datetime | None)
        embedded (OAuth2RefreshTokenEmbedded | None)
        links (OAuth2RefreshTokenLinks | None)
    """

    id: str | None = None
    client_id: str | None = None
    user_id: str | None = None
    issuer: str | None = None
    scopes: list[str] | None = None
    status: GrantOrTokenStatus | None = None
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    embedded: OAuth2RefreshTokenEmbedded | None = None
    links: OAuth2RefreshTokenLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.client_id is not None:
            field_dict["clientId"] = self.client_id
        if self.user_id is not None:
            field_dict["userId"] = self.user_id
        if self.issuer is not None:
            field_dict["issuer"] = self.issuer
        if self.scopes is not None:
            field_dict["scopes"] = list(self.scopes)
        if self.status is not None:
            field_dict["status"] = self.status.value
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
        if self.expires_at is not None:
            field_dict["expiresAt"] = self.expires_at.isoformat()
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
        id = d.pop("id", None)
        client_id = d.pop("clientId", None)
        user_id = d.pop("userId", None)
        issuer = d.pop("issuer", None)
        _scopes = d.pop("scopes", None)
        scopes = None if _scopes is None else json_list(_scopes)
        _status = d.pop("status", None)
        status = None if _status is None else enum_member(GrantOrTokenStatus, _status)
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
        _expires_at = d.pop("expiresAt", None)
        expires_at = (
            None
            if _expires_at is None
            else datetime.datetime.fromisoformat(_expires_at)
        )
        _field_embedded = d.pop("_embedded", None)
        field_embedded = (
            None
            if _field_embedded is None
            else OAuth2RefreshTokenEmbedded.from_dict(_field_embedded)
        )
        _field_links = d.pop("_links", None)
        field_links = (
            None
            if _field_links is None
            else OAuth2RefreshTokenLinks.from_dict(_field_links)
        )
        if cls is OAuth2RefreshToken:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.client_id = client_id
            parsed_model.user_id = user_id
            parsed_model.issuer = issuer
            parsed_model.scopes = scopes
            parsed_model.status = status
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.expires_at = expires_at
            parsed_model.embedded = field_embedded
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                id,
                client_id,
                user_id,
                issuer,
                scopes,
                status,
                created,
                last_updated,
                expires_at,
                field_embedded,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<OAuth2RefreshToken {self.id!s} {self.status!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.o_auth_2_refresh_token_embedded import OAuth2RefreshTokenEmbedded  # noqa: E402
from ..models.o_auth_2_refresh_token_links import OAuth2RefreshTokenLinks  # noqa: E402

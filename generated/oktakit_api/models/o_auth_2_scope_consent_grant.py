# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_or_token_status import GrantOrTokenStatus
from ..models.o_auth_2_scope_consent_grant_source import OAuth2ScopeConsentGrantSource
from ..types import enum_member


@_attrs_define
class OAuth2ScopeConsentGrant:
    """One Okta API scope granted to an app.

    Attributes:
        issuer (str)
        scope_id (str)
        id (str | None)
        client_id (str | None)
        status (GrantOrTokenStatus | None)
        source (OAuth2ScopeConsentGrantSource | None)
        user_id (str | None)
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
    """

    issuer: str
    scope_id: str
    id: str | None = None
    client_id: str | None = None
    status: GrantOrTokenStatus | None = None
    source: OAuth2ScopeConsentGrantSource | None = None
    user_id: str | None = None
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["issuer"] = self.issuer
        field_dict["scopeId"] = self.scope_id
        if self.id is not None:
            field_dict["id"] = self.id
        if self.client_id is not None:
            field_dict["clientId"] = self.client_id
        if self.status is not None:
            field_dict["status"] = self.status.value
        if self.source is not None:
            field_dict["source"] = self.source.value
        if self.user_id is not None:
            field_dict["userId"] = self.user_id
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        issuer = d.pop("issuer")
        scope_id = d.pop("scopeId")
        id = d.pop("id", None)
        client_id = d.pop("clientId", None)
        _status = d.pop("status", None)
        status = None if _status is None else enum_member(GrantOrTokenStatus, _status)
        _source = d.pop("source", None)
        source = (
            None
            if _source is None
            else enum_member(OAuth2ScopeConsentGrantSource, _source)
        )
        user_id = d.pop("userId", None)
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
        if cls is OAuth2ScopeConsentGrant:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.issuer = issuer
            parsed_model.scope_id = scope_id
            parsed_model.id = id
            parsed_model.client_id = client_id
            parsed_model.status = status
            parsed_model.source = source
            parsed_model.user_id = user_id
            parsed_model.created = created
            parsed_model.last_updated = last_updated
        else:
            parsed_model = cls(
                issuer,
                scope_id,
                id,
                client_id,
                status,
                source,
                user_id,
                created,
                last_updated,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<OAuth2ScopeConsentGrant {self.scope_id!s} {self.status!s}>"

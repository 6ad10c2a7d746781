# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_or_token_status import GrantOrTokenStatus
from ..models.o_auth_2_scope_consent_grant_source import OAuth2ScopeConsentGrantSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuth2ScopeConsentGrant")


@_attrs_define
class OAuth2ScopeConsentGrant:
    """One Okta API scope granted to an app.

    Attributes:
        issuer (str):
        scope_id (str):
        id (str | Unset):
        client_id (str | Unset):
        status (GrantOrTokenStatus | Unset):
        source (OAuth2ScopeConsentGrantSource | Unset):
        user_id (str | Unset):
        created (datetime.datetime | Unset):
        last_updated (datetime.datetime | Unset):
    """

    issuer: str
    scope_id: str
    id: str | Unset = UNSET
    client_id: str | Unset = UNSET
    status: GrantOrTokenStatus | Unset = UNSET
    source: OAuth2ScopeConsentGrantSource | Unset = UNSET
    user_id: str | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        scope_id = self.scope_id

        id = self.id

        client_id = self.client_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        user_id = self.user_id

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "scopeId": scope_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if status is not UNSET:
            field_dict["status"] = status
        if source is not UNSET:
            field_dict["source"] = source
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if created is not UNSET:
            field_dict["created"] = created
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        issuer = d.pop("issuer")

        scope_id = d.pop("scopeId")

        id = d.pop("id", UNSET)

        client_id = d.pop("clientId", UNSET)

        _status = d.pop("status", UNSET)
        status: GrantOrTokenStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GrantOrTokenStatus(_status)

        _source = d.pop("source", UNSET)
        source: OAuth2ScopeConsentGrantSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = OAuth2ScopeConsentGrantSource(_source)

        user_id = d.pop("userId", UNSET)

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        _last_updated = d.pop("lastUpdated", UNSET)
        last_updated: datetime.datetime | Unset
        if isinstance(_last_updated, Unset):
            last_updated = UNSET
        else:
            last_updated = datetime.datetime.fromisoformat(_last_updated)

        o_auth_2_scope_consent_grant = cls(
            issuer=issuer,
            scope_id=scope_id,
            id=id,
            client_id=client_id,
            status=status,
            source=source,
            user_id=user_id,
            created=created,
            last_updated=last_updated,
        )

        o_auth_2_scope_consent_grant.additional_properties = d
        return o_auth_2_scope_consent_grant

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

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Final, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_status import UserStatus
from ..models.user_transitioning_to_status_type_1 import UserTransitioningToStatusType1
from ..types import enum_member

# Link relation -> the client method it advertises (Okta lists only what the status allows now).
_LINK_ACTIONS: Final = (
    ("activate", "activate_user"),
    ("reactivate", "reactivate_user"),
    ("deactivate", "deactivate_user"),
    ("suspend", "suspend_user"),
    ("unsuspend", "unsuspend_user"),
    ("unlock", "unlock_user"),
    ("resetFactors", "reset_factors"),
)


@_attrs_define
class User:
    """An Okta user.

    Attributes:
        id (str)
        status (UserStatus)
        created (datetime.datetime)
        last_updated (datetime.datetime)
        profile (UserProfile): The user's profile: the standard attributes below plus any custom attributes the org
            defines (kept as additional properties, e.g. `legalName`, `dateOfBirth`).
        links (UserLinks): Links to the user and to the operations its status allows now (`activate`,
            `deactivate`, `suspend`, `unsuspend`, `unlock`, `resetFactors`, `resetPassword`,
            `expirePassword`, ...), each a link with `href` (and often `method`). A read-only
            mapping: `"suspend" in user.links` is a cheap check, a link is parsed only when it
            is read, and new link names need no upgrade.
        transitioning_to_status (None | UserTransitioningToStatusType1): The status an asynchronous transition is heading to; null when none is running.
        activated (datetime.datetime | None)
        status_changed (datetime.datetime | None)
        last_login (datetime.datetime | None)
        password_changed (datetime.datetime | None)
        realm_id (str | None)
        type (UserTypeRef | None): The user's type, by id.
        credentials (UserCredentials | None)
        embedded (UserEmbedded | None): Resources embedded on request (for example `blocks`).
    """

    id: str
    status: UserStatus
    created: datetime.datetime
    last_updated: datetime.datetime
    profile: UserProfile
    links: UserLinks
    transitioning_to_status: None | UserTransitioningToStatusType1 = None
    activated: datetime.datetime | None = None
    status_changed: datetime.datetime | None = None
    last_login: datetime.datetime | None = None
    password_changed: datetime.datetime | None = None
    realm_id: str | None = None
    type: UserTypeRef | None = None
    credentials: UserCredentials | None = None
    embedded: UserEmbedded | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    @property
    def allowed_actions(self) -> tuple[str, ...]:
        """The client methods the current status allows, read from the links Okta sent."""
        links = self.links
        if links is None:
            return ()
        return tuple(action for rel, action in _LINK_ACTIONS if rel in links)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["status"] = self.status.value
        field_dict["created"] = self.created.isoformat()
        field_dict["lastUpdated"] = self.last_updated.isoformat()
        field_dict["profile"] = self.profile.to_dict()
        field_dict["_links"] = self.links.to_dict()
        if self.transitioning_to_status is not None:
            field_dict["transitioningToStatus"] = self.transitioning_to_status.value
        if self.activated is not None:
            field_dict["activated"] = self.activated.isoformat()
        if self.status_changed is not None:
            field_dict["statusChanged"] = self.status_changed.isoformat()
        if self.last_login is not None:
            field_dict["lastLogin"] = self.last_login.isoformat()
        if self.password_changed is not None:
            field_dict["passwordChanged"] = self.password_changed.isoformat()
        if self.realm_id is not None:
            field_dict["realmId"] = self.realm_id
        if self.type is not None:
            field_dict["type"] = self.type.to_dict()
        if self.credentials is not None:
            field_dict["credentials"] = self.credentials.to_dict()
        if self.embedded is not None:
            field_dict["_embedded"] = self.embedded.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        id = d.pop("id")
        status = enum_member(UserStatus, d.pop("status"))
        created = datetime.datetime.fromisoformat(d.pop("created"))
        last_updated = datetime.datetime.fromisoformat(d.pop("lastUpdated"))
        profile = UserProfile.from_dict(d.pop("profile"))
        field_links = UserLinks.from_dict(d.pop("_links"))
        _transitioning_to_status = d.pop("transitioningToStatus", None)
        transitioning_to_status = (
            None
            if _transitioning_to_status is None
            else enum_member(UserTransitioningToStatusType1, _transitioning_to_status)
        )
        _activated = d.pop("activated", None)
        activated = (
            None if _activated is None else datetime.datetime.fromisoformat(_activated)
        )
        _status_changed = d.pop("statusChanged", None)
        status_changed = (
            None
            if _status_changed is None
            else datetime.datetime.fromisoformat(_status_changed)
        )
        _last_login = d.pop("lastLogin", None)
        last_login = (
            None
            if _last_login is None
            else datetime.datetime.fromisoformat(_last_login)
        )
        _password_changed = d.pop("passwordChanged", None)
        password_changed = (
            None
            if _password_changed is None
            else datetime.datetime.fromisoformat(_password_changed)
        )
        realm_id = d.pop("realmId", None)
        _type_ = d.pop("type", None)
        type_ = None if _type_ is None else UserTypeRef.from_dict(_type_)
        _credentials = d.pop("credentials", None)
        credentials = (
            None if _credentials is None else UserCredentials.from_dict(_credentials)
        )
        _field_embedded = d.pop("_embedded", None)
        field_embedded = (
            None if _field_embedded is None else UserEmbedded.from_dict(_field_embedded)
        )
        if cls is User:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.status = status
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.profile = profile
            parsed_model.links = field_links
            parsed_model.transitioning_to_status = transitioning_to_status
            parsed_model.activated = activated
            parsed_model.status_changed = status_changed
            parsed_model.last_login = last_login
            parsed_model.password_changed = password_changed
            parsed_model.realm_id = realm_id
            parsed_model.type = type_
            parsed_model.credentials = credentials
            parsed_model.embedded = field_embedded
        else:
            parsed_model = cls(
                id,
                status,
                created,
                last_updated,
                profile,
                field_links,
                transitioning_to_status,
                activated,
                status_changed,
                last_login,
                password_changed,
                realm_id,
                type_,
                credentials,
                field_embedded,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<User {self.id!s} {self.status!s} {self.profile.login!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.user_credentials import UserCredentials  # noqa: E402
from ..models.user_embedded import UserEmbedded  # noqa: E402
from ..models.user_links import UserLinks  # noqa: E402
from ..models.user_profile import UserProfile  # noqa: E402
from ..models.user_type_ref import UserTypeRef  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_status import UserStatus
from ..models.user_transitioning_to_status_type_1 import UserTransitioningToStatusType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_credentials import UserCredentials
    from ..models.user_embedded import UserEmbedded
    from ..models.user_links import UserLinks
    from ..models.user_profile import UserProfile
    from ..models.user_type_ref import UserTypeRef


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """An Okta user.

    Attributes:
        id (str | Unset):
        status (UserStatus | Unset):
        transitioning_to_status (None | Unset | UserTransitioningToStatusType1): The status an asynchronous transition
            is heading to; null when none is running.
        created (datetime.datetime | Unset):
        activated (datetime.datetime | None | Unset):
        status_changed (datetime.datetime | None | Unset):
        last_login (datetime.datetime | None | Unset):
        last_updated (datetime.datetime | Unset):
        password_changed (datetime.datetime | None | Unset):
        realm_id (str | Unset):
        type_ (UserTypeRef | Unset): The user's type, by id.
        profile (UserProfile | Unset): The user's profile: the standard attributes below plus any custom attributes the
            org defines (kept as additional properties, e.g. `legalName`, `dateOfBirth`).
        credentials (UserCredentials | Unset):
        field_embedded (UserEmbedded | Unset): Resources embedded on request (for example `blocks`).
        field_links (UserLinks | Unset): Links to the user and to the operations its status allows now (`activate`,
            `deactivate`, `suspend`, `unsuspend`, `unlock`, `resetFactors`, `resetPassword`, `expirePassword`, ...), each an
            object with `href` (and often `method`). Kept as plain JSON objects, so that `"suspend" in user.field_links` is
            a cheap check and new link names need no upgrade.
    """

    id: str | Unset = UNSET
    status: UserStatus | Unset = UNSET
    transitioning_to_status: None | Unset | UserTransitioningToStatusType1 = UNSET
    created: datetime.datetime | Unset = UNSET
    activated: datetime.datetime | None | Unset = UNSET
    status_changed: datetime.datetime | None | Unset = UNSET
    last_login: datetime.datetime | None | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    password_changed: datetime.datetime | None | Unset = UNSET
    realm_id: str | Unset = UNSET
    type_: UserTypeRef | Unset = UNSET
    profile: UserProfile | Unset = UNSET
    credentials: UserCredentials | Unset = UNSET
    field_embedded: UserEmbedded | Unset = UNSET
    field_links: UserLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        transitioning_to_status: None | str | Unset
        if isinstance(self.transitioning_to_status, Unset):
            transitioning_to_status = UNSET
        elif isinstance(self.transitioning_to_status, UserTransitioningToStatusType1):
            transitioning_to_status = self.transitioning_to_status.value
        else:
            transitioning_to_status = self.transitioning_to_status

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        activated: None | str | Unset
        if isinstance(self.activated, Unset):
            activated = UNSET
        elif isinstance(self.activated, datetime.datetime):
            activated = self.activated.isoformat()
        else:
            activated = self.activated

        status_changed: None | str | Unset
        if isinstance(self.status_changed, Unset):
            status_changed = UNSET
        elif isinstance(self.status_changed, datetime.datetime):
            status_changed = self.status_changed.isoformat()
        else:
            status_changed = self.status_changed

        last_login: None | str | Unset
        if isinstance(self.last_login, Unset):
            last_login = UNSET
        elif isinstance(self.last_login, datetime.datetime):
            last_login = self.last_login.isoformat()
        else:
            last_login = self.last_login

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        password_changed: None | str | Unset
        if isinstance(self.password_changed, Unset):
            password_changed = UNSET
        elif isinstance(self.password_changed, datetime.datetime):
            password_changed = self.password_changed.isoformat()
        else:
            password_changed = self.password_changed

        realm_id = self.realm_id

        type_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        field_embedded: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_embedded, Unset):
            field_embedded = self.field_embedded.to_dict()

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if transitioning_to_status is not UNSET:
            field_dict["transitioningToStatus"] = transitioning_to_status
        if created is not UNSET:
            field_dict["created"] = created
        if activated is not UNSET:
            field_dict["activated"] = activated
        if status_changed is not UNSET:
            field_dict["statusChanged"] = status_changed
        if last_login is not UNSET:
            field_dict["lastLogin"] = last_login
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated
        if password_changed is not UNSET:
            field_dict["passwordChanged"] = password_changed
        if realm_id is not UNSET:
            field_dict["realmId"] = realm_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if profile is not UNSET:
            field_dict["profile"] = profile
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if field_embedded is not UNSET:
            field_dict["_embedded"] = field_embedded
        if field_links is not UNSET:
            field_dict["_links"] = field_links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _status = d.pop("status", UNSET)
        status: UserStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UserStatus(_status)

        def _parse_transitioning_to_status(
            data: object,
        ) -> None | Unset | UserTransitioningToStatusType1:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_user_transitioning_to_status_type_1 = (
                    UserTransitioningToStatusType1(data)
                )

                return componentsschemas_user_transitioning_to_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("None | Unset | UserTransitioningToStatusType1", data)

        transitioning_to_status = _parse_transitioning_to_status(
            d.pop("transitioningToStatus", UNSET)
        )

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        def _parse_activated(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_type_0 = datetime.datetime.fromisoformat(data)

                return activated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("datetime.datetime | None | Unset", data)

        activated = _parse_activated(d.pop("activated", UNSET))

        def _parse_status_changed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("datetime.datetime | None | Unset", data)

        status_changed = _parse_status_changed(d.pop("statusChanged", UNSET))

        def _parse_last_login(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_type_0 = datetime.datetime.fromisoformat(data)

                return last_login_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("datetime.datetime | None | Unset", data)

        last_login = _parse_last_login(d.pop("lastLogin", UNSET))

        _last_updated = d.pop("lastUpdated", UNSET)
        last_updated: datetime.datetime | Unset
        if isinstance(_last_updated, Unset):
            last_updated = UNSET
        else:
            last_updated = datetime.datetime.fromisoformat(_last_updated)

        def _parse_password_changed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                password_changed_type_0 = datetime.datetime.fromisoformat(data)

                return password_changed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("datetime.datetime | None | Unset", data)

        password_changed = _parse_password_changed(d.pop("passwordChanged", UNSET))

        realm_id = d.pop("realmId", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: UserTypeRef | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = UserTypeRef.from_dict(_type_)

        _profile = d.pop("profile", UNSET)
        profile: UserProfile | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = UserProfile.from_dict(_profile)

        _credentials = d.pop("credentials", UNSET)
        credentials: UserCredentials | Unset
        if isinstance(_credentials, Unset):
            credentials = UNSET
        else:
            credentials = UserCredentials.from_dict(_credentials)

        _field_embedded = d.pop("_embedded", UNSET)
        field_embedded: UserEmbedded | Unset
        if isinstance(_field_embedded, Unset):
            field_embedded = UNSET
        else:
            field_embedded = UserEmbedded.from_dict(_field_embedded)

        _field_links = d.pop("_links", UNSET)
        field_links: UserLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = UserLinks.from_dict(_field_links)

        user = cls(
            id=id,
            status=status,
            transitioning_to_status=transitioning_to_status,
            created=created,
            activated=activated,
            status_changed=status_changed,
            last_login=last_login,
            last_updated=last_updated,
            password_changed=password_changed,
            realm_id=realm_id,
            type_=type_,
            profile=profile,
            credentials=credentials,
            field_embedded=field_embedded,
            field_links=field_links,
        )

        user.additional_properties = d
        return user

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
from ..models.user_credentials import UserCredentials  # noqa: E402
from ..models.user_embedded import UserEmbedded  # noqa: E402
from ..models.user_links import UserLinks  # noqa: E402
from ..models.user_profile import UserProfile  # noqa: E402
from ..models.user_type_ref import UserTypeRef  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.permission_conditions_type_0 import PermissionConditionsType0
    from ..models.permission_links import PermissionLinks


T = TypeVar("T", bound="Permission")


@_attrs_define
class Permission:
    """One permission of a custom role, such as `okta.users.read`.

    Attributes:
        label (str | Unset):
        created (datetime.datetime | Unset):
        last_updated (datetime.datetime | Unset):
        conditions (None | PermissionConditionsType0 | Unset): Attribute conditions narrowing the permission.
        field_links (PermissionLinks | Unset):
    """

    label: str | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    conditions: None | PermissionConditionsType0 | Unset = UNSET
    field_links: PermissionLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, PermissionConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if created is not UNSET:
            field_dict["created"] = created
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
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
        label = d.pop("label", UNSET)

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

        def _parse_conditions(data: object) -> None | PermissionConditionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_permission_conditions_type_0 = (
                    PermissionConditionsType0.from_dict(data)
                )

                return componentsschemas_permission_conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("None | PermissionConditionsType0 | Unset", data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        _field_links = d.pop("_links", UNSET)
        field_links: PermissionLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = PermissionLinks.from_dict(_field_links)

        permission = cls(
            label=label,
            created=created,
            last_updated=last_updated,
            conditions=conditions,
            field_links=field_links,
        )

        permission.additional_properties = d
        return permission

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
from ..models.permission_conditions_type_0 import PermissionConditionsType0  # noqa: E402
from ..models.permission_links import PermissionLinks  # noqa: E402

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lifecycle_status import LifecycleStatus
from ..models.role_assignment_type import RoleAssignmentType
from ..models.role_type import RoleType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.role_assignment_links import RoleAssignmentLinks


T = TypeVar("T", bound="RoleAssignment")


@_attrs_define
class RoleAssignment:
    """An admin role assigned to a service app: a standard role (by `type`) or a custom role (`type: CUSTOM`, with `role`
    and `resource-set`).

        Attributes:
            type_ (RoleType):
            id (str | Unset):
            label (str | Unset):
            status (LifecycleStatus | Unset):
            assignment_type (RoleAssignmentType | Unset):
            role (str | Unset): The custom role's id.
            resource_set (str | Unset): The id of the resource set the custom role applies to.
            created (datetime.datetime | Unset):
            last_updated (datetime.datetime | Unset):
            field_links (RoleAssignmentLinks | Unset):
    """

    type_: RoleType
    id: str | Unset = UNSET
    label: str | Unset = UNSET
    status: LifecycleStatus | Unset = UNSET
    assignment_type: RoleAssignmentType | Unset = UNSET
    role: str | Unset = UNSET
    resource_set: str | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_updated: datetime.datetime | Unset = UNSET
    field_links: RoleAssignmentLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        label = self.label

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        assignment_type: str | Unset = UNSET
        if not isinstance(self.assignment_type, Unset):
            assignment_type = self.assignment_type.value

        role = self.role

        resource_set = self.resource_set

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_updated: str | Unset = UNSET
        if not isinstance(self.last_updated, Unset):
            last_updated = self.last_updated.isoformat()

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if status is not UNSET:
            field_dict["status"] = status
        if assignment_type is not UNSET:
            field_dict["assignmentType"] = assignment_type
        if role is not UNSET:
            field_dict["role"] = role
        if resource_set is not UNSET:
            field_dict["resource-set"] = resource_set
        if created is not UNSET:
            field_dict["created"] = created
        if last_updated is not UNSET:
            field_dict["lastUpdated"] = last_updated
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
        type_ = RoleType(d.pop("type"))

        id = d.pop("id", UNSET)

        label = d.pop("label", UNSET)

        _status = d.pop("status", UNSET)
        status: LifecycleStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LifecycleStatus(_status)

        _assignment_type = d.pop("assignmentType", UNSET)
        assignment_type: RoleAssignmentType | Unset
        if isinstance(_assignment_type, Unset):
            assignment_type = UNSET
        else:
            assignment_type = RoleAssignmentType(_assignment_type)

        role = d.pop("role", UNSET)

        resource_set = d.pop("resource-set", UNSET)

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

        _field_links = d.pop("_links", UNSET)
        field_links: RoleAssignmentLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = RoleAssignmentLinks.from_dict(_field_links)

        role_assignment = cls(
            type_=type_,
            id=id,
            label=label,
            status=status,
            assignment_type=assignment_type,
            role=role,
            resource_set=resource_set,
            created=created,
            last_updated=last_updated,
            field_links=field_links,
        )

        role_assignment.additional_properties = d
        return role_assignment

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
from ..models.role_assignment_links import RoleAssignmentLinks  # noqa: E402

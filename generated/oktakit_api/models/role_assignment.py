# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lifecycle_status import LifecycleStatus
from ..models.role_assignment_type import RoleAssignmentType
from ..models.role_type import RoleType
from ..types import enum_member


@_attrs_define
class RoleAssignment:
    """An admin role assigned to a service app: a standard role (by `type`) or a custom role
    (`type: CUSTOM`, with `role` and `resource-set`).

    Attributes:
        id (str)
        type (RoleType)
        label (str)
        status (LifecycleStatus | None)
        assignment_type (RoleAssignmentType | None)
        role (str | None): The custom role's id.
        resource_set (str | None): The id of the resource set the custom role applies to.
        created (datetime.datetime | None)
        last_updated (datetime.datetime | None)
        links (RoleAssignmentLinks | None)
    """

    id: str
    type: RoleType
    label: str
    status: LifecycleStatus | None = None
    assignment_type: RoleAssignmentType | None = None
    role: str | None = None
    resource_set: str | None = None
    created: datetime.datetime | None = None
    last_updated: datetime.datetime | None = None
    links: RoleAssignmentLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["type"] = self.type.value
        field_dict["label"] = self.label
        if self.status is not None:
            field_dict["status"] = self.status.value
        if self.assignment_type is not None:
            field_dict["assignmentType"] = self.assignment_type.value
        if self.role is not None:
            field_dict["role"] = self.role
        if self.resource_set is not None:
            field_dict["resource-set"] = self.resource_set
        if self.created is not None:
            field_dict["created"] = self.created.isoformat()
        if self.last_updated is not None:
            field_dict["lastUpdated"] = self.last_updated.isoformat()
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
        id = d.pop("id")
        type_ = enum_member(RoleType, d.pop("type"))
        label = d.pop("label")
        _status = d.pop("status", None)
        status = None if _status is None else enum_member(LifecycleStatus, _status)
        _assignment_type = d.pop("assignmentType", None)
        assignment_type = (
            None
            if _assignment_type is None
            else enum_member(RoleAssignmentType, _assignment_type)
        )
        role = d.pop("role", None)
        resource_set = d.pop("resource-set", None)
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
        _field_links = d.pop("_links", None)
        field_links = (
            None
            if _field_links is None
            else RoleAssignmentLinks.from_dict(_field_links)
        )
        if cls is RoleAssignment:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.type = type_
            parsed_model.label = label
            parsed_model.status = status
            parsed_model.assignment_type = assignment_type
            parsed_model.role = role
            parsed_model.resource_set = resource_set
            parsed_model.created = created
            parsed_model.last_updated = last_updated
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                id,
                type_,
                label,
                status,
                assignment_type,
                role,
                resource_set,
                created,
                last_updated,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<RoleAssignment {self.id!s} {self.type!s} {self.label!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.role_assignment_links import RoleAssignmentLinks  # noqa: E402

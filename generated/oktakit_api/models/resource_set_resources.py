# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import json_list


@_attrs_define
class ResourceSetResources:
    """ResourceSetResources

    Attributes:
        resources (list[ResourceSetResource] | None)
        links (ResourceSetResourcesLinks | None)
    """

    resources: list[ResourceSetResource] | None = None
    links: ResourceSetResourcesLinks | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.resources is not None:
            field_dict["resources"] = [item.to_dict() for item in self.resources]
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
        _resources = d.pop("resources", None)
        resources = (
            None
            if _resources is None
            else [ResourceSetResource.from_dict(item) for item in json_list(_resources)]
        )
        _field_links = d.pop("_links", None)
        field_links = (
            None
            if _field_links is None
            else ResourceSetResourcesLinks.from_dict(_field_links)
        )
        if cls is ResourceSetResources:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.resources = resources
            parsed_model.links = field_links
        else:
            parsed_model = cls(
                resources,
                field_links,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<ResourceSetResources>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.resource_set_resource import ResourceSetResource  # noqa: E402
from ..models.resource_set_resources_links import ResourceSetResourcesLinks  # noqa: E402

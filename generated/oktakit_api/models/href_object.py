# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HrefObject")


@_attrs_define
class HrefObject:
    """A link to a related resource or operation.

    Attributes:
        href (str):
        name (str | Unset):
        type_ (str | Unset):
        templated (bool | Unset):
    """

    href: str
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    templated: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        name = self.name

        type_ = self.type_

        templated = self.templated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "href": href,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if templated is not UNSET:
            field_dict["templated"] = templated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if not isinstance(src_dict, Mapping):
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        href = d.pop("href")

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        templated = d.pop("templated", UNSET)

        href_object = cls(
            href=href,
            name=name,
            type_=type_,
            templated=templated,
        )

        href_object.additional_properties = d
        return href_object

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

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.permission_condition_attributes import PermissionConditionAttributes


T = TypeVar("T", bound="PermissionConditionsType0")


@_attrs_define
class PermissionConditionsType0:
    """Attribute conditions narrowing the permission.

    Attributes:
        include (None | PermissionConditionAttributes | Unset):
        exclude (None | PermissionConditionAttributes | Unset):
    """

    include: None | PermissionConditionAttributes | Unset = UNSET
    exclude: None | PermissionConditionAttributes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        include: dict[str, Any] | None | Unset
        if isinstance(self.include, Unset):
            include = UNSET
        elif isinstance(self.include, PermissionConditionAttributes):
            include = self.include.to_dict()
        else:
            include = self.include

        exclude: dict[str, Any] | None | Unset
        if isinstance(self.exclude, Unset):
            exclude = UNSET
        elif isinstance(self.exclude, PermissionConditionAttributes):
            exclude = self.exclude.to_dict()
        else:
            exclude = self.exclude

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if include is not UNSET:
            field_dict["include"] = include
        if exclude is not UNSET:
            field_dict["exclude"] = exclude

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)

        def _parse_include(
            data: object,
        ) -> None | PermissionConditionAttributes | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                include_type_1 = PermissionConditionAttributes.from_dict(data)

                return include_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("None | PermissionConditionAttributes | Unset", data)

        include = _parse_include(d.pop("include", UNSET))

        def _parse_exclude(
            data: object,
        ) -> None | PermissionConditionAttributes | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclude_type_1 = PermissionConditionAttributes.from_dict(data)

                return exclude_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            # A string type for cast(): evaluating the union would build it anew on every parse.
            return cast("None | PermissionConditionAttributes | Unset", data)

        exclude = _parse_exclude(d.pop("exclude", UNSET))

        permission_conditions_type_0 = cls(
            include=include,
            exclude=exclude,
        )

        permission_conditions_type_0.additional_properties = d
        return permission_conditions_type_0

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
from ..models.permission_condition_attributes import PermissionConditionAttributes  # noqa: E402

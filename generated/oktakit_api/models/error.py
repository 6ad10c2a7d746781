# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_cause import ErrorCause


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Okta's error body. Only `errorCode` is stable enough to branch on.

    Attributes:
        error_code (str | Unset):
        error_summary (str | Unset):
        error_link (str | Unset):
        error_id (str | Unset):
        error_causes (list[ErrorCause] | Unset):
    """

    error_code: str | Unset = UNSET
    error_summary: str | Unset = UNSET
    error_link: str | Unset = UNSET
    error_id: str | Unset = UNSET
    error_causes: list[ErrorCause] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_summary = self.error_summary

        error_link = self.error_link

        error_id = self.error_id

        error_causes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.error_causes, Unset):
            error_causes = []
            for error_causes_item_data in self.error_causes:
                error_causes_item = error_causes_item_data.to_dict()
                error_causes.append(error_causes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_summary is not UNSET:
            field_dict["errorSummary"] = error_summary
        if error_link is not UNSET:
            field_dict["errorLink"] = error_link
        if error_id is not UNSET:
            field_dict["errorId"] = error_id
        if error_causes is not UNSET:
            field_dict["errorCauses"] = error_causes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        error_code = d.pop("errorCode", UNSET)

        error_summary = d.pop("errorSummary", UNSET)

        error_link = d.pop("errorLink", UNSET)

        error_id = d.pop("errorId", UNSET)

        _error_causes = d.pop("errorCauses", UNSET)
        error_causes: list[ErrorCause] | Unset = UNSET
        if _error_causes is not UNSET:
            error_causes = []
            for error_causes_item_data in _error_causes:
                error_causes_item = ErrorCause.from_dict(error_causes_item_data)

                error_causes.append(error_causes_item)

        error = cls(
            error_code=error_code,
            error_summary=error_summary,
            error_link=error_link,
            error_id=error_id,
            error_causes=error_causes,
        )

        error.additional_properties = d
        return error

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
from ..models.error_cause import ErrorCause  # noqa: E402

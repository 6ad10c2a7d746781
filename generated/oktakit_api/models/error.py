# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import json_list


@_attrs_define
class Error:
    """Okta's error body. Only `errorCode` is stable enough to branch on.

    Attributes:
        error_code (str | None)
        error_summary (str | None)
        error_link (str | None)
        error_id (str | None)
        error_causes (list[ErrorCause] | None)
    """

    error_code: str | None = None
    error_summary: str | None = None
    error_link: str | None = None
    error_id: str | None = None
    error_causes: list[ErrorCause] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.error_code is not None:
            field_dict["errorCode"] = self.error_code
        if self.error_summary is not None:
            field_dict["errorSummary"] = self.error_summary
        if self.error_link is not None:
            field_dict["errorLink"] = self.error_link
        if self.error_id is not None:
            field_dict["errorId"] = self.error_id
        if self.error_causes is not None:
            field_dict["errorCauses"] = [item.to_dict() for item in self.error_causes]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        error_code = d.pop("errorCode", None)
        error_summary = d.pop("errorSummary", None)
        error_link = d.pop("errorLink", None)
        error_id = d.pop("errorId", None)
        _error_causes = d.pop("errorCauses", None)
        error_causes = (
            None
            if _error_causes is None
            else [ErrorCause.from_dict(item) for item in json_list(_error_causes)]
        )
        if cls is Error:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.error_code = error_code
            parsed_model.error_summary = error_summary
            parsed_model.error_link = error_link
            parsed_model.error_id = error_id
            parsed_model.error_causes = error_causes
        else:
            parsed_model = cls(
                error_code,
                error_summary,
                error_link,
                error_id,
                error_causes,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<Error {self.error_code!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.error_cause import ErrorCause  # noqa: E402

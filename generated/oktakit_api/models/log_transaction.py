# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogTransaction:
    """The request (`WEB`) or job (`JOB`) the event belongs to; `detail` names the API token used.

    Attributes:
        id (None | str)
        type (None | str)
        detail (LogTransactionDetail | None)
    """

    id: None | str = None
    type: None | str = None
    detail: LogTransactionDetail | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.type is not None:
            field_dict["type"] = self.type
        if self.detail is not None:
            field_dict["detail"] = self.detail.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        id = d.pop("id", None)
        type_ = d.pop("type", None)
        _detail = d.pop("detail", None)
        detail = None if _detail is None else LogTransactionDetail.from_dict(_detail)
        if cls is LogTransaction:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.id = id
            parsed_model.type = type_
            parsed_model.detail = detail
        else:
            parsed_model = cls(
                id,
                type_,
                detail,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogTransaction {self.type!s} {self.id!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_transaction_detail import LogTransactionDetail  # noqa: E402

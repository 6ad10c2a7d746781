# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogUserAgent:
    """LogUserAgent

    Attributes:
        raw_user_agent (None | str)
        os (None | str)
        browser (None | str)
    """

    raw_user_agent: None | str = None
    os: None | str = None
    browser: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.raw_user_agent is not None:
            field_dict["rawUserAgent"] = self.raw_user_agent
        if self.os is not None:
            field_dict["os"] = self.os
        if self.browser is not None:
            field_dict["browser"] = self.browser
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        raw_user_agent = d.pop("rawUserAgent", None)
        os = d.pop("os", None)
        browser = d.pop("browser", None)
        if cls is LogUserAgent:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.raw_user_agent = raw_user_agent
            parsed_model.os = os
            parsed_model.browser = browser
        else:
            parsed_model = cls(
                raw_user_agent,
                os,
                browser,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogUserAgent {self.browser!s} {self.os!s}>"

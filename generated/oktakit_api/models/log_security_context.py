# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogSecurityContext:
    """What Okta knows of the client's network (`as_org`, `isp`, `is_proxy`) and the sign-in's
    risk.

    Attributes:
        as_number (int | None)
        as_org (None | str)
        isp (None | str)
        domain (None | str)
        is_proxy (bool | None)
        risk (LogRisk | None)
    """

    as_number: int | None = None
    as_org: None | str = None
    isp: None | str = None
    domain: None | str = None
    is_proxy: bool | None = None
    risk: LogRisk | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.as_number is not None:
            field_dict["asNumber"] = self.as_number
        if self.as_org is not None:
            field_dict["asOrg"] = self.as_org
        if self.isp is not None:
            field_dict["isp"] = self.isp
        if self.domain is not None:
            field_dict["domain"] = self.domain
        if self.is_proxy is not None:
            field_dict["isProxy"] = self.is_proxy
        if self.risk is not None:
            field_dict["risk"] = self.risk.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        as_number = d.pop("asNumber", None)
        as_org = d.pop("asOrg", None)
        isp = d.pop("isp", None)
        domain = d.pop("domain", None)
        is_proxy = d.pop("isProxy", None)
        _risk = d.pop("risk", None)
        risk = None if _risk is None else LogRisk.from_dict(_risk)
        if cls is LogSecurityContext:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.as_number = as_number
            parsed_model.as_org = as_org
            parsed_model.isp = isp
            parsed_model.domain = domain
            parsed_model.is_proxy = is_proxy
            parsed_model.risk = risk
        else:
            parsed_model = cls(
                as_number,
                as_org,
                isp,
                domain,
                is_proxy,
                risk,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogSecurityContext {self.as_org!s} {self.is_proxy!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_risk import LogRisk  # noqa: E402

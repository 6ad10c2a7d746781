# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class LogGeographicalContext:
    """LogGeographicalContext

    Attributes:
        city (None | str)
        state (None | str)
        country (None | str)
        postal_code (None | str)
        geolocation (LogGeolocation | None)
    """

    city: None | str = None
    state: None | str = None
    country: None | str = None
    postal_code: None | str = None
    geolocation: LogGeolocation | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.city is not None:
            field_dict["city"] = self.city
        if self.state is not None:
            field_dict["state"] = self.state
        if self.country is not None:
            field_dict["country"] = self.country
        if self.postal_code is not None:
            field_dict["postalCode"] = self.postal_code
        if self.geolocation is not None:
            field_dict["geolocation"] = self.geolocation.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        city = d.pop("city", None)
        state = d.pop("state", None)
        country = d.pop("country", None)
        postal_code = d.pop("postalCode", None)
        _geolocation = d.pop("geolocation", None)
        geolocation = (
            None if _geolocation is None else LogGeolocation.from_dict(_geolocation)
        )
        if cls is LogGeographicalContext:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.city = city
            parsed_model.state = state
            parsed_model.country = country
            parsed_model.postal_code = postal_code
            parsed_model.geolocation = geolocation
        else:
            parsed_model = cls(
                city,
                state,
                country,
                postal_code,
                geolocation,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogGeographicalContext {self.city!s} {self.country!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_geolocation import LogGeolocation  # noqa: E402

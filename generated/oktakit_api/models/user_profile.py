# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Self, cast


class UserProfile(Mapping[str, "Any"]):
    """The user's profile: the standard attributes below plus any custom attributes the org defines
    (kept as additional properties, e.g. `legalName`, `dateOfBirth`).

    A read-only mapping keyed by Okta's attribute names; the attributes the
    schema declares are also typed properties.
    """

    __slots__ = ("_data",)

    _data: dict[str, Any]

    def __init__(
        self, data: Mapping[str, Any] | None = None, /, **attributes: Any
    ) -> None:
        self._data = {**(data or {}), **attributes}

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a mapping.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        if "login" not in src_dict:
            raise KeyError("UserProfile lacks its required login")
        mapping = cls.__new__(cls)
        mapping._data = dict(src_dict)
        return mapping

    def to_dict(self) -> dict[str, Any]:
        """The JSON object, as Okta sent it."""
        return dict(self._data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    @property
    def login(self) -> str:
        return cast("str", self._data["login"])

    @property
    def email(self) -> str | None:
        return cast("str | None", self._data.get("email"))

    @property
    def second_email(self) -> None | str:
        return cast("None | str", self._data.get("secondEmail"))

    @property
    def first_name(self) -> None | str:
        return cast("None | str", self._data.get("firstName"))

    @property
    def last_name(self) -> None | str:
        return cast("None | str", self._data.get("lastName"))

    @property
    def middle_name(self) -> None | str:
        return cast("None | str", self._data.get("middleName"))

    @property
    def honorific_prefix(self) -> None | str:
        return cast("None | str", self._data.get("honorificPrefix"))

    @property
    def honorific_suffix(self) -> None | str:
        return cast("None | str", self._data.get("honorificSuffix"))

    @property
    def title(self) -> None | str:
        """Job title, e.g. Vice President."""
        return cast("None | str", self._data.get("title"))

    @property
    def display_name(self) -> None | str:
        return cast("None | str", self._data.get("displayName"))

    @property
    def nick_name(self) -> None | str:
        return cast("None | str", self._data.get("nickName"))

    @property
    def profile_url(self) -> None | str:
        return cast("None | str", self._data.get("profileUrl"))

    @property
    def primary_phone(self) -> None | str:
        return cast("None | str", self._data.get("primaryPhone"))

    @property
    def mobile_phone(self) -> None | str:
        return cast("None | str", self._data.get("mobilePhone"))

    @property
    def street_address(self) -> None | str:
        return cast("None | str", self._data.get("streetAddress"))

    @property
    def city(self) -> None | str:
        return cast("None | str", self._data.get("city"))

    @property
    def state(self) -> None | str:
        return cast("None | str", self._data.get("state"))

    @property
    def zip_code(self) -> None | str:
        return cast("None | str", self._data.get("zipCode"))

    @property
    def country_code(self) -> None | str:
        return cast("None | str", self._data.get("countryCode"))

    @property
    def postal_address(self) -> None | str:
        return cast("None | str", self._data.get("postalAddress"))

    @property
    def preferred_language(self) -> None | str:
        return cast("None | str", self._data.get("preferredLanguage"))

    @property
    def locale(self) -> str | None:
        return cast("str | None", self._data.get("locale"))

    @property
    def timezone(self) -> None | str:
        return cast("None | str", self._data.get("timezone"))

    @property
    def user_type(self) -> None | str:
        return cast("None | str", self._data.get("userType"))

    @property
    def employee_number(self) -> str | None:
        return cast("str | None", self._data.get("employeeNumber"))

    @property
    def cost_center(self) -> None | str:
        return cast("None | str", self._data.get("costCenter"))

    @property
    def organization(self) -> None | str:
        return cast("None | str", self._data.get("organization"))

    @property
    def division(self) -> None | str:
        return cast("None | str", self._data.get("division"))

    @property
    def department(self) -> str | None:
        return cast("str | None", self._data.get("department"))

    @property
    def manager(self) -> None | str:
        return cast("None | str", self._data.get("manager"))

    @property
    def manager_id(self) -> None | str:
        return cast("None | str", self._data.get("managerId"))

    def __repr__(self) -> str:
        return f"<UserProfile {self.login!s}>"

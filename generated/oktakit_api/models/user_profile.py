# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserProfile")


@_attrs_define
class UserProfile:
    """The user's profile: the standard attributes below plus any custom attributes the org defines (kept as additional
    properties, e.g. `legalName`, `dateOfBirth`).

        Attributes:
            login (str | Unset):
            email (str | Unset):
            second_email (None | str | Unset):
            first_name (None | str | Unset):
            last_name (None | str | Unset):
            middle_name (None | str | Unset):
            honorific_prefix (None | str | Unset):
            honorific_suffix (None | str | Unset):
            title (None | str | Unset): Job title, e.g. Vice President.
            display_name (None | str | Unset):
            nick_name (None | str | Unset):
            profile_url (None | str | Unset):
            primary_phone (None | str | Unset):
            mobile_phone (None | str | Unset):
            street_address (None | str | Unset):
            city (None | str | Unset):
            state (None | str | Unset):
            zip_code (None | str | Unset):
            country_code (None | str | Unset):
            postal_address (None | str | Unset):
            preferred_language (None | str | Unset):
            locale (str | Unset):
            timezone (None | str | Unset):
            user_type (None | str | Unset):
            employee_number (str | Unset):
            cost_center (None | str | Unset):
            organization (None | str | Unset):
            division (None | str | Unset):
            department (str | Unset):
            manager (None | str | Unset):
            manager_id (None | str | Unset):
    """

    login: str | Unset = UNSET
    email: str | Unset = UNSET
    second_email: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    honorific_prefix: None | str | Unset = UNSET
    honorific_suffix: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    nick_name: None | str | Unset = UNSET
    profile_url: None | str | Unset = UNSET
    primary_phone: None | str | Unset = UNSET
    mobile_phone: None | str | Unset = UNSET
    street_address: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    state: None | str | Unset = UNSET
    zip_code: None | str | Unset = UNSET
    country_code: None | str | Unset = UNSET
    postal_address: None | str | Unset = UNSET
    preferred_language: None | str | Unset = UNSET
    locale: str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    user_type: None | str | Unset = UNSET
    employee_number: str | Unset = UNSET
    cost_center: None | str | Unset = UNSET
    organization: None | str | Unset = UNSET
    division: None | str | Unset = UNSET
    department: str | Unset = UNSET
    manager: None | str | Unset = UNSET
    manager_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        login = self.login

        email = self.email

        second_email: None | str | Unset
        if isinstance(self.second_email, Unset):
            second_email = UNSET
        else:
            second_email = self.second_email

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        honorific_prefix: None | str | Unset
        if isinstance(self.honorific_prefix, Unset):
            honorific_prefix = UNSET
        else:
            honorific_prefix = self.honorific_prefix

        honorific_suffix: None | str | Unset
        if isinstance(self.honorific_suffix, Unset):
            honorific_suffix = UNSET
        else:
            honorific_suffix = self.honorific_suffix

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        nick_name: None | str | Unset
        if isinstance(self.nick_name, Unset):
            nick_name = UNSET
        else:
            nick_name = self.nick_name

        profile_url: None | str | Unset
        if isinstance(self.profile_url, Unset):
            profile_url = UNSET
        else:
            profile_url = self.profile_url

        primary_phone: None | str | Unset
        if isinstance(self.primary_phone, Unset):
            primary_phone = UNSET
        else:
            primary_phone = self.primary_phone

        mobile_phone: None | str | Unset
        if isinstance(self.mobile_phone, Unset):
            mobile_phone = UNSET
        else:
            mobile_phone = self.mobile_phone

        street_address: None | str | Unset
        if isinstance(self.street_address, Unset):
            street_address = UNSET
        else:
            street_address = self.street_address

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        zip_code: None | str | Unset
        if isinstance(self.zip_code, Unset):
            zip_code = UNSET
        else:
            zip_code = self.zip_code

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        postal_address: None | str | Unset
        if isinstance(self.postal_address, Unset):
            postal_address = UNSET
        else:
            postal_address = self.postal_address

        preferred_language: None | str | Unset
        if isinstance(self.preferred_language, Unset):
            preferred_language = UNSET
        else:
            preferred_language = self.preferred_language

        locale = self.locale

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        user_type: None | str | Unset
        if isinstance(self.user_type, Unset):
            user_type = UNSET
        else:
            user_type = self.user_type

        employee_number = self.employee_number

        cost_center: None | str | Unset
        if isinstance(self.cost_center, Unset):
            cost_center = UNSET
        else:
            cost_center = self.cost_center

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        division: None | str | Unset
        if isinstance(self.division, Unset):
            division = UNSET
        else:
            division = self.division

        department = self.department

        manager: None | str | Unset
        if isinstance(self.manager, Unset):
            manager = UNSET
        else:
            manager = self.manager

        manager_id: None | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if login is not UNSET:
            field_dict["login"] = login
        if email is not UNSET:
            field_dict["email"] = email
        if second_email is not UNSET:
            field_dict["secondEmail"] = second_email
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if honorific_prefix is not UNSET:
            field_dict["honorificPrefix"] = honorific_prefix
        if honorific_suffix is not UNSET:
            field_dict["honorificSuffix"] = honorific_suffix
        if title is not UNSET:
            field_dict["title"] = title
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if nick_name is not UNSET:
            field_dict["nickName"] = nick_name
        if profile_url is not UNSET:
            field_dict["profileUrl"] = profile_url
        if primary_phone is not UNSET:
            field_dict["primaryPhone"] = primary_phone
        if mobile_phone is not UNSET:
            field_dict["mobilePhone"] = mobile_phone
        if street_address is not UNSET:
            field_dict["streetAddress"] = street_address
        if city is not UNSET:
            field_dict["city"] = city
        if state is not UNSET:
            field_dict["state"] = state
        if zip_code is not UNSET:
            field_dict["zipCode"] = zip_code
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if postal_address is not UNSET:
            field_dict["postalAddress"] = postal_address
        if preferred_language is not UNSET:
            field_dict["preferredLanguage"] = preferred_language
        if locale is not UNSET:
            field_dict["locale"] = locale
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if user_type is not UNSET:
            field_dict["userType"] = user_type
        if employee_number is not UNSET:
            field_dict["employeeNumber"] = employee_number
        if cost_center is not UNSET:
            field_dict["costCenter"] = cost_center
        if organization is not UNSET:
            field_dict["organization"] = organization
        if division is not UNSET:
            field_dict["division"] = division
        if department is not UNSET:
            field_dict["department"] = department
        if manager is not UNSET:
            field_dict["manager"] = manager
        if manager_id is not UNSET:
            field_dict["managerId"] = manager_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        login = d.pop("login", UNSET)

        email = d.pop("email", UNSET)

        second_email = cast("None | str | Unset", d.pop("secondEmail", UNSET))

        first_name = cast("None | str | Unset", d.pop("firstName", UNSET))

        last_name = cast("None | str | Unset", d.pop("lastName", UNSET))

        middle_name = cast("None | str | Unset", d.pop("middleName", UNSET))

        honorific_prefix = cast("None | str | Unset", d.pop("honorificPrefix", UNSET))

        honorific_suffix = cast("None | str | Unset", d.pop("honorificSuffix", UNSET))

        title = cast("None | str | Unset", d.pop("title", UNSET))

        display_name = cast("None | str | Unset", d.pop("displayName", UNSET))

        nick_name = cast("None | str | Unset", d.pop("nickName", UNSET))

        profile_url = cast("None | str | Unset", d.pop("profileUrl", UNSET))

        primary_phone = cast("None | str | Unset", d.pop("primaryPhone", UNSET))

        mobile_phone = cast("None | str | Unset", d.pop("mobilePhone", UNSET))

        street_address = cast("None | str | Unset", d.pop("streetAddress", UNSET))

        city = cast("None | str | Unset", d.pop("city", UNSET))

        state = cast("None | str | Unset", d.pop("state", UNSET))

        zip_code = cast("None | str | Unset", d.pop("zipCode", UNSET))

        country_code = cast("None | str | Unset", d.pop("countryCode", UNSET))

        postal_address = cast("None | str | Unset", d.pop("postalAddress", UNSET))

        preferred_language = cast(
            "None | str | Unset", d.pop("preferredLanguage", UNSET)
        )

        locale = d.pop("locale", UNSET)

        timezone = cast("None | str | Unset", d.pop("timezone", UNSET))

        user_type = cast("None | str | Unset", d.pop("userType", UNSET))

        employee_number = d.pop("employeeNumber", UNSET)

        cost_center = cast("None | str | Unset", d.pop("costCenter", UNSET))

        organization = cast("None | str | Unset", d.pop("organization", UNSET))

        division = cast("None | str | Unset", d.pop("division", UNSET))

        department = d.pop("department", UNSET)

        manager = cast("None | str | Unset", d.pop("manager", UNSET))

        manager_id = cast("None | str | Unset", d.pop("managerId", UNSET))

        user_profile = cls(
            login=login,
            email=email,
            second_email=second_email,
            first_name=first_name,
            last_name=last_name,
            middle_name=middle_name,
            honorific_prefix=honorific_prefix,
            honorific_suffix=honorific_suffix,
            title=title,
            display_name=display_name,
            nick_name=nick_name,
            profile_url=profile_url,
            primary_phone=primary_phone,
            mobile_phone=mobile_phone,
            street_address=street_address,
            city=city,
            state=state,
            zip_code=zip_code,
            country_code=country_code,
            postal_address=postal_address,
            preferred_language=preferred_language,
            locale=locale,
            timezone=timezone,
            user_type=user_type,
            employee_number=employee_number,
            cost_center=cost_center,
            organization=organization,
            division=division,
            department=department,
            manager=manager,
            manager_id=manager_id,
        )

        user_profile.additional_properties = d
        return user_profile

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

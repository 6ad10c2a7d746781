# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from enum import StrEnum
from typing import Any


class RoleType(StrEnum):
    ACCESS_CERTIFICATIONS_ADMIN = "ACCESS_CERTIFICATIONS_ADMIN"
    ACCESS_REQUESTS_ADMIN = "ACCESS_REQUESTS_ADMIN"
    API_ACCESS_MANAGEMENT_ADMIN = "API_ACCESS_MANAGEMENT_ADMIN"
    APP_ADMIN = "APP_ADMIN"
    CUSTOM = "CUSTOM"
    GROUP_MEMBERSHIP_ADMIN = "GROUP_MEMBERSHIP_ADMIN"
    HELP_DESK_ADMIN = "HELP_DESK_ADMIN"
    ORG_ADMIN = "ORG_ADMIN"
    READ_ONLY_ADMIN = "READ_ONLY_ADMIN"
    REPORT_ADMIN = "REPORT_ADMIN"
    SUPER_ADMIN = "SUPER_ADMIN"
    USER_ADMIN = "USER_ADMIN"
    WORKFLOWS_ADMIN = "WORKFLOWS_ADMIN"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: Any) -> "RoleType | None":
        # Okta adds enum values over time: an unknown string becomes a pseudo-member equal to
        # itself instead of failing the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from enum import StrEnum
from typing import Any


class UserNextLogin(StrEnum):
    CHANGEPASSWORD = "changePassword"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: Any) -> "UserNextLogin | None":
        # Okta adds enum values over time: an unknown string becomes a pseudo-member equal to
        # itself instead of failing the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

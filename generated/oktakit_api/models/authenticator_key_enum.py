# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from enum import StrEnum
from typing import Any


class AuthenticatorKeyEnum(StrEnum):
    CUSTOM_APP = "custom_app"
    DUO = "duo"
    EXTERNAL_IDP = "external_idp"
    GOOGLE_OTP = "google_otp"
    OKTA_EMAIL = "okta_email"
    OKTA_PASSWORD = "okta_password"
    OKTA_VERIFY = "okta_verify"
    ONPREM_MFA = "onprem_mfa"
    PHONE_NUMBER = "phone_number"
    SECURITY_KEY = "security_key"
    SECURITY_QUESTION = "security_question"
    SMART_CARD_IDP = "smart_card_idp"
    SYMANTEC_VIP = "symantec_vip"
    TAC = "tac"
    WEBAUTHN = "webauthn"
    YUBIKEY_TOKEN = "yubikey_token"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: Any) -> "AuthenticatorKeyEnum | None":
        # Okta adds enum values over time: an unknown string becomes a pseudo-member equal to
        # itself instead of failing the whole response.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

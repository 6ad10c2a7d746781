# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Contains all the data models used in inputs/outputs.

Models are imported on first use, so importing the package stays cheap.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .authentication_provider import AuthenticationProvider
    from .authentication_provider_type import AuthenticationProviderType
    from .authenticator import Authenticator
    from .authenticator_enrollment_create_request_tac import (
        AuthenticatorEnrollmentCreateRequestTac,
    )
    from .authenticator_key_enum import AuthenticatorKeyEnum
    from .authenticator_links import AuthenticatorLinks
    from .authenticator_profile_tac_request import AuthenticatorProfileTacRequest
    from .authenticator_profile_tac_response_post import (
        AuthenticatorProfileTacResponsePost,
    )
    from .authenticator_type import AuthenticatorType
    from .deactivate_user_prefer import DeactivateUserPrefer
    from .error import Error
    from .error_cause import ErrorCause
    from .group import Group
    from .group_embedded import GroupEmbedded
    from .group_links import GroupLinks
    from .group_profile import GroupProfile
    from .group_type import GroupType
    from .lifecycle_status import LifecycleStatus
    from .link import Link
    from .partial_user import PartialUser
    from .password_credential import PasswordCredential
    from .password_credential_hook import PasswordCredentialHook
    from .permission import Permission
    from .permission_condition_attributes import PermissionConditionAttributes
    from .permission_conditions_type_0 import PermissionConditionsType0
    from .permission_links import PermissionLinks
    from .permissions import Permissions
    from .recovery_question_credential import RecoveryQuestionCredential
    from .role_assignment import RoleAssignment
    from .role_assignment_links import RoleAssignmentLinks
    from .role_assignment_type import RoleAssignmentType
    from .role_type import RoleType
    from .tac_authenticator_enrollment import TacAuthenticatorEnrollment
    from .tac_authenticator_enrollment_links import TacAuthenticatorEnrollmentLinks
    from .update_user_request import UpdateUserRequest
    from .user import User
    from .user_activation_token import UserActivationToken
    from .user_credentials import UserCredentials
    from .user_embedded import UserEmbedded
    from .user_links import UserLinks
    from .user_profile import UserProfile
    from .user_status import UserStatus
    from .user_transitioning_to_status_type_1 import UserTransitioningToStatusType1
    from .user_type_ref import UserTypeRef

_MODULE_OF = {
    "AuthenticationProvider": ".authentication_provider",
    "AuthenticationProviderType": ".authentication_provider_type",
    "Authenticator": ".authenticator",
    "AuthenticatorEnrollmentCreateRequestTac": ".authenticator_enrollment_create_request_tac",
    "AuthenticatorKeyEnum": ".authenticator_key_enum",
    "AuthenticatorLinks": ".authenticator_links",
    "AuthenticatorProfileTacRequest": ".authenticator_profile_tac_request",
    "AuthenticatorProfileTacResponsePost": ".authenticator_profile_tac_response_post",
    "AuthenticatorType": ".authenticator_type",
    "DeactivateUserPrefer": ".deactivate_user_prefer",
    "Error": ".error",
    "ErrorCause": ".error_cause",
    "Group": ".group",
    "GroupEmbedded": ".group_embedded",
    "GroupLinks": ".group_links",
    "GroupProfile": ".group_profile",
    "GroupType": ".group_type",
    "LifecycleStatus": ".lifecycle_status",
    "Link": ".link",
    "PartialUser": ".partial_user",
    "PasswordCredential": ".password_credential",
    "PasswordCredentialHook": ".password_credential_hook",
    "Permission": ".permission",
    "PermissionConditionAttributes": ".permission_condition_attributes",
    "PermissionConditionsType0": ".permission_conditions_type_0",
    "PermissionLinks": ".permission_links",
    "Permissions": ".permissions",
    "RecoveryQuestionCredential": ".recovery_question_credential",
    "RoleAssignment": ".role_assignment",
    "RoleAssignmentLinks": ".role_assignment_links",
    "RoleAssignmentType": ".role_assignment_type",
    "RoleType": ".role_type",
    "TacAuthenticatorEnrollment": ".tac_authenticator_enrollment",
    "TacAuthenticatorEnrollmentLinks": ".tac_authenticator_enrollment_links",
    "UpdateUserRequest": ".update_user_request",
    "User": ".user",
    "UserActivationToken": ".user_activation_token",
    "UserCredentials": ".user_credentials",
    "UserEmbedded": ".user_embedded",
    "UserLinks": ".user_links",
    "UserProfile": ".user_profile",
    "UserStatus": ".user_status",
    "UserTransitioningToStatusType1": ".user_transitioning_to_status_type_1",
    "UserTypeRef": ".user_type_ref",
}

__all__ = (
    "AuthenticationProvider",
    "AuthenticationProviderType",
    "Authenticator",
    "AuthenticatorEnrollmentCreateRequestTac",
    "AuthenticatorKeyEnum",
    "AuthenticatorLinks",
    "AuthenticatorProfileTacRequest",
    "AuthenticatorProfileTacResponsePost",
    "AuthenticatorType",
    "DeactivateUserPrefer",
    "Error",
    "ErrorCause",
    "Group",
    "GroupEmbedded",
    "GroupLinks",
    "GroupProfile",
    "GroupType",
    "LifecycleStatus",
    "Link",
    "PartialUser",
    "PasswordCredential",
    "PasswordCredentialHook",
    "Permission",
    "PermissionConditionAttributes",
    "PermissionConditionsType0",
    "PermissionLinks",
    "Permissions",
    "RecoveryQuestionCredential",
    "RoleAssignment",
    "RoleAssignmentLinks",
    "RoleAssignmentType",
    "RoleType",
    "TacAuthenticatorEnrollment",
    "TacAuthenticatorEnrollmentLinks",
    "UpdateUserRequest",
    "User",
    "UserActivationToken",
    "UserCredentials",
    "UserEmbedded",
    "UserLinks",
    "UserProfile",
    "UserStatus",
    "UserTransitioningToStatusType1",
    "UserTypeRef",
)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

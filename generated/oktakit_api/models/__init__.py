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
    from .authentication_provider_type_writable import (
        AuthenticationProviderTypeWritable,
    )
    from .authentication_provider_writable import AuthenticationProviderWritable
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
    from .create_user_request import CreateUserRequest
    from .deactivate_user_prefer import DeactivateUserPrefer
    from .delete_user_prefer import DeleteUserPrefer
    from .error import Error
    from .error_cause import ErrorCause
    from .grant_or_token_status import GrantOrTokenStatus
    from .group import Group
    from .group_embedded import GroupEmbedded
    from .group_links import GroupLinks
    from .group_profile import GroupProfile
    from .group_type import GroupType
    from .lifecycle_status import LifecycleStatus
    from .link import Link
    from .list_log_events_sort_order import ListLogEventsSortOrder
    from .log_actor import LogActor
    from .log_authentication_context import LogAuthenticationContext
    from .log_authentication_provider import LogAuthenticationProvider
    from .log_client import LogClient
    from .log_credential_provider import LogCredentialProvider
    from .log_credential_type import LogCredentialType
    from .log_debug_context import LogDebugContext
    from .log_debug_data import LogDebugData
    from .log_detail_entry import LogDetailEntry
    from .log_event import LogEvent
    from .log_geographical_context import LogGeographicalContext
    from .log_geolocation import LogGeolocation
    from .log_ip_address import LogIpAddress
    from .log_issuer import LogIssuer
    from .log_outcome import LogOutcome
    from .log_outcome_result import LogOutcomeResult
    from .log_request import LogRequest
    from .log_risk import LogRisk
    from .log_security_context import LogSecurityContext
    from .log_severity import LogSeverity
    from .log_target import LogTarget
    from .log_target_change_details import LogTargetChangeDetails
    from .log_transaction import LogTransaction
    from .log_transaction_detail import LogTransactionDetail
    from .log_user_agent import LogUserAgent
    from .o_auth_2_client import OAuth2Client
    from .o_auth_2_client_links import OAuth2ClientLinks
    from .o_auth_2_refresh_token import OAuth2RefreshToken
    from .o_auth_2_refresh_token_embedded import OAuth2RefreshTokenEmbedded
    from .o_auth_2_refresh_token_links import OAuth2RefreshTokenLinks
    from .o_auth_2_scope_consent_grant import OAuth2ScopeConsentGrant
    from .o_auth_2_scope_consent_grant_source import OAuth2ScopeConsentGrantSource
    from .partial_user import PartialUser
    from .password_credential import PasswordCredential
    from .password_credential_hook import PasswordCredentialHook
    from .permission import Permission
    from .permission_condition_attributes import PermissionConditionAttributes
    from .permission_conditions_type_0 import PermissionConditionsType0
    from .permission_links import PermissionLinks
    from .permissions import Permissions
    from .recovery_question_credential import RecoveryQuestionCredential
    from .reset_password_token import ResetPasswordToken
    from .resource_set import ResourceSet
    from .resource_set_links import ResourceSetLinks
    from .resource_set_resource import ResourceSetResource
    from .resource_set_resource_links import ResourceSetResourceLinks
    from .resource_set_resources import ResourceSetResources
    from .resource_set_resources_links import ResourceSetResourcesLinks
    from .role_assignment import RoleAssignment
    from .role_assignment_links import RoleAssignmentLinks
    from .role_assignment_type import RoleAssignmentType
    from .role_type import RoleType
    from .tac_authenticator_enrollment import TacAuthenticatorEnrollment
    from .tac_authenticator_enrollment_links import TacAuthenticatorEnrollmentLinks
    from .temp_password import TempPassword
    from .update_user_request import UpdateUserRequest
    from .user import User
    from .user_activation_token import UserActivationToken
    from .user_credentials import UserCredentials
    from .user_credentials_writable import UserCredentialsWritable
    from .user_embedded import UserEmbedded
    from .user_factor import UserFactor
    from .user_factor_embedded import UserFactorEmbedded
    from .user_factor_links import UserFactorLinks
    from .user_factor_profile import UserFactorProfile
    from .user_factor_status import UserFactorStatus
    from .user_factor_type import UserFactorType
    from .user_links import UserLinks
    from .user_next_login import UserNextLogin
    from .user_profile import UserProfile
    from .user_status import UserStatus
    from .user_transitioning_to_status_type_1 import UserTransitioningToStatusType1
    from .user_type_ref import UserTypeRef

_MODULE_OF = {
    "AuthenticationProvider": ".authentication_provider",
    "AuthenticationProviderType": ".authentication_provider_type",
    "AuthenticationProviderTypeWritable": ".authentication_provider_type_writable",
    "AuthenticationProviderWritable": ".authentication_provider_writable",
    "Authenticator": ".authenticator",
    "AuthenticatorEnrollmentCreateRequestTac": ".authenticator_enrollment_create_request_tac",
    "AuthenticatorKeyEnum": ".authenticator_key_enum",
    "AuthenticatorLinks": ".authenticator_links",
    "AuthenticatorProfileTacRequest": ".authenticator_profile_tac_request",
    "AuthenticatorProfileTacResponsePost": ".authenticator_profile_tac_response_post",
    "AuthenticatorType": ".authenticator_type",
    "CreateUserRequest": ".create_user_request",
    "DeactivateUserPrefer": ".deactivate_user_prefer",
    "DeleteUserPrefer": ".delete_user_prefer",
    "Error": ".error",
    "ErrorCause": ".error_cause",
    "GrantOrTokenStatus": ".grant_or_token_status",
    "Group": ".group",
    "GroupEmbedded": ".group_embedded",
    "GroupLinks": ".group_links",
    "GroupProfile": ".group_profile",
    "GroupType": ".group_type",
    "LifecycleStatus": ".lifecycle_status",
    "Link": ".link",
    "ListLogEventsSortOrder": ".list_log_events_sort_order",
    "LogActor": ".log_actor",
    "LogAuthenticationContext": ".log_authentication_context",
    "LogAuthenticationProvider": ".log_authentication_provider",
    "LogClient": ".log_client",
    "LogCredentialProvider": ".log_credential_provider",
    "LogCredentialType": ".log_credential_type",
    "LogDebugContext": ".log_debug_context",
    "LogDebugData": ".log_debug_data",
    "LogDetailEntry": ".log_detail_entry",
    "LogEvent": ".log_event",
    "LogGeographicalContext": ".log_geographical_context",
    "LogGeolocation": ".log_geolocation",
    "LogIpAddress": ".log_ip_address",
    "LogIssuer": ".log_issuer",
    "LogOutcome": ".log_outcome",
    "LogOutcomeResult": ".log_outcome_result",
    "LogRequest": ".log_request",
    "LogRisk": ".log_risk",
    "LogSecurityContext": ".log_security_context",
    "LogSeverity": ".log_severity",
    "LogTarget": ".log_target",
    "LogTargetChangeDetails": ".log_target_change_details",
    "LogTransaction": ".log_transaction",
    "LogTransactionDetail": ".log_transaction_detail",
    "LogUserAgent": ".log_user_agent",
    "OAuth2Client": ".o_auth_2_client",
    "OAuth2ClientLinks": ".o_auth_2_client_links",
    "OAuth2RefreshToken": ".o_auth_2_refresh_token",
    "OAuth2RefreshTokenEmbedded": ".o_auth_2_refresh_token_embedded",
    "OAuth2RefreshTokenLinks": ".o_auth_2_refresh_token_links",
    "OAuth2ScopeConsentGrant": ".o_auth_2_scope_consent_grant",
    "OAuth2ScopeConsentGrantSource": ".o_auth_2_scope_consent_grant_source",
    "PartialUser": ".partial_user",
    "PasswordCredential": ".password_credential",
    "PasswordCredentialHook": ".password_credential_hook",
    "Permission": ".permission",
    "PermissionConditionAttributes": ".permission_condition_attributes",
    "PermissionConditionsType0": ".permission_conditions_type_0",
    "PermissionLinks": ".permission_links",
    "Permissions": ".permissions",
    "RecoveryQuestionCredential": ".recovery_question_credential",
    "ResetPasswordToken": ".reset_password_token",
    "ResourceSet": ".resource_set",
    "ResourceSetLinks": ".resource_set_links",
    "ResourceSetResource": ".resource_set_resource",
    "ResourceSetResourceLinks": ".resource_set_resource_links",
    "ResourceSetResources": ".resource_set_resources",
    "ResourceSetResourcesLinks": ".resource_set_resources_links",
    "RoleAssignment": ".role_assignment",
    "RoleAssignmentLinks": ".role_assignment_links",
    "RoleAssignmentType": ".role_assignment_type",
    "RoleType": ".role_type",
    "TacAuthenticatorEnrollment": ".tac_authenticator_enrollment",
    "TacAuthenticatorEnrollmentLinks": ".tac_authenticator_enrollment_links",
    "TempPassword": ".temp_password",
    "UpdateUserRequest": ".update_user_request",
    "User": ".user",
    "UserActivationToken": ".user_activation_token",
    "UserCredentials": ".user_credentials",
    "UserCredentialsWritable": ".user_credentials_writable",
    "UserEmbedded": ".user_embedded",
    "UserFactor": ".user_factor",
    "UserFactorEmbedded": ".user_factor_embedded",
    "UserFactorLinks": ".user_factor_links",
    "UserFactorProfile": ".user_factor_profile",
    "UserFactorStatus": ".user_factor_status",
    "UserFactorType": ".user_factor_type",
    "UserLinks": ".user_links",
    "UserNextLogin": ".user_next_login",
    "UserProfile": ".user_profile",
    "UserStatus": ".user_status",
    "UserTransitioningToStatusType1": ".user_transitioning_to_status_type_1",
    "UserTypeRef": ".user_type_ref",
}

__all__ = (
    "AuthenticationProvider",
    "AuthenticationProviderType",
    "AuthenticationProviderTypeWritable",
    "AuthenticationProviderWritable",
    "Authenticator",
    "AuthenticatorEnrollmentCreateRequestTac",
    "AuthenticatorKeyEnum",
    "AuthenticatorLinks",
    "AuthenticatorProfileTacRequest",
    "AuthenticatorProfileTacResponsePost",
    "AuthenticatorType",
    "CreateUserRequest",
    "DeactivateUserPrefer",
    "DeleteUserPrefer",
    "Error",
    "ErrorCause",
    "GrantOrTokenStatus",
    "Group",
    "GroupEmbedded",
    "GroupLinks",
    "GroupProfile",
    "GroupType",
    "LifecycleStatus",
    "Link",
    "ListLogEventsSortOrder",
    "LogActor",
    "LogAuthenticationContext",
    "LogAuthenticationProvider",
    "LogClient",
    "LogCredentialProvider",
    "LogCredentialType",
    "LogDebugContext",
    "LogDebugData",
    "LogDetailEntry",
    "LogEvent",
    "LogGeographicalContext",
    "LogGeolocation",
    "LogIpAddress",
    "LogIssuer",
    "LogOutcome",
    "LogOutcomeResult",
    "LogRequest",
    "LogRisk",
    "LogSecurityContext",
    "LogSeverity",
    "LogTarget",
    "LogTargetChangeDetails",
    "LogTransaction",
    "LogTransactionDetail",
    "LogUserAgent",
    "OAuth2Client",
    "OAuth2ClientLinks",
    "OAuth2RefreshToken",
    "OAuth2RefreshTokenEmbedded",
    "OAuth2RefreshTokenLinks",
    "OAuth2ScopeConsentGrant",
    "OAuth2ScopeConsentGrantSource",
    "PartialUser",
    "PasswordCredential",
    "PasswordCredentialHook",
    "Permission",
    "PermissionConditionAttributes",
    "PermissionConditionsType0",
    "PermissionLinks",
    "Permissions",
    "RecoveryQuestionCredential",
    "ResetPasswordToken",
    "ResourceSet",
    "ResourceSetLinks",
    "ResourceSetResource",
    "ResourceSetResourceLinks",
    "ResourceSetResources",
    "ResourceSetResourcesLinks",
    "RoleAssignment",
    "RoleAssignmentLinks",
    "RoleAssignmentType",
    "RoleType",
    "TacAuthenticatorEnrollment",
    "TacAuthenticatorEnrollmentLinks",
    "TempPassword",
    "UpdateUserRequest",
    "User",
    "UserActivationToken",
    "UserCredentials",
    "UserCredentialsWritable",
    "UserEmbedded",
    "UserFactor",
    "UserFactorEmbedded",
    "UserFactorLinks",
    "UserFactorProfile",
    "UserFactorStatus",
    "UserFactorType",
    "UserLinks",
    "UserNextLogin",
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

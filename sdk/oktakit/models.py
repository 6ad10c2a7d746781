"""The result types oktakit returns, generated from the spec in ``okta_spec/``.

>>> from oktakit.models import User, UserStatus
>>> user: User = await okta.get_user("jane.doe@acme.com")
>>> user.status is UserStatus.ACTIVE, user.profile["legalName"], "suspend" in user.links
>>> event: LogEvent  # the System Log's events (okta.list_log_events, okta.tail_log_events)

Fields Okta always returns are plain attributes (``user.id: str``); others are ``X | None``.
Profiles and links are read-only mappings keyed by Okta's names. Each name is imported on
first use, so ``import oktakit.models`` stays cheap.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oktakit_api.models import (
        AuthenticationProvider,
        AuthenticationProviderType,
        Authenticator,
        AuthenticatorKeyEnum,
        AuthenticatorLinks,
        AuthenticatorProfileTacResponsePost,
        AuthenticatorType,
        GrantOrTokenStatus,
        Group,
        GroupEmbedded,
        GroupLinks,
        GroupProfile,
        GroupType,
        LifecycleStatus,
        Link,
        LogActor,
        LogAuthenticationContext,
        LogAuthenticationProvider,
        LogClient,
        LogCredentialProvider,
        LogCredentialType,
        LogDebugContext,
        LogDebugData,
        LogDetailEntry,
        LogEvent,
        LogGeographicalContext,
        LogGeolocation,
        LogIpAddress,
        LogIssuer,
        LogOutcome,
        LogOutcomeResult,
        LogRequest,
        LogRisk,
        LogSecurityContext,
        LogSeverity,
        LogTarget,
        LogTargetChangeDetails,
        LogTransaction,
        LogTransactionDetail,
        LogUserAgent,
        OAuth2ScopeConsentGrant,
        PartialUser,
        PasswordCredential,
        PasswordCredentialHook,
        Permission,
        PermissionConditionAttributes,
        PermissionLinks,
        RecoveryQuestionCredential,
        ResourceSet,
        ResourceSetResource,
        ResourceSetResources,
        RoleAssignment,
        RoleAssignmentLinks,
        RoleAssignmentType,
        RoleType,
        TacAuthenticatorEnrollment,
        TacAuthenticatorEnrollmentLinks,
        User,
        UserActivationToken,
        UserCredentials,
        UserEmbedded,
        UserLinks,
        UserProfile,
        UserStatus,
        UserTypeRef,
    )
    from oktakit_api.models import PermissionConditionsType0 as PermissionConditions
    from oktakit_api.models import UserTransitioningToStatusType1 as TransitioningToStatus

# Public name -> generated name (the generator numbers the non-null member of a nullable type).
_RENAMED = {
    "PermissionConditions": "PermissionConditionsType0",
    "TransitioningToStatus": "UserTransitioningToStatusType1",
}

__all__ = [
    "AuthenticationProvider",
    "AuthenticationProviderType",
    "Authenticator",
    "AuthenticatorKeyEnum",
    "AuthenticatorLinks",
    "AuthenticatorProfileTacResponsePost",
    "AuthenticatorType",
    "GrantOrTokenStatus",
    "Group",
    "GroupEmbedded",
    "GroupLinks",
    "GroupProfile",
    "GroupType",
    "LifecycleStatus",
    "Link",
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
    "OAuth2ScopeConsentGrant",
    "PartialUser",
    "PasswordCredential",
    "PasswordCredentialHook",
    "Permission",
    "PermissionConditionAttributes",
    "PermissionConditions",
    "PermissionLinks",
    "RecoveryQuestionCredential",
    "ResourceSet",
    "ResourceSetResource",
    "ResourceSetResources",
    "RoleAssignment",
    "RoleAssignmentLinks",
    "RoleAssignmentType",
    "RoleType",
    "TacAuthenticatorEnrollment",
    "TacAuthenticatorEnrollmentLinks",
    "TransitioningToStatus",
    "User",
    "UserActivationToken",
    "UserCredentials",
    "UserEmbedded",
    "UserLinks",
    "UserProfile",
    "UserStatus",
    "UserTypeRef",
]


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module("oktakit_api.models"), _RENAMED.get(name, name))
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

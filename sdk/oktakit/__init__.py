"""oktakit: an asyncio SDK for Okta user lifecycle management.

>>> from oktakit import OktaClient, ApiToken
>>> async with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
...     user = await okta.get_user("jane.doe@acme.com")
"""

from typing import TYPE_CHECKING

from ._lazy import lazy_namespace
from ._version import __version__

if TYPE_CHECKING:
    from ._http.ratelimit import RateLimitPolicy, RateLimitState
    from ._http.retry import RetryPolicy
    from ._http.stats import ClientStats
    from .auth._credentials import ApiToken, PrivateKeyJWT
    from .auth._keys import SigningKey, generate_signing_key, load_signing_key, public_jwks
    from .auth._protocol import Auth, Authorizer, CredentialInfo, OrgConnection, Resend
    from .bulk._containment_report import ContainmentReport, ContainmentRow
    from .bulk._journal import BulkFailure
    from .bulk._playbook import ContainStep
    from .bulk._report import BulkReport
    from .client import OktaClient
    from .errors import (
        ApiError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        InsufficientPermissionsError,
        InvalidArgumentError,
        JournalError,
        MalformedResponseError,
        MissingDependencyError,
        NotFoundError,
        OAuthError,
        OktaError,
        PermissionDeniedError,
        RateLimitError,
        RequestTimeoutError,
        ResponseTooLargeError,
        ServerError,
        TransportError,
    )
    from .models import (
        Authenticator,
        Group,
        LogEvent,
        PartialUser,
        Permission,
        RoleAssignment,
        TacAuthenticatorEnrollment,
        User,
        UserActivationToken,
        UserStatus,
    )
    from .permissions._check import CheckResult
    from .permissions._preflight import PreflightReport

__all__ = [
    "ApiError",
    "ApiToken",
    "Auth",
    "AuthenticationError",
    "Authenticator",
    "Authorizer",
    "BadRequestError",
    "BulkFailure",
    "BulkReport",
    "CheckResult",
    "ClientStats",
    "ConfigurationError",
    "ConflictError",
    "ContainStep",
    "ContainmentReport",
    "ContainmentRow",
    "CredentialInfo",
    "Group",
    "InsufficientPermissionsError",
    "InvalidArgumentError",
    "JournalError",
    "LogEvent",
    "MalformedResponseError",
    "MissingDependencyError",
    "NotFoundError",
    "OAuthError",
    "OktaClient",
    "OktaError",
    "OrgConnection",
    "PartialUser",
    "Permission",
    "PermissionDeniedError",
    "PreflightReport",
    "PrivateKeyJWT",
    "RateLimitError",
    "RateLimitPolicy",
    "RateLimitState",
    "RequestTimeoutError",
    "Resend",
    "ResponseTooLargeError",
    "RetryPolicy",
    "RoleAssignment",
    "ServerError",
    "SigningKey",
    "TacAuthenticatorEnrollment",
    "TransportError",
    "User",
    "UserActivationToken",
    "UserStatus",
    "__version__",
    "generate_signing_key",
    "load_signing_key",
    "public_jwks",
]

__getattr__, __dir__ = lazy_namespace(
    __name__,
    globals(),
    {
        "ApiError": ".errors",
        "ApiToken": ".auth._credentials",
        "Auth": ".auth._protocol",
        "AuthenticationError": ".errors",
        "Authorizer": ".auth._protocol",
        "BadRequestError": ".errors",
        "BulkFailure": ".bulk._journal",
        "ContainStep": ".bulk._playbook",
        "ContainmentReport": ".bulk._containment_report",
        "ContainmentRow": ".bulk._containment_report",
        "BulkReport": ".bulk._report",
        "CheckResult": ".permissions._check",
        "ClientStats": "._http.stats",
        "ConfigurationError": ".errors",
        "ConflictError": ".errors",
        "CredentialInfo": ".auth._protocol",
        "InsufficientPermissionsError": ".errors",
        "InvalidArgumentError": ".errors",
        "JournalError": ".errors",
        "LogEvent": ".models",
        "MalformedResponseError": ".errors",
        "MissingDependencyError": ".errors",
        "NotFoundError": ".errors",
        "OAuthError": ".errors",
        "OktaClient": ".client",
        "OktaError": ".errors",
        "OrgConnection": ".auth._protocol",
        "PermissionDeniedError": ".errors",
        "PreflightReport": ".permissions._preflight",
        "PrivateKeyJWT": ".auth._credentials",
        "RateLimitError": ".errors",
        "RateLimitPolicy": "._http.ratelimit",
        "RateLimitState": "._http.ratelimit",
        "Resend": ".auth._protocol",
        "RequestTimeoutError": ".errors",
        "ResponseTooLargeError": ".errors",
        "RetryPolicy": "._http.retry",
        "ServerError": ".errors",
        "SigningKey": ".auth._keys",
        "TransportError": ".errors",
        "generate_signing_key": ".auth._keys",
        "Authenticator": ".models",
        "Group": ".models",
        "PartialUser": ".models",
        "Permission": ".models",
        "RoleAssignment": ".models",
        "TacAuthenticatorEnrollment": ".models",
        "User": ".models",
        "UserActivationToken": ".models",
        "UserStatus": ".models",
        "load_signing_key": ".auth._keys",
        "public_jwks": ".auth._keys",
    },
)

"""oktakit: an asyncio SDK for Okta user lifecycle management.

>>> from oktakit import OktaClient, ApiToken
>>> async with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
...     user = await okta.get_user("jane.doe@acme.com")
"""

from typing import TYPE_CHECKING

from ._lazy import lazy_namespace
from ._version import __version__

if TYPE_CHECKING:
    from ._bulk_report import BulkReport
    from ._check import CheckResult
    from ._journal import BulkFailure
    from ._preflight import PreflightReport
    from ._stats import ClientStats
    from .auth import ApiToken, Auth, Authorizer, PrivateKeyJWT
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
    from .keys import SigningKey, generate_signing_key, load_signing_key, public_jwks
    from .models import (
        Authenticator,
        Group,
        PartialUser,
        Permission,
        RoleAssignment,
        TacAuthenticatorEnrollment,
        User,
        UserActivationToken,
        UserStatus,
    )
    from .ratelimit import RateLimitPolicy, RateLimitState
    from .retry import RetryPolicy

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
    "Group",
    "InsufficientPermissionsError",
    "InvalidArgumentError",
    "JournalError",
    "MalformedResponseError",
    "NotFoundError",
    "OAuthError",
    "OktaClient",
    "OktaError",
    "PartialUser",
    "Permission",
    "PermissionDeniedError",
    "PreflightReport",
    "PrivateKeyJWT",
    "RateLimitError",
    "RateLimitPolicy",
    "RateLimitState",
    "RequestTimeoutError",
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
        "ApiToken": ".auth",
        "Auth": ".auth",
        "AuthenticationError": ".errors",
        "Authorizer": ".auth",
        "BadRequestError": ".errors",
        "BulkFailure": "._journal",
        "BulkReport": "._bulk_report",
        "CheckResult": "._check",
        "ClientStats": "._stats",
        "ConfigurationError": ".errors",
        "ConflictError": ".errors",
        "InsufficientPermissionsError": ".errors",
        "InvalidArgumentError": ".errors",
        "JournalError": ".errors",
        "MalformedResponseError": ".errors",
        "NotFoundError": ".errors",
        "OAuthError": ".errors",
        "OktaClient": ".client",
        "OktaError": ".errors",
        "PermissionDeniedError": ".errors",
        "PreflightReport": "._preflight",
        "PrivateKeyJWT": ".auth",
        "RateLimitError": ".errors",
        "RateLimitPolicy": ".ratelimit",
        "RateLimitState": ".ratelimit",
        "RequestTimeoutError": ".errors",
        "ResponseTooLargeError": ".errors",
        "RetryPolicy": ".retry",
        "ServerError": ".errors",
        "SigningKey": ".keys",
        "TransportError": ".errors",
        "generate_signing_key": ".keys",
        "Authenticator": ".models",
        "Group": ".models",
        "PartialUser": ".models",
        "Permission": ".models",
        "RoleAssignment": ".models",
        "TacAuthenticatorEnrollment": ".models",
        "User": ".models",
        "UserActivationToken": ".models",
        "UserStatus": ".models",
        "load_signing_key": ".keys",
        "public_jwks": ".keys",
    },
)

"""oktakit: an asyncio SDK for Okta user lifecycle management.

>>> from oktakit import OktaClient, ApiToken
>>> async with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
...     user = await okta.get_user("jane.doe@acme.com")
"""

from ._check import CheckResult
from ._version import __version__
from .auth import ApiToken, Auth, Authorizer, PrivateKeyJWT
from .client import OktaClient
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    OAuthError,
    OktaError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)
from .keys import SigningKey, generate_signing_key, load_signing_key, public_jwks

__all__ = [
    "ApiError",
    "ApiToken",
    "Auth",
    "AuthenticationError",
    "Authorizer",
    "BadRequestError",
    "CheckResult",
    "ConfigurationError",
    "ConflictError",
    "InvalidArgumentError",
    "MalformedResponseError",
    "NotFoundError",
    "OAuthError",
    "OktaClient",
    "OktaError",
    "PermissionDeniedError",
    "PrivateKeyJWT",
    "RateLimitError",
    "RequestTimeoutError",
    "ServerError",
    "SigningKey",
    "TransportError",
    "__version__",
    "generate_signing_key",
    "load_signing_key",
    "public_jwks",
]

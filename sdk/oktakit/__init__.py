"""oktakit: an asyncio SDK for Okta user lifecycle management.

>>> from oktakit import OktaClient, ApiToken
>>> async with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
...     user = await okta.get_user("jane.doe@acme.com")
"""

from ._version import __version__
from .auth import ApiToken, Auth
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
    OktaError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)

__all__ = [
    "ApiError",
    "ApiToken",
    "Auth",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InvalidArgumentError",
    "MalformedResponseError",
    "NotFoundError",
    "OktaClient",
    "OktaError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTimeoutError",
    "ServerError",
    "TransportError",
    "__version__",
]

"""Credentials: how a request proves who sends it."""

from __future__ import annotations

from typing import Protocol

from .errors import ConfigurationError


class Auth(Protocol):
    """Anything that can add an ``Authorization`` header to a request."""

    async def headers(self, method: str, url: str) -> dict[str, str]:
        """Headers to add to the request about to be sent to ``url``."""
        ...


class ApiToken:
    """An Okta API token, sent as ``Authorization: SSWS <token>``.

    >>> ApiToken("00abc...")
    ApiToken(token='***')

    The token is never shown in ``repr()``, logs or error messages.
    """

    __slots__ = ("_header",)

    def __init__(self, token: str) -> None:
        if not isinstance(token, str):
            raise ConfigurationError("the API token must be a string")
        token = token.strip()
        if token[:5].upper() == "SSWS " or token.upper() == "SSWS":
            token = token[4:].strip()
        if not token:
            raise ConfigurationError("the API token is empty")
        if any(c.isspace() or not c.isprintable() for c in token):
            raise ConfigurationError("the API token contains whitespace or control characters")
        self._header = {"Authorization": f"SSWS {token}"}

    async def headers(self, method: str, url: str) -> dict[str, str]:
        return self._header

    def __repr__(self) -> str:
        return "ApiToken(token='***')"

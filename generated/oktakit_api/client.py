# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The seam between these generated operations and whatever sends them.

Generated code builds requests and parses responses only; it never talks to the network. A
caller hands every operation an ``ApiTransport`` whose ``request`` sends the request (adding
auth, retries, pacing and error mapping) and returns a ``RawResponse``.
"""

from collections.abc import Mapping
from typing import Any, Protocol


class RawResponse(Protocol):
    """What a transport returns: the status, the raw body, the headers and a JSON decoder."""

    @property
    def status_code(self) -> int: ...

    @property
    def content(self) -> bytes: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    def json(self) -> Any: ...


class ApiTransport(Protocol):
    """Sends one request described by an operation's ``_get_kwargs`` and returns the response."""

    async def request(
        self,
        *,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> RawResponse: ...


__all__ = ["ApiTransport", "RawResponse"]

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The seam between these generated operations and whatever sends them.

Generated code builds requests and parses responses only; it never talks to the network. A
caller sends what an operation's ``build_request`` describes (method, url, params, json,
headers), adding auth, retries, pacing and error mapping, and hands the answer to its
``parse_response`` as a ``RawResponse``.
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


__all__ = ["RawResponse"]

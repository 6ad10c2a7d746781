# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve a user: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.user import User
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/v1/users/{id}"


def build_request(
    id: str,
    *,
    expand: str | Unset = UNSET,
    content_type: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(content_type, Unset):
        headers["Content-Type"] = content_type

    params: dict[str, Any] = {}

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: RawResponse) -> User:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

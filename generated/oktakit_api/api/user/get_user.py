# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve a user: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.user import User
from ...operations import GET_USER as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{id}"


def build_request(
    id: str,
    *,
    expand: str | Unset = UNSET,
    content_type: str | Unset = UNSET,
) -> ApiRequest:
    headers: dict[str, Any] = {}
    if not isinstance(content_type, Unset):
        headers["Content-Type"] = content_type

    params: dict[str, Any] = {}
    if expand is not UNSET and expand is not None:
        params["expand"] = expand

    return ApiRequest(
        OPERATION,
        PATH.format(
            id=path_segment(str(id)),
        ),
        params,
        None,
        headers,
    )


def parse_response(response: RawResponse) -> User:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

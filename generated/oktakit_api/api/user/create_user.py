# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Create a user: request builder and response parser."""

from collections.abc import Mapping
from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.user import User
from ...models.user_next_login import UserNextLogin
from ...operations import CREATE_USER as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset

PATH = "/api/v1/users"


def build_request(
    *,
    body: Mapping[str, Any],
    activate: bool | Unset = True,
    provider: bool | Unset = False,
    next_login: UserNextLogin | Unset = UNSET,
) -> ApiRequest:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}
    if activate is not UNSET and activate is not None:
        params["activate"] = activate
    if provider is not UNSET and provider is not None:
        params["provider"] = provider
    json_next_login: str | Unset = UNSET
    if not isinstance(next_login, Unset):
        json_next_login = next_login.value

    if json_next_login is not UNSET and json_next_login is not None:
        params["nextLogin"] = json_next_login

    headers["Content-Type"] = "application/json"
    return ApiRequest(
        OPERATION,
        PATH,
        params,
        body,
        headers,
    )


def parse_response(response: RawResponse) -> User:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

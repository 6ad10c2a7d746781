# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Create a user: request builder and response parser."""

from collections.abc import Mapping
from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.user import User
from ...models.user_next_login import UserNextLogin
from ...types import UNSET, Unset

METHOD = "POST"
PATH = "/api/v1/users"


def build_request(
    *,
    body: Mapping[str, Any],
    activate: bool | Unset = True,
    provider: bool | Unset = False,
    next_login: UserNextLogin | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["activate"] = activate

    params["provider"] = provider

    json_next_login: str | Unset = UNSET
    if not isinstance(next_login, Unset):
        json_next_login = next_login.value

    params["nextLogin"] = json_next_login

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    _kwargs["json"] = body
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: RawResponse) -> User:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Expire a user's password and set a temporary one: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.temp_password import TempPassword
from ...types import UNSET, Unset

METHOD = "POST"
PATH = "/api/v1/users/{id}/lifecycle/expire_password_with_temp_password"


def build_request(
    id: str,
    *,
    revoke_sessions: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["revokeSessions"] = revoke_sessions

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def parse_response(response: RawResponse) -> TempPassword:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = TempPassword.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

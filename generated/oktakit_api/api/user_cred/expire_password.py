# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Expire a user's password: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.user import User

METHOD = "POST"
PATH = "/api/v1/users/{id}/lifecycle/expire_password"


def build_request(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: RawResponse) -> User:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

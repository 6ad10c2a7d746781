# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List a user's refresh tokens for a client: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.o_auth_2_refresh_token import OAuth2RefreshToken
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/v1/users/{user_id}/clients/{client_id}/tokens"


def build_request(
    user_id: str,
    client_id: str,
    *,
    expand: str | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expand"] = expand

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            user_id=quote(str(user_id), safe=""),
            client_id=quote(str(client_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def parse_response(response: RawResponse) -> list[OAuth2RefreshToken]:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        # Iterating an object would silently yield its keys (or nothing at all).
        if not isinstance(response.json(), list):
            raise TypeError(
                f"expected a JSON array, not {type(response.json()).__name__}"
            )
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = OAuth2RefreshToken.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

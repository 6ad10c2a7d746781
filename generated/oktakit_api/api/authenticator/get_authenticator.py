# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve an authenticator: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.authenticator import Authenticator

METHOD = "GET"
PATH = "/api/v1/authenticators/{authenticator_id}"


def build_request(
    authenticator_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            authenticator_id=quote(str(authenticator_id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: RawResponse) -> Authenticator:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = Authenticator.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

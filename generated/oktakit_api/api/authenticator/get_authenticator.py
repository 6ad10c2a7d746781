# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve an authenticator: request builder and response parser."""

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import ApiTransport, RawResponse
from ...models.authenticator import Authenticator
from ...types import Response

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


async def asyncio_detailed(
    client: ApiTransport,
    authenticator_id: str,
) -> Response[Authenticator]:
    """Retrieve an authenticator

    Sends the request through ``client`` (which owns auth, retries and error mapping) and
    parses the documented responses.
    """
    response = await client.request(
        **build_request(
            authenticator_id=authenticator_id,
        )
    )
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Issue a temporary access code: request builder and response parser."""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import ApiTransport, RawResponse
from ...models.tac_authenticator_enrollment import TacAuthenticatorEnrollment
from ...types import Response

METHOD = "POST"
PATH = "/api/v1/users/{user_id}/authenticator-enrollments/tac"


def build_request(
    user_id: str,
    *,
    body: Mapping[str, Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: RawResponse) -> TacAuthenticatorEnrollment:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = TacAuthenticatorEnrollment.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)


async def asyncio_detailed(
    client: ApiTransport,
    user_id: str,
    *,
    body: Mapping[str, Any],
) -> Response[TacAuthenticatorEnrollment]:
    """Issue a temporary access code

    Sends the request through ``client`` (which owns auth, retries and error mapping) and
    parses the documented responses.
    """
    response = await client.request(
        **build_request(
            user_id=user_id,
            body=body,
        )
    )
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )

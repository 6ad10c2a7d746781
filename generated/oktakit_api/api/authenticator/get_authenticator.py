# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve an authenticator: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...models.authenticator import Authenticator
from ...operations import GET_AUTHENTICATOR as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/authenticators/{authenticator_id}"


def build_request(
    authenticator_id: str,
) -> ApiRequest:

    return ApiRequest(
        OPERATION,
        PATH.format(
            authenticator_id=path_segment(str(authenticator_id)),
        ),
        None,
        None,
        None,
    )


def parse_response(response: RawResponse) -> Authenticator:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = Authenticator.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

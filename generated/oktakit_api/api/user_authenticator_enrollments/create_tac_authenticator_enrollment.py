# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Issue a temporary access code: request builder and response parser."""

from collections.abc import Mapping
from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.tac_authenticator_enrollment import TacAuthenticatorEnrollment
from ...operations import CREATE_TAC_AUTHENTICATOR_ENROLLMENT as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/users/{user_id}/authenticator-enrollments/tac"


def build_request(
    user_id: str,
    *,
    body: Mapping[str, Any],
) -> ApiRequest:
    headers: dict[str, Any] = {}

    headers["Content-Type"] = "application/json"
    return ApiRequest(
        OPERATION,
        PATH.format(
            user_id=path_segment(str(user_id)),
        ),
        None,
        body,
        headers,
    )


def parse_response(response: RawResponse) -> TacAuthenticatorEnrollment:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = TacAuthenticatorEnrollment.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

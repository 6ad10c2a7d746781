# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Start a password reset: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.reset_password_token import ResetPasswordToken
from ...operations import RESET_PASSWORD as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{id}/lifecycle/reset_password"


def build_request(
    id: str,
    *,
    send_email: bool,
    revoke_sessions: bool | Unset = False,
) -> ApiRequest:

    params: dict[str, Any] = {}
    params["sendEmail"] = send_email
    if revoke_sessions is not UNSET and revoke_sessions is not None:
        params["revokeSessions"] = revoke_sessions

    return ApiRequest(
        OPERATION,
        PATH.format(
            id=path_segment(str(id)),
        ),
        params,
        None,
        None,
    )


def parse_response(response: RawResponse) -> ResetPasswordToken:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = ResetPasswordToken.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

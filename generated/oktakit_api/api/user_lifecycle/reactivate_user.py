# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Reactivate a user: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.user_activation_token import UserActivationToken
from ...operations import REACTIVATE_USER as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{id}/lifecycle/reactivate"


def build_request(
    id: str,
    *,
    send_email: bool | Unset = False,
) -> ApiRequest:

    params: dict[str, Any] = {}
    if send_email is not UNSET and send_email is not None:
        params["sendEmail"] = send_email

    return ApiRequest(
        OPERATION,
        PATH.format(
            id=path_segment(str(id)),
        ),
        params,
        None,
        None,
    )


def parse_response(response: RawResponse) -> UserActivationToken:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = UserActivationToken.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

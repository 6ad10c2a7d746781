# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Delete a user (deactivates first): request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.delete_user_prefer import DeleteUserPrefer
from ...operations import DELETE_USER as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{id}"


def build_request(
    id: str,
    *,
    send_email: bool | Unset = False,
    prefer: DeleteUserPrefer | Unset = UNSET,
) -> ApiRequest:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

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
        headers,
    )


def parse_response(response: RawResponse) -> None:
    """Parse the documented success response; any other status is unexpected here."""
    # No body is documented: "202 Accepted" (an asynchronous action) and "204 No Content", which
    # Okta has answered deactivate with, report the same success.
    if response.status_code in (204, 202, 204):
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)

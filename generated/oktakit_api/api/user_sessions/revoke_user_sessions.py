# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Revoke a user's sessions: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...operations import REVOKE_USER_SESSIONS as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{user_id}/sessions"


def build_request(
    user_id: str,
    *,
    oauth_tokens: bool | Unset = False,
    forget_devices: bool | Unset = True,
) -> ApiRequest:

    params: dict[str, Any] = {}
    if oauth_tokens is not UNSET and oauth_tokens is not None:
        params["oauthTokens"] = oauth_tokens
    if forget_devices is not UNSET and forget_devices is not None:
        params["forgetDevices"] = forget_devices

    return ApiRequest(
        OPERATION,
        PATH.format(
            user_id=path_segment(str(user_id)),
        ),
        params,
        None,
        None,
    )


def parse_response(response: RawResponse) -> None:
    """Parse the documented success response; any other status is unexpected here."""
    # No body is documented: "202 Accepted" (an asynchronous action) and "204 No Content", which
    # Okta has answered deactivate with, report the same success.
    if response.status_code in (204, 202, 204):
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)

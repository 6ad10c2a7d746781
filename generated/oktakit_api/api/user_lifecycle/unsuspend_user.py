# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Unsuspend a user: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...operations import UNSUSPEND_USER as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/users/{id}/lifecycle/unsuspend"


def build_request(
    id: str,
) -> ApiRequest:

    return ApiRequest(
        OPERATION,
        PATH.format(
            id=path_segment(str(id)),
        ),
        None,
        None,
        None,
    )


def parse_response(response: RawResponse) -> None:
    """Parse the documented success response; any other status is unexpected here."""
    # No body is documented: "202 Accepted" (an asynchronous action) and "204 No Content", which
    # Okta has answered deactivate with, report the same success.
    if response.status_code in (200, 202, 204):
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)

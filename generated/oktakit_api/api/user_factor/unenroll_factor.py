# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Unenroll one of a user's factors: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...operations import UNENROLL_FACTOR as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{user_id}/factors/{factor_id}"


def build_request(
    user_id: str,
    factor_id: str,
    *,
    remove_recovery_enrollment: bool | Unset = False,
) -> ApiRequest:

    params: dict[str, Any] = {}
    if (
        remove_recovery_enrollment is not UNSET
        and remove_recovery_enrollment is not None
    ):
        params["removeRecoveryEnrollment"] = remove_recovery_enrollment

    return ApiRequest(
        OPERATION,
        PATH.format(
            user_id=path_segment(str(user_id)),
            factor_id=path_segment(str(factor_id)),
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

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Revoke all of a user's grants: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse

METHOD = "DELETE"
PATH = "/api/v1/users/{user_id}/grants"


def build_request(
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: RawResponse) -> None:
    """Parse the documented success response; any other status is unexpected here."""
    # No body is documented: "202 Accepted" (an asynchronous action) and "204 No Content", which
    # Okta has answered deactivate with, report the same success.
    if response.status_code in (204, 202, 204):
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)

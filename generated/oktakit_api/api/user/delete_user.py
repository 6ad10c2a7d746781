# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Delete a user (deactivates first): request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.delete_user_prefer import DeleteUserPrefer
from ...types import UNSET, Unset

METHOD = "DELETE"
PATH = "/api/v1/users/{id}"


def build_request(
    id: str,
    *,
    send_email: bool | Unset = False,
    prefer: DeleteUserPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["sendEmail"] = send_email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: RawResponse) -> None:
    """Parse the documented success response; any other status is unexpected here."""
    # No body is documented: "202 Accepted" (an asynchronous action) and "204 No Content", which
    # Okta has answered deactivate with, report the same success.
    if response.status_code in (204, 202, 204):
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)

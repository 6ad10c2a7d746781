# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Issue a temporary access code: request builder and response parser."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.tac_authenticator_enrollment import TacAuthenticatorEnrollment

METHOD = "POST"
PATH = "/api/v1/users/{user_id}/authenticator-enrollments/tac"


def build_request(
    user_id: str,
    *,
    body: Mapping[str, Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: RawResponse) -> TacAuthenticatorEnrollment:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = TacAuthenticatorEnrollment.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

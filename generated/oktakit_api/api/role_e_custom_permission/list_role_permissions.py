# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the permissions of a custom role: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.permissions import Permissions

METHOD = "GET"
PATH = "/api/v1/iam/roles/{role_id_or_label}/permissions"


def build_request(
    role_id_or_label: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            role_id_or_label=quote(str(role_id_or_label), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: RawResponse) -> Permissions:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = Permissions.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

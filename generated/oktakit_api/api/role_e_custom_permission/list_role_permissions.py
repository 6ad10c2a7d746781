# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the permissions of a custom role: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...models.permissions import Permissions
from ...operations import LIST_ROLE_PERMISSIONS as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/iam/roles/{role_id_or_label}/permissions"


def build_request(
    role_id_or_label: str,
) -> ApiRequest:

    return ApiRequest(
        OPERATION,
        PATH.format(
            role_id_or_label=path_segment(str(role_id_or_label)),
        ),
        None,
        None,
        None,
    )


def parse_response(response: RawResponse) -> Permissions:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = Permissions.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

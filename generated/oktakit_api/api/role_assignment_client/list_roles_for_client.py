# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the admin roles of a service app: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...models.role_assignment import RoleAssignment
from ...operations import LIST_ROLES_FOR_CLIENT as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/oauth2/v1/clients/{client_id}/roles"


def build_request(
    client_id: str,
) -> ApiRequest:

    return ApiRequest(
        OPERATION,
        PATH.format(
            client_id=path_segment(str(client_id)),
        ),
        None,
        None,
        None,
    )


def parse_response(response: RawResponse) -> list[RoleAssignment]:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        # Iterating an object would silently yield its keys (or nothing at all).
        if not isinstance(response.json(), list):
            raise TypeError(
                f"expected a JSON array, not {type(response.json()).__name__}"
            )
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = RoleAssignment.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

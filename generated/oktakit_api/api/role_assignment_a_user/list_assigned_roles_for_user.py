# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the admin roles of a user: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.role_assignment import RoleAssignment
from ...operations import LIST_ASSIGNED_ROLES_FOR_USER as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/users/{user_id}/roles"


def build_request(
    user_id: str,
    *,
    expand: str | Unset = UNSET,
) -> ApiRequest:

    params: dict[str, Any] = {}
    if expand is not UNSET and expand is not None:
        params["expand"] = expand

    return ApiRequest(
        OPERATION,
        PATH.format(
            user_id=path_segment(str(user_id)),
        ),
        params,
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

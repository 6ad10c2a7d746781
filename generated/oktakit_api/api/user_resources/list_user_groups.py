# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List a user's groups: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...models.group import Group
from ...operations import LIST_USER_GROUPS as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/users/{id}/groups"


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


def parse_response(response: RawResponse) -> list[Group]:
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
            response_200_item = Group.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

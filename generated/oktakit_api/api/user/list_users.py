# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List users: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.user import User
from ...operations import LIST_USERS as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset

PATH = "/api/v1/users"


def build_request(
    *,
    search: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    q: str | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = 200,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = "asc",
    fields: str | Unset = UNSET,
    expand: str | Unset = UNSET,
    content_type: str | Unset = UNSET,
) -> ApiRequest:
    headers: dict[str, Any] = {}
    if not isinstance(content_type, Unset):
        headers["Content-Type"] = content_type

    params: dict[str, Any] = {}
    if search is not UNSET and search is not None:
        params["search"] = search
    if filter_ is not UNSET and filter_ is not None:
        params["filter"] = filter_
    if q is not UNSET and q is not None:
        params["q"] = q
    if after is not UNSET and after is not None:
        params["after"] = after
    if limit is not UNSET and limit is not None:
        params["limit"] = limit
    if sort_by is not UNSET and sort_by is not None:
        params["sortBy"] = sort_by
    if sort_order is not UNSET and sort_order is not None:
        params["sortOrder"] = sort_order
    if fields is not UNSET and fields is not None:
        params["fields"] = fields
    if expand is not UNSET and expand is not None:
        params["expand"] = expand

    return ApiRequest(
        OPERATION,
        PATH,
        params,
        None,
        headers,
    )


def parse_response(response: RawResponse) -> list[User]:
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
            response_200_item = User.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

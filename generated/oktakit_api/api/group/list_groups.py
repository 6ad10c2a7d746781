# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List groups: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.group import Group
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/v1/groups"


def build_request(
    *,
    search: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    q: str | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    expand: str | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = "asc",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["search"] = search

    params["filter"] = filter_

    params["q"] = q

    params["after"] = after

    params["limit"] = limit

    params["expand"] = expand

    params["sortBy"] = sort_by

    params["sortOrder"] = sort_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs


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

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the resources of a resource set: request builder and response parser."""

from typing import Any
from urllib.parse import quote

from ... import errors
from ...client import RawResponse
from ...models.resource_set_resources import ResourceSetResources
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/v1/iam/resource-sets/{resource_set_id_or_label}/resources"


def build_request(
    resource_set_id_or_label: str,
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            resource_set_id_or_label=quote(str(resource_set_id_or_label), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def parse_response(response: RawResponse) -> ResourceSetResources:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = ResourceSetResources.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""List the resources of a resource set: request builder and response parser."""

from typing import Any

from ... import errors
from ...client import RawResponse
from ...models.resource_set_resources import ResourceSetResources
from ...operations import LIST_RESOURCE_SET_RESOURCES as OPERATION
from ...operations import ApiRequest
from ...types import UNSET, Unset, path_segment

PATH = "/api/v1/iam/resource-sets/{resource_set_id_or_label}/resources"


def build_request(
    resource_set_id_or_label: str,
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ApiRequest:

    params: dict[str, Any] = {}
    if after is not UNSET and after is not None:
        params["after"] = after
    if limit is not UNSET and limit is not None:
        params["limit"] = limit

    return ApiRequest(
        OPERATION,
        PATH.format(
            resource_set_id_or_label=path_segment(str(resource_set_id_or_label)),
        ),
        params,
        None,
        None,
    )


def parse_response(response: RawResponse) -> ResourceSetResources:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = ResourceSetResources.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Retrieve a resource set: request builder and response parser."""

from ... import errors
from ...client import RawResponse
from ...models.resource_set import ResourceSet
from ...operations import GET_RESOURCE_SET as OPERATION
from ...operations import ApiRequest
from ...types import path_segment

PATH = "/api/v1/iam/resource-sets/{resource_set_id_or_label}"


def build_request(
    resource_set_id_or_label: str,
) -> ApiRequest:

    return ApiRequest(
        OPERATION,
        PATH.format(
            resource_set_id_or_label=path_segment(str(resource_set_id_or_label)),
        ),
        None,
        None,
        None,
    )


def parse_response(response: RawResponse) -> ResourceSet:
    """Parse the documented success response; any other status is unexpected here."""
    if response.status_code == 200:
        response_200 = ResourceSet.from_dict(response.json())

        return response_200

    raise errors.UnexpectedStatus(response.status_code, response.content)

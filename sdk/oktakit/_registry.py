"""The one way into the operation registry and the permission catalogue, both generated from
``okta_spec/``: ``oktakit_api.operations`` (an ``Operation`` per operation of the spec: method,
path, scopes, permissions, bucket, retry safety, builder and parser) and
``oktakit_api.permission_catalogue`` (Admin Console labels, resource kinds and standard roles,
from ``okta_spec/permissions.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oktakit_api.operations import Operation


def operations() -> Mapping[str, Operation[..., Any]]:
    """Every operation of the spec by operationId."""
    # Read at call time (not imported by name) so that a test can swap in a changed spec.
    from oktakit_api import operations

    return operations.OPERATIONS


def operations_by_name() -> dict[str, Operation[..., Any]]:
    """Every operation by client method name."""
    return {operation.name: operation for operation in operations().values()}


def catalogue() -> Mapping[str, Any]:
    """okta_spec/permissions.yaml: ``permissions``, ``resources`` and ``standard_roles``."""
    from oktakit_api.permission_catalogue import CATALOGUE

    return CATALOGUE

"""Where the permission helpers read operation facts and the permission catalogue from.

Both are generated from ``okta_spec/``: the operation registry (``oktakit_api.operations``) and
the catalogue of Admin Console labels, resource kinds and standard roles
(``oktakit_api.permission_catalogue``, from ``okta_spec/permissions.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from oktakit_api.operations import Operation

OperationFacts: TypeAlias = Operation[Any]


def operation_facts() -> Mapping[str, OperationFacts]:
    """Every operation of the spec by operationId."""
    # Read at call time (not imported by name) so that a test can swap in a changed spec.
    from oktakit_api import operations

    return operations.OPERATIONS


def facts_by_name() -> dict[str, OperationFacts]:
    """Every operation by client method name."""
    return {facts.name: facts for facts in operation_facts().values()}


def catalogue() -> Mapping[str, Any]:
    """okta_spec/permissions.yaml: ``permissions``, ``resources`` and ``standard_roles``."""
    from oktakit_api.permission_catalogue import CATALOGUE

    return CATALOGUE

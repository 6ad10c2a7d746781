"""The one place the permission helpers read operation facts from the spec.

Today the facts come from ``oktakit_api.operations.OPERATIONS`` and
``oktakit_api.permission_catalogue.CATALOGUE`` (both generated from ``okta_spec/``); when the
typed operation registry lands, only this module changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple


class OperationFacts(NamedTuple):
    operation_id: str
    name: str  # the client method: the operationId in snake case
    method: str
    path: str
    scopes: tuple[str, ...]  # any one of them suffices
    permissions: tuple[tuple[str, ...], ...]  # any one inner tuple suffices; ((),) needs none
    credential_permissions: tuple[tuple[str, ...], ...]  # in addition, when credentials change
    needs: tuple[str, ...]  # operationIds a job needs in practice to use this one


def snake_case(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


def facts_from_table(table: Mapping[str, Mapping[str, Any]]) -> dict[str, OperationFacts]:
    return {
        operation_id: OperationFacts(
            operation_id,
            snake_case(operation_id),
            row["method"],
            row["path"],
            tuple(row["scopes"]),
            tuple(tuple(alt) for alt in row["permissions"]) or ((),),
            tuple(tuple(alt) for alt in row["credential_permissions"]),
            tuple(row.get("needs", ())),
        )
        for operation_id, row in sorted(table.items())
    }


@cache
def operation_facts() -> dict[str, OperationFacts]:
    """Every operation of the spec by operationId."""
    from oktakit_api.operations import OPERATIONS

    return facts_from_table(OPERATIONS)


@cache
def catalogue() -> Mapping[str, Any]:
    """okta_spec/permissions.yaml: ``permissions``, ``resources`` and ``standard_roles``."""
    from oktakit_api.permission_catalogue import CATALOGUE

    return CATALOGUE


@cache
def facts_by_name() -> dict[str, OperationFacts]:
    """Every operation by client method name."""
    return {facts.name: facts for facts in operation_facts().values()}

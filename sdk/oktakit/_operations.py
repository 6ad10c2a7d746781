"""Lazy access to the generated operation modules, and parse-error mapping."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from oktakit_api.errors import UnexpectedStatus

from ._spec_facts import facts_by_name
from .errors import MalformedResponseError, PermissionDeniedError
from .transport import Response

# operationId (snake case) -> module under oktakit_api.api, imported on first use so that
# `import oktakit` does not load every model.
_MODULES = {
    "list_users": "user.list_users",
    "get_user": "user.get_user",
    "update_user": "user.update_user",
    "replace_user": "user.replace_user",
    "activate_user": "user_lifecycle.activate_user",
    "deactivate_user": "user_lifecycle.deactivate_user",
    "reactivate_user": "user_lifecycle.reactivate_user",
    "reset_factors": "user_lifecycle.reset_factors",
    "suspend_user": "user_lifecycle.suspend_user",
    "unsuspend_user": "user_lifecycle.unsuspend_user",
    "unlock_user": "user_lifecycle.unlock_user",
    "list_user_groups": "user_resources.list_user_groups",
    "list_authenticators": "authenticator.list_authenticators",
    "get_authenticator": "authenticator.get_authenticator",
    "create_tac_authenticator_enrollment": (
        "user_authenticator_enrollments.create_tac_authenticator_enrollment"
    ),
    "list_roles_for_client": "role_assignment_client.list_roles_for_client",
    "list_role_permissions": "role_e_custom_permission.list_role_permissions",
    "list_assigned_roles_for_user": "role_assignment_a_user.list_assigned_roles_for_user",
    "get_resource_set": "role_c_resource_set.get_resource_set",
    "list_resource_set_resources": "role_c_resource_set_resource.list_resource_set_resources",
    "list_scope_consent_grants": "application_grants.list_scope_consent_grants",
}


@cache
def operation(name: str) -> ModuleType:
    """The generated module of one operation (``build_request``, ``parse_response``)."""
    return importlib.import_module(f"oktakit_api.api.{_MODULES[name]}")


def parse(module: ModuleType, response: Response) -> Any:
    """Run a generated parser, turning any shape mismatch into a typed error."""
    try:
        return module.parse_response(response)
    except MalformedResponseError:
        raise
    except UnexpectedStatus as exc:
        raise MalformedResponseError(
            f"status {exc.status_code} is not a documented success status for this operation",
            status=response.status_code,
            method=response.method,
            url=response.url,
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedResponseError(
            f"the response body does not have the documented shape ({type(exc).__name__}: {exc})",
            status=response.status_code,
            method=response.method,
            url=response.url,
        ) from exc


def explain_denial(name: str, error: PermissionDeniedError) -> PermissionDeniedError:
    """Add what operation ``name`` needs to a 403 from it."""
    facts = facts_by_name()[name]
    return error.explain(
        facts.operation_id,
        facts.scopes,
        facts.permissions,
        targets_user="{id}" in facts.path or "{userId}" in facts.path,
    )

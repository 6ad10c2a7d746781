# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Per-operation metadata from the spec: method, path, OAuth scopes and the admin-role
permissions (any one inner list suffices; ``[[]]`` means none is needed).
"""

from typing import Any, Final

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "activateUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/activate",
        "permissions": [["okta.users.lifecycle.activate"]],
        "scopes": ["okta.users.manage"],
    },
    "createTacAuthenticatorEnrollment": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{userId}/authenticator-enrollments/tac",
        "permissions": [["okta.users.credentials.manageTemporaryAccessCode"]],
        "scopes": ["okta.users.manage"],
    },
    "deactivateUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/deactivate",
        "permissions": [["okta.users.lifecycle.deactivate"]],
        "scopes": ["okta.users.manage"],
    },
    "getAuthenticator": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/authenticators/{authenticatorId}",
        "permissions": [[]],
        "scopes": ["okta.authenticators.read"],
    },
    "getUser": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/users/{id}",
        "permissions": [["okta.users.read"], ["okta.users.userprofile.manage"]],
        "scopes": ["okta.users.read"],
    },
    "listAuthenticators": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/authenticators",
        "permissions": [[]],
        "scopes": ["okta.authenticators.read"],
    },
    "listRolePermissions": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/iam/roles/{roleIdOrLabel}/permissions",
        "permissions": [["okta.iam.read"]],
        "scopes": ["okta.roles.read"],
    },
    "listRolesForClient": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/oauth2/v1/clients/{clientId}/roles",
        "permissions": [["okta.iam.read"]],
        "scopes": ["okta.roles.read"],
    },
    "listUserGroups": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/users/{id}/groups",
        "permissions": [["okta.users.read", "okta.groups.read"]],
        "scopes": ["okta.users.read"],
    },
    "listUsers": {
        "credential_permissions": [],
        "method": "GET",
        "path": "/api/v1/users",
        "permissions": [["okta.users.read"], ["okta.users.userprofile.manage"]],
        "scopes": ["okta.users.read"],
    },
    "reactivateUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/reactivate",
        "permissions": [["okta.users.lifecycle.activate"]],
        "scopes": ["okta.users.manage"],
    },
    "replaceUser": {
        "credential_permissions": [["okta.users.credentials.manage"]],
        "method": "PUT",
        "path": "/api/v1/users/{id}",
        "permissions": [["okta.users.userprofile.manage"]],
        "scopes": ["okta.users.manage"],
    },
    "resetFactors": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/reset_factors",
        "permissions": [["okta.users.credentials.resetFactors"]],
        "scopes": ["okta.users.manage"],
    },
    "suspendUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/suspend",
        "permissions": [["okta.users.lifecycle.suspend"]],
        "scopes": ["okta.users.manage"],
    },
    "unlockUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/unlock",
        "permissions": [["okta.users.lifecycle.unlock"]],
        "scopes": ["okta.users.manage"],
    },
    "unsuspendUser": {
        "credential_permissions": [],
        "method": "POST",
        "path": "/api/v1/users/{id}/lifecycle/unsuspend",
        "permissions": [["okta.users.lifecycle.unsuspend"]],
        "scopes": ["okta.users.manage"],
    },
    "updateUser": {
        "credential_permissions": [["okta.users.credentials.manage"]],
        "method": "POST",
        "path": "/api/v1/users/{id}",
        "permissions": [["okta.users.userprofile.manage"]],
        "scopes": ["okta.users.manage"],
    },
}

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The operation registry: one typed descriptor per operation of the spec.

Everything that needs to know the operations reads this table: the SDK's client methods (which
build and parse through a descriptor), the simulator's routes, the permission helpers and the
rate-limit pacer. Each descriptor carries what the spec says about its operation (method, path,
OAuth scopes, admin-role permissions, rate-limit bucket, whether a lost answer may be resent, the
System Log events it writes) and reaches its request builder and typed parser, whose module is
imported on first use so that importing the registry stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

if TYPE_CHECKING:
    from .client import RawResponse
    from .models import (
        Authenticator,
        Group,
        LogEvent,
        OAuth2ScopeConsentGrant,
        Permissions,
        ResourceSet,
        ResourceSetResources,
        RoleAssignment,
        TacAuthenticatorEnrollment,
        User,
        UserActivationToken,
    )

R = TypeVar("R")


class Operation(Generic[R]):
    """One operation: its facts from the spec, its request builder and its parser (result ``R``)."""

    __slots__ = (
        "_module",
        "credential_permissions",
        "log_events",
        "method",
        "module_name",
        "name",
        "needs",
        "operation_id",
        "paginated",
        "path",
        "permissions",
        "rate_limit_bucket",
        "rate_limit_per_minute",
        "retry_safe",
        "retry_safe_why",
        "scopes",
    )

    def __init__(
        self,
        *,
        operation_id: str,
        name: str,
        method: str,
        path: str,
        scopes: tuple[str, ...],
        permissions: tuple[tuple[str, ...], ...],
        credential_permissions: tuple[tuple[str, ...], ...],
        rate_limit_bucket: str,
        rate_limit_per_minute: int,
        retry_safe: bool,
        retry_safe_why: str,
        paginated: bool,
        needs: tuple[str, ...],
        log_events: tuple[str, ...],
        module_name: str,
    ) -> None:
        #: Okta's operationId, e.g. ``getUser``.
        self.operation_id = operation_id
        #: The client method, e.g. ``get_user``.
        self.name = name
        self.method = method
        #: The path template, e.g. ``/api/v1/users/{id}``.
        self.path = path
        #: OAuth scopes; a token needs one of them.
        self.scopes = scopes
        #: Admin-role permission alternatives: every permission of one inner tuple is needed;
        #: ``((),)`` means none.
        self.permissions = permissions
        #: Alternatives needed as well when the request changes credentials.
        self.credential_permissions = credential_permissions
        #: Okta's rate-limit bucket (okta_spec/rate_limits.yaml) and its default limit per minute
        #: on the default edition. The transport matches each request's own path to its bucket.
        self.rate_limit_bucket = rate_limit_bucket
        self.rate_limit_per_minute = rate_limit_per_minute
        #: Whether a request whose answer was lost (5xx, reset, timeout) may be sent again.
        self.retry_safe = retry_safe
        #: Why a POST may or may not be resent (the spec's x-oktakit-retry-safe-why; "" otherwise).
        self.retry_safe_why = retry_safe_why
        #: Whether the result is a list that continues in ``Link: rel="next"`` pages.
        self.paginated = paginated
        #: Other operations (operationIds) a job doing this one needs in practice, e.g. the
        #: authenticators read that finds the TAC authenticator's id.
        self.needs = needs
        #: The System Log event types a successful call writes (Okta's event-type catalogue).
        self.log_events = log_events
        self.module_name = module_name
        self._module: ModuleType | None = None

    def _load(self) -> ModuleType:
        if self._module is None:
            self._module = import_module(self.module_name)
        return self._module

    def build_request(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The request (method, url, params, json, headers) for these arguments."""
        return self._load().build_request(*args, **kwargs)  # type: ignore[no-any-return]

    def parse_response(self, response: RawResponse) -> R:
        """The typed result of a success response; raises on a body of the wrong shape."""
        return self._load().parse_response(response)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<Operation {self.operation_id} {self.method} {self.path}>"


ACTIVATE_USER: Final[Operation[UserActivationToken]] = Operation(
    operation_id="activateUser",
    name="activate_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/activate",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.activate",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="activation is allowed only from STAGED or DEPROVISIONED, so a repeat finds the user activated or activating and is refused (E0000016, E0000038 or E0000112) without a second email; the activation token of a lost answer is not recovered",
    paginated=False,
    needs=(),
    log_events=("user.lifecycle.activate",),
    module_name="oktakit_api.api.user_lifecycle.activate_user",
)
CREATE_TAC_AUTHENTICATOR_ENROLLMENT: Final[Operation[TacAuthenticatorEnrollment]] = (
    Operation(
        operation_id="createTacAuthenticatorEnrollment",
        name="create_tac_authenticator_enrollment",
        method="POST",
        path="/api/v1/users/{userId}/authenticator-enrollments/tac",
        scopes=("okta.users.manage",),
        permissions=(("okta.users.credentials.manageTemporaryAccessCode",),),
        credential_permissions=(),
        rate_limit_bucket="/api/v1/users",
        rate_limit_per_minute=600,
        retry_safe=False,
        retry_safe_why="creates a new code and invalidates the previous one",
        paginated=False,
        needs=("listAuthenticators",),
        log_events=("user.mfa.factor.activate",),
        module_name="oktakit_api.api.user_authenticator_enrollments.create_tac_authenticator_enrollment",
    )
)
DEACTIVATE_USER: Final[Operation[None]] = Operation(
    operation_id="deactivateUser",
    name="deactivate_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/deactivate",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.deactivate",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds the user DEPROVISIONED and is refused (404 E0000007 in the one public answer); nothing is deprovisioned twice",
    paginated=False,
    needs=(),
    log_events=("user.lifecycle.deactivate",),
    module_name="oktakit_api.api.user_lifecycle.deactivate_user",
)
GET_AUTHENTICATOR: Final[Operation[Authenticator]] = Operation(
    operation_id="getAuthenticator",
    name="get_authenticator",
    method="GET",
    path="/api/v1/authenticators/{authenticatorId}",
    scopes=("okta.authenticators.read",),
    permissions=((),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1",
    rate_limit_per_minute=1200,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.authenticator.get_authenticator",
)
GET_RESOURCE_SET: Final[Operation[ResourceSet]] = Operation(
    operation_id="getResourceSet",
    name="get_resource_set",
    method="GET",
    path="/api/v1/iam/resource-sets/{resourceSetIdOrLabel}",
    scopes=("okta.roles.read",),
    permissions=(("okta.iam.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/iam",
    rate_limit_per_minute=1200,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.role_c_resource_set.get_resource_set",
)
GET_USER: Final[Operation[User]] = Operation(
    operation_id="getUser",
    name="get_user",
    method="GET",
    path="/api/v1/users/{id}",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read",), ("okta.users.userprofile.manage",)),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users/{id:.+}",
    rate_limit_per_minute=2000,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.user.get_user",
)
LIST_ASSIGNED_ROLES_FOR_USER: Final[Operation[list[RoleAssignment]]] = Operation(
    operation_id="listAssignedRolesForUser",
    name="list_assigned_roles_for_user",
    method="GET",
    path="/api/v1/users/{userId}/roles",
    scopes=("okta.roles.read",),
    permissions=(("okta.iam.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.role_assignment_a_user.list_assigned_roles_for_user",
)
LIST_AUTHENTICATORS: Final[Operation[list[Authenticator]]] = Operation(
    operation_id="listAuthenticators",
    name="list_authenticators",
    method="GET",
    path="/api/v1/authenticators",
    scopes=("okta.authenticators.read",),
    permissions=((),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1",
    rate_limit_per_minute=1200,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.authenticator.list_authenticators",
)
LIST_LOG_EVENTS: Final[Operation[list[LogEvent]]] = Operation(
    operation_id="listLogEvents",
    name="list_log_events",
    method="GET",
    path="/api/v1/logs",
    scopes=("okta.logs.read",),
    permissions=(("okta.logs.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/logs",
    rate_limit_per_minute=120,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.system_log.list_log_events",
)
LIST_RESOURCE_SET_RESOURCES: Final[Operation[ResourceSetResources]] = Operation(
    operation_id="listResourceSetResources",
    name="list_resource_set_resources",
    method="GET",
    path="/api/v1/iam/resource-sets/{resourceSetIdOrLabel}/resources",
    scopes=("okta.roles.read",),
    permissions=(("okta.iam.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/iam",
    rate_limit_per_minute=1200,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.role_c_resource_set_resource.list_resource_set_resources",
)
LIST_ROLE_PERMISSIONS: Final[Operation[Permissions]] = Operation(
    operation_id="listRolePermissions",
    name="list_role_permissions",
    method="GET",
    path="/api/v1/iam/roles/{roleIdOrLabel}/permissions",
    scopes=("okta.roles.read",),
    permissions=(("okta.iam.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/iam",
    rate_limit_per_minute=1200,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.role_e_custom_permission.list_role_permissions",
)
LIST_ROLES_FOR_CLIENT: Final[Operation[list[RoleAssignment]]] = Operation(
    operation_id="listRolesForClient",
    name="list_roles_for_client",
    method="GET",
    path="/oauth2/v1/clients/{clientId}/roles",
    scopes=("okta.roles.read",),
    permissions=(("okta.iam.read",),),
    credential_permissions=(),
    rate_limit_bucket="/oauth2/v1/clients",
    rate_limit_per_minute=100,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.role_assignment_client.list_roles_for_client",
)
LIST_SCOPE_CONSENT_GRANTS: Final[Operation[list[OAuth2ScopeConsentGrant]]] = Operation(
    operation_id="listScopeConsentGrants",
    name="list_scope_consent_grants",
    method="GET",
    path="/api/v1/apps/{appId}/grants",
    scopes=("okta.appGrants.read",),
    permissions=(("okta.apps.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/apps",
    rate_limit_per_minute=100,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.application_grants.list_scope_consent_grants",
)
LIST_USER_GROUPS: Final[Operation[list[Group]]] = Operation(
    operation_id="listUserGroups",
    name="list_user_groups",
    method="GET",
    path="/api/v1/users/{id}/groups",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read", "okta.groups.read"),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.user_resources.list_user_groups",
)
LIST_USERS: Final[Operation[list[User]]] = Operation(
    operation_id="listUsers",
    name="list_users",
    method="GET",
    path="/api/v1/users",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read",), ("okta.users.userprofile.manage",)),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    log_events=(),
    module_name="oktakit_api.api.user.list_users",
)
REACTIVATE_USER: Final[Operation[UserActivationToken]] = Operation(
    operation_id="reactivateUser",
    name="reactivate_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/reactivate",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.activate",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=False,
    retry_safe_why="each call restarts the activation with a new activation token and, with sendEmail, emails the user again",
    paginated=False,
    needs=(),
    log_events=("user.lifecycle.reactivate",),
    module_name="oktakit_api.api.user_lifecycle.reactivate_user",
)
REPLACE_USER: Final[Operation[User]] = Operation(
    operation_id="replaceUser",
    name="replace_user",
    method="PUT",
    path="/api/v1/users/{id}",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.userprofile.manage",),),
    credential_permissions=(("okta.users.credentials.manage",),),
    rate_limit_bucket="/api/v1/users/{id}",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=False,
    needs=(),
    log_events=("user.account.update_profile", "user.account.update_password"),
    module_name="oktakit_api.api.user.replace_user",
)
RESET_FACTORS: Final[Operation[None]] = Operation(
    operation_id="resetFactors",
    name="reset_factors",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/reset_factors",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.credentials.resetFactors",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds every factor already unenrolled and changes nothing",
    paginated=False,
    needs=(),
    log_events=("user.mfa.factor.reset_all",),
    module_name="oktakit_api.api.user_lifecycle.reset_factors",
)
SUSPEND_USER: Final[Operation[None]] = Operation(
    operation_id="suspendUser",
    name="suspend_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/suspend",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.suspend",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds the user SUSPENDED and is refused (400 E0000001) with no effect",
    paginated=False,
    needs=(),
    log_events=("user.lifecycle.suspend",),
    module_name="oktakit_api.api.user_lifecycle.suspend_user",
)
UNLOCK_USER: Final[Operation[None]] = Operation(
    operation_id="unlockUser",
    name="unlock_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/unlock",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.unlock",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds the user ACTIVE and is refused (403 E0000032) with no effect",
    paginated=False,
    needs=(),
    log_events=("user.account.unlock_by_admin",),
    module_name="oktakit_api.api.user_lifecycle.unlock_user",
)
UNSUSPEND_USER: Final[Operation[None]] = Operation(
    operation_id="unsuspendUser",
    name="unsuspend_user",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/unsuspend",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.unsuspend",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds the user ACTIVE and is refused (400 E0000001) with no effect",
    paginated=False,
    needs=(),
    log_events=("user.lifecycle.unsuspend",),
    module_name="oktakit_api.api.user_lifecycle.unsuspend_user",
)
UPDATE_USER: Final[Operation[User]] = Operation(
    operation_id="updateUser",
    name="update_user",
    method="POST",
    path="/api/v1/users/{id}",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.userprofile.manage",),),
    credential_permissions=(("okta.users.credentials.manage",),),
    rate_limit_bucket="/api/v1/users/{id}",
    rate_limit_per_minute=600,
    retry_safe=False,
    retry_safe_why="with strict=true a repeated password change is refused by the password history and minimum age policy after the first took effect, and a repeat with If-Match is refused once the first changed the ETag; oktakit does not tell these calls apart, so no lost update_user is resent",
    paginated=False,
    needs=(),
    log_events=("user.account.update_profile", "user.account.update_password"),
    module_name="oktakit_api.api.user.update_user",
)

#: Every operation, by operationId.
OPERATIONS: Final[Mapping[str, Operation[Any]]] = MappingProxyType(
    {
        "activateUser": ACTIVATE_USER,
        "createTacAuthenticatorEnrollment": CREATE_TAC_AUTHENTICATOR_ENROLLMENT,
        "deactivateUser": DEACTIVATE_USER,
        "getAuthenticator": GET_AUTHENTICATOR,
        "getResourceSet": GET_RESOURCE_SET,
        "getUser": GET_USER,
        "listAssignedRolesForUser": LIST_ASSIGNED_ROLES_FOR_USER,
        "listAuthenticators": LIST_AUTHENTICATORS,
        "listLogEvents": LIST_LOG_EVENTS,
        "listResourceSetResources": LIST_RESOURCE_SET_RESOURCES,
        "listRolePermissions": LIST_ROLE_PERMISSIONS,
        "listRolesForClient": LIST_ROLES_FOR_CLIENT,
        "listScopeConsentGrants": LIST_SCOPE_CONSENT_GRANTS,
        "listUserGroups": LIST_USER_GROUPS,
        "listUsers": LIST_USERS,
        "reactivateUser": REACTIVATE_USER,
        "replaceUser": REPLACE_USER,
        "resetFactors": RESET_FACTORS,
        "suspendUser": SUSPEND_USER,
        "unlockUser": UNLOCK_USER,
        "unsuspendUser": UNSUSPEND_USER,
        "updateUser": UPDATE_USER,
    }
)

#: Every operation, by client method name.
BY_NAME: Final[Mapping[str, Operation[Any]]] = MappingProxyType(
    {op.name: op for op in OPERATIONS.values()}
)

__all__ = [
    "BY_NAME",
    "OPERATIONS",
    "Operation",
    "ACTIVATE_USER",
    "CREATE_TAC_AUTHENTICATOR_ENROLLMENT",
    "DEACTIVATE_USER",
    "GET_AUTHENTICATOR",
    "GET_RESOURCE_SET",
    "GET_USER",
    "LIST_ASSIGNED_ROLES_FOR_USER",
    "LIST_AUTHENTICATORS",
    "LIST_LOG_EVENTS",
    "LIST_RESOURCE_SET_RESOURCES",
    "LIST_ROLE_PERMISSIONS",
    "LIST_ROLES_FOR_CLIENT",
    "LIST_SCOPE_CONSENT_GRANTS",
    "LIST_USER_GROUPS",
    "LIST_USERS",
    "REACTIVATE_USER",
    "REPLACE_USER",
    "RESET_FACTORS",
    "SUSPEND_USER",
    "UNLOCK_USER",
    "UNSUSPEND_USER",
    "UPDATE_USER",
]

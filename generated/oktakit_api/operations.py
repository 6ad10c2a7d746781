# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The operation registry: one typed descriptor per operation of the spec.

Everything that needs to know the operations reads this table: the SDK's client methods (which
build and parse through a descriptor), the simulator's routes, the permission helpers and the
rate-limit pacer. Each descriptor carries what the spec says about its operation (method, path,
OAuth scopes, admin-role permissions, rate-limit bucket, whether a lost answer may be resent)
and reaches its request builder and typed parser, whose module is imported on first use so
that importing the registry stays cheap.
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
        OAuth2Client,
        OAuth2RefreshToken,
        OAuth2ScopeConsentGrant,
        Permissions,
        ResetPasswordToken,
        ResourceSet,
        ResourceSetResources,
        RoleAssignment,
        TacAuthenticatorEnrollment,
        TempPassword,
        User,
        UserActivationToken,
        UserFactor,
    )

R = TypeVar("R")


class Operation(Generic[R]):
    """One operation: its facts from the spec, its request builder and its parser (result ``R``)."""

    __slots__ = (
        "_module",
        "credential_permissions",
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
    module_name="oktakit_api.api.user_lifecycle.activate_user",
)
ASSIGN_USER_TO_GROUP: Final[Operation[None]] = Operation(
    operation_id="assignUserToGroup",
    name="assign_user_to_group",
    method="PUT",
    path="/api/v1/groups/{groupId}/users/{userId}",
    scopes=("okta.groups.manage",),
    permissions=(("okta.groups.members.manage", "okta.users.groupMembership.manage"),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/groups",
    rate_limit_per_minute=500,
    retry_safe=True,
    retry_safe_why="membership is a set; adding a member again leaves it a member",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.group.assign_user_to_group",
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
        module_name="oktakit_api.api.user_authenticator_enrollments.create_tac_authenticator_enrollment",
    )
)
CREATE_USER: Final[Operation[User]] = Operation(
    operation_id="createUser",
    name="create_user",
    method="POST",
    path="/api/v1/users",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.create",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=False,
    retry_safe_why="a repeat after the first created the user collides with its login (400 E0000001); after a lost answer, look the user up by login instead",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user.create_user",
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
    module_name="oktakit_api.api.user_lifecycle.deactivate_user",
)
DELETE_USER: Final[Operation[None]] = Operation(
    operation_id="deleteUser",
    name="delete_user",
    method="DELETE",
    path="/api/v1/users/{id}",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.delete", "okta.users.lifecycle.deactivate"),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users/{id}",
    rate_limit_per_minute=600,
    retry_safe=False,
    retry_safe_why="the first DELETE of a user that is not DEPROVISIONED deactivates it and the next one deletes it for good, so a resent DELETE after a lost answer could delete a user that was only to be deactivated",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user.delete_user",
)
EXPIRE_PASSWORD: Final[Operation[User]] = Operation(
    operation_id="expirePassword",
    name="expire_password",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/expire_password",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.credentials.expirePassword",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a PASSWORD_EXPIRED user may be expired again (Okta still offers the link) and nothing more changes",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_cred.expire_password",
)
EXPIRE_PASSWORD_WITH_TEMP_PASSWORD: Final[Operation[TempPassword]] = Operation(
    operation_id="expirePasswordWithTempPassword",
    name="expire_password_with_temp_password",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/expire_password_with_temp_password",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.credentials.expirePassword",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="each call sets a new temporary password, so a repeat replaces the one whose answer was lost (which nobody can know) and returns the password that is now valid",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_cred.expire_password_with_temp_password",
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
    module_name="oktakit_api.api.authenticator.list_authenticators",
)
LIST_FACTORS: Final[Operation[list[UserFactor]]] = Operation(
    operation_id="listFactors",
    name="list_factors",
    method="GET",
    path="/api/v1/users/{userId}/factors",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    module_name="oktakit_api.api.user_factor.list_factors",
)
LIST_GROUP_USERS: Final[Operation[list[User]]] = Operation(
    operation_id="listGroupUsers",
    name="list_group_users",
    method="GET",
    path="/api/v1/groups/{groupId}/users",
    scopes=("okta.groups.read",),
    permissions=(("okta.groups.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/groups",
    rate_limit_per_minute=500,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    module_name="oktakit_api.api.group.list_group_users",
)
LIST_GROUPS: Final[Operation[list[Group]]] = Operation(
    operation_id="listGroups",
    name="list_groups",
    method="GET",
    path="/api/v1/groups",
    scopes=("okta.groups.read",),
    permissions=(("okta.groups.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/groups",
    rate_limit_per_minute=500,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    module_name="oktakit_api.api.group.list_groups",
)
LIST_REFRESH_TOKENS_FOR_USER_AND_CLIENT: Final[Operation[list[OAuth2RefreshToken]]] = (
    Operation(
        operation_id="listRefreshTokensForUserAndClient",
        name="list_refresh_tokens_for_user_and_client",
        method="GET",
        path="/api/v1/users/{userId}/clients/{clientId}/tokens",
        scopes=("okta.users.read",),
        permissions=(("okta.users.read",),),
        credential_permissions=(),
        rate_limit_bucket="/api/v1/users",
        rate_limit_per_minute=600,
        retry_safe=True,
        retry_safe_why="",
        paginated=True,
        needs=(),
        module_name="oktakit_api.api.user_o_auth.list_refresh_tokens_for_user_and_client",
    )
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
    module_name="oktakit_api.api.application_grants.list_scope_consent_grants",
)
LIST_USER_CLIENTS: Final[Operation[list[OAuth2Client]]] = Operation(
    operation_id="listUserClients",
    name="list_user_clients",
    method="GET",
    path="/api/v1/users/{userId}/clients",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    module_name="oktakit_api.api.user_resources.list_user_clients",
)
LIST_USER_GRANTS: Final[Operation[list[OAuth2ScopeConsentGrant]]] = Operation(
    operation_id="listUserGrants",
    name="list_user_grants",
    method="GET",
    path="/api/v1/users/{userId}/grants",
    scopes=("okta.users.read",),
    permissions=(("okta.users.read",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="",
    paginated=True,
    needs=(),
    module_name="oktakit_api.api.user_grant.list_user_grants",
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
    module_name="oktakit_api.api.user_lifecycle.reset_factors",
)
RESET_PASSWORD: Final[Operation[ResetPasswordToken]] = Operation(
    operation_id="resetPassword",
    name="reset_password",
    method="POST",
    path="/api/v1/users/{id}/lifecycle/reset_password",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.credentials.resetPassword",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=False,
    retry_safe_why="each call mints a new one-time link and, with sendEmail, emails the user again; whether Okta accepts a second call on the RECOVERY user the first one made is not documented",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_cred.reset_password",
)
REVOKE_TOKENS_FOR_USER_AND_CLIENT: Final[Operation[None]] = Operation(
    operation_id="revokeTokensForUserAndClient",
    name="revoke_tokens_for_user_and_client",
    method="DELETE",
    path="/api/v1/users/{userId}/clients/{clientId}/tokens",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.clearSessions",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds no token of the client left and answers 204 again",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_o_auth.revoke_tokens_for_user_and_client",
)
REVOKE_USER_GRANT: Final[Operation[None]] = Operation(
    operation_id="revokeUserGrant",
    name="revoke_user_grant",
    method="DELETE",
    path="/api/v1/users/{userId}/grants/{grantId}",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.clearSessions",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat of a revocation whose answer was lost finds the grant gone and answers 404 E0000007; the NotFoundError then says it was sent more than once (attempts)",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_grant.revoke_user_grant",
)
REVOKE_USER_GRANTS: Final[Operation[None]] = Operation(
    operation_id="revokeUserGrants",
    name="revoke_user_grants",
    method="DELETE",
    path="/api/v1/users/{userId}/grants",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.clearSessions",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds no grant left and answers 204 again",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_grant.revoke_user_grants",
)
REVOKE_USER_SESSIONS: Final[Operation[None]] = Operation(
    operation_id="revokeUserSessions",
    name="revoke_user_sessions",
    method="DELETE",
    path="/api/v1/users/{userId}/sessions",
    scopes=("okta.users.manage",),
    permissions=(("okta.users.lifecycle.clearSessions",),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat finds no session (or token) left to end and answers 204 again",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_sessions.revoke_user_sessions",
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
    module_name="oktakit_api.api.user_lifecycle.suspend_user",
)
UNASSIGN_USER_FROM_GROUP: Final[Operation[None]] = Operation(
    operation_id="unassignUserFromGroup",
    name="unassign_user_from_group",
    method="DELETE",
    path="/api/v1/groups/{groupId}/users/{userId}",
    scopes=("okta.groups.manage",),
    permissions=(("okta.groups.members.manage", "okta.users.groupMembership.manage"),),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/groups",
    rate_limit_per_minute=500,
    retry_safe=True,
    retry_safe_why="membership is a set; removing a user who is no longer a member changes nothing (what Okta answers then is not recorded)",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.group.unassign_user_from_group",
)
UNENROLL_FACTOR: Final[Operation[None]] = Operation(
    operation_id="unenrollFactor",
    name="unenroll_factor",
    method="DELETE",
    path="/api/v1/users/{userId}/factors/{factorId}",
    scopes=("okta.users.manage",),
    permissions=(
        ("okta.users.credentials.resetFactors",),
        ("okta.users.credentials.manage",),
    ),
    credential_permissions=(),
    rate_limit_bucket="/api/v1/users",
    rate_limit_per_minute=600,
    retry_safe=True,
    retry_safe_why="a repeat of an unenrollment whose answer was lost finds the factor gone and answers 404 E0000007; the NotFoundError then says it was sent more than once (attempts)",
    paginated=False,
    needs=(),
    module_name="oktakit_api.api.user_factor.unenroll_factor",
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
    module_name="oktakit_api.api.user.update_user",
)

#: Every operation, by operationId.
OPERATIONS: Final[Mapping[str, Operation[Any]]] = MappingProxyType(
    {
        "activateUser": ACTIVATE_USER,
        "assignUserToGroup": ASSIGN_USER_TO_GROUP,
        "createTacAuthenticatorEnrollment": CREATE_TAC_AUTHENTICATOR_ENROLLMENT,
        "createUser": CREATE_USER,
        "deactivateUser": DEACTIVATE_USER,
        "deleteUser": DELETE_USER,
        "expirePassword": EXPIRE_PASSWORD,
        "expirePasswordWithTempPassword": EXPIRE_PASSWORD_WITH_TEMP_PASSWORD,
        "getAuthenticator": GET_AUTHENTICATOR,
        "getResourceSet": GET_RESOURCE_SET,
        "getUser": GET_USER,
        "listAssignedRolesForUser": LIST_ASSIGNED_ROLES_FOR_USER,
        "listAuthenticators": LIST_AUTHENTICATORS,
        "listFactors": LIST_FACTORS,
        "listGroupUsers": LIST_GROUP_USERS,
        "listGroups": LIST_GROUPS,
        "listRefreshTokensForUserAndClient": LIST_REFRESH_TOKENS_FOR_USER_AND_CLIENT,
        "listResourceSetResources": LIST_RESOURCE_SET_RESOURCES,
        "listRolePermissions": LIST_ROLE_PERMISSIONS,
        "listRolesForClient": LIST_ROLES_FOR_CLIENT,
        "listScopeConsentGrants": LIST_SCOPE_CONSENT_GRANTS,
        "listUserClients": LIST_USER_CLIENTS,
        "listUserGrants": LIST_USER_GRANTS,
        "listUserGroups": LIST_USER_GROUPS,
        "listUsers": LIST_USERS,
        "reactivateUser": REACTIVATE_USER,
        "replaceUser": REPLACE_USER,
        "resetFactors": RESET_FACTORS,
        "resetPassword": RESET_PASSWORD,
        "revokeTokensForUserAndClient": REVOKE_TOKENS_FOR_USER_AND_CLIENT,
        "revokeUserGrant": REVOKE_USER_GRANT,
        "revokeUserGrants": REVOKE_USER_GRANTS,
        "revokeUserSessions": REVOKE_USER_SESSIONS,
        "suspendUser": SUSPEND_USER,
        "unassignUserFromGroup": UNASSIGN_USER_FROM_GROUP,
        "unenrollFactor": UNENROLL_FACTOR,
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
    "ASSIGN_USER_TO_GROUP",
    "CREATE_TAC_AUTHENTICATOR_ENROLLMENT",
    "CREATE_USER",
    "DEACTIVATE_USER",
    "DELETE_USER",
    "EXPIRE_PASSWORD",
    "EXPIRE_PASSWORD_WITH_TEMP_PASSWORD",
    "GET_AUTHENTICATOR",
    "GET_RESOURCE_SET",
    "GET_USER",
    "LIST_ASSIGNED_ROLES_FOR_USER",
    "LIST_AUTHENTICATORS",
    "LIST_FACTORS",
    "LIST_GROUP_USERS",
    "LIST_GROUPS",
    "LIST_REFRESH_TOKENS_FOR_USER_AND_CLIENT",
    "LIST_RESOURCE_SET_RESOURCES",
    "LIST_ROLE_PERMISSIONS",
    "LIST_ROLES_FOR_CLIENT",
    "LIST_SCOPE_CONSENT_GRANTS",
    "LIST_USER_CLIENTS",
    "LIST_USER_GRANTS",
    "LIST_USER_GROUPS",
    "LIST_USERS",
    "REACTIVATE_USER",
    "REPLACE_USER",
    "RESET_FACTORS",
    "RESET_PASSWORD",
    "REVOKE_TOKENS_FOR_USER_AND_CLIENT",
    "REVOKE_USER_GRANT",
    "REVOKE_USER_GRANTS",
    "REVOKE_USER_SESSIONS",
    "SUSPEND_USER",
    "UNASSIGN_USER_FROM_GROUP",
    "UNENROLL_FACTOR",
    "UNLOCK_USER",
    "UNSUSPEND_USER",
    "UPDATE_USER",
]

# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The operation registry: one typed descriptor per operation of the spec.

Everything that needs to know the operations reads this table: the SDK's client methods (which
build and parse through a descriptor), the simulator's routes, the permission helpers and the
rate-limit pacer. Each descriptor carries what the spec says about its operation (method, path,
OAuth scopes, admin-role permissions, rate-limit bucket, whether a lost answer may be resent,
the System Log events it writes) and its typed request builder and parser: ``GET_USER.build_request``
has the signature of the generated ``build_request`` (``Operation[P, R]``: its parameters ``P``
and result ``R``), so a wrong keyword or argument type fails type checking. The builder's module
is imported on first use, so that importing the registry stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    from .client import RawResponse

P = ParamSpec("P")
R = TypeVar("R")


class ApiRequest:
    """One operation's request as its builder made it, not yet sent: the operation, the path
    (percent-encoded, relative to the org), the query parameters, the JSON body (``None`` for
    none) and the operation's own headers. The SDK adds the org, credentials and the rest."""

    __slots__ = ("headers", "json", "operation", "params", "path")

    def __init__(
        self,
        operation: Operation[..., Any],
        path: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.operation = operation
        self.path = path
        self.params = params
        self.json = json
        self.headers = headers

    def __repr__(self) -> str:
        # Never the body or the query: they hold passwords and email addresses.
        return f"<ApiRequest {self.operation.operation_id} {self.operation.method} {self.operation.path}>"


class Operation(Generic[P, R]):
    """One operation: its facts from the spec, its request builder (parameters ``P``) and its
    parser (result ``R``)."""

    __slots__ = (
        "build_request",
        "credential_permissions",
        "log_events",
        "method",
        "module_name",
        "name",
        "needs",
        "operation_id",
        "paginated",
        "parse_response",
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
        build_request: Callable[P, ApiRequest],
        parse_response: Callable[[RawResponse], R],
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
        #: The generated module of its builder and parser.
        self.module_name: str
        #: The request (an ``ApiRequest``) for these arguments: the generated ``build_request``.
        self.build_request: Callable[P, ApiRequest]
        #: The typed result of a success response; raises on a body of the wrong shape.
        self.parse_response: Callable[[RawResponse], R]
        if isinstance(build_request, _Endpoint):
            # Both are bound on first use, to the module's own functions: no layer in between.
            self.module_name = build_request.module_name
            self.build_request = cast("Callable[P, ApiRequest]", self._first_build)
            self.parse_response = self._first_parse
        else:
            self.module_name = build_request.__module__
            self.build_request = build_request
            self.parse_response = parse_response

    def _load(self) -> None:
        module = import_module(self.module_name)
        self.build_request = module.build_request
        self.parse_response = module.parse_response

    def _first_build(self, *args: Any, **kwargs: Any) -> ApiRequest:
        self._load()
        return self.build_request(*args, **kwargs)

    def _first_parse(self, response: RawResponse) -> R:
        self._load()
        return self.parse_response(response)

    def __repr__(self) -> str:
        return f"<Operation {self.operation_id} {self.method} {self.path}>"


class _Endpoint:
    """At run time, a generated endpoint module that is imported on first use (type checkers see
    the module itself, and so the signatures of its ``build_request`` and ``parse_response``)."""

    __slots__ = ("module_name",)

    def __init__(self, module_name: str) -> None:
        self.module_name = module_name

    @property
    def build_request(self) -> Any:
        return self

    @property
    def parse_response(self) -> Any:
        return self


if TYPE_CHECKING:
    from .api.application_grants import (
        list_scope_consent_grants as _list_scope_consent_grants,
    )
    from .api.authenticator import get_authenticator as _get_authenticator
    from .api.authenticator import list_authenticators as _list_authenticators
    from .api.group import assign_user_to_group as _assign_user_to_group
    from .api.group import list_group_users as _list_group_users
    from .api.group import list_groups as _list_groups
    from .api.group import unassign_user_from_group as _unassign_user_from_group
    from .api.role_assignment_a_user import (
        list_assigned_roles_for_user as _list_assigned_roles_for_user,
    )
    from .api.role_assignment_client import (
        list_roles_for_client as _list_roles_for_client,
    )
    from .api.role_c_resource_set import get_resource_set as _get_resource_set
    from .api.role_c_resource_set_resource import (
        list_resource_set_resources as _list_resource_set_resources,
    )
    from .api.role_e_custom_permission import (
        list_role_permissions as _list_role_permissions,
    )
    from .api.system_log import list_log_events as _list_log_events
    from .api.user import create_user as _create_user
    from .api.user import delete_user as _delete_user
    from .api.user import get_user as _get_user
    from .api.user import list_users as _list_users
    from .api.user import replace_user as _replace_user
    from .api.user import update_user as _update_user
    from .api.user_authenticator_enrollments import (
        create_tac_authenticator_enrollment as _create_tac_authenticator_enrollment,
    )
    from .api.user_cred import expire_password as _expire_password
    from .api.user_cred import (
        expire_password_with_temp_password as _expire_password_with_temp_password,
    )
    from .api.user_cred import reset_password as _reset_password
    from .api.user_factor import list_factors as _list_factors
    from .api.user_factor import unenroll_factor as _unenroll_factor
    from .api.user_grant import list_user_grants as _list_user_grants
    from .api.user_grant import revoke_user_grant as _revoke_user_grant
    from .api.user_grant import revoke_user_grants as _revoke_user_grants
    from .api.user_lifecycle import activate_user as _activate_user
    from .api.user_lifecycle import deactivate_user as _deactivate_user
    from .api.user_lifecycle import reactivate_user as _reactivate_user
    from .api.user_lifecycle import reset_factors as _reset_factors
    from .api.user_lifecycle import suspend_user as _suspend_user
    from .api.user_lifecycle import unlock_user as _unlock_user
    from .api.user_lifecycle import unsuspend_user as _unsuspend_user
    from .api.user_o_auth import (
        list_refresh_tokens_for_user_and_client as _list_refresh_tokens_for_user_and_client,
    )
    from .api.user_o_auth import (
        revoke_tokens_for_user_and_client as _revoke_tokens_for_user_and_client,
    )
    from .api.user_resources import list_user_clients as _list_user_clients
    from .api.user_resources import list_user_groups as _list_user_groups
    from .api.user_sessions import revoke_user_sessions as _revoke_user_sessions
else:
    _activate_user = _Endpoint("oktakit_api.api.user_lifecycle.activate_user")
    _assign_user_to_group = _Endpoint("oktakit_api.api.group.assign_user_to_group")
    _create_tac_authenticator_enrollment = _Endpoint(
        "oktakit_api.api.user_authenticator_enrollments.create_tac_authenticator_enrollment"
    )
    _create_user = _Endpoint("oktakit_api.api.user.create_user")
    _deactivate_user = _Endpoint("oktakit_api.api.user_lifecycle.deactivate_user")
    _delete_user = _Endpoint("oktakit_api.api.user.delete_user")
    _expire_password = _Endpoint("oktakit_api.api.user_cred.expire_password")
    _expire_password_with_temp_password = _Endpoint(
        "oktakit_api.api.user_cred.expire_password_with_temp_password"
    )
    _get_authenticator = _Endpoint("oktakit_api.api.authenticator.get_authenticator")
    _get_resource_set = _Endpoint(
        "oktakit_api.api.role_c_resource_set.get_resource_set"
    )
    _get_user = _Endpoint("oktakit_api.api.user.get_user")
    _list_assigned_roles_for_user = _Endpoint(
        "oktakit_api.api.role_assignment_a_user.list_assigned_roles_for_user"
    )
    _list_authenticators = _Endpoint(
        "oktakit_api.api.authenticator.list_authenticators"
    )
    _list_factors = _Endpoint("oktakit_api.api.user_factor.list_factors")
    _list_group_users = _Endpoint("oktakit_api.api.group.list_group_users")
    _list_groups = _Endpoint("oktakit_api.api.group.list_groups")
    _list_log_events = _Endpoint("oktakit_api.api.system_log.list_log_events")
    _list_refresh_tokens_for_user_and_client = _Endpoint(
        "oktakit_api.api.user_o_auth.list_refresh_tokens_for_user_and_client"
    )
    _list_resource_set_resources = _Endpoint(
        "oktakit_api.api.role_c_resource_set_resource.list_resource_set_resources"
    )
    _list_role_permissions = _Endpoint(
        "oktakit_api.api.role_e_custom_permission.list_role_permissions"
    )
    _list_roles_for_client = _Endpoint(
        "oktakit_api.api.role_assignment_client.list_roles_for_client"
    )
    _list_scope_consent_grants = _Endpoint(
        "oktakit_api.api.application_grants.list_scope_consent_grants"
    )
    _list_user_clients = _Endpoint("oktakit_api.api.user_resources.list_user_clients")
    _list_user_grants = _Endpoint("oktakit_api.api.user_grant.list_user_grants")
    _list_user_groups = _Endpoint("oktakit_api.api.user_resources.list_user_groups")
    _list_users = _Endpoint("oktakit_api.api.user.list_users")
    _reactivate_user = _Endpoint("oktakit_api.api.user_lifecycle.reactivate_user")
    _replace_user = _Endpoint("oktakit_api.api.user.replace_user")
    _reset_factors = _Endpoint("oktakit_api.api.user_lifecycle.reset_factors")
    _reset_password = _Endpoint("oktakit_api.api.user_cred.reset_password")
    _revoke_tokens_for_user_and_client = _Endpoint(
        "oktakit_api.api.user_o_auth.revoke_tokens_for_user_and_client"
    )
    _revoke_user_grant = _Endpoint("oktakit_api.api.user_grant.revoke_user_grant")
    _revoke_user_grants = _Endpoint("oktakit_api.api.user_grant.revoke_user_grants")
    _revoke_user_sessions = _Endpoint(
        "oktakit_api.api.user_sessions.revoke_user_sessions"
    )
    _suspend_user = _Endpoint("oktakit_api.api.user_lifecycle.suspend_user")
    _unassign_user_from_group = _Endpoint(
        "oktakit_api.api.group.unassign_user_from_group"
    )
    _unenroll_factor = _Endpoint("oktakit_api.api.user_factor.unenroll_factor")
    _unlock_user = _Endpoint("oktakit_api.api.user_lifecycle.unlock_user")
    _unsuspend_user = _Endpoint("oktakit_api.api.user_lifecycle.unsuspend_user")
    _update_user = _Endpoint("oktakit_api.api.user.update_user")

ACTIVATE_USER: Final = Operation(
    _activate_user.build_request,
    _activate_user.parse_response,
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
)
ASSIGN_USER_TO_GROUP: Final = Operation(
    _assign_user_to_group.build_request,
    _assign_user_to_group.parse_response,
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
    log_events=("group.user_membership.add",),
)
CREATE_TAC_AUTHENTICATOR_ENROLLMENT: Final = Operation(
    _create_tac_authenticator_enrollment.build_request,
    _create_tac_authenticator_enrollment.parse_response,
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
)
CREATE_USER: Final = Operation(
    _create_user.build_request,
    _create_user.parse_response,
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
    log_events=("user.lifecycle.create", "user.lifecycle.activate"),
)
DEACTIVATE_USER: Final = Operation(
    _deactivate_user.build_request,
    _deactivate_user.parse_response,
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
)
DELETE_USER: Final = Operation(
    _delete_user.build_request,
    _delete_user.parse_response,
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
    log_events=("user.lifecycle.deactivate", "user.lifecycle.delete.initiated"),
)
EXPIRE_PASSWORD: Final = Operation(
    _expire_password.build_request,
    _expire_password.parse_response,
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
    log_events=("user.account.expire_password",),
)
EXPIRE_PASSWORD_WITH_TEMP_PASSWORD: Final = Operation(
    _expire_password_with_temp_password.build_request,
    _expire_password_with_temp_password.parse_response,
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
    log_events=("user.account.expire_password",),
)
GET_AUTHENTICATOR: Final = Operation(
    _get_authenticator.build_request,
    _get_authenticator.parse_response,
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
)
GET_RESOURCE_SET: Final = Operation(
    _get_resource_set.build_request,
    _get_resource_set.parse_response,
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
)
GET_USER: Final = Operation(
    _get_user.build_request,
    _get_user.parse_response,
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
)
LIST_ASSIGNED_ROLES_FOR_USER: Final = Operation(
    _list_assigned_roles_for_user.build_request,
    _list_assigned_roles_for_user.parse_response,
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
)
LIST_AUTHENTICATORS: Final = Operation(
    _list_authenticators.build_request,
    _list_authenticators.parse_response,
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
)
LIST_FACTORS: Final = Operation(
    _list_factors.build_request,
    _list_factors.parse_response,
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
    log_events=(),
)
LIST_GROUP_USERS: Final = Operation(
    _list_group_users.build_request,
    _list_group_users.parse_response,
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
    log_events=(),
)
LIST_GROUPS: Final = Operation(
    _list_groups.build_request,
    _list_groups.parse_response,
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
    log_events=(),
)
LIST_LOG_EVENTS: Final = Operation(
    _list_log_events.build_request,
    _list_log_events.parse_response,
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
)
LIST_REFRESH_TOKENS_FOR_USER_AND_CLIENT: Final = Operation(
    _list_refresh_tokens_for_user_and_client.build_request,
    _list_refresh_tokens_for_user_and_client.parse_response,
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
    log_events=(),
)
LIST_RESOURCE_SET_RESOURCES: Final = Operation(
    _list_resource_set_resources.build_request,
    _list_resource_set_resources.parse_response,
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
)
LIST_ROLE_PERMISSIONS: Final = Operation(
    _list_role_permissions.build_request,
    _list_role_permissions.parse_response,
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
)
LIST_ROLES_FOR_CLIENT: Final = Operation(
    _list_roles_for_client.build_request,
    _list_roles_for_client.parse_response,
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
)
LIST_SCOPE_CONSENT_GRANTS: Final = Operation(
    _list_scope_consent_grants.build_request,
    _list_scope_consent_grants.parse_response,
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
)
LIST_USER_CLIENTS: Final = Operation(
    _list_user_clients.build_request,
    _list_user_clients.parse_response,
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
    log_events=(),
)
LIST_USER_GRANTS: Final = Operation(
    _list_user_grants.build_request,
    _list_user_grants.parse_response,
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
    log_events=(),
)
LIST_USER_GROUPS: Final = Operation(
    _list_user_groups.build_request,
    _list_user_groups.parse_response,
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
)
LIST_USERS: Final = Operation(
    _list_users.build_request,
    _list_users.parse_response,
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
)
REACTIVATE_USER: Final = Operation(
    _reactivate_user.build_request,
    _reactivate_user.parse_response,
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
)
REPLACE_USER: Final = Operation(
    _replace_user.build_request,
    _replace_user.parse_response,
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
)
RESET_FACTORS: Final = Operation(
    _reset_factors.build_request,
    _reset_factors.parse_response,
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
)
RESET_PASSWORD: Final = Operation(
    _reset_password.build_request,
    _reset_password.parse_response,
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
    log_events=("user.account.reset_password",),
)
REVOKE_TOKENS_FOR_USER_AND_CLIENT: Final = Operation(
    _revoke_tokens_for_user_and_client.build_request,
    _revoke_tokens_for_user_and_client.parse_response,
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
    log_events=("app.oauth2.token.revoke.implicit.user",),
)
REVOKE_USER_GRANT: Final = Operation(
    _revoke_user_grant.build_request,
    _revoke_user_grant.parse_response,
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
    log_events=("app.oauth2.as.consent.revoke",),
)
REVOKE_USER_GRANTS: Final = Operation(
    _revoke_user_grants.build_request,
    _revoke_user_grants.parse_response,
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
    log_events=("app.oauth2.as.consent.revoke.user",),
)
REVOKE_USER_SESSIONS: Final = Operation(
    _revoke_user_sessions.build_request,
    _revoke_user_sessions.parse_response,
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
    log_events=("user.session.clear", "app.oauth2.token.revoke.implicit.user"),
)
SUSPEND_USER: Final = Operation(
    _suspend_user.build_request,
    _suspend_user.parse_response,
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
)
UNASSIGN_USER_FROM_GROUP: Final = Operation(
    _unassign_user_from_group.build_request,
    _unassign_user_from_group.parse_response,
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
    log_events=("group.user_membership.remove",),
)
UNENROLL_FACTOR: Final = Operation(
    _unenroll_factor.build_request,
    _unenroll_factor.parse_response,
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
    log_events=("user.mfa.factor.deactivate",),
)
UNLOCK_USER: Final = Operation(
    _unlock_user.build_request,
    _unlock_user.parse_response,
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
)
UNSUSPEND_USER: Final = Operation(
    _unsuspend_user.build_request,
    _unsuspend_user.parse_response,
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
)
UPDATE_USER: Final = Operation(
    _update_user.build_request,
    _update_user.parse_response,
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
)

#: Every operation, by operationId.
OPERATIONS: Final[Mapping[str, Operation[..., Any]]] = MappingProxyType(
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
        "listLogEvents": LIST_LOG_EVENTS,
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
BY_NAME: Final[Mapping[str, Operation[..., Any]]] = MappingProxyType(
    {op.name: op for op in OPERATIONS.values()}
)

__all__ = [
    "BY_NAME",
    "OPERATIONS",
    "ApiRequest",
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
    "LIST_LOG_EVENTS",
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

"""``OktaClient``: one async method per operation of the spec."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any, overload

from oktakit_api import operations as ops

from ._arguments import (
    choice,
    opt_bool,
    opt_header,
    opt_text,
    page_size,
    path_value,
    prefer,
    tac_request,
    user_body,
)
from ._client_bulk import BulkMethods
from ._client_containment import ContainmentMethods
from ._client_directory import DirectoryMethods
from ._client_logs import LogMethods
from ._http.parse import partial_users
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from oktakit_api.models import (
        Authenticator,
        Group,
        OAuth2ScopeConsentGrant,
        PartialUser,
        Permission,
        ResourceSet,
        ResourceSetResource,
        RoleAssignment,
        TacAuthenticatorEnrollment,
        User,
        UserActivationToken,
    )

    from .permissions._check import CheckResult
    from .permissions._preflight import PreflightReport


class OktaClient(ContainmentMethods, DirectoryMethods, LogMethods, BulkMethods):
    """An asyncio client for one Okta org.

    >>> async with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
    ...     user = await okta.get_user("00u1abc")
    ...     user.profile.email, user.profile["legalName"]
    ...     async for u in okta.list_users(search='status eq "ACTIVE"'):
    ...         ...
    ...     await okta.suspend_user(user.id)

    A ``session`` passed in is used as is and never closed; otherwise the client opens its own
    on first use and closes it on exit (or on ``await client.close()``). A client belongs to the
    event loop it is first used on; a closed client can be opened again with ``async with``.
    ``max_response_bytes`` caps every response body, decompressed (``ResponseTooLargeError``).

    Sessions, tokens, grants, passwords and factors are in ``ContainmentMethods``; creating and
    deleting users and groups in ``DirectoryMethods``; the bulk executor and the containment
    playbook in ``BulkMethods`` (all mixed in here).
    """

    async def check(
        self, operations: Iterable[str] | None = None, *, auditor: OktaClient | None = None
    ) -> CheckResult:
        """The integration's "Test" button: get a token (or try the API token), then make one
        cheap read the granted scopes allow (or say that none is possible: ``result.tested``).
        With ``operations`` (the credential's job) it adds ``result.preflight``, which reads the
        credential's roles with ``auditor`` when given (see ``preflight``).
        """
        from .permissions._check import run_check

        return await run_check(self, self._authorizer_now(), operations, auditor)

    async def preflight(
        self,
        operations: Iterable[str],
        *,
        auditor: OktaClient | None = None,
        credentials: bool = False,
        bulk: bool = False,
    ) -> PreflightReport:
        """Check, before touching any user, that these credentials can run ``operations``
        (see ``oktakit.permissions``; ``bulk=True`` adds what ``okta.bulk`` itself reads, as its
        own preflight does). A least-privilege app cannot read its own roles: pass ``auditor``,
        a read-only client (``okta.roles.read``, ``okta.appGrants.read``), for them.

        >>> (await okta.preflight(["suspend_user", "reset_factors"])).raise_for_missing()
        """
        from .permissions._preflight import run_preflight

        return await run_preflight(
            self, self._authorizer_now(), operations, auditor, credentials=credentials, bulk=bulk
        )

    # -- users ---------------------------------------------------------------------------

    @overload
    def list_users(
        self,
        *,
        search: str | None = ...,
        filter: str | None = ...,
        q: str | None = ...,
        limit: int | None = ...,
        sort_by: str | None = ...,
        sort_order: str | None = ...,
        fields: None = ...,
        expand: str | None = ...,
        after: str | None = ...,
    ) -> AsyncIterator[User]: ...

    @overload
    def list_users(
        self,
        *,
        search: str | None = ...,
        filter: str | None = ...,
        q: str | None = ...,
        limit: int | None = ...,
        sort_by: str | None = ...,
        sort_order: str | None = ...,
        fields: str,
        expand: str | None = ...,
        after: str | None = ...,
    ) -> AsyncIterator[PartialUser]: ...

    def list_users(
        self,
        *,
        search: str | None = None,
        filter: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        fields: str | None = None,
        expand: str | None = None,
        after: str | None = None,
    ) -> AsyncIterator[User] | AsyncIterator[PartialUser]:
        """Iterate over users, page after page (``limit`` is the page size, at most 200).

        ``search`` (e.g. ``'profile.department eq "Sales"'``) is Okta's recommended query;
        without any query, DEPROVISIONED users are left out. With ``fields`` (a projection such
        as ``"id,status,profile:(firstName,email)"``) Okta returns only those fields, so the
        items are ``PartialUser`` mappings (``u["status"]``, ``u["profile"]["email"]``) rather
        than ``User``s.
        """
        request = ops.LIST_USERS.build_request(
            search=opt_text("search", search),
            filter_=opt_text("filter", filter),
            q=opt_text("q", q),
            limit=page_size(limit),
            sort_by=opt_text("sort_by", sort_by),
            sort_order=choice("sort_order", sort_order, ("asc", "desc")),
            fields=opt_text("fields", fields),
            expand=opt_text("expand", expand),
            after=opt_text("after", after),
        )
        if fields is None:
            return self._pages(ops.LIST_USERS, request, ops.LIST_USERS.parse_response)
        return self._pages(ops.LIST_USERS, request, partial_users)

    async def get_user(self, id: str, *, expand: str | None = None) -> User:
        """Retrieve a user by id, login, or unambiguous login shortname."""
        return await self._call(ops.GET_USER, path_value("id", id), expand=opt_text("expand", expand))

    async def update_user(
        self,
        id: str,
        *,
        profile: Mapping[str, Any] | None = None,
        credentials: Mapping[str, Any] | None = None,
        password: str | None = None,
        strict: bool | None = None,
        if_match: str | None = None,
    ) -> User:
        """Change only the given profile attributes and credentials; ``None`` clears an attribute.

        >>> await okta.update_user(uid, profile={"nickName": "Sam", "legalName": None})
        """
        body = user_body(profile, credentials, password)
        if not body:
            raise InvalidArgumentError("update_user needs a profile, credentials or password to change")
        return await self._call(
            ops.UPDATE_USER,
            path_value("id", id),
            body=body,
            strict=opt_bool("strict", strict),
            if_match=opt_header("if_match", if_match),
        )

    async def replace_user(
        self,
        id: str,
        *,
        profile: Mapping[str, Any],
        credentials: Mapping[str, Any] | None = None,
        type_id: str | None = None,
        strict: bool | None = None,
        if_match: str | None = None,
    ) -> User:
        """Replace the whole profile: attributes not given are removed. Only this can change the type."""
        if not isinstance(profile, Mapping) or not profile:
            raise InvalidArgumentError("replace_user needs the complete profile (at least login)")
        body = user_body(profile, credentials, None, type_id)
        return await self._call(
            ops.REPLACE_USER,
            path_value("id", id),
            body=body,
            strict=opt_bool("strict", strict),
            if_match=opt_header("if_match", if_match),
        )

    # -- lifecycle -----------------------------------------------------------------------

    async def activate_user(self, id: str, *, send_email: bool | None = None) -> UserActivationToken:
        """Activate a STAGED or DEPROVISIONED user; with ``send_email=False`` the token is returned."""
        return await self._call(
            ops.ACTIVATE_USER, path_value("id", id), send_email=opt_bool("send_email", send_email)
        )

    async def deactivate_user(
        self, id: str, *, send_email: bool | None = None, respond_async: bool = False
    ) -> None:
        """Deactivate a user (destructive: app assignments are removed)."""
        await self._call(
            ops.DEACTIVATE_USER,
            path_value("id", id),
            send_email=opt_bool("send_email", send_email),
            prefer=prefer(respond_async),
        )

    async def reactivate_user(self, id: str, *, send_email: bool | None = None) -> UserActivationToken:
        """Restart the activation of a PROVISIONED or RECOVERY user."""
        return await self._call(
            ops.REACTIVATE_USER, path_value("id", id), send_email=opt_bool("send_email", send_email)
        )

    async def reset_factors(self, id: str) -> None:
        """Unenroll all of the user's MFA factors."""
        await self._call(ops.RESET_FACTORS, path_value("id", id))

    async def suspend_user(self, id: str) -> None:
        """Suspend an ACTIVE user."""
        await self._call(ops.SUSPEND_USER, path_value("id", id))

    async def unsuspend_user(self, id: str) -> None:
        """Return a SUSPENDED user to ACTIVE."""
        await self._call(ops.UNSUSPEND_USER, path_value("id", id))

    async def unlock_user(self, id: str) -> None:
        """Unlock a LOCKED_OUT user."""
        await self._call(ops.UNLOCK_USER, path_value("id", id))

    # -- user resources ------------------------------------------------------------------

    def list_user_groups(self, id: str) -> AsyncIterator[Group]:
        """Iterate over the groups a user belongs to."""
        return self._list(ops.LIST_USER_GROUPS, path_value("id", id))

    def list_authenticators(self) -> AsyncIterator[Authenticator]:
        """Iterate over the org's authenticators."""
        return self._list(ops.LIST_AUTHENTICATORS)

    async def get_authenticator(self, authenticator_id: str) -> Authenticator:
        """Retrieve one authenticator."""
        return await self._call(ops.GET_AUTHENTICATOR, path_value("authenticator_id", authenticator_id))

    async def create_tac_authenticator_enrollment(
        self,
        user_id: str,
        authenticator_id: str,
        *,
        ttl_minutes: int | None = None,
        multi_use: bool | None = None,
    ) -> TacAuthenticatorEnrollment:
        """Issue a temporary access code (TAC); the code is in ``result.profile.tac``.

        ``authenticator_id`` is the id of the org's authenticator whose key is ``tac``.
        """
        body = tac_request(authenticator_id, ttl_minutes, multi_use)
        return await self._call(
            ops.CREATE_TAC_AUTHENTICATOR_ENROLLMENT,
            path_value("user_id", user_id),
            body=body,
        )

    # -- roles ---------------------------------------------------------------------------

    def list_roles_for_client(self, client_id: str) -> AsyncIterator[RoleAssignment]:
        """Iterate over the admin roles assigned to a service app."""
        return self._list(ops.LIST_ROLES_FOR_CLIENT, path_value("client_id", client_id))

    def list_assigned_roles_for_user(self, user_id: str) -> AsyncIterator[RoleAssignment]:
        """Iterate over a user's admin roles (for an API token: those of ``get_user("me")``)."""
        return self._list(ops.LIST_ASSIGNED_ROLES_FOR_USER, path_value("user_id", user_id))

    async def list_role_permissions(self, role_id_or_label: str) -> list[Permission]:
        """The permissions of a custom role."""
        result = await self._call(ops.LIST_ROLE_PERMISSIONS, path_value("role_id_or_label", role_id_or_label))
        return list(result.permissions or [])

    async def get_resource_set(self, resource_set_id_or_label: str) -> ResourceSet:
        """A resource set (what a custom role assignment applies to)."""
        return await self._call(
            ops.GET_RESOURCE_SET, path_value("resource_set_id_or_label", resource_set_id_or_label)
        )

    def list_resource_set_resources(
        self, resource_set_id_or_label: str, *, limit: int | None = None
    ) -> AsyncIterator[ResourceSetResource]:
        """Iterate over every resource of a resource set (Okta allows 1,000), page by page;
        ``limit`` is the page size (Okta's default 100)."""
        op = ops.LIST_RESOURCE_SET_RESOURCES
        request = op.build_request(
            path_value("resource_set_id_or_label", resource_set_id_or_label), limit=page_size(limit)
        )
        return self._pages(op, request, lambda page: list(op.parse_response(page).resources or []))

    # -- apps ----------------------------------------------------------------------------

    def list_scope_consent_grants(self, app_id: str) -> AsyncIterator[OAuth2ScopeConsentGrant]:
        """Iterate over the Okta API scopes granted to an app (a service app's id is its client_id)."""
        return self._list(ops.LIST_SCOPE_CONSENT_GRANTS, path_value("app_id", app_id))

"""The aiohttp application: Okta's routes behind one middleware.

The middleware does, in order: concurrency check, rate-limit bucket, injected faults,
rate-limit count, authentication and the checks of what the token may do (an OAuth token's
scopes and its app's roles, an API token's admin's roles; skipped for the public OAuth routes),
then the handler, and for a successful action the System Log events it declares (``_audit``);
and it stamps every response with ``Date``, ``X-Okta-Request-Id`` and the ``X-Rate-Limit-*``
headers. It is a single middleware
on purpose: each extra aiohttp middleware layer costs throughput on the hot path.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import socket
import struct
from typing import Final

from aiohttp import web
from aiohttp.typedefs import Handler

from oktakit_api.operations import OPERATIONS

from . import _handlers as users
from . import _handlers_account as account
from . import _handlers_directory as directory
from . import _oauth as oauth
from . import _peer as peer
from . import _resources as resources
from ._audit import REQUEST_ID, AuditHook
from ._context import CONTEXT, PRINCIPAL, RequestRecord, SimContext
from ._errors import SimulatedError
from ._faults import FaultRule
from ._oauth_errors import OAuthError
from ._permissions import Authorizer
from ._ratelimit import Bucket, Decision
from ._syslog_query import list_log_events
from ._util import HttpDate

# The handler of each operation in the spec; methods and paths come from the operation registry,
# so the simulator serves exactly what the SDK can call (a test checks that nothing is missing).
HANDLERS: Final[dict[str, Handler]] = {
    "listUsers": users.list_users,
    "getUser": users.get_user,
    "updateUser": users.update_user,
    "replaceUser": users.replace_user,
    "activateUser": users.activate_user,
    "deactivateUser": users.deactivate_user,
    "reactivateUser": users.reactivate_user,
    "resetFactors": users.reset_factors,
    "suspendUser": users.suspend_user,
    "unsuspendUser": users.unsuspend_user,
    "unlockUser": users.unlock_user,
    "listUserGroups": users.list_user_groups,
    "createTacAuthenticatorEnrollment": resources.create_tac_enrollment,
    "listAuthenticators": resources.list_authenticators,
    "getAuthenticator": resources.get_authenticator,
    "listRolesForClient": resources.list_roles_for_client,
    "listRolePermissions": resources.list_role_permissions,
    "listAssignedRolesForUser": resources.list_assigned_roles_for_user,
    "getResourceSet": resources.get_resource_set,
    "listResourceSetResources": resources.list_resource_set_resources,
    "listScopeConsentGrants": resources.list_scope_consent_grants,
    "listLogEvents": list_log_events,
    # issue 18: containment and directory
    "revokeUserSessions": account.revoke_user_sessions,
    "listUserClients": account.list_user_clients,
    "listUserGrants": account.list_user_grants,
    "revokeUserGrants": account.revoke_user_grants,
    "revokeUserGrant": account.revoke_user_grant,
    "listRefreshTokensForUserAndClient": account.list_refresh_tokens,
    "revokeTokensForUserAndClient": account.revoke_refresh_tokens,
    "expirePassword": account.expire_password,
    "expirePasswordWithTempPassword": account.expire_password_with_temp_password,
    "resetPassword": account.reset_password,
    "listFactors": account.list_factors,
    "unenrollFactor": account.unenroll_factor,
    "createUser": directory.create_user,
    "deleteUser": directory.delete_user,
    "listGroups": directory.list_groups,
    "listGroupUsers": directory.list_group_users,
    "assignUserToGroup": directory.assign_user_to_group,
    "unassignUserFromGroup": directory.unassign_user_from_group,
}

# The org authorization server's routes, which are not part of the Management API spec.
OAUTH_ROUTES: Final[tuple[tuple[str, str, Handler, str], ...]] = (
    ("POST", "/oauth2/v1/token", oauth.token, "token"),
    ("GET", "/oauth2/v1/keys", oauth.keys, "oauthKeys"),
    ("GET", "/oauth2/v1/clients/{clientId}/jwks", oauth.client_jwks, "clientJwks"),
)

# Routes outside the spec that another SDK's test suite calls (``_peer``).
PEER_ROUTES: Final[tuple[tuple[str, str, Handler, str], ...]] = tuple(
    (method, path, handler, name) for method, path, handler, name, _ in peer.ROUTES
)

ROUTES: Final[tuple[tuple[str, str, Handler, str], ...]] = (
    *((op.method, op.path, HANDLERS[op.operation_id], op.operation_id) for op in OPERATIONS.values()),
    *OAUTH_ROUTES,
    *PEER_ROUTES,
)


# (response, rate-limit numbers for the headers, fault kind, whether to add Okta's headers)
_Outcome = tuple[web.StreamResponse, Decision | None, str | None, bool]


def build_app(ctx: SimContext) -> web.Application:
    app = web.Application(middlewares=[_Pipeline(ctx)], client_max_size=4 * 1024 * 1024)
    app[CONTEXT] = ctx
    for method, path, handler, name in ROUTES:
        app.router.add_route(method, path, handler, name=name)
    return app


def _error_response(error: SimulatedError | OAuthError) -> web.Response:
    response = web.Response(status=error.status, body=error.body(), content_type="application/json")
    if error.headers:
        response.headers.update(error.headers)
    return response


def _from_http_exception(exc: web.HTTPException) -> web.StreamResponse:
    if exc.status == 404:
        return _error_response(SimulatedError("E0000008"))
    if exc.status == 405:
        response = _error_response(SimulatedError("E0000022"))
        if "Allow" in exc.headers:
            response.headers["Allow"] = exc.headers["Allow"]
        return response
    return exc


def _drop_connection(request: web.Request) -> None:
    """Close the socket with an RST (SO_LINGER 0): the client sees 'connection reset'."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class _Pipeline:
    """The single aiohttp middleware (a class so each step stays a small method)."""

    __middleware_version__ = 1  # what @web.middleware marks; aiohttp checks for it

    def __init__(self, ctx: SimContext) -> None:
        self.ctx = ctx
        self.limiter, self.faults, self.auth, self.org = ctx.limiter, ctx.faults, ctx.auth, ctx.org
        self.clock = ctx.clock
        self.authorizer = Authorizer(ctx.org, peer.REQUIREMENTS)
        self.audit = AuditHook(ctx.org, ctx.system_log)
        self.public = oauth.PUBLIC_OPERATIONS
        self.http_date = HttpDate()
        # Request ids only need to look unique; not security relevant.
        self.request_ids = random.Random()  # noqa: S311

    async def __call__(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        method = request.method
        route = request.match_info.route
        operation = route.name or "unknown"
        self.ctx.counts[operation] += 1
        now = self.clock()
        request_id = request[REQUEST_ID] = f"{self.request_ids.getrandbits(128):032x}"
        limiter = self.limiter
        resource = route.resource
        if resource is not None:
            bucket = limiter.route_bucket(method, resource.canonical, request.rel_url.raw_path)
        else:
            bucket = limiter.bucket_for(method, request.rel_url.raw_path)
        outcome: _Outcome
        if limiter.in_flight >= limiter.concurrency_limit:
            outcome = (
                _error_response(SimulatedError("E0000047")),
                limiter.concurrency_decision(now),
                None,
                True,
            )
        else:
            limiter.in_flight += 1
            try:
                outcome = await self._serve(request, handler, operation, bucket)
            finally:
                limiter.in_flight -= 1
        response, decision, fault, okta_headers = outcome
        headers = response.headers
        headers["Date"] = self.http_date(self.clock())
        if okta_headers:
            headers["X-Okta-Request-Id"] = request_id
            if decision is not None:
                headers["X-Rate-Limit-Limit"] = str(decision.limit)
                headers["X-Rate-Limit-Remaining"] = str(decision.remaining)
                headers["X-Rate-Limit-Reset"] = str(decision.reset)
        self.ctx.log.append(
            RequestRecord(now, method, request.path, request.query_string, operation, response.status, fault)
        )
        return response

    async def _serve(
        self, request: web.Request, handler: Handler, operation: str, bucket: Bucket | None
    ) -> _Outcome:
        rule = None
        if self.faults.rules:
            delay, rule = self.faults.pick(operation, request.method, request.path)
            if delay:
                await asyncio.sleep(delay)
            if rule is not None and not rule.applied:
                if rule.kind != "hold":
                    return await self._fault(request, rule, bucket)
                await rule.wait_released(self.ctx.closing)
        outcome = await self._handle(request, handler, operation, bucket)
        if rule is not None and rule.applied:  # Okta acted; now the answer is lost or late
            if rule.kind != "hold":
                return await self._fault(request, rule, bucket)
            await rule.wait_released(self.ctx.closing)
        return outcome

    async def _handle(
        self, request: web.Request, handler: Handler, operation: str, bucket: Bucket | None
    ) -> _Outcome:
        now = self.clock()
        decision = None if bucket is None else self.limiter.hit(bucket, now)
        if decision is not None and not decision.allowed:
            return _error_response(SimulatedError("E0000047")), decision, None, True
        response: web.StreamResponse
        principal = None
        try:
            if operation not in self.public:
                principal = request[PRINCIPAL] = self.auth.authenticate(request)
                if bucket is not None and decision is not None and self.limiter.client_share is not None:
                    # The client's own share of the bucket (an API token, or a service app).
                    client = principal.client_id or principal.subject
                    decision = self.limiter.hit_client(bucket, client, decision)
                    if not decision.allowed:
                        return _error_response(SimulatedError("E0000047")), decision, None, True
                # An OAuth token: scopes and its app's roles; an API token: its admin's roles.
                await self.authorizer.authorize(request, principal, operation)
            if self.org.pending:
                self.org.settle(now)
            pending = self.audit.begin(request, operation, principal)
            response = await handler(request)
            if pending is not None and response.status < 300:
                self.audit.commit(request, pending, principal)
        except (SimulatedError, OAuthError) as error:
            response = _error_response(error)
        except web.HTTPException as exc:
            response = _from_http_exception(exc)
        return response, decision, None, True

    async def _fault(self, request: web.Request, rule: FaultRule, bucket: Bucket | None) -> _Outcome:
        if rule.kind == "reset":
            _drop_connection(request)
        elif rule.kind == "truncate":
            await self._truncate(request)
        elif rule.kind == "timeout":
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.ctx.closing.wait(), rule.delay)
        status, body, content_type = rule.response()
        response = web.Response(status=status, body=body, content_type=content_type)
        if rule.retry_after is not None:
            response.headers["Retry-After"] = str(rule.retry_after)
        # A fault never reaches Okta's counters: report the bucket as it stands (a 429 as spent).
        peek = None
        if bucket is not None:
            if status == 429:
                reset = bucket.reset_at or math.ceil(self.clock() + bucket.window)
                peek = Decision(False, bucket.limit, 0, reset)
            else:
                peek = Decision(True, bucket.limit, bucket.remaining, bucket.reset_at)
        return response, peek, rule.kind, rule.okta_headers

    async def _truncate(self, request: web.Request) -> None:
        """Send the headers and half of a promised body, then reset the connection."""
        response = web.StreamResponse(status=200, headers={"Content-Type": "application/json"})
        response.content_length = 1024
        await response.prepare(request)
        await response.write(b'{"id": "' + b"x" * 500)
        _drop_connection(request)

"""The one hook that writes the simulator's actions to its System Log.

An operation declares the event types a successful call writes (``x-okta-log-events`` in
``okta_spec/openapi.yaml``, read from the operation registry; routes outside the spec declare
theirs in ``ROUTE_EVENTS``). The middleware calls ``begin`` before the handler (the targets are
read then, while they still exist) and ``commit`` after a 2xx answer: one event per declared
type, with the caller as actor (the API token's admin, or the service app), the path's user or
group as targets, and the request's client IP, User-Agent and request id. A refused call writes
nothing. A handler whose events depend on the request narrows them with ``log_only`` (an
update writes ``update_password`` only when it changed the password) or names its actor with
``log_actor`` (the token endpoint, which has no authenticated caller). So an action added
later logs by declaring its types; it needs no code here.
"""

from __future__ import annotations

from typing import Any, Final

from aiohttp import web

from oktakit_api.operations import OPERATIONS

from ._auth import Principal
from ._state import Org
from ._syslog import SystemLog
from ._syslog_events import SYSTEM_ACTOR, app_actor, client, event, target, token_id, user_actor
from ._users import SimUser

#: Routes that are not operations of the spec, and the events they write.
ROUTE_EVENTS: Final[dict[str, tuple[str, ...]]] = {"token": ("app.oauth2.token.grant.access_token",)}


class PendingEvents:
    """The events a call will write if it succeeds; handlers may narrow them."""

    __slots__ = ("actor", "fired", "targets", "types")

    def __init__(self, types: tuple[str, ...], actor: dict[str, Any], targets: list[dict[str, Any]]) -> None:
        self.types = types
        self.fired: tuple[str, ...] = types
        self.actor = actor
        self.targets = targets


#: The request's pending events (set by ``AuditHook.begin`` for operations that log).
PENDING: Final = web.RequestKey("oktakit_log_events", PendingEvents)
#: The request id the middleware puts in ``X-Okta-Request-Id`` (and the events' debug data).
REQUEST_ID: Final = web.RequestKey("oktakit_request_id", str)


def log_only(request: web.Request, *types: str) -> None:
    """Write only these of the operation's declared event types (none: write nothing)."""
    pending = request.get(PENDING)
    if pending is None:
        return
    undeclared = set(types) - set(pending.types)
    if undeclared:  # the spec must say what an operation logs
        raise ValueError(f"{sorted(undeclared)} are not among the declared events {pending.types}")
    pending.fired = tuple(t for t in pending.types if t in types)


def log_target(request: web.Request, *targets: dict[str, Any]) -> None:
    """Add targets the path does not name (the user a creation made)."""
    pending = request.get(PENDING)
    if pending is not None:
        pending.targets.extend(targets)


def user_target(user: SimUser) -> dict[str, Any]:
    return target("User", user.id, user.login, _name(user.profile))


def log_actor(request: web.Request, actor: dict[str, Any], *targets: dict[str, Any]) -> None:
    """Name the actor (and add targets) of a route that has no authenticated caller."""
    pending = request.get(PENDING)
    if pending is not None:
        pending.actor = actor
        pending.targets.extend(targets)


class AuditHook:
    def __init__(self, org: Org, log: SystemLog) -> None:
        self.org = org
        self.log = log
        declared = {op.operation_id: op.log_events for op in OPERATIONS.values() if op.log_events}
        self.declared: dict[str, tuple[str, ...]] = {**declared, **ROUTE_EVENTS}

    def begin(
        self, request: web.Request, operation: str, principal: Principal | None
    ) -> PendingEvents | None:
        types = self.declared.get(operation)
        if types is None:
            return None
        pending = PendingEvents(types, self._actor(principal), self._targets(request, principal))
        request[PENDING] = pending
        return pending

    def commit(self, request: web.Request, pending: PendingEvents, principal: Principal | None) -> None:
        ip = request.remote or "127.0.0.1"
        client_id = principal.client_id if principal is not None else None
        part = client(ip, request.headers.get("User-Agent"), client_id=client_id)
        token = token_id(principal.subject) if principal is not None and principal.scheme == "SSWS" else None
        for event_type in pending.fired:
            self.log.append(
                event(
                    self.log.ids,
                    event_type,
                    actor=pending.actor,
                    targets=pending.targets,
                    client_part=dict(part),
                    request_id=request.get(REQUEST_ID),
                    request_uri=request.path,
                    url=request.path_qs,
                    token=token,
                )
            )

    def _actor(self, principal: Principal | None) -> dict[str, Any]:
        if principal is None:
            return dict(SYSTEM_ACTOR)
        if principal.client_id is not None:
            return app_actor(principal.client_id)
        user = self.org.users.by_id(principal.user_id) if principal.user_id else None
        if user is None:
            return dict(SYSTEM_ACTOR)
        return user_actor(user.id, user.login, _name(user.profile))

    def _targets(self, request: web.Request, principal: Principal | None) -> list[dict[str, Any]]:
        found = []
        for name, key in request.match_info.items():
            if name in ("id", "userId"):
                if key == "me" and principal is not None and principal.user_id:
                    user = self.org.users.by_id(principal.user_id)  # the API token's admin
                else:
                    user = self.org.users.resolve(key)
                if user is not None:
                    found.append(user_target(user))
            elif name == "groupId" and key in self.org.groups:
                group = self.org.groups[key]
                found.append(target("UserGroup", group.id, "unknown", group.name))
        return found


def _name(profile: dict[str, Any]) -> str:
    first, last = profile.get("firstName"), profile.get("lastName")
    return " ".join(part for part in (first, last) if part) or str(profile.get("login"))

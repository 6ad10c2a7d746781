"""Route handlers for a user's sessions, OAuth clients, grants and refresh tokens, passwords and
factors (the rules are in ``_credentials``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from aiohttp import web

from . import _credentials as credentials
from ._account_state import SimGrant, SimRefreshToken
from ._audit import log_only
from ._context import CONTEXT
from ._handlers import find_user, java_bool, json_response
from ._paging import add_links, limit_of, page
from ._render import dumps, user_single_bytes
from ._render_account import client_dict, factor_dict, grant_dict, token_dict
from ._state import Org
from ._users import SimUser

#: Okta's page size for grants and tokens (the spec's default, echoed in recorded self links).
GRANTS_PAGE = 20
MAX_PAGE = 200
R = TypeVar("R", SimGrant, SimRefreshToken)


def no_content() -> web.Response:
    return web.Response(status=204)


def _user(request: web.Request) -> tuple[Org, SimUser]:
    org = request.app[CONTEXT].org
    return org, credentials.find_by_id(org, request.match_info["userId"])


# --- sessions ------------------------------------------------------------------------------
async def revoke_user_sessions(request: web.Request) -> web.StreamResponse:
    _, user = _user(request)
    query = request.query
    oauth_tokens = java_bool(query.get("oauthTokens"), False)
    credentials.revoke_sessions(
        user, oauth_tokens=oauth_tokens, forget_devices=java_bool(query.get("forgetDevices"), True)
    )
    if not oauth_tokens:
        log_only(request, "user.session.clear")
    return no_content()


# --- clients, grants, tokens ---------------------------------------------------------------
async def list_user_clients(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    clients = [c for c in user.account.client_ids() if c in org.client_apps]
    return json_response(dumps([client_dict(org, user, c) for c in clients]))


async def list_user_grants(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    scope = request.query.get("scopeId")
    grants = [g for g in user.account.grants if scope is None or g.scope_id == scope]
    return _page_of(request, org, user, grants, under="grants", render=grant_dict)


async def list_refresh_tokens(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    client_id = credentials.known_client(org, request.match_info["clientId"])
    tokens = [t for t in user.account.refresh_tokens if t.client_id == client_id]
    return _page_of(request, org, user, tokens, under=f"clients/{client_id}/tokens", render=token_dict)


def _page_of(
    request: web.Request,
    org: Org,
    user: SimUser,
    items: Sequence[R],
    *,
    under: str,
    render: Callable[..., dict[str, Any]],
) -> web.Response:
    """One page of a user's grants or tokens (``expand=scope`` embeds scopes), with Okta's links."""
    query = request.query
    limit = limit_of(query.get("limit"), GRANTS_PAGE, MAX_PAGE)
    window, more = page(items, lambda item: item.id, query.get("after"), limit)
    expand = query.get("expand") == "scope"
    response = json_response(dumps([render(org, user, item, expand=expand) for item in window]))
    url = f"{org.base_url}/api/v1/users/{user.id}/{under}"
    add_links(response, url, request, limit=limit, last=window[-1].id if window else None, more=more)
    return response


async def revoke_user_grants(request: web.Request) -> web.StreamResponse:
    _, user = _user(request)
    user.account.revoke_grants()
    return no_content()


async def revoke_user_grant(request: web.Request) -> web.StreamResponse:
    _, user = _user(request)
    credentials.revoke_grant(user, request.match_info["grantId"])
    return no_content()


async def revoke_refresh_tokens(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    user.account.revoke_tokens(credentials.known_client(org, request.match_info["clientId"]))
    return no_content()


# --- passwords -----------------------------------------------------------------------------
async def expire_password(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    credentials.expire_password(org, user)
    return json_response(user_single_bytes(org, user))


async def expire_password_with_temp_password(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    revoke = java_bool(request.query.get("revokeSessions"), False)
    temporary = credentials.expire_with_temp_password(org, user, revoke_sessions=revoke)
    return json_response(dumps({"tempPassword": temporary}))


async def reset_password(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    query = request.query
    answer = credentials.reset_password(
        org,
        user,
        send_email=java_bool(query.get("sendEmail"), True),
        revoke_sessions=java_bool(query.get("revokeSessions"), False),
    )
    return json_response(dumps(answer))


# --- factors -------------------------------------------------------------------------------
async def list_factors(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    return json_response(dumps([factor_dict(org, user, key) for key in credentials.listed_factors(user)]))


async def unenroll_factor(request: web.Request) -> web.StreamResponse:
    org, user = _user(request)
    credentials.unenroll(org, user, request.match_info["factorId"])
    return no_content()

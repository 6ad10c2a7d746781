"""Route handlers for creating and deleting users, listing groups and their members, and
changing memberships (the rules are in ``_directory``; group queries in ``_group_query``)."""

from __future__ import annotations

from aiohttp import web

from . import _directory as directory
from ._audit import log_only, log_target, user_target
from ._context import CONTEXT
from ._credentials import find_by_id
from ._errors import SimulatedError
from ._group_query import group_predicate, group_sort_key
from ._handlers import find_user, java_bool, json_response, read_json
from ._handlers_account import no_content
from ._paging import add_links, limit_of, page
from ._render import dumps, group_dict, user_list_bytes, user_single_bytes
from ._state import Org, SimGroup

#: Okta's page sizes: groups listed without a limit (recorded self link: 10000), members (1000).
GROUPS_PAGE = 10_000
MEMBERS_PAGE = 1000
#: What ``q`` returns at most, in one page ("The default limit for a query is 300 results").
GROUPS_QUERY_PAGE = 300


async def create_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    query = request.query
    next_login = query.get("nextLogin")
    if next_login not in (None, "changePassword"):
        raise SimulatedError("E0000001", "nextLogin", ["nextLogin: Invalid value"])
    activate = java_bool(query.get("activate"), True)
    user = directory.create_user(
        org,
        await read_json(request),
        activate=activate,
        provider=java_bool(query.get("provider"), False),
        next_login=next_login,
    )
    log_target(request, user_target(user))
    if not activate:
        log_only(request, "user.lifecycle.create")
    return json_response(user_single_bytes(org, user))


async def delete_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    prefer = request.headers.get("Prefer", "").lower()
    # The first DELETE deactivates; only one of a DEPROVISIONED user deletes.
    deleting = user.status == "DEPROVISIONED"
    directory.delete_user(org, user, respond_async="respond-async" in prefer)
    log_only(request, "user.lifecycle.delete.initiated" if deleting else "user.lifecycle.deactivate")
    return no_content()


async def list_groups(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    query = request.query
    predicate = group_predicate(query.get("search"), query.get("filter"), query.get("q"))
    groups: list[SimGroup] = [g for g in org.groups.values() if predicate(g)]
    if query.get("search") and query.get("sortBy"):
        key = group_sort_key(query["sortBy"])
        groups.sort(key=key, reverse=(query.get("sortOrder") or "asc").lower() == "desc")
    if query.get("q") is not None:  # a query is never paged: one page of at most 300
        limit = limit_of(query.get("limit"), GROUPS_QUERY_PAGE, GROUPS_QUERY_PAGE)
        return _groups_response(org, request, groups[:limit])
    limit = limit_of(query.get("limit"), GROUPS_PAGE, GROUPS_PAGE)
    window, more = page(groups, lambda g: g.id, query.get("after"), limit)
    response = _groups_response(org, request, window)
    last = window[-1].id if window else None
    add_links(response, f"{org.base_url}/api/v1/groups", request, limit=limit, last=last, more=more)
    return response


def _groups_response(org: Org, request: web.Request, groups: list[SimGroup]) -> web.Response:
    expand = set((request.query.get("expand") or "").split(","))
    items = []
    for group in groups:
        data = group_dict(org, group)
        if "stats" in expand:
            data["_embedded"] = {"stats": {"usersCount": len(group.member_ids), "appsCount": 0}}
        items.append(data)
    return json_response(dumps(items))


async def list_group_users(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    group = directory.find_group(org, request.match_info["groupId"])
    members = sorted(group.member_ids)
    limit = limit_of(request.query.get("limit"), MEMBERS_PAGE, MEMBERS_PAGE)
    window, more = page(members, lambda uid: uid, request.query.get("after"), limit)
    users = [u for u in (org.users.by_id(uid) for uid in window) if u is not None]
    body = b"[" + b",".join(user_list_bytes(org, u) for u in users) + b"]"
    response = json_response(body)
    url = f"{org.base_url}/api/v1/groups/{group.id}/users"
    add_links(response, url, request, limit=limit, last=window[-1] if window else None, more=more)
    return response


async def assign_user_to_group(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    group = directory.find_group(org, request.match_info["groupId"])
    directory.assign(org, group, find_by_id(org, request.match_info["userId"]))
    return no_content()


async def unassign_user_from_group(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    group = directory.find_group(org, request.match_info["groupId"])
    directory.unassign(org, group, find_by_id(org, request.match_info["userId"]))
    return no_content()

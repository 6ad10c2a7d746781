"""Route handlers for the users, lifecycle and group-membership operations."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from . import _lifecycle as lifecycle
from ._audit import log_only
from ._context import CONTEXT, PRINCIPAL
from ._errors import SimulatedError, not_found
from ._json_body import UnreadableBody, parse_json_body
from ._paging import limit_of
from ._profile import apply_update
from ._query import Predicate, compile_filter, compile_search, q_predicate, sort_key
from ._render import (
    dumps,
    group_dict,
    okta_response_options,
    parse_fields,
    project,
    trim_user,
    user_dict,
    user_list_bytes,
    user_single_bytes,
)
from ._state import Org
from ._users import SimUser

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
JSON = "application/json"
_MAX_LIMIT = 200


def json_response(body: bytes, status: int = 200) -> web.Response:
    return web.Response(status=status, body=body, content_type=JSON)


def find_user(org: Org, key: str) -> SimUser:
    # aiohttp has already percent-decoded the path segment once; decoding again would turn a
    # literal "%40" in a login into "@".
    user = org.users.resolve(key)
    if user is None:
        raise not_found(key, "User")
    return user


async def read_json(request: web.Request) -> Any:
    try:
        return parse_json_body(await request.read())
    except UnreadableBody:
        raise SimulatedError("E0000003") from None


def java_bool(value: str | None, default: bool) -> bool:
    # Okta's Java stack reads query booleans with Boolean.parseBoolean: only "true" is true.
    return default if value is None else value.strip().lower() == "true"


# --- users --------------------------------------------------------------------------------
async def get_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    key = request.match_info["id"]
    if key == "me":  # the admin who created the API token; the default token has none
        key = request[PRINCIPAL].user_id or "me"
    user = find_user(org, key)
    omit = okta_response_options(request.headers.get("Content-Type"))
    expand = request.query.get("expand") if request.query_string else None
    if not omit and expand is None:
        return json_response(user_single_bytes(org, user))  # the hot path: cached bytes
    data = trim_user(user_dict(org, user, single=True), omit)
    if expand is not None and "blocks" in expand.split(","):
        links = data.pop("_links")
        locked = user.status == "LOCKED_OUT"
        blocks = [{"appliesTo": "ANY_DEVICES", "type": "DEVICE_BASED"}] if locked else []
        data["_embedded"] = {"blocks": blocks}
        data["_links"] = links
    return json_response(dumps(data))


async def update_user(request: web.Request) -> web.StreamResponse:
    return await _change_user(request, replace=False)


async def replace_user(request: web.Request) -> web.StreamResponse:
    return await _change_user(request, replace=True)


async def _change_user(request: web.Request, *, replace: bool) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    body = await read_json(request)
    apply_update(org, user, body, replace=replace)
    credentials = body.get("credentials") if isinstance(body, dict) else None
    changed = ["user.account.update_profile"] if isinstance(body, dict) and "profile" in body else []
    if isinstance(credentials, dict) and isinstance(credentials.get("password"), dict):
        changed.append("user.account.update_password")
    log_only(request, *changed)
    return json_response(user_single_bytes(org, user))


async def list_users(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    query = request.query
    search, filter_, q = query.get("search"), query.get("filter"), query.get("q")
    if sum(value is not None for value in (search, filter_, q)) > 1:
        raise SimulatedError("E0000033")  # Okta accepts one kind of query per request
    limit = page_limit(query.get("limit"), 10 if q is not None else _MAX_LIMIT)
    after = query.get("after") or None
    predicate: Predicate | None
    if search is not None:
        predicate = compile_search(org, search)
    elif filter_ is not None:
        predicate = compile_filter(org, filter_)
    elif q is not None:
        predicate = q_predicate(q)
    else:
        predicate = _not_deprovisioned  # the default listing hides DEPROVISIONED users
    sort_by = query.get("sortBy") if search is not None else None
    if sort_by:
        descending = (query.get("sortOrder") or "asc").lower() == "desc"
        page, more = _sorted_page(org, predicate, sort_by, descending=descending, after=after, limit=limit)
    else:
        page, more = _page(org.users.in_order(after), predicate, limit)
    if q is not None:
        more = False  # Okta: `q` "doesn't support pagination, but you can use limit"
    response = json_response(_users_body(org, request, page))
    extra = [(k, v) for k, v in query.items() if k not in ("after", "limit")]
    base = f"{org.base_url}/api/v1/users?"
    # Like Okta: `limit` always shows in the self link; with a cursor it reads like the next link.
    own = ([("after", after)] if after else []) + [("limit", str(limit))]
    response.headers.add("Link", f'<{base}{urlencode(own + extra)}>; rel="self"')
    if more and page:
        following = [("after", page[-1].id), ("limit", str(limit))]
        response.headers.add("Link", f'<{base}{urlencode(following + extra)}>; rel="next"')
    return response


def _not_deprovisioned(user: SimUser) -> bool:
    return user.status != "DEPROVISIONED"


def page_limit(raw: str | None, default: int) -> int:
    return limit_of(raw, default, _MAX_LIMIT)  # Okta caps the page at 200


def _page(users: Iterable[SimUser], predicate: Predicate, limit: int) -> tuple[list[SimUser], bool]:
    page: list[SimUser] = []
    for user in users:
        if predicate(user):
            if len(page) == limit:
                return page, True
            page.append(user)
    return page, False


def _sorted_page(
    org: Org, predicate: Predicate, attribute: str, *, descending: bool, after: str | None, limit: int
) -> tuple[list[SimUser], bool]:
    key = sort_key(org, attribute)
    matches = [user for user in org.users.in_order() if predicate(user)]
    present = sorted((u for u in matches if not key(u)[0]), key=key, reverse=descending)
    ordered = present + [u for u in matches if key(u)[0]]  # users without the value go last
    start = 0
    if after is not None:
        start = next((i + 1 for i, user in enumerate(ordered) if user.id == after), 0)
    window = ordered[start : start + limit]
    return window, start + limit < len(ordered)


def _users_body(org: Org, request: web.Request, users: list[SimUser]) -> bytes:
    omit = okta_response_options(request.headers.get("Content-Type"))
    fields_spec = request.query.get("fields")
    if not omit and not fields_spec:
        return b"[" + b",".join(user_list_bytes(org, user) for user in users) + b"]"
    fields = parse_fields(fields_spec) if fields_spec else None
    items = []
    for user in users:
        data = trim_user(user_dict(org, user, single=False), omit)
        items.append(project(data, fields) if fields else data)
    return dumps(items)


async def list_user_groups(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    groups = [group_dict(org, org.groups[gid]) for gid in user.group_ids if gid in org.groups]
    response = json_response(dumps(groups))
    href = f"{org.base_url}/api/v1/users/{user.id}/groups?limit=200"
    response.headers.add("Link", f'<{href}>; rel="self"')
    return response


# --- lifecycle ----------------------------------------------------------------------------
def _no_content(request: web.Request) -> web.Response:
    # Okta answers these with 200 and `{}` today; an empty body is kept as an option because
    # the spec declares no content.
    if request.app[CONTEXT].org.options.lifecycle_body == "empty":
        return web.Response(status=200, body=b"", content_type=JSON)
    return json_response(b"{}")


async def activate_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    send_email = java_bool(request.query.get("sendEmail"), True)
    return json_response(dumps(lifecycle.activate(org, user, send_email=send_email)))


async def reactivate_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    send_email = java_bool(request.query.get("sendEmail"), False)
    return json_response(dumps(lifecycle.reactivate(org, user, send_email=send_email)))


async def deactivate_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user = find_user(org, request.match_info["id"])
    prefer = request.headers.get("Prefer", "").lower()
    lifecycle.deactivate(org, user, respond_async="respond-async" in prefer)
    return _no_content(request)


def _simple(operation: Callable[[Org, SimUser], None]) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        org = request.app[CONTEXT].org
        operation(org, find_user(org, request.match_info["id"]))
        return _no_content(request)

    return handler


suspend_user = _simple(lifecycle.suspend)
unsuspend_user = _simple(lifecycle.unsuspend)
unlock_user = _simple(lifecycle.unlock)
reset_factors = _simple(lifecycle.reset_factors)

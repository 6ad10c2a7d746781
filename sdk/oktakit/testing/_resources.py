"""Route handlers for authenticators, temporary access codes, service-app roles, resource sets
and scope grants."""

from __future__ import annotations

import string
from typing import Any, Final
from urllib.parse import urlencode

from aiohttp import web

from ._context import CONTEXT
from ._errors import SimulatedError, not_found, validation_failed
from ._handlers import json_response, page_limit, read_json
from ._render import authenticator_dict, dumps, permissions_dict, role_assignment_dict, tac_dict
from ._resource_sets import ALL_GROUPS, ResourceSet
from ._sources import Evidence, documented, inferred
from ._state import Org, SimAuthenticator
from ._users import SimUser, TacEnrollment
from ._util import iso8601

_SPECIALS = "!@#$%^&*"
#: Okta's default page size for a resource set's resources (the spec's `limit` default).
RESOURCES_PAGE: Final = 100

#: The evidence for the status rules of temporary access codes (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "tac_unknown_user": (
        documented("okta-mgmt-spec", "userId is the id of an existing user (no 404 declared)"),
        inferred("okta-error-codes", "404 E0000007, Okta's answer for a resource that does not exist"),
    ),
    "tac_deprovisioned": (
        inferred("okta-mgmt-spec", "a deactivated user cannot sign in, so no code is issued: 400 E0000001"),
    ),
    "tac_replaces": (documented("okta-mgmt-spec", "issuing a new TAC invalidates any existing TAC"),),
}


async def list_authenticators(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    return json_response(dumps([authenticator_dict(org, a) for a in org.authenticators.values()]))


async def get_authenticator(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    key = request.match_info["authenticatorId"]
    authenticator = org.authenticators.get(key)
    if authenticator is None:
        raise not_found(key, "Authenticator")
    return json_response(dumps(authenticator_dict(org, authenticator)))


async def create_tac_enrollment(request: web.Request) -> web.StreamResponse:
    """Issue a TAC. The path takes a user *id* only (``pathUserId``), unlike the ``{id}`` paths.

    The upstream spec declares no 404 here, but an unknown user id still gets Okta's usual
    404 E0000007: a missing resource is not a validation failure of the request body.
    """
    org = request.app[CONTEXT].org
    user_id = request.match_info["userId"]
    user = org.users.by_id(user_id)
    if user is None:
        raise not_found(user_id, "User")
    body = await read_json(request)
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    authenticator = _tac_authenticator(org, body.get("authenticatorId"))
    config: dict[str, Any] = authenticator.extra.get("provider", {}).get("configuration", {})
    profile = body.get("profile") or {}
    if not isinstance(profile, dict):
        raise validation_failed("profile", "profile: Must be an object")
    ttl = _ttl(profile.get("ttl"), config)
    multi_use = profile.get("multiUse", False)
    if not isinstance(multi_use, bool):
        raise validation_failed("multiUse", "multiUse: Must be true or false")
    if multi_use and not config.get("multiUseAllowed", False):
        raise validation_failed("multiUse", "multiUse: The org does not allow multi-use codes")
    if user.status == "DEPROVISIONED":
        raise validation_failed("userId", "userId: A deactivated user cannot get a TAC")
    tac = _issue(org, user, ttl, multi_use, config)
    return json_response(dumps(tac_dict(org, user, authenticator, tac)))


def _tac_authenticator(org: Org, authenticator_id: Any) -> SimAuthenticator:
    if not isinstance(authenticator_id, str) or not authenticator_id:
        raise validation_failed("authenticatorId", "authenticatorId: The field cannot be left blank")
    authenticator = org.authenticators.get(authenticator_id)
    if authenticator is None or authenticator.key != "tac":
        raise validation_failed(
            "authenticatorId",
            f"authenticatorId: {authenticator_id} is not the org's Temporary Access Code authenticator",
        )
    if authenticator.status != "ACTIVE":
        raise validation_failed("authenticatorId", "authenticatorId: The TAC authenticator is inactive")
    return authenticator


def _ttl(raw: Any, config: dict[str, Any]) -> int:
    """Minutes; the spec types it as a string but Okta's own example sends a number."""
    low, high = int(config.get("minTtl", 10)), int(config.get("maxTtl", 14400))
    if raw is None:
        return int(config.get("defaultTtl", 120))
    value: float | None = None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    elif isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            value = None
    if value is None or not value.is_integer() or not low <= value <= high:
        raise validation_failed("ttl", f"ttl: Must be a whole number of minutes from {low} to {high}")
    return int(value)


def _issue(org: Org, user: SimUser, ttl: int, multi_use: bool, config: dict[str, Any]) -> TacEnrollment:
    complexity = config.get("complexity", {})
    alphabet = string.digits  # Okta: numbers are always part of a TAC
    if complexity.get("letters", True):
        alphabet += string.ascii_letters
    if complexity.get("specialCharacters", False):
        alphabet += _SPECIALS
    length = int(config.get("length", 16))
    code = "".join(org.rng.choices(alphabet, k=length))
    now = org.clock()
    for previous in user.tac_enrollments:
        previous.valid = False  # issuing a new TAC invalidates any existing one
    tac = TacEnrollment(org.new_id("tac"), now, now + ttl * 60, multi_use, code)
    user.tac_enrollments.append(tac)
    if "tac" not in user.factors:
        user.factors.append("tac")
    return tac


async def list_roles_for_client(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    client_id = request.match_info["clientId"]
    roles = org.clients.get(client_id)
    if roles is None:
        raise not_found(client_id, "AppInstance")
    return json_response(dumps([role_assignment_dict(org, client_id, role) for role in roles]))


async def list_assigned_roles_for_user(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    user_id = request.match_info["userId"]
    if org.users.by_id(user_id) is None:
        raise not_found(user_id, "User")
    roles = org.admins.get(user_id, [])
    return json_response(dumps([role_assignment_dict(org, user_id, role, user=True) for role in roles]))


async def list_role_permissions(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    key = request.match_info["roleIdOrLabel"]
    role = org.custom_role(key)
    if role is None:
        raise not_found(key, "CustomRole")
    return json_response(dumps(permissions_dict(org, role)))


def orn(org: Org, path: str) -> str:
    parts = path.strip("/").split("/")[2:]  # drop api/v1
    if parts[:1] == ["groups"] and len(parts) == 3:
        return f"orn:okta:directory:{org.org_id}:groups:{parts[1]}:contained_resources"
    return f"orn:okta:directory:{org.org_id}:" + ":".join(parts)


def resource_set_dict(org: Org, resource_set: ResourceSet) -> dict[str, Any]:
    href = f"{org.base_url}/api/v1/iam/resource-sets/{resource_set.id}"
    return {
        "id": resource_set.id,
        "label": resource_set.label,
        "description": resource_set.description,
        "created": iso8601(resource_set.created),
        "lastUpdated": iso8601(resource_set.created),
        "_links": {
            "self": {"href": href},
            "resources": {"href": f"{href}/resources"},
            "bindings": {"href": f"{href}/bindings"},
        },
    }


def resources_dict(
    org: Org, resource_set: ResourceSet, *, after: str | None = None, limit: int = RESOURCES_PAGE
) -> dict[str, Any]:
    """One page of a set's resources; ``_links.next`` (with the resource id as the cursor) when
    more follow, as Okta's IAM lists do."""
    href = f"{org.base_url}/api/v1/iam/resource-sets/{resource_set.id}"
    entries = list(resource_set.resources.items())
    start = next((i + 1 for i, (_, rid) in enumerate(entries) if rid == after), 0) if after else 0
    page = entries[start : start + limit]
    items = []
    for path, resource_id in page:
        links: dict[str, Any] = {"self": {"href": org.base_url + path}}
        if path.endswith("/users"):
            links["users"] = {"href": org.base_url + path}
        elif path.startswith(ALL_GROUPS):
            links["groups"] = {"href": org.base_url + path}
        items.append(
            {
                "id": resource_id,
                "orn": orn(org, path),
                "created": iso8601(resource_set.created),
                "lastUpdated": iso8601(resource_set.created),
                "_links": links,
            }
        )
    page_links: dict[str, Any] = {"resource-set": {"href": href}}
    if start + limit < len(entries) and page:
        page_links["next"] = {"href": f"{href}/resources?{urlencode({'after': page[-1][1], 'limit': limit})}"}
    return {"resources": items, "_links": page_links}


def _resource_set(request: web.Request) -> tuple[Org, ResourceSet]:
    org = request.app[CONTEXT].org
    key = request.match_info["resourceSetIdOrLabel"]
    found = org.resource_sets.get(key) or next(
        (s for s in org.resource_sets.values() if s.label == key), None
    )
    if found is None:
        raise not_found(key, "ResourceSet")
    return org, found


async def get_resource_set(request: web.Request) -> web.StreamResponse:
    org, resource_set = _resource_set(request)
    return json_response(dumps(resource_set_dict(org, resource_set)))


async def list_resource_set_resources(request: web.Request) -> web.StreamResponse:
    org, resource_set = _resource_set(request)
    limit = page_limit(request.query.get("limit"), RESOURCES_PAGE)
    data = resources_dict(org, resource_set, after=request.query.get("after") or None, limit=limit)
    return json_response(dumps(data))  # the next page is in the body only (Okta's schema: LinksNext)


async def list_scope_consent_grants(request: web.Request) -> web.StreamResponse:
    """The scopes granted to a service app (all granted by an admin in the simulator)."""
    ctx = request.app[CONTEXT]
    app_id = request.match_info["appId"]
    app = ctx.oauth.apps.apps.get(app_id)
    if app is None:
        raise not_found(app_id, "AppInstance")
    org = ctx.org
    grants = [
        {
            "id": f"oag{index:04d}{app_id[-13:]}",
            "clientId": app_id,
            "issuer": org.base_url,
            "scopeId": scope,
            "status": "REVOKED" if scope in app.revoked_scopes else "ACTIVE",
            "source": "ADMIN",
            "created": iso8601(org.clock()),
            "lastUpdated": iso8601(org.clock()),
            "_links": {"app": {"href": f"{org.base_url}/api/v1/apps/{app_id}"}},
        }
        for index, scope in enumerate(sorted(app.scopes | app.revoked_scopes))
    ]
    return json_response(dumps(grants))

"""Route handlers for authenticators, temporary access codes and service-app roles."""

from __future__ import annotations

import string
from typing import Any

from aiohttp import web

from ._context import CONTEXT
from ._errors import SimulatedError, not_found, validation_failed
from ._handlers import json_response, read_json
from ._render import authenticator_dict, dumps, permissions_dict, role_assignment_dict, tac_dict
from ._state import Authenticator, Org
from ._users import TacEnrollment, User

_SPECIALS = "!@#$%^&*"


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


def _tac_authenticator(org: Org, authenticator_id: Any) -> Authenticator:
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


def _issue(org: Org, user: User, ttl: int, multi_use: bool, config: dict[str, Any]) -> TacEnrollment:
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


async def list_role_permissions(request: web.Request) -> web.StreamResponse:
    org = request.app[CONTEXT].org
    key = request.match_info["roleIdOrLabel"]
    role = org.custom_role(key)
    if role is None:
        raise not_found(key, "CustomRole")
    return json_response(dumps(permissions_dict(org, role)))

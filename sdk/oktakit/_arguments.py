"""Checks of what callers pass, before anything is sent: one clear ``InvalidArgumentError``
instead of a request Okta would reject (or, worse, one that means something else)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from oktakit_api.types import UNSET

from .errors import InvalidArgumentError


def path_value(name: str, value: object) -> str:
    """Validate one value bound for a URL path (the generated code percent-encodes it)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not value:
        raise InvalidArgumentError(f"{name} must not be empty")
    value = _encodable(name, value)
    # "." and ".." survive percent-encoding and would be resolved as path segments.
    if value in (".", ".."):
        raise InvalidArgumentError(f"{name} {value!r} is not a valid identifier")
    return value


def query_value(name: str, value: object) -> str | int | float:
    """Validate one query value as the transport sends it (every query goes through here).

    yarl silently drops what UTF-8 cannot encode (lone surrogates), which would run a search
    other than the one asked for, so such text is refused instead.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _encodable(name, value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise InvalidArgumentError(
        f"{name} must be a string, an integer or a boolean, not {type(value).__name__}"
    )


def _encodable(name: str, value: str) -> str:
    """``value`` as a plain str (whatever a subclass overrides), if UTF-8 can carry it."""
    value = str.__str__(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        pass  # raised below, so that the error (which holds the whole text) is not its context
    else:
        return value
    raise InvalidArgumentError(f"{name} contains text that cannot be sent (a lone surrogate)")


def opt_text(name: str, value: str | None) -> Any:
    """An optional string parameter (a query value): a string, or ``None`` for "not sent"."""
    if value is None:
        return UNSET
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    return _encodable(name, value)


def page_size(limit: int | None) -> Any:
    """Okta pages hold at most 200 items."""
    return opt(_int_in_range("limit", limit, 1, 200))


def choice(name: str, value: str | None, allowed: tuple[str, ...]) -> Any:
    if value is not None and value not in allowed:
        raise InvalidArgumentError(f"{name} must be one of {', '.join(map(repr, allowed))}, not {value!r}")
    return opt(value)


def tac_request(authenticator_id: str, ttl_minutes: int | None, multi_use: bool | None) -> dict[str, Any]:
    """The body of a TAC enrollment; Okta takes lifetimes of 10 minutes to 10 days."""
    body: dict[str, Any] = {"authenticatorId": path_value("authenticator_id", authenticator_id)}
    profile: dict[str, Any] = {}
    if _int_in_range("ttl_minutes", ttl_minutes, 10, 14400) is not None:
        profile["ttl"] = str(ttl_minutes)  # the spec types it as a string
    if multi_use is not None:
        profile["multiUse"] = opt_bool("multi_use", multi_use)
    if profile:
        body["profile"] = profile
    return body


def _int_in_range(name: str, value: int | None, low: int, high: int) -> int | None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
    ):
        raise InvalidArgumentError(f"{name} must be an integer from {low} to {high}, not {value!r}")
    return value


def opt(value: Any) -> Any:
    return UNSET if value is None else value


def opt_bool(name: str, value: bool | None) -> Any:
    if value is None:
        return UNSET
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{name} must be True or False, not {value!r}")
    return value


def opt_header(name: str, value: str | None) -> Any:
    if value is None:
        return UNSET
    # aiohttp refuses CR/LF in headers with a bare ValueError; catch it (and others) up front.
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise InvalidArgumentError(f"{name} must be a non-empty ASCII string without control characters")
    return value


def prefer(respond_async: bool, *, delete: bool = False) -> Any:
    """The ``Prefer: respond-async`` header of a deactivation (or, ``delete``, a deletion)."""
    if not isinstance(respond_async, bool):
        raise InvalidArgumentError(f"respond_async must be True or False, not {respond_async!r}")
    if not respond_async:
        return UNSET
    from oktakit_api.models import DeactivateUserPrefer, DeleteUserPrefer

    return DeleteUserPrefer.RESPOND_ASYNC if delete else DeactivateUserPrefer.RESPOND_ASYNC


def limit_in(limit: int | None, maximum: int) -> Any:
    """A page size from 1 to ``maximum`` (Okta's bound for the list at hand)."""
    return opt(_int_in_range("limit", limit, 1, maximum))


def id_list(name: str, values: Any) -> list[str] | None:
    """A list of ids (group ids of a new user), each checked like a path value; no repeats."""
    if values is None:
        return None
    if isinstance(values, str) or not isinstance(values, (list, tuple, set, frozenset)):
        raise InvalidArgumentError(f"{name} must be a list of ids, not {type(values).__name__}")
    return list(dict.fromkeys(path_value(name, value) for value in values))


def new_user_body(
    profile: Mapping[str, Any],
    *,
    credentials: Mapping[str, Any] | None,
    password: str | None,
    group_ids: Any,
    type_id: str | None,
    realm_id: str | None,
) -> dict[str, Any]:
    """The body of a user creation: a profile with a login, and what else was given."""
    if not isinstance(profile, Mapping) or not isinstance(profile.get("login"), str) or not profile["login"]:
        raise InvalidArgumentError("create_user needs a profile with a login (and usually email, names)")
    body = user_body(profile, credentials, password, type_id)
    groups = id_list("group_ids", group_ids)
    if groups:
        body["groupIds"] = groups
    if realm_id is not None:
        body["realmId"] = path_value("realm_id", realm_id)
    return body


def user_body(
    profile: Mapping[str, Any] | None,
    credentials: Mapping[str, Any] | None,
    password: str | None,
    type_id: str | None = None,
) -> dict[str, Any]:
    """The JSON body of an update or replacement (empty when there is nothing to change)."""
    body: dict[str, Any] = {}
    if profile is not None:
        if not isinstance(profile, Mapping):
            raise InvalidArgumentError("profile must be a mapping of attribute names to values")
        if profile:  # an empty mapping changes nothing
            body["profile"] = json_object("profile", profile)
    if credentials is not None:
        if not isinstance(credentials, Mapping):
            raise InvalidArgumentError("credentials must be a mapping (e.g. {'password': {'value': ...}})")
        if credentials:
            body["credentials"] = json_object("credentials", credentials)
    if password is not None:
        if not isinstance(password, str) or not password:
            raise InvalidArgumentError("password must be a non-empty string")
        password = _encodable("password", password)
        if "password" in body.get("credentials", {}):
            raise InvalidArgumentError("give the password as password= or in credentials, not both")
        body.setdefault("credentials", {})["password"] = {"value": password}
    if type_id is not None:
        body["type"] = {"id": path_value("type_id", type_id)}
    return body


# Okta profiles are flat and credentials three levels deep: anything far deeper is a mistake.
MAX_JSON_DEPTH = 32


def json_object(name: str, value: Mapping[Any, Any], depth: int = 0) -> dict[str, Any]:
    """A copy of a mapping bound for a JSON body, refusing what JSON would silently change
    (non-string keys become strings) or cannot carry (NaN, lone surrogates, other types)."""
    if depth > MAX_JSON_DEPTH:
        raise InvalidArgumentError(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep")
    copy: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            # JSON would turn 1 into "1" and True into "true": another attribute than meant.
            raise InvalidArgumentError(f"{name} has a key that is not a string: {type(key).__name__}")
        copy[_encodable(name, key)] = _json_item(f"{name}[{key!r}]", item, depth + 1)
    return copy


def _json_item(name: str, value: Any, depth: int) -> Any:
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidArgumentError(f"{name} is {value!r}, which JSON cannot carry")
        return value
    if isinstance(value, str):
        return _encodable(name, value)
    if isinstance(value, Mapping):
        return json_object(name, value, depth)
    if isinstance(value, (list, tuple)):
        if depth > MAX_JSON_DEPTH:
            raise InvalidArgumentError(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep")
        return [_json_item(f"{name}[{i}]", v, depth + 1) for i, v in enumerate(value)]
    raise InvalidArgumentError(f"{name} cannot be sent as JSON ({type(value).__name__})")

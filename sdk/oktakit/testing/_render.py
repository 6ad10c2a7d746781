"""JSON rendering in Okta's wire shapes (field order follows recorded Okta responses)."""

from __future__ import annotations

import json
from typing import Any

from ._errors import SimulatedError
from ._lifecycle import CREDENTIAL_LINKS, LINK_TARGETS, link_names
from ._state import CustomRole, Org, SimAuthenticator, SimGroup, SimRoleAssignment
from ._users import SimUser, TacEnrollment
from ._util import iso8601, iso8601_or_none

_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(value: Any) -> bytes:
    return _dumps(value).encode()


# --- users ------------------------------------------------------------------------------
def user_dict(org: Org, user: SimUser, *, single: bool) -> dict[str, Any]:
    """A user as Okta returns it; collections carry only the ``self`` link."""
    self_href = f"{org.base_url}/api/v1/users/{user.id}"
    data: dict[str, Any] = {"id": user.id, "status": user.status}
    if user.transitioning_to is not None:
        data["transitioningToStatus"] = user.transitioning_to
    data["created"] = iso8601(user.created)
    data["activated"] = iso8601_or_none(user.activated)
    data["statusChanged"] = iso8601_or_none(user.status_changed)
    data["lastLogin"] = iso8601_or_none(user.last_login)
    data["lastUpdated"] = iso8601(user.last_updated)
    data["passwordChanged"] = iso8601_or_none(user.password_changed)
    data["type"] = {"id": user.type_id}
    data["profile"] = dict(user.profile)
    credentials: dict[str, Any] = {}
    if user.has_password:
        credentials["password"] = {}  # Okta never echoes the value, only that one exists
    email = user.profile.get("email")
    if email:
        credentials["emails"] = [{"value": email, "status": "VERIFIED", "type": "PRIMARY"}]
    if user.recovery_question is not None:
        credentials["recovery_question"] = {"question": user.recovery_question}
    kind, name = user.account.provider
    credentials["provider"] = {"type": kind, "name": name}
    data["credentials"] = credentials
    links: dict[str, Any] = {}
    if single:
        for name in link_names(user):
            links[name] = {"href": self_href + LINK_TARGETS[name], "method": "POST"}
        links["schema"] = {"href": f"{org.base_url}/api/v1/meta/schemas/user/{org.schema_id}"}
        links["type"] = {"href": f"{org.base_url}/api/v1/meta/types/user/{user.type_id}"}
    links["self"] = {"href": self_href}
    data["_links"] = links
    return data


def user_single_bytes(org: Org, user: SimUser) -> bytes:
    cached = user.cache_single
    if cached is None:
        cached = user.cache_single = dumps(user_dict(org, user, single=True))
    return cached


def user_list_bytes(org: Org, user: SimUser) -> bytes:
    cached = user.cache_list
    if cached is None:
        cached = user.cache_list = dumps(user_dict(org, user, single=False))
    return cached


def okta_response_options(content_type: str | None) -> frozenset[str]:
    """Parse ``Content-Type: application/json; okta-response=omitCredentials,...``."""
    if not content_type or "okta-response" not in content_type:
        return frozenset()
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "okta-response":
            return frozenset(v.strip() for v in value.strip().strip('"').split(",") if v.strip())
    return frozenset()


def trim_user(data: dict[str, Any], omit: frozenset[str]) -> dict[str, Any]:
    if "omitCredentials" in omit:
        data.pop("credentials", None)
    if "omitCredentialsLinks" in omit:
        data["_links"] = {k: v for k, v in data["_links"].items() if k not in CREDENTIAL_LINKS}
    if "omitTransitioningToStatus" in omit:
        data.pop("transitioningToStatus", None)
    return data


def parse_fields(spec: str) -> list[tuple[str, list[str] | None]]:
    """``id,status,profile:(firstName,lastName)`` -> [(id, None), ..., (profile, [...])]."""
    fields: list[tuple[str, list[str] | None]] = []
    rest = spec.strip()
    while rest:
        head, sep, tail = rest.partition(",")
        if ":(" in head:
            name, _, inner_start = rest.partition(":(")
            inner, closing, after = inner_start.partition(")")
            if not closing or not name.strip() or (after and not after.startswith(",")):
                raise SimulatedError("E0000001", "fields", ["fields: Invalid fields expression"])
            fields.append((name.strip(), [p.strip() for p in inner.split(",") if p.strip()]))
            rest = after[1:].strip()
            continue
        if not head.strip():
            raise SimulatedError("E0000001", "fields", ["fields: Invalid fields expression"])
        fields.append((head.strip(), None))
        rest = tail.strip() if sep else ""
    return fields


def project(data: dict[str, Any], fields: list[tuple[str, list[str] | None]]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": data["id"]}  # Okta always returns the id
    for name, sub in fields:
        if name not in data:
            continue
        value = data[name]
        if sub is not None and isinstance(value, dict):
            value = {key: value[key] for key in sub if key in value}
        out[name] = value
    return out


# --- groups and authenticators --------------------------------------------------------------
def group_dict(org: Org, group: SimGroup) -> dict[str, Any]:
    href = f"{org.base_url}/api/v1/groups/{group.id}"
    logo = f"{org.base_url}/assets/img/logos/groups/odyssey/okta"
    return {
        "id": group.id,
        "created": iso8601(group.created),
        "lastUpdated": iso8601(group.last_updated),
        "lastMembershipUpdated": iso8601(group.last_membership_updated),
        "objectClass": ["okta:user_group"],
        "type": group.type,
        "profile": {"name": group.name, "description": group.description},
        "_links": {
            "logo": [
                {"name": "medium", "href": f"{logo}-medium.png", "type": "image/png"},
                {"name": "large", "href": f"{logo}-large.png", "type": "image/png"},
            ],
            "users": {"href": f"{href}/users"},
            "apps": {"href": f"{href}/apps"},
        },
    }


def authenticator_dict(org: Org, authenticator: SimAuthenticator) -> dict[str, Any]:
    href = f"{org.base_url}/api/v1/authenticators/{authenticator.id}"
    toggle = "deactivate" if authenticator.status == "ACTIVE" else "activate"
    data: dict[str, Any] = {
        "type": authenticator.type,
        "id": authenticator.id,
        "key": authenticator.key,
        "status": authenticator.status,
        "name": authenticator.name,
        "created": iso8601(authenticator.created),
        "lastUpdated": iso8601(authenticator.last_updated),
    }
    data.update(authenticator.extra)
    data["_links"] = {
        "self": {"href": href, "hints": {"allow": ["GET", "PUT"]}},
        toggle: {"href": f"{href}/lifecycle/{toggle}", "hints": {"allow": ["POST"]}},
        "methods": {"href": f"{href}/methods", "hints": {"allow": ["GET"]}},
    }
    return data


def tac_dict(org: Org, user: SimUser, authenticator: SimAuthenticator, tac: TacEnrollment) -> dict[str, Any]:
    user_href = f"{org.base_url}/api/v1/users/{user.id}"
    return {
        "type": "tac",
        "id": tac.id,
        "key": "tac",
        "status": "ACTIVE",
        "name": "Temporary Access Code",
        "created": iso8601(tac.created),
        "lastUpdated": iso8601(tac.created),
        "profile": {"tac": tac.code, "multiUse": tac.multi_use, "expiresAt": iso8601(tac.expires_at)},
        "_links": {
            "self": {
                "href": f"{user_href}/authenticator-enrollments/{tac.id}",
                "hints": {"allow": ["GET", "DELETE"]},
            },
            "user": {"href": user_href, "hints": {"allow": ["GET"]}},
            "authenticator": {
                "href": f"{org.base_url}/api/v1/authenticators/{authenticator.id}",
                "hints": {"allow": ["GET"]},
            },
        },
    }


# --- roles --------------------------------------------------------------------------------
_ASSIGNEES = {"CLIENT": "/oauth2/v1/clients/", "USER": "/api/v1/users/", "GROUP": "/api/v1/groups/"}


def role_assignment_dict(
    org: Org, client_id: str, role: SimRoleAssignment, *, user: bool = False, group: bool = False
) -> dict[str, Any]:
    """A role assigned to a service app (``client_id``) or, with ``user`` or ``group``, to a
    user or a group of that id."""
    base = org.base_url
    kind = "USER" if user else "GROUP" if group else "CLIENT"
    data: dict[str, Any] = {
        "id": role.id,
        "label": role.label,
        "type": role.type,
        "status": role.status,
        "created": iso8601(role.created),
        "lastUpdated": iso8601(role.last_updated),
        "assignmentType": kind,
    }
    assignee = {"href": f"{base}{_ASSIGNEES[kind]}{client_id}"}
    if role.role_id is None or role.resource_set_id is None:
        data["_links"] = {"assignee": assignee}
        return data
    data["resource-set"] = role.resource_set_id
    data["role"] = role.role_id
    resource_set = f"{base}/api/v1/iam/resource-sets/{role.resource_set_id}"
    data["_links"] = {
        "role": {"href": f"{base}/api/v1/iam/roles/{role.role_id}"},
        "resource-set": {"href": resource_set},
        "permissions": {"href": f"{base}/api/v1/iam/roles/{role.role_id}/permissions"},
        "member": {"href": f"{resource_set}/bindings/{role.role_id}/members/{role.id}"},
        "assignee": assignee,
    }
    return data


def permissions_dict(org: Org, role: CustomRole) -> dict[str, Any]:
    role_href = f"{org.base_url}/api/v1/iam/roles/{role.id}"
    return {
        "permissions": [
            {
                "label": permission.label,
                "created": iso8601(permission.created),
                "lastUpdated": iso8601(permission.last_updated),
                "conditions": permission.conditions,
                "_links": {
                    "role": {"href": role_href},
                    "self": {"href": f"{role_href}/permissions/{permission.label}"},
                },
            }
            for permission in role.permissions
        ]
    }

"""Helpers shared by the SDK core tests: sample Okta bodies."""

from __future__ import annotations

import platform
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import aiohttp

from oktakit import __version__
from tests.conftest import ORG, TOKEN

AUTHORIZATION = f"SSWS {TOKEN}"
USER_AGENT = f"oktakit/{__version__} python/{platform.python_version()} aiohttp/{aiohttp.__version__}"
BASE_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT, "Authorization": AUTHORIZATION}
JSON_BODY_HEADERS = {**BASE_HEADERS, "Content-Type": "application/json"}

USER_ID = "00u1abc"


async def run(call: Awaitable[Any] | AsyncIterator[Any]) -> Any:
    """Await a coroutine, or drain an async iterator into a list."""
    if hasattr(call, "__aiter__"):
        return [item async for item in call]
    return await call


def user_json(user_id: str = USER_ID, status: str = "ACTIVE", **profile: Any) -> dict[str, Any]:
    """A user as Okta returns it (shape taken from recorded responses)."""
    return {
        "id": user_id,
        "status": status,
        "created": "2024-01-02T03:04:05.000Z",
        "activated": "2024-01-02T03:04:06.000Z",
        "statusChanged": "2024-01-02T03:04:06.000Z",
        "lastLogin": None,
        "lastUpdated": "2024-01-02T03:04:06.000Z",
        "passwordChanged": None,
        "type": {"id": "oty1abc"},
        "profile": {
            "login": f"{user_id}@acme.com",
            "email": f"{user_id}@acme.com",
            "firstName": "Jane",
            "lastName": "Doe",
            "mobilePhone": None,
            "secondEmail": None,
            **profile,
        },
        "credentials": {
            "password": {},
            "emails": [{"value": f"{user_id}@acme.com", "status": "VERIFIED", "type": "PRIMARY"}],
            "provider": {"type": "OKTA", "name": "OKTA"},
        },
        "_links": {"self": {"href": f"{ORG}/api/v1/users/{user_id}"}},
    }


GROUP = {
    "id": "00g1abc",
    "created": "2024-01-02T03:04:05.000Z",
    "lastUpdated": "2024-01-02T03:04:05.000Z",
    "lastMembershipUpdated": "2024-01-02T03:04:05.000Z",
    "objectClass": ["okta:user_group"],
    "type": "OKTA_GROUP",
    "profile": {"name": "Engineering", "description": "Builders"},
    "_links": {"self": {"href": f"{ORG}/api/v1/groups/00g1abc"}},
}

AUTHENTICATOR = {
    "id": "aut1tac",
    "key": "tac",
    "name": "Temporary Access Code",
    "status": "ACTIVE",
    "type": "tac",
    "created": "2024-01-02T03:04:05.000Z",
    "lastUpdated": "2024-01-02T03:04:05.000Z",
    "_links": {"self": {"href": f"{ORG}/api/v1/authenticators/aut1tac"}},
}

TAC_ENROLLMENT = {
    "type": "tac",
    "id": "tac8evhwh0Ne35iPR0g7",
    "key": "tac",
    "status": "ACTIVE",
    "name": "Temporary Access Code",
    "created": "2025-05-28T18:21:14.000Z",
    "lastUpdated": "2025-05-28T18:21:14.000Z",
    "profile": {"tac": "n@C*bU26", "multiUse": True, "expiresAt": "2025-05-28T19:21:14"},
}

ROLE_ASSIGNMENT = {
    "id": "irb1abc",
    "label": "Super Administrator",
    "type": "SUPER_ADMIN",
    "status": "ACTIVE",
    "assignmentType": "CLIENT",
    "created": "2024-01-02T03:04:05.000Z",
    "lastUpdated": "2024-01-02T03:04:05.000Z",
}

PERMISSIONS = {
    "permissions": [
        {"label": "okta.users.read", "created": "2024-01-02T03:04:05.000Z"},
        {"label": "okta.users.lifecycle.suspend", "created": "2024-01-02T03:04:05.000Z"},
    ]
}

ACTIVATION_TOKEN = {
    "activationToken": "XE6wE17zmphl3KqAPFxO",
    "activationUrl": f"{ORG}/tokens/XE6wE17zmphl3KqAPFxO/verify",
}

OKTA_ERROR = {
    "errorCode": "E0000007",
    "errorSummary": "Not found: Resource not found: 00u1abc (User)",
    "errorLink": "E0000007",
    "errorId": "oaeMzddieo5QvW8lOZVv0uV6w",
    "errorCauses": [],
}

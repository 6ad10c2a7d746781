"""System Log events as Okta writes them: the event types the simulator knows, and the parts of
an event (actor, targets, client, request context) built from a request or given by a test.

Shapes follow Okta's published ``LogEvent`` schema and its examples; what Okta leaves null for
an API call (geography of a private address, authentication provider...) is null here too.
``displayMessage`` is the event type's description in Okta's event-type catalogue (without its
final period, as Okta shows it); ``legacyEventType`` is set where a real event shows one.
"""

from __future__ import annotations

import hashlib
import ipaddress
import random
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Final

from ._sources import Evidence, documented, inferred
from ._util import BASE62

#: Event type -> (displayMessage, legacyEventType). The messages are the catalogue's
#: descriptions (docs-event-types); add a line here when an operation declares a new type.
EVENT_TYPES: Final[dict[str, tuple[str, str | None]]] = {
    "user.lifecycle.create": ("Create Okta user", None),
    "user.lifecycle.activate": ("Activate Okta user", None),
    "user.lifecycle.reactivate": ("Reactivate Okta user", None),
    "user.lifecycle.deactivate": ("Deactivate Okta user", None),
    "user.lifecycle.suspend": ("Suspend Okta user", "core.user.config.user_status.suspended"),
    "user.lifecycle.unsuspend": ("Unsuspend Okta user", None),
    "user.lifecycle.delete.initiated": ("Delete Okta user initiated", None),
    "user.account.unlock_by_admin": ("User account unlock by admin", None),
    "user.account.lock": ("Auto-lock user account for Okta", None),
    "user.account.update_profile": ("Update user profile for Okta", None),
    "user.account.update_password": ("User update password for Okta", None),
    "user.account.reset_password": ("User's Okta password has been reset", None),
    "user.account.expire_password": ("Fired when the user's Okta password is expired", None),
    "user.mfa.factor.reset_all": ("Reset all factors or authenticator enrollments for user", None),
    "user.mfa.factor.activate": ("Activate factor or authenticator enrollment method for user", None),
    "user.mfa.factor.deactivate": ("Reset factor or authenticator enrollment method for user", None),
    "user.session.start": ("User login to Okta", "core.user_auth.login_success"),
    "user.session.end": ("User logout from Okta", None),
    "user.session.clear": ("Clear user session", None),
    "user.authentication.auth_via_mfa": ("Authentication of user via MFA", None),
    "group.user_membership.add": ("Add user to group membership", "core.user_group_member.user_add"),
    "group.user_membership.remove": ("Remove user from group membership", None),
    "app.oauth2.token.grant.access_token": (
        "OIDC access token is granted",
        "app.oauth2.token.grant.access_token_success",
    ),
    "app.oauth2.token.revoke.implicit.user": ("Tokens revoked for user", None),
    "app.oauth2.as.consent.revoke": ("Consent revoked", None),
    "app.oauth2.as.consent.revoke.user": ("All consent revoked for user", None),
}  # fmt: skip

#: The evidence for the event shapes (see ``_sources``; tests/test_fact_sources.py checks it).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "event_types": (
        documented("docs-event-types", "each type and its description, used as displayMessage"),
        inferred("docs-event-types", "which type each operation writes: Okta names types, not endpoints"),
    ),
    "event_shape": (
        documented("okta-mgmt-spec", "LogEvent and its parts; the ListLogs example (nulls included)"),
        inferred(
            "sample-token-grant-event",
            "an API client's event: actor PublicClientApp with its client id, externalSessionId "
            "'unknown', transaction WEB, a token target of type access_token",
        ),
    ),
    "legacy_event_types": (
        inferred(
            "sample-token-grant-event",
            "legacyEventType is set only where a real event shows one (the others are null)",
        ),
    ),
}


class Ids:
    """Event uuids and transaction ids, reproducible from the org's seed."""

    def __init__(self, seed: int | str) -> None:
        self.rng = random.Random(f"oktakit-sim-syslog-{seed}")  # noqa: S311 - reproducible on purpose

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=1))

    def transaction(self) -> str:
        return "".join(self.rng.choices(BASE62, k=27))


def token_id(name: str) -> str:
    """An Okta-shaped API token id (``00T`` + 17 characters) for the token named ``name``."""
    digest = hashlib.sha256(name.encode()).digest()
    return "00T" + "".join(BASE62[b % 62] for b in digest[:17])


def user_actor(user_id: str, login: str, name: str) -> dict[str, Any]:
    return {"id": user_id, "type": "User", "alternateId": login, "displayName": name, "detailEntry": None}


def app_actor(client_id: str) -> dict[str, Any]:
    """A service app acting with an OAuth token: Okta names it by its client id."""
    return {
        "id": client_id,
        "type": "PublicClientApp",
        "alternateId": client_id,
        "displayName": client_id,
        "detailEntry": None,
    }


SYSTEM_ACTOR: Final = {
    "id": "0oa1okta0000system000",
    "type": "SystemPrincipal",
    "alternateId": "system@okta.com",
    "displayName": "Okta System",
    "detailEntry": None,
}


def target(
    kind: str, target_id: str, alternate: str | None, name: str | None, **detail: Any
) -> dict[str, Any]:
    return {
        "id": target_id,
        "type": kind,
        "alternateId": alternate,
        "displayName": name,
        "detailEntry": detail or None,
    }


def geography(
    city: str | None = None, state: str | None = None, country: str | None = None, **where: Any
) -> dict[str, Any] | None:
    """Okta's geographicalContext; None for an address Okta cannot place (a private one)."""
    if city is None and state is None and country is None and not where:
        return None
    location = where.get("geolocation")
    return {
        "city": city,
        "state": state,
        "country": country,
        "postalCode": where.get("postal_code"),
        "geolocation": location if isinstance(location, dict) else None,
    }


def client(
    ip: str,
    user_agent: str | None,
    *,
    client_id: str | None = None,
    geo: dict[str, Any] | None = None,
    device: str = "Unknown",
) -> dict[str, Any]:
    return {
        "id": client_id,
        "ipAddress": ip,
        "device": device,
        "zone": None,
        "userAgent": {"rawUserAgent": user_agent, "os": "Unknown", "browser": "UNKNOWN"},
        "geographicalContext": geo,
    }


def ip_version(ip: str) -> str | None:
    try:
        return f"V{ipaddress.ip_address(ip).version}"
    except ValueError:
        return None


def event(
    ids: Ids,
    event_type: str,
    *,
    actor: Mapping[str, Any],
    targets: Iterable[Mapping[str, Any]],
    client_part: dict[str, Any],
    outcome: str = "SUCCESS",
    reason: str | None = None,
    severity: str = "INFO",
    request_id: str | None = None,
    request_uri: str | None = None,
    url: str | None = None,
    token: str | None = None,
    session: str = "unknown",
    security: Mapping[str, Any] | None = None,
    display_message: str | None = None,
) -> dict[str, Any]:
    """One event (``published`` is set when it is stored). ``token``: the API token's id, which
    Okta puts in ``transaction.detail.requestApiTokenId``."""
    message, legacy = EVENT_TYPES.get(event_type, (None, None))
    transaction = request_id or ids.transaction()
    debug: dict[str, Any] = {"requestId": transaction}
    if request_uri is not None:
        debug["requestUri"] = request_uri
        debug["url"] = url or request_uri
    ip = client_part.get("ipAddress")
    return {
        "uuid": ids.uuid(),
        "published": None,
        "eventType": event_type,
        "version": "0",
        "severity": severity,
        "legacyEventType": legacy,
        "displayMessage": display_message or message,
        "actor": dict(actor),
        "client": client_part,
        "outcome": {"result": outcome, "reason": reason},
        "target": [dict(t) for t in targets] or None,
        "transaction": {
            "type": "WEB",
            "id": transaction,
            "detail": {"requestApiTokenId": token} if token else {},
        },
        "debugContext": {"debugData": debug},
        "authenticationContext": {
            "authenticationProvider": None,
            "credentialProvider": None,
            "credentialType": None,
            "issuer": None,
            "interface": None,
            "authenticationStep": 0,
            "externalSessionId": session,
        },
        "securityContext": {
            "asNumber": None,
            "asOrg": None,
            "isp": None,
            "domain": None,
            "isProxy": None,
            **(security or {}),
        },
        "request": {
            "ipChain": [
                {
                    "ip": ip,
                    "geographicalContext": client_part.get("geographicalContext"),
                    "version": ip_version(str(ip)) if ip else None,
                    "source": None,
                }
            ]
        },
    }

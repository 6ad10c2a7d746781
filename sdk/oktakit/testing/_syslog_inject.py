"""Events a test writes to the System Log (``OktaSimulator.inject_log_event``): what happened
outside the API, such as a sign-in from an odd place, built like the simulator's own events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._state import Org
from ._syslog_events import SYSTEM_ACTOR, Ids, client, event, geography, target, user_actor


def _user(org: Org, key: str, role: str) -> tuple[str, str, str]:
    user = org.users.resolve(key)
    if user is None:
        raise ValueError(f"no user {key!r} for the event's {role}; pass a LogActor/LogTarget dict instead")
    profile = user.profile
    name = " ".join(p for p in (profile.get("firstName"), profile.get("lastName")) if p) or user.login
    return user.id, user.login, name


def injected_event(
    org: Org,
    ids: Ids,
    event_type: str,
    *,
    actor: str | dict[str, Any] | None,
    targets: Sequence[str | dict[str, Any]],
    outcome: str,
    reason: str | None,
    ip: str,
    geo: dict[str, Any] | None,
    user_agent: str | None,
    severity: str,
    display_message: str | None,
    security: dict[str, Any] | None,
    session: str | None,
) -> dict[str, Any]:
    if isinstance(actor, str):
        who = user_actor(*_user(org, actor, "actor"))
    elif actor is None:
        who = dict(SYSTEM_ACTOR)
    else:
        who = dict(actor)
    parts = [t if isinstance(t, dict) else target("User", *_user(org, t, "target")) for t in targets]
    agent = (
        user_agent
        or "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
    )
    where = geography(**geo) if geo else None
    return event(
        ids,
        event_type,
        actor=who,
        targets=parts,
        client_part=client(ip, agent, geo=where, device="Computer"),
        outcome=outcome,
        reason=reason,
        severity=severity,
        session=session or ids.transaction(),
        security=security,
        display_message=display_message,
    )

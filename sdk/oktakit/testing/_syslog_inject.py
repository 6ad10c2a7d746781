"""Events a test writes to the System Log (``OktaSimulator.inject_log_event``): what happened
outside the API, such as a sign-in from an odd place, built like the simulator's own events;
and the simulator's other ways to read and write its log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._state import Org
from ._syslog import LogRecord, SystemLog
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


class SystemLogMethods:
    """``OktaSimulator``'s System Log methods (the log is ``OktaSimulator.system_log``)."""

    org: Org
    system_log: SystemLog

    def inject_log_event(
        self,
        event_type: str,
        *,
        actor: str | dict[str, Any] | None = None,
        targets: Sequence[str | dict[str, Any]] = (),
        outcome: str = "SUCCESS",
        reason: str | None = None,
        ip: str = "198.51.100.7",
        geo: dict[str, Any] | None = None,
        user_agent: str | None = None,
        published: float | None = None,
        severity: str = "INFO",
        display_message: str | None = None,
        security: dict[str, Any] | None = None,
        session: str | None = None,
    ) -> dict[str, Any]:
        """Write an event to the System Log as if Okta had (a sign-in from an odd place, say).

        ``actor`` and ``targets`` are user ids or logins (a ``User``), or complete LogActor /
        LogTarget objects; no actor means Okta's system principal. ``geo`` is Okta's
        ``geographicalContext`` by keyword (``city``, ``state``, ``country``, ``postal_code``,
        ``geolocation``); ``security`` overrides parts of ``securityContext`` (``isProxy``,
        ``asOrg``, ``risk``...). ``published`` (epoch seconds) earlier than now makes a *late*
        event: stored now, so a polling query hands it out after what it already gave, while a
        bounded query over its ``published`` time only finds it from now on. Returns the event.

        >>> sim.inject_log_event("user.session.start", actor="jane@example.com", ip="185.220.101.4",
        ...                      geo={"city": "Bucharest", "country": "Romania"})
        """
        event = injected_event(
            self.org,
            self.system_log.ids,
            event_type,
            actor=actor,
            targets=targets,
            outcome=outcome,
            reason=reason,
            ip=ip,
            geo=geo,
            user_agent=user_agent,
            severity=severity,
            display_message=display_message,
            security=security,
            session=session,
        )
        return self.system_log.append(event, published=published).event

    def log_events(self, event_type: str | None = None) -> list[dict[str, Any]]:
        """The System Log's events in stored order (of one type), as Okta serves them."""
        return [r.event for r in self.system_log if event_type is None or r.event["eventType"] == event_type]

    def log_records(self) -> list[LogRecord]:
        """The stored events with their stored and published times (for tests of late events)."""
        return list(self.system_log)

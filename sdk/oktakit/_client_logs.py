"""``OktaClient`` methods for the System Log: a bounded query and a resumable follower (the
machinery is in ``oktakit.logs``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._client_core import ClientCore

if TYPE_CHECKING:
    from oktakit_api.models import LogEvent

    from .bulk._paths import PathLike
    from .logs import LogFollower


class LogMethods(ClientCore):
    """Read the System Log: ``list_log_events`` (a window) and ``tail_log_events`` (follow it)."""

    def list_log_events(
        self,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        filter: str | None = None,
        q: str | None = None,
        sort_order: str | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[LogEvent]:
        """Iterate over the System Log events published in ``[since, until)`` (a bounded query).

        ``since``/``until`` are aware datetimes or ISO 8601 strings with an offset (``until``
        defaults to now, ``since`` to seven days before it; Okta keeps 90 days); ``filter`` is a
        SCIM expression (``'eventType eq "user.session.start" and outcome.result eq "FAILURE"'``),
        ``q`` keywords every event must contain; ``sort_order`` ``"ASCENDING"`` (default) or
        ``"DESCENDING"``; ``limit`` the page size (at most 1,000). Stops at Okta's last page.
        """
        from .logs._query import bounded_query

        return bounded_query(
            self, since=since, until=until, filter=filter, q=q, order=sort_order, limit=limit
        )

    def tail_log_events(
        self,
        *,
        filter: str | None = None,
        q: str | None = None,
        since: datetime | str | None = None,
        state: PathLike | None = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        max_share: float = 0.5,
        limit: int | None = None,
        sync: Literal["page", "always"] = "page",
    ) -> LogFollower:
        """Follow the System Log: an async iterator of ``LogEvent`` that never ends on its own.

        It polls as Okta documents (events in the order Okta stored them, so late ones are not
        missed) and keeps Okta's whole ``next`` link as its cursor. With ``state`` (a file) it
        records its position each time you ask for the next event, so a restarted process,
        even one killed, loses nothing and hands out again at most the event it was handling.
        ``since`` (where a new state starts; default seven days ago) is ignored once ``state``
        holds a position. It waits ``poll_interval`` after a partial page and longer (up to
        ``max_poll_interval``) while pages are empty, and uses at most ``max_share`` of the
        logs rate-limit bucket. ``sync`` is the state file's fsync policy (``oktakit.logs``).

        >>> async with okta.tail_log_events(filter='eventType sw "user.session"', state="f.state") as events:
        ...     async for event in events:
        ...         await forward(event)
        """
        from .logs._follow import LogFollower

        return LogFollower(
            self,
            filter=filter,
            q=q,
            since=since,
            state=state,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            max_share=max_share,
            limit=limit,
            sync=sync,
        )

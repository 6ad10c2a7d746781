"""The System Log: bounded queries, a resumable follower, and exports for analysis.

>>> async for event in okta.list_log_events(since="2026-05-01T00:00:00Z",
...                                         filter='eventType eq "user.session.start"'):
...     print(event.published, event.actor.alternate_id, event.client.ip_address)
>>> async with okta.tail_log_events(state="siem.state") as events:
...     async for event in events:      # never ends; resumes where it stopped
...         forward(event)
>>> from oktakit.logs import to_dataframe
>>> frame = to_dataframe([e async for e in okta.list_log_events(since=since)])

``list_log_events`` and ``tail_log_events`` are ``OktaClient`` methods; this package holds what
they are made of (``_query``: bounded queries; ``_follow`` and ``_state``: the follower and its
state file; ``_export``: flat rows, DataFrames, CSV and JSON lines).
"""

from typing import TYPE_CHECKING

from oktakit._lazy import lazy_namespace

if TYPE_CHECKING:
    from oktakit_api.models import LogEvent

    from ._export import COLUMNS, event_json, flatten, to_csv, to_dataframe, to_jsonl
    from ._follow import LogFollower

__all__ = [
    "COLUMNS",
    "LogEvent",
    "LogFollower",
    "event_json",
    "flatten",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
]

__getattr__, __dir__ = lazy_namespace(
    __name__,
    globals(),
    {
        "COLUMNS": "._export",
        "LogEvent": "oktakit_api.models",
        "LogFollower": "._follow",
        "event_json": "._export",
        "flatten": "._export",
        "to_csv": "._export",
        "to_dataframe": "._export",
        "to_jsonl": "._export",
    },
)

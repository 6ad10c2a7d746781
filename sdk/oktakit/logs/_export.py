"""System Log events for analysis: flat rows (a pandas DataFrame, CSV) and JSON lines.

A flat row has the same columns for every event (``COLUMNS``), so a stream can be written as
CSV as it comes: the fields an investigation filters on, named after the model's attributes
(``actor.alternate_id``, ``client.ip_address``...). An event's targets share four columns,
their values joined with ``"; "`` in Okta's order (``target.id``...). JSON lines are each
event's JSON as Okta sends it (``published`` in Okta's format; fields Okta sent as null are
left out).
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any, Final

from oktakit.bulk._paths import PathLike, write_report
from oktakit.errors import MissingDependencyError

from ._arguments import wire_time

if TYPE_CHECKING:
    from oktakit_api.models import LogEvent

Row = dict[str, Any]

#: What a cell a spreadsheet would run as a formula starts with (CSV only).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if obj is None:
            return None
        obj = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
    return obj


def _text(value: Any) -> Any:
    """Enum members as their values; anything else as it is."""
    return getattr(value, "value", value)


def _joined(targets: Any, name: str) -> str | None:
    if not targets:
        return None
    return "; ".join("" if getattr(t, name, None) is None else str(getattr(t, name)) for t in targets)


#: Column -> how to read it from a LogEvent.
_READERS: Final[dict[str, Callable[[LogEvent], Any]]] = {
    "uuid": lambda e: e.uuid,
    "published": lambda e: e.published if e.published.tzinfo else e.published.replace(tzinfo=UTC),
    "event_type": lambda e: e.event_type,
    "severity": lambda e: _text(e.severity),
    "display_message": lambda e: e.display_message,
    "outcome.result": lambda e: _text(e.outcome.result),
    "outcome.reason": lambda e: e.outcome.reason,
    "actor.id": lambda e: e.actor.id,
    "actor.type": lambda e: e.actor.type,
    "actor.alternate_id": lambda e: e.actor.alternate_id,
    "actor.display_name": lambda e: e.actor.display_name,
    "target.count": lambda e: len(e.target or ()),
    "target.id": lambda e: _joined(e.target, "id"),
    "target.type": lambda e: _joined(e.target, "type"),
    "target.alternate_id": lambda e: _joined(e.target, "alternate_id"),
    "target.display_name": lambda e: _joined(e.target, "display_name"),
    "client.ip_address": lambda e: _get(e.client, "ip_address"),
    "client.device": lambda e: _get(e.client, "device"),
    "client.zone": lambda e: _get(e.client, "zone"),
    "client.user_agent": lambda e: _get(e.client, "user_agent", "raw_user_agent"),
    "client.os": lambda e: _get(e.client, "user_agent", "os"),
    "client.browser": lambda e: _get(e.client, "user_agent", "browser"),
    "client.city": lambda e: _get(e.client, "geographical_context", "city"),
    "client.state": lambda e: _get(e.client, "geographical_context", "state"),
    "client.country": lambda e: _get(e.client, "geographical_context", "country"),
    "client.postal_code": lambda e: _get(e.client, "geographical_context", "postal_code"),
    "client.lat": lambda e: _get(e.client, "geographical_context", "geolocation", "lat"),
    "client.lon": lambda e: _get(e.client, "geographical_context", "geolocation", "lon"),
    "security.as_org": lambda e: _get(e.security_context, "as_org"),
    "security.isp": lambda e: _get(e.security_context, "isp"),
    "security.is_proxy": lambda e: _get(e.security_context, "is_proxy"),
    "security.risk_level": lambda e: _get(e.security_context, "risk", "level"),
    "authentication.session_id": lambda e: _get(e.authentication_context, "external_session_id"),
    "authentication.credential_type": lambda e: _text(_get(e.authentication_context, "credential_type")),
    "transaction.id": lambda e: _get(e.transaction, "id"),
    "transaction.type": lambda e: _get(e.transaction, "type"),
    "transaction.api_token_id": lambda e: _get(e.transaction, "detail", "requestApiTokenId"),
    "debug.request_id": lambda e: _get(e.debug_context, "debugData", "requestId"),
    "debug.request_uri": lambda e: _get(e.debug_context, "debugData", "requestUri"),
    "legacy_event_type": lambda e: e.legacy_event_type,
    "version": lambda e: e.version,
}
#: The columns of a flat row, in order.
COLUMNS: Final = tuple(_READERS)


def flatten(event: LogEvent) -> Row:
    """One event as a flat row (``COLUMNS``); ``published`` stays an aware datetime."""
    return {column: read(event) for column, read in _READERS.items()}


def to_dataframe(events: Iterable[LogEvent]) -> Any:
    """A pandas DataFrame of flat rows (``published`` as a UTC datetime column); needs pandas.

    >>> events = [e async for e in okta.list_log_events(since=since, filter=signins)]
    >>> frame = to_dataframe(events)
    >>> frame.groupby("client.country")["actor.alternate_id"].nunique()
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError("to_dataframe() needs pandas: pip install pandas") from None
    frame = pandas.DataFrame([flatten(event) for event in events], columns=list(COLUMNS))
    frame["published"] = pandas.to_datetime(frame["published"], utc=True)
    return frame


def event_json(event: LogEvent) -> dict[str, Any]:
    """The event's JSON object as Okta sends it (``published`` in Okta's format)."""
    data = event.to_dict()
    data["published"] = wire_time(_READERS["published"](event))
    return data


def jsonl_line(event: LogEvent) -> str:
    return json.dumps(event_json(event), ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_cell(value: Any, clean: Callable[[str], str] | None = None) -> Any:
    """A cell as CSV holds it: times in Okta's format, no cell a spreadsheet would run as a
    formula; ``clean`` filters text (a terminal's output drops control characters)."""
    if isinstance(value, datetime):
        return wire_time(value)
    if isinstance(value, str):
        if clean is not None:
            value = clean(value)
        if value.startswith(_FORMULA_STARTS):
            return "'" + value
    return value


def csv_writer(file: IO[str], clean: Callable[[str], str] | None = None) -> Callable[[LogEvent], None]:
    """Write the header now; the returned function writes one event's row."""
    writer = csv.DictWriter(file, COLUMNS)
    writer.writeheader()

    def row(event: LogEvent) -> None:
        writer.writerow({name: csv_cell(value, clean) for name, value in flatten(event).items()})

    return row


def to_jsonl(events: Iterable[LogEvent], path: PathLike) -> None:
    """Write the events as JSON lines to ``path`` (a temporary file renamed over it)."""
    write_report(path, lambda file: file.writelines(map(jsonl_line, events)))


def to_csv(events: Iterable[LogEvent], path: PathLike) -> None:
    """Write the events as CSV flat rows to ``path`` (a temporary file renamed over it)."""

    def fill(file: IO[str]) -> None:
        write = csv_writer(file)
        for event in events:
            write(event)

    write_report(path, fill)

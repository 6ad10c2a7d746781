"""What the System Log calls take, checked before anything is sent: times (aware datetimes or
ISO 8601 strings with an offset), page sizes, sort orders and ``q`` keywords."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Final

from oktakit.errors import InvalidArgumentError

#: Okta's largest System Log page.
MAX_PAGE: Final = 1000
#: ``q``: at most this many keywords, each at most this long (Okta's documented limits).
MAX_KEYWORDS: Final = 10
MAX_KEYWORD: Final = 40
#: A query without ``since`` starts this long before ``until`` (Okta's default).
DEFAULT_WINDOW: Final = timedelta(days=7)

Moment = datetime | str


def moment(name: str, value: Moment) -> datetime:
    """An aware datetime from a datetime or an ISO 8601 string; a time without an offset is
    refused, since Okta and this machine may not agree on what it means."""
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text)
        except ValueError:
            raise InvalidArgumentError(
                f"{name} must be an ISO 8601 date-time such as 2026-05-01T12:00:00Z, not {value!r}"
            ) from None
        value = parsed
    elif not isinstance(value, datetime):
        raise InvalidArgumentError(
            f"{name} must be a datetime or an ISO 8601 string, not {type(value).__name__}"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgumentError(
            f"{name} has no time zone: pass an aware datetime (datetime.now(UTC)) or a string "
            "ending in Z or an offset such as +02:00"
        )
    return value


def wire_time(value: datetime, *, up: bool = False) -> str:
    """Okta's format: UTC, milliseconds, ``Z``; the microseconds are cut, or with ``up``
    rounded up (an ``until`` of now must not end before an event of this very millisecond)."""
    moment = value.astimezone(UTC)
    if up and moment.microsecond % 1000:
        moment += timedelta(microseconds=1000 - moment.microsecond % 1000)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def page_limit(limit: int | None, default: int | None) -> Any:
    if limit is None:
        return default
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise InvalidArgumentError(f"limit must be an integer from 1 to {MAX_PAGE}, not {limit!r}")
    return limit


def sort_order(value: str | None) -> str:
    if value is None:
        return "ASCENDING"
    if not isinstance(value, str) or value.upper() not in ("ASCENDING", "DESCENDING"):
        raise InvalidArgumentError(f"sort_order must be 'ASCENDING' or 'DESCENDING', not {value!r}")
    return value.upper()


def keywords(q: str | None) -> str | None:
    """``q`` as Okta takes it: at most 10 keywords of at most 40 characters each."""
    if q is None:
        return None
    if not isinstance(q, str):
        raise InvalidArgumentError(f"q must be a string, not {type(q).__name__}")
    words = q.split()
    if not words:
        raise InvalidArgumentError("q must name at least one keyword")
    if len(words) > MAX_KEYWORDS:
        raise InvalidArgumentError(f"q may hold at most {MAX_KEYWORDS} keywords, not {len(words)}")
    long = [word for word in words if len(word) > MAX_KEYWORD]
    if long:
        raise InvalidArgumentError(
            f"q keywords are at most {MAX_KEYWORD} characters long; {long[0][:50]!r} is not"
        )
    return " ".join(words)


def window(since: Moment | None, until: Moment | None, now: datetime) -> tuple[datetime, datetime]:
    """A bounded query's ``[since, until)``: until defaults to now, since to seven days before."""
    end = now if until is None else moment("until", until)
    start = end - DEFAULT_WINDOW if since is None else moment("since", since)
    if start > end:
        raise InvalidArgumentError(f"since ({wire_time(start)}) is after until ({wire_time(end)})")
    return start, end

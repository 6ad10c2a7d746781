"""What a command says on stderr while it works: one line per retry and per rate-limit wait, in
words, unless ``--quiet``::

    oktakit: retrying GET /api/v1/users/00u1ab in 2.0 s after HTTP 503 (attempt 2 of 5)
    oktakit: waiting 41.2 s for the rate limit of bucket 'users' to reset

The source is the ``oktakit`` logger: the SDK's retry record carries a ``RetryNotice`` and the
pacer's wait record its bucket, so the command line reads the records the library already writes
rather than a second channel. ``Notices`` turns those facts into lines; when the client offers
event hooks, a hook can hand it the same facts (``retry_line``, ``wait_line``) and this filter
goes. A bulk item's failure is left out here: the command reports each failed item once itself.
"""

from __future__ import annotations

import logging
from typing import Any

from yarl import URL

from oktakit._http.ratelimit import WAIT_LOG_KEY
from oktakit._http.retry import RetryNotice
from oktakit.bulk._executor import ITEM_FAILED_LOG_KEY


def retry_line(notice: RetryNotice) -> str:
    """``retrying GET /api/v1/users/... in 2.0 s after HTTP 503 (attempt 2 of 5)``."""
    method, _, target = notice.request.partition(" ")
    try:
        path = URL(target).path or target
    except ValueError:
        path = target
    return (
        f"retrying {method} {path} in {notice.wait:.1f} s after {notice.reason} "
        f"(attempt {notice.attempt} of {notice.attempts})"
    )


def wait_line(bucket: str, seconds: float) -> str:
    return f"waiting {seconds:.1f} s for the rate limit of bucket {bucket!r} to reset"


class Notices(logging.Filter):
    """A filter for the command line's handler: rewrites retry and wait records into their line
    (a wait once per bucket and reset, however many requests queue for it), drops bulk item
    failures, and lets other records through by level (``verbose``: debug records too)."""

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose
        self._waits_seen: set[tuple[str, float]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        notice: Any = getattr(record, RetryNotice.LOG_KEY, None)
        if isinstance(notice, RetryNotice):
            self._reword(record, retry_line(notice))
            return True
        wait: Any = getattr(record, WAIT_LOG_KEY, None)
        if isinstance(wait, tuple) and len(wait) == 3:
            bucket, reset, seconds = wait
            if (bucket, reset) in self._waits_seen:
                return False
            self._waits_seen.add((bucket, reset))
            self._reword(record, wait_line(str(bucket), float(seconds)))
            return True
        if hasattr(record, ITEM_FAILED_LOG_KEY):
            return False
        return record.levelno >= logging.INFO or self.verbose > 0

    @staticmethod
    def _reword(record: logging.LogRecord, line: str) -> None:
        record.msg, record.args = line, None
        record.levelno, record.levelname = logging.INFO, "INFO"

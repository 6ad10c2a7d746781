"""What a command says on stderr while it works, with ``-v``: one line per retry and per
rate-limit wait, in words (``-vv`` adds the library's other debug records)::

    oktakit: retrying GET /api/v1/users/{id} in 2.0 s after HTTP 503 (attempt 2 of 5)
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

from oktakit._http.ratelimit import WAIT_LOG_KEY
from oktakit._http.retry import RetryNotice
from oktakit.bulk._executor import ITEM_FAILED_LOG_KEY


def retry_line(notice: RetryNotice) -> str:
    """``retrying GET /api/v1/users/{id} in 2.0 s after HTTP 503 (attempt 2 of 5)``: the path
    template, never the values (a search holds email addresses)."""
    return (
        f"retrying {notice.request} in {notice.wait:.1f} s after {notice.reason} "
        f"(attempt {notice.attempt} of {notice.attempts})"
    )


def wait_line(bucket: str, seconds: float) -> str:
    return f"waiting {seconds:.1f} s for the rate limit of bucket {bucket!r} to reset"


class Notices(logging.Filter):
    """A filter for the command line's handler: rewrites retry and wait records into their line
    (a wait once per bucket and reset, however many requests queue for it), drops bulk item
    failures, and lets other records through by level: retries and waits with ``-v``
    (``verbose`` 1), the library's other debug records with ``-vv``."""

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose
        self._waits_seen: set[tuple[str, float]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        line = self._line(record)
        if line is None:  # not a retry or a wait: by level, bulk item failures never
            if hasattr(record, ITEM_FAILED_LOG_KEY):
                return False
            return record.levelno >= logging.INFO or self.verbose > 1
        if not line or not self.verbose:  # a wait already told, or not asked for (-v)
            return False
        self._reword(record, line)
        return True

    def _line(self, record: logging.LogRecord) -> str | None:
        """A retry's or a wait's line ("" for a wait already told), or None for other records."""
        notice: Any = getattr(record, RetryNotice.LOG_KEY, None)
        if isinstance(notice, RetryNotice):
            return retry_line(notice)
        wait: Any = getattr(record, WAIT_LOG_KEY, None)
        if not (isinstance(wait, tuple) and len(wait) == 3):
            return None
        bucket, reset, seconds = wait
        if (bucket, reset) in self._waits_seen:
            return ""
        self._waits_seen.add((bucket, reset))
        return wait_line(str(bucket), float(seconds))

    @staticmethod
    def _reword(record: logging.LogRecord, line: str) -> None:
        record.msg, record.args = line, None
        record.levelno, record.levelname = logging.INFO, "INFO"

"""The simulator's server log: what went wrong, never what the client sent.

aiohttp logs a malformed request with its exception, whose message quotes the offending line
(the first 100 bytes of an oversized ``Authorization`` header, say). A simulator is a test
double for credentials, so its log names the kind of failure only.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any


class _QuietServerLog(logging.LoggerAdapter[logging.Logger]):
    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        exc_info = kwargs.pop("exc_info", None)
        if isinstance(exc_info, BaseException):
            msg = f"{msg} ({type(exc_info).__name__})"
        elif exc_info:
            msg = f"{msg} (an exception)"
        return msg, kwargs


def quiet_server_log() -> Any:
    """A logger for ``aiohttp.web`` request handlers that drops exception details."""
    return _QuietServerLog(logging.getLogger("oktakit.testing.server"))

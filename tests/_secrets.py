"""Helpers for the tests that prove secrets never leak: every text an error or log can become."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest


def exception_chain(error: BaseException) -> Iterator[BaseException]:
    """The error and everything reachable through ``__cause__`` and ``__context__``."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]


def renderings(error: BaseException) -> list[str]:
    """Every way an error is commonly shown: the traceback, str, repr, args and attributes."""
    texts = ["".join(traceback.format_exception(error))]
    for link in exception_chain(error):
        texts += [str(link), repr(link), repr(link.args), repr(vars(link))]
    return texts


def capture_debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Turn on DEBUG for the root logger and every library on the request path."""
    caplog.set_level(logging.DEBUG)
    for name in ("oktakit", "aiohttp", "authlib", "joserfc"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog

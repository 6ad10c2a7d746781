"""Make aioresponses 0.7.9 work with aiohttp >= 3.14 until upstream ships a fix.

aiohttp 3.14 (a security release we keep) made ``ClientResponse.__init__`` require a
``stream_writer`` argument, and aioresponses' fake stream pauses its (absent) transport once a
body passes 64 KiB. See pnuckowski/aioresponses#289. ``install()`` patches both, only inside
aioresponses, and is a no-op where they are not needed. Delete this module once a fixed
aioresponses release is pinned.
"""

from __future__ import annotations

import inspect
from typing import Any

import aioresponses.core as aioresponses_core
from aiohttp import ClientResponse
from aiohttp.streams import StreamReader

_BODY_LIMIT = 2**30


class _SentWriter:
    """A request writer that has already finished (aioresponses sends nothing)."""

    output_size = 0


class _CompatClientResponse(ClientResponse):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", _SentWriter())
        super().__init__(*args, **kwargs)


class _NeverPausedProtocol:
    """Stands in for the connection protocol: a fake stream has nothing to pause."""

    def pause_reading(self, *args: Any, **kwargs: Any) -> None: ...

    def resume_reading(self, *args: Any, **kwargs: Any) -> None: ...


def _stream_reader_factory(loop: Any = None) -> StreamReader:
    return StreamReader(_NeverPausedProtocol(), limit=_BODY_LIMIT, loop=loop)  # type: ignore[arg-type]


def install() -> None:
    if "stream_writer" in inspect.signature(ClientResponse.__init__).parameters:
        aioresponses_core.ClientResponse = _CompatClientResponse  # type: ignore[misc]
    aioresponses_core.stream_reader_factory = _stream_reader_factory

"""Which event loop an ``OktaClient`` belongs to, and whether it is closed."""

from __future__ import annotations

import asyncio
import threading

from oktakit.errors import ConfigurationError


class Lifetime:
    """Which event loop a client belongs to, and whether it was closed.

    aiohttp sessions, connections and our token lock all belong to one loop: used from another
    they fail obscurely or hang, so the client says so instead (see ``check``).
    """

    __slots__ = ("_bind", "closed", "loop")

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closed = False
        self._bind = threading.Lock()  # two threads may race to be the first user

    def check(self) -> None:
        self.check_loop()
        if self.closed:
            raise ConfigurationError(
                "this OktaClient has been closed: create a new one, or open it again with "
                "`async with client:`"
            )

    def check_loop(self) -> None:
        running = asyncio.get_running_loop()
        if self.loop is running:
            return
        with self._bind:
            if self.loop is None:
                self.loop = running
            bound = self.loop
        if bound is not running:
            raise ConfigurationError(
                "this OktaClient belongs to another event loop (the one it was first used on, "
                f"{'now closed' if bound.is_closed() else 'still running'}): create one client per "
                "event loop, e.g. `async with OktaClient(...) as okta:` inside the coroutine given "
                "to asyncio.run()"
            )

    def reopen(self) -> None:
        """``async with`` on a closed client starts afresh, on the current loop."""
        with self._bind:
            if self.closed:
                self.closed = False
                self.loop = None

"""The state shared by the middleware and the handlers of one simulator instance."""

from __future__ import annotations

import asyncio
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import NamedTuple

from aiohttp import web

from ._auth import AuthChain, Principal
from ._faults import FaultInjector
from ._oauth_state import OAuthState
from ._ratelimit import RateLimiter
from ._state import Org
from ._syslog import SystemLog
from ._util import Clock


class RequestRecord(NamedTuple):  # a NamedTuple: one is built per request
    """One served request, as kept in ``OktaSimulator.request_log`` (no headers, no token)."""

    time: float
    method: str
    path: str
    query: str
    operation: str
    status: int
    fault: str | None = None


@dataclass(eq=False)
class SimContext:
    org: Org
    limiter: RateLimiter
    faults: FaultInjector
    auth: AuthChain
    clock: Clock
    #: Service apps, issued access tokens and DPoP state of the org authorization server.
    oauth: OAuthState
    #: The org's System Log: what the simulator did, and what tests injected.
    system_log: SystemLog
    counts: Counter[str] = field(default_factory=Counter)
    log: deque[RequestRecord] = field(default_factory=lambda: deque(maxlen=100_000))
    #: Set when the simulator shuts down so injected timeouts stop waiting.
    closing: asyncio.Event = field(default_factory=asyncio.Event)


CONTEXT: web.AppKey[SimContext] = web.AppKey("oktakit_simulator", SimContext)
#: The authenticated caller, stored on the request for handlers.
PRINCIPAL: web.RequestKey[Principal] = web.RequestKey("oktakit_principal", Principal)

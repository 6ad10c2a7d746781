"""Injectable faults: Okta 5xx errors and 429s, proxy HTML pages, dropped connections (before
the answer, or after its headers and half its body: ``truncate``), slowness, and requests held
until the test releases them (``hold``: progress gated by the test, never by the clock).

Rules are matched in the order they were added, by operationId and/or method and a glob on
the request path (``*`` also crosses ``/``). A rule fires with its ``probability`` (drawn from
a generator seeded by the simulator's fault seed, so a sequential run is reproducible) and,
with ``count``, only for the next N matching requests. Every firing ``delay`` rule adds its
delay; the first firing rule of another kind decides the response.

A fault normally strikes before Okta handles the request. With ``applied=True`` the request is
handled first (its change is made) and the fault then replaces or holds the answer: the case of
an answer lost after Okta acted, which a client cannot tell from one lost before.
"""

from __future__ import annotations

import asyncio
import fnmatch
import random
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Literal

from ._errors import CATALOGUE, error_body

FaultKind = Literal["error", "html", "reset", "truncate", "delay", "timeout", "hold"]
_KINDS: frozenset[str] = frozenset({"error", "html", "reset", "truncate", "delay", "timeout", "hold"})
_DEFAULT_STATUS = {"error": 500, "html": 502, "timeout": 504, "truncate": 200}
_ERROR_CODES = {429: "E0000047", 503: "E0000010"}  # anything else: E0000009 Internal Server Error


@dataclass(eq=False)
class FaultRule:
    """One injected fault. Keep the returned object to inspect ``fired`` or to ``remove`` it."""

    kind: FaultKind
    operation: str | None = None
    method: str | None = None
    path: str | None = None
    status: int | None = None
    probability: float = 1.0
    count: int | None = None
    #: Seconds to wait: for ``delay`` before normal handling, for ``timeout`` before a 504.
    delay: float = 0.0
    body: bytes | None = None
    content_type: str | None = None
    #: False drops the Okta headers (X-Rate-Limit-*, X-Okta-Request-Id), like a proxy page; a
    #: 429 with them reports its bucket as exhausted until the bucket's reset.
    okta_headers: bool = True
    #: Seconds for a ``Retry-After`` header (e.g. on a 503).
    retry_after: int | None = None
    #: Handle the request first (Okta makes the change), then answer with the fault.
    applied: bool = False
    fired: int = 0
    #: ``hold`` only: requests waiting now for ``release()``.
    held: int = 0
    _path_re: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _released: asyncio.Event | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; use one of {sorted(_KINDS)}")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError("probability must be within [0, 1]")
        if self.kind == "timeout" and self.delay <= 0:
            self.delay = 60.0
        if self.method is not None:
            self.method = self.method.upper()
        if self.path is not None:
            self._path_re = re.compile(fnmatch.translate(self.path))  # once, not per request

    def release(self) -> None:
        """``hold``: let the held requests and every later one go on."""
        self._event().set()

    async def wait_released(self, closing: asyncio.Event) -> None:
        """``hold``: wait until ``release()`` (or until the simulator closes)."""
        released = self._event()
        if released.is_set():
            return
        self.held += 1
        try:
            waits = [asyncio.ensure_future(released.wait()), asyncio.ensure_future(closing.wait())]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for wait in waits:
                    wait.cancel()
        finally:
            self.held -= 1

    def _event(self) -> asyncio.Event:
        if self._released is None:
            self._released = asyncio.Event()
        return self._released

    @property
    def exhausted(self) -> bool:
        return self.count is not None and self.fired >= self.count

    def matches(self, operation: str, method: str, path: str) -> bool:
        if self.operation is not None and self.operation != operation:
            return False
        if self.method is not None and self.method != method:
            return False
        return self._path_re is None or self._path_re.match(path) is not None

    def response(self) -> tuple[int, bytes, str]:
        """(status, body, content type) of a terminal fault."""
        status = self.status or _DEFAULT_STATUS.get(self.kind, 500)
        if self.body is not None:
            return status, self.body, self.content_type or "application/json"
        if self.kind == "error":
            code = _ERROR_CODES.get(status, "E0000009")
            return status, error_body(code, CATALOGUE[code][1]), "application/json"
        phrase = _phrase(status)
        html = f"<html><body><h1>{status} {phrase}</h1></body></html>"
        return status, html.encode(), "text/html"


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class FaultInjector:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"oktakit-sim-faults-{seed}")  # noqa: S311 - reproducible on purpose
        self.rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> FaultRule:
        self.rules.append(rule)
        return rule

    def remove(self, rule: FaultRule) -> None:
        if rule in self.rules:
            self.rules.remove(rule)

    def clear(self) -> None:
        for rule in self.rules:
            if rule.kind == "hold":
                rule.release()  # nothing stays stuck behind a rule that is gone
        self.rules.clear()

    def pick(self, operation: str, method: str, path: str) -> tuple[float, FaultRule | None]:
        """(total delay, terminal rule or None) for one request."""
        delay = 0.0
        for rule in self.rules:
            if rule.exhausted or not rule.matches(operation, method, path):
                continue
            if rule.probability < 1.0 and self.rng.random() >= rule.probability:
                continue
            rule.fired += 1
            if rule.kind == "delay":
                delay += rule.delay
                continue
            return delay, rule
        return delay, None

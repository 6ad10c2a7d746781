"""One rate-limit bucket as the pacer sees it: Okta's latest numbers for it (limit, remaining,
reset), the requests let through and not yet answered, the share kept unused, and the requests
queued for it (``ratelimit.Pacer`` decides; this keeps the numbers)."""

from __future__ import annotations

import asyncio
import math
from collections import deque


class Budget:
    """One bucket's numbers and the requests queued for it."""

    __slots__ = (
        "limit",
        "name",
        "pending",
        "refused_with",
        "remaining",
        "reserve",
        "reset",
        "reset_local",
        "timer",
        "waiters",
    )

    def __init__(self, name: str) -> None:
        self.name = name
        self.limit: int | None = None  # None: no answer yet; -1: answers carry no headers
        # remaining, reserve and reset (Okta's X-Rate-Limit-Reset, epoch seconds) are set by the
        # first answer; refused_with is the most Okta still reported left when it refused one of
        # ours: that much is out of this client's reach (the headers described the org's bucket,
        # the client's share is less). All start at zero.
        self.remaining = self.reserve = self.refused_with = self.reset = 0
        self.reset_local = math.inf  # when that is on our clock; inf once the window rolled over
        self.pending = 0  # let through, not answered yet
        self.waiters: deque[asyncio.Future[None]] = deque()
        self.timer: asyncio.TimerHandle | None = None

    def admits(self, now: float) -> bool:
        """Whether one more request may go now (rolls the window over when its reset passed)."""
        limit = self.limit
        if limit is None:
            return self.pending == 0  # the first request learns the numbers alone
        if limit < 0:
            return True
        if now >= self.reset_local:
            self.remaining, self.reset_local = limit, math.inf
        return self.remaining - self.pending > self.reserve

    def update(self, numbers: tuple[int, int, int], until_reset: float, now: float, share: float) -> None:
        """Take the numbers of one answer; answers of an older window are ignored."""
        limit, remaining, reset = numbers
        if reset > self.reset or self.limit is None or self.limit < 0:
            self.reset, self.remaining, self.reset_local = reset, remaining, now + until_reset
        elif reset == self.reset and self.reset_local != math.inf:
            self.remaining = min(self.remaining, remaining)  # answers arrive out of order
        else:
            return
        if limit != self.limit:
            self.limit = limit
            self.reserve = max(limit - math.floor(limit * share), self.refused_with)

    def same_window(self, numbers: tuple[int, int, int]) -> bool:
        """Take an answer of the window already known, with the same limit (most answers): only
        ``remaining`` can have moved (answers arrive out of order: the least is the truth).
        False for anything else, which ``update`` takes."""
        limit, remaining, reset = numbers
        if reset != self.reset or limit != self.limit or self.reset_local == math.inf:
            return False
        self.remaining = min(self.remaining, remaining)
        return True

    def reshare(self, share: float) -> None:
        """Keep ``1 - share`` of the limit unused from now on (the limit already learned)."""
        if self.limit is not None and self.limit > 0:
            self.reserve = max(self.limit - math.floor(self.limit * share), self.refused_with)

    def refused(self, remaining: int) -> None:
        """Okta answered a rate-limit 429 for this bucket while reporting ``remaining`` left:
        keep that much unused, this window and the next ones."""
        if remaining > self.refused_with:
            self.refused_with = remaining
            self.reserve = max(self.reserve, remaining)

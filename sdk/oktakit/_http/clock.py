"""Okta's clock as seen from one of ours, from the ``Date`` of its answers, that no single answer
can mislead.

``Date`` has whole seconds and was stamped before we read it, so ``date - local`` (an
*observation*) is a lower bound of the offset between the two clocks, within a second or so of
it; the largest one is the tightest. But one answer can lie (a node with a wrong clock, a broken
proxy), and trusting the largest observation ever seen let one far-future ``Date`` turn pacing
off for a client's lifetime. So the estimate is:

- the largest recent observation that a second answer agrees with (the same ``Date`` read twice,
  or another within ``AGREEMENT`` seconds), or that our own wall clock agrees with;
- until one does, the lowest of the recent observations and our wall clock. Estimating Okta's
  time low only makes a wait for a reset longer (never past the cap of ``_hints``), never sends
  a request early.

Only the last ``WINDOW`` distinct ``Date`` values count, so even two agreeing wrong answers are
forgotten after that many seconds of answers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from .hints import http_date

#: Observations further apart than this do not confirm each other: ``Date``'s one-second
#: resolution plus a second of latency.
AGREEMENT = 2.0
#: Distinct ``Date`` values remembered.
WINDOW = 8


class ServerClock:
    """``offset`` is Okta's time minus ours (None before any answer with a readable ``Date``)."""

    __slots__ = ("_date", "_epoch", "_seen", "latest", "offset")

    def __init__(self) -> None:
        self.offset: float | None = None
        #: The latest answer's observation alone (what a clock-related refusal was judged by).
        self.latest: float | None = None
        self._date = ""
        self._epoch = 0.0
        # [observation, answers that gave it, the Date it was read from]
        self._seen: deque[list[float]] = deque(maxlen=WINDOW)

    def observe(self, date: str | None, local: float, wall: Callable[[], float]) -> None:
        """Learn from one answer's ``Date``, read at ``local`` on our clock; ``wall()`` is our
        wall clock's opinion of Okta's time (epoch seconds) at about that moment."""
        if not date:
            return
        if date != self._date:  # parse each distinct value once (it changes once a second)
            when = http_date(date)
            if when is None:
                return
            self._date, self._epoch = date, when.timestamp()
        observed = self.latest = self._epoch - local
        entry = self._seen[-1] if self._seen and self._seen[-1][2] == self._epoch else None
        if entry is not None and entry[0] - observed <= AGREEMENT:
            entry[1] += 1  # the same second from another answer: the two agree
            if entry[1] == 2:
                self._estimate(wall() - local)
            return
        self._seen.append([observed, 1, self._epoch])
        self._estimate(wall() - local)

    def _estimate(self, ours: float) -> None:
        ranked = sorted(self._seen, reverse=True)
        last = len(ranked) - 1
        # Highest first; an observation that agrees with the one above it is never reached:
        # that one, agreeing with it, was chosen first.
        for i, (observed, answers, _) in enumerate(ranked):
            if (
                answers > 1
                or abs(observed - ours) <= AGREEMENT
                or (i < last and observed - ranked[i + 1][0] <= AGREEMENT)
            ):
                self.offset = observed
                return
        self.offset = min(ranked[-1][0], ours)

    def seconds_until(self, epoch: float, local: float, wall: Callable[[], float]) -> float:
        """Seconds from ``local`` until Okta's clock shows ``epoch`` (never negative)."""
        server_now = wall() if self.offset is None else local + self.offset
        return max(0.0, epoch - server_now)

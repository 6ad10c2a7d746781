"""A follower killed with SIGKILL at random points, again and again, while events keep coming
(the simulator's own actions, late events, injected sign-ins), loses no event and repeats none,
except at most the one it was handling when it died.

Precisely: every event the System Log stored was handled to the end by some run (each run
appends an event's uuid to DONE once the event is handled, before asking for the next); and the
union of what every run was handed (each appends the uuid to GOT the moment it gets it) is
every event the System Log stored, each exactly once, save that
each kill may repeat the *last* event the killed run handed out (the one in hand), once; an
event in hand at two kills in a row (handed out again, killed again) may come three times. Those
are the only repetitions, and first occurrences come in the order Okta stored the events.

Kill points, chosen by a seeded random generator, each reached deterministically:
- ``hand``: while the consumer holds an event (the child waits for our go-ahead);
- ``fetch``: while its next page request is held at the simulator (a ``hold`` fault);
- ``loose``: right after the go-ahead, wherever the child then is (recording the event it is
  done with, reading its buffer, fetching): the point varies, the property may not.

``OKTAKIT_FOLLOW_KILLS`` sets how many kills (default 16).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.bulk._support import cli_environment, until

CHILD = Path(__file__).with_name("_follower_child.py")
KILLS = int(os.environ.get("OKTAKIT_FOLLOW_KILLS", "16"))
#: A child that stops answering fails the test after this long (a guard, never a measure).
GUARD = 60.0

pytestmark = pytest.mark.okta_sim(users=20, seed=19, rate_limit=RateLimitConfig.unlimited())


class Run:
    """One follower process, gated event by event."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.handed: list[str] = []

    @classmethod
    async def start(cls, sim: OktaSimulator, state: Path, out: Path, since: str) -> Run:
        done = out.with_name("done.txt")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, str(CHILD), str(state), str(out), str(done), since, "4",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env=cli_environment(sim),
        )  # fmt: skip
        return cls(proc)

    async def next_uuid(self) -> str:
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), GUARD)
        if not line:
            assert self.proc.stderr is not None
            raise AssertionError(f"the follower ended: {(await self.proc.stderr.read()).decode()}")
        self.handed.append(line.decode().strip())
        return self.handed[-1]

    def go(self, *, last: bool = False) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"end\n" if last else b"go\n")

    async def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        await asyncio.wait_for(self.proc.communicate(), GUARD)
        assert -signal.SIGKILL == self.proc.returncode


async def act(sim: OktaSimulator, session: aiohttp.ClientSession, rng: random.Random) -> None:
    """Something happens in the org: admin actions through the API, a sign-in, a late event."""
    users = [u for u in sim.org.users.values() if u.status in ("ACTIVE", "SUSPENDED")]
    for user in rng.sample(users, rng.randint(0, 3)):
        verb = "suspend" if user.status == "ACTIVE" else "unsuspend"
        async with session.post(f"{sim.url}/api/v1/users/{user.id}/lifecycle/{verb}") as response:
            assert 200 == response.status
    if rng.random() < 0.5:
        sim.sign_in(rng.choice(users).id, ip="185.220.101.4")
    if rng.random() < 0.3:  # happened a while ago, stored now
        sim.inject_log_event("user.account.lock", targets=[rng.choice(users).id], published=sim.clock() - 600)


async def test_killed_at_random_points_it_hands_out_every_event_once_but_the_one_in_hand(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    sim = okta_sim
    rng = random.Random(20261205)  # noqa: S311 - reproducible kill points, not security
    state, out = tmp_path / "follow.state", tmp_path / "handed.txt"
    since = (datetime.fromtimestamp(sim.clock(), UTC) - timedelta(minutes=1)).isoformat()
    kinds: Counter[str] = Counter()
    may_repeat: Counter[str] = Counter()  # uuid -> kills that had it in hand

    async with aiohttp.ClientSession(headers=sim.headers) as session:
        for _ in range(30):
            await act(sim, session, rng)
        while sum(kinds.values()) < KILLS:
            before = len(_handed(out))
            run = await Run.start(sim, state, out, since)
            while True:
                await run.next_uuid()
                await act(sim, session, rng)
                roll = rng.random()
                if roll < 0.12:
                    kinds["hand"] += 1
                    await run.kill()
                    break
                if roll < 0.18:
                    kinds["fetch"] += 1
                    await _kill_while_fetching(sim, run)
                    break
                run.go()
                if roll < 0.24:
                    kinds["loose"] += 1
                    await run.kill()
                    break
            # What the run handed out, by the file (it may have got one more than we read
            # before the kill): its last is the one it may have had in hand.
            this_run = _handed(out)[before:]
            if this_run:
                may_repeat[this_run[-1]] += 1

        # A last run, never killed, until it has handed out everything the log holds.
        expected = [record.uuid for record in sim.log_records()]
        run = await Run.start(sim, state, out, since)
        while True:
            await run.next_uuid()
            if set(expected) <= set(_handed(out)):
                break
            run.go()
        run.go(last=True)  # the follower handles the last event and stops
        await asyncio.wait_for(run.proc.communicate(), GUARD)
        assert 0 == run.proc.returncode

    handed = _handed(out)
    assert set(expected) == set(_handed(out.with_name("done.txt")))  # each handled to the end
    counts = Counter(handed)
    repeats = {uuid: count - 1 for uuid, count in counts.items() if count > 1}
    assert set(expected) == set(counts)  # nothing lost, nothing invented
    # Only an event in hand at a kill comes again, once per such kill at most.
    assert {} == {uuid: n for uuid, n in repeats.items() if n > may_repeat[uuid]}
    assert sum(repeats.values()) <= sum(kinds.values())
    assert expected == list(dict.fromkeys(handed))  # in the order Okta stored them
    assert KILLS <= sum(kinds.values())
    assert {"hand", "fetch", "loose"} == set(kinds)  # every kind of kill point was reached


def _handed(out: Path) -> list[str]:
    return out.read_text().split() if out.exists() else []


async def _kill_while_fetching(sim: OktaSimulator, run: Run) -> None:
    """Hold the next page request at the simulator and kill the follower while it waits for
    the answer (events still in its buffer are handed out, and let go, until it asks)."""
    hold = sim.inject_fault("hold", operation="listLogEvents")
    try:
        run.go()
        waiting = asyncio.ensure_future(run.next_uuid())
        while True:
            held = asyncio.ensure_future(until(lambda: hold.held >= 1, seconds=GUARD))
            done, _ = await asyncio.wait({waiting, held}, return_when=asyncio.FIRST_COMPLETED)
            if held in done:
                waiting.cancel()
                await held
                break
            held.cancel()
            waiting.result()
            run.go()
            waiting = asyncio.ensure_future(run.next_uuid())
        await run.kill()
    finally:
        hold.release()
        sim.faults.remove(hold)

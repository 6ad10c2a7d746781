"""System Log benchmarks (run by ``nox -s bench``, or on their own).

1. The follower against the simulator: ``okta.tail_log_events`` handing out N stored events
   (pages of 1,000), without and with a state file; events per second, and the client's CPU
   per event. The simulator runs in a process of its own, so the CPU measured is the client's:
   HTTP, JSON, the typed ``LogEvent`` and, with a state, its journal.
2. Parsing alone, on the same page bodies: ``json.loads`` vs ``json.loads`` plus the typed
   ``LogEvent`` models (what the follower does with each page); CPU per event and the ratio.

Timings are CPU time (``time.process_time``) where they say so, wall time for events per second;
each is the best of three rounds. The events are shaped like Okta's (actor, client with
geography, targets, contexts), half sign-ins from a foreign address, half admin actions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from oktakit import ApiToken, OktaClient
from oktakit_api import operations as ops

ROUNDS = 3
BUCHAREST = {"city": "Bucharest", "country": "Romania", "geolocation": {"lat": 44.4, "lon": 26.1}}


# -- the simulator, in its own process -------------------------------------------------------------


async def _serve(count: int) -> None:
    from oktakit.testing import OktaSimulator, RateLimitConfig

    async with OktaSimulator(
        users=50, seed=3, rate_limit=RateLimitConfig.unlimited(), system_log_size=count
    ) as sim:
        users = [u for u in sim.org.users.values() if u.status == "ACTIVE"]
        for i in range(count):
            user = users[i % len(users)].id
            if i % 2:
                sim.inject_log_event("user.session.start", actor=user, ip="185.220.101.4", geo=BUCHAREST)
            else:
                sim.inject_log_event("user.lifecycle.suspend", targets=[user])
        print(json.dumps({"url": sim.url, "token": sim.api_token}), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until stdin closes


def start_simulator(count: int) -> tuple[subprocess.Popen[str], str, str]:
    proc = subprocess.Popen(  # noqa: S603 - this script
        [sys.executable, __file__, "--serve", str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if proc.stdout is None:
        raise RuntimeError("the simulator's output is not piped")
    started = json.loads(proc.stdout.readline())
    return proc, started["url"], started["token"]


# -- 1. the follower ------------------------------------------------------------------------------


async def follow(url: str, token: str, count: int, state: Path | None) -> tuple[float, float]:
    """(wall seconds, client CPU seconds) to be handed ``count`` events."""
    since = datetime.now(UTC) - timedelta(hours=1)
    async with OktaClient(url, auth=ApiToken(token)) as okta:
        wall, cpu = time.perf_counter(), time.process_time()
        follower = okta.tail_log_events(since=since, state=state, poll_interval=0.01)
        async with follower:
            taken = 0
            async for _ in follower:
                taken += 1
                if taken == count:
                    break
        return time.perf_counter() - wall, time.process_time() - cpu


def best_follow(url: str, token: str, count: int, with_state: bool) -> tuple[float, float]:
    runs = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as folder:
            state = Path(folder) / "bench.state" if with_state else None
            runs.append(asyncio.run(follow(url, token, count, state)))
    return min(runs, key=lambda run: run[1])


# -- 2. parsing alone -----------------------------------------------------------------------------


async def pages(url: str, token: str) -> list[bytes]:
    """The raw bodies of the pages the follower reads."""
    since = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    bodies: list[bytes] = []
    headers = {"Authorization": f"SSWS {token}", "Accept": "application/json"}
    async with aiohttp.ClientSession(headers=headers) as session:
        link: str | None = f"{url}/api/v1/logs?since={since}&limit=1000"
        while link:
            async with session.get(link, allow_redirects=False) as response:
                body = await response.read()
                following = response.links.get("next")
            if body == b"[]":
                break
            bodies.append(body)
            link = str(following["url"]) if following else None
    return bodies


class _Page:
    """What a generated parser reads: a status and the JSON (decoded once, as the transport's
    responses do)."""

    def __init__(self, body: bytes) -> None:
        self.status_code = 200
        self.content = body
        self._json: object = None

    def json(self) -> object:
        if self._json is None:
            self._json = json.loads(self.content)
        return self._json


def parse_cpu(bodies: list[bytes]) -> tuple[float, float]:
    """(CPU seconds of json.loads alone, of json.loads plus the LogEvent models), best of 3."""
    loads, typed = [], []
    for _ in range(ROUNDS):
        started = time.process_time()
        for body in bodies:
            json.loads(body)
        loads.append(time.process_time() - started)
        started = time.process_time()
        for body in bodies:
            ops.LIST_LOG_EVENTS.parse_response(_Page(body))  # type: ignore[arg-type]
        typed.append(time.process_time() - started)
    return min(loads), min(typed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000, help="events in the log (default 20,000)")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        asyncio.run(_serve(args.serve))
        return
    count = args.events
    proc, url, token = start_simulator(count)
    try:
        bodies = asyncio.run(pages(url, token))
        plain = best_follow(url, token, count, with_state=False)
        journaled = best_follow(url, token, count, with_state=True)
    finally:
        if proc.stdin is not None:
            proc.stdin.close()  # the simulator stops when its stdin closes
        proc.wait(timeout=30)
    seen = sum(len(json.loads(body)) for body in bodies)
    loads, typed = parse_cpu(bodies)

    print(f"\nSystem Log follower against the simulator ({count} events, pages of 1,000, best of {ROUNDS})")
    print(f"  {'run':<34}{'events/s':>10}{'CPU/event':>12}")
    for label, (wall, cpu) in (("tail_log_events", plain), ("tail_log_events, state file", journaled)):
        print(f"  {label:<34}{count / wall:>10.0f}{cpu / count * 1e6:>10.1f}us")
    print(f"\nparsing the same pages ({seen} events, CPU per event, best of {ROUNDS})")
    print(f"  json.loads alone                  {loads / seen * 1e6:>8.1f} us")
    print(f"  json.loads + typed LogEvent       {typed / seen * 1e6:>8.1f} us")
    print("\nratios")
    print(f"  typed parsing vs json.loads alone               {typed / loads:>6.1f}x")
    print(f"  follower CPU per event vs json.loads alone      {plain[1] / count / (loads / seen):>6.1f}x")
    cost = (journaled[1] - plain[1]) / count * 1e6
    print(f"  state file cost per event (CPU)                 {cost:>6.1f} us")
    print(f"  (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()

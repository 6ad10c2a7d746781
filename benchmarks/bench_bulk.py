"""Bulk executor benchmarks (run by ``nox -s bench`` after bench.py, or on their own).

1. Executor overhead per item: ``okta.bulk`` over a no-op async callable, minus a bare loop
   awaiting the same callable (goal <= 20 us per item).
2. Peak RSS for 10k vs 1M streamed items, each in a fresh process (goal: flat, < 100 MB).
3. Rate-limited efficiency: suspending users on a simulator whose buckets allow N requests per
   window; theoretical minimum time / actual (goal >= 0.95) and the 429s sent, for oktakit's
   bulk and for a naive ``asyncio.gather`` (oktakit's and the official SDK's). The executor's
   pacing comes from the transport: this row is only good once the transport paces.
4. Containment (``okta.contain``): the executor's own cost per user-step (the playbook over a
   client whose calls do nothing, minus a bare loop making the same calls; goal <= 20 us), and
   containing 1,000 users on a simulator with Okta's default buckets (Workforce limits, windows
   shortened to fit CI): the time against the least those buckets allow for the requests the
   run sent (goal <= 1.1x), and the 429s after the first window (goal: none).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import logging
import math
import os
import resource
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import attrs

from oktakit import ApiToken, OktaClient, User

# A client that never sends: the no-op callable does not use it.
OFFLINE_ORG = "https://acme.okta.com"


async def _noop(item: str) -> None:
    return None


async def overhead_us(n: int, rounds: int = 3) -> float:
    """CPU time (not wall time: the machine may be shared) per item, best of ``rounds``."""
    ids = [f"00u{i:017d}" for i in range(n)]
    best = float("inf")
    async with OktaClient(OFFLINE_ORG, auth=ApiToken("x" * 40)) as okta:
        for _ in range(rounds):
            started = time.process_time()
            for item in ids:
                await _noop(item)
            bare = time.process_time() - started
            started = time.process_time()
            report = await okta.bulk(_noop, ids, progress=False, preflight=False)
            took = time.process_time() - started
            if n != len(report):
                raise RuntimeError(f"{len(report)} outcomes for {n} items")
            best = min(best, (took - bare) / n * 1e6)
    return best


async def _streamed_rss(n: int) -> float:
    async def items() -> AsyncIterator[str]:
        for i in range(n):
            yield f"00u{i:017d}"

    async with OktaClient(OFFLINE_ORG, auth=ApiToken("x" * 40)) as okta:
        report = await okta.bulk(_noop, items(), progress=False, preflight=False)
    if n != len(report):
        raise RuntimeError(f"{len(report)} outcomes for {n} items")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb(n: int) -> float:
    out = subprocess.run(  # noqa: S603 - this script
        [sys.executable, __file__, "--rss-worker", str(n)], check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


# -- rate-limited efficiency --------------------------------------------------------------------


async def _official_suspend(url: str, token: str) -> tuple[Callable[[str], Awaitable[Any]], Any]:
    os.environ["OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"] = "true"
    from okta.client import Client

    client = Client({"orgUrl": url, "token": token, "testing": {"disableHttpsCheck": True}})
    await client.__aenter__()

    async def suspend(user_id: str) -> None:
        result = await client.suspend_user(user_id)
        error = result[-1] if isinstance(result, tuple) else None
        if error is not None:
            raise RuntimeError(str(error))

    return suspend, client


async def _gather(suspend: Callable[[str], Awaitable[Any]], ids: list[str], concurrency: int) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one(user_id: str) -> None:
        async with gate:
            await suspend(user_id)

    # Naive: failures are returned, not handled (the simulator's state tells what got done).
    await asyncio.gather(*(one(i) for i in ids), return_exceptions=True)


async def rate_limited(users: int, limit: int, window: float) -> list[tuple[str, float, int, int, float]]:
    from oktakit.testing import OktaSimulator, RateLimitConfig

    rows = []
    labels = ["oktakit bulk (c=10)", "naive gather, oktakit (c=50)"]
    if importlib.util.find_spec("okta") is not None:
        labels.append("naive gather, official SDK (c=50)")
    minimum = (math.ceil(users / limit) - 1) * window
    for label in labels:
        async with OktaSimulator(users=0, rate_limit=RateLimitConfig.uniform(limit, window=window)) as sim:
            ids = [sim.add_user(login=f"u{n}@example.com", password=True).id for n in range(users)]
            async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
                started = time.perf_counter()
                if label.startswith("oktakit bulk"):
                    await okta.bulk("suspend_user", ids, concurrency=10, progress=False)
                elif "official" in label:
                    suspend, client = await _official_suspend(sim.url, sim.api_token)
                    try:
                        await _gather(suspend, ids, 50)
                    finally:
                        await client.__aexit__(None, None, None)
                else:
                    await _gather(okta.suspend_user, ids, 50)
                took = time.perf_counter() - started
            refused = sum(1 for r in sim.request_log if r.status == 429)
            suspended = sum(sim.org.users[i].status == "SUSPENDED" for i in ids)
            # Efficiency counts only a run that finished the job.
            rows.append((label, took, refused, suspended, minimum / took if suspended == users else 0.0))
    return rows


# -- containment ----------------------------------------------------------------------------------


class _NoCalls(OktaClient):
    """A client whose containment calls do nothing: what is left is the executor's own cost."""

    async def get_user(self, id: str, *, expand: str | None = None) -> User:
        # A real User, as the executor reads one (the bare loop below pays for it too).
        return attrs.evolve(_ACTIVE, id=id)

    async def revoke_user_sessions(
        self, id: str, *, oauth_tokens: bool | None = None, forget_devices: bool | None = None
    ) -> None:
        return None

    async def revoke_user_grants(self, user_id: str) -> None:
        return None

    async def reset_factors(self, id: str) -> None:
        return None

    async def expire_password(self, id: str) -> Any:
        return None

    async def suspend_user(self, id: str) -> None:
        return None


_ACTIVE = User.from_dict(
    {
        "id": "00u00000000000000000",
        "status": "ACTIVE",
        "created": "2024-01-02T03:04:05.000Z",
        "lastUpdated": "2024-01-02T03:04:05.000Z",
        "profile": {"login": "user@example.com"},
        "_links": {},
    }
)


async def containment_overhead_us(users: int, rounds: int = 3) -> float:
    """CPU time per user-step, best of ``rounds``: ``okta.contain`` minus a bare loop that makes
    the same calls (a status read and the five steps per user)."""
    ids = [f"00u{i:017d}" for i in range(users)]
    best = float("inf")
    async with _NoCalls(OFFLINE_ORG, auth=ApiToken("x" * 40)) as okta:
        steps = (okta.revoke_user_sessions, okta.revoke_user_grants, okta.reset_factors, okta.expire_password)
        for _ in range(rounds):
            started = time.process_time()
            for item in ids:
                await okta.get_user(item)
                for step in steps:
                    await step(item)
                await okta.suspend_user(item)
            bare = time.process_time() - started
            started = time.process_time()
            report = await okta.contain(ids, progress=False, preflight=False)
            took = time.process_time() - started
            if len(report.contained) != users:
                raise RuntimeError(f"{len(report.contained)} users contained of {users}")
            best = min(best, (took - bare) / (users * 5) * 1e6)
    return best


async def containment_rate_limited(users: int, window: float, concurrency: int) -> dict[str, Any]:
    """Contain ``users`` on Okta's default buckets (limits per ``window`` instead of a minute)."""
    from oktakit._http.buckets import bucket_for, per_minute
    from oktakit.testing import OktaSimulator, RateLimitConfig

    limits = per_minute()  # the default edition's (Workforce Identity), as the simulator's
    async with OktaSimulator(users=0, rate_limit=RateLimitConfig.okta(window=window)) as sim:
        ids = [sim.add_user(login=f"u{n}@example.com", password=True).id for n in range(users)]
        for user_id in ids[::3]:
            sim.sign_in(user_id)
        async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
            # Okta's windows of whole seconds start on the second: start with one.
            await asyncio.sleep(math.ceil(time.time()) - time.time())
            first = time.time()
            started = time.perf_counter()
            report = await okta.contain(ids, concurrency=concurrency, progress=False)
            took = time.perf_counter() - started
        sent = [r for r in sim.request_log if r.time >= first]
        contained = len(report.contained)
    by_bucket: dict[str, int] = {}
    for r in sent:
        if r.status != 429:
            bucket = bucket_for(r.method, r.path)
            by_bucket[bucket] = by_bucket.get(bucket, 0) + 1
    # A bucket allows limit requests per window, the first window opening with the first
    # request: n requests need ceil(n / limit) windows, the last one entered after all others.
    minimum = max((math.ceil(n / limits[b]) - 1) * window for b, n in by_bucket.items())
    late = sum(1 for r in sent if r.status == 429 and r.time >= first + window)
    early = sum(1 for r in sent if r.status == 429) - late
    return {
        "took": took,
        "minimum": minimum,
        "by_bucket": by_bucket,
        "limits": {b: limits[b] for b in by_bucket},
        "late_429": late,
        "early_429": early,
        "contained": contained,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=200_000, help="items for the overhead measurement")
    parser.add_argument("--users", type=int, default=300, help="users for the rate-limited run")
    parser.add_argument("--limit", type=int, default=50, help="requests per bucket and window")
    parser.add_argument("--window", type=float, default=1.0, help="rate-limit window in seconds")
    parser.add_argument("--contain-users", type=int, default=1000, help="users for the containment run")
    parser.add_argument(
        "--contain-window", type=float, default=3.0, help="Okta's one-minute windows shortened to this"
    )
    args = parser.parse_args()
    logging.getLogger("oktakit").setLevel(logging.ERROR)  # one warning per failed item is noise here

    print(f"\nbulk executor overhead per item (no-op callable, {args.items} items, CPU time, best of 3)")
    print(f"  {asyncio.run(overhead_us(args.items)):.1f} us  [goal <= 20 us]")
    small, large = rss_mb(10_000), rss_mb(1_000_000)
    print("\npeak RSS, streamed items through okta.bulk (fresh process each)")
    print(f"  10k items {small:.0f} MB, 1M items {large:.0f} MB  [goal: flat, < 100 MB]")
    print(
        f"\nrate-limited suspend of {args.users} users, {args.limit} requests per {args.window:g} s "
        f"(theoretical minimum {(math.ceil(args.users / args.limit) - 1) * args.window:.1f} s)"
    )
    print(f"  {'run':<38}{'time':>8}{'429s':>7}{'suspended':>11}{'efficiency':>12}")
    for label, took, refused, suspended, efficiency in asyncio.run(
        rate_limited(args.users, args.limit, args.window)
    ):
        print(f"  {label:<38}{took:>7.1f}s{refused:>7}{suspended:>11}{efficiency:>11.2f}")
    print("  [goal for oktakit bulk: efficiency >= 0.95, no 429 after the first window]")

    print("\ncontainment executor overhead per user-step (calls that do nothing, 20k users, CPU time)")
    print(f"  {asyncio.run(containment_overhead_us(20_000)):.1f} us  [goal <= 20 us]")
    run = asyncio.run(containment_rate_limited(args.contain_users, args.contain_window, 10))
    buckets = ", ".join(
        f"{b}: {n} requests at {run['limits'][b]}" for b, n in sorted(run["by_bucket"].items())
    )
    print(
        f"\ncontaining {args.contain_users} users, Okta's default buckets per {args.contain_window:g} s "
        "window (Workforce limits; Okta's window is 60 s)"
    )
    print(f"  requests sent: {buckets}")
    print(
        f"  minimum those buckets allow {run['minimum']:.1f} s, took {run['took']:.1f} s: "
        f"{run['took'] / run['minimum']:.2f}x  [goal <= 1.1x]"
    )
    print(
        f"  429s: {run['early_429']} in the first window, {run['late_429']} after it  [goal: none after]; "
        f"contained {run['contained']} of {args.contain_users}"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--rss-worker":
        print(json.dumps(asyncio.run(_streamed_rss(int(sys.argv[2])))))
    else:
        main()

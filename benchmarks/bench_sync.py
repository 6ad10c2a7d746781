"""Side by side: the blocking ``oktakit.sync.OktaClient`` vs the async ``oktakit.OktaClient``.

Run with ``nox -s bench`` (or ``python benchmarks/bench_sync.py``). Both drive the same
simulator process (rate limits off); each measurement runs in a fresh worker process, the two
clients in alternation, and the median of the rounds is reported. CPU is the worker's whole
process time, so the sync client's loop thread is counted with the caller. Nothing here is a
pass/fail test: the table prints the ratios next to the goals.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = 5
CLIENTS = ("async", "sync")


def _async_worker(url: str, token: str, ids: list[str], n: int, pages: int) -> dict[str, float]:
    from oktakit import ApiToken, OktaClient

    async def main() -> dict[str, float]:
        async with OktaClient(url, auth=ApiToken(token)) as okta:
            for i in range(200):  # warm up connections, caches and lazy imports
                await okta.get_user(ids[i % len(ids)])
            cpu, wall = time.process_time(), time.perf_counter()
            for i in range(n):
                await okta.get_user(ids[i % len(ids)])
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            listed, list_cpu = 0, time.process_time()
            for _ in range(pages):
                async for _user in okta.list_users(limit=50):
                    listed += 1
            list_cpu = time.process_time() - list_cpu
        return {"cpu_us": cpu / n * 1e6, "rps": n / wall, "item_us": list_cpu / listed * 1e6}

    return asyncio.run(main())


def _sync_worker(url: str, token: str, ids: list[str], n: int, pages: int) -> dict[str, float]:
    from oktakit import ApiToken
    from oktakit.sync import OktaClient

    with OktaClient(url, auth=ApiToken(token)) as okta:
        for i in range(200):
            okta.get_user(ids[i % len(ids)])
        cpu, wall = time.process_time(), time.perf_counter()
        for i in range(n):
            okta.get_user(ids[i % len(ids)])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        listed, list_cpu = 0, time.process_time()
        for _ in range(pages):
            for _user in okta.list_users(limit=50):
                listed += 1
        list_cpu = time.process_time() - list_cpu
        # Eight threads sharing the one client: what a threaded web app does.
        counter = iter(range(n))

        def worker() -> None:
            for i in counter:
                okta.get_user(ids[i % len(ids)])

        threads = [threading.Thread(target=worker) for _ in range(8)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        threaded = n / (time.perf_counter() - started)
    return {"cpu_us": cpu / n * 1e6, "rps": n / wall, "item_us": list_cpu / listed * 1e6, "rps_t8": threaded}


def run_worker(client: str, url: str, token: str, ids_file: Path, *, n: int, pages: int) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603 - this script, as a worker
        [sys.executable, __file__, "--worker", client, url, token, str(ids_file), str(n), str(pages)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000, help="get_user calls per measurement")
    parser.add_argument("--pages", type=int, default=20, help="list_users walks (200 users each)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench import Simulator, _user_ids

    with tempfile.TemporaryDirectory() as tmp:
        sim = Simulator(200, Path(tmp))
        try:
            ids_file = Path(tmp) / "ids.json"
            ids_file.write_text(json.dumps(asyncio.run(_user_ids(sim.url, sim.token))))
            runs: dict[str, list[dict[str, float]]] = {c: [] for c in CLIENTS}
            for _ in range(ROUNDS):
                for client in CLIENTS:  # alternate so drift in the machine hits both alike
                    runs[client].append(
                        run_worker(client, sim.url, sim.token, ids_file, n=args.requests, pages=args.pages)
                    )
        finally:
            sim.stop()
    med = {c: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for c, rs in runs.items()}
    a, s = med["async"], med["sync"]
    print(f"\noktakit.sync vs oktakit (get_user x{args.requests}, c=1; median of {ROUNDS} rounds)\n")
    print(f"{'client':<24}{'CPU/call':>10}{'req/s c=1':>12}{'CPU/listed user':>17}{'req/s 8 threads':>17}")
    for name, m in (("oktakit (async)", a), ("oktakit.sync", s)):
        threads = f"{m['rps_t8']:>17.0f}" if "rps_t8" in m else f"{'':>17}"
        print(f"{name:<24}{m['cpu_us']:>8.0f}us{m['rps']:>12.0f}{m['item_us']:>15.1f}us{threads}")
    print("\nratios (goal in brackets)")
    print(f"  {'CPU per get_user, sync / async':<60}{s['cpu_us'] / a['cpu_us']:>7.2f}x  [<= 1.3x]")
    print(f"  {'CPU per listed user, sync / async':<60}{s['item_us'] / a['item_us']:>7.2f}x")
    print(f"  {'throughput c=1, sync / async':<60}{s['rps'] / a['rps']:>7.2f}x")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _, _, client, url, token, ids_file, n, pages = sys.argv
        ids = json.loads(Path(ids_file).read_text())
        worker = _sync_worker if client == "sync" else _async_worker
        print(json.dumps(worker(url, token, ids, int(n), int(pages))))
    else:
        main()

"""Side-by-side benchmark: oktakit vs raw aiohttp vs Okta's official SDK on the same simulator.

Run with ``nox -s bench``. The simulator runs in its own process (rate limits off) so that the
client CPU measured here is the client's alone; each client runs in a fresh worker process, a
few times in alternation, and the median is reported. Nothing here is a pass/fail test: the
table prints ratios, and the goals next to them are what we aim for.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROUNDS = 3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_simulator(users: int) -> tuple[subprocess.Popen[str], str, str]:
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603 - our own CLI
        [
            sys.executable,
            "-m",
            "oktakit",
            "sim",
            "--port",
            str(port),
            "--users",
            str(users),
            "--rate-limit",
            "off",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    url = token = ""
    for line in proc.stdout or ():
        if "listening on" in line:
            url = line.rsplit(" ", 1)[-1].strip()
        elif line.startswith("API token:"):
            token = line.split(":", 1)[1].strip()
        if url and token:
            return proc, url, token
    raise RuntimeError("the simulator did not start")


async def _user_ids(url: str, token: str) -> list[str]:
    headers = {"Authorization": f"SSWS {token}"}
    async with (
        aiohttp.ClientSession(headers=headers) as session,
        session.get(f"{url}/api/v1/users?limit=200") as r,
    ):
        return [u["id"] for u in await r.json()]


# -- worker: one client in a fresh process --------------------------------------------------


async def _drive(get_user, ids: list[str], n: int, concurrency: int) -> float:  # type: ignore[no-untyped-def]
    """Send n get_user calls with `concurrency` in flight; return the wall time."""
    counter = iter(range(n))

    async def worker() -> None:
        for i in counter:
            await get_user(ids[i % len(ids)])

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


async def _worker(name: str, url: str, token: str, ids: list[str], n: int) -> dict[str, float]:
    sys.path.insert(0, str(HERE))
    from _clients import CLIENTS

    async with CLIENTS[name](url, token) as get_user:
        await _drive(get_user, ids, 200, 10)  # warm up connections, caches and lazy imports
        cpu_started = time.process_time()
        wall_c1 = await _drive(get_user, ids, n, 1)
        cpu = time.process_time() - cpu_started
        wall_c50 = await _drive(get_user, ids, n, 50)
    return {
        "cpu_us": cpu / n * 1e6,
        "rps_c1": n / wall_c1,
        "rps_c50": n / wall_c50,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_worker(name: str, url: str, token: str, ids_file: str, n: int) -> dict[str, float]:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--worker", name, url, token, ids_file, str(n)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- import time ------------------------------------------------------------------------------


def import_seconds(statement: str, repeats: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)  # noqa: S603
        times.append(float(out.stdout))
    return statistics.median(times)


# -- report -------------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000, help="get_user calls per measurement")
    parser.add_argument("--users", type=int, default=200)
    args = parser.parse_args()

    clients = ["raw aiohttp", "oktakit"]
    if importlib.util.find_spec("okta") is not None:
        clients.append("okta (official)")
    else:
        print("note: the official `okta` package is not installed; its columns are n/a")

    proc, url, token = start_simulator(args.users)
    try:
        ids = asyncio.run(_user_ids(url, token))
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(ids, f)
        results: dict[str, list[dict[str, float]]] = {c: [] for c in clients}
        for _ in range(ROUNDS):
            for client in clients:  # alternate so drift in the machine hits every client alike
                results[client].append(run_worker(client, url, token, f.name, args.requests))
        os.unlink(f.name)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    med = {c: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for c, rs in results.items()}
    raw, kit, official = med["raw aiohttp"], med["oktakit"], med.get("okta (official)")

    print(f"\nget_user against the simulator ({args.requests} calls per run, median of {ROUNDS} runs)\n")
    print(f"{'client':<18}{'CPU/call':>12}{'req/s c=1':>12}{'req/s c=50':>12}{'peak RSS':>11}")
    for client, m in med.items():
        print(
            f"{client:<18}{m['cpu_us']:>10.0f}us{m['rps_c1']:>12.0f}{m['rps_c50']:>12.0f}{m['rss_mb']:>9.0f}MB"
        )

    imports = {
        "oktakit": import_seconds("import oktakit"),
        "its dependencies": import_seconds("import aiohttp, attrs, cattrs, authlib, joserfc"),
    }
    if official:
        imports["okta.client"] = import_seconds("import okta.client")

    rows = [("CPU per get_user, oktakit / raw aiohttp", kit["cpu_us"], raw["cpu_us"], "<= 1.3x")]
    if official:
        rows += [
            ("CPU per get_user, okta / oktakit", official["cpu_us"], kit["cpu_us"], ""),
            ("throughput c=1, oktakit / okta", kit["rps_c1"], official["rps_c1"], ">= 1.6x"),
            ("throughput c=50, oktakit / okta", kit["rps_c50"], official["rps_c50"], ">= 1.6x"),
            ("throughput c=50, raw aiohttp / okta (ceiling)", raw["rps_c50"], official["rps_c50"], ""),
            ("import time, oktakit / okta.client", imports["oktakit"], imports["okta.client"], "<= 0.125x"),
        ]
    rows += [
        (
            "import time, oktakit / its dependencies",
            imports["oktakit"],
            imports["its dependencies"],
            "<= 1.2x",
        ),
        ("peak RSS, oktakit / raw aiohttp", kit["rss_mb"], raw["rss_mb"], "<= 1.5x"),
    ]
    print("\nratios (goal in brackets)")
    for label, a, b, goal in rows:
        print(f"  {label:<48}{_ratio(a, b):>7}  {f'[{goal}]' if goal else ''}")
    print("\nimport times: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in imports.items()))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _, _, name, url, token, ids_file, n = sys.argv
        ids = json.loads(Path(ids_file).read_text())
        print(json.dumps(asyncio.run(_worker(name, url, token, ids, int(n)))))
    else:
        main()

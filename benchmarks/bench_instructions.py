"""Instructions per ``get_user``, oktakit against raw aiohttp, counted by valgrind (``nox -s
bench_instructions``; needs ``valgrind`` on PATH, e.g. ``apt-get install valgrind``).

CPU time on a shared machine moves with everything else running on it; the number of
instructions a call executes does not. Each client runs in its own process under callgrind, once
with a few calls and once with more, against the realistic record server (``_record_server.py``),
so that start-up, imports and warm-up cancel out: the difference divided by the extra calls is
what one call costs. It counts user-space instructions only (not the kernel's socket work, nor
how fast each instruction runs), so it complements ``bench.py``'s CPU columns rather than
replacing them.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CALLS = (300, 1300)  # calls in the short and the long run; the difference is measured
USER_ID = "00usfhrjbkppPBkoY4x6"


async def _drive(name: str, url: str, n: int, concurrency: int) -> None:
    sys.path.insert(0, str(HERE))
    from _clients import CLIENTS

    async with CLIENTS[name](url, "bench-token") as get_user:
        counter = iter(range(n))

        async def worker() -> None:
            for _ in counter:
                await get_user(USER_ID)

        await asyncio.gather(*(worker() for _ in range(concurrency)))


def instructions(name: str, url: str, n: int, concurrency: int) -> int:
    """Instructions callgrind counted for a whole worker process making ``n`` calls."""
    done = subprocess.run(  # noqa: S603 - valgrind on our own interpreter and script
        [
            *("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
            *(sys.executable, __file__, "--worker", name, url, str(n), str(concurrency)),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict layouts in every run
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind reported no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_call(name: str, url: str, concurrency: int) -> float:
    short, long = (instructions(name, url, n, concurrency) for n in CALLS)
    return (long - short) / (CALLS[1] - CALLS[0])


def main() -> None:
    if shutil.which("valgrind") is None:
        print("valgrind is not on PATH: nothing measured (apt-get install valgrind)")
        return
    sys.path.insert(0, str(HERE))
    from bench import RecordServer

    record = RecordServer()
    try:
        print("\ninstructions per get_user of the realistic record (callgrind, user space)\n")
        print(f"{'in flight':<12}{'raw aiohttp':>14}{'oktakit':>14}{'oktakit / raw':>16}")
        for concurrency in (1, 50):
            raw = per_call("raw aiohttp", record.url, concurrency)
            kit = per_call("oktakit", record.url, concurrency)
            print(f"{concurrency:<12}{raw:>14,.0f}{kit:>14,.0f}{kit / raw:>15.2f}x")
    finally:
        record.stop()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _, _, client, org, calls, in_flight = sys.argv
        asyncio.run(_drive(client, org, int(calls), int(in_flight)))
    else:
        main()

"""The transport keeps socket reads off the system-call path under glibc (oktakit/_http/allocator.py).

asyncio reads with ``recv(256 KiB)``; until glibc raises its mmap threshold, each such buffer is
freshly mapped, and the first write into it faults a page in. Page faults are what the test
counts: in a fresh process, so that nothing the suite did before has settled the allocator.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not hasattr(os, "confstr") or "glibc" not in (os.confstr("CS_GNU_LIBC_VERSION") or ""),
    reason="the mmap threshold this is about is glibc's",
)

# Reads as asyncio's selector transport makes them, 200 times; prints the page faults they took
# before and after building oktakit's transport.
_SCRIPT = """
import asyncio, resource, socket
import aiohttp
from oktakit._http.exchange import AiohttpTransport

def faults_of_reads():
    left, right = socket.socketpair()
    started = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        left.sendall(b"u" * 2400)  # a user record's size
        assert len(right.recv(256 * 1024)) == 2400
    left.close(); right.close()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - started

async def build():
    async with aiohttp.ClientSession() as session:
        AiohttpTransport(session)

before = faults_of_reads()
asyncio.run(build())
print(before, faults_of_reads())
"""


def _faults(seed: int) -> tuple[int, int]:
    done = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, "-c", _SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        # Without coverage's subprocess measurement: starting it allocates enough to settle
        # the allocator in every process, which would leave nothing to compare.
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")},
            "PYTHONHASHSEED": str(seed),
        },
    )
    before, after = map(int, done.stdout.split())
    return before, after


def test_after_the_transport_is_built_reading_an_answer_maps_no_fresh_memory() -> None:
    # Whether a process's imports happen to settle the allocator depends on what they allocate,
    # which the hash seed shifts: several fixed seeds make sure some processes start unsettled.
    runs = {seed: _faults(seed) for seed in range(8)}
    unsettled = [seed for seed, (before, _) in runs.items() if before >= 200]
    if not unsettled:
        pytest.skip(f"every process's imports already settled the allocator: {runs}")
    # One fault per read before (a fresh mapping each time); none to speak of after.
    assert all(after < 20 for _, after in runs.values()), runs

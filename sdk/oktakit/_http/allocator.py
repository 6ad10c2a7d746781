"""One step that keeps reading answers off the system-call path under glibc's malloc.

asyncio reads a socket with ``recv(256 KiB)`` (``max_size`` of its selector transports). A block
that large is above glibc's first mmap threshold (128 KiB), so every read maps fresh memory,
shrinks it to the few kilobytes received and unmaps it: three system calls and page faults per
answer. glibc raises its threshold the first time it frees a mapped block larger than the
threshold (``free()`` in malloc/malloc.c, "dynamic mmap threshold"), after which such buffers
come from the heap. Whether that happens early in a process depends on what it happened to
allocate; measured on a realistic user record at 50 in flight, reads cost about 12% more CPU
per call until it does (``benchmarks/bench.py``).

Allocating and freeing one larger block once per process makes it happen at once. It is what
any program that reads a file of half a megabyte does, it leaves a threshold the program set
itself (``M_MMAP_THRESHOLD``, ``MALLOC_MMAP_THRESHOLD_``) alone, and elsewhere (macOS, musl) it
is a harmless allocation.
"""

from __future__ import annotations

#: Larger than asyncio's read buffer plus the bytes object's header and malloc's own.
_BLOCK = 512 * 1024

_settled = False


def settle() -> None:
    """Free one mapped block, once per process (see the module's docstring)."""
    global _settled  # noqa: PLW0603 - one process-wide fact
    if not _settled:
        _settled = True
        block = bytes(_BLOCK)  # calloc: mapped, and never touched
        del block

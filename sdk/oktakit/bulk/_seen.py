"""A compact set of strings for de-duplicating streams of millions of items.

A Python ``set`` of a million ids costs over 100 MB; this keeps an 8-byte BLAKE2b digest per
string in an open-addressing table (about 16 bytes per item at worst). Two different ids
share a digest with probability about n**2 / 2**65 (3e-8 for a million), which we accept.
"""

from __future__ import annotations

from array import array
from hashlib import blake2b

_EMPTY = 0


def _digest(key: str) -> int:
    # surrogatepass: a journal may hold any JSON string, lone surrogates included.
    value = int.from_bytes(blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    return value or 1  # 0 marks an empty slot


class SeenSet:
    """``add`` returns whether the string was new."""

    __slots__ = ("_count", "_mask", "_table")

    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < capacity * 2:
            size *= 2
        self._table = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: str) -> bool:
        return self._slot(_digest(key))[1]

    def add(self, key: str) -> bool:
        digest = _digest(key)
        index, present = self._slot(digest)
        if present:
            return False
        self._table[index] = digest
        self._count += 1
        if self._count * 2 > len(self._table):
            self._grow()
        return True

    def _slot(self, digest: int) -> tuple[int, bool]:
        table, mask = self._table, self._mask
        index = digest & mask
        while True:
            value = table[index]
            if value == _EMPTY:
                return index, False
            if value == digest:
                return index, True
            index = (index + 1) & mask

    def _grow(self) -> None:
        old = self._table
        self._table = array("Q", bytes(16 * len(old)))
        self._mask = len(self._table) - 1
        for digest in old:
            if digest != _EMPTY:
                self._table[self._slot(digest)[0]] = digest

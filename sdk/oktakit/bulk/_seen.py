"""A compact set (and map) of strings for de-duplicating streams of millions of items.

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
        return self.add_digest(_digest(key))

    def add_digest(self, digest: int) -> bool:
        """``add`` of a string known only by its digest (a ``SeenMap``'s value)."""
        return self._put(digest) is not None

    def _put(self, digest: int) -> int | None:
        """The new slot of ``digest``; None when it was there already."""
        index, present = self._slot(digest)
        if present:
            return None
        self._table[index] = digest
        self._count += 1
        if self._count * 2 > len(self._table):
            self._grow()
            index = self._slot(digest)[0]
        return index

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
        for index, digest in enumerate(old):
            if digest != _EMPTY:
                slot = self._slot(digest)[0]
                self._table[slot] = digest
                self._moved(index, slot)

    def _moved(self, old: int, new: int) -> None:
        """A key moved from slot ``old`` to ``new`` while the table grew (``SeenMap`` follows)."""


class SeenMap(SeenSet):
    """Strings mapped to strings, both kept as digests: a journal's logins to their user ids.

    ``get`` returns the value's digest, for ``SeenSet.add_digest``: another 8 bytes per slot.
    """

    __slots__ = ("_new_values", "_values")

    def __init__(self, capacity: int = 1024) -> None:
        super().__init__(capacity)
        self._values = array("Q", bytes(8 * len(self._table)))
        self._new_values = array("Q")  # the grown table's values while it grows

    def put(self, key: str, value: str) -> None:
        """Map ``key`` to ``value``; a key mapped already keeps its first value."""
        index = self._put(_digest(key))
        if index is not None:
            self._values[index] = _digest(value)

    def get(self, key: str) -> int | None:
        index, present = self._slot(_digest(key))
        return self._values[index] if present else None

    def _grow(self) -> None:
        self._new_values = array("Q", bytes(16 * len(self._table)))
        super()._grow()
        self._values, self._new_values = self._new_values, array("Q")

    def _moved(self, old: int, new: int) -> None:
        self._new_values[new] = self._values[old]

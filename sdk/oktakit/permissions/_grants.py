"""Which admin-role permissions a set of granted permissions covers: the one implementation of
Okta's implication rules, shared by the preflight and the simulator.

- ``*`` grants everything; ``*.read`` grants every permission ending in ``.read``;
- ``<prefix>.manage`` grants every permission under ``<prefix>.``: ``okta.users.manage`` grants
  ``okta.users.read``, ``okta.users.lifecycle.suspend``, ``okta.users.credentials.resetFactors``
  and so on; ``okta.users.lifecycle.manage`` grants the ``okta.users.lifecycle.*`` ones;
- anything else grants only itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Grants:
    """The permissions some roles add up to, with the implication rules above."""

    __slots__ = ("everything", "exact", "prefixes", "read_all")

    def __init__(self, permissions: Iterable[str]) -> None:
        granted = frozenset(permissions)
        self.everything = "*" in granted
        self.read_all = "*.read" in granted
        self.exact = granted
        self.prefixes = tuple(p[: -len("manage")] for p in granted if p.endswith(".manage"))

    def allows(self, permission: str) -> bool:
        return (
            self.everything
            or permission in self.exact
            or (self.read_all and permission.endswith(".read"))
            or permission.startswith(self.prefixes)
        )

    def allows_all(self, permissions: Iterable[str]) -> bool:
        return all(self.allows(p) for p in permissions)

    def allows_any(self, alternatives: Sequence[Sequence[str]]) -> bool:
        """Whether every permission of at least one alternative is granted (``[[]]``: always)."""
        return any(self.allows_all(alternative) for alternative in alternatives)

    def __repr__(self) -> str:
        return f"Grants({sorted(self.exact)!r})"

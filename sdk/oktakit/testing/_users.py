"""User records and the index behind ``org.users`` (by id, login or unambiguous shortname)."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._account_state import SimAccount


@dataclass(eq=False, slots=True)
class TacEnrollment:
    id: str
    created: float
    expires_at: float
    multi_use: bool
    code: str
    # A newer TAC invalidates this one (Okta: "Issuing a new TAC invalidates any existing TAC").
    valid: bool = True


_CACHE_FIELDS = frozenset({"cache_single", "cache_list"})


@dataclass(eq=False, slots=True)
class SimUser:
    id: str
    status: str
    created: float
    last_updated: float
    profile: dict[str, Any]
    type_id: str
    activated: float | None = None
    status_changed: float | None = None
    last_login: float | None = None
    password_changed: float | None = None
    has_password: bool = False
    recovery_question: str | None = None
    #: Keys of the authenticators the user has enrolled (okta_verify, phone_number, tac...).
    factors: list[str] = field(default_factory=list)
    group_ids: list[str] = field(default_factory=list)
    tac_enrollments: list[TacEnrollment] = field(default_factory=list)
    #: Sessions, OAuth grants and refresh tokens, password secrets (``_account_state``).
    account: SimAccount = field(default_factory=SimAccount)
    transitioning_to: str | None = None
    transition_due: float | None = None
    # Serialised JSON, rebuilt lazily after any change.
    cache_single: bytes | None = None
    cache_list: bytes | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        # Assigning any field (from a handler or straight from a test) drops the cached JSON, so
        # a response never shows stale data. In-place edits of `profile` need `invalidate()`.
        object.__setattr__(self, name, value)
        if name not in _CACHE_FIELDS:
            object.__setattr__(self, "cache_single", None)
            object.__setattr__(self, "cache_list", None)

    def invalidate(self) -> None:
        self.cache_single = self.cache_list = None

    @property
    def login(self) -> str:
        return str(self.profile.get("login") or "")

    @property
    def has_factors(self) -> bool:
        return bool(self.factors)

    @property
    def active_tac(self) -> TacEnrollment | None:
        for tac in reversed(self.tac_enrollments):
            if tac.valid:
                return tac
        return None

    def touch(self, now: float) -> None:
        """Record a change: bump lastUpdated (which also drops the cached JSON)."""
        self.last_updated = now

    def set_status(self, status: str, now: float) -> None:
        self.status = status
        self.status_changed = now
        self.touch(now)


class UserDirectory(Mapping[str, SimUser]):
    """Users by id; ``directory[key]`` also accepts a login or an unambiguous shortname."""

    def __init__(self) -> None:
        self._by_id: dict[str, SimUser] = {}
        self._by_login: dict[str, SimUser] = {}  # lower-cased: Okta logins are case-insensitive
        self._by_folded: dict[str, SimUser] = {}  # and, for uniqueness, diacritic-insensitive
        self._by_short: dict[str, list[SimUser]] = {}
        self._sorted_ids: list[str] = []  # list order and the `after` cursor follow the id

    def __getitem__(self, key: str) -> SimUser:
        user = self.resolve(key)
        if user is None:
            raise KeyError(key)
        return user

    def __iter__(self) -> Iterator[str]:
        return iter(self._sorted_ids)

    def __len__(self) -> int:
        return len(self._by_id)

    def resolve(self, key: str) -> SimUser | None:
        """Okta's ``{id}`` path rule: an id, a login, or a login shortname if unambiguous."""
        user = self._by_id.get(key)
        if user is not None:
            return user
        lowered = key.lower()
        user = self._by_login.get(lowered)
        if user is not None:
            return user
        candidates = self._by_short.get(lowered)
        if candidates is not None and len(candidates) == 1:
            return candidates[0]
        return None

    def last_id(self) -> str | None:
        """The greatest user id (the order of lists and of the ``after`` cursor)."""
        return self._sorted_ids[-1] if self._sorted_ids else None

    def by_id(self, user_id: str) -> SimUser | None:
        return self._by_id.get(user_id)

    def by_login(self, login: str) -> SimUser | None:
        return self._by_login.get(login.lower())

    def login_taken_by(self, login: str) -> SimUser | None:
        """The user whose login equals ``login`` ignoring case and diacritics (Okta's uniqueness
        rule: ``Isaac.Brock`` blocks ``isáàc.bröck``)."""
        return self._by_folded.get(fold_login(login))

    def in_order(self, after: str | None = None) -> Iterator[SimUser]:
        start = 0 if after is None else bisect.bisect_right(self._sorted_ids, after)
        by_id = self._by_id
        for index in range(start, len(self._sorted_ids)):
            yield by_id[self._sorted_ids[index]]

    def add(self, user: SimUser) -> None:
        if user.id in self._by_id:
            raise ValueError(f"duplicate user id {user.id}")
        self._by_id[user.id] = user
        bisect.insort(self._sorted_ids, user.id)
        self._index_login(user, user.login)

    def remove(self, user: SimUser) -> None:
        """Forget a deleted user: by id, login and shortname."""
        if self._by_id.pop(user.id, None) is None:
            return
        del self._sorted_ids[bisect.bisect_left(self._sorted_ids, user.id)]
        self._unindex_login(user, user.login)

    def relogin(self, user: SimUser, old_login: str) -> None:
        """Keep the login indexes right after a profile change."""
        if old_login.lower() == user.login.lower():
            return
        self._unindex_login(user, old_login)
        self._index_login(user, user.login)

    def _index_login(self, user: SimUser, login: str) -> None:
        if not login:
            return
        self._by_login[login.lower()] = user
        self._by_folded[fold_login(login)] = user
        self._by_short.setdefault(_shortname(login), []).append(user)

    def _unindex_login(self, user: SimUser, login: str) -> None:
        if not login:
            return
        if self._by_login.get(login.lower()) is user:
            del self._by_login[login.lower()]
        if self._by_folded.get(fold_login(login)) is user:
            del self._by_folded[fold_login(login)]
        short = _shortname(login)
        remaining = [u for u in self._by_short.get(short, []) if u is not user]
        if remaining:
            self._by_short[short] = remaining
        else:
            self._by_short.pop(short, None)


def fold_login(login: str) -> str:
    """``login`` without case and diacritics (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", login)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _shortname(login: str) -> str:
    return login.split("@", 1)[0].lower()

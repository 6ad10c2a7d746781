"""listUsers' ``search``, ``filter`` and ``q`` parameters.

Grammar (SCIM-like, as Okta documents it)::

    expr       := term ("or" term)*
    term       := factor ("and" factor)*
    factor     := "(" expr ")" | comparison
    comparison := attribute "pr" | attribute op value
    op         := eq | sw | co | gt | ge | lt | le
    value      := "string" | number | true | false | null

Keywords are case-insensitive, attribute names are case-sensitive. String comparisons ignore
case, except on ``id``. ``ne`` and ``not`` are rejected, as Okta rejects them. ``filter`` accepts
only the documented subset: ``eq`` on status, id, profile.login/email/firstName/lastName, and
``eq|gt|ge|lt|le`` on lastUpdated. Any violation is 400 E0000031 ("Invalid search criteria.");
a malformed date literal is 400 E0000030. So is an expression nested more than
``MAX_NESTING`` parentheses deep or with more than ``MAX_COMPARISONS`` comparisons (inferred:
Okta documents no limit, but answers a query it cannot handle with a 400, never a 500).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from ._errors import SimulatedError
from ._sources import Evidence, documented
from ._state import Org
from ._users import SimUser
from ._util import parse_iso8601

Predicate = Callable[[SimUser], bool]
T = TypeVar("T")

#: Parentheses within parentheses, and comparisons, that one expression may hold.
MAX_NESTING = 32
MAX_COMPARISONS = 200

#: The evidence for which statuses each listing shows (see ``_sources``); the default listing's
#: rule is applied by ``_handlers.list_users``.
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "list_default": (documented("okta-mgmt-spec", "with no query, DEPROVISIONED users are left out"),),
    "q": (documented("okta-mgmt-spec", "q omits DEPROVISIONED users"),),
    "search_and_filter": (documented("okta-mgmt-spec", "search and filter return DEPROVISIONED users too"),),
}
Value = str | float | bool | None

_TOKEN: Final = re.compile(
    r"""\s*(?:
        (?P<lparen>\() | (?P<rparen>\)) |
        (?P<string>"(?:[^"\\]|\\.)*") |
        (?P<number>-?\d+(?:\.\d+)?(?![\w.])) |
        (?P<word>[A-Za-z_][\w.:-]*)
    )""",
    re.VERBOSE,
)
_ESCAPE: Final = re.compile(r"\\(.)")
_OPERATORS: Final = frozenset({"eq", "sw", "co", "gt", "ge", "lt", "le", "pr"})
_ORDERING: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le,
}  # fmt: skip
_DATE_ATTRS: Final = {
    "created": "created",
    "activated": "activated",
    "statusChanged": "status_changed",
    "lastLogin": "last_login",
    "lastUpdated": "last_updated",
    "passwordChanged": "password_changed",
}
_CONTAINS_ATTRS: Final = frozenset(
    {"profile.firstName", "profile.lastName", "profile.email", "profile.login"}
)
_FILTER_EQ_ATTRS: Final = frozenset(
    {"status", "id", "profile.login", "profile.email", "profile.firstName", "profile.lastName"}
)


@dataclass(frozen=True, slots=True)
class Comparison:
    attribute: str
    op: str
    value: Value


@dataclass(frozen=True, slots=True)
class Logical:
    op: str  # "and" | "or"
    left: Node
    right: Node


Node = Comparison | Logical


def _invalid() -> SimulatedError:
    return SimulatedError("E0000031")


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                if text[position:].strip():
                    raise _invalid()
                break
            kind = match.lastgroup
            if kind is None:
                break
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.position = 0
        self.depth = 0
        self.comparisons = 0

    def parse(self) -> Node:
        if not self.tokens:
            raise _invalid()
        node = self._expr()
        if self.position != len(self.tokens):
            raise _invalid()
        return node

    def _peek_keyword(self) -> str | None:
        if self.position < len(self.tokens) and self.tokens[self.position][0] == "word":
            return self.tokens[self.position][1].lower()
        return None

    def _next(self) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise _invalid()
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _expr(self) -> Node:
        node = self._term()
        while self._peek_keyword() == "or":
            self.position += 1
            node = Logical("or", node, self._term())
        return node

    def _term(self) -> Node:
        node = self._factor()
        while self._peek_keyword() == "and":
            self.position += 1
            node = Logical("and", node, self._factor())
        return node

    def _factor(self) -> Node:
        kind, text = self._next()
        if kind == "lparen":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _invalid()
            node = self._expr()
            if self._next()[0] != "rparen":
                raise _invalid()
            self.depth -= 1
            return node
        if kind != "word" or text.lower() in ("and", "or", "not"):
            raise _invalid()
        self.comparisons += 1
        if self.comparisons > MAX_COMPARISONS:
            raise _invalid()
        op_kind, op_text = self._next()
        op = op_text.lower()
        if op_kind != "word" or op not in _OPERATORS:
            raise _invalid()  # includes `ne`, which Okta does not support
        if op == "pr":
            return Comparison(text, op, None)
        return Comparison(text, op, self._value())

    def _value(self) -> Value:
        kind, text = self._next()
        found, value = literal(kind, text)
        if not found:
            raise _invalid()
        return value


def literal(kind: str, text: str) -> tuple[bool, Value]:
    """(whether it is one, the value) of a token of kind ``string``, ``number`` or ``word``:
    a quoted string (backslash escapes), a number, ``true``, ``false`` or ``null``."""
    if kind == "string":
        return True, _ESCAPE.sub(r"\1", text[1:-1])
    if kind == "number":
        return True, float(text)
    if kind == "word" and text.lower() in ("true", "false", "null"):
        return True, {"true": True, "false": False, "null": None}[text.lower()]
    return False, None


def parse(text: str) -> Node:
    return _Parser(text).parse()


def _getter(org: Org, attribute: str) -> Callable[[SimUser], Any]:
    if attribute == "id":
        return lambda user: user.id
    if attribute == "status":
        return lambda user: user.status
    if attribute == "type.id":
        return lambda user: user.type_id
    if attribute in _DATE_ATTRS:
        return operator.attrgetter(_DATE_ATTRS[attribute])
    if attribute.startswith("profile."):
        name = attribute[len("profile.") :]
        if name in org.known_attributes:
            return lambda user: user.profile.get(name)
    raise _invalid()


def _compile(org: Org, node: Node) -> Predicate:
    if isinstance(node, Logical):
        left, right = _compile(org, node.left), _compile(org, node.right)
        if node.op == "and":
            return lambda user: left(user) and right(user)
        return lambda user: left(user) or right(user)
    get = _getter(org, node.attribute)
    if node.op == "pr":
        return lambda user: get(user) not in (None, "")
    if node.attribute in _DATE_ATTRS:
        return date_predicate(get, node.op, node.value)
    return value_predicate(get, node)


def value_predicate(
    get: Callable[[T], Any], node: Comparison, contains: frozenset[str] = _CONTAINS_ATTRS
) -> Callable[[T], bool]:
    """``attribute op value`` over anything ``get`` reads (users, groups)."""
    op, target = node.op, node.value
    if op == "eq":
        if isinstance(target, str) and node.attribute != "id":
            lowered = target.lower()
            return lambda user: _lower(get(user)) == lowered
        return lambda user: get(user) == target
    if op in ("sw", "co"):
        if not isinstance(target, str) or (op == "co" and node.attribute not in contains):
            raise _invalid()  # Okta allows `co` only on the four name/email/login attributes
        needle = target.lower()
        if op == "sw":
            return lambda user: _lower(get(user)).startswith(needle)
        return lambda user: needle in _lower(get(user))
    compare = _ORDERING[op]
    if target is None:
        raise _invalid()
    return lambda user: _ordered(compare, get(user), target)


def date_predicate(get: Callable[[T], Any], op: str, target: Value) -> Callable[[T], bool]:
    if not isinstance(target, str):
        raise SimulatedError("E0000030")
    try:
        instant = parse_iso8601(target)
    except ValueError:
        raise SimulatedError("E0000030") from None
    if op == "eq":
        return lambda user: get(user) is not None and math.isclose(get(user), instant)
    if op not in _ORDERING:
        raise _invalid()
    compare = _ORDERING[op]
    return lambda user: (value := get(user)) is not None and compare(value, instant)


def _lower(value: Any) -> str:
    return value.lower() if isinstance(value, str) else ""


def _ordered(compare: Callable[[Any, Any], bool], value: Any, target: Value) -> bool:
    if value is None or isinstance(value, bool) or isinstance(target, bool):
        return False
    if isinstance(value, str) and isinstance(target, str):
        return compare(value, target)  # e.g. `status lt "STAGED"`, Okta's documented `ne`
    if isinstance(value, int | float) and isinstance(target, float):
        return compare(float(value), target)
    return False


def _check_filter(node: Node) -> None:
    if isinstance(node, Logical):
        _check_filter(node.left)
        _check_filter(node.right)
        return
    if node.attribute == "lastUpdated" and node.op in ("eq", "gt", "ge", "lt", "le"):
        return
    if node.attribute in _FILTER_EQ_ATTRS and node.op == "eq":
        return
    raise _invalid()


def compile_search(org: Org, text: str) -> Predicate:
    return _compile(org, parse(text))


def compile_filter(org: Org, text: str) -> Predicate:
    node = parse(text)
    _check_filter(node)
    return _compile(org, node)


def q_predicate(text: str) -> Predicate:
    """``q``: starts-with on firstName, lastName or email; never DEPROVISIONED users."""
    needle = text.lower()

    def matches(user: SimUser) -> bool:
        if user.status == "DEPROVISIONED":
            return False
        profile = user.profile
        return any(
            _lower(profile.get(name)).startswith(needle) for name in ("firstName", "lastName", "email")
        )

    return matches


def sort_key(org: Org, attribute: str) -> Callable[[SimUser], tuple[bool, Any]]:
    """Key for ``sortBy``: users lacking the attribute (absent, null or "", as for ``pr``) sort last.

    Strings sort case-insensitively, numbers (an integer or number attribute) as numbers.
    """
    get = _getter(org, attribute)
    if attribute in _DATE_ATTRS:
        return lambda user: (get(user) is None, get(user) or 0.0)

    def key(user: SimUser) -> tuple[bool, tuple[float, str]]:
        value = get(user)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return False, (float(value), "")
        return value in (None, ""), (0.0, _lower(value) or str(value))

    return key

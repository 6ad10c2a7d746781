"""listGroups' ``search``, ``filter`` and ``q`` over the org's groups.

The expression grammar is listUsers' (``_query``). ``filter`` takes only what Okta documents for
groups: ``id`` and ``type`` with ``eq``, ``lastUpdated`` and ``lastMembershipUpdated`` with
``eq|gt|ge|lt|le``; ``search`` any group property but ``_embedded``, ``_links`` and
``objectClass``; ``q`` is a case-insensitive prefix of the name. Anything else is 400 E0000031,
a malformed date 400 E0000030, and more than one of the three 400 E0000033.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Final

from ._errors import SimulatedError
from ._query import Logical, Node, date_predicate, parse, value_predicate
from ._state import SimGroup

GroupPredicate = Callable[[SimGroup], bool]

_DATES: Final[dict[str, Callable[[SimGroup], Any]]] = {
    "created": operator.attrgetter("created"),
    "lastUpdated": operator.attrgetter("last_updated"),
    "lastMembershipUpdated": operator.attrgetter("last_membership_updated"),
}
_VALUES: Final[dict[str, Callable[[SimGroup], Any]]] = {
    "id": operator.attrgetter("id"),
    "type": operator.attrgetter("type"),
    "profile.name": operator.attrgetter("name"),
    "profile.description": operator.attrgetter("description"),
}
_FILTER_EQ: Final = frozenset({"id", "type"})
_FILTER_DATES: Final = frozenset({"lastUpdated", "lastMembershipUpdated"})
_CONTAINS: Final = frozenset({"profile.name", "profile.description"})


def _invalid() -> SimulatedError:
    return SimulatedError("E0000031")


def _compile(node: Node) -> GroupPredicate:
    if isinstance(node, Logical):
        left, right = _compile(node.left), _compile(node.right)
        if node.op == "and":
            return lambda group: left(group) and right(group)
        return lambda group: left(group) or right(group)
    if node.attribute in _DATES:
        get = _DATES[node.attribute]
        if node.op == "pr":
            return lambda group: True
        return date_predicate(get, node.op, node.value)
    if node.attribute not in _VALUES:
        raise _invalid()
    get = _VALUES[node.attribute]
    if node.op == "pr":
        return lambda group: get(group) not in (None, "")
    return value_predicate(get, node, _CONTAINS)


def _check_filter(node: Node) -> None:
    if isinstance(node, Logical):
        _check_filter(node.left)
        _check_filter(node.right)
        return
    if node.attribute in _FILTER_EQ and node.op == "eq":
        return
    if node.attribute in _FILTER_DATES and node.op in ("eq", "gt", "ge", "lt", "le"):
        return
    raise _invalid()


def group_predicate(search: str | None, filter_: str | None, q: str | None) -> GroupPredicate:
    if sum(value is not None for value in (search, filter_, q)) > 1:
        raise SimulatedError("E0000033")
    if search is not None:
        return _compile(parse(search))
    if filter_ is not None:
        node = parse(filter_)
        _check_filter(node)
        return _compile(node)
    if q is not None:
        needle = q.lower()
        return lambda group: group.name.lower().startswith(needle)
    return lambda group: True


def group_sort_key(attribute: str) -> Callable[[SimGroup], tuple[bool, Any]]:
    """``sortBy`` of a search: groups without the value last; strings without case; ties by id."""
    if attribute in _DATES:
        get = _DATES[attribute]
        return lambda group: (False, (get(group), group.id))
    if attribute not in _VALUES:
        raise _invalid()
    value = _VALUES[attribute]

    def key(group: SimGroup) -> tuple[bool, Any]:
        found = value(group)
        return found in (None, ""), ((found or "").lower(), group.id)

    return key

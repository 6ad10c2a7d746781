"""The System Log's ``filter`` and ``q``, with Okta's answers to bad ones.

``filter`` is a SCIM expression over the event's attributes (Okta's names, dotted)::

    expr       := term ("or" term)*
    term       := factor ("and" factor)*
    factor     := "not" factor | "(" expr ")" | attribute "pr" | attribute op value
    op         := eq | ne | sw | co | ew | gt | ge | lt | le
    value      := "string" | number | true | false | null

Keywords and operators are case-insensitive, attributes case-sensitive. An attribute of a list
(``target.id``) matches when any element does, so ``target.id eq "A" and target.id eq "B"``
finds the events that target both. String comparisons ignore case except on ids (``*.id``,
``uuid``, ``transaction.detail.requestApiTokenId``). Okta's answers (System Log query guide):
an unknown operator or a malformed expression 400 E0000053 ``Invalid filter '...': ...``, an
unknown attribute 400 E0000053 ``field is not valid: ...``, ``co`` on the debug URL attributes
400 E0000031; ``published`` cannot be filtered (it would fight ``since``/``until``).

``q``: every keyword (whitespace-separated, at most 10, each at most 40 characters) must equal,
ignoring case, some value of the event or a word of one (``LogRecord.words``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any, Final, NoReturn

from ._errors import SimulatedError
from ._query import literal
from ._syslog import LogRecord, Predicate

#: The attributes a filter may name: Okta's LogEvent fields (okta_spec/openapi.yaml, LogEvent).
FIELDS: Final = frozenset(
    {
        "uuid", "eventType", "version", "severity", "legacyEventType", "displayMessage",
        "actor.id", "actor.type", "actor.alternateId", "actor.displayName",
        "client.id", "client.ipAddress", "client.device", "client.zone",
        "client.userAgent.rawUserAgent", "client.userAgent.os", "client.userAgent.browser",
        "client.geographicalContext.city", "client.geographicalContext.state",
        "client.geographicalContext.country", "client.geographicalContext.postalCode",
        "client.geographicalContext.geolocation.lat", "client.geographicalContext.geolocation.lon",
        "outcome.result", "outcome.reason",
        "target.id", "target.type", "target.alternateId", "target.displayName",
        "transaction.id", "transaction.type",
        "authenticationContext.authenticationProvider", "authenticationContext.credentialProvider",
        "authenticationContext.credentialType", "authenticationContext.interface",
        "authenticationContext.authenticationStep", "authenticationContext.externalSessionId",
        "authenticationContext.issuer.id", "authenticationContext.issuer.type",
        "securityContext.asNumber", "securityContext.asOrg", "securityContext.isp",
        "securityContext.domain", "securityContext.isProxy",
        "request.ipChain.ip", "request.ipChain.version", "request.ipChain.source",
    }
)  # fmt: skip
#: Free-form maps: any key below them may be named.
FREE_MAPS: Final = (
    "debugContext.debugData.", "transaction.detail.", "actor.detailEntry.", "target.detailEntry.",
)  # fmt: skip
#: Okta refuses `co` on these (400 E0000031).
NO_CONTAINS: Final = frozenset({"debugContext.debugData.url", "debugContext.debugData.requestUri"})
#: What Okta's error lists as the operators it knows (its own wording).
OKTA_OPERATORS_TEXT: Final = "eq,co,sw,pr,gt,ge,lt,le"
OPERATORS: Final = frozenset({"eq", "ne", "sw", "co", "ew", "gt", "ge", "lt", "le", "pr"})
MAX_NESTING: Final = 32
MAX_COMPARISONS: Final = 200
MAX_KEYWORDS: Final = 10
MAX_KEYWORD: Final = 40

_TOKEN: Final = re.compile(
    r"""\s*(?:(?P<lparen>\()|(?P<rparen>\))|(?P<string>"(?:[^"\\]|\\.)*")|"""
    r"""(?P<number>-?\d+(?:\.\d+)?(?![\w.]))|(?P<word>[A-Za-z_][\w.]*))"""
)
_ORDER: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le,
}  # fmt: skip


def _is_id(attribute: str) -> bool:
    last = attribute.rsplit(".", 1)[-1]
    return last in ("id", "uuid") or last.endswith("Id")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        position = 0
        while position < len(text):
            found = _TOKEN.match(text, position)
            if found is None or found.lastgroup is None:
                if text[position:].strip():
                    self.fail(f"Unexpected character at position {position}")
                break
            kind = found.lastgroup
            self.tokens.append((kind, found.group(kind), found.start(kind)))
            position = found.end()
        self.index = self.depth = self.comparisons = 0

    def fail(self, why: str) -> NoReturn:
        raise SimulatedError("E0000053", summary=f"Invalid filter '{self.text}': {why}")

    def parse(self) -> Predicate:
        if not self.tokens:
            self.fail("Empty filter")
        predicate = self.expression()
        if self.index < len(self.tokens):
            self.fail(
                f"Unexpected token '{self.tokens[self.index][1]}' at position {self.tokens[self.index][2]}"
            )
        return predicate

    def peek_word(self) -> str | None:
        if self.index < len(self.tokens) and self.tokens[self.index][0] == "word":
            return self.tokens[self.index][1].lower()
        return None

    def take(self) -> tuple[str, str, int]:
        if self.index >= len(self.tokens):
            self.fail("Unexpected end of filter")
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expression(self) -> Predicate:
        alternatives = [self.term()]
        while self.peek_word() == "or":
            self.index += 1
            alternatives.append(self.term())
        return alternatives[0] if len(alternatives) == 1 else lambda r: any(p(r) for p in alternatives)

    def term(self) -> Predicate:
        parts = [self.factor()]
        while self.peek_word() == "and":
            self.index += 1
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else lambda r: all(p(r) for p in parts)

    def factor(self) -> Predicate:
        kind, text, position = self.take()
        if kind == "lparen":
            self.depth += 1
            if self.depth > MAX_NESTING:
                self.fail("Too deeply nested")
            inner = self.expression()
            if self.take()[0] != "rparen":
                self.fail(f"Missing ')' for the '(' at position {position}")
            self.depth -= 1
            return inner
        if kind == "word" and text.lower() == "not":
            negated = self.factor()
            return lambda r: not negated(r)
        if kind != "word" or text.lower() in ("and", "or"):
            self.fail(f"Expected an attribute at position {position}")
        return self.comparison(text)

    def comparison(self, attribute: str) -> Predicate:
        self.comparisons += 1
        if self.comparisons > MAX_COMPARISONS:
            self.fail("Too many comparisons")
        kind, text, position = self.take()
        op = text.lower()
        if kind != "word" or op not in OPERATORS:
            self.fail(
                f"Unrecognized attribute operator '{text}' at position {position}. "
                f"Expected: {OKTA_OPERATORS_TEXT}"
            )
        _check_attribute(attribute, op)
        values = _getter(attribute)
        if op == "pr":
            return lambda r: any(v not in (None, "") for v in values(r.event))
        return _compare(attribute, op, self.value(), values)

    def value(self) -> Any:
        kind, text, position = self.take()
        found, value = literal(kind, text)
        if not found:
            self.fail(f"Expected a value at position {position}")
        return value


def _check_attribute(attribute: str, op: str) -> None:
    if attribute == "published":
        raise SimulatedError(
            "E0000053",
            summary="Invalid filter: published cannot be filtered, use the since and until parameters",
        )
    if attribute not in FIELDS and not (attribute.startswith(FREE_MAPS) and not attribute.endswith(".")):
        raise SimulatedError("E0000053", summary=f"field is not valid: {attribute}")
    if op == "co" and attribute in NO_CONTAINS:
        raise SimulatedError(
            "E0000031",
            summary=(
                "The supplied combination of operator and field is not currently supported. "
                f"Operator: co, Field: {attribute}"
            ),
        )


def _getter(attribute: str) -> Callable[[dict[str, Any]], list[Any]]:
    """The values of a dotted attribute: a list crossed on the way (targets, the IP chain)
    gives one value per element."""
    steps = attribute.split(".")

    def values(event: dict[str, Any]) -> list[Any]:
        current: list[Any] = [event]
        for step in steps:
            following: list[Any] = []
            for node in current:
                value = node.get(step) if isinstance(node, dict) else None
                if isinstance(value, list):
                    following.extend(value)
                elif value is not None:
                    following.append(value)
            current = following
        return current

    return values


def _compare(
    attribute: str, op: str, target: Any, values: Callable[[dict[str, Any]], list[Any]]
) -> Predicate:
    fold = isinstance(target, str) and not _is_id(attribute)
    wanted = target.lower() if fold else target

    def norm(value: Any) -> Any:
        if isinstance(target, float) and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return value.lower() if fold and isinstance(value, str) else value

    if op in ("eq", "ne"):
        equal: Predicate = lambda r: any(norm(v) == wanted for v in values(r.event))  # noqa: E731
        return equal if op == "eq" else (lambda r: not equal(r))
    if op in ("sw", "co", "ew"):
        if not isinstance(wanted, str):
            raise SimulatedError("E0000053", summary=f"Invalid filter: {op} needs a string, for {attribute}")
        test: Callable[[str], bool] = {
            "sw": lambda s: s.startswith(wanted),
            "co": lambda s: wanted in s,
            "ew": lambda s: s.endswith(wanted),
        }[op]
        return lambda r: any(isinstance(v, str) and test(norm(v)) for v in values(r.event))
    compare = _ORDER[op]
    if wanted is None or isinstance(wanted, bool):
        raise SimulatedError("E0000053", summary=f"Invalid filter: {op} needs a string or a number")
    return lambda r: any(_comparable(norm(v), wanted) and compare(norm(v), wanted) for v in values(r.event))


def _comparable(value: Any, target: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, str) == isinstance(target, str) and value is not None


def compile_filter(text: str) -> Predicate:
    return _Parser(text).parse()


def keywords(text: str) -> Predicate:
    """``q``: every keyword must be one of the event's words (case-insensitive)."""
    words = text.lower().split()
    if any(len(word) > MAX_KEYWORD for word in words):
        raise SimulatedError(
            "E0000001",
            "'q': Freeform search cannot contain items longer than 40 characters. Please shorten "
            "the items in your search or use an advanced filter to query by specific fields.",
        )
    if len(words) > MAX_KEYWORDS:
        raise SimulatedError(
            "E0000001", f"'q': Freeform search cannot contain more than {MAX_KEYWORDS} items."
        )
    wanted = frozenset(words)
    return lambda record: wanted <= record.words


def combine(*predicates: Predicate | None) -> Predicate:
    chosen = [p for p in predicates if p is not None]
    if not chosen:
        return _always
    if len(chosen) == 1:
        return chosen[0]
    return lambda record: all(p(record) for p in chosen)


def _always(record: LogRecord) -> bool:
    return True

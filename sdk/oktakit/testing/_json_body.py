"""Reading a request's JSON body as Okta's Java stack does: bounded nesting, whatever the Python.

CPython's own limit is not a rule to lean on: 3.11 and 3.12 refuse a few thousand levels with a
RecursionError, 3.13 parses them. Okta reads bodies with Jackson, whose ``StreamReadConstraints``
refuse more than 1,000 levels of nesting by default (Jackson 2.15+ documentation; that Okta keeps
the default is inferred), so the simulator applies that limit itself.
"""

from __future__ import annotations

import json
from typing import Any, Final

MAX_JSON_DEPTH: Final = 1_000


class UnreadableBody(ValueError):
    """Not JSON, or nested deeper than MAX_JSON_DEPTH."""


def parse_json_body(raw: bytes) -> Any:
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # undecodable bytes, an empty body, absurd nesting
        raise UnreadableBody from None
    if _depth_exceeds(body, MAX_JSON_DEPTH):
        raise UnreadableBody
    return body


def _depth_exceeds(value: Any, limit: int) -> bool:
    # Iterative, so a deep document cannot exhaust the stack while being measured.
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False

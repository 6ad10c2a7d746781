"""The simulator refuses bodies nested past Jackson's default limit (1,000 levels) on every Python,
not only where CPython's own recursion limit happens to trip (3.13 parses 5,000 levels)."""

from __future__ import annotations

import pytest

from oktakit.testing._json_body import UnreadableBody, parse_json_body


def arrays(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_a_body_nested_one_level_past_one_thousand_is_unreadable() -> None:
    with pytest.raises(UnreadableBody):
        parse_json_body(b'{"profile":' + arrays(1_000) + b"}")  # 1 + 1,000 levels


def test_a_moderately_nested_body_is_read() -> None:
    body = parse_json_body(b'{"profile":{"a":' + arrays(50) + b"}}")
    assert isinstance(body, dict)


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"{", arrays(100_000)])
def test_unparseable_bodies_are_unreadable(raw: bytes) -> None:
    with pytest.raises(UnreadableBody):
        parse_json_body(raw)

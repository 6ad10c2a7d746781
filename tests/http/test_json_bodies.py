"""Response bodies to JSON: orjson (or UTF-8 text through json's scanner) on the fast path, and
whatever else ``json`` itself reads from bytes (a BOM, UTF-16, lone surrogates, NaN) read as
json reads it; nothing else. Every test runs with orjson and without it (PyPy, no wheel)."""

from __future__ import annotations

import pytest

from oktakit._http import exchange
from oktakit._http.exchange import json_or_none


@pytest.fixture(autouse=True, params=["orjson", "json alone"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json alone":
        monkeypatch.setattr(exchange, "_orjson_loads", None)
    else:
        assert exchange._orjson_loads is not None, "orjson is a dependency on CPython"
    return str(request.param)


@pytest.mark.parametrize(
    "body",
    [
        b'{"login": "j\xc3\xa9r\xc3\xb4me@example.com"}',
        b'\xef\xbb\xbf{"login": "j\xc3\xa9r\xc3\xb4me@example.com"}',  # UTF-8 with a BOM
        '{"login": "jérôme@example.com"}'.encode("utf-16"),
        '{"login": "jérôme@example.com"}'.encode("utf-32-le"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "utf-32-le"],
)
def test_a_json_body_in_any_encoding_json_reads_is_read(body: bytes) -> None:
    assert {"login": "jérôme@example.com"} == json_or_none(body)


def test_an_encoded_lone_surrogate_is_kept_as_json_reads_it() -> None:
    assert {"a": "\ud800"} == json_or_none(b'{"a": "\xed\xa0\x80"}')


@pytest.mark.parametrize("body", [b"", b"<html>", b'{"a": 1', b"\xff\xfe\x00", b"[" * 100_000])
def test_what_is_not_json_is_none(body: bytes) -> None:
    assert json_or_none(body) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [(b' {"a": 1}\n', {"a": 1}), (b"\t[1, 2]\r\n", [1, 2]), (b"null", None), (b'"x"', "x"), (b"12", 12)],
)
def test_a_json_document_with_whitespace_around_it_is_read(body: bytes, expected: object) -> None:
    assert expected == json_or_none(body)


@pytest.mark.parametrize("body", [b'{"a": 1} {"b": 2}', b'{"a": 1}x', b"1 2", b'{"a": 1}\x00'])
def test_a_json_document_followed_by_anything_but_whitespace_is_not_json(body: bytes) -> None:
    assert json_or_none(body) is None


def test_what_orjson_refuses_and_json_reads_is_read_as_json_reads_it() -> None:
    # NaN and Infinity are not JSON (RFC 8259), but json reads them and so did every release.
    values = json_or_none(b'{"a": NaN, "b": Infinity, "c": "\\ud800"}')
    assert values["a"] != values["a"]  # NaN
    assert values["b"] == float("inf")
    assert values["c"] == "\ud800"


def test_a_realistic_user_record_reads_alike_with_and_without_orjson(parser: str) -> None:
    body = (
        b'{"id":"00u1","status":"ACTIVE","profile":{"login":"j\xc3\xa9r\xc3\xb4me@example.com",'
        b'"employeeNumber":12,"score":0.5,"manager":null,"tags":["a","b"],"remote":true}}'
    )
    assert json_or_none(body) == {
        "id": "00u1",
        "status": "ACTIVE",
        "profile": {
            "login": "jérôme@example.com",
            "employeeNumber": 12,
            "score": 0.5,
            "manager": None,
            "tags": ["a", "b"],
            "remote": True,
        },
    }


def test_an_integer_beyond_64_bits_is_a_float_with_orjson_and_an_int_with_json_alone(parser: str) -> None:
    # The one difference orjson makes (CHANGELOG); it also shows which parser read the body.
    value = json_or_none(b'{"n": 123456789012345678901234567890}')
    expected = 123456789012345678901234567890
    assert value == {"n": float(expected) if parser == "orjson" else expected}
    assert type(value["n"]) is (float if parser == "orjson" else int)

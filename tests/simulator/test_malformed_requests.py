"""Requests Okta cannot read get Okta's 400s from the simulator, never a 500: absurdly nested JSON
bodies and search expressions, token requests whose form cannot be parsed. Expected codes and
wording come from Okta's catalogues (``tests.okta_catalogue``)."""

from __future__ import annotations

import aiohttp
import pytest

from oktakit.testing import OktaSimulator
from tests.okta_catalogue import assert_api_error, assert_oauth_error
from tests.simulator.conftest import user_with

JSON = {"Content-Type": "application/json"}


def nested(depth: int, leaf: bytes = b"1") -> bytes:
    return b'{"a":' * depth + leaf + b"}" * depth


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"profile":' + nested(5_000) + b"}",
        b'{"profile":{"nickName":' + nested(5_000) + b"}}",
        b'{"profile":{"nickName":"x"},"credentials":' + nested(100_000) + b"}",
    ],
    ids=["nested-arrays", "nested-profile", "nested-attribute", "nested-credentials"],
)
@pytest.mark.parametrize("method", ["POST", "PUT"])
async def test_an_absurdly_nested_body_is_400_e0000003(
    body: bytes, method: str, sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    uid = user_with(sim, "ACTIVE").id
    async with client.request(method, f"/api/v1/users/{uid}", data=body, headers=JSON) as answer:
        assert_api_error(answer.status, await answer.json(), "E0000003")


@pytest.mark.parametrize(
    "query",
    [
        {"search": "(" * 1_500 + 'id eq "a"' + ")" * 1_500},
        {"filter": "(" * 1_500 + 'id eq "a"' + ")" * 1_500},
        {"search": " and ".join(['id eq "a"'] * 250)},  # within the request line's 8 KiB
        {"filter": " or ".join(['id eq "a"'] * 250)},
        {"search": "(" * 1_500},
    ],
    ids=["nested-search", "nested-filter", "long-search", "long-filter", "unclosed"],
)
async def test_an_absurdly_nested_or_long_search_is_400_e0000031(
    query: dict[str, str], client: aiohttp.ClientSession
) -> None:
    async with client.get("/api/v1/users", params=query) as answer:
        assert_api_error(answer.status, await answer.json(), "E0000031")


async def test_a_reasonably_nested_search_still_works(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    query = "(" * 20 + 'status eq "ACTIVE"' + ")" * 20
    async with client.get("/api/v1/users", params={"search": query}) as answer:
        assert 200 == answer.status
        assert {"ACTIVE"} == {user["status"] for user in await answer.json()}


BOUNDARY = "multipart/form-data; boundary=xyz"
PART = b'--xyz\r\nContent-Disposition: form-data; name="grant_type"\r\n'


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (BOUNDARY, b"--xyz\r\nbroken"),
        ("multipart/form-data", b"no boundary given"),
        (BOUNDARY, PART + b"Content-Transfer-Encoding: rot13\r\n\r\nx\r\n--xyz--\r\n"),
        (BOUNDARY, PART + b"Content-Type: text/plain; charset=klingon\r\n\r\nx\r\n--xyz--\r\n"),
        (BOUNDARY, PART + b"\r\n\xff\xfe\r\n--xyz--\r\n"),
        (BOUNDARY, b"--xyz\r\n" + b"X" * 100_000 + b"\r\n\r\nx\r\n--xyz--\r\n"),
        ("application/x-www-form-urlencoded", b"grant_type=\xff\xfe"),
        ("application/x-www-form-urlencoded; charset=klingon", b"grant_type=client_credentials"),
    ],
    ids=[
        "truncated",
        "no-boundary",
        "unknown-transfer-encoding",
        "unknown-charset",
        "not-utf8",
        "huge-part-header",
        "form-not-utf8",
        "form-unknown-charset",
    ],
)
async def test_a_token_request_whose_form_cannot_be_read_is_400_invalid_request(
    content_type: str, body: bytes, sim: OktaSimulator
) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{sim.url}/oauth2/v1/token", data=body, headers={"Content-Type": content_type}
        ) as answer,
    ):
        assert_oauth_error(answer.status, await answer.json(), "invalid_request")

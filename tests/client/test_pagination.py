"""Following Okta's ``Link`` headers from page to page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from multidict import CIMultiDict
from yarl import URL

from oktakit import HttpRequest, MalformedResponseError, OktaClient, ServerError
from oktakit._http.pagination import next_link
from tests._fake_okta import FakeOkta
from tests.client._support import AUTHENTICATOR, AUTHORIZATION, OKTA_ERROR, ROLE_ASSIGNMENT, user_json
from tests.conftest import ORG

FIRST = f"{ORG}/api/v1/users?limit=2"
SECOND = f"{ORG}/api/v1/users?after=00u2&limit=2"
THIRD = f"{ORG}/api/v1/users?after=00u4&limit=2"


def links(self_url: str, next_url: str | None = None) -> CIMultiDict[str]:
    """Okta's way: ``self`` and ``next`` as two separate ``Link`` headers."""
    headers = CIMultiDict([("Link", f'<{self_url}>; rel="self"')])
    if next_url is not None:
        headers.add("Link", f'<{next_url}>; rel="next"')
    return headers


def users(*ids: str) -> list[dict[str, object]]:
    return [user_json(i) for i in ids]


async def collect_ids(iterator: AsyncIterator[Any], *, into: list[str]) -> None:
    """Append each item's id as it is yielded (so items before a failure are kept)."""
    async for item in iterator:
        into.append(item.id)


def urls(wire: list[HttpRequest]) -> list[str]:
    return [str(s.url) for s in wire]


async def test_three_pages_with_separate_link_headers_yield_every_item_in_order(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1", "00u2"), headers=links(FIRST, SECOND))
    mocked.get(SECOND, payload=users("00u3", "00u4"), headers=links(SECOND, THIRD))
    mocked.get(THIRD, payload=users("00u5"), headers=links(THIRD))

    ids = [u.id async for u in okta.list_users(limit=2)]

    assert ["00u1", "00u2", "00u3", "00u4", "00u5"] == ids
    assert [FIRST, SECOND, THIRD] == urls(wire)
    assert [AUTHORIZATION] * 3 == [s.headers["Authorization"] for s in wire]
    assert ["GET"] * 3 == [s.method for s in wire]


async def test_the_next_link_is_followed_verbatim_without_adding_the_first_query_again(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    first = f"{ORG}/api/v1/users?search=status+eq+%22ACTIVE%22&limit=2"
    cursor = f"{ORG}/api/v1/users?after=00u2&limit=2&search=status+eq+%22ACTIVE%22"
    mocked.get(first, payload=users("00u1", "00u2"), headers=links(first, cursor))
    mocked.get(cursor, payload=users("00u3"), headers=links(cursor))

    ids = [u.id async for u in okta.list_users(search='status eq "ACTIVE"', limit=2)]

    assert ["00u1", "00u2", "00u3"] == ids
    assert [first, cursor] == urls(wire)


async def test_a_single_header_with_comma_joined_links_is_followed(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(
        FIRST,
        payload=users("00u1", "00u2"),
        headers={"Link": f'<{FIRST}>; rel="self", <{SECOND}>; rel="next"'},
    )
    mocked.get(SECOND, payload=users("00u3"), headers={"Link": f'<{SECOND}>; rel="self"'})

    ids = [u.id async for u in okta.list_users(limit=2)]

    assert ["00u1", "00u2", "00u3"] == ids
    assert [FIRST, SECOND] == urls(wire)


async def test_iteration_stops_when_there_is_no_link_header_at_all(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(
        f"{ORG}/api/v1/authenticators",
        payload=[{**AUTHENTICATOR, "id": "aut1"}, {**AUTHENTICATOR, "id": "aut2"}],
    )

    ids = [a.id async for a in okta.list_authenticators()]

    assert ["aut1", "aut2"] == ids
    assert 1 == len(wire)


async def test_an_empty_first_page_yields_nothing(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(FIRST, payload=[], headers=links(FIRST))

    assert [] == [u async for u in okta.list_users(limit=2)]


async def test_other_list_operations_follow_links_too(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    first = f"{ORG}/oauth2/v1/clients/0oa1/roles"
    second = f"{ORG}/oauth2/v1/clients/0oa1/roles?after=irb1"
    mocked.get(
        first,
        payload=[{**ROLE_ASSIGNMENT, "id": "irb1", "type": "SUPER_ADMIN"}],
        headers=links(first, second),
    )
    mocked.get(second, payload=[{**ROLE_ASSIGNMENT, "id": "irb2", "type": "CUSTOM"}], headers=links(second))

    roles = [(r.id, r.type) async for r in okta.list_roles_for_client("0oa1")]

    assert [("irb1", "SUPER_ADMIN"), ("irb2", "CUSTOM")] == roles
    assert [first, second] == urls(wire)


async def test_a_path_only_next_link_is_resolved_against_the_org(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(
        FIRST, payload=users("00u1"), headers={"Link": '</api/v1/users?after=00u1&limit=2>; rel="next"'}
    )
    mocked.get(f"{ORG}/api/v1/users?after=00u1&limit=2", payload=users("00u2"))

    ids = [u.id async for u in okta.list_users(limit=2)]

    assert ["00u1", "00u2"] == ids
    assert [FIRST, f"{ORG}/api/v1/users?after=00u1&limit=2"] == urls(wire)


async def test_the_first_page_is_yielded_before_the_second_is_requested(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1"), headers=links(FIRST, SECOND))
    mocked.get(SECOND, payload=users("00u2"))

    iterator = okta.list_users(limit=2)
    first = await anext(iterator)

    assert ("00u1", 1) == (first.id, len(wire))
    assert "00u2" == (await anext(iterator)).id


async def test_an_error_on_a_later_page_raises_after_the_earlier_items(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(FIRST, payload=users("00u1", "00u2"), headers=links(FIRST, SECOND))
    mocked.get(SECOND, status=500, payload={**OKTA_ERROR, "errorCode": "E0000009"})
    seen: list[str] = []

    with pytest.raises(ServerError) as caught:
        await collect_ids(okta.list_users(limit=2), into=seen)

    assert ["00u1", "00u2"] == seen
    assert ("GET", SECOND, "E0000009") == (caught.value.method, caught.value.url, caught.value.error_code)


@pytest.mark.parametrize(
    "foreign",
    [
        "https://evil.example/api/v1/users?after=00u2",
        "https://acme.okta.com.evil.example/api/v1/users?after=00u2",
        "http://acme.okta.com/api/v1/users?after=00u2",
        "https://acme.okta.com:8443/api/v1/users?after=00u2",
        "https://other.okta.com/api/v1/users?after=00u2",
    ],
)
async def test_a_next_link_to_another_origin_is_refused_without_sending_the_token_there(
    foreign: str, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1"), headers=links(FIRST, foreign))
    mocked.get(foreign, payload=users("00u666"))
    seen: list[str] = []

    with pytest.raises(MalformedResponseError) as caught:
        await collect_ids(okta.list_users(limit=2), into=seen)

    assert ["00u1"] == seen
    assert [FIRST] == urls(wire)
    assert [URL(FIRST).origin()] == [request.url.origin() for request in mocked.requests]
    assert "another origin" in str(caught.value)


@pytest.mark.parametrize(
    "odd",
    [
        "https://attacker@acme.okta.com/api/v1/users?after=00u2",
        "https://user:pw@acme.okta.com/api/v1/users?after=00u2",
        "api/v1/users?after=00u2",
        "mailto:admin@acme.okta.com",
        "https://[::1/api/v1/users",
    ],
)
async def test_a_next_link_with_credentials_relative_or_unparsable_is_refused_as_malformed(
    odd: str, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1"), headers=links(FIRST, odd))

    with pytest.raises(MalformedResponseError) as caught:
        _ = [u async for u in okta.list_users(limit=2)]

    assert [FIRST] == urls(wire)
    assert "attacker" not in str(caught.value)
    assert ":pw@" not in str(caught.value)


async def test_a_next_link_that_repeats_raises_instead_of_looping(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1"), headers=links(FIRST, SECOND))
    # Served a bounded number of times: a client that loops fails with a connection error.
    mocked.get(SECOND, payload=users("00u2"), headers=links(SECOND, SECOND), repeat=5)
    seen: list[str] = []

    with pytest.raises(MalformedResponseError) as caught:
        await collect_ids(okta.list_users(limit=2), into=seen)

    assert ["00u1", "00u2"] == seen
    assert [FIRST, SECOND] == urls(wire)
    assert "repeats" in str(caught.value)


async def test_a_next_link_back_to_the_first_page_raises_without_yielding_it_again(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(FIRST, payload=users("00u1"), headers=links(FIRST, SECOND), repeat=5)
    mocked.get(SECOND, payload=users("00u2"), headers=links(SECOND, FIRST), repeat=5)
    seen: list[str] = []

    with pytest.raises(MalformedResponseError):
        await collect_ids(okta.list_users(limit=2), into=seen)

    assert ["00u1", "00u2"] == seen
    assert [FIRST, SECOND] == urls(wire)


# -- next_link ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param([f'<{FIRST}>; rel="self"', f'<{SECOND}>; rel="next"'], SECOND, id="separate-headers"),
        pytest.param([f'<{SECOND}>; rel="next"', f'<{FIRST}>; rel="self"'], SECOND, id="next-first"),
        pytest.param([f'<{FIRST}>; rel="self", <{SECOND}>; rel="next"'], SECOND, id="comma-joined"),
        pytest.param([f'<{FIRST}>; rel="self",<{SECOND}>; rel="next"'], SECOND, id="comma-joined-no-space"),
        pytest.param([f"<{SECOND}>; rel=next"], SECOND, id="unquoted-rel"),
        pytest.param([f'<{SECOND}>; REL="NEXT"'], SECOND, id="case-insensitive"),
        pytest.param([f'<{SECOND}>; rel="last next"'], SECOND, id="several-relations"),
        pytest.param([f'<{SECOND}>;rel="next"'], SECOND, id="no-space"),
        pytest.param([f'  < {SECOND} > ;  rel = "next" '], SECOND, id="extra-whitespace"),
        pytest.param([f'<{SECOND}>; type="application/json"; rel="next"'], SECOND, id="other-parameters"),
        pytest.param(
            ['<https://acme.okta.com/api/v1/users?filter=a,b&after=x>; rel="next"'],
            "https://acme.okta.com/api/v1/users?filter=a,b&after=x",
            id="comma-inside-url",
        ),
        pytest.param(
            ['<https://a.test/1,2>; rel="self", <https://a.test/3,4>; rel="next"'],
            "https://a.test/3,4",
            id="commas-inside-both-urls",
        ),
        pytest.param([f'<{FIRST}>; rel="self"'], None, id="only-self"),
        pytest.param([f'<{FIRST}>; rel="prev"'], None, id="only-prev"),
        pytest.param([f'<{FIRST}>; rel="nextpage"'], None, id="rel-merely-contains-next"),
        pytest.param([f'<{FIRST}>; title="next"'], None, id="next-in-another-parameter"),
        pytest.param([], None, id="no-headers"),
        pytest.param([""], None, id="empty-header"),
        pytest.param(["garbage"], None, id="garbage"),
        pytest.param([f'{SECOND}; rel="next"'], None, id="no-angle-brackets"),
    ],
)
def test_next_link_finds_the_next_target_among_all_link_values(
    headers: list[str], expected: str | None
) -> None:
    assert expected == next_link(headers)


def test_next_link_returns_the_first_next_when_several_are_given() -> None:
    assert SECOND == next_link([f'<{SECOND}>; rel="next"', f'<{THIRD}>; rel="next"'])

"""listUsers search precision and sorted paging, against expectations worked out by hand.

The org here is built by hand (no seed): six users whose names make ``eq``, ``sw`` and ``co``
give different answers, two of them without a department. Every expected list below is written
out, not computed by the simulator's code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio

from oktakit.testing import OktaSimulator, RateLimitConfig

from .conftest import call

pytestmark = pytest.mark.asyncio

# (id, login, first, last, department or None for "attribute absent", status)
PEOPLE = [
    ("00u00000000000000001", "ana.silva@example.com", "Ana", "Silva", "Sales", "ACTIVE"),
    ("00u00000000000000002", "anabel.ortiz@example.com", "Anabel", "Ortiz", "Engineering", "ACTIVE"),
    ("00u00000000000000003", "jana.novak@example.com", "Jana", "Novak", None, "ACTIVE"),
    ("00u00000000000000004", "Zoe.Angstrom@Example.com", "Zoë", "Ångström", "sales", "ACTIVE"),
    ("00u00000000000000005", "bob.anand@example.com", "Bob", "Anand", "", "SUSPENDED"),
    ("00u00000000000000006", "ana.gone@example.com", "Ana", "Gone", "Sales", "DEPROVISIONED"),
]
ANA, ANABEL, JANA, ZOE, BOB, GONE = (person[0] for person in PEOPLE)


@pytest_asyncio.fixture
async def people() -> AsyncIterator[aiohttp.ClientSession]:
    async with OktaSimulator(users=0, seed=1, rate_limit=RateLimitConfig.unlimited()) as sim:
        for user_id, login, first, last, department, status in PEOPLE:
            profile = {} if department is None else {"department": department}
            sim.add_user(
                login=login, first_name=first, last_name=last, status=status, profile=profile, user_id=user_id
            )
        async with aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as session:
            yield session


async def search(client: aiohttp.ClientSession, expression: str, **params: str) -> list[str]:
    code, body, _ = await call(client, "GET", "/api/v1/users", params={"search": expression, **params})
    assert 200 == code, body
    return [user["id"] for user in body]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # eq: the whole value, any case; Anabel and Jana are not "ana".
        ('profile.firstName eq "ana"', [ANA, GONE]),
        ('profile.firstName eq "ANA"', [ANA, GONE]),
        # sw: a prefix; Jana has "ana" inside, not in front.
        ('profile.firstName sw "ana"', [ANA, ANABEL, GONE]),
        # co: anywhere in the value, Jana included; Bob and Zoë have no "ana".
        ('profile.firstName co "ana"', [ANA, ANABEL, JANA, GONE]),
        ('profile.lastName co "AN"', [BOB]),  # "Ångström" has an "Å", not an "A"
        ('profile.lastName sw "å"', [ZOE]),  # case folding beyond ASCII
        ('profile.login co "example.com"', [ANA, ANABEL, JANA, ZOE, BOB, GONE]),
        ('profile.login eq "zoe.angstrom@example.com"', [ZOE]),
        ('profile.email sw "Zoe."', [ZOE]),
        # missing or empty attributes match no comparison and are not "present"
        ('profile.department eq "sales"', [ANA, ZOE, GONE]),
        ('profile.department sw "s"', [ANA, ZOE, GONE]),
        ("profile.department pr", [ANA, ANABEL, ZOE, GONE]),
        ('profile.department eq "sales" and status eq "ACTIVE"', [ANA, ZOE]),
        ('profile.firstName co "z" or profile.lastName sw "no"', [JANA, ZOE]),
    ],
)
async def test_search_matches_exactly_the_hand_worked_users(
    people: aiohttp.ClientSession, expression: str, expected: list[str]
) -> None:
    assert expected == await search(people, expression)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('profile.firstName eq "ana"', [ANA, GONE]),
        ('profile.login eq "ZOE.ANGSTROM@EXAMPLE.COM"', [ZOE]),
        ('status eq "SUSPENDED"', [BOB]),
    ],
)
async def test_filter_matches_exactly_the_hand_worked_users(
    people: aiohttp.ClientSession, expression: str, expected: list[str]
) -> None:
    code, body, _ = await call(people, "GET", "/api/v1/users", params={"filter": expression})
    assert 200 == code, body
    assert expected == [user["id"] for user in body]


# Ascending: Engineering < Sales = sales (ties keep id order); users without a value go last
# (the simulator's documented choice: Okta's docs do not say where they sort), in id order.
# Descending reverses the valued users only.
SORTED = {
    "asc": [ANABEL, ANA, ZOE, GONE, JANA, BOB],
    "desc": [ANA, ZOE, GONE, ANABEL, JANA, BOB],
}


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 2, 4, 200])
async def test_sorted_search_pages_to_the_end_with_every_user_once_in_order(
    people: aiohttp.ClientSession, order: str, limit: int
) -> None:
    params: dict[str, Any] = {
        "search": "profile.login pr",
        "sortBy": "profile.department",
        "sortOrder": order,
        "limit": str(limit),
    }
    seen: list[str] = []
    url: str | None = "/api/v1/users"
    pages = 0
    while url is not None:
        async with people.get(url, params=params) as response:
            assert 200 == response.status
            page = [user["id"] for user in await response.json()]
            nexts = [h for h in response.headers.getall("Link", []) if 'rel="next"' in h]
        pages += 1
        assert 0 < len(page) <= limit
        seen += page
        url, params = (nexts[0].split(">")[0].lstrip("<"), {}) if nexts else (None, {})
    assert SORTED[order] == seen
    assert -(-len(PEOPLE) // limit) == pages  # ceil(6 / limit): no empty last page


async def test_sorted_search_by_last_name_handles_non_ascii(people: aiohttp.ClientSession) -> None:
    # Lower-cased code-point order: anand < gone < novak < ortiz < silva < ångström.
    found = await search(people, "profile.login pr", sortBy="profile.lastName")
    assert [BOB, GONE, JANA, ANABEL, ANA, ZOE] == found

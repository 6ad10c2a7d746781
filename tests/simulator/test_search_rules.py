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

from .conftest import assert_okta_error, call

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


# A numeric custom attribute (Okta's custom attributes may be integers), absent for Jana.
LEVELS = {ANA: 3, ANABEL: 10, ZOE: 2, BOB: 0, GONE: 3}
DAY = 86_400
CREATED = 1_700_000_000  # 2023-11-14T22:13:20Z; user n is created n days later


@pytest_asyncio.fixture
async def org() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=0, seed=1, rate_limit=RateLimitConfig.unlimited()) as sim:
        sim.org.custom_attributes |= {"level", "remote"}
        for n, (user_id, login, first, last, department, status) in enumerate(PEOPLE):
            profile: dict[str, Any] = {} if department is None else {"department": department}
            if user_id in LEVELS:
                profile["level"] = LEVELS[user_id]
            if user_id == ANA:
                profile["remote"] = True  # a boolean custom attribute
            sim.add_user(
                login=login,
                first_name=first,
                last_name=last,
                status=status,
                profile=profile,
                user_id=user_id,
                created=CREATED + n * DAY,
            )
        yield sim


@pytest_asyncio.fixture
async def people(org: OktaSimulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=org.url, headers=org.headers) as session:
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
        # keywords in any case; a keyword is no attribute name
        ('profile.firstName eq "bob" OR profile.firstName eq "jana"', [JANA, BOB]),
        ('profile.firstName sw "a" AND status eq "ACTIVE"', [ANA, ANABEL]),
        ('(profile.firstName eq "zoë" Or profile.lastName eq "novak") anD status eq "ACTIVE"', [JANA, ZOE]),
        ('profile.firstName eq "ana"   ', [ANA, GONE]),  # trailing blanks are fine
        # an escaped character stands for itself
        (r'profile.lastName eq "\N\o\v\a\k"', [JANA]),
        # numbers compare as numbers, and only with numbers; a missing value never matches
        ("profile.level gt 2", [ANA, ANABEL, GONE]),
        ("profile.level ge 3", [ANA, ANABEL, GONE]),
        ("profile.level lt 2.5", [ZOE, BOB]),
        ("profile.level le 0", [BOB]),
        ("profile.level eq 10", [ANABEL]),
        ('profile.level gt "2"', []),
        ("profile.level gt true", []),
        ("profile.level eq null", [JANA]),
        # booleans match eq only: true is no number
        ("profile.remote eq true", [ANA]),
        ("profile.remote eq false", []),
        ("profile.remote gt 0", []),
        ("profile.remote ge false", []),
        # strings order as strings (Okta's documented stand-in for `ne`)
        ('profile.lastName lt "O"', [JANA, BOB, GONE]),
        ('profile.title sw "x"', []),  # nobody has a title: absent is not ""
        # ids are case-sensitive, other strings are not
        ('id eq "00U00000000000000001"', []),
        ('id eq "00u00000000000000001"', [ANA]),
        # dates: equal to the millisecond, ordered; users without the date never match
        ('created eq "2023-11-15T22:13:20.000Z"', [ANABEL]),
        ('lastUpdated ge "2023-11-18T22:13:20.000Z"', [BOB, GONE]),
        ('lastUpdated le "2023-11-15T22:13:20.000Z"', [ANA, ANABEL]),
        ('lastLogin lt "2030-01-01T00:00:00.000Z"', []),
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
        ('lastUpdated eq "2023-11-15T22:13:20.000Z"', [ANABEL]),
        ('lastUpdated ge "2023-11-18T22:13:20.000Z"', [BOB, GONE]),
        ('lastUpdated le "2023-11-15T22:13:20.000Z"', [ANA, ANABEL]),
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


async def test_search_by_user_type_id(org: OktaSimulator, people: aiohttp.ClientSession) -> None:
    assert [u[0] for u in PEOPLE] == await search(people, f'type.id eq "{org.org.user_type_id}"')
    assert [] == await search(people, 'type.id eq "oty0000000000000000"')


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("an", [ANA, ANABEL, BOB]),  # first name Ana/Anabel, last name Anand; never DEPROVISIONED
        ("zo", [ZOE]),  # email zoe.angstrom@...
        ("ZOË", [ZOE]),  # first name only: the email has no "ë"
        ("ortiz", [ANABEL]),
        ("jana.n", [JANA]),
    ],
)
async def test_q_is_a_prefix_of_first_name_last_name_or_email(
    people: aiohttp.ClientSession, q: str, expected: list[str]
) -> None:
    code, body, _ = await call(people, "GET", "/api/v1/users", params={"q": q})
    assert 200 == code
    assert expected == [user["id"] for user in body]


@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_sort_by_a_date_puts_users_without_it_last(
    org: OktaSimulator, people: aiohttp.ClientSession, order: str
) -> None:
    for days, user_id in ((3, BOB), (1, ZOE), (2, ANA)):
        org.org.users[user_id].last_login = CREATED + days * DAY
    found = await search(people, "profile.login pr", sortBy="lastLogin", sortOrder=order)
    valued = [ZOE, ANA, BOB] if order == "asc" else [BOB, ANA, ZOE]
    assert [*valued, ANABEL, JANA, GONE] == found


@pytest.mark.parametrize(
    ("expression", "code"),
    [
        ("lastUpdated gt 5", "E0000030"),  # a date compares with a date string only
        ('lastUpdated sw "2023-11-15T22:13:20.000Z"', "E0000031"),  # dates: eq, gt, ge, lt, le only
        ("profile.level sw 3", "E0000031"),  # sw and co take strings
        ("profile.level gt null", "E0000031"),
        ('and eq "x"', "E0000031"),  # a keyword is no attribute
        ('profile.firstName eq "a" or', "E0000031"),
    ],
)
async def test_malformed_searches_get_okta_errors(
    people: aiohttp.ClientSession, expression: str, code: str
) -> None:
    status, body, _ = await call(people, "GET", "/api/v1/users", params={"search": expression})
    assert_okta_error(status, body, 400, code)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("asc", [BOB, ZOE, ANA, GONE, ANABEL, JANA]),  # 0 < 2 < 3 = 3 < 10, then no level
        ("desc", [ANABEL, ANA, GONE, ZOE, BOB, JANA]),
    ],
)
async def test_sort_by_a_number_orders_numerically(
    people: aiohttp.ClientSession, order: str, expected: list[str]
) -> None:
    assert expected == await search(people, "profile.login pr", sortBy="profile.level", sortOrder=order)

"""What a refused argument's message says: the parameter as the caller spelled it (or the path
to the bad value inside a body) and the problem, so that the caller can fix the call without
reading our code. And what is accepted at the edges is sent as given.

Each expected message is written by hand from the rule it states; the bounds come from Okta's
documents: list_users' ``limit`` 1 to 200 (OKTA-FACTS D10), list_user_grants' 1 to 200 (the
management spec's ``minimum``/``maximum``, tests/reference), a TAC's ``ttl`` 10 to 14400 minutes
(OKTA-FACTS, the TAC enrollment), ``sortOrder`` ``asc``/``desc``; bodies at most 32 levels deep
is our own documented bound (docs/client.md, Safety).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from oktakit import HttpRequest, InvalidArgumentError, OktaClient, TransportError
from oktakit_api import operations as registry
from oktakit_api.operations import ApiRequest
from tests.client._support import USER_ID, run
from tests.hardening.conftest import Recorder

#: Text UTF-8 cannot carry: a lone surrogate.
LONE = "a\udc80b"
PROFILE = {"login": "ann@example.com", "email": "ann@example.com", "firstName": "Ann", "lastName": "Lee"}
UNSENDABLE = "contains text that cannot be sent (a lone surrogate)"

Call = Callable[[OktaClient], Any]


async def refusal(okta: OktaClient, recorder: Recorder, call: Call) -> str:
    """The message of the ``InvalidArgumentError`` the call raises; nothing may be sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        await run(call(okta))  # list iterators refuse when called, the others when awaited
    assert [] == recorder
    return str(caught.value)


async def sent(okta: OktaClient, recorder: Recorder, call: Call) -> HttpRequest:
    """The one request the call sends (the recorder fails it as a refused connection)."""
    with pytest.raises(TransportError):
        await run(call(okta))
    [request] = recorder
    return request


def nested_mappings(levels: int) -> dict[str, Any]:
    """A profile whose attribute ``a`` holds mappings ``levels`` deep: {"a": {"a": ... "x"}}."""
    value: Any = "x"
    for _ in range(levels):
        value = {"a": value}
    return {"a": value}


def nested_lists(levels: int) -> dict[str, Any]:
    """A profile whose attribute ``a`` holds lists ``levels`` deep: {"a": [[... ["x"]]]}."""
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return {"a": value}


REFUSALS: list[tuple[str, Call, str]] = [
    # -- path values
    ("id-not-a-string", lambda c: c.get_user(5), "id must be a string, not int"),
    ("id-empty", lambda c: c.get_user(""), "id must not be empty"),
    ("id-dot-dot", lambda c: c.get_user(".."), "id '..' is not a valid identifier"),
    ("id-lone-surrogate", lambda c: c.get_user(LONE), f"id {UNSENDABLE}"),
    # -- query values
    ("search-not-a-string", lambda c: c.list_users(search=5), "search must be a string, not int"),
    ("search-lone-surrogate", lambda c: c.list_users(search=LONE), f"search {UNSENDABLE}"),
    ("limit-0", lambda c: c.list_users(limit=0), "limit must be an integer from 1 to 200, not 0"),
    ("limit-201", lambda c: c.list_users(limit=201), "limit must be an integer from 1 to 200, not 201"),
    (
        "grants-limit-0",
        lambda c: c.list_user_grants(USER_ID, limit=0),
        "limit must be an integer from 1 to 200, not 0",
    ),
    (
        "grants-limit-201",
        lambda c: c.list_user_grants(USER_ID, limit=201),
        "limit must be an integer from 1 to 200, not 201",
    ),
    (
        "sort-order",
        lambda c: c.list_users(sort_order="up"),
        "sort_order must be one of 'asc', 'desc', not 'up'",
    ),
    # -- headers and flags
    (
        "if-match-empty",
        lambda c: c.update_user(USER_ID, profile={"nickName": "Sam"}, if_match=""),
        "if_match must be a non-empty ASCII string without control characters",
    ),
    (
        "if-match-not-ascii",
        lambda c: c.update_user(USER_ID, profile={"nickName": "Sam"}, if_match='W/"é"'),
        "if_match must be a non-empty ASCII string without control characters",
    ),
    (
        "respond-async",
        lambda c: c.deactivate_user(USER_ID, respond_async="yes"),
        "respond_async must be True or False, not 'yes'",
    ),
    # -- a temporary access code
    (
        "tac-authenticator-id",
        lambda c: c.create_tac_authenticator_enrollment(USER_ID, 5),
        "authenticator_id must be a string, not int",
    ),
    (
        "tac-ttl-9",
        lambda c: c.create_tac_authenticator_enrollment(USER_ID, "aut1tac", ttl_minutes=9),
        "ttl_minutes must be an integer from 10 to 14400, not 9",
    ),
    (
        "tac-ttl-14401",
        lambda c: c.create_tac_authenticator_enrollment(USER_ID, "aut1tac", ttl_minutes=14401),
        "ttl_minutes must be an integer from 10 to 14400, not 14401",
    ),
    (
        "tac-multi-use",
        lambda c: c.create_tac_authenticator_enrollment(USER_ID, "aut1tac", multi_use="yes"),
        "multi_use must be True or False, not 'yes'",
    ),
    # -- update and replace bodies
    (
        "profile-not-a-mapping",
        lambda c: c.update_user(USER_ID, profile=["nickName"]),
        "profile must be a mapping of attribute names to values",
    ),
    (
        "credentials-not-a-mapping",
        lambda c: c.update_user(USER_ID, credentials="hunter2"),
        "credentials must be a mapping (e.g. {'password': {'value': ...}})",
    ),
    ("password-empty", lambda c: c.update_user(USER_ID, password=""), "password must be a non-empty string"),
    ("password-lone-surrogate", lambda c: c.update_user(USER_ID, password=LONE), f"password {UNSENDABLE}"),
    (
        "profile-value-lone-surrogate",
        lambda c: c.update_user(USER_ID, profile={"nickName": LONE}),
        f"profile['nickName'] {UNSENDABLE}",
    ),
    (
        "profile-key-lone-surrogate",
        lambda c: c.update_user(USER_ID, profile={LONE: "x"}),
        f"profile {UNSENDABLE}",
    ),
    (
        "credentials-nested-lone-surrogate",
        lambda c: c.update_user(USER_ID, credentials={"recovery_question": {"answer": LONE}}),
        f"credentials['recovery_question']['answer'] {UNSENDABLE}",
    ),
    (
        "profile-nan",
        lambda c: c.update_user(USER_ID, profile={"score": float("nan")}),
        "profile['score'] is nan, which JSON cannot carry",
    ),
    (
        "profile-inf-in-a-list",
        lambda c: c.update_user(USER_ID, profile={"lines": ["x", 2.5, {"k": float("-inf")}]}),
        "profile['lines'][2]['k'] is -inf, which JSON cannot carry",
    ),
    (
        "profile-set",
        lambda c: c.update_user(USER_ID, profile={"tags": {"a"}}),
        "profile['tags'] cannot be sent as JSON (set)",
    ),
    (
        "type-id",
        lambda c: c.replace_user(USER_ID, profile=PROFILE, type_id=5),
        "type_id must be a string, not int",
    ),
    # -- a new user's body
    (
        "create-without-login",
        lambda c: c.create_user({"email": "ann@example.com"}),
        "create_user needs a profile with a login (and usually email, names)",
    ),
    (
        "group-ids-a-string",
        lambda c: c.create_user(PROFILE, group_ids="00g1abc"),
        "group_ids must be a list of ids, not str",
    ),
    (
        "group-ids-an-int",
        lambda c: c.create_user(PROFILE, group_ids=5),
        "group_ids must be a list of ids, not int",
    ),
    (
        "group-ids-a-dict",
        lambda c: c.create_user(PROFILE, group_ids={"00g1abc": True}),
        "group_ids must be a list of ids, not dict",
    ),
    (
        "group-id-empty",
        lambda c: c.create_user(PROFILE, group_ids=["00g1abc", ""]),
        "group_ids must not be empty",
    ),
    ("realm-id-empty", lambda c: c.create_user(PROFILE, realm_id=""), "realm_id must not be empty"),
    # -- bodies nested too deep: the name is the path to the mapping or list past the bound
    (
        "mappings-33-deep",
        lambda c: c.update_user(USER_ID, profile=nested_mappings(33)),
        "profile" + "['a']" * 33 + " is nested more than 32 levels deep",
    ),
    (
        "lists-33-deep",
        lambda c: c.update_user(USER_ID, profile=nested_lists(33)),
        "profile['a']" + "[0]" * 32 + " is nested more than 32 levels deep",
    ),
]


@pytest.mark.parametrize(("call", "message"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
async def test_a_refused_argument_is_named_with_its_problem(
    call: Call, message: str, recorded_client: OktaClient, recorder: Recorder
) -> None:
    assert message == await refusal(recorded_client, recorder, call)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"a": Decimal("1.50")}, "a must be a string, an integer or a boolean, not Decimal"),
        ({"a": LONE}, f"a {UNSENDABLE}"),
    ],
    ids=["decimal", "lone-surrogate"],
)
async def test_a_query_value_the_transport_refuses_is_named(
    params: dict[str, Any], expected: str, recorded_client: OktaClient, recorder: Recorder
) -> None:
    # Every query goes through the transport's check, whichever operation built it.
    request = ApiRequest(registry.LIST_USERS, "/api/v1/users", params=params)

    with pytest.raises(InvalidArgumentError) as caught:
        await recorded_client._get_pipeline().send(request)

    assert expected == str(caught.value)
    assert [] == recorder


async def test_a_password_that_cannot_be_sent_is_refused_without_showing_it(
    recorded_client: OktaClient, recorder: Recorder
) -> None:
    secret = "s3cret-\udc80-Pa55"
    message = await refusal(recorded_client, recorder, lambda c: c.update_user(USER_ID, password=secret))
    assert "s3cret" not in message
    assert message.startswith("password ")


async def test_finite_numbers_in_a_profile_are_sent_as_given(
    recorded_client: OktaClient, recorder: Recorder
) -> None:
    profile = {"score": 1.5, "ratio": -0.25, "count": 3, "lines": [0.5, 2]}
    request = await sent(recorded_client, recorder, lambda c: c.update_user(USER_ID, profile=profile))
    assert {"profile": {"score": 1.5, "ratio": -0.25, "count": 3, "lines": [0.5, 2]}} == request.json()


@pytest.mark.parametrize("build", [nested_mappings, nested_lists], ids=["mappings", "lists"])
async def test_a_body_exactly_32_levels_deep_is_sent_whole(
    build: Callable[[int], dict[str, Any]], recorded_client: OktaClient, recorder: Recorder
) -> None:
    profile = build(32)
    request = await sent(recorded_client, recorder, lambda c: c.update_user(USER_ID, profile=profile))
    assert {"profile": profile} == request.json()


@pytest.mark.parametrize("limit", [1, 200])
async def test_a_grants_page_size_at_either_bound_is_sent(
    limit: int, recorded_client: OktaClient, recorder: Recorder
) -> None:
    request = await sent(recorded_client, recorder, lambda c: c.list_user_grants(USER_ID, limit=limit))
    assert [str(limit)] == re.findall(r"(?:^|&)limit=(\d+)", request.url.raw_query_string)


async def test_a_new_user_is_sent_with_everything_it_was_given(
    recorded_client: OktaClient, recorder: Recorder
) -> None:
    # CreateUserRequest's properties (Okta's management spec): profile, credentials, groupIds,
    # type, realmId. A group named twice is added once.
    request = await sent(
        recorded_client,
        recorder,
        lambda c: c.create_user(
            PROFILE,
            credentials={"recovery_question": {"question": "Pet?", "answer": "Rex"}},
            password="Fresh-Pa55",
            group_ids=["00g1abc", "00g2def", "00g1abc"],
            type_id="oty1abc",
            realm_id="guo1abc",
        ),
    )
    assert {
        "profile": PROFILE,
        "credentials": {
            "recovery_question": {"question": "Pet?", "answer": "Rex"},
            "password": {"value": "Fresh-Pa55"},
        },
        "groupIds": ["00g1abc", "00g2def"],
        "type": {"id": "oty1abc"},
        "realmId": "guo1abc",
    } == request.json()

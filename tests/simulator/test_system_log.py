"""The simulator's System Log: what its actions write (one hook, declared event types), and
``GET /api/v1/logs`` with Okta's bounded and polling semantics, filters, ``q``, limits and errors.

Expected values come from Okta's documents: the event-type catalogue's descriptions
(docs-event-types), the System Log query guide's rules and error texts (docs-system-log-query),
the error catalogue (tests/okta_catalogue.py) and the spec's declarations read independently
from okta_spec/openapi.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import yaml

from oktakit.testing import ManualClock, OktaSimulator
from oktakit.testing._syslog_events import EVENT_TYPES
from tests.okta_catalogue import api_error

from .conftest import assert_okta_error, call, user_with

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "okta_spec" / "openapi.yaml").read_text())
DAY = 86400.0


def declared_events() -> dict[str, list[str]]:
    return {
        op["operationId"]: op["x-okta-log-events"]
        for item in SPEC["paths"].values()
        for method, op in item.items()
        if method != "parameters" and "x-okta-log-events" in op
    }


def assert_documented_error(status: int, body: Any, code: str, summary: str | None = None) -> None:
    """Okta's envelope for ``code`` with the catalogue's status, and the summary the System Log
    query guide shows for this case (which the catalogue's generic text does not say)."""
    assert (api_error(code)[0], code, code) == (status, body["errorCode"], body["errorLink"]), body
    assert 25 == len(body["errorId"])
    if summary is not None:
        assert summary == body["errorSummary"]


async def logs(client: aiohttp.ClientSession, **params: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """One page of ``GET /api/v1/logs``: (events, {rel: link})."""
    status, body, response = await call(client, "GET", "/api/v1/logs", params=params)
    assert status == 200, body
    links = {}
    for header in response.headers.getall("Link", []):
        found = re.match(r'<([^>]+)>; rel="(\w+)"', header)
        assert found is not None, header
        links[found.group(2)] = found.group(1)
    return body, links


async def follow(client: aiohttp.ClientSession, link: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    return await logs(client, **query)


# --- what actions write ------------------------------------------------------------------------
def test_every_action_of_the_spec_declares_what_it_writes() -> None:
    """An operation that changes something says which events it writes (the hook then writes
    them): a new one that forgets is caught here."""
    actions = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for method, op in item.items()
        if method in ("post", "put", "delete", "patch")
    }
    assert actions
    assert set() == actions - set(declared_events())


def test_every_declared_event_type_has_its_catalogue_message() -> None:
    declared = {t for types in declared_events().values() for t in types}
    assert declared
    assert set() == declared - set(EVENT_TYPES)


async def test_a_suspend_writes_the_admins_event_about_the_user_from_the_callers_address(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    admin = sim.api_token_admin
    assert admin is not None
    status, _, response = await call(
        client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend", headers={"User-Agent": "incident-bot/1"}
    )
    assert 200 == status

    (event,) = sim.log_events()
    assert "user.lifecycle.suspend" == event["eventType"]
    assert "Suspend Okta user" == event["displayMessage"]  # the catalogue's "Suspend Okta user."
    assert {"id": admin.id, "type": "User", "alternateId": admin.login} == {
        k: event["actor"][k] for k in ("id", "type", "alternateId")
    }
    assert [(user.id, "User", user.login)] == [
        (t["id"], t["type"], t["alternateId"]) for t in event["target"]
    ]
    assert "127.0.0.1" == event["client"]["ipAddress"]
    assert "incident-bot/1" == event["client"]["userAgent"]["rawUserAgent"]
    assert {"result": "SUCCESS", "reason": None} == event["outcome"]
    assert response.headers["X-Okta-Request-Id"] == event["debugContext"]["debugData"]["requestId"]
    assert f"/api/v1/users/{user.id}/lifecycle/suspend" == event["debugContext"]["debugData"]["requestUri"]
    assert "2026-01-01T00:00:00.000Z" == event["published"]  # the simulator's clock
    assert event["transaction"]["detail"]["requestApiTokenId"].startswith("00T")


async def test_a_refused_action_writes_nothing(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    staged = user_with(sim, "STAGED")
    status, _, _ = await call(client, "POST", f"/api/v1/users/{staged.id}/lifecycle/suspend")
    assert 400 == status
    assert [] == sim.log_events()


@pytest.mark.parametrize(
    ("body", "written"),
    [
        ({"profile": {"nickName": "Sam"}}, ["user.account.update_profile"]),
        ({"credentials": {"password": {"value": "Correct-Horse-9"}}}, ["user.account.update_password"]),
        (
            {"profile": {"nickName": "Sam"}, "credentials": {"password": {"value": "Correct-Horse-9"}}},
            ["user.account.update_profile", "user.account.update_password"],
        ),
    ],
)
async def test_an_update_writes_what_it_changed_and_never_the_password(
    sim: OktaSimulator, client: aiohttp.ClientSession, body: dict[str, Any], written: list[str]
) -> None:
    user = user_with(sim, "ACTIVE")
    status, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}", json=body)
    assert 200 == status
    assert written == [e["eventType"] for e in sim.log_events()]
    assert all(b"Correct-Horse-9" not in record.body for record in sim.log_records())


async def test_group_membership_names_the_user_and_the_group(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    group = sim.org.add_group("Incident responders")
    path = f"/api/v1/groups/{group.id}/users/{user.id}"
    assert 204 == (await call(client, "PUT", path))[0]
    assert 204 == (await call(client, "DELETE", path))[0]

    added, removed = sim.log_events()
    assert ("group.user_membership.add", "group.user_membership.remove") == (
        added["eventType"],
        removed["eventType"],
    )
    assert {("UserGroup", group.id), ("User", user.id)} == {(t["type"], t["id"]) for t in added["target"]}


async def test_sessions_cleared_with_tokens_write_both_events_and_without_one(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    await call(client, "DELETE", f"/api/v1/users/{user.id}/sessions")
    await call(client, "DELETE", f"/api/v1/users/{user.id}/sessions", params={"oauthTokens": "true"})
    assert ["user.session.clear", "user.session.clear", "app.oauth2.token.revoke.implicit.user"] == [
        e["eventType"] for e in sim.log_events()
    ]


async def test_a_delete_writes_deactivate_then_delete_initiated(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    for _ in range(2):
        assert 204 == (await call(client, "DELETE", f"/api/v1/users/{user.id}"))[0]
    assert ["user.lifecycle.deactivate", "user.lifecycle.delete.initiated"] == [
        e["eventType"] for e in sim.log_events()
    ]
    assert {user.id} == {t["id"] for e in sim.log_events() for t in e["target"]}  # read before it went


@pytest.mark.parametrize(("activate", "written"), [("true", 2), ("false", 1)])
async def test_a_creation_names_the_new_user_and_activates_only_when_asked(
    sim: OktaSimulator, client: aiohttp.ClientSession, activate: str, written: int
) -> None:
    profile = {
        "login": "new.hire@example.com",
        "email": "new.hire@example.com",
        "firstName": "N",
        "lastName": "H",
    }
    status, body, _ = await call(
        client, "POST", "/api/v1/users", params={"activate": activate}, json={"profile": profile}
    )
    assert 200 == status, body
    events = sim.log_events()
    assert ["user.lifecycle.create", "user.lifecycle.activate"][:written] == [e["eventType"] for e in events]
    assert [[body["id"]]] * written == [[t["id"] for t in e["target"]] for e in events]


async def test_a_service_apps_token_and_its_calls_name_the_app(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    from oktakit import OktaClient, PrivateKeyJWT, generate_signing_key, public_jwks

    key = generate_signing_key("ES256")
    app = sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.manage"])
    user = user_with(sim, "ACTIVE")
    async with OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, ["okta.users.manage"])) as okta:
        await okta.suspend_user(user.id)

    granted, suspended = sim.log_events()
    assert "app.oauth2.token.grant.access_token" == granted["eventType"]
    for event in (granted, suspended):
        assert (app.client_id, "PublicClientApp") == (event["actor"]["id"], event["actor"]["type"])
    assert "access_token" == granted["target"][0]["type"]
    assert app.client_id == suspended["client"]["id"]
    # The token itself is in no event.
    assert all(b"eyJ" not in record.body for record in sim.log_records())


async def test_a_sign_in_writes_its_session_start_with_where_it_came_from(sim: OktaSimulator) -> None:
    user = user_with(sim, "ACTIVE")
    event = sim.sign_in(user.id, ip="185.220.101.4", geo={"city": "Bucharest", "country": "Romania"})
    assert "user.session.start" == event["eventType"]
    assert user.account.sessions[-1].id == event["authenticationContext"]["externalSessionId"]
    assert ("185.220.101.4", "Romania") == (
        event["client"]["ipAddress"],
        event["client"]["geographicalContext"]["country"],
    )
    assert "V4" == event["request"]["ipChain"][0]["version"]


# --- polling and bounded queries ----------------------------------------------------------------
async def test_polling_always_links_a_next_page_and_its_cursor_moves_only_with_events(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    events, links = await logs(client)
    assert [] == events
    assert "next" in links  # "even if there are no new events"

    first = sim.inject_log_event("user.session.start", actor=user_with(sim, "ACTIVE").id)
    events, links = await follow(client, links["next"])
    assert [first["uuid"]] == [e["uuid"] for e in events]
    after = parse_qs(urlsplit(links["next"]).query)["after"][0]
    assert re.fullmatch(r"\d+_\d+", after)  # the shape of Okta's cursors

    empty, again = await follow(client, links["next"])
    assert ([], links["next"]) == (empty, again["next"])


async def test_polling_hands_out_a_late_event_after_what_it_gave_a_bounded_query_misses_it(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "ACTIVE").id
    sim.inject_log_event("user.session.start", actor=user)
    _, links = await logs(client)
    since, until = "2025-12-31T23:00:00Z", "2026-01-01T00:30:00Z"
    window = {"since": since, "until": until}
    assert 1 == len((await logs(client, **window))[0])

    clock.advance(3600)
    late = sim.inject_log_event("user.account.lock", targets=[user], published=clock() - 3600 + 1)
    events, _ = await follow(client, links["next"])
    assert [late["uuid"]] == [e["uuid"] for e in events]  # published an hour ago, stored now
    assert "2026-01-01T00:00:01.000Z" == late["published"]
    assert 2 == len((await logs(client, **window))[0])  # the window holds it now that it is stored


async def test_a_bounded_query_is_ordered_by_published_and_ends_without_a_next_link(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "ACTIVE").id
    for offset in (30, 10, 20):  # stored in this order, published in another
        sim.inject_log_event("user.session.start", actor=user, published=clock() - offset)
    window = {"since": "2025-12-31T00:00:00Z", "until": "2026-01-01T00:00:00Z", "limit": "2"}

    first, links = await logs(client, **window)
    second, last_links = await follow(client, links["next"])
    published = [e["published"] for e in first + second]
    assert sorted(published) == published
    assert 3 == len(published)
    assert "next" not in last_links

    descending, _ = await logs(client, **{**window, "limit": "10", "sortOrder": "DESCENDING"})
    assert sorted(published, reverse=True) == [e["published"] for e in descending]


async def test_events_past_the_retention_are_never_returned(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "ACTIVE").id
    sim.inject_log_event("user.session.start", actor=user, published=clock() - 91 * DAY)
    kept = sim.inject_log_event("user.session.start", actor=user, published=clock() - 89 * DAY)
    events, _ = await logs(client, since="2025-08-01T00:00:00Z", until="2026-01-02T00:00:00Z")
    assert [kept["uuid"]] == [e["uuid"] for e in events]


# --- filter and q ------------------------------------------------------------------------------
@pytest.fixture
def three_events(sim: OktaSimulator) -> list[dict[str, Any]]:
    alice, bob = (u.id for u in list(sim.org.users.values())[:2])
    return [
        sim.inject_log_event(
            "user.session.start", actor=alice, outcome="FAILURE", reason="INVALID_CREDENTIALS"
        ),
        sim.inject_log_event("user.session.start", actor=bob, ip="185.220.101.4"),
        sim.inject_log_event(
            "user.lifecycle.suspend", targets=[alice, bob], display_message="Suspend Okta user"
        ),
    ]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('eventType eq "user.session.start"', [0, 1]),
        ('eventType eq "user.session.start" and outcome.result eq "FAILURE"', [0]),
        ('outcome.result eq "FAILURE" or client.ipAddress eq "185.220.101.4"', [0, 1]),
        ("target.id eq ALICE and target.id eq BOB", [2]),
        ("actor.id eq BOB", [1]),
        ('eventType sw "user.session"', [0, 1]),
        ('eventType co "lifecycle"', [2]),
        ('eventType ew "start"', [0, 1]),
        ('not (eventType eq "user.lifecycle.suspend")', [0, 1]),
        ("outcome.reason pr", [0]),
        ('EVENTTYPE eq "user.session.start"', []),  # attributes are case-sensitive: no such field
    ],
)
async def test_filters_select_as_okta_documents(
    sim: OktaSimulator,
    client: aiohttp.ClientSession,
    three_events: list[dict[str, Any]],
    expression: str,
    expected: list[int],
) -> None:
    alice, bob = (f'"{u.id}"' for u in list(sim.org.users.values())[:2])
    query = expression.replace("ALICE", alice).replace("BOB", bob)
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"filter": query})
    if expression.startswith("EVENTTYPE"):
        assert_documented_error(status, body, "E0000053", "field is not valid: EVENTTYPE")
        return
    assert 200 == status, body
    assert [three_events[i]["uuid"] for i in expected] == [e["uuid"] for e in body]


@pytest.mark.parametrize(
    ("expression", "code", "summary"),
    [
        (
            'display_message eqq "Create okta user"',
            "E0000053",
            "Invalid filter 'display_message eqq \"Create okta user\"': Unrecognized attribute operator "
            "'eqq' at position 16. Expected: eq,co,sw,pr,gt,ge,lt,le",
        ),
        ("some_invalid_field eq 1", "E0000053", "field is not valid: some_invalid_field"),
        (
            'debugContext.debugData.url co "/oauth/"',
            "E0000031",
            "The supplied combination of operator and field is not currently supported. Operator: co, "
            "Field: debugContext.debugData.url",
        ),
    ],
)
async def test_bad_filters_get_the_answers_of_okta_s_guide(
    client: aiohttp.ClientSession, expression: str, code: str, summary: str
) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"filter": expression})
    assert_documented_error(status, body, code, summary)


async def test_a_filter_on_published_is_refused(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(
        client, "GET", "/api/v1/logs", params={"filter": 'published gt "2026-01-01T00:00:00Z"'}
    )
    assert_documented_error(status, body, "E0000053")


async def test_q_matches_whole_words_and_the_parts_of_hyphenated_ones(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    event = sim.inject_log_event("user.session.start", actor=user.id, session="XOxBw-2JIRnCFd0gG0GjHAAABjY")
    for words in ("XOxBw", "2JIRnCFd0gG0GjHAAABjY", "xoxbw-2jirncfd0gg0gjhaaabjy", f"{user.login} login"):
        events, _ = await logs(client, q=words)
        assert [event["uuid"]] == [e["uuid"] for e in events], words
    assert [] == (await logs(client, q="XOx"))[0]  # keywords match exactly, not as prefixes


async def test_q_keeps_okta_s_limits(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"q": "x" * 41})
    assert_okta_error(status, body, 400, "E0000001")
    assert "'q': Freeform search cannot contain items longer than 40 characters" in body["errorSummary"]
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"q": " ".join("abcdefghijk")})
    assert_okta_error(status, body, 400, "E0000001")


# --- parameters and limits ----------------------------------------------------------------------
async def test_a_bad_date_gets_okta_s_two_causes(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"until": "not a date"})
    assert_okta_error(status, body, 400, "E0000001")
    assert [
        "until: The date format in your query is not recognized. Please enter dates using ISO8601 string "
        "format.",
        "until: must be a valid date-time or empty.",
    ] == [cause["errorSummary"] for cause in body["errorCauses"]]


async def test_since_more_than_180_days_ago_is_refused(client: aiohttp.ClientSession) -> None:
    status, body, _ = await call(client, "GET", "/api/v1/logs", params={"since": "2025-06-01T00:00:00Z"})
    assert_documented_error(
        status,
        body,
        "E0000053",
        "Invalid parameter: The since parameter is over 180 days prior to the current day.",
    )


@pytest.mark.parametrize(("limit", "status"), [("1000", 200), ("1001", 400), ("-1", 400), ("ten", 400)])
async def test_pages_hold_at_most_1000_events(client: aiohttp.ClientSession, limit: str, status: int) -> None:
    assert status == (await call(client, "GET", "/api/v1/logs", params={"limit": limit}))[0]


async def test_a_page_holds_100_events_by_default(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = user_with(sim, "ACTIVE").id
    for _ in range(101):
        sim.inject_log_event("user.session.start", actor=user)
    events, _ = await logs(client)
    assert 100 == len(events)


async def test_the_log_counts_in_its_own_bucket_of_120_a_minute(clock: ManualClock) -> None:
    async with (
        OktaSimulator(users=3, clock=clock) as sim,
        aiohttp.ClientSession(headers=sim.headers) as client,
    ):
        status, _, response = await call(client, "GET", sim.url + "/api/v1/logs")
    assert 200 == status
    assert ("120", "119") == (
        response.headers["X-Rate-Limit-Limit"],
        response.headers["X-Rate-Limit-Remaining"],
    )


async def test_the_log_keeps_its_capacity_dropping_the_oldest(clock: ManualClock) -> None:
    async with OktaSimulator(users=3, clock=clock, system_log_size=10) as sim:
        user = next(iter(sim.org.users))
        uuids = [sim.inject_log_event("user.session.start", actor=user)["uuid"] for _ in range(25)]
        kept = [record.uuid for record in sim.log_records()]
    assert len(kept) <= 10
    assert uuids[-len(kept) :] == kept

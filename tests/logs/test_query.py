"""``okta.list_log_events``: a bounded query of typed events, its arguments checked before
anything is sent, its pages followed to the end of the window and no further."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs

import pytest
from aioresponses import aioresponses

from oktakit import ApiToken, InvalidArgumentError, OktaClient, PermissionDeniedError
from oktakit.models import LogEvent
from oktakit.testing import ManualClock, OktaSimulator, RateLimitConfig

pytestmark = pytest.mark.okta_sim(
    users=12, seed=4, clock=ManualClock(), rate_limit=RateLimitConfig.unlimited()
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)  # ManualClock's start


def active(sim: OktaSimulator) -> str:
    return next(uid for uid, user in sim.org.users.items() if user.status == "ACTIVE")


def log_queries(sim: OktaSimulator) -> list[dict[str, list[str]]]:
    return [parse_qs(r.query) for r in sim.request_log if r.operation == "listLogEvents"]


async def test_events_are_typed_with_who_did_what_to_whom_from_where(
    okta_sim: OktaSimulator, okta: OktaClient
) -> None:
    user = active(okta_sim)
    await okta.suspend_user(user)

    (event,) = [
        e async for e in okta.list_log_events(since=NOW - timedelta(minutes=5), until=NOW + timedelta(1))
    ]

    assert isinstance(event, LogEvent)
    assert ("user.lifecycle.suspend", "SUCCESS") == (event.event_type, event.outcome.result)
    assert event.published == NOW
    admin = okta_sim.api_token_admin
    assert admin is not None
    assert (admin.id, "User") == (event.actor.id, event.actor.type)
    assert [user] == [t.id for t in event.target or ()]
    assert event.client is not None
    assert "127.0.0.1" == event.client.ip_address
    assert event.debug_context is not None
    assert event.debug_context["debugData"]["requestUri"].endswith("/lifecycle/suspend")
    assert event.debug_context.debug_data is not None
    assert "requestId" in event.debug_context.debug_data
    assert event.authentication_context is not None
    assert event.security_context is not None
    assert event.transaction is not None


async def test_every_request_is_a_bounded_one_even_without_since_or_until(
    okta_sim: OktaSimulator, okta: OktaClient
) -> None:
    [e async for e in okta.list_log_events()]

    (query,) = log_queries(okta_sim)
    assert "until" in query  # without it an ascending query would poll forever
    assert "since" in query
    since = datetime.fromisoformat(query["since"][0])
    until = datetime.fromisoformat(query["until"][0])
    # Okta's default window, spelled out (until rounded up to its millisecond, since cut)
    assert timedelta(days=7) <= until - since <= timedelta(days=7, milliseconds=1)


async def test_pages_are_followed_to_the_last(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    user = active(okta_sim)
    published = [okta_sim.inject_log_event("user.session.start", actor=user)["uuid"] for _ in range(5)]

    found = [
        e.uuid
        async for e in okta.list_log_events(since=NOW - timedelta(hours=1), until=NOW + timedelta(1), limit=2)
    ]

    assert published == found
    assert 3 == len(log_queries(okta_sim))


async def test_descending_reads_newest_first(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    user = active(okta_sim)
    for age in (30, 10, 20):
        okta_sim.inject_log_event("user.session.start", actor=user, published=okta_sim.clock() - age)
    found = [
        e.published
        async for e in okta.list_log_events(
            since="2025-12-31T23:00:00Z", until="2026-01-01T00:00:00Z", sort_order="descending"
        )
    ]
    assert sorted(found, reverse=True) == found
    assert 3 == len(found)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"since": datetime(2026, 1, 1)}, "since has no time zone"),
        ({"until": datetime(2026, 1, 1)}, "until has no time zone"),
        ({"since": "2026-01-01T00:00:00"}, "since has no time zone"),
        ({"since": "yesterday"}, "since must be an ISO 8601 date-time"),
        ({"since": 1767225600}, "since must be a datetime or an ISO 8601 string"),
        ({"since": "2026-01-02T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, "is after until"),
        ({"limit": 1001}, "limit must be an integer from 1 to 1000"),
        ({"limit": 0}, "limit must be an integer from 1 to 1000"),
        ({"sort_order": "newest"}, "sort_order must be"),
        ({"q": "x" * 41}, "at most 40 characters"),
        ({"q": " ".join("abcdefghijk")}, "at most 10 keywords"),
        ({"filter": 42}, "filter must be a string"),
    ],
)
async def test_bad_arguments_are_refused_before_anything_is_sent(
    okta_sim: OktaSimulator, okta: OktaClient, arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=re.escape(message)):
        okta.list_log_events(**arguments)
    assert [] == log_queries(okta_sim)


async def test_an_aware_time_in_any_zone_is_sent_in_utc(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    paris = timezone(timedelta(hours=1))
    [
        e
        async for e in okta.list_log_events(
            since=datetime(2026, 1, 1, 1, tzinfo=paris), until="2026-01-01T02:00:00+02:00"
        )
    ]
    (query,) = log_queries(okta_sim)
    assert (["2026-01-01T00:00:00.000Z"], ["2026-01-01T00:00:00.000Z"]) == (query["since"], query["until"])


async def test_a_reader_without_the_log_scope_is_told_what_to_grant(okta_sim: OktaSimulator) -> None:
    from oktakit import PrivateKeyJWT, generate_signing_key, public_jwks

    key = generate_signing_key("ES256")
    app = okta_sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.read"])
    async with OktaClient(okta_sim.url, auth=PrivateKeyJWT(app.client_id, key, ["okta.users.read"])) as okta:
        with pytest.raises(PermissionDeniedError, match=r"okta\.logs\.read"):
            [e async for e in okta.list_log_events()]


async def test_events_past_the_window_end_the_iteration_whatever_the_links_say() -> None:
    """A server that keeps linking pages of a bounded query (a polling answer) is not followed
    past ``until``: the iteration ends at the first event outside the window."""
    url = "https://acme.okta.com/api/v1/logs"
    inside = _event("a", "2026-01-01T00:00:00.000Z")
    outside = _event("b", "2026-01-02T00:00:00.000Z")
    with aioresponses() as mocked:
        mocked.get(
            re.compile(r".*/api/v1/logs\?.*since.*"),
            payload=[inside],
            headers={"Link": f'<{url}?after=1>; rel="next"'},
        )
        mocked.get(
            f"{url}?after=1", payload=[outside, inside], headers={"Link": f'<{url}?after=2>; rel="next"'}
        )
        async with OktaClient("https://acme.okta.com", auth=ApiToken("t" * 42), rate_limit=False) as okta:
            found = [
                e.uuid
                async for e in okta.list_log_events(
                    since="2025-12-31T00:00:00Z", until="2026-01-01T12:00:00Z"
                )
            ]
    assert ["a"] == found


def _event(uuid: str, published: str) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "published": published,
        "eventType": "user.session.start",
        "severity": "INFO",
        "actor": {"id": "00u1", "type": "User"},
        "outcome": {"result": "SUCCESS"},
    }


def test_until_now_takes_in_the_events_of_this_very_millisecond() -> None:
    from oktakit.logs._arguments import wire_time

    moment = datetime(2026, 1, 1, 0, 0, 0, 335_600, tzinfo=UTC)
    assert "2026-01-01T00:00:00.335Z" == wire_time(moment)  # a since: from the millisecond's start
    assert "2026-01-01T00:00:00.336Z" == wire_time(moment, up=True)  # an until: past its end
    assert "2026-01-01T00:00:00.335Z" == wire_time(moment.replace(microsecond=335_000), up=True)


async def test_an_action_just_done_is_in_a_window_that_ends_now(okta_sim: OktaSimulator) -> None:
    """The simulator on the machine's clock: the window ends after the event's millisecond."""
    async with OktaSimulator(users=5) as sim, OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        for user in [uid for uid, u in sim.org.users.items() if u.status == "ACTIVE"][:5]:
            await okta.suspend_user(user)
            found = [e.event_type async for e in okta.list_log_events(filter=f'target.id eq "{user}"')]
            assert ["user.lifecycle.suspend"] == found

"""``okta.tail_log_events``: the follower hands out every event once, in the order Okta stored
them, keeps its position in a state file, waits longer while nothing comes, and keeps to its
share of the logs bucket."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from oktakit import ApiToken, ConfigurationError, InvalidArgumentError, JournalError, OktaClient
from oktakit.logs import LogFollower
from oktakit.models import LogEvent
from oktakit.testing import OktaSimulator, RateLimitConfig

UNLIMITED = RateLimitConfig.unlimited()
pytestmark = pytest.mark.okta_sim(users=12, seed=5, rate_limit=UNLIMITED)
FAST = {"poll_interval": 0.001, "max_poll_interval": 0.002}


def active(sim: OktaSimulator) -> str:
    return next(uid for uid, user in sim.org.users.items() if user.status == "ACTIVE")


def inject(sim: OktaSimulator, count: int, **extra: object) -> list[str]:
    user = active(sim)
    return [sim.inject_log_event("user.session.start", actor=user, **extra)["uuid"] for _ in range(count)]  # type: ignore[arg-type]


#: A follower that never hands out what it should fails the test after this long (a guard
#: against a hang, never a measure: the events are there before it is asked).
GUARD = 60.0


async def next_event(follower: LogFollower) -> LogEvent:
    return await asyncio.wait_for(follower.__anext__(), GUARD)


async def take(follower: LogFollower, count: int) -> list[str]:
    return [(await next_event(follower)).uuid for _ in range(count)]


def polls(sim: OktaSimulator) -> int:
    return sim.request_counts["listLogEvents"]


# --- what is handed out ------------------------------------------------------------------------
async def test_every_event_once_in_stored_order_late_ones_too(
    okta_sim: OktaSimulator, okta: OktaClient
) -> None:
    first = inject(okta_sim, 3)
    follower = okta.tail_log_events(limit=2, **FAST)
    assert first == await take(follower, 3)
    late = inject(okta_sim, 2, published=okta_sim.clock() - 3600)  # happened an hour ago, stored now
    assert late == await take(follower, 2)
    await follower.aclose()


async def test_the_events_are_typed(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    okta_sim.sign_in(active(okta_sim), ip="185.220.101.4", geo={"city": "Bucharest", "country": "Romania"})
    async with okta.tail_log_events(**FAST) as follower:
        event = await next_event(follower)
    assert isinstance(event, LogEvent)
    assert event.client is not None
    assert event.client.geographical_context is not None
    assert ("user.session.start", "Romania") == (event.event_type, event.client.geographical_context.country)


async def test_the_cursor_is_okta_s_whole_next_link(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    inject(okta_sim, 2)
    follower = okta.tail_log_events(limit=1, **FAST)
    await take(follower, 2)
    url, taken = follower.position
    assert url is not None
    assert url.startswith(okta_sim.url + "/api/v1/logs?")
    assert "after=" in url  # the second page's URL, as Okta linked it
    assert 0 == len(taken)  # the event in hand is not done yet
    await follower.aclose()


# --- the state file ----------------------------------------------------------------------------
async def test_a_restart_resumes_and_repeats_only_the_event_in_hand(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 6)
    crashed = okta.tail_log_events(state=state, limit=4, **FAST)
    assert uuids[:3] == await take(crashed, 3)
    crashed._state.close()  # the process died with the third event in hand: nothing more is written

    again = okta.tail_log_events(state=state, limit=4, **FAST)
    assert uuids[2:] == await take(again, 4)
    await again.aclose()


async def test_closing_records_the_event_in_hand_as_done(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 3)
    async with okta.tail_log_events(state=state, **FAST) as first:
        async for event in first:
            if event.uuid == uuids[1]:
                break
    async with okta.tail_log_events(state=state, **FAST) as second:
        assert uuids[2] == (await next_event(second)).uuid


async def test_an_error_while_handling_leaves_the_event_to_be_handed_out_again(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 2)

    async def forward_until_it_fails() -> None:
        async with okta.tail_log_events(state=state, **FAST) as first:
            async for event in first:
                if event.uuid == uuids[1]:
                    raise RuntimeError("forwarding failed")

    with pytest.raises(RuntimeError, match="forwarding failed"):
        await forward_until_it_fails()
    async with okta.tail_log_events(state=state, **FAST) as second:
        assert uuids[1] == (await next_event(second)).uuid


async def test_a_state_in_use_is_refused(okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path) -> None:
    state = tmp_path / "siem.state"
    inject(okta_sim, 1)
    async with okta.tail_log_events(state=state, **FAST) as first:
        await next_event(first)
        second = okta.tail_log_events(state=state, **FAST)
        with pytest.raises(JournalError, match="in use by another follower"):
            await next_event(second)


async def test_a_state_of_another_query_is_refused_and_left_untouched(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    inject(okta_sim, 1)
    async with okta.tail_log_events(state=state, filter='eventType eq "user.session.start"', **FAST) as first:
        await next_event(first)
    before = state.read_bytes()
    with pytest.raises(JournalError, match="follows another query"):
        await next_event(
            okta.tail_log_events(state=state, filter='eventType eq "user.lifecycle.suspend"', **FAST)
        )
    assert before == state.read_bytes()


@pytest.mark.parametrize("content", [b"hello\n", b'{"kind":"run"}\n', b"\x00\x01binary"])
async def test_a_file_that_is_not_a_state_is_refused_and_left_untouched(
    okta: OktaClient, tmp_path: Path, content: bytes
) -> None:
    state = tmp_path / "notes.txt"
    state.write_bytes(content)
    with pytest.raises(JournalError, match="not an oktakit follower state"):
        await next_event(okta.tail_log_events(state=state, **FAST))
    assert content == state.read_bytes()


async def test_a_record_torn_by_a_kill_is_dropped_and_its_event_handed_out_again(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 3)
    async with okta.tail_log_events(state=state, **FAST) as first:
        assert uuids[:2] == await take(first, 2)  # the first is recorded as taken
    whole = state.read_bytes()  # ... and, on closing, the second
    assert whole.endswith(f'"uuid":"{uuids[1]}"}}\n'.encode())
    state.write_bytes(whole[:-20])  # the kill cut the second's record short

    async with okta.tail_log_events(state=state, **FAST) as second:
        assert uuids[1:] == await take(second, 2)
    lines = state.read_bytes().splitlines()
    assert all(line.startswith(b"{") and line.endswith(b"}") for line in lines)  # repaired


async def test_the_state_is_compacted_without_losing_the_position(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oktakit.logs import _state

    monkeypatch.setattr(_state, "COMPACT_AT", 600)
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 12)
    async with okta.tail_log_events(state=state, limit=3, **FAST) as first:
        await take(first, 10)
    assert state.stat().st_size < 1200  # rewritten at page changes
    async with okta.tail_log_events(state=state, limit=3, **FAST) as second:
        assert uuids[10:] == await take(second, 2)


async def test_always_sync_keeps_the_same_position(
    okta_sim: OktaSimulator, okta: OktaClient, tmp_path: Path
) -> None:
    state = tmp_path / "siem.state"
    uuids = inject(okta_sim, 3)
    async with okta.tail_log_events(state=state, sync="always", **FAST) as first:
        await take(first, 2)
    async with okta.tail_log_events(state=state, sync="always", **FAST) as second:
        assert uuids[2:] == await take(second, 1)


# --- arguments ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "options",
    [
        {"poll_interval": 0},
        {"poll_interval": -1},
        {"max_poll_interval": math.inf},
        {"max_share": 0},
        {"max_share": 1.5},
        {"limit": 1001},
        {"since": "2026-01-01T00:00:00"},
        {"q": "x" * 41},
    ],
)
async def test_bad_options_are_refused_before_anything_is_sent(
    okta_sim: OktaSimulator, okta: OktaClient, options: dict[str, object]
) -> None:
    with pytest.raises(InvalidArgumentError):
        okta.tail_log_events(**options)  # type: ignore[arg-type]
    assert 0 == polls(okta_sim)


async def test_a_client_without_pacing_cannot_keep_to_a_share(okta_sim: OktaSimulator) -> None:
    async with OktaClient(okta_sim.url, auth=ApiToken(okta_sim.api_token), rate_limit=False) as okta:
        with pytest.raises(ConfigurationError, match="max_share"):
            await next_event(okta.tail_log_events(**FAST))
    assert 0 == polls(okta_sim)


# --- pacing --------------------------------------------------------------------------------------
def fake_epoch() -> Callable[[], float]:
    loop = asyncio.get_running_loop()
    origin = time.time() - loop.time()
    return lambda: origin + loop.time()


@pytest.mark.looptime(end=3600)
async def test_it_waits_longer_each_time_a_page_is_empty_and_briefly_after_a_partial_one() -> None:
    loop = asyncio.get_running_loop()
    async with (
        OktaSimulator(users=3, clock=fake_epoch(), rate_limit=UNLIMITED) as sim,
        OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta,
    ):
        follower = okta.tail_log_events(poll_interval=1, max_poll_interval=8, limit=10)
        waiting = asyncio.ensure_future(follower.__anext__())
        await asyncio.sleep(40)
        times = [
            round(r.time - sim.request_log[0].time) for r in sim.request_log if r.operation == "listLogEvents"
        ]
        # Empty pages: 1, 2, 4, 8 seconds, then 8 at most.
        assert [0, 1, 3, 7, 15, 23, 31, 39] == times
        uuid = sim.inject_log_event("user.session.start", actor=next(iter(sim.org.users)))["uuid"]
        assert uuid == (await waiting).uuid  # at the next poll, 8 s on
        started = loop.time()
        later = asyncio.ensure_future(follower.__anext__())
        await asyncio.sleep(0.5)
        assert not later.done()
        sim.inject_log_event("user.session.start", actor=next(iter(sim.org.users)))
        await later
        # A partial page means "caught up": the next poll came poll_interval later.
        assert 1.0 == round(loop.time() - started, 3)
        await follower.aclose()


async def test_it_keeps_to_its_share_of_the_logs_bucket(okta_sim: OktaSimulator, okta: OktaClient) -> None:
    okta_sim.set_rate_limit(10, bucket="/api/v1/logs", window=3600)
    inject(okta_sim, 20)
    follower = okta.tail_log_events(limit=1, max_share=0.5, **FAST)
    await take(follower, 5)  # five full pages, one request each

    pacer = okta._get_transport().pacer
    assert pacer is not None
    budget = pacer.budget("/api/v1/logs")
    assert (10, 5, 5) == (budget.limit, budget.remaining, budget.reserve)
    assert not budget.admits(asyncio.get_running_loop().time())  # the sixth waits for the reset
    assert 5 == polls(okta_sim)
    await follower.aclose()


async def test_an_answer_that_never_came_is_asked_for_again(
    okta_sim: OktaSimulator, okta: OktaClient, caplog: pytest.LogCaptureFixture
) -> None:
    import stamina

    uuids = inject(okta_sim, 1)
    okta_sim.inject_fault("error", operation="listLogEvents", status=503, count=3)
    with stamina.set_testing(True, attempts=1):  # the transport gives up at once; the follower does not
        follower = okta.tail_log_events(**FAST)
        assert uuids == await take(follower, 1)
        await follower.aclose()
    assert "System Log poll failed (ServerError)" in caplog.text

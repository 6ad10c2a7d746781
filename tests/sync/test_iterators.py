"""List operations as plain iterators (pages fetched as they are used up, never ahead), and the
System Log follower as a blocking iterator that stops cleanly however it is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from oktakit import ApiToken, JournalError, LogEvent, NotFoundError
from oktakit.sync import LogFollower, OktaClient

from .conftest import SimThread

FAST = {"poll_interval": 0.001, "max_poll_interval": 0.002}


def _sent(sim_thread: SimThread, operation: str) -> int:
    return sim_thread.call(lambda: sim_thread.sim.request_counts[operation])


def _inject(sim_thread: SimThread, count: int) -> list[str]:
    sim = sim_thread.sim

    def add() -> list[str]:
        actor = next(uid for uid, user in sim.org.users.items() if user.status == "ACTIVE")
        return [sim.inject_log_event("user.session.start", actor=actor)["uuid"] for _ in range(count)]

    return sim_thread.call(add)


def test_pages_are_fetched_only_as_the_items_are_used_up(okta: OktaClient, sim_thread: SimThread) -> None:
    users = okta.list_users(limit=4)
    assert _sent(sim_thread, "listUsers") == 0  # arguments checked, nothing sent yet
    first_page = [next(users) for _ in range(4)]
    assert _sent(sim_thread, "listUsers") == 1
    fifth = next(users)
    assert _sent(sim_thread, "listUsers") == 2
    assert fifth.id not in {u.id for u in first_page}


def test_closing_a_list_early_stops_it_and_sends_nothing_more(
    okta: OktaClient, sim_thread: SimThread
) -> None:
    with okta.list_users(limit=2) as users:
        next(users)
    assert list(users) == []
    assert _sent(sim_thread, "listUsers") == 1


def test_an_error_while_listing_is_the_okta_error_then_the_list_ends(okta: OktaClient) -> None:
    groups = okta.list_user_groups("00u00000000000000000")
    with pytest.raises(NotFoundError):
        next(groups)
    assert list(groups) == []


def test_the_follower_hands_out_events_and_resumes_after_a_break(
    okta: OktaClient, sim_thread: SimThread, tmp_path: Path
) -> None:
    injected = _inject(sim_thread, 6)  # one more than taken: a bug shows as a wrong event, not a hang
    state = tmp_path / "signins.state"
    taken: list[str] = []
    with okta.tail_log_events(state=state, **FAST) as events:
        assert isinstance(events, LogFollower)
        for event in events:
            assert isinstance(event, LogEvent)
            taken.append(event.uuid)
            if len(taken) == 3:
                break  # leaving the with normally: the third is recorded as handled
    with okta.tail_log_events(state=state, **FAST) as events:
        taken += [next(events).uuid, next(events).uuid]
    assert taken == injected[:5]


def test_an_interrupt_while_handling_an_event_hands_it_out_again(
    okta: OktaClient, sim_thread: SimThread, tmp_path: Path
) -> None:
    injected = _inject(sim_thread, 3)
    state = tmp_path / "f.state"

    def handle_until_interrupted() -> None:
        with okta.tail_log_events(state=state, **FAST) as events:
            for _event in events:
                raise KeyboardInterrupt  # Ctrl-C while the first event is being handled

    with pytest.raises(KeyboardInterrupt):
        handle_until_interrupted()
    with okta.tail_log_events(state=state, **FAST) as events:
        assert [next(events).uuid, next(events).uuid] == injected[:2]


def test_closing_the_client_closes_its_open_followers(sim_thread: SimThread, tmp_path: Path) -> None:
    injected = _inject(sim_thread, 3)
    state = tmp_path / "f.state"
    auth = ApiToken(sim_thread.sim.api_token)
    okta = OktaClient(sim_thread.sim.url, auth=auth)
    follower = okta.tail_log_events(state=state, **FAST)
    assert next(follower).uuid == injected[0]
    with OktaClient(sim_thread.sim.url, auth=auth) as other, pytest.raises(JournalError):
        next(other.tail_log_events(state=state, **FAST))  # the state file is in use
    okta.close()  # the follower was never closed: closing the client does it
    with OktaClient(sim_thread.sim.url, auth=auth) as other:
        assert next(other.tail_log_events(state=state, **FAST)).uuid == injected[1]
    follower.close()  # after its client closed: nothing left to do

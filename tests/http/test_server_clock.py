"""Okta's clock as the pacer and the service-app authorizer estimate it from ``Date`` headers.

The truth in each test is an offset chosen by the test (Okta's time minus ours); an answer's
``Date`` is Okta's whole second when it answered, read ``latency`` seconds later. The estimate
must never be ahead of Okta (a wait for a reset would end early and draw a 429), and no single
answer may move it ahead or keep it wrong once other answers came.
"""

from __future__ import annotations

import math
from email.utils import formatdate

from hypothesis import assume, given
from hypothesis import strategies as st

from oktakit._http.clock import AGREEMENT, WINDOW, ServerClock

BASE = 1_767_225_600.0  # 2026-01-01T00:00:00Z


def answer(
    clock: ServerClock, okta_offset: float, local: float, *, latency: float = 0.0, ours: float
) -> None:
    """One answer stamped on Okta's clock (``local + okta_offset``), read ``latency`` later;
    ``ours`` is what our own wall clock says the offset is."""
    stamped = BASE + okta_offset + local
    clock.observe(
        formatdate(math.floor(stamped), usegmt=True), local + latency, lambda: local + latency + ours
    )


offsets = st.floats(-1e6, 1e6)
locals_ = st.lists(st.floats(0, 1e5), min_size=1, max_size=30)


@given(offset=offsets, moments=locals_, latency=st.floats(0, 2), ours=st.floats(-1e7, 1e7))
def test_okta_time_is_never_estimated_ahead_of_okta(
    offset: float, moments: list[float], latency: float, ours: float
) -> None:
    clock = ServerClock()
    for local in moments:
        answer(clock, offset, local, latency=latency, ours=BASE + ours)
    assert clock.offset is not None
    assert clock.offset <= BASE + offset + 1e-6


def test_the_estimate_tightens_with_more_answers() -> None:
    clock = ServerClock()
    for local in (0.0, 0.3, 0.26, 1.25):  # Okta's clock is ours + BASE + 0.75
        answer(clock, 0.75, local, ours=BASE + 0.75)
    assert clock.offset is not None
    assert BASE + 0.75 - 0.01 <= clock.offset <= BASE + 0.75


@given(
    offset=offsets,
    moments=st.lists(st.floats(0, 1e3), min_size=2, max_size=20, unique=True).map(sorted),
    where=st.integers(0, 19),
    ahead=st.floats(10, 1e11),
    ours=st.floats(-1e7, 1e7),
)
def test_one_far_future_date_never_puts_the_estimate_ahead_of_okta(
    offset: float, moments: list[float], where: int, ahead: float, ours: float
) -> None:
    # Our wall clock may be wrong too, just not wrong in the same way as the lying answer; the
    # lie never makes the estimate later than Okta's clock, or than ours if that is later.
    assume(abs(ours - (offset + ahead)) > AGREEMENT + 1)
    clock = ServerClock()
    for i, local in enumerate(moments):
        lie = ahead if i == where % len(moments) else 0.0
        answer(clock, offset + lie, local, ours=BASE + ours)
        assert clock.offset is not None
        assert clock.offset <= BASE + max(offset, ours) + 1e-6


@given(offset=offsets, ahead=st.floats(10, 1e11), ours=st.floats(-1e7, 1e7))
def test_after_a_lying_first_answer_two_honest_ones_restore_the_estimate(
    offset: float, ahead: float, ours: float
) -> None:
    assume(abs(ours - (offset + ahead)) > AGREEMENT + 1)
    clock = ServerClock()
    answer(clock, offset + ahead, 0.0, ours=BASE + ours)
    answer(clock, offset, 1.0, ours=BASE + ours)
    answer(clock, offset, 2.0, ours=BASE + ours)
    assert clock.offset is not None
    assert BASE + offset - 1 <= clock.offset <= BASE + offset


def test_two_agreeing_wrong_answers_are_forgotten_after_a_window_of_honest_ones() -> None:
    clock = ServerClock()
    answer(clock, 0.0, 0.0, ours=BASE + 5000)  # our wall clock is far off: it confirms nothing
    answer(clock, 3600.0, 1.0, ours=BASE + 5000)
    answer(clock, 3600.0, 2.0, ours=BASE + 5000)
    assert clock.offset == BASE + 3600  # two answers agree: believed, for now
    for second in range(WINDOW):
        answer(clock, 0.0, 3.0 + second, ours=BASE + 5000)
    assert clock.offset == BASE


def test_a_date_read_twice_is_two_answers_that_agree() -> None:
    clock = ServerClock()
    answer(clock, 100.0, 0.0, ours=BASE)  # disagrees with our wall clock: not trusted yet
    assert clock.offset == BASE
    answer(clock, 100.0, 0.2, ours=BASE)  # the same second from another answer
    assert clock.offset == BASE + 100


def test_latest_is_the_last_answer_alone_and_unreadable_dates_are_ignored() -> None:
    clock = ServerClock()
    answer(clock, 0.0, 0.0, ours=BASE)
    answer(clock, -90.0, 1.0, ours=BASE)
    for junk in ("not a date", "Mon, 32 Foo 99999999 99:99:99 GMT", "\udc80", ""):
        clock.observe(junk, 2.0, lambda: BASE + 2.0)
    assert clock.latest == BASE - 90
    assert clock.offset == BASE  # the one that our own clock agrees with


def test_seconds_until_uses_okta_time_and_never_goes_negative() -> None:
    clock = ServerClock()
    assert 30.0 == clock.seconds_until(BASE + 30, 0.0, lambda: BASE)  # no answer yet: our clock
    answer(clock, -3600.0, 0.0, ours=BASE - 3600)
    answer(clock, -3600.0, 0.5, ours=BASE - 3600)
    assert 10.0 == clock.seconds_until(BASE - 3600 + 10, 0.0, lambda: BASE)
    assert 0.0 == clock.seconds_until(BASE - 7200, 0.0, lambda: BASE)


def observe(clock: ServerClock, observation: float, local: float, ours: float) -> None:
    """An answer whose ``Date`` minus ``local`` is ``observation`` (whole seconds)."""
    clock.observe(formatdate(BASE + observation + local, usegmt=True), local, lambda: local + BASE + ours)


FAR = 5000.0  # our wall clock, this far off, confirms nothing


def test_of_two_agreeing_answers_the_later_reading_is_the_estimate() -> None:
    clock = ServerClock()
    observe(clock, 0.0, 10.0, FAR)
    observe(clock, -3600.0, 11.0, FAR)  # a node an hour behind
    observe(clock, 1.0, 12.0, FAR)  # agrees with the first: Okta is at least 1 s ahead of it
    assert BASE + 1.0 == clock.offset


def test_after_a_lie_the_larger_of_two_agreeing_answers_is_the_estimate() -> None:
    clock = ServerClock()
    observe(clock, 3600.0, 10.0, FAR)  # a lie an hour ahead
    observe(clock, 1.0, 11.0, FAR)
    observe(clock, 0.0, 12.0, FAR)
    assert BASE + 1.0 == clock.offset


def test_until_two_agree_the_estimate_is_the_lowest_answer_or_our_own_clock() -> None:
    clock = ServerClock()
    observe(clock, 3600.0, 10.0, -10.0)  # a lie an hour ahead; our clock 10 s behind Okta
    observe(clock, 0.0, 11.0, -10.0)
    assert BASE - 10.0 == clock.offset  # ours is the lowest
    clock = ServerClock()
    observe(clock, 3600.0, 10.0, FAR)
    observe(clock, 0.0, 11.0, FAR)
    assert BASE == clock.offset  # the honest answer is the lowest


def test_answers_exactly_the_agreement_apart_confirm_each_other() -> None:
    # AGREEMENT: "Observations further apart than this do not confirm each other".
    clock = ServerClock()
    observe(clock, AGREEMENT, 10.0, FAR)
    observe(clock, 0.0, 11.0, FAR)
    assert BASE + AGREEMENT == clock.offset
    clock = ServerClock()
    observe(clock, AGREEMENT + 1, 10.0, FAR)
    observe(clock, 0.0, 11.0, FAR)
    assert BASE == clock.offset  # not confirmed: the lowest


def test_our_clock_exactly_the_agreement_behind_an_answer_confirms_it() -> None:
    clock = ServerClock()
    observe(clock, 0.0, 10.0, -AGREEMENT)
    assert BASE == clock.offset
    clock = ServerClock()
    observe(clock, 0.0, 10.0, -AGREEMENT - 1)
    assert BASE - AGREEMENT - 1 == clock.offset  # not confirmed: the lower of the two


def test_a_burst_of_answers_within_one_second_of_a_lagging_node_keeps_okta_time() -> None:
    # Only distinct Date values fill the window: one second read many times is one of them.
    clock = ServerClock()
    observe(clock, 0.0, 10.0, FAR)
    observe(clock, 0.0, 11.0, FAR)  # confirmed: Okta is BASE ahead of our loop
    behind = formatdate(BASE - 3600 + 12, usegmt=True)  # a node an hour behind
    for k in range(2 * WINDOW):
        clock.observe(behind, 12.0 + k / 100, lambda: BASE + FAR)
    assert BASE == clock.offset


def test_one_date_read_ten_seconds_apart_is_a_stale_replay_not_a_confirmation() -> None:
    clock = ServerClock()
    lie = formatdate(BASE + 3600 + 10, usegmt=True)  # an hour ahead, at our local 10
    # Our wall clock says Okta is BASE - 10 ahead of the loop.
    clock.observe(lie, 10.0, lambda: 10.0 + BASE - 10)
    clock.observe(lie, 20.0, lambda: 20.0 + BASE - 10)  # the same second again, 10 s later
    assert BASE - 10 == clock.offset  # unconfirmed: the lowest, our own clock


def test_a_date_confirmed_by_a_second_answer_does_not_outrank_one_our_clock_agrees_with() -> None:
    clock = ServerClock()
    observe(clock, 0.0, 10.0, 0.0)  # agrees with our own clock
    behind = formatdate(BASE - 100 + 11, usegmt=True)  # a node 100 s behind, read twice
    clock.observe(behind, 11.0, lambda: BASE + 11.0)
    clock.observe(behind, 11.5, lambda: BASE + 11.5)
    assert BASE == clock.offset  # the highest trusted observation wins

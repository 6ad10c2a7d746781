"""The pacer's pure parts: header reading and the budget (Okta's clock: test_server_clock.py;
bucket matching: test_okta_buckets.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit import ApiToken, ConfigurationError, OktaClient, RateLimitPolicy
from oktakit._http.hints import read_rate_limit
from oktakit._http.ratelimit import Budget, Pacer
from oktakit._http.stats import Stats


def test_rate_limit_headers_are_read_as_numbers() -> None:
    headers = {
        "X-Rate-Limit-Limit": "600",
        "X-Rate-Limit-Remaining": "598",
        "X-Rate-Limit-Reset": "1767225660",
    }
    assert (600, 598, 1767225660) == read_rate_limit(headers).numbers
    assert "rate" == read_rate_limit(headers).kind


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        ({}, "no_headers"),
        ({"X-Rate-Limit-Limit": "x", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1"}, "no_headers"),
        ({"X-Rate-Limit-Limit": "600"}, "no_headers"),
        # Okta: "The first two header values are always 0 for concurrent rate limit errors".
        (
            {"X-Rate-Limit-Limit": "0", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1"},
            "concurrency",
        ),
    ],
)
def test_a_429_is_classified_by_its_headers(headers: dict[str, str], kind: str) -> None:
    assert kind == read_rate_limit(headers).kind


def _budget(limit: int, remaining: int, share: float = 1.0) -> Budget:
    budget = Budget("b")
    budget.update((limit, remaining, 1000), 60.0, 0.0, share)
    return budget


@given(limit=st.integers(1, 500), used=st.integers(0, 500), share=st.floats(0.01, 1.0))
def test_a_budget_lets_through_at_most_its_share_of_what_is_left(limit: int, used: int, share: float) -> None:
    remaining = max(0, limit - used)
    budget = _budget(limit, remaining, share)
    admitted = 0
    while budget.admits(1.0) and admitted <= limit:
        budget.pending += 1
        admitted += 1
    keep_for_others = limit - math.floor(limit * share)
    assert admitted == max(0, remaining - keep_for_others)


@given(answers=st.lists(st.integers(0, 100), min_size=1, max_size=20))
def test_answers_of_one_window_in_any_order_leave_the_lowest_remaining(answers: list[int]) -> None:
    budget = Budget("b")
    for remaining in answers:
        budget.update((100, remaining, 1000), 60.0, 0.0, 1.0)
    assert min(answers) == budget.remaining


def test_an_answer_from_an_older_window_is_ignored_and_a_newer_one_wins() -> None:
    budget = _budget(100, 3)
    budget.update((100, 0, 940), 0.0, 1.0, 1.0)  # a straggler of the window before
    assert 3 == budget.remaining
    budget.update((100, 99, 1060), 60.0, 1.0, 1.0)
    assert (99, 1060) == (budget.remaining, budget.reset)


def test_after_the_reset_the_bucket_is_assumed_full_until_okta_says_otherwise() -> None:
    budget = _budget(2, 0)
    assert not budget.admits(59.9)
    assert budget.admits(60.0)
    assert 2 == budget.remaining


def test_a_new_bucket_sends_one_request_to_learn_its_numbers() -> None:
    budget = Budget("b")
    assert budget.admits(0.0)
    budget.pending += 1
    assert not budget.admits(0.0)


@pytest.mark.parametrize(
    "options", [{"max_in_flight": 0}, {"max_in_flight": 2.5}, {"max_share": 0}, {"max_share": 1.5}]
)
def test_a_nonsense_rate_limit_policy_is_refused(options: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError, match="must be"):
        RateLimitPolicy(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["retry", "rate_limit"])
def test_the_client_refuses_a_policy_of_the_wrong_type(name: str) -> None:
    with pytest.raises(ConfigurationError, match=name):
        OktaClient("https://acme.okta.com", auth=ApiToken("t" * 40), **{name: True})  # type: ignore[arg-type]


def test_a_refusal_with_room_left_keeps_the_most_ever_refused_with_through_new_windows() -> None:
    budget = _budget(100, 50)
    budget.refused(30)
    budget.refused(40)
    budget.refused(35)  # less than before: the 40 kept unused stays so
    assert 40 == budget.reserve
    # A new window whose limit changed: what Okta refused with stays out of reach.
    budget.update((200, 200, 1060), 60.0, 1.0, 1.0)
    assert 40 == budget.reserve


def _pacer(max_share: float = 1.0) -> Pacer:
    return Pacer(RateLimitPolicy(max_share=max_share), Stats(), lambda: 0.0)


def test_a_bucket_s_share_can_be_lowered_for_that_bucket_alone() -> None:
    pacer = _pacer()
    for bucket in ("/api/v1/logs", "/api/v1/users"):
        pacer.budget(bucket).update((120, 120, 1000), 60.0, 0.0, 1.0)
    pacer.limit_share("/api/v1/logs", 0.5)

    assert 60 == pacer.budget("/api/v1/logs").reserve  # half of 120 left to others
    assert 0 == pacer.budget("/api/v1/users").reserve


def test_a_share_learned_later_and_the_smallest_asked_for_win() -> None:
    pacer = _pacer(max_share=0.8)
    pacer.limit_share("/api/v1/logs", 0.9)  # never above the client's own max_share
    pacer.limit_share("/api/v1/logs", 0.5)
    pacer.limit_share("/api/v1/logs", 0.7)  # a larger share does not undo a smaller one
    budget = pacer.budget("/api/v1/logs")
    budget.update((50, 50, 1000), 60.0, 0.0, pacer._shares["/api/v1/logs"])
    assert 25 == budget.reserve


@pytest.mark.parametrize("share", [0, -0.5, 1.5, math.nan, True])
def test_a_share_outside_zero_to_one_is_refused(share: float) -> None:
    with pytest.raises(ConfigurationError):
        _pacer().limit_share("/api/v1/logs", share)


def test_a_share_asked_for_one_bucket_never_exceeds_the_clients_max_share() -> None:
    pacer = _pacer(max_share=0.5)
    pacer.limit_share("/api/v1/logs", 0.9)
    budget = pacer.budget("/api/v1/logs")
    budget.update((100, 100, 1000), 60.0, 0.0, pacer._shares["/api/v1/logs"])
    assert 50 == budget.reserve  # 100 - floor(100 * 0.5), by hand


def test_half_of_a_one_request_bucket_is_no_request_so_it_is_left_to_others() -> None:
    # max_share: the share of the bucket this client may use; floor(1 * 0.5) = 0 requests.
    budget = _budget(1, 1)
    budget.reshare(0.5)
    assert 1 == budget.reserve
    assert not budget.admits(0.0)

"""The shared budget's Lua scripts, run in a real redis-server: what one reservation may take,
how Okta's numbers from several processes merge, and when a lease runs out.

Every expected number is worked out by hand from the bucket the test writes (limit, remaining,
reset) and Okta's rule the script keeps: a request may go while ``remaining`` minus the places
already taken stays above the reserve (``limit - floor(limit * share)``).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from oktakit._http.shared._scripts import MERGE, RENEW, RESERVE

B, PENDING, IN_FLIGHT, PEERS = "t:bucket:users", "t:pending:users", "t:in-flight", "t:peers"
NOW = 1_700_000_000.0  # Okta's clock, as a caller estimates it (epoch seconds)


class Scripts:
    def __init__(self, client: Any) -> None:
        self.client = client
        self.reserve_script = client.register_script(RESERVE)
        self.merge_script = client.register_script(MERGE)
        self.renew_script = client.register_script(RENEW)
        self.ids = 0

    async def reserve(
        self,
        *,
        now: float = NOW,
        share: float = 1.0,
        max_in_flight: int = 100,
        lease_ms: int = 60_000,
        known: tuple[Any, ...] = ("", "", ""),
    ) -> tuple[bool, int, int]:
        self.ids += 1
        granted, wait, peers = await self.reserve_script(
            [B, PENDING, IN_FLIGHT, PEERS],
            [
                f"lease-{self.ids}",
                "proc",
                repr(now),
                repr(share),
                max_in_flight,
                lease_ms,
                10,
                60_000,
                600,
                *known,
            ],
        )
        return bool(granted), int(wait), int(peers)

    async def merge(
        self, lease: str, limit: int, remaining: int, reset: int, *, refused: bool = False
    ) -> None:
        await self.merge_script(
            [B, PENDING, IN_FLIGHT], [lease, "numbers", limit, remaining, reset, int(refused), 600]
        )

    async def bucket(self) -> dict[str, str]:
        return dict(await self.client.hgetall(B))


@pytest.fixture
def scripts(redis_client: Any) -> Scripts:
    return Scripts(redis_client)


async def test_an_unknown_bucket_lets_one_request_go_alone_to_learn_its_numbers(scripts: Scripts) -> None:
    assert (True, 0, 1) == await scripts.reserve()
    assert (False, 10, 1) == await scripts.reserve()  # the first is still on its way: ask again in 10 ms
    await scripts.merge("lease-1", 10, 9, int(NOW) + 30)
    assert (True, 0, 1) == await scripts.reserve()


async def test_an_empty_redis_is_seeded_with_a_window_the_caller_saw_spent(scripts: Scripts) -> None:
    # Redis restarted empty mid-window; this process had seen the bucket spent until NOW + 20.
    spent = (10, 0, int(NOW) + 20)
    assert (False, 20_000, 1) == await scripts.reserve(known=spent)
    stored = await scripts.bucket()
    assert {"limit": "10", "remaining": "0", "reset": str(int(NOW) + 20)}.items() <= stored.items()
    assert (True, 0, 1) == await scripts.reserve(now=NOW + 20)  # its reset passed: a fresh window


async def test_numbers_already_in_redis_win_over_a_callers_seed(scripts: Scripts) -> None:
    await scripts.merge("", 10, 3, int(NOW) + 20)
    granted = [(await scripts.reserve(known=(10, 0, int(NOW) + 20)))[0] for _ in range(4)]
    assert [True, True, True, False] == granted


async def test_a_known_bucket_gives_exactly_the_places_left_then_says_how_long_to_the_reset(
    scripts: Scripts,
) -> None:
    await scripts.client.hset(B, mapping={"limit": 10, "remaining": 4, "reset": int(NOW) + 30, "rolled": 0})
    granted = [(await scripts.reserve())[0] for _ in range(6)]
    assert [True] * 4 + [False] * 2 == granted
    # The four on their way are answered (4 -> 0 left): nothing left, none pending, so the next
    # one waits for the reset, 30 s away on Okta's clock.
    for lease in range(1, 5):
        await scripts.merge(f"lease-{lease}", 10, 0, int(NOW) + 30)
    assert (False, 30_000, 1) == await scripts.reserve()
    assert (False, 12_500, 1) == await scripts.reserve(now=NOW + 17.5)


async def test_max_share_keeps_the_rest_of_the_bucket_for_others_over_all_callers(scripts: Scripts) -> None:
    # 10 a window at a share of 0.35: floor(3.5) = 3 may be used, a reserve of 7 is kept.
    await scripts.client.hset(B, mapping={"limit": 10, "remaining": 10, "reset": int(NOW) + 30, "rolled": 0})
    granted = [(await scripts.reserve(share=0.35))[0] for _ in range(5)]
    assert [True, True, True, False, False] == granted


async def test_the_window_rolls_over_on_okta_clock_and_the_whole_limit_is_there_again(
    scripts: Scripts,
) -> None:
    await scripts.client.hset(B, mapping={"limit": 3, "remaining": 0, "reset": int(NOW) + 5, "rolled": 0})
    assert not (await scripts.reserve(now=NOW + 4.9))[0]
    granted = [(await scripts.reserve(now=NOW + 5))[0] for _ in range(4)]
    assert [True, True, True, False] == granted
    assert {"remaining": "3", "rolled": "1"}.items() <= (await scripts.bucket()).items()


async def test_numbers_of_a_later_window_replace_the_stored_ones(scripts: Scripts) -> None:
    await scripts.merge("", 100, 5, int(NOW) + 10)
    await scripts.merge("", 100, 97, int(NOW) + 70)
    assert {
        "limit": "100",
        "remaining": "97",
        "reset": str(int(NOW) + 70),
        "rolled": "0",
    } == await scripts.bucket()


async def test_a_stale_answer_of_the_same_window_never_raises_the_remaining_count(scripts: Scripts) -> None:
    # Process A's answer said 40 left; B's answer, sent earlier but arriving later, says 55.
    await scripts.merge("", 100, 40, int(NOW) + 10)
    await scripts.merge("", 100, 55, int(NOW) + 10)
    assert "40" == (await scripts.bucket())["remaining"]
    await scripts.merge("", 100, 31, int(NOW) + 10)
    assert "31" == (await scripts.bucket())["remaining"]


async def test_an_answer_of_an_older_window_is_ignored(scripts: Scripts) -> None:
    await scripts.merge("", 100, 90, int(NOW) + 70)
    await scripts.merge("", 100, 2, int(NOW) + 10)
    assert {"remaining": "90", "reset": str(int(NOW) + 70)}.items() <= (await scripts.bucket()).items()


async def test_a_late_answer_of_a_window_that_rolled_over_does_not_lower_the_new_one(
    scripts: Scripts,
) -> None:
    await scripts.merge("", 10, 1, int(NOW) + 5)
    assert (await scripts.reserve(now=NOW + 6))[0]  # rolled over: 10 again
    await scripts.merge("", 10, 0, int(NOW) + 5)  # an answer sent before the reset
    assert "10" == (await scripts.bucket())["remaining"]


async def test_a_429_with_room_left_keeps_that_room_unused_from_then_on(scripts: Scripts) -> None:
    # Okta refused while reporting 6 of 10 left: those 6 are another client's share.
    await scripts.merge("", 10, 6, int(NOW) + 30, refused=True)
    assert [False] == [(await scripts.reserve())[0]]
    await scripts.merge("", 10, 10, int(NOW) + 90)  # the next window
    granted = [(await scripts.reserve())[0] for _ in range(5)]
    assert [True, True, True, True, False] == granted  # 10 - 6 kept


async def test_the_in_flight_places_are_shared_by_every_bucket_of_the_org(scripts: Scripts) -> None:
    granted = []
    for _ in range(3):
        granted.append((await scripts.reserve(max_in_flight=2))[0])
        await scripts.merge(f"lease-{scripts.ids}", 1000, 999, int(NOW) + 30)
        await scripts.client.zadd(IN_FLIGHT, {f"other-{scripts.ids}": 10**15})  # still on its way
    assert [True, True, False] == granted


async def test_a_released_lease_frees_its_places_at_once(scripts: Scripts) -> None:
    await scripts.reserve()
    await scripts.merge("lease-1", 10, 9, int(NOW) + 30)
    assert 0 == await scripts.client.zcard(PENDING)
    assert 0 == await scripts.client.zcard(IN_FLIGHT)


async def test_a_lease_nobody_renews_runs_out_and_its_place_is_free_again(scripts: Scripts) -> None:
    await scripts.client.hset(B, mapping={"limit": 10, "remaining": 1, "reset": int(NOW) + 30, "rolled": 0})
    assert (await scripts.reserve(lease_ms=200))[0]  # its process dies: no release, no renewal
    assert not (await scripts.reserve())[0]
    for _ in range(200):  # Redis's clock decides; give it up to 10 s
        await asyncio.sleep(0.05)
        if (await scripts.reserve())[0]:
            break
    else:
        pytest.fail("the dead process's lease never ran out")
    assert ["lease-" + str(scripts.ids)] == await scripts.client.zrange(PENDING, 0, -1)


async def test_a_renewed_lease_outlives_its_first_expiry(scripts: Scripts) -> None:
    await scripts.client.hset(B, mapping={"limit": 10, "remaining": 1, "reset": int(NOW) + 30, "rolled": 0})
    assert (await scripts.reserve(lease_ms=1000))[0]
    await scripts.renew_script([PENDING, IN_FLIGHT], [600_000, "lease-1"])
    score = await scripts.client.zscore(PENDING, "lease-1")
    seconds, micros = await scripts.client.time()
    assert score > seconds * 1000 + micros // 1000 + 500_000  # ten minutes on, not one second
    await scripts.renew_script([PENDING, IN_FLIGHT], [600_000, "lease-released"])
    assert ["lease-1"] == await scripts.client.zrange(PENDING, 0, -1)  # a released one is not brought back


async def test_the_reservation_counts_the_processes_sharing_the_budget(scripts: Scripts) -> None:
    await scripts.client.zadd(PEERS, {"another": 10**15})
    assert 2 == (await scripts.reserve())[2]


async def test_every_key_the_scripts_write_expires(scripts: Scripts) -> None:
    await scripts.reserve()
    await scripts.merge("", 10, 9, int(NOW) + 30)
    await scripts.reserve()
    for key in (B, PENDING, IN_FLIGHT, PEERS):
        assert await scripts.client.pttl(key) > 0, key

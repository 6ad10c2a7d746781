"""The command line's stderr while Okta answers 503: with ``-v`` one line per retry, in words
(the path template, never the values), none without it or with ``--quiet``; the final error says
how many attempts were made; no bare stamina lines; a bulk item's failure is reported once."""

from __future__ import annotations

import re

import pytest

from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.bulk._support import add_users, run_cli

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())
RETRY_LINE = re.compile(
    r"^oktakit: retrying GET /api/v1/users/\{id\} in \d+\.\d s after HTTP 503 \(attempt (\d) of 5\)$"
)


async def test_with_v_each_retry_is_one_line_in_words_and_without_it_or_quiet_none(
    okta_sim: OktaSimulator,
) -> None:
    user = okta_sim.add_user(login="jane@example.com")
    okta_sim.inject_fault("error", status=503, operation="getUser", count=2, retry_after=0)

    code, out, err = await run_cli(okta_sim, "users", "get", "jane@example.com", "--format", "json", "-v")

    assert 0 == code, err
    assert user.id in out
    lines = err.splitlines()
    assert ["2", "3"] == [RETRY_LINE.match(line).group(1) for line in lines if RETRY_LINE.match(line)]
    assert 2 == len(lines), err  # nothing else: no stamina.retry_scheduled, no warning
    assert "stamina" not in err

    okta_sim.inject_fault("error", status=503, operation="getUser", count=2, retry_after=0)
    code, _, err = await run_cli(okta_sim, "users", "get", "jane@example.com", "-q")
    assert (0, "") == (code, err)

    okta_sim.inject_fault("error", status=503, operation="getUser", count=2, retry_after=0)
    code, _, err = await run_cli(okta_sim, "users", "get", "jane@example.com")
    assert (0, "") == (code, err)


async def test_the_final_error_says_how_many_attempts_were_made(okta_sim: OktaSimulator) -> None:
    okta_sim.add_user(login="jane@example.com")
    okta_sim.inject_fault("error", status=503, operation="getUser", retry_after=0)

    code, _, err = await run_cli(okta_sim, "users", "get", "jane@example.com", "-v")

    assert 1 == code
    lines = err.splitlines()
    assert 4 == sum(bool(RETRY_LINE.match(line)) for line in lines), err
    assert "ServerError" in lines[-1]
    assert "gave up after 5 attempts" in lines[-1]
    assert "Traceback" not in err


async def test_a_failed_bulk_item_is_reported_once(okta_sim: OktaSimulator) -> None:
    ids = add_users(okta_sim, recovery="RECOVERY", active="ACTIVE")

    code, _, err = await run_cli(
        okta_sim,
        *("bulk", "suspend", "--ids", "-", "--yes", "--no-progress"),
        stdin=f"{ids['recovery']}\n{ids['active']}\n",
    )

    assert 1 == code
    assert 1 == sum(ids["recovery"] in line for line in err.splitlines()), err

"""Reliability: SIGKILL at random moments then resume, and a soak under injected faults.

The soak's size comes from ``OKTAKIT_SOAK_USERS`` (``nox -s soak`` runs 20,000); the suite runs
a smaller org so that it stays quick.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import stamina

from oktakit import ApiToken, OktaClient
from oktakit.testing import OktaSimulator, RateLimitConfig

from ._support import (
    add_active_users,
    journal_lines,
    kill_at_random_moments,
    run_cli,
    slow_suspend_command,
    statuses,
    terminal_counts,
)

pytestmark = pytest.mark.okta_sim(users=0, rate_limit=RateLimitConfig.unlimited())


async def test_sigkill_at_random_moments_then_resume_loses_and_repeats_nothing(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids, journal, args = slow_suspend_command(okta_sim, tmp_path, users=150, delay=0.01)
    args += ["--concurrency", "6"]
    held = f"/api/v1/users/{ids[-1]}/lifecycle/suspend"  # the last user's: no run finishes first

    kills = await kill_at_random_moments(
        okta_sim, args, journal, held=held, outcomes=len(ids), seed=20261129, at_most=20
    )

    code, _, err = await run_cli(okta_sim, *args)

    assert 0 == code, err
    assert 5 == kills
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    # Every user was ACTIVE: each one was suspended by this job, whichever attempt did it.
    outcomes = {r["item"]: r["outcome"] for r in journal_lines(journal) if r["kind"] == "outcome"}
    assert {"succeeded"} == set(outcomes.values())
    assert ["SUSPENDED"] * len(ids) == statuses(okta_sim, ids)


# One-second windows: an injected 429 reports its bucket as spent until the window's end.
@pytest.mark.okta_sim(
    users=0, rate_limit=RateLimitConfig.uniform(1_000_000_000, window=1.0, concurrency=1_000_000)
)
async def test_fault_soak_ends_with_every_user_suspended_and_one_record_each(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    size = int(os.environ.get("OKTAKIT_SOAK_USERS", "1500"))
    ids = add_active_users(okta_sim, size)
    okta_sim.inject_fault("reset", operation="suspendUser", probability=0.02)
    okta_sim.inject_fault("error", operation="suspendUser", status=503, probability=0.02)
    okta_sim.inject_fault("html", status=502, probability=0.01)
    okta_sim.inject_fault("error", status=429, count=max(20, size // 200))  # a burst of 429s
    okta_sim.inject_fault("delay", delay=0.005, probability=0.05)

    # The transport retries the transient failures (stamina's waits made instant), so one pass
    # settles everything; were one left, a rerun with a journal of its own would take it.
    remaining = ids
    passes = 0
    with stamina.set_testing(True, attempts=10):
        async with OktaClient(okta_sim.url, auth=ApiToken(okta_sim.api_token)) as okta:
            while remaining and passes < 10:
                passes += 1
                journal = tmp_path / f"pass{passes}.jsonl"
                report = await okta.bulk(
                    "suspend_user", remaining, concurrency=32, journal=journal, progress=False
                )
                assert dict.fromkeys(remaining, 1) == dict(terminal_counts(journal))
                assert not report.skipped or all(
                    okta_sim.org.users[i].status == "SUSPENDED" for i in report.skipped
                )
                remaining = list(report.failed)

    assert [] == remaining
    assert 1 == passes
    assert ["SUSPENDED"] * size == statuses(okta_sim, ids)


async def test_containment_killed_at_random_moments_resumes_with_one_outcome_per_user_and_step(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    steps = ("clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend")
    ids = add_active_users(okta_sim, 40)
    for user_id in ids:
        okta_sim.sign_in(user_id)
        okta_sim.org.users[user_id].factors.append("okta_verify")
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    journal = tmp_path / "contain.jsonl"
    args = ["contain", "--ids", str(ids_file), "--journal", str(journal), "--yes", "--no-progress"]
    args += ["--concurrency", "4"]
    # Slow enough that a kill lands between a step's start and its outcome now and then.
    okta_sim.inject_fault("delay", method="POST", path="/api/v1/users/*/lifecycle/*", delay=0.005)
    held = f"/api/v1/users/{ids[-1]}/lifecycle/suspend"  # the last user's: no run finishes first

    kills = await kill_at_random_moments(
        okta_sim, args, journal, held=held, outcomes=len(ids) * len(steps), seed=20261205, at_most=30
    )

    code, _, err = await run_cli(okta_sim, *args)

    assert 0 == code, err
    assert 5 == kills
    settled = [(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "outcome"]
    assert sorted((user, step) for user in ids for step in steps) == sorted(settled)
    # Every user was ACTIVE: each step was this job's, whichever attempt did it.
    assert {"succeeded"} == {r["outcome"] for r in journal_lines(journal) if r["kind"] == "outcome"}
    assert ["SUSPENDED"] * len(ids) == statuses(okta_sim, ids)
    users = [okta_sim.org.users[i] for i in ids]
    assert not any(u.account.sessions or u.factors for u in users)
    # A step is sent again only when a kill left it in doubt (its start without an outcome).
    starts = [(r["item"], r["step"]) for r in journal_lines(journal) if r["kind"] == "start"]
    assert len(ids) * len(steps) <= len(starts) <= len(ids) * len(steps) + 5 * 4

"""The cookbook's scheduled job (docs/cookbook/nightly_dormant.py) against the simulator."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from oktakit import OktaClient
from oktakit.testing import SEED_EPOCH, FaultRule, OktaSimulator

from ._cookbook import load

job = load("nightly_dormant")
NIGHT = datetime.fromtimestamp(SEED_EPOCH, UTC)  # the seeded org's "now"
INACTIVE_DAYS = 12


def dormant(sim: OktaSimulator) -> set[str]:
    """Worked out from the org's own state: ACTIVE, and last signed in before the cut-off."""
    cutoff = (NIGHT - timedelta(days=INACTIVE_DAYS)).timestamp()
    return {
        u.id
        for u in sim.org.users.values()
        if u.status == "ACTIVE" and u.last_login is not None and u.last_login < cutoff
    }


@pytest.mark.okta_sim(users=120, seed=11)
async def test_the_night_suspends_exactly_the_dormant_users_and_its_rerun_repeats_nothing(
    org_env: OktaSimulator, tmp_path: Path
) -> None:
    sim = org_env
    expected = dormant(sim)
    suspended_before = {u.id for u in sim.org.users.values() if u.status == "SUSPENDED"}
    argv = ["--journal-dir", str(tmp_path), "--inactive-days", str(INACTIVE_DAYS), "--now", NIGHT.isoformat()]
    assert expected, "the seed gives some dormant users"

    # main() runs its own event loop (asyncio.run), as under cron: here in a thread, while the
    # simulator is served by the test's loop.
    first = await asyncio.to_thread(job.main, argv)
    rerun = await asyncio.to_thread(job.main, argv)

    assert (0, 0) == (first, rerun)
    assert expected == {u.id for u in sim.org.users.values() if u.status == "SUSPENDED"} - suspended_before
    suspends = sim.log_events("user.lifecycle.suspend")
    assert sorted(expected) == sorted(e["target"][0]["id"] for e in suspends)  # each once
    with (tmp_path / f"dormant-{NIGHT:%Y-%m-%d}.csv").open(encoding="utf-8") as report:
        assert expected == {row["user_id"] for row in csv.DictReader(report) if row["outcome"] == "succeeded"}


@pytest.mark.okta_sim(users=40, seed=11)
async def test_a_run_refused_by_okta_prints_one_line_and_exits_1(
    org_env: OktaSimulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OKTA_API_TOKEN", "00-not-a-token-of-this-org")

    status = await asyncio.to_thread(job.main, ["--journal-dir", str(tmp_path), "--now", NIGHT.isoformat()])

    assert 1 == status
    assert capsys.readouterr().err.startswith("nightly_dormant: AuthenticationError: ")


async def _until_held(hold: FaultRule, count: int) -> None:
    """Poll (the requests arrive over sockets: no event to wait on) until ``count`` are held."""
    for _ in range(6000):
        if hold.held >= count:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"{hold.held} requests held, expected {count}")


@pytest.mark.okta_sim(users=120, seed=11)
async def test_a_night_killed_with_suspensions_in_flight_resumes_and_sends_no_suspension_twice(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    expected = dormant(okta_sim)
    suspended_before = {u.id for u in okta_sim.org.users.values() if u.status == "SUSPENDED"}
    # Okta makes each change but its answer never comes back: the process dies with them in flight.
    hold = okta_sim.inject_fault("hold", operation="suspendUser", applied=True)
    night = asyncio.create_task(
        job.suspend_dormant(okta, now=NIGHT, inactive_days=INACTIVE_DAYS, journal_dir=tmp_path)
    )
    await _until_held(hold, 3)
    night.cancel()  # stops taking users; the in-flight ones are waited for...
    await asyncio.sleep(0)
    night.cancel()  # ...until the second cancellation journals them as interrupted
    with pytest.raises(asyncio.CancelledError):
        await night
    okta_sim.clear_faults()
    sent_before_rerun = okta_sim.request_counts["suspendUser"]

    rerun = await job.suspend_dormant(okta, now=NIGHT, inactive_days=INACTIVE_DAYS, journal_dir=tmp_path)

    assert rerun.ok
    assert (
        expected == {u.id for u in okta_sim.org.users.values() if u.status == "SUSPENDED"} - suspended_before
    )
    assert len(expected) == okta_sim.request_counts["suspendUser"]  # one request per user, ever
    assert sent_before_rerun < len(expected)
    # The journal knows every user the night suspended, those in flight at the kill included.
    undo = await okta.bulk_undo(tmp_path / f"dormant-{NIGHT:%Y-%m-%d}.jsonl", progress=False)
    assert sorted(expected) == sorted(undo.succeeded)
    assert suspended_before == {u.id for u in okta_sim.org.users.values() if u.status == "SUSPENDED"}

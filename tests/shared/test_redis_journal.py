"""A bulk journal in Redis (``journal="redis://host:port/db/JOB"``): workers of one job split
its items, a killed worker's items are taken over, and every item ends with exactly one outcome;
undo, the report and the CLI work on it as on a file. Judged by the journal's records and by
what the simulator was asked, never by time."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from oktakit import ApiToken, InvalidArgumentError, OktaClient
from oktakit.testing import OktaSimulator
from tests.bulk._support import add_active_users, run_cli, run_python, statuses


async def _records(redis_client: Any, job: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in await redis_client.lrange(f"oktakit:job:{{{job}}}:records", 0, -1)]


def _outcomes(records: list[dict[str, Any]]) -> Counter[str]:
    return Counter(record["item"] for record in records if record["kind"] == "outcome")


def _suspends(sim: OktaSimulator) -> Counter[str]:
    return Counter(
        record.path.split("/")[4]
        for record in sim.request_log
        if record.operation == "suspendUser" and record.status == 200
    )


def _client(sim: OktaSimulator) -> OktaClient:
    return OktaClient(sim.url, auth=ApiToken(sim.api_token))


async def test_a_worker_joining_a_finished_job_resumes_it_and_sends_nothing(
    redis_client: Any, redis_url: str
) -> None:
    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 20)
        journal = f"{redis_url}/incident-42"
        async with _client(sim) as first, _client(sim) as second:
            report = await first.bulk("suspend_user", ids, journal=journal, progress=False, concurrency=4)
            sent = len(sim.request_log)
            joined = await second.bulk("suspend_user", ids, journal=journal, progress=False, concurrency=4)
        records = await _records(redis_client, "incident-42")
    assert dict.fromkeys(ids, 1) == dict(_outcomes(records))
    assert dict.fromkeys(ids, 1) == dict(_suspends(sim))
    assert sorted(ids) == sorted(report.succeeded)
    assert (20, sorted(ids)) == (joined.resumed, sorted(joined.succeeded))  # read from the journal
    assert [] == [r.operation for r in list(sim.request_log)[sent:] if r.operation == "suspendUser"]


async def test_workers_running_at_once_never_act_twice_on_an_item(redis_client: Any, redis_url: str) -> None:
    import asyncio

    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 30)
        sim.inject_fault("delay", operation="suspendUser", delay=0.02)
        journal = f"{redis_url}/together"
        async with _client(sim) as first, _client(sim) as second, _client(sim) as third:
            reports = await asyncio.gather(
                *(
                    client.bulk("suspend_user", ids, journal=journal, progress=False, concurrency=3)
                    for client in (first, second, third)
                )
            )
        records = await _records(redis_client, "together")
    assert dict.fromkeys(ids, 1) == dict(_outcomes(records))
    assert dict.fromkeys(ids, 1) == dict(_suspends(sim))
    assert 30 == sum(report.counts.get("succeeded", 0) for report in reports)
    assert all(report.counts.get("succeeded", 0) for report in reports)  # each did some


KILLED_WORKER = """
import asyncio, os, signal, sys
from oktakit import OktaClient

async def main() -> None:
    done = 0

    def settled(user_id: str, result: object) -> None:
        nonlocal done
        done += 1
        if done == 3:
            os.kill(os.getpid(), signal.SIGKILL)  # items of this worker are still in flight

    async with OktaClient.from_env() as okta:
        await okta.bulk(
            "suspend_user", sys.argv[2:], journal=sys.argv[1], concurrency=4, progress=False,
            on_result=settled,
        )

asyncio.run(main())
"""


async def test_a_killed_workers_items_are_taken_over_and_every_item_ends_once(
    redis_client: Any, redis_url: str
) -> None:
    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 12)
        sim.inject_fault("delay", operation="suspendUser", delay=0.3)
        journal = f"{redis_url}/killed?lease=1"
        status, _, _ = await run_python(sim, KILLED_WORKER, journal, *ids)
        assert -9 == status
        before = await _records(redis_client, "killed")
        in_doubt = {r["item"] for r in before if r["kind"] == "start"} - set(_outcomes(before))
        assert in_doubt  # the worker died holding items it had started
        sim.clear_faults()
        async with _client(sim) as okta:
            report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)
        records = await _records(redis_client, "killed")
    assert dict.fromkeys(ids, 1) == dict(_outcomes(records))
    assert ["SUSPENDED"] * 12 == statuses(sim, ids)
    assert 12 == len(report.rows())


async def test_undo_and_the_report_work_on_a_redis_journal(
    redis_client: Any, redis_url: str, tmp_path: Path
) -> None:
    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 6)
        sim.add_user(login="already@example.com", status="SUSPENDED")
        skipped = next(
            uid for uid, user in sim.org.users.items() if user.profile["login"] == "already@example.com"
        )
        journal = f"{redis_url}/undo-me"
        async with _client(sim) as okta:
            report = await okta.bulk("suspend_user", [*ids, skipped], journal=journal, progress=False)
            report.to_csv(tmp_path / "report.csv")
            undone = await okta.bulk_undo(journal, progress=False)
        undo_records = await _records(redis_client, "undo-me.undo")
    assert sorted(ids) == sorted(report.succeeded)
    assert [skipped] == report.skipped
    assert 8 == len((tmp_path / "report.csv").read_text().splitlines())  # a header and 7 rows
    assert sorted(ids) == sorted(undone.succeeded)  # only what the run changed
    assert ["ACTIVE"] * 6 + ["SUSPENDED"] == statuses(sim, [*ids, skipped])
    assert dict.fromkeys(ids, 1) == dict(_outcomes(undo_records))


async def test_the_cli_runs_a_job_whose_journal_is_in_redis(
    redis_client: Any, redis_url: str, tmp_path: Path
) -> None:
    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 5)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("\n".join(ids) + "\n")
        journal = f"{redis_url}/from-the-cli"
        status, _, err = await run_cli(
            sim, "bulk", "suspend", "--ids", str(ids_file), "--journal", journal, "--no-progress", "--yes"
        )
        assert 0 == status, err
        assert ["SUSPENDED"] * 5 == statuses(sim, ids)
        again, _, _ = await run_cli(
            sim, "bulk", "suspend", "--ids", str(ids_file), "--journal", journal, "--no-progress", "--yes"
        )
        records = await _records(redis_client, "from-the-cli")
    assert 0 == again
    assert dict.fromkeys(ids, 1) == dict(_outcomes(records))  # the rerun settled nothing twice


@pytest.mark.parametrize(
    "journal",
    [
        "redis://:s3cr3t-pw@localhost:6379/0",
        "redis://:s3cr3t-pw@localhost:6379/x/job",
        "redis://:s3cr3t-pw@h/0/j?lease=0",
    ],
)
async def test_a_redis_journal_url_names_a_database_and_a_job(journal: str) -> None:
    async with OktaSimulator(users=5, seed=2) as sim, _client(sim) as okta:
        with pytest.raises(InvalidArgumentError) as raised:
            await okta.bulk("suspend_user", ["x"], journal=journal, progress=False)
    assert "s3cr3t-pw" not in str(raised.value)


async def test_a_user_named_by_id_in_one_worker_and_by_login_in_another_is_acted_on_once(
    redis_client: Any, redis_url: str
) -> None:
    import asyncio

    async with OktaSimulator(users=5, seed=2) as sim:
        ids = add_active_users(sim, 4)
        logins = [sim.org.users[uid].profile["login"] for uid in ids]
        journal = f"{redis_url}/two-names"
        async with _client(sim) as first, _client(sim) as second:
            await asyncio.gather(
                first.bulk("suspend_user", ids, journal=journal, progress=False, concurrency=2),
                second.bulk("suspend_user", logins, journal=journal, progress=False, concurrency=2),
            )
        records = await _records(redis_client, "two-names")
    assert ["SUSPENDED"] * 4 == statuses(sim, ids)
    assert dict.fromkeys(ids, 1) == dict(_suspends(sim))
    settled_users = Counter(r.get("user") or r["item"] for r in records if r["kind"] == "outcome")
    assert dict.fromkeys(ids, 1) == dict(settled_users)

"""The journal: one outcome per item, resume without repeats, refusal of foreign journals, undo,
cancellation."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from oktakit import ApiToken, BulkReport, InvalidArgumentError, JournalError, OktaClient
from oktakit.testing import FaultRule, OktaSimulator

from ._support import add_active_users, add_users, count, journal_lines, statuses, terminal_counts, until

pytestmark = pytest.mark.okta_sim(users=0)


async def test_the_journal_has_a_run_record_then_a_start_and_an_outcome_per_item(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 5)
    journal = tmp_path / "run.jsonl"

    await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    lines = journal_lines(journal)
    assert {"kind": "run", "operation": "suspend_user", "org": okta.org_url, "arguments": {}} == {
        k: lines[0][k] for k in ("kind", "operation", "org", "arguments")
    }
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    # suspend can be undone: each start keeps the status read before acting
    starts = [r for r in lines if r["kind"] == "start"]
    expected = {i: {"kind": "start", "item": i, "before": "ACTIVE"} for i in ids}
    assert expected == {r["item"]: r for r in starts}
    assert len(ids) == len(starts)


async def test_a_rerun_with_the_same_journal_skips_finished_items_and_repeats_none(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 10)
    journal = tmp_path / "run.jsonl"
    await okta.bulk("suspend_user", ids[:4], journal=journal, progress=False)
    okta_sim.reset_counters()

    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    assert 6 == okta_sim.request_counts["suspendUser"]
    assert sorted(ids) == sorted(report.succeeded)  # earlier runs' items are in the report
    assert (4, 10) == (report.resumed, len(report))
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))


async def test_a_partial_journal_with_items_in_flight_and_a_torn_line_resumes_exactly(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 4)
    okta_sim.org.users[ids[1]].status = "SUSPENDED"  # its suspend reached Okta before the crash
    journal = tmp_path / "run.jsonl"
    header = {"kind": "run", "operation": "suspend_user", "org": okta.org_url, "arguments": {}, "at": "x"}
    records = [
        header,
        {"kind": "start", "item": ids[0], "before": "ACTIVE"},
        {"kind": "outcome", "item": ids[0], "outcome": "succeeded"},
        {"kind": "start", "item": ids[1], "before": "ACTIVE"},
    ]
    journal.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"kind":"start","it')
    okta_sim.org.users[ids[0]].status = "SUSPENDED"

    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)

    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))
    # ids[1] was ACTIVE before the interrupted attempt, which suspended it: this job's doing
    assert sorted(ids) == sorted(report.succeeded)
    assert ["SUSPENDED"] * 4 == statuses(okta_sim, ids)
    assert all(line.endswith("}") for line in journal.read_text().splitlines())


async def test_a_journal_of_another_operation_or_org_is_refused_before_any_request(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 2)
    journal = tmp_path / "run.jsonl"
    await okta.bulk("suspend_user", ids[:1], journal=journal, progress=False)
    quiet = tmp_path / "quiet.jsonl"
    quietly = {"send_email": False}
    await okta.bulk("deactivate_user", ids[1:], arguments=quietly, journal=quiet, progress=False)
    okta_sim.reset_counters()

    with pytest.raises(JournalError, match=r"\boperation 'suspend_user' \(this run: 'unsuspend_user'\)"):
        await okta.bulk("unsuspend_user", ids, journal=journal, progress=False)
    async with OktaClient("http://localhost:1", auth=ApiToken(okta_sim.api_token)) as other:
        with pytest.raises(JournalError, match=r"\borg '[^']+' \(this run: 'http://localhost:1'\)"):
            await other.bulk("suspend_user", ids, journal=journal, progress=False)
    other_arguments = r"\barguments \{'send_email': False\} \(this run: \{'send_email': True\}\)"
    with pytest.raises(JournalError, match=other_arguments):
        await okta.bulk("deactivate_user", ids, arguments={"send_email": True}, journal=quiet, progress=False)
    (tmp_path / "junk.jsonl").write_text("hello\n")
    with pytest.raises(JournalError, match="line 1"):
        await okta.bulk("suspend_user", ids, journal=tmp_path / "junk.jsonl", progress=False)

    assert 0 == sum(okta_sim.request_counts.values())


async def test_a_journal_of_another_format_version_is_refused_naming_the_file_and_both_versions(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 1)
    journal = tmp_path / "run.jsonl"
    await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    header, *rest = journal.read_text().splitlines(keepends=True)
    future = json.dumps({**json.loads(header), "version": 2}, separators=(",", ":")) + "\n" + "".join(rest)
    journal.write_text(future)
    okta_sim.reset_counters()

    for attempt in (okta.bulk("suspend_user", ids, journal=journal, progress=False), okta.bulk_undo(journal)):
        with pytest.raises(JournalError) as refused:
            await attempt
        assert str(journal) in str(refused.value)
        assert "journal version 2; this oktakit reads version 1" in str(refused.value)

    assert future == journal.read_text()
    assert 0 == sum(okta_sim.request_counts.values())


async def test_undo_restores_exactly_what_the_run_changed_and_is_journaled(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE", s="SUSPENDED", r="RECOVERY")
    journal = tmp_path / "incident.jsonl"
    await okta.bulk("suspend_user", list(ids.values()), journal=journal, progress=False)

    undo = await okta.bulk_undo(journal, progress=False)

    assert sorted([ids["a"], ids["b"]]) == sorted(undo.succeeded)
    # s was suspended before the run and stays so; r was never changed
    assert ["ACTIVE", "ACTIVE", "SUSPENDED", "RECOVERY"] == statuses(okta_sim, list(ids.values()))
    undo_journal = tmp_path / "incident.undo.jsonl"
    assert {"operation": "unsuspend_user", "undo_of": "incident.jsonl"} == {
        k: journal_lines(undo_journal)[0][k] for k in ("operation", "undo_of")
    }
    okta_sim.reset_counters()
    again = await okta.bulk_undo(journal, progress=False)  # resumes: nothing left to do
    assert (0, 2) == (okta_sim.request_counts["unsuspendUser"], len(again))


async def test_undo_of_an_operation_without_an_inverse_says_so(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_active_users(okta_sim, 1)
    journal = tmp_path / "reset.jsonl"
    await okta.bulk("reset_factors", ids, journal=journal, progress=False)

    with pytest.raises(InvalidArgumentError, match="reset_factors cannot be undone"):
        await okta.bulk_undo(journal, progress=False)


def _held_suspend(
    okta: OktaClient, sim: OktaSimulator, journal: Path, *, users: int, concurrency: int
) -> tuple[list[str], FaultRule, asyncio.Task[BulkReport]]:
    """Start a journaled bulk suspend whose requests wait at Okta until the test releases them."""
    ids = add_active_users(sim, users)
    hold = sim.inject_fault("hold", operation="suspendUser")
    run = okta.bulk("suspend_user", ids, concurrency=concurrency, journal=journal, progress=False)
    return ids, hold, asyncio.create_task(run)


async def _cancelled(task: asyncio.Task[BulkReport], caplog: pytest.LogCaptureFixture) -> None:
    """Cancel the run and wait until it has taken the cancellation (it logs that it stops)."""
    task.cancel()
    await until(lambda: "stopping" in caplog.text)


async def test_cancellation_stops_taking_items_and_leaves_a_consistent_journal(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = tmp_path / "run.jsonl"
    ids, hold, task = _held_suspend(okta, okta_sim, journal, users=40, concurrency=4)
    await until(lambda: hold.held >= 1 and count(journal, "start") >= 4)

    await _cancelled(task, caplog)
    hold.release()
    with pytest.raises(asyncio.CancelledError):
        await task

    lines = journal_lines(journal)
    started = [r["item"] for r in lines if r["kind"] == "start"]
    settled = terminal_counts(journal)
    assert 4 == len(started)  # stopped taking new items
    assert dict.fromkeys(started, 1) == dict(settled)  # in-flight items finished and recorded
    suspended = {i for i in ids if okta_sim.org.users[i].status == "SUSPENDED"}
    assert set(started) == suspended

    okta_sim.clear_faults()
    report = await okta.bulk("suspend_user", ids, journal=journal, progress=False)
    assert sorted(ids) == sorted(report.succeeded)
    assert dict.fromkeys(ids, 1) == dict(terminal_counts(journal))


async def test_a_second_cancellation_records_the_items_in_flight_as_interrupted(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = tmp_path / "run.jsonl"
    _, hold, task = _held_suspend(okta, okta_sim, journal, users=10, concurrency=3)
    await until(lambda: hold.held >= 1 and count(journal, "start") >= 3)

    await _cancelled(task, caplog)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    lines = journal_lines(journal)
    assert 3 == sum(r["kind"] == "interrupted" for r in lines)
    assert 0 == sum(r["kind"] == "outcome" for r in lines)


def test_a_playbooks_user_is_settled_once_every_step_is_and_resumes_at_the_first_without_one() -> None:
    from oktakit.bulk._journal import InterruptedRecord, OutcomeRecord, ResumeState, StartRecord

    resume = ResumeState(("clear_sessions", "suspend"))
    for record in (
        StartRecord("start", "ann@example.com", "00u1", "ACTIVE", "clear_sessions"),
        OutcomeRecord("outcome", "ann@example.com", "succeeded", user="00u1", step="clear_sessions"),
        OutcomeRecord("outcome", "ann@example.com", "succeeded", user="00u1", step="clear_sessions"),
        StartRecord("start", "ann@example.com", "00u1", "ACTIVE", "suspend"),
        StartRecord("start", "00u2", None, "ACTIVE", "clear_sessions"),
        OutcomeRecord("outcome", "00u2", "skipped", step="clear_sessions"),
        OutcomeRecord("outcome", "00u2", "failed", step="suspend"),
        InterruptedRecord("interrupted", "00u3", None, "suspend"),
    ):
        resume.add(record)
    resume.finish()

    assert "00u2" in resume.done
    assert "00u1" not in resume.done
    assert {"clear_sessions"} == resume.settled_parts("00u1") == resume.settled_parts("ann@example.com")
    assert {
        ("00u1", "suspend"): "ACTIVE",
        ("ann@example.com", "suspend"): "ACTIVE",
        ("00u3", "suspend"): "",
    } == (resume.in_doubt)
    assert {"succeeded": 1, "skipped": 1, "failed": 1} == resume.counts  # the repeat counts once
    # A settled user's steps are let go (the done set remembers the user): a resume of a large
    # playbook's journal keeps step sets only for the users still in progress.
    assert {"00u1", "ann@example.com"} == set(resume.parts_done)

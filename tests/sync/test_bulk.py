"""``bulk``, ``contain`` and ``bulk_undo`` of the blocking client: the async executor runs on
the client's loop, fed by the blocking client's own iterators and bound methods."""

from __future__ import annotations

from pathlib import Path

from oktakit import BulkReport, ContainmentReport
from oktakit.sync import OktaClient

from .conftest import SimThread


def _with_status(sim_thread: SimThread, status: str) -> list[str]:
    return sim_thread.call(lambda: [i for i, u in sim_thread.sim.org.users.items() if u.status == status])


def _statuses(sim_thread: SimThread, ids: list[str]) -> set[str]:
    return sim_thread.call(lambda: {sim_thread.sim.org.users[i].status for i in ids})


def test_bulk_by_name_then_undo_from_its_journal(
    okta: OktaClient, sim_thread: SimThread, tmp_path: Path
) -> None:
    active = _with_status(sim_thread, "ACTIVE")[:5]
    journal = tmp_path / "incident.jsonl"
    report = okta.bulk("suspend_user", active, journal=journal, progress=False)
    assert isinstance(report, BulkReport)
    assert sorted(report.succeeded) == sorted(active)
    assert _statuses(sim_thread, active) == {"SUSPENDED"}
    undone = okta.bulk_undo(journal, progress=False)
    assert sorted(undone.succeeded) == sorted(active)
    assert _statuses(sim_thread, active) == {"ACTIVE"}


def test_bulk_takes_a_bound_method_and_a_list_of_the_blocking_client(
    okta: OktaClient, sim_thread: SimThread
) -> None:
    active = _with_status(sim_thread, "ACTIVE")
    report = okta.bulk(
        okta.suspend_user, okta.list_users(search='status eq "ACTIVE"', limit=4), progress=False
    )
    assert report.operation == "suspend_user"  # the operation bulk knows, not an opaque callable
    assert sorted(report.succeeded) == sorted(active)
    assert _statuses(sim_thread, active) == {"SUSPENDED"}


def test_on_result_may_be_a_plain_function(okta: OktaClient, sim_thread: SimThread) -> None:
    active = _with_status(sim_thread, "ACTIVE")[:3]
    delivered: dict[str, str] = {}

    def deliver(user_id: str, result: object) -> None:
        delivered[user_id] = okta.get_user(user_id).status.value  # may call the client

    okta.bulk("expire_password_with_temp_password", active, on_result=deliver, progress=False)
    assert delivered == dict.fromkeys(active, "PASSWORD_EXPIRED")


def test_contain_runs_the_playbook(okta: OktaClient, sim_thread: SimThread) -> None:
    active = _with_status(sim_thread, "ACTIVE")[:3]
    report = okta.contain(active, progress=False)
    assert isinstance(report, ContainmentReport)
    assert sorted(report.contained) == sorted(active)
    assert _statuses(sim_thread, active) == {"SUSPENDED"}

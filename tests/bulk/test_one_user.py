"""One user, one action: an id, a login and the login in another case name one user, who is acted
on once; resolving a login costs one read, an id none (unless the operation can be undone)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from oktakit import OktaClient
from oktakit.testing import OktaSimulator

from ._support import add_users, journal_lines, run_cli, statuses, terminal_counts

pytestmark = pytest.mark.okta_sim(users=0)


@pytest.mark.parametrize("order", ["id first", "logins first"])
async def test_a_user_named_by_id_login_and_login_in_another_case_is_suspended_once(
    okta: OktaClient, okta_sim: OktaSimulator, order: str
) -> None:
    ids = add_users(okta_sim, jane="ACTIVE")
    names = [ids["jane"], "jane@example.com", "JANE@Example.COM", " Jane@example.com "]
    if order == "logins first":
        names.reverse()

    report = await okta.bulk("suspend_user", names, concurrency=4, progress=False)

    assert 1 == okta_sim.request_counts["suspendUser"]
    assert (1, 3) == (len(report.succeeded), report.duplicates)
    assert [ids["jane"]] == [row.user_id for row in report.rows()]
    assert "SUSPENDED" == okta_sim.org.users[ids["jane"]].status


async def test_logins_of_an_operation_without_undo_cost_one_read_each_and_ids_none(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, p="PROVISIONED", q="PROVISIONED")
    okta_sim.reset_counters()

    report = await okta.bulk(
        "reactivate_user",
        [ids["p"], "P@example.com", "q@example.com", ids["q"]],
        preflight=False,
        progress=False,
    )

    # p by id: no read; its login: one read, then found to be p; q by login: one read; q's id:
    # already taken. Two reactivations, one per user (each may email the user).
    assert (2, 2) == (okta_sim.request_counts["getUser"], okta_sim.request_counts["reactivateUser"])
    assert (2, 2) == (len(report.succeeded), report.duplicates)


async def test_a_resumed_run_knows_a_user_settled_under_another_spelling(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ["A@example.com"], journal=journal, progress=False)
    okta_sim.reset_counters()

    report = await okta.bulk(
        "suspend_user", [ids["a"], "a@EXAMPLE.com", ids["b"]], journal=journal, progress=False
    )

    assert 1 == okta_sim.request_counts["suspendUser"]  # b only
    assert {"A@example.com": 1, ids["b"]: 1} == dict(terminal_counts(journal))
    assert {ids["a"], ids["b"]} == {row.user_id for row in report.rows()}
    outcome = next(r for r in journal_lines(journal) if r["kind"] == "outcome")
    assert {"item": "A@example.com", "user": ids["a"]} == {k: outcome[k] for k in ("item", "user")}


@pytest.mark.parametrize("other_name", ["id", "login in another case"])
async def test_a_resumed_run_counts_the_id_of_a_user_settled_by_login_as_a_duplicate(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path, other_name: str
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    journal = tmp_path / "j.jsonl"
    await okta.bulk("suspend_user", ["a@example.com"], journal=journal, progress=False)
    okta_sim.reset_counters()
    again = ids["a"] if other_name == "id" else "A@EXAMPLE.COM"

    # The whole input again, as after a stop: the login, settled then, and the same user by
    # another name, which a run from the start counts as a duplicate (by hand: 1).
    report = await okta.bulk(
        "suspend_user", ["a@example.com", again, ids["b"]], journal=journal, progress=False
    )

    assert 1 == okta_sim.request_counts["suspendUser"]  # b only
    assert 1 == report.duplicates
    assert {"a@example.com": 1, ids["b"]: 1} == dict(terminal_counts(journal))


async def test_a_resumed_containment_counts_the_id_of_a_user_contained_by_login_as_a_duplicate(
    okta: OktaClient, okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    journal = tmp_path / "j.jsonl"
    await okta.contain(["a@example.com"], steps=["suspend"], journal=journal, progress=False)
    okta_sim.reset_counters()

    report = await okta.contain(
        ["a@example.com", ids["a"]], steps=["suspend"], journal=journal, progress=False
    )

    assert 0 == okta_sim.request_counts["suspendUser"]
    assert 1 == report.duplicates  # as a run from the start counts it (by hand: 1)


async def test_an_unknown_login_is_not_found_after_one_read(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    okta_sim.reset_counters()

    report = await okta.bulk("unlock_user", ["ghost@example.com"], preflight=False, progress=False)

    assert ["ghost@example.com"] == report.not_found
    assert (1, 0) == (okta_sim.request_counts["getUser"], okta_sim.request_counts["unlockUser"])


async def test_the_cli_report_names_each_user_once_with_its_id(
    okta_sim: OktaSimulator, tmp_path: Path
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    report = tmp_path / "r.csv"

    code, out, err = await run_cli(
        okta_sim,
        "bulk",
        "suspend",
        "--yes",
        "--ids",
        "-",
        "--report",
        str(report),
        "--no-progress",
        stdin=f"a@example.com\n{ids['a']}\nA@EXAMPLE.COM\n",
    )

    assert 0 == code, err
    rows = list(csv.DictReader(report.read_text().splitlines()))
    assert [("a@example.com", ids["a"], "succeeded")] == [(r["id"], r["user_id"], r["outcome"]) for r in rows]
    assert "2 duplicates ignored" in out
    assert ["SUSPENDED"] == statuses(okta_sim, [ids["a"]])


async def test_bulk_update_keys_on_the_id_so_a_login_column_renames(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE", b="ACTIVE")
    rows = [
        {"id": ids["a"], "login": "a.new@example.com", "title": "Director"},
        {"id": ids["b"], "login": "", "title": "Engineer"},  # an empty login cell is never a change
    ]

    report = await okta.bulk_update(rows, empty="clear", progress=False)

    assert sorted(ids.values()) == sorted(report.succeeded)
    assert ("a.new@example.com", "Director") == (
        okta_sim.org.users[ids["a"]].profile["login"],
        okta_sim.org.users[ids["a"]].profile["title"],
    )
    assert "b@example.com" == okta_sim.org.users[ids["b"]].profile["login"]


async def test_bulk_update_rows_naming_one_user_twice_update_once(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    ids = add_users(okta_sim, a="ACTIVE")
    rows = [{"login": "a@example.com", "title": "First"}, {"id": ids["a"], "title": "Second"}]

    report = await okta.bulk_update(rows, concurrency=1, progress=False)

    assert (1, 1) == (len(report.succeeded), report.duplicates)
    assert 1 == okta_sim.request_counts["updateUser"]
    assert "First" == okta_sim.org.users[ids["a"]].profile["title"]

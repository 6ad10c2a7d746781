"""Suspend dormant accounts every night: ACTIVE users who have not signed in for 90 days.

Run it from cron or a systemd timer, with the credentials in the environment as
``OktaClient.from_env()`` reads them::

    15 2 * * *  python nightly_dormant.py --journal-dir /var/lib/okta-jobs

Each night has its own list of users and its own journal: the first run of a night saves who
is dormant (``dormant-YYYY-MM-DD.ids``), and every run of that night works through that list
with the journal ``dormant-YYYY-MM-DD.jsonl``. When a run dies (a reboot, a kill, Okta
unreachable), running it again the same night resumes where it stopped and repeats no
suspension; the users whose suspension was in flight are settled by reading them, so the
journal knows every user the night suspended and ``oktakit bulk undo`` can give them all back.
(A fresh search would not list them any more: they are no longer ACTIVE.) A CSV report lands
beside the journal. Exit status 0 when every user was
suspended, skipped or not found, 1 when one failed (cron mails what it printed), 2 for a bad
command line.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from oktakit import BulkReport, OktaClient, OktaError


def dormant_search(now: datetime, inactive_days: int) -> str:
    """Okta's search for ACTIVE users whose last sign-in is older than the cut-off."""
    cutoff = (now - timedelta(days=inactive_days)).astimezone(UTC)
    return f'status eq "ACTIVE" and lastLogin lt "{cutoff:%Y-%m-%dT%H:%M:%S.000Z}"'


def _save(path: Path, user_ids: list[str]) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text("".join(f"{user_id}\n" for user_id in user_ids), encoding="utf-8")
    os.replace(partial, path)  # whole or absent, even if the run dies while writing


def _load(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return None


async def users_of_the_night(okta: OktaClient, search: str, saved: Path) -> list[str]:
    """The night's users: searched by its first run, read back from ``saved`` by the others."""
    known = await asyncio.to_thread(_load, saved)  # file I/O off the event loop
    if known is not None:
        return known
    user_ids = [user.id async for user in okta.list_users(search=search)]
    await asyncio.to_thread(_save, saved, user_ids)
    return user_ids


async def suspend_dormant(
    okta: OktaClient, *, now: datetime, inactive_days: int, journal_dir: Path
) -> BulkReport:
    night = journal_dir / f"dormant-{now:%Y-%m-%d}"
    user_ids = await users_of_the_night(okta, dormant_search(now, inactive_days), night.with_suffix(".ids"))
    journal = night.with_suffix(".jsonl")
    report = await okta.bulk(
        "suspend_user",
        user_ids,  # ids: bulk reads each user's status first, so undo knows whom it moved
        journal=journal,  # the same night's rerun goes on from here
        concurrency=8,
        progress=False,  # no terminal under cron
    )
    report.to_csv(journal.with_suffix(".csv"))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Suspend users who have not signed in for a while.")
    parser.add_argument("--journal-dir", type=Path, required=True)
    parser.add_argument("--inactive-days", type=int, default=90)
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=None,
        help="the night to run, as an ISO time with an offset (default: now); rerunning a night resumes it",
    )
    args = parser.parse_args(argv)
    now: datetime = args.now or datetime.now(UTC)

    async def run() -> BulkReport:
        async with OktaClient.from_env() as okta:
            return await suspend_dormant(
                okta, now=now, inactive_days=args.inactive_days, journal_dir=args.journal_dir
            )

    try:
        report = asyncio.run(run())
    except OktaError as error:  # refused credentials, a journal in use...: one line, no traceback
        print(f"nightly_dormant: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""``oktakit logs`` as a user runs it: a window in three formats, usage errors (exit 2), Okta's
refusals (exit 1, no traceback), and ``--follow`` stopped by Ctrl-C or SIGTERM (130, 143) with
its state saved, so that the same command goes on where it stopped."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import signal

import pytest

from oktakit.logs import COLUMNS
from oktakit.testing import OktaSimulator, RateLimitConfig
from tests.bulk._support import run_cli, start_cli

pytestmark = pytest.mark.okta_sim(users=10, seed=8, rate_limit=RateLimitConfig.unlimited())
#: A process that does not answer fails the test after this long (a guard, never a measure).
GUARD = 120.0


def inject(sim: OktaSimulator, count: int) -> list[str]:
    user = next(uid for uid, u in sim.org.users.items() if u.status == "ACTIVE")
    return [
        sim.inject_log_event("user.session.start", actor=user, ip="185.220.101.4")["uuid"]
        for _ in range(count)
    ]


async def test_a_window_as_json_lines_csv_and_a_table(okta_sim: OktaSimulator) -> None:
    uuids = inject(okta_sim, 3)
    code, out, err = await run_cli(okta_sim, "logs", "--since", "1h")
    assert (0, "") == (code, err)
    assert uuids == [json.loads(line)["uuid"] for line in out.splitlines()]

    code, out, _ = await run_cli(okta_sim, "logs", "--since", "1h", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (0, list(COLUMNS)) == (code, list(rows[0]))
    assert uuids == [row["uuid"] for row in rows]

    code, out, _ = await run_cli(
        okta_sim, "logs", "--since", "1h", "--format", "table", "--order", "descending"
    )
    header, *lines = out.splitlines()
    assert (0, 3) == (code, len(lines))
    assert header.startswith("published")
    assert all("user.session.start" in line and "185.220.101.4" in line for line in lines)


async def test_a_filter_selects_and_a_bad_one_is_okta_s_refusal_without_a_traceback(
    okta_sim: OktaSimulator,
) -> None:
    inject(okta_sim, 2)
    code, out, _ = await run_cli(
        okta_sim, "logs", "--since", "1h", "--filter", 'eventType eq "user.lifecycle.suspend"'
    )
    assert (0, "") == (code, out)
    code, out, err = await run_cli(okta_sim, "logs", "--filter", 'eventType eqq "x"')
    assert 1 == code
    assert "BadRequestError" in err
    assert "E0000053" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--since", "yesterday"], "an age: 90s, 30m, 12h, 7d"),
        (["--since", "2026-01-01T00:00:00"], "no time zone"),
        (["--follow", "--until", "1h"], "--until makes a window"),
        (["--follow", "--order", "descending"], "--follow reads in the order"),
        (["--state", "x.state"], "--state keeps the position of --follow"),
    ],
)
async def test_usage_errors_exit_2(okta_sim: OktaSimulator, arguments: list[str], said: str) -> None:
    code, _, err = await run_cli(okta_sim, "logs", *arguments)
    assert 2 == code
    assert said in err
    assert "Traceback" not in err


async def read_lines(stream: asyncio.StreamReader, count: int) -> list[str]:
    return [json.loads(await asyncio.wait_for(stream.readline(), GUARD))["uuid"] for _ in range(count)]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
async def test_follow_stops_on_a_signal_with_its_state_saved_and_goes_on_from_there(
    okta_sim: OktaSimulator, tmp_path: object, signum: int, code: int
) -> None:
    state = str(tmp_path) + "/follow.state"
    first = inject(okta_sim, 3)
    command = ["logs", "--follow", "--state", state, "--since", "1h", "--poll-interval", "0.01"]
    proc = await start_cli(okta_sim, *command)
    assert proc.stdout is not None
    assert first == await read_lines(proc.stdout, 3)
    proc.send_signal(signum)  # waiting for more: the three are written and taken
    _, err = await asyncio.wait_for(proc.communicate(), GUARD)
    assert code == proc.returncode
    assert f"stopped; the position is in {state}" in err.decode()
    assert "Traceback" not in err.decode()

    second = inject(okta_sim, 2)
    proc = await start_cli(okta_sim, *command)
    assert proc.stdout is not None
    assert second == await read_lines(proc.stdout, 2)  # nothing of the first run again
    proc.send_signal(signal.SIGINT)
    await asyncio.wait_for(proc.communicate(), GUARD)
    assert 130 == proc.returncode


async def test_a_second_follower_on_the_same_state_is_a_usage_error(
    okta_sim: OktaSimulator, tmp_path: object
) -> None:
    state = str(tmp_path) + "/follow.state"
    inject(okta_sim, 1)
    command = ["logs", "--follow", "--state", state, "--since", "1h", "--poll-interval", "0.01"]
    proc = await start_cli(okta_sim, *command)
    assert proc.stdout is not None
    await read_lines(proc.stdout, 1)
    code, _, err = await run_cli(okta_sim, *command)
    assert 2 == code
    assert "in use by another follower" in err
    proc.send_signal(signal.SIGINT)
    await asyncio.wait_for(proc.communicate(), GUARD)

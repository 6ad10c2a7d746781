"""Helpers for the bulk tests: an org whose users' statuses the test chooses, journal reading."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oktakit.testing import FaultRule, OktaSimulator


def add_users(sim: OktaSimulator, **statuses: str) -> dict[str, str]:
    """Add one user per keyword (its login's local part) with that status; returns label -> id."""
    return {
        label: sim.add_user(login=f"{label}@example.com", status=status, password=True).id
        for label, status in statuses.items()
    }


def add_active_users(sim: OktaSimulator, count: int, prefix: str = "user") -> list[str]:
    return [sim.add_user(login=f"{prefix}{n}@example.com", password=True).id for n in range(count)]


def statuses(sim: OktaSimulator, ids: list[str]) -> list[str]:
    return [sim.org.users[i].status for i in ids]


def journal_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def terminal_counts(path: Path) -> Counter[str]:
    """How many outcome records each item has in a journal."""
    return Counter(r["item"] for r in journal_lines(path) if r["kind"] == "outcome")


def count(path: Path, kind: str) -> int:
    """How many records of ``kind`` a journal has so far (0 before it exists)."""
    return sum(r["kind"] == kind for r in journal_lines(path)) if path.exists() else 0


async def until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Poll ``condition`` (an outside process or file, so no event to wait on) until it holds."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition did not hold in time")


async def start_cli(sim: OktaSimulator, *args: str) -> asyncio.subprocess.Process:
    """Start ``python -m oktakit ARGS`` against the simulator, credentials in the environment."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "oktakit",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=cli_environment(sim),
    )


async def run_cli(sim: OktaSimulator, *args: str, stdin: str | bytes = "") -> tuple[int, str, str]:
    """Run ``python -m oktakit ARGS`` to the end: (exit status, stdout, stderr). A run that
    hangs is killed after a generous guard and fails the test (the suite never hangs)."""
    proc = await start_cli(sim, *args)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    try:
        out, err = await asyncio.wait_for(proc.communicate(data), 300)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"oktakit {' '.join(args)} hung") from None
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


def slow_suspend_command(
    sim: OktaSimulator, folder: Path, *, users: int, delay: float
) -> tuple[list[str], Path, list[str]]:
    """Users, a journal path and an ``oktakit bulk suspend`` command whose requests are slow."""
    ids = add_active_users(sim, users)
    ids_file = folder / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    journal = folder / "run.jsonl"
    if delay:
        sim.inject_fault("delay", operation="suspendUser", delay=delay)
    command = ["bulk", "suspend", "--ids", str(ids_file), "--journal", str(journal), "--no-progress"]
    return ids, journal, command


def cli_environment(sim: OktaSimulator, *, measured: bool = True) -> dict[str, str]:
    """The environment of a CLI child: ours, with the simulator's credentials.

    ``measured=False`` keeps coverage out of the child: a child whose file size is limited could
    not write coverage's data file, and coverage's own traceback would be the child's stderr.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("OKTA_") and (measured or not k.startswith("COVERAGE_PROCESS_"))
    }
    env.update(OKTA_ORG_URL=sim.url, OKTA_API_TOKEN=sim.api_token)
    return env


async def run_process(sim: OktaSimulator, *argv: str, measured: bool = True) -> tuple[int, str, str]:
    """Run a command with the CLI's environment and no input: (exit status, stdout, stderr)."""
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=cli_environment(sim, measured=measured),
    )
    out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def run_python(
    sim: OktaSimulator, code: str, *args: str, measured: bool = True
) -> tuple[int, str, str]:
    """Run ``python -c CODE ARGS`` (a CLI run under conditions a plain command cannot set up)."""
    return await run_process(sim, sys.executable, "-c", code, *args, measured=measured)


async def stderr_until(proc: asyncio.subprocess.Process, text: str) -> str:
    """Read the child's stderr until a line holds ``text`` (what it printed so far)."""
    assert proc.stderr is not None
    seen = []
    while True:
        line = await asyncio.wait_for(proc.stderr.readline(), 60)  # a guard, not a race
        if not line:
            raise AssertionError(f"stderr ended without {text!r}: {b''.join(seen).decode()}")
        seen.append(line)
        if text.encode() in line:
            return b"".join(seen).decode()


async def until_held(hold: FaultRule, count: int) -> None:
    """Until ``count`` requests wait at a ``hold`` fault."""
    await until(lambda: hold.held >= count, seconds=60)


def accounted(path: Path, items: list[str]) -> bool:
    """Whether every item has a start or an outcome record in the journal."""
    named = (
        {r["item"] for r in journal_lines(path) if r["kind"] in ("start", "outcome")}
        if path.exists()
        else set()
    )
    return set(items) <= named


def in_flight(path: Path) -> int:
    """Items started and not settled, by the journal."""
    lines = journal_lines(path) if path.exists() else []
    started = {r["item"] for r in lines if r["kind"] == "start"}
    return len(started - {r["item"] for r in lines if r["kind"] == "outcome"})


#: One user per status, by label (for ``add_users(sim, **EVERY_STATUS)``).
EVERY_STATUS = {
    "staged": "STAGED",
    "provisioned": "PROVISIONED",
    "active": "ACTIVE",
    "recovery": "RECOVERY",
    "locked": "LOCKED_OUT",
    "expired": "PASSWORD_EXPIRED",
    "suspended": "SUSPENDED",
    "gone": "DEPROVISIONED",
}


async def kill_at_random_moments(
    sim: OktaSimulator, args: list[str], journal: Path, *, held: str, outcomes: int, seed: int, at_most: int
) -> int:
    """Run ``oktakit ARGS`` five times, each killed (SIGKILL) once the journal has gained a random
    number of outcomes (1 to ``at_most``), then at a random moment after. The request to the
    path ``held`` waits at Okta until the kill, so no run can finish before it is killed, however
    loaded the machine; ``outcomes`` is how many the whole job has. Returns the kills."""
    rng = random.Random(seed)  # noqa: S311 - reproducible kill points, not security
    kills = 0
    for _ in range(5):
        hold = sim.inject_fault("hold", path=held)
        proc = await start_cli(sim, *args)
        target = min(count(journal, "outcome") + rng.randint(1, at_most), outcomes - 1)

        def reached(target: int = target, proc: asyncio.subprocess.Process = proc) -> bool:
            return count(journal, "outcome") >= target or proc.returncode is not None

        await until(reached)
        await asyncio.sleep(rng.uniform(0, 0.03))  # land anywhere: between records, mid-request
        if proc.returncode is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        await proc.communicate()
        hold.release()
        sim.faults.remove(hold)
    return kills


async def interrupt_once_held(sim: OktaSimulator, args: list[str], hold: FaultRule) -> tuple[int, str]:
    """Start ``oktakit ARGS``, press Ctrl-C once a request waits at ``hold`` (progress is gated by
    the test, not by the clock: the run cannot finish first however loaded the machine), let the
    held requests go once the child says it is stopping; (exit status, stderr)."""
    proc = await start_cli(sim, *args)
    await until_held(hold, 1)
    proc.send_signal(signal.SIGINT)
    await stderr_until(proc, "stopping")
    hold.release()
    _, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, err.decode()

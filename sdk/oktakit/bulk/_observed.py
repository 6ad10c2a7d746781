"""Runs over many users as hooks see them: a ``RunEvent`` at the start and at the end, with the
report's counts by outcome (``OktaClient(..., hooks=[...])``; only when there are hooks)."""

from __future__ import annotations

import time
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from oktakit._http.hooks import Hook, RunKind

Report = TypeVar("Report")


async def observed_run(
    hooks: tuple[Hook, ...],
    run: Coroutine[Any, Any, Report],
    kind: RunKind,
    operation: str | None,
    options: Mapping[str, Any],
) -> Report:
    """Await ``run`` between a ``"start"`` and an ``"end"`` ``RunEvent`` (just ``run`` when
    no hooks are registered)."""
    if not hooks:
        return await run
    from oktakit._http.hooks import RunEvent, emit_run

    dry_run = bool(options.get("dry_run", False))
    started = time.perf_counter()
    try:
        await emit_run(hooks, RunEvent("start", kind, operation, dry_run))
    except BaseException:
        run.close()  # never started: no "coroutine was never awaited" warning
        raise
    try:
        report = await run
    except BaseException as error:
        ended = RunEvent(
            "end", kind, operation, dry_run, elapsed=time.perf_counter() - started, error=type(error).__name__
        )
        await emit_run(hooks, ended)
        raise
    counts = outcome_counts(report)
    elapsed = time.perf_counter() - started
    await emit_run(hooks, RunEvent("end", kind, operation, dry_run, counts, elapsed))
    return report


def outcome_counts(report: object) -> dict[str, int]:
    """A report's users by outcome: a ``BulkReport``'s counts, a ``ContainmentReport``'s
    contained, not found and failed users."""
    from ._containment_report import ContainmentReport
    from ._report import BulkReport

    if isinstance(report, BulkReport):
        return dict(report.counts)
    if isinstance(report, ContainmentReport):
        return {
            "contained": len(report.contained),
            "not_found": len(report.not_found),
            "failed": len(report.failed),
        }
    return {}

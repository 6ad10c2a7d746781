"""``OktaClient`` methods that run over many users: the bulk executor (``bulk``,
``bulk_update``, ``bulk_undo``) and the containment playbook (``contain``); see ``oktakit.bulk``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Unpack, cast

from ._client_core import ClientCore

if TYPE_CHECKING:
    from .bulk._containment_report import ContainmentReport
    from .bulk._paths import PathLike
    from .bulk._playbook import ContainStep
    from .bulk._report import BulkReport
    from .bulk._results import OnResult
    from .bulk._run import ContainOptions, Items, RunOptions, UndoOptions
    from .client import OktaClient


class BulkMethods(ClientCore):
    """One operation over many users, and the containment playbook (mixed into ``OktaClient``)."""

    def _as_client(self) -> OktaClient:
        # Mixed into OktaClient only: the executor calls the client's operation methods.
        return cast("OktaClient", self)

    async def bulk(
        self,
        operation: Any,
        items: Items,
        *,
        arguments: Mapping[str, Any] | None = None,
        on_result: OnResult | None = None,
        **options: Unpack[RunOptions],
    ) -> BulkReport:
        """Run a one-user operation (a name, a bound method or an async callable of one item)
        once per distinct item (ids, logins, ``User`` objects; any iterable or async iterable).

        >>> report = await okta.bulk("suspend_user", ids, journal="incident-42.jsonl")
        >>> report = await okta.bulk("assign_user_to_group", ids, arguments={"group_id": gid})
        >>> report.succeeded, report.skipped, report.not_found, report.failed

        Options (docs, "Bulk runs and containment"): ``concurrency``, ``journal``, ``dry_run``,
        ``preflight``, ``progress``. ``arguments`` go to a named operation with every user
        (``group_id``, ``send_email``...); ``on_result(user_id, result)`` (sync or async) gets what
        each call answers, e.g. a temporary password, which the journal and report never hold.
        """
        from .bulk._observed import observed_run
        from .bulk._run import bulk

        run = bulk(self._as_client(), operation, items, arguments=arguments, on_result=on_result, **options)
        name = operation if isinstance(operation, str) else getattr(operation, "__name__", None)
        return await observed_run(self._hooks, run, "bulk", name, options)

    async def contain(
        self,
        users: Items,
        *,
        steps: Iterable[ContainStep] | None = None,
        **options: Unpack[ContainOptions],
    ) -> ContainmentReport:
        """Contain compromised accounts: for each user, end its sessions and OAuth tokens, revoke
        its consent grants, reset its factors, expire its password and suspend it, in an order
        Okta accepts whatever the user's status.

        >>> report = await okta.contain(ids, journal="incident-42.jsonl")
        >>> report.contained, report.failed; report.to_csv("incident-42.csv")

        ``steps`` picks some of ``clear_sessions``, ``revoke_grants``, ``reset_factors``,
        ``expire_password``, ``suspend`` (always run in that order). The options are
        ``okta.bulk``'s: one journal for the run (a record per user and step: a rerun resumes at
        the step where it stopped), ``dry_run``, the least-privilege ``preflight`` of every step
        before the first user, ``concurrency``, ``progress``, ``on_interrupt`` (called with this
        report of an interrupted run). ``bulk_undo(journal)`` unsuspends
        the users this run suspended and lists what no operation reverses.
        """
        from .bulk._observed import observed_run
        from .bulk._run import contain

        run = contain(self._as_client(), users, steps=steps, **options)
        return await observed_run(self._hooks, run, "contain", None, options)

    async def bulk_update(
        self, rows: Items, *, empty: str = "leave", **options: Unpack[RunOptions]
    ) -> BulkReport:
        """Partial profile updates from rows with an ``id`` or ``login``; an empty cell leaves
        the attribute unchanged (``empty="leave"``) or clears it (``"clear"``)."""
        from .bulk._observed import observed_run
        from .bulk._run import bulk_update

        run = bulk_update(self._as_client(), rows, empty=empty, **options)
        return await observed_run(self._hooks, run, "bulk_update", None, options)

    async def bulk_undo(
        self,
        journal: PathLike,
        *,
        undo_journal: PathLike | None = None,
        users: Iterable[str] | None = None,
        **options: Unpack[UndoOptions],
    ) -> BulkReport:
        """Reverse what a journaled bulk run changed (suspend <-> unsuspend, add to <-> remove
        from a group; a containment's suspension), journaled itself (by default next to it,
        ``NAME.undo.jsonl``); other operations raise, saying why. ``users`` (ids, or the items
        the run was given) limits it to some of the run's users. For a containment,
        ``report.not_reversible`` lists per user the steps that stay (sessions, tokens, grants,
        factors, the password's expiry)."""
        from .bulk._observed import observed_run
        from .bulk._run import bulk_undo

        run = bulk_undo(self._as_client(), journal, undo_journal=undo_journal, users=users, **options)
        return await observed_run(self._hooks, run, "bulk_undo", None, options)

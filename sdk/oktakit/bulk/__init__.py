"""The bulk executor: one operation over many users, journaled, resumable, with one outcome each.

Run it with ``OktaClient.bulk``, ``bulk_update`` and ``bulk_undo`` (or ``oktakit bulk``). The run
(``_run``), its loop (``_executor``), how each item is resolved, done and settled (``_steps``,
``_actions``, ``_items``), the journal (``_journal``, ``_journal_file``), the report
(``_report``) and the files' checks (``_paths``) are private, as are the containment playbook
(``_playbook``, run by ``OktaClient.contain``) and its report (``_containment_report``).
"""

from typing import TYPE_CHECKING

from oktakit._lazy import lazy_namespace

if TYPE_CHECKING:
    from ._containment_report import ContainmentReport, ContainmentRow
    from ._journal import BulkFailure
    from ._playbook import ContainStep
    from ._report import BulkReport
    from ._run import MAX_CONCURRENCY

__all__ = [
    "MAX_CONCURRENCY",
    "BulkFailure",
    "BulkReport",
    "ContainStep",
    "ContainmentReport",
    "ContainmentRow",
]

__getattr__, __dir__ = lazy_namespace(
    __name__,
    globals(),
    {
        "BulkFailure": "._journal",
        "BulkReport": "._report",
        "ContainStep": "._playbook",
        "ContainmentReport": "._containment_report",
        "ContainmentRow": "._containment_report",
        "MAX_CONCURRENCY": "._run",
    },
)

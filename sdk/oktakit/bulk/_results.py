"""Where a bulk run hands what an operation answers: ``on_result``, never the journal.

Some one-user operations answer with a secret: a temporary password
(``expire_password_with_temp_password``), a reset link (``reset_password`` without email), an
activation link. The journal and the report record outcomes only, so that a secret never lands
on disk; ``okta.bulk(..., on_result=deliver)`` calls ``deliver(user_id, result)`` after each
success instead, for a vault or a mail queue.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

#: Called with (user id, the operation's result) after each success, sync or async.
OnResult = Callable[[str, Any], Awaitable[None] | None]


class ResultNotDelivered(Exception):
    """The operation was done, but the run's ``on_result`` raised (its result is not kept)."""


async def deliver(on_result: OnResult, operation: str, user_id: str, result: Any) -> None:
    """Hand ``result`` to ``on_result``; ``ResultNotDelivered`` (the item's failure) if it raises."""
    try:
        delivered = on_result(user_id, result)
        if inspect.isawaitable(delivered):
            await delivered
    except Exception as exc:
        # Only the exception's type: its text might quote the secret it was handed.
        raise ResultNotDelivered(
            f"{operation} was done, but on_result raised {type(exc).__name__}; its result is not "
            "kept (run it again for this user, with a new journal)"
        ) from None

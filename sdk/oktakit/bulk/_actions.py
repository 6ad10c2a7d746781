"""What the bulk executor knows about each one-user operation: when it is already done, what
reverses it, and which error codes may mean "nothing to do" (OKTA-FACTS part 1, section 4).

Each action is an operation of the registry (``oktakit_api.operations``): its descriptor names
the client method that runs it. Pacing, retries and retry safety are the transport's business
(it reads them from the same descriptor); this table holds only what the executor needs on top,
and ``Action.settles`` is the one rule that turns a user's status into an outcome, for the run
(``_steps.Step.settle`` and the skip before sending) and for the dry run alike.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from oktakit.errors import InvalidArgumentError
from oktakit_api import operations as ops
from oktakit_api.operations import Operation

_ALL_BUT_DEPROVISIONED = frozenset(
    {"STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED"}
)


@attrs.frozen
class Action:
    """One user operation as the executor sees it."""

    #: The operation, from the registry.
    operation: Operation[Any]
    #: Statuses that allow the operation (for the dry-run plan).
    allowed_from: frozenset[str]
    #: Statuses in which the operation has nothing left to do (skipped), and which a successful
    #: call leaves the user in (read back after an ambiguous failure). Empty: not observable.
    done_in: frozenset[str] = frozenset()
    #: Error codes Okta answers when the user's status forbids the operation; the executor
    #: reads the user to tell "already done" (skipped) from "not possible" (failed) and, for a
    #: 404 code, from "no such user" (not_found).
    refused_codes: frozenset[str] = frozenset()
    #: The operation that reverses this one, if any.
    inverse: Operation[Any] | None = None
    #: Needs a confirmation in the CLI.
    destructive: bool = False

    @property
    def name(self) -> str:
        """The client method that runs it (the registry's name: snake case operationId)."""
        return self.operation.name

    @property
    def reads_before(self) -> bool:
        """Whether each user's status is read before acting: undo must know whom the run moved."""
        return self.inverse is not None

    def settles(self, status: str | None) -> Literal["skipped", "failed"] | None:
        """What a user's ``status`` decides on its own: ``skipped`` when the operation has
        nothing left to do and the run learns it (read before acting, or read back after Okta's
        refusal), ``failed`` when the status does not allow it; None when only the call can tell."""
        if status in self.done_in and (self.reads_before or self.refused_codes):
            return "skipped"
        if status not in self.allowed_from:
            return "failed"
        return None


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in (
        # Okta: suspend/unsuspend in the wrong status -> 400 E0000001 (D10). Okta's answers offer
        # `suspend` to a PASSWORD_EXPIRED user too (recorded test_expire_password, 2025), though
        # its spec says "only ACTIVE": the plan expects it to work; a refusal is read back.
        Action(
            ops.SUSPEND_USER,
            frozenset({"ACTIVE", "PASSWORD_EXPIRED"}),
            frozenset({"SUSPENDED"}),
            frozenset({"E0000001"}),
            inverse=ops.UNSUSPEND_USER,
        ),
        Action(
            ops.UNSUSPEND_USER,
            frozenset({"SUSPENDED"}),
            frozenset({"ACTIVE"}),
            frozenset({"E0000001"}),
            inverse=ops.SUSPEND_USER,
        ),
        # E0000032 "Unlock is not allowed for this user": an ACTIVE user is already unlocked.
        Action(ops.UNLOCK_USER, frozenset({"LOCKED_OUT"}), frozenset({"ACTIVE"}), frozenset({"E0000032"})),
        # E0000016 "the user is already active"; E0000038 for the other refused statuses. A
        # user without a password activates to PROVISIONED (and finishes the setup itself).
        Action(
            ops.ACTIVATE_USER,
            frozenset({"STAGED", "DEPROVISIONED"}),
            frozenset({"ACTIVE", "PROVISIONED"}),
            frozenset({"E0000016", "E0000038"}),
        ),
        # Deactivating a DEPROVISIONED user: the only public record of Okta's answer is 404
        # E0000007 (okta/okta-sdk-java issue #721, 2022); the old Users reference suggests 403
        # E0000038 for status refusals. Either is settled by reading the user back (a 404 read
        # means the user is really gone).
        Action(
            ops.DEACTIVATE_USER,
            _ALL_BUT_DEPROVISIONED,
            frozenset({"DEPROVISIONED"}),
            frozenset({"E0000038", "E0000007"}),
            destructive=True,
        ),
        # Neither leaves a trace in the user's status: no skip, no read-back.
        Action(ops.REACTIVATE_USER, frozenset({"PROVISIONED", "RECOVERY"})),
        Action(ops.RESET_FACTORS, _ALL_BUT_DEPROVISIONED),
        # bulk_update's operation: profile changes are checked by reading them back. Okta
        # answers an update of a DEPROVISIONED user with 404 E0000007 too (okta-sdk-java #721):
        # the read tells that refusal (failed, with the status) from a user who is not there.
        Action(ops.UPDATE_USER, _ALL_BUT_DEPROVISIONED, refused_codes=frozenset({"E0000007"})),
    )
}

#: CLI action names -> operations.
CLI_ACTIONS: dict[str, Operation[Any]] = {
    "suspend": ops.SUSPEND_USER,
    "unsuspend": ops.UNSUSPEND_USER,
    "unlock": ops.UNLOCK_USER,
    "reset-factors": ops.RESET_FACTORS,
    "activate": ops.ACTIVATE_USER,
    "deactivate": ops.DEACTIVATE_USER,
    "reactivate": ops.REACTIVATE_USER,
}


def action(name: str) -> Action:
    """The action called ``name``; a clear error for anything else."""
    try:
        return ACTIONS[name]
    except KeyError:
        known = ", ".join(sorted(a for a in ACTIONS if a != "update_user"))
        raise InvalidArgumentError(
            f"{name!r} is not an operation of one user that bulk can run; use one of {known}, "
            "okta.bulk_update(rows) for profiles, or pass an async callable of one item"
        ) from None

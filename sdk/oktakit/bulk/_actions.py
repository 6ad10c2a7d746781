"""What the bulk executor knows about each one-user operation: when it is already done, what
reverses it, and which error codes may mean "nothing to do" (OKTA-FACTS part 1, section 4).

Pacing, retries and retry safety are the transport's business (it reads them from the
operation registry); this table holds only what the executor needs on top.
"""

from __future__ import annotations

import attrs

from oktakit.errors import InvalidArgumentError

_ALL_BUT_DEPROVISIONED = frozenset(
    {"STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED"}
)


@attrs.frozen
class Action:
    """One user operation as the executor sees it."""

    #: The client method and operation (snake case operationId).
    name: str
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
    inverse: str | None = None
    #: Needs a confirmation in the CLI.
    destructive: bool = False


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in (
        # Okta: suspend/unsuspend in the wrong status -> 400 E0000001 (D10).
        Action(
            "suspend_user",
            frozenset({"ACTIVE"}),
            frozenset({"SUSPENDED"}),
            frozenset({"E0000001"}),
            inverse="unsuspend_user",
        ),
        Action(
            "unsuspend_user",
            frozenset({"SUSPENDED"}),
            frozenset({"ACTIVE"}),
            frozenset({"E0000001"}),
            inverse="suspend_user",
        ),
        # E0000032 "Unlock is not allowed for this user": an ACTIVE user is already unlocked.
        Action("unlock_user", frozenset({"LOCKED_OUT"}), frozenset({"ACTIVE"}), frozenset({"E0000032"})),
        # E0000016 "the user is already active"; E0000038 for the other refused statuses. A
        # user without a password activates to PROVISIONED (and finishes the setup itself).
        Action(
            "activate_user",
            frozenset({"STAGED", "DEPROVISIONED"}),
            frozenset({"ACTIVE", "PROVISIONED"}),
            frozenset({"E0000016", "E0000038"}),
        ),
        # Deactivating a DEPROVISIONED user: the only public record of Okta's answer is 404
        # E0000007 (okta/okta-sdk-java issue #721, 2022); the old Users reference suggests 403
        # E0000038 for status refusals. Either is settled by reading the user back (a 404 read
        # means the user is really gone).
        Action(
            "deactivate_user",
            _ALL_BUT_DEPROVISIONED,
            frozenset({"DEPROVISIONED"}),
            frozenset({"E0000038", "E0000007"}),
            destructive=True,
        ),
        # Neither leaves a trace in the user's status: no skip, no read-back.
        Action("reactivate_user", frozenset({"PROVISIONED", "RECOVERY"})),
        Action("reset_factors", _ALL_BUT_DEPROVISIONED),
        # bulk_update's operation: profile changes are checked by reading them back. Okta
        # answers an update of a DEPROVISIONED user with 404 E0000007 too (okta-sdk-java #721):
        # the read tells that refusal (failed, with the status) from a user who is not there.
        Action("update_user", _ALL_BUT_DEPROVISIONED, refused_codes=frozenset({"E0000007"})),
    )
}

#: CLI action names -> operations.
CLI_ACTIONS: dict[str, str] = {
    "suspend": "suspend_user",
    "unsuspend": "unsuspend_user",
    "unlock": "unlock_user",
    "reset-factors": "reset_factors",
    "activate": "activate_user",
    "deactivate": "deactivate_user",
    "reactivate": "reactivate_user",
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

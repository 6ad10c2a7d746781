"""What the bulk executor knows about each one-user operation: when it is already done, what
reverses it, and which error codes may mean "nothing to do" (OKTA-FACTS part 1, section 4).

Each action is an operation of the registry (``oktakit_api.operations``): its descriptor names
the client method that runs it. Pacing, retries and retry safety are the transport's business
(it reads them from the same descriptor); this table holds only what the executor needs on top,
and ``Action.settles`` is the one rule that turns a user's status into an outcome, for the run
(``_steps.Step.settle`` and the skip before sending) and for the dry run alike.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

from oktakit._arguments import path_value
from oktakit.errors import InvalidArgumentError
from oktakit_api import operations as ops
from oktakit_api.operations import Operation

_ALL_BUT_DEPROVISIONED = frozenset(
    {"STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED"}
)
_EVERY_STATUS = _ALL_BUT_DEPROVISIONED | {"DEPROVISIONED"}
#: The states of a user's membership of one group (``Action.observes == "membership"``).
MEMBER, NOT_MEMBER = "MEMBER", "NOT_MEMBER"
_MEMBERSHIP = frozenset({MEMBER, NOT_MEMBER})
# The password operations are allowed where Okta offers their link (okta-mgmt-spec: "the
# user's _links offer the operations its status allows"): expirePassword to ACTIVE users
# (documented) and PASSWORD_EXPIRED ones (recorded, test_expire_password 2025), and, as the
# simulator infers, RECOVERY and LOCKED_OUT users; resetPassword to those and PROVISIONED users.
# A SUSPENDED user is offered neither (recorded: unsuspend, deactivate, resetFactors only).
_EXPIRABLE = frozenset({"ACTIVE", "PASSWORD_EXPIRED", "RECOVERY", "LOCKED_OUT"})
_RESETTABLE = _EXPIRABLE | {"PROVISIONED"}
_PATH_PARAMETER = re.compile(r"{(\w+)}")
#: How the client's methods name the user: ``user_id`` where the method takes other ids too.
_USER_PARAMETERS = ("user_id", "id")
#: Strict JSON, as the journal needs it: NaN and the infinities have no JSON form.
_JOURNAL_JSON = json.JSONEncoder(allow_nan=False)


@attrs.frozen
class Action:
    """One user operation as the executor sees it."""

    #: The operation, from the registry.
    operation: Operation[..., Any]
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
    inverse: Operation[..., Any] | None = None
    #: Needs a confirmation in the CLI.
    destructive: bool = False
    #: Read each user's state before acting even without undo: a user already in ``done_in``
    #: is then skipped without a request (Okta would accept the repeat, so its answer cannot
    #: tell), and the plan and the run agree.
    reads_first: bool = False
    #: What "state" means for the operation: the user's ``status``, or its ``membership`` of
    #: the group the run names (``MEMBER``/``NOT_MEMBER``, read from the user's groups).
    observes: Literal["status", "membership"] = "status"

    @property
    def name(self) -> str:
        """The client method that runs it (the registry's name: snake case operationId)."""
        return self.operation.name

    @property
    def leaves_in(self) -> str | None:
        """The status a success leaves the user in, when there is one (None: it does not change
        the status, or it may leave several)."""
        return next(iter(self.done_in)) if len(self.done_in) == 1 and self.observes == "status" else None

    @property
    def reads_before(self) -> bool:
        """Whether each user's state is read before acting: undo must know whom the run moved."""
        return self.inverse is not None or self.reads_first

    @property
    def path_arguments(self) -> tuple[str, ...]:
        """The path values other than the user's that the run must be given (``group_id``,
        ``client_id``)."""
        names = (_snake(name) for name in _PATH_PARAMETER.findall(self.operation.path))
        return tuple(name for name in names if name not in _USER_PARAMETERS)

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
        # Sessions, consent grants and a client's refresh tokens: Okta documents no status gate
        # and answers 204 whether there was anything to end or not (recorded: 204 for a user
        # with no session, test_revoke_user_sessions; none to revoke, test_revoke_user_grants).
        # The management API lists no sessions, so "already none" is never observable: always
        # sent. (Grants could be listed first, but a grant made between that read and the skip
        # would stay: the revocation is cheaper and leaves no window.)
        Action(ops.REVOKE_USER_SESSIONS, _EVERY_STATUS),
        Action(ops.REVOKE_USER_GRANTS, _EVERY_STATUS),
        Action(ops.REVOKE_TOKENS_FOR_USER_AND_CLIENT, _EVERY_STATUS),
        # Expiring an expired password is accepted again (recorded: a PASSWORD_EXPIRED user keeps
        # its expirePassword link), so the status read before acting decides the skip. Where
        # Okta offers no link, 403 E0000038 is expected (the old Users reference's refusal).
        Action(
            ops.EXPIRE_PASSWORD,
            _EXPIRABLE,
            frozenset({"PASSWORD_EXPIRED"}),
            frozenset({"E0000038"}),
            reads_first=True,
        ),
        # Each call sets a new temporary password: never "already done". The password goes to
        # the run's on_result only, never to its journal or report.
        Action(ops.EXPIRE_PASSWORD_WITH_TEMP_PASSWORD, _EXPIRABLE, refused_codes=frozenset({"E0000038"})),
        # Each call mints a new reset link (and may email it): never "already done"; the
        # transport never resends it (okta_spec: not retry-safe).
        Action(ops.RESET_PASSWORD, _RESETTABLE, refused_codes=frozenset({"E0000038"})),
        # Okta deletes only a DEPROVISIONED user; the first DELETE of any other deactivates it
        # (okta-mgmt-spec). A bulk delete deletes: it reads the status first and sends the
        # second DELETE where the first only deactivated (``_delete.DeleteStep``).
        Action(ops.DELETE_USER, _EVERY_STATUS, destructive=True, reads_first=True),
        # Membership is a set: adding a member again or removing a non-member changes nothing
        # (Okta answers 204: recorded for the first PUT, inferred for the repeat). The user's
        # groups are read before acting, so the run skips those, and undo removes only the
        # members this run added (and adds back only those it removed).
        Action(
            ops.ASSIGN_USER_TO_GROUP,
            _MEMBERSHIP,
            frozenset({MEMBER}),
            inverse=ops.UNASSIGN_USER_FROM_GROUP,
            observes="membership",
        ),
        Action(
            ops.UNASSIGN_USER_FROM_GROUP,
            _MEMBERSHIP,
            frozenset({NOT_MEMBER}),
            inverse=ops.ASSIGN_USER_TO_GROUP,
            observes="membership",
        ),
    )
}

#: CLI action names -> operations.
CLI_ACTIONS: dict[str, Operation[..., Any]] = {
    "suspend": ops.SUSPEND_USER,
    "unsuspend": ops.UNSUSPEND_USER,
    "unlock": ops.UNLOCK_USER,
    "reset-factors": ops.RESET_FACTORS,
    "activate": ops.ACTIVATE_USER,
    "deactivate": ops.DEACTIVATE_USER,
    "reactivate": ops.REACTIVATE_USER,
    "clear-sessions": ops.REVOKE_USER_SESSIONS,
    "expire-password": ops.EXPIRE_PASSWORD,
    "add-to-group": ops.ASSIGN_USER_TO_GROUP,
    "remove-from-group": ops.UNASSIGN_USER_FROM_GROUP,
    "delete": ops.DELETE_USER,
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


def checked_arguments(
    act: Action, method: Callable[..., Any], arguments: Mapping[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The client method's parameter that takes the user, and the keyword arguments for every
    item, checked before the run: the names the method takes (the user comes from each item),
    the path values it needs (``group_id``...), and flags that must be True or False. Other
    values are checked by the method on each call, as any call's are."""
    json_arguments(arguments)
    signature = inspect.signature(method)
    # Every action's method takes the user as ``user_id`` (next to other ids) or as ``id``.
    user = "user_id" if "user_id" in signature.parameters else "id"
    if user in arguments:
        raise InvalidArgumentError(f"{act.name}: the user comes from each item, not from arguments=")
    others = signature.replace(parameters=[p for p in signature.parameters.values() if p.name != user])
    try:
        others.bind(**arguments)
    except TypeError as exc:
        needs = ", ".join(act.path_arguments) or "no other path value"
        raise InvalidArgumentError(
            f"{act.name} in bulk: {exc} (arguments= takes {needs} and its options)"
        ) from None
    for name, value in arguments.items():
        if name in act.path_arguments:
            path_value(name, value)
        elif _is_flag(signature.parameters[name]) and not isinstance(value, (bool, type(None))):
            raise InvalidArgumentError(f"{act.name}: {name} must be True or False, not {value!r}")
    return user, dict(arguments)


def json_arguments(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments as the journal keeps them: JSON, compared on resume."""
    try:
        return json.loads(_JOURNAL_JSON.encode(arguments))  # type: ignore[no-any-return]
    except (TypeError, ValueError) as exc:
        raise InvalidArgumentError(f"bulk arguments must be JSON values (journaled): {exc}") from None


def _is_flag(parameter: inspect.Parameter) -> bool:
    """A parameter annotated ``bool`` (or ``bool | None``)."""
    return "bool" in str(parameter.annotation)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()

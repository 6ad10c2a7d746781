"""``okta.contain``: the containment playbook, run by the bulk executor as stages of one step.

After an account takeover Okta's guidance and public incident playbooks do the same few things:
end the user's sessions and OAuth tokens, revoke consent grants, reset the factors, expire the
password, suspend. Each of them is a one-user operation of the bulk executor (``_actions``); the
playbook runs the chosen ones for each user, in the order below, so that Okta refuses none of
them because of the status an earlier one left. Only one pair depends on the status:

- ``expire_password`` needs a status where Okta offers the ``expirePassword`` link: ACTIVE
  (documented) or PASSWORD_EXPIRED (recorded), and never SUSPENDED (recorded: a suspended user's
  links are ``unsuspend``, ``deactivate`` and ``resetFactors`` only; okta-sdk-python cassette
  test_comprehensive_user_lifecycle, 2025);
- ``suspend`` needs ACTIVE (okta-mgmt-spec, suspendUser) or, as recorded answers offer it,
  PASSWORD_EXPIRED (cassette test_expire_password, 2025).

So the password is expired before the suspension, and the suspension comes last, from
PASSWORD_EXPIRED. The others have no status gate that Okta documents (sessions, grants: 204 on
any user, recorded on ACTIVE and RECOVERY users) or are accepted on every status but
DEPROVISIONED (``resetFactors`` is offered even to SUSPENDED and STAGED users, recorded); they
go first, so that the attacker's sessions and tokens end before anything else.

A step already in its target state is ``skipped`` where the status shows it (a SUSPENDED user is
not suspended again, a PASSWORD_EXPIRED password not expired again). A step that a status makes
pointless is ``skipped`` too, with a note saying why: a suspended, deactivated or never activated
user cannot sign in, and Okta refuses to expire its password or suspend it. Sessions, grants and
factors are not observable without a race (the management API lists no sessions; ``listFactors``
lists only the factors of the enrollment policy the admin's context selects), so those steps are
always sent: Okta answers them with success whether or not there was anything to end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from oktakit.errors import InvalidArgumentError
from oktakit_api import operations as ops
from oktakit_api.operations import Operation

from ._actions import ACTIONS
from ._items import Target
from ._journal import OutcomeRecord, Record, StartRecord
from ._steps import ActionStep, Step, record

if TYPE_CHECKING:
    from oktakit.client import OktaClient

#: The journal's operation for a containment run.
CONTAIN: Final = "contain"
ContainStep = Literal["clear_sessions", "revoke_grants", "reset_factors", "expire_password", "suspend"]
#: A user found gone by one step: the steps after it are ``not_found`` without a request.
_GONE: Final = "(not found)"

_CANNOT_SIGN_IN = {
    "SUSPENDED": "SUSPENDED: Okta offers no password expiry to a suspended user, who cannot sign in",
    "DEPROVISIONED": "DEPROVISIONED: a deactivated user cannot sign in, and Okta allows it only activation",
    "STAGED": "STAGED: a user never activated cannot sign in",
}


@attrs.frozen
class PlaybookStep:
    """One step of the playbook: its name, the operation and arguments that do it, the statuses
    in which it is pointless (-> why), and what undo can do about it."""

    name: ContainStep
    operation: Operation[Any]
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    moot: Mapping[str, str] = attrs.field(factory=dict)
    #: Why undo cannot reverse it (None: undo reverses it).
    irreversible: str | None = None


#: The steps, in the order the playbook runs them (see the module's docstring).
STEPS: Final[tuple[PlaybookStep, ...]] = (
    # Okta's Admin Console "Clear user sessions" ends the Okta sessions and revokes the user's
    # OIDC and OAuth tokens (Okta Help, ITP manual actions): the API's oauthTokens=true.
    PlaybookStep(
        "clear_sessions",
        ops.REVOKE_USER_SESSIONS,
        {"oauth_tokens": True},
        irreversible="ended sessions and revoked OAuth tokens cannot be restored (the user signs in again)",
    ),
    PlaybookStep(
        "revoke_grants",
        ops.REVOKE_USER_GRANTS,
        irreversible="revoked consent grants cannot be restored (the user consents again)",
    ),
    PlaybookStep(
        "reset_factors",
        ops.RESET_FACTORS,
        moot={"DEPROVISIONED": _CANNOT_SIGN_IN["DEPROVISIONED"]},
        irreversible="reset factors cannot be restored (the user enrolls again)",
    ),
    PlaybookStep(
        "expire_password",
        ops.EXPIRE_PASSWORD,
        moot=_CANNOT_SIGN_IN,
        irreversible=(
            "no operation restores a password's expiry: unsuspending returns the user to ACTIVE "
            "(okta-mgmt-spec, unsuspendUser)"
        ),
    ),
    PlaybookStep(
        "suspend",
        ops.SUSPEND_USER,
        moot={status: why for status, why in _CANNOT_SIGN_IN.items() if status != "SUSPENDED"},
    ),
)
STEP_NAMES: Final[tuple[str, ...]] = tuple(step.name for step in STEPS)
_BY_NAME: Final = {step.name: step for step in STEPS}
#: A step may also be named by its operation (``suspend_user``, ``revoke_user_sessions``...).
_ALIASES: Final = {step.operation.name: step.name for step in STEPS}


def playbook_steps(steps: Iterable[str] | None) -> tuple[PlaybookStep, ...]:
    """The chosen steps (default: all), by name (``clear-sessions`` too) or by operation, always
    in the playbook's order; ``InvalidArgumentError`` naming the valid ones for anything else."""
    if steps is None:
        return STEPS
    if isinstance(steps, str):
        steps = [steps]
    try:
        given = {str.replace(name, "-", "_") for name in steps}
    except TypeError:
        raise InvalidArgumentError(f"steps must be step names ({', '.join(STEP_NAMES)})") from None
    chosen = {_ALIASES.get(name, name) for name in given}
    unknown = sorted(chosen - set(STEP_NAMES))
    if unknown or not chosen:
        raise InvalidArgumentError(
            f"unknown containment step(s) {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"choose from {', '.join(STEP_NAMES)}"
        )
    return tuple(step for step in STEPS if step.name in chosen)


def playbook_operations(steps: Iterable[str] | None = None) -> list[str]:
    """The client methods the chosen steps call (what ``oktakit permissions contain`` covers)."""
    return [step.operation.name for step in playbook_steps(steps)]


class Stage(ActionStep):
    """One step of the playbook for one user: its operation, as ``okta.bulk`` runs it, with the
    status read before the first step and moved on by each."""

    def __init__(self, okta: OktaClient, step: PlaybookStep) -> None:
        super().__init__(okta, ACTIONS[step.operation.name], step.arguments)
        self.part = step.name
        self.moot = step.moot
        # Every user's status is read before its first step (the playbook's resolve).
        self.reads_before = True
        done_in = ACTIONS[step.operation.name].done_in
        #: The status a success leaves the user in (None: unchanged).
        self.leaves_in = next(iter(done_in)) if len(done_in) == 1 else None

    def _settled_by_status(self, target: Target) -> OutcomeRecord | None:
        if target.before == _GONE:
            return record(target, "not_found")
        why = self.moot.get(target.before or "")
        return None if why is None else record(target, "skipped", status=target.before, note=why)

    def without_sending(self, target: Target) -> OutcomeRecord | None:
        return self._settled_by_status(target) or super().without_sending(target)

    def plan(self, target: Target) -> OutcomeRecord:
        return self._settled_by_status(target) or super().plan(target)

    async def settle(self, target: Target) -> OutcomeRecord:
        outcome = await super().settle(target)
        if outcome.outcome == "succeeded" and outcome.status is None:
            return attrs.evolve(outcome, status=self.leaves_in or target.before)
        why = self.moot.get(outcome.status or "") if outcome.outcome == "failed" else None
        if why is not None:
            # Refused because the user's status changed since it was read: pointless now.
            return record(target, "skipped", status=outcome.status, note=why)
        return outcome

    def after(self, target: Target, outcome: OutcomeRecord) -> Target:
        if outcome.outcome == "not_found":
            status: str | None = _GONE
        elif outcome.outcome == "planned":
            status = self.leaves_in or target.before
        else:
            status = outcome.status or target.before
        return Target(target.item, target.key, target.user, status, part=self.part)


class Playbook(Step):
    """``okta.contain``: each user resolved once (its status read, unless a listed ``User``
    carries it), then the chosen steps run in the playbook's order."""

    def __init__(self, okta: OktaClient, steps: Iterable[str] | None) -> None:
        chosen = playbook_steps(steps)
        super().__init__(okta, CONTAIN, {"steps": [step.name for step in chosen]})
        self.stages = tuple(Stage(okta, step) for step in chosen)
        self.needs = [step.operation.name for step in chosen]
        self.resolves = True
        self.reads_before = True


@attrs.frozen
class UndoPlan:
    """What undoing a containment can do: the users its suspension moved (to unsuspend), and
    for each user what stays (the steps no operation reverses), keyed by user id."""

    unsuspend: list[str]
    not_reversible: dict[str, tuple[str, ...]]
    #: Item as given -> user id, for picking users by either.
    ids: dict[str, str]


def undo_plan(records: Iterator[Record]) -> UndoPlan:
    """Read a containment journal: whom its ``suspend`` step moved, and what cannot be undone.

    A step that succeeded cannot be undone unless it is ``suspend``; and a user suspended from
    PASSWORD_EXPIRED returns to ACTIVE when unsuspended, so its expired password is listed too.
    """
    unsuspend: list[str] = []
    kept: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    expired_before: set[str] = set()
    seen: set[tuple[str, str | None]] = set()
    for entry in records:
        if isinstance(entry, StartRecord) and entry.step == "suspend" and entry.before == "PASSWORD_EXPIRED":
            expired_before.add(entry.user or entry.item)
        if not isinstance(entry, OutcomeRecord) or (entry.item, entry.step) in seen:
            continue
        seen.add((entry.item, entry.step))
        user = entry.user_id
        ids[entry.item] = user
        if entry.outcome != "succeeded" or entry.step is None:
            continue
        if entry.step == "suspend":
            unsuspend.append(user)
            if user in expired_before:
                kept.setdefault(user, []).append("expire_password")
        elif entry.step in _BY_NAME:
            kept.setdefault(user, []).append(entry.step)
    order = {name: index for index, name in enumerate(STEP_NAMES)}
    not_reversible = {user: tuple(sorted(set(steps), key=order.__getitem__)) for user, steps in kept.items()}
    return UndoPlan(unsuspend, not_reversible, ids)


def why_not_reversible(step: str) -> str:
    """What a step left that undo cannot reverse."""
    reason = _BY_NAME[step].irreversible if step in _BY_NAME else None
    return reason or "cannot be undone"

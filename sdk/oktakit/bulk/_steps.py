"""Steps: how the executor finds the user an item names, does it once, and learns what happened.

``resolve`` turns an item into a ``Target``: for the one-user operations and ``bulk_update``
an item is a user, so a login is read (``GET /users/{login}``, one request) to learn the user's
id; operations that can be undone (suspend, unsuspend) also read every user's status before
acting, so that undo reverses only users this job moved, as do those whose repeat Okta accepts
(``Action.reads_first``); the membership operations read the user's groups instead. A ``User``
object (from ``list_users``) carries an id and a status, and costs nothing.

``settle`` maps every way an item can end to exactly one outcome record:

- already in the target state when read before acting -> ``skipped``, nothing sent (unless an
  earlier attempt of this job, in flight when its run stopped, found the user elsewhere:
  ``succeeded``);
- success -> ``succeeded``; 404 -> ``not_found``;
- a refusal that the user's status explains (for example 400 E0000001 on suspend, or the 404
  E0000007 Okta answers for deactivating a DEPROVISIONED user) -> a read of the user: already
  in the target state -> ``skipped``, gone -> ``not_found``, otherwise ``failed``. When the
  request was sent more than once (the transport resent it, or an earlier run's attempt was in
  flight), the refusal may answer our own earlier attempt: ``succeeded`` only if the user was
  read in another state before this job first sent it;
- an ambiguous failure (no answer, reset, timeout, 5xx, an unreadable 2xx: the request may
  have taken effect) -> a read of the user, and the true outcome;
- anything else -> ``failed`` with the typed error.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from oktakit._registry import operations_by_name
from oktakit.errors import (
    ApiError,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    OktaError,
    PermissionDeniedError,
    ServerError,
    TransportError,
)
from oktakit_api import operations as ops

from ._actions import ACTIONS, MEMBER, NOT_MEMBER, Action, action, checked_arguments
from ._items import Target, known_login, known_status, looks_like_user_id, profile_changes
from ._journal import BulkFailure, OutcomeRecord
from ._results import OnResult, deliver

if TYPE_CHECKING:
    from oktakit.client import OktaClient
    from oktakit_api.models import User

_AMBIGUOUS = (TransportError, ServerError, MalformedResponseError)

#: The one call a step makes besides its operation: reading the user (``Step.read_user``).
READ_USER: Final = ops.GET_USER
_READ_WHY: Final = (
    "okta.bulk reads a user to resolve a login to its id, to learn the status before a suspend or "
    "unsuspend (so that undo reverses only what the run did), a password expiry, a deletion or a "
    "containment (okta.contain reads every user), and back to settle a refusal or an interrupted "
    "call; a dry run (which changes nothing) reads every user"
)
#: What the executor calls for an operation besides it: (client method, why).
Reads = tuple[tuple[str, str], ...]
#: The read of a user's groups, for the membership operations (``Action.observes``).
READ_GROUPS: Final = ops.LIST_USER_GROUPS
_GROUPS_WHY: Final = (
    "okta.bulk reads each user's groups before adding or removing the member (a member already "
    "there is skipped, and undo reverses only what the run changed) and back after an interrupted call"
)


def _action_reads(act: Action | None) -> Reads:
    # Every one-user operation's items are users, and a login among them is read to find its id.
    if act is None:
        return ()
    if act.observes == "membership":
        return ((READ_USER.name, _READ_WHY), (READ_GROUPS.name, _GROUPS_WHY))
    return ((READ_USER.name, _READ_WHY),)


def executor_reads(operation: str) -> Reads:
    """What a bulk run of ``operation`` (a client method name) calls besides it; ``update_user``
    is ``bulk_update``'s. ``oktakit.permissions.requirements(..., bulk=True)`` and so the bulk
    preflight read it from here: the steps below make exactly these calls."""
    if operation == UpdateStep.OPERATION:
        return UpdateStep.READS
    return _action_reads(ACTIONS.get(operation))


def record(target: Target, outcome: str, **fields: Any) -> OutcomeRecord:
    user = target.user if target.user != target.key else None
    login = target.login if target.login != target.key else None  # the key is the id column
    return OutcomeRecord("outcome", target.key, outcome, user=user, step=target.part, login=login, **fields)


def _was_resent(error: BaseException) -> bool:
    """Whether the transport sent the request more than once (an earlier attempt may have
    done the work that this refusal reports as already done)."""
    attempts = getattr(error, "attempts", 1)
    return isinstance(attempts, int) and attempts > 1


# The generated ``User`` guarantees both: a profile with its required login, and a status that
# is a ``UserStatus`` (a value Okta added since becomes a pseudo-member, never a bare string).
def _login_of(user: User) -> str:
    return user.profile.login


def _status_of(user: User) -> str:
    return user.status.value


class Step:
    """A call of one item; subclasses know how to read its effect back."""

    #: The playbook step this is (``okta.contain``), named in its records; None: a plain run.
    part: str | None = None

    def __init__(self, okta: OktaClient, operation: str, arguments: Mapping[str, Any]) -> None:
        self.okta = okta
        self.operation = operation
        self.arguments = dict(arguments)
        self.action: Action | None = ACTIONS.get(operation)
        #: The operations ``okta.bulk``'s preflight checks, with ``bulk=True`` (which adds
        #: ``executor_reads``); empty: nothing known to check.
        self.needs: list[str] = [operation] if self.action is not None else []
        #: Items are users: logins are resolved to ids, and one user is one item.
        self.resolves = self.action is not None
        #: Read each user's status before acting: undo must know which users this job moved.
        self.reads_before = self.action is not None and self.action.reads_before
        #: What the executor runs for each user, in order: a playbook's stages, or this step.
        self.stages: tuple[Step, ...] = (self,)

    def enter(self, target: Target, doubt: str | None) -> Target:
        """The target of this stage; ``doubt``: an attempt of this job was in flight when its run
        stopped (the status before it, or "" if not recorded)."""
        if doubt is None and target.part == self.part and not target.in_doubt:
            return target
        return attrs.evolve(target, part=self.part, in_doubt=doubt is not None, origin=doubt or None)

    def after(self, target: Target, outcome: OutcomeRecord) -> Target:
        """The target of the next stage, once this one is settled (a playbook's stages move it)."""
        return target

    async def resolve(self, item: Any, key: str, *, plan: bool = False) -> Target:
        """The user ``item`` names; reads it (``NotFoundError`` if there is none) when its id or
        a status needed before acting is not known yet."""
        login = known_login(item, key)
        if not self.resolves:
            return Target(item, key, key, login=login)
        wants_status = self.reads_before or plan
        if self.action is not None and self.action.observes == "membership":
            if looks_like_user_id(key):
                user_id = key
            else:
                user = await self.read_user(key)
                user_id, login = user.id, _login_of(user) or login
            status = await self.status(user_id) if wants_status else None
            return Target(item, key, user_id, status, login=login)
        before = known_status(item)
        if looks_like_user_id(key) and (before is not None or not wants_status):
            return Target(item, key, key, before, login=login)
        user = await self.read_user(key)
        return Target(item, key, user.id, _status_of(user), login=_login_of(user) or login)

    async def call(self, target: Target) -> str | None:
        """Do the item; may return ``"skipped"`` when there is nothing to do."""
        raise NotImplementedError

    async def verify(self, target: Target) -> tuple[bool | None, str | None]:
        """After an ambiguous failure: (did it take effect? None if unknowable, status read)."""
        return None, None

    async def read_user(self, key: str) -> User:
        """The read (``READ_USER``, listed by ``executor_reads``): before acting and back after."""
        return await self.okta.get_user(key)  # READ_USER's client method

    def read_denied_hint(self, error: OktaError) -> str | None:
        """What to grant when a read of the executor's own was refused."""
        if not isinstance(error, PermissionDeniedError):
            return None
        return f"a bulk run needs what `oktakit permissions {self.operation} --bulk` lists (it reads users)"

    async def status(self, user_id: str) -> str:
        """The user's state as the action sees it: its status, or its membership of the group."""
        if self.action is not None and self.action.observes == "membership":
            group_id = self.arguments["group_id"]
            async for group in self.okta.list_user_groups(user_id):  # READ_GROUPS' client method
                if group.id == group_id:
                    return MEMBER
            return NOT_MEMBER
        return _status_of(await self.read_user(user_id))

    def without_sending(self, target: Target) -> OutcomeRecord | None:
        """The outcome when the status read before acting already settles it (nothing is sent)."""
        act = self.action
        if act is None or not self.reads_before or act.settles(target.before) != "skipped":
            return None
        if target.in_doubt and target.origin is not None and target.origin not in act.done_in:
            note = f"done by this job's earlier attempt, in flight when its run stopped (was {target.origin})"
            return record(target, "succeeded", status=target.before, note=note)
        if target.in_doubt:
            note = (
                "already done; this job's earlier attempt was in flight, but the status before it was "
                "not recorded, so it is not counted as this job's (undo leaves it)"
            )
            return record(target, "skipped", status=target.before, note=note)
        return record(target, "skipped", status=target.before)

    async def settle(self, target: Target) -> OutcomeRecord:  # noqa: PLR0911 - a return per outcome
        try:
            skipped = await self.call(target)
        except NotFoundError as error:
            act = self.action
            if act is None or error.error_code not in act.refused_codes:
                return record(target, "not_found")
            # A 404 that may be a refusal (deactivating a DEPROVISIONED user): the read decides.
            return await self._refused(target, error, act)
        except _AMBIGUOUS as error:  # before ApiError: ServerError is one
            return await self._ambiguous(target, error)
        except ApiError as error:
            act = self.action
            if act is None or error.error_code not in act.refused_codes:
                return record(target, "failed", error=BulkFailure.from_exception(error))
            return await self._refused(target, error, act)
        except Exception as error:  # OktaError, or a caller's callable's bug: this item's failure
            return record(target, "failed", error=BulkFailure.from_exception(error))
        if skipped:
            return record(target, "skipped", note="nothing to change")
        note = "a previous attempt was interrupted; done again" if target.in_doubt else None
        return record(target, "succeeded", status=self.status_after(target), note=note)

    def status_after(self, target: Target) -> str | None:
        """The user's status after a success, when the run knows it without a request: the one
        status the action leaves a user in, or the status read before when the action leaves it
        as it was (None when neither is known)."""
        act = self.action
        if act is None or act.observes != "status":
            return None
        return act.leaves_in or (None if act.done_in else target.before)

    async def _refused(self, target: Target, error: ApiError, act: Action) -> OutcomeRecord:  # noqa: PLR0911
        try:
            status = await self.status(target.user)
        except NotFoundError:
            return record(target, "not_found")
        except OktaError as read_error:
            note = f"refused, and reading the user back failed: {read_error}"
            hint = self.read_denied_hint(read_error)
            note += f"; {hint}" if hint else ""
            return record(target, "failed", error=BulkFailure.from_exception(error), note=note)
        if act.settles(status) != "skipped":  # the status explains the refusal: not done
            return record(target, "failed", status=status, error=BulkFailure.from_exception(error))
        if not (target.in_doubt or _was_resent(error)):
            return record(target, "skipped", status=status)  # our only request found it done
        # Sent more than once: the refusal may answer our own earlier attempt. It was this job's
        # only if the user was read in another state before this job first sent it.
        origin = target.origin if target.origin is not None else target.before
        if origin is None:  # an operation without undo: its status before was not read
            note = "already done when sent again; counted as this job's (an earlier attempt was in flight)"
            return record(target, "succeeded", status=status, note=note)
        if origin in act.done_in:
            return record(target, "skipped", status=status)
        note = f"already done when sent again: this job's earlier attempt did it (was {origin})"
        return record(target, "succeeded", status=status, note=note)

    async def _ambiguous(self, target: Target, error: OktaError) -> OutcomeRecord:
        try:
            done, status = await self.verify(target)
        except NotFoundError:
            return record(target, "not_found")
        except OktaError as read_error:
            done, status = None, None
            why = f"outcome unknown: reading the user back failed ({type(read_error).__name__})"
        else:
            why = "outcome unknown: this operation leaves nothing to read back"
        if done:
            note = f"verified by reading the user back after {type(error).__name__}"
            return record(target, "succeeded", status=status, note=note)
        if done is False:
            why = "read back: not done"
        return record(target, "failed", status=status, error=BulkFailure.from_exception(error), note=why)

    def plan(self, target: Target) -> OutcomeRecord:
        """Dry run: what the operation would do to this user, from the status read before."""
        act = self.action
        if act is None:
            return record(target, "planned", note="not checked: a custom operation")
        status = target.before
        outcome = act.settles(status)  # the rule the run settles by
        if outcome == "failed":
            refusal = BulkFailure("NotAllowed", f"{status} does not allow {act.name}")
            return record(target, "failed", status=status, error=refusal)
        return record(target, outcome or "planned", status=status)


class ActionStep(Step):
    """A one-user operation of the registry, run by the client method its descriptor names
    (which checks the arguments as any call does), the user passed as its ``id`` or
    ``user_id``; ``on_result`` gets what each call answers."""

    def __init__(
        self, okta: OktaClient, act: Action, arguments: Mapping[str, Any], on_result: OnResult | None = None
    ) -> None:
        super().__init__(okta, act.name, arguments)
        self.method: Callable[..., Awaitable[Any]] = getattr(okta, act.operation.name)
        self.user_parameter, self.arguments = checked_arguments(act, self.method, self.arguments)
        self.by_keyword = self.user_parameter != "id"
        self.on_result = on_result

    async def call(self, target: Target) -> str | None:
        if self.by_keyword:
            result = await self.method(**{self.user_parameter: target.user}, **self.arguments)
        else:
            result = await self.method(target.user, **self.arguments)
        if self.on_result is not None:
            await deliver(self.on_result, self.operation, target.user, result)
        return None

    async def verify(self, target: Target) -> tuple[bool | None, str | None]:
        if self.action is None or not self.action.done_in:
            return None, None
        status = await self.status(target.user)
        return status in self.action.done_in, status


class UpdateStep(Step):
    """``bulk_update``: a partial profile update per row, read back after an ambiguous failure."""

    OPERATION: Final = ops.UPDATE_USER.name
    READS: Final[Reads] = ((READ_USER.name, _READ_WHY),)

    def __init__(self, okta: OktaClient, empty: str) -> None:
        if empty not in ("leave", "clear"):
            raise InvalidArgumentError(f"empty must be 'leave' or 'clear', not {empty!r}")
        super().__init__(okta, self.OPERATION, {"empty": empty})
        self.empty = empty

    def plan(self, target: Target) -> OutcomeRecord:
        if not profile_changes(target.item, self.empty):
            return record(target, "skipped", note="nothing to change")
        return super().plan(target)

    async def call(self, target: Target) -> str | None:
        changes = profile_changes(target.item, self.empty)
        if not changes:
            return "skipped"
        await self.okta.update_user(target.user, profile=changes)
        return None

    async def verify(self, target: Target) -> tuple[bool | None, str | None]:
        user = await self.read_user(target.user)
        profile = user.profile  # a read-only mapping, custom attributes included
        changes = profile_changes(target.item, self.empty)
        return all(profile.get(k) == v for k, v in changes.items()), _status_of(user)


class CallableStep(Step):
    """Any async callable of one item (or a client method without bulk knowledge)."""

    def __init__(self, okta: OktaClient, function: Callable[..., Awaitable[Any]], by_key: bool) -> None:
        name = getattr(function, "__name__", None) if by_key else None
        if name is None:
            name = (
                f"{getattr(function, '__module__', '?')}.{getattr(function, '__qualname__', repr(function))}"
            )
        super().__init__(okta, name, {})
        self.function = function
        self.by_key = by_key
        # A caller's own callable: nothing known to check; a client method: the operation itself.
        self.needs = [name] if by_key else []

    async def call(self, target: Target) -> str | None:
        await self.function(target.key if self.by_key else target.item)
        return None


def make_step(
    okta: OktaClient, operation: Any, arguments: Mapping[str, Any], on_result: OnResult | None = None
) -> Step:
    """The step for what ``bulk`` was given: a name, a bound method of ``okta``, a callable."""
    if on_result is not None and not callable(on_result):
        raise InvalidArgumentError(f"on_result must be a callable of (user id, result), not {on_result!r}")
    if isinstance(operation, str) or getattr(operation, "__self__", None) is okta:
        name = operation if isinstance(operation, str) else operation.__name__
        act = ACTIONS.get(name)
        if act is not None and act.operation is not ops.UPDATE_USER:  # bulk_update's, with its rows
            if act.operation is ops.DELETE_USER:
                from ._delete import DeleteStep

                return DeleteStep(okta, act, arguments, on_result)
            return ActionStep(okta, act, arguments, on_result)
        # Another operation of the client (get_user), never its plumbing (_call) or its helpers
        # (close, check, bulk): those are no call of one user.
        method = getattr(type(okta), name, None)
        if name not in operations_by_name() or not inspect.iscoroutinefunction(method):
            action(name)  # raises the error listing what bulk can run
        if arguments or on_result is not None:
            known = ", ".join(sorted(a for a in ACTIONS if a != ops.UPDATE_USER.name))
            raise InvalidArgumentError(
                f"arguments= and on_result= apply to the one-user operations bulk knows ({known}); "
                f"for {name}, pass an async callable of one item"
            )
        return CallableStep(okta, getattr(okta, name), by_key=True)
    if not callable(operation):
        raise InvalidArgumentError(f"bulk needs an operation name or an async callable, not {operation!r}")
    if arguments or on_result is not None:
        raise InvalidArgumentError(
            "arguments= and on_result= apply to operations named by the client; bind them yourself"
        )
    return CallableStep(okta, operation, by_key=False)

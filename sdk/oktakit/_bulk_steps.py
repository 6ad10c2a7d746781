"""Steps: how the executor does one item and finds out what really happened.

``settle`` maps every way an item can end to exactly one outcome record:

- success -> ``succeeded``; 404 -> ``not_found``;
- a refusal that the user's status explains (for example 400 E0000001 on suspend, or the 404
  E0000007 Okta answers for deactivating a DEPROVISIONED user) -> a read of the user: already
  in the target state -> ``skipped``, gone -> ``not_found``, otherwise ``failed``;
- an ambiguous failure (no answer, reset, timeout, 5xx, an unreadable 2xx: the request may
  have taken effect) -> a read of the user, and the true outcome;
- anything else -> ``failed`` with the typed error.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._bulk_actions import ACTIONS, Action, action
from ._bulk_items import profile_changes
from ._journal import BulkFailure, OutcomeRecord
from ._spec_facts import facts_by_name
from .errors import (
    ApiError,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    OktaError,
    PermissionDeniedError,
    ServerError,
    TransportError,
)

if TYPE_CHECKING:
    from oktakit_api.models import User

    from .client import OktaClient

_AMBIGUOUS = (TransportError, ServerError, MalformedResponseError)

#: The one call a step makes besides its operation: reading the user back (``Step.read_user``).
READ_USER: Final = "get_user"
_READ_WHY: Final = (
    "okta.bulk reads a user back to settle a refusal (already done or not possible) and an "
    "interrupted call; a dry run (which changes nothing) reads every user"
)
#: What the executor calls for an operation besides it: (client method, why).
Reads = tuple[tuple[str, str], ...]


def _action_reads(act: Action | None) -> Reads:
    # A read settles refusals (refused_codes) and ambiguous failures (done_in); an action with
    # neither leaves nothing to read back, so its run never reads (only a dry run does).
    return ((READ_USER, _READ_WHY),) if act is not None and (act.done_in or act.refused_codes) else ()


def executor_reads(operation: str) -> Reads:
    """What a bulk run of ``operation`` (a client method name) calls besides it; ``update_user``
    is ``bulk_update``'s. ``oktakit.permissions.requirements(..., bulk=True)`` and so the bulk
    preflight read it from here: the steps below make exactly these calls."""
    if operation == UpdateStep.OPERATION:
        return UpdateStep.READS
    return _action_reads(ACTIONS.get(operation))


def _record(key: str, outcome: str, **fields: Any) -> OutcomeRecord:
    return OutcomeRecord("outcome", key, outcome, **fields)


def _was_resent(error: BaseException) -> bool:
    """Whether the transport sent the request more than once (an earlier attempt may have
    done the work that this refusal reports as already done)."""
    attempts = getattr(error, "attempts", 1)
    return isinstance(attempts, int) and attempts > 1


class Step:
    """A call of one item; subclasses know how to read its effect back."""

    def __init__(self, okta: OktaClient, operation: str, arguments: Mapping[str, Any]) -> None:
        self.okta = okta
        self.operation = operation
        self.arguments = dict(arguments)
        self.action: Action | None = ACTIONS.get(operation)
        #: The operations ``okta.bulk``'s preflight checks, with ``bulk=True`` (which adds
        #: ``executor_reads``); empty: nothing known to check.
        self.needs: list[str] = [operation] if self.action is not None else []

    async def call(self, key: str, item: Any) -> str | None:
        """Do the item; may return ``"skipped"`` when there is nothing to do."""
        raise NotImplementedError

    async def verify(self, key: str, item: Any) -> tuple[bool | None, str | None]:
        """After an ambiguous failure: (did it take effect? None if unknowable, status read)."""
        return None, None

    async def read_user(self, key: str) -> User:
        """The read-back (``READ_USER``, listed by ``executor_reads``)."""
        return await self.okta.get_user(key)

    async def status(self, key: str) -> str:
        status = (await self.read_user(key)).status
        return str(getattr(status, "value", status))

    async def settle(self, key: str, item: Any, in_doubt: bool) -> OutcomeRecord:  # noqa: PLR0911 - a return per outcome
        try:
            skipped = await self.call(key, item)
        except NotFoundError as error:
            act = self.action
            if act is None or error.error_code not in act.refused_codes:
                return _record(key, "not_found")
            # A 404 that may be a refusal (deactivating a DEPROVISIONED user): the read decides.
            return await self._refused(key, error, act, in_doubt or _was_resent(error))
        except _AMBIGUOUS as error:  # before ApiError: ServerError is one
            return await self._ambiguous(key, item, error)
        except ApiError as error:
            act = self.action
            if act is None or error.error_code not in act.refused_codes:
                return _record(key, "failed", error=BulkFailure.from_exception(error))
            return await self._refused(key, error, act, in_doubt or _was_resent(error))
        except OktaError as error:
            return _record(key, "failed", error=BulkFailure.from_exception(error))
        except Exception as error:  # a caller's own callable: its bug is this item's failure
            return _record(key, "failed", error=BulkFailure.from_exception(error))
        if skipped:
            return _record(key, "skipped", note="nothing to change")
        note = "a previous attempt was interrupted; done again" if in_doubt else None
        return _record(key, "succeeded", note=note)

    async def _refused(self, key: str, error: ApiError, act: Action, earlier_attempt: bool) -> OutcomeRecord:
        try:
            status = await self.status(key)
        except NotFoundError:
            return _record(key, "not_found")
        except OktaError as read_error:
            note = f"refused, and reading the user back failed: {read_error}"
            if isinstance(read_error, PermissionDeniedError):
                note += (
                    f"; a bulk run needs what `oktakit permissions {self.operation} --bulk` lists "
                    "(it reads users back)"
                )
            return _record(key, "failed", error=BulkFailure.from_exception(error), note=note)
        if status not in act.done_in:
            return _record(key, "failed", status=status, error=BulkFailure.from_exception(error))
        if earlier_attempt:
            # Our own earlier attempt (interrupted, or resent by the transport) may have done it.
            note = "already done when sent again; counted as this job's (an earlier attempt was in flight)"
            return _record(key, "succeeded", status=status, note=note)
        return _record(key, "skipped", status=status)

    async def _ambiguous(self, key: str, item: Any, error: OktaError) -> OutcomeRecord:
        try:
            done, status = await self.verify(key, item)
        except NotFoundError:
            return _record(key, "not_found")
        except OktaError as read_error:
            done, status = None, None
            why = f"outcome unknown: reading the user back failed ({type(read_error).__name__})"
        else:
            why = "outcome unknown: this operation leaves nothing to read back"
        if done:
            note = f"verified by reading the user back after {type(error).__name__}"
            return _record(key, "succeeded", status=status, note=note)
        if done is False:
            why = "read back: not done"
        return _record(key, "failed", status=status, error=BulkFailure.from_exception(error), note=why)


class ActionStep(Step):
    """A lifecycle operation of the client, by name."""

    def __init__(self, okta: OktaClient, operation: str, arguments: Mapping[str, Any]) -> None:
        super().__init__(okta, operation, arguments)
        self.method: Callable[..., Awaitable[Any]] = getattr(okta, operation)

    async def call(self, key: str, item: Any) -> str | None:
        await self.method(key, **self.arguments)
        return None

    async def verify(self, key: str, item: Any) -> tuple[bool | None, str | None]:
        if self.action is None or not self.action.done_in:
            return None, None
        status = await self.status(key)
        return status in self.action.done_in, status


class UpdateStep(Step):
    """``bulk_update``: a partial profile update per row, read back after an ambiguous failure."""

    OPERATION: Final = "update_user"
    READS: Final[Reads] = ((READ_USER, _READ_WHY),)

    def __init__(self, okta: OktaClient, empty: str) -> None:
        if empty not in ("leave", "clear"):
            raise InvalidArgumentError(f"empty must be 'leave' or 'clear', not {empty!r}")
        super().__init__(okta, self.OPERATION, {"empty": empty})
        self.empty = empty

    def would_skip(self, item: Any) -> bool:
        return not profile_changes(item, self.empty)

    async def call(self, key: str, item: Any) -> str | None:
        changes = profile_changes(item, self.empty)
        if not changes:
            return "skipped"
        await self.okta.update_user(key, profile=changes)
        return None

    async def verify(self, key: str, item: Any) -> tuple[bool | None, str | None]:
        user = await self.read_user(key)
        profile = _profile_dict(user)
        changes = profile_changes(item, self.empty)
        status = user.status
        return all(profile.get(k) == v for k, v in changes.items()), str(getattr(status, "value", status))


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
        self.needs = [name] if by_key and name in facts_by_name() else []

    async def call(self, key: str, item: Any) -> str | None:
        await self.function(key if self.by_key else item)
        return None


def make_step(okta: OktaClient, operation: Any, arguments: Mapping[str, Any]) -> Step:
    """The step for what ``bulk`` was given: a name, a bound method of ``okta``, a callable."""
    if isinstance(operation, str) or getattr(operation, "__self__", None) is okta:
        name = operation if isinstance(operation, str) else operation.__name__
        if name in ACTIONS and name != "update_user":
            return ActionStep(okta, name, arguments)
        method = getattr(type(okta), name, None) if not name.startswith("_") else None
        if method is None or not inspect.iscoroutinefunction(method):
            action(name)  # raises the error listing what bulk can run
        if arguments:
            raise InvalidArgumentError("arguments= applies to the lifecycle operations only")
        return CallableStep(okta, getattr(okta, name), by_key=True)
    if not callable(operation):
        raise InvalidArgumentError(f"bulk needs an operation name or an async callable, not {operation!r}")
    if arguments:
        raise InvalidArgumentError("arguments= applies to operations named by the client; bind them yourself")
    return CallableStep(okta, operation, by_key=False)


def _profile_dict(user: Any) -> Mapping[str, Any]:
    profile = getattr(user, "profile", None)
    if isinstance(profile, Mapping):
        return profile
    to_dict = getattr(profile, "to_dict", None)
    return to_dict() if callable(to_dict) else {}

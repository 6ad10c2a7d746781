"""``okta.bulk("delete_user", ...)``: deleting users, which takes Okta two DELETEs for most.

Okta deletes only a DEPROVISIONED user; the first DELETE of any other user deactivates it, and a
second one deletes it (okta-mgmt-spec, deleteUser). A bulk delete is asked to delete, so it
reads each user's status first and sends the second DELETE where the first only deactivated.
Neither is ever resent by the transport (okta_spec: not retry-safe): after a lost answer the
user is read back instead, and a user no longer found was deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from oktakit.errors import (
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    ServerError,
    TransportError,
)

from ._actions import Action
from ._items import Target
from ._results import OnResult
from ._steps import ActionStep

if TYPE_CHECKING:
    from oktakit.client import OktaClient

_LOST_ANSWER = (TransportError, ServerError, MalformedResponseError)


class DeleteStep(ActionStep):
    def __init__(
        self, okta: OktaClient, act: Action, arguments: Mapping[str, Any], on_result: OnResult | None = None
    ) -> None:
        super().__init__(okta, act, arguments, on_result)
        if self.arguments.get("respond_async"):
            # The user would still be deactivating when the second DELETE arrives (E0000112).
            raise InvalidArgumentError(
                "a bulk delete_user waits for each deactivation: leave out respond_async"
            )

    async def call(self, target: Target) -> str | None:
        if target.before != "DEPROVISIONED":
            try:
                await self.method(target.user, **self.arguments)  # deactivates
            except _LOST_ANSWER:
                # Go on only if the read shows it deactivated (else the executor reads it back
                # and records the failure).
                if await self.status(target.user) != "DEPROVISIONED":
                    raise
        return await super().call(target)  # deletes

    async def verify(self, target: Target) -> tuple[bool | None, str | None]:
        """After a lost answer: deleted if the user is gone (a DEPROVISIONED one is not)."""
        try:
            status = await self.status(target.user)
        except NotFoundError:
            return True, None
        return False, status

"""Resource sets: what a custom role assignment may act on.

A resource set holds REST paths under the org, as the Admin Console and the API take them:
``/api/v1/users`` (all users), ``/api/v1/groups`` (all groups), ``/api/v1/groups/{id}/users``
(the members of one group), ``/api/v1/groups/{id}`` (one group). The simulator enforces users
and groups only; a permission on any other kind of resource (IAM, apps) is not limited by the
set. A list of users needs ``/api/v1/users``: the simulator does not filter lists down to what a
group-scoped set covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._state import Org
    from ._users import SimUser

ALL_USERS = "/api/v1/users"
ALL_GROUPS = "/api/v1/groups"


@dataclass(eq=False, slots=True)
class ResourceSet:
    id: str
    label: str
    description: str
    created: float
    #: REST paths under the org (see the module docstring), each with its resource id.
    resources: dict[str, str] = field(default_factory=dict)

    def covers(self, org: Org, kind: str | None, user: SimUser | None, group: str | None = None) -> bool:
        """Whether a permission on ``kind`` (users, groups, ...) reaches ``user`` (or any target),
        and for groups the ``group`` named in the request (its id), if any."""
        if kind == "groups" and group is not None:
            wanted = (ALL_GROUPS, f"{ALL_GROUPS}/{group}", f"{ALL_GROUPS}/{group}/users")
            return any(path in self.resources for path in wanted)
        if kind == "users":
            if ALL_USERS in self.resources:
                return True
            return user is not None and any(
                path.endswith("/users") and path.split("/")[4] in user.group_ids
                for path in self.resources
                if path.startswith(ALL_GROUPS + "/")
            )
        if kind == "groups":
            return any(path == ALL_GROUPS or path.startswith(ALL_GROUPS + "/") for path in self.resources)
        return True

"""``OktaClient`` methods for the directory: creating and deleting users, groups and their
members (one method per spec operation)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from oktakit_api import operations as ops
from oktakit_api.types import UNSET

from ._arguments import choice, limit_in, new_user_body, opt_bool, opt_text, path_value, prefer
from ._client_core import ClientCore

if TYPE_CHECKING:
    from oktakit_api.models import Group, User

#: Okta's largest page of groups, and of a group's members.
_GROUPS_PAGE_MAX = 10_000
_MEMBERS_PAGE_MAX = 1000


class DirectoryMethods(ClientCore):
    """Create and delete users; list groups and members; change memberships."""

    # -- users -----------------------------------------------------------------------------

    async def create_user(
        self,
        profile: Mapping[str, Any],
        *,
        credentials: Mapping[str, Any] | None = None,
        password: str | None = None,
        activate: bool | None = None,
        provider: bool | None = None,
        next_login: Literal["changePassword"] | None = None,
        group_ids: Iterable[str] | None = None,
        type_id: str | None = None,
        realm_id: str | None = None,
    ) -> User:
        """Create a user; ``profile`` needs a ``login`` (unique, ignoring case) and usually
        ``email``, ``firstName``, ``lastName``.

        ``activate`` (Okta's default: True) activates it now: ACTIVE with a password (or an
        external ``provider``), PROVISIONED without; ``activate=False`` leaves it STAGED.
        ``provider=True`` creates it for ``credentials["provider"]``; ``next_login=
        "changePassword"`` expires the given password; ``group_ids`` adds it to those groups.

        >>> user = await okta.create_user({"login": "ann@example.com", "email": "ann@example.com",
        ...                                "firstName": "Ann", "lastName": "Lee"}, activate=False)

        Never resent after a lost answer (a repeat would collide with the login): look the
        user up by login instead.
        """
        body = new_user_body(
            profile,
            credentials=credentials,
            password=password,
            group_ids=group_ids,
            type_id=type_id,
            realm_id=realm_id,
        )
        login = None
        if next_login is not None:
            from oktakit_api.models import UserNextLogin

            login = UserNextLogin(choice("next_login", next_login, ("changePassword",)))
        return await self._call(
            ops.CREATE_USER,
            body=body,
            activate=opt_bool("activate", activate),
            provider=opt_bool("provider", provider),
            next_login=login if login is not None else UNSET,
        )

    async def delete_user(
        self, id: str, *, send_email: bool | None = None, respond_async: bool = False
    ) -> None:
        """Delete a user. Okta deletes only a DEPROVISIONED user: on any other user the first
        call *deactivates* it (DEPROVISIONED), and a second call deletes it for good.

        Never resent after a lost answer: a resent DELETE could delete a user that the first
        call only deactivated. Read the user to learn where it stands. ``send_email`` emails
        the admins; ``respond_async`` asks Okta to finish in the background.
        """
        await self._call(
            ops.DELETE_USER,
            path_value("id", id),
            send_email=opt_bool("send_email", send_email),
            prefer=prefer(respond_async, delete=True),
        )

    # -- groups ----------------------------------------------------------------------------

    def list_groups(
        self,
        *,
        q: str | None = None,
        search: str | None = None,
        filter: str | None = None,
        limit: int | None = None,
        expand: str | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        after: str | None = None,
    ) -> AsyncIterator[Group]:
        """Iterate over groups, page after page.

        ``q`` matches the start of the name (one page of at most 300, never more); ``search``
        takes an expression (``'type eq "OKTA_GROUP"'``, with ``sort_by``/``sort_order``);
        ``filter`` only ``id``, ``type``, ``lastUpdated`` and ``lastMembershipUpdated``.
        ``limit`` is the page size (Okta allows up to 10,000 and recommends 200 or less);
        ``expand="stats"`` embeds member counts.
        """
        op = ops.LIST_GROUPS
        request = op.build_request(
            search=opt_text("search", search),
            filter_=opt_text("filter", filter),
            q=opt_text("q", q),
            after=opt_text("after", after),
            limit=limit_in(limit, _GROUPS_PAGE_MAX),
            expand=opt_text("expand", expand),
            sort_by=opt_text("sort_by", sort_by),
            sort_order=choice("sort_order", sort_order, ("asc", "desc")),
        )
        return self._pages(op, request, op.parse_response)

    def list_group_users(self, group_id: str, *, limit: int | None = None) -> AsyncIterator[User]:
        """Iterate over a group's members, page after page (``limit``: 1 to 1,000, Okta's default)."""
        op = ops.LIST_GROUP_USERS
        request = op.build_request(path_value("group_id", group_id), limit=limit_in(limit, _MEMBERS_PAGE_MAX))
        return self._pages(op, request, op.parse_response)

    async def assign_user_to_group(self, group_id: str, user_id: str) -> None:
        """Add a user (by id) to an OKTA_GROUP group; adding a member again changes nothing.
        The Everyone group and app groups cannot be changed this way."""
        await self._call(
            ops.ASSIGN_USER_TO_GROUP, path_value("group_id", group_id), path_value("user_id", user_id)
        )

    async def unassign_user_from_group(self, group_id: str, user_id: str) -> None:
        """Remove a user (by id) from an OKTA_GROUP group."""
        await self._call(
            ops.UNASSIGN_USER_FROM_GROUP, path_value("group_id", group_id), path_value("user_id", user_id)
        )

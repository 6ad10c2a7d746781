"""``OktaClient`` methods that contain a compromised account: a user's sessions, OAuth clients,
consent grants and refresh tokens, passwords and factors (one method per spec operation)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from oktakit_api import operations as ops

from ._arguments import limit_in, opt_bool, opt_text, path_value
from ._client_core import ClientCore
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from oktakit_api.models import (
        OAuth2Client,
        OAuth2RefreshToken,
        OAuth2ScopeConsentGrant,
        ResetPasswordToken,
        TempPassword,
        User,
        UserFactor,
    )

#: Okta's largest page of grants and refresh tokens.
_GRANTS_PAGE_MAX = 200


class ContainmentMethods(ClientCore):
    """Sessions, tokens, grants, passwords and factors (mixed into ``OktaClient``)."""

    # -- sessions and OAuth ----------------------------------------------------------------

    async def revoke_user_sessions(
        self, id: str, *, oauth_tokens: bool | None = None, forget_devices: bool | None = None
    ) -> None:
        """End all of the user's Okta sessions (not the sessions apps keep themselves).

        ``oauth_tokens=True`` also revokes the OpenID Connect and OAuth access and refresh
        tokens issued to the user (what the Admin Console's "Clear user sessions" does);
        ``forget_devices`` (Okta's default: True) forgets the factors remembered on devices.
        ``id`` is the user's id (this path takes no login).
        """
        await self._call(
            ops.REVOKE_USER_SESSIONS,
            path_value("id", id),
            oauth_tokens=opt_bool("oauth_tokens", oauth_tokens),
            forget_devices=opt_bool("forget_devices", forget_devices),
        )

    def list_user_clients(self, user_id: str) -> AsyncIterator[OAuth2Client]:
        """Iterate over the OAuth client apps holding refresh tokens or consent grants of the user."""
        return self._list(ops.LIST_USER_CLIENTS, path_value("user_id", user_id))

    def list_user_grants(
        self,
        user_id: str,
        *,
        scope_id: str | None = None,
        expand: str | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[OAuth2ScopeConsentGrant]:
        """Iterate over the scopes the user consented to, page after page (``limit``: page size,
        1 to 200, Okta's default 20); ``scope_id`` keeps one scope, ``expand="scope"`` embeds it."""
        op = ops.LIST_USER_GRANTS
        request = op.build_request(
            path_value("user_id", user_id),
            scope_id=opt_text("scope_id", scope_id),
            expand=opt_text("expand", expand),
            limit=limit_in(limit, _GRANTS_PAGE_MAX),
        )
        return self._pages(op, request, op.parse_response)

    async def revoke_user_grants(self, user_id: str) -> None:
        """Revoke every consent grant of the user, for every client."""
        await self._call(ops.REVOKE_USER_GRANTS, path_value("user_id", user_id))

    async def revoke_user_grant(self, user_id: str, grant_id: str) -> None:
        """Revoke one consent grant of the user."""
        await self._call(
            ops.REVOKE_USER_GRANT, path_value("user_id", user_id), path_value("grant_id", grant_id)
        )

    def list_refresh_tokens_for_user_and_client(
        self, user_id: str, client_id: str, *, expand: str | None = None, limit: int | None = None
    ) -> AsyncIterator[OAuth2RefreshToken]:
        """Iterate over the user's refresh tokens for one client app (metadata, never the value)."""
        op = ops.LIST_REFRESH_TOKENS_FOR_USER_AND_CLIENT
        request = op.build_request(
            path_value("user_id", user_id),
            path_value("client_id", client_id),
            expand=opt_text("expand", expand),
            limit=limit_in(limit, _GRANTS_PAGE_MAX),
        )
        return self._pages(op, request, op.parse_response)

    async def revoke_tokens_for_user_and_client(self, user_id: str, client_id: str) -> None:
        """Revoke all of the user's refresh tokens (and so access tokens) for one client app."""
        await self._call(
            ops.REVOKE_TOKENS_FOR_USER_AND_CLIENT,
            path_value("user_id", user_id),
            path_value("client_id", client_id),
        )

    # -- passwords -------------------------------------------------------------------------

    async def expire_password(self, id: str) -> User:
        """Expire the user's password (PASSWORD_EXPIRED): a new one is chosen at next sign-in."""
        return await self._call(ops.EXPIRE_PASSWORD, path_value("id", id))

    async def expire_password_with_temp_password(
        self, id: str, *, revoke_sessions: bool | None = None
    ) -> TempPassword:
        """Set a temporary password and expire it (PASSWORD_EXPIRED); ``revoke_sessions=True``
        also ends the user's sessions.

        The result's ``temp_password`` lets anyone sign in as the user once: hand it over by a
        safe channel. It never appears in a ``repr``, a log or an error of oktakit.
        """
        return await self._call(
            ops.EXPIRE_PASSWORD_WITH_TEMP_PASSWORD,
            path_value("id", id),
            revoke_sessions=opt_bool("revoke_sessions", revoke_sessions),
        )

    async def reset_password(
        self, id: str, *, send_email: bool = True, revoke_sessions: bool | None = None
    ) -> ResetPasswordToken:
        """Start a password reset: the user moves to RECOVERY and cannot sign in until it is done.

        With ``send_email=True`` (the default) Okta emails the one-time link and the result is
        empty; with ``send_email=False`` it is ``result.reset_password_url``, a secret (whoever
        opens it sets the password) that never appears in a ``repr``, a log or an error.
        ``revoke_sessions=True`` also ends the user's sessions. Not resent after a lost answer:
        each call mints a new link.
        """
        if not isinstance(send_email, bool):
            raise InvalidArgumentError(f"send_email must be True or False, not {send_email!r}")
        return await self._call(
            ops.RESET_PASSWORD,
            path_value("id", id),
            send_email=send_email,
            revoke_sessions=opt_bool("revoke_sessions", revoke_sessions),
        )

    # -- factors ---------------------------------------------------------------------------

    def list_factors(self, user_id: str) -> AsyncIterator[UserFactor]:
        """Iterate over the factors the user enrolled (``factor_type``, ``provider``, ``status``)."""
        return self._list(ops.LIST_FACTORS, path_value("user_id", user_id))

    async def unenroll_factor(
        self, user_id: str, factor_id: str, *, remove_recovery_enrollment: bool | None = None
    ) -> None:
        """Unenroll one factor (unenrolling Okta Verify push also removes its other factors);
        ``remove_recovery_enrollment`` (sms, call) also drops the phone as a recovery method."""
        await self._call(
            ops.UNENROLL_FACTOR,
            path_value("user_id", user_id),
            path_value("factor_id", factor_id),
            remove_recovery_enrollment=opt_bool("remove_recovery_enrollment", remove_recovery_enrollment),
        )

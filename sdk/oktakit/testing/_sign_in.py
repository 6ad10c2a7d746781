"""What a user's own sign-ins leave behind in the org: an Okta session and, through a client app,
consent grants and a refresh token. The management API cannot create these, so the seed and the
tests (``OktaSimulator.sign_in``) do it here, with the same ids and shapes Okta uses."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Final

from ._account_state import SimClientApp, SimGrant, SimRefreshToken, SimSession
from ._state import Org
from ._users import SimUser
from ._util import okta_id

#: Refresh tokens of the org authorization server live 90 days by default (Okta's default policy).
REFRESH_TOKEN_LIFETIME: Final = 90 * 86_400.0
#: The client apps every seeded org has, with the scopes users consent to in them.
SEEDED_CLIENT_APPS: Final = (
    ("Expense Reports", "https://expenses.example.com", ("openid", "profile", "email", "offline_access")),
    ("Team Wiki", "https://wiki.example.com", ("openid", "profile", "offline_access")),
    ("Mail on Mobile", None, ("openid", "email", "offline_access")),
)
_SIGNS_IN: Final = frozenset({"ACTIVE", "PASSWORD_EXPIRED"})


def add_client_app(
    org: Org, name: str, uri: str | None = None, *, rng: random.Random | None = None
) -> SimClientApp:
    app = SimClientApp(okta_id(rng or org.rng, "0oa"), name, uri)
    org.client_apps[app.client_id] = app
    return app


def sign_in(
    org: Org,
    user: SimUser,
    *,
    client_id: str | None = None,
    scopes: Iterable[str] = ("openid", "offline_access"),
    when: float | None = None,
    rng: random.Random | None = None,
) -> None:
    """An Okta session for ``user``; through ``client_id``, a consent grant per scope and a
    refresh token as well (a client app of ``org.client_apps``)."""
    rng = rng or org.rng
    now = org.clock() if when is None else when
    account = user.account
    account.sessions.append(SimSession(okta_id(rng, "102"), now))
    account.remembered_devices = True
    if client_id is None:
        return
    if client_id not in org.client_apps:
        raise ValueError(f"no client app {client_id!r} in the org")
    granted = tuple(dict.fromkeys(scopes))
    held = {(g.client_id, g.scope_id) for g in account.grants}
    for scope in granted:
        if (client_id, scope) not in held:
            account.grants.append(SimGrant(okta_id(rng, "oag"), client_id, scope, now))
    token = SimRefreshToken(okta_id(rng, "oar"), client_id, granted, now, now + REFRESH_TOKEN_LIFETIME)
    account.refresh_tokens.append(token)


def seed_sign_ins(org: Org, seed: int, created: float) -> None:
    """Client apps, then sessions for about 60% of the users who can sign in, and grants and
    refresh tokens for about 40% of those: a containment has something to clear. A stream of
    its own keeps the rest of the seeded org unchanged."""
    rng = random.Random(f"oktakit-sim-sign-ins-{seed}")  # noqa: S311 - reproducible on purpose
    apps = [(add_client_app(org, name, uri, rng=rng), scopes) for name, uri, scopes in SEEDED_CLIENT_APPS]
    for user in org.users.values():
        if user.status not in _SIGNS_IN or rng.random() >= 0.6:
            continue
        when = user.last_login or created
        sign_in(org, user, when=when, rng=rng)
        if rng.random() < 0.4:
            for app, scopes in rng.sample(apps, rng.randrange(1, 3)):
                sign_in(org, user, client_id=app.client_id, scopes=scopes, when=when, rng=rng)

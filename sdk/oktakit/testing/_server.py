"""OktaSimulator: the seeded org served over real HTTP on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import signal
import time
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, Literal

from aiohttp import web

from ._app import build_app
from ._auth import AuthChain, SswsScheme
from ._bearer import OAuthScheme
from ._context import RequestRecord, SimContext
from ._faults import FaultInjector, FaultKind, FaultRule
from ._log import quiet_server_log
from ._oauth_state import OAuthState
from ._permissions import SIMULATED_SCOPES
from ._ratelimit import RateLimitConfig, RateLimiter
from ._seed import build_org
from ._service_apps import ServiceApp
from ._sign_in import sign_in
from ._state import Org
from ._syslog import DEFAULT_CAPACITY, SystemLog
from ._syslog_inject import SystemLogMethods
from ._users import SimUser
from ._util import Clock

#: Okta: the lifetime of a service app's access token "is fixed at one hour".
DEFAULT_TOKEN_LIFETIME = 3600


class OktaSimulator(SystemLogMethods):
    """An in-process Okta org for tests and benchmarks.

    ``async with OktaSimulator(users=1000, seed=7) as sim:`` binds 127.0.0.1 on a free port;
    then ``sim.url`` is the org URL and ``sim.api_token`` a valid ``SSWS`` token. Rate limits
    default to Okta's buckets with their Workforce Identity limits; pass
    ``RateLimitConfig.unlimited()`` for throughput benchmarks.

    OAuth service apps (``add_service_app``) get access tokens from ``sim.url +
    "/oauth2/v1/token"`` with a ``private_key_jwt`` client assertion, optionally DPoP-bound,
    and call the API with ``Bearer``/``DPoP`` tokens limited by their scopes and admin roles.
    """

    def __init__(
        self,
        *,
        users: int = 100,
        seed: int = 0,
        rate_limit: RateLimitConfig | None = None,
        clock: Clock | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        api_token: str | None = None,
        fault_seed: int | None = None,
        transition_delay: float = 0.0,
        lifecycle_body: Literal["object", "empty"] = "object",
        allow_deprovisioned_updates: bool = False,
        custom_attributes: tuple[str, ...] | None = None,
        request_log_size: int = 100_000,
        resource_dpop_nonce: bool = False,
        system_log_size: int = DEFAULT_CAPACITY,
    ) -> None:
        self.clock: Clock = clock or time.time
        self.org: Org = build_org(users, seed, clock=self.clock)
        self.org.options.transition_delay = transition_delay
        self.org.options.lifecycle_body = lifecycle_body
        self.org.options.allow_deprovisioned_updates = allow_deprovisioned_updates
        if custom_attributes is not None:
            self.org.custom_attributes = frozenset(custom_attributes)
        self.ssws = SswsScheme(lambda: self.org.super_admin_id)
        if api_token is None:
            self.api_token = self.ssws.issue("default")
        else:
            self.ssws.add(api_token, "default")
            self.api_token = api_token
        #: The org authorization server: service apps, issued tokens, DPoP nonces.
        self.oauth = OAuthState(self.org, self.clock)
        self.oauth.resource_nonce_required = resource_dpop_nonce
        #: The authentication schemes, tried in order: API tokens, then OAuth access tokens.
        self.auth = AuthChain([self.ssws, OAuthScheme(self.oauth, self.clock)])
        self._token_lifetime = DEFAULT_TOKEN_LIFETIME
        self._published = itertools.count(1)
        self.rate_limiter = RateLimiter(rate_limit or RateLimitConfig(), self.clock)
        self.faults = FaultInjector(seed if fault_seed is None else fault_seed)
        #: The org's System Log (``GET /api/v1/logs``): every action's events, and injected ones.
        self.system_log = SystemLog(self.clock, system_log_size, seed=self.org.org_id)
        self._context = SimContext(
            org=self.org,
            limiter=self.rate_limiter,
            faults=self.faults,
            auth=self.auth,
            clock=self.clock,
            oauth=self.oauth,
            system_log=self.system_log,
            log=deque(maxlen=request_log_size),
        )
        self._host, self._port = host, port
        self._runner: web.AppRunner | None = None
        self.url = ""

    # --- running ------------------------------------------------------------------------
    async def start(self) -> None:
        if self._runner is not None:
            return
        self._context.closing = asyncio.Event()
        runner = web.AppRunner(
            build_app(self._context),
            access_log=None,  # no per-request logging: it costs throughput and must never hold tokens
            handler_cancellation=True,  # a client that gives up frees its concurrency slot
            shutdown_timeout=1.0,
            logger=quiet_server_log(),  # aiohttp's own log quotes bad request lines and headers
        )
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        await site.start()
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        self.org.set_base_url(self.url)

    async def close(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._context.closing.set()
        await self.oauth.apps.close()
        await runner.cleanup()

    async def __aenter__(self) -> OktaSimulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # --- conveniences for tests ---------------------------------------------------------
    @property
    def headers(self) -> dict[str, str]:
        """Headers for a raw client: ``Authorization: SSWS <token>`` and JSON."""
        return {"Authorization": f"SSWS {self.api_token}", "Accept": "application/json"}

    @property
    def request_log(self) -> deque[RequestRecord]:
        return self._context.log

    @property
    def request_counts(self) -> Counter[str]:
        """Requests received per operationId (``"unknown"`` for unrouted paths)."""
        return self._context.counts

    def reset_counters(self) -> None:
        self._context.counts.clear()
        self._context.log.clear()

    def add_user(self, *, login: str, status: str = "ACTIVE", **fields: Any) -> SimUser:
        """Add a user directly to the org; see ``Org.add_user`` for the fields."""
        return self.org.add_user(login=login, status=status, **fields)

    def sign_in(
        self,
        user_id: str,
        *,
        client_id: str | None = None,
        scopes: Iterable[str] = ("openid", "offline_access"),
        ip: str = "198.51.100.7",
        geo: dict[str, Any] | None = None,
        user_agent: str | None = None,
    ) -> dict[str, Any]:
        """What a user's own sign-in leaves (the API cannot make it): an Okta session and,
        through ``client_id`` (one of ``org.client_apps``), consent grants and a refresh token;
        and its ``user.session.start`` event in the System Log, from ``ip`` (``geo`` as for
        ``inject_log_event``), whose ``externalSessionId`` is the new session's id. Returns it."""
        user = self.org.users[user_id]
        sign_in(self.org, user, client_id=client_id, scopes=scopes)
        return self.inject_log_event(
            "user.session.start",
            actor=user.id,
            ip=ip,
            geo=geo,
            user_agent=user_agent,
            session=user.account.sessions[-1].id,
        )

    def issue_api_token(self, name: str | None = None, *, admin: str | None = None) -> str:
        """A new API token of the admin user ``admin`` (an id; default: the org's super admin).

        As in Okta, the token acts with its admin's roles (``org.admins``; give one with
        ``org.assign_standard_role(user_id, "HELP_DESK_ADMIN", to_user=True)`` or
        ``org.assign_custom_role(..., to_user=True)``), and ``GET /api/v1/users/me`` answers
        with that admin.
        """
        if admin is not None and self.org.users.by_id(admin) is None:
            raise ValueError(f"no user {admin!r}: an API token belongs to an admin user of the org")
        return self.ssws.issue(name, admin=admin)

    @property
    def api_token_admin(self) -> SimUser | None:
        """The admin user the default ``api_token`` belongs to: the org's super admin (None when
        the org was seeded without an ACTIVE user; the token then acts with full rights)."""
        admin = self.ssws.admin_of(self.api_token)
        return None if admin is None else self.org.users.by_id(admin)

    def revoke_api_token(self, token: str) -> None:
        self.ssws.revoke(token)

    def set_rate_limit(self, limit: int, *, bucket: str | None = None, window: float | None = None) -> None:
        """Set the limit (and optionally the window) of one bucket by label, or of all."""
        self.rate_limiter.set_limit(limit, bucket=bucket, window=window)

    def set_concurrency_limit(self, limit: int) -> None:
        self.rate_limiter.concurrency_limit = limit

    def inject_fault(
        self,
        kind: FaultKind,
        *,
        operation: str | None = None,
        method: str | None = None,
        path: str | None = None,
        status: int | None = None,
        probability: float = 1.0,
        count: int | None = None,
        delay: float = 0.0,
        body: bytes | None = None,
        content_type: str | None = None,
        okta_headers: bool = True,
        retry_after: int | None = None,
        applied: bool = False,
    ) -> FaultRule:
        """Add a fault rule (see ``FaultRule``); returns it so a test can check ``fired``, or
        watch ``held`` and ``release()`` a ``hold``."""
        rule = FaultRule(
            kind,
            operation=operation,
            method=method,
            path=path,
            status=status,
            probability=probability,
            count=count,
            delay=delay,
            body=body,
            content_type=content_type,
            okta_headers=okta_headers,
            retry_after=retry_after,
            applied=applied,
        )
        return self.faults.add(rule)

    def clear_faults(self) -> None:
        self.faults.clear()

    # --- OAuth service apps -------------------------------------------------------------
    def add_service_app(
        self,
        *,
        jwks: Iterable[Mapping[str, Any]] | None = None,
        jwks_uri: str | None = None,
        scopes: Iterable[str] = SIMULATED_SCOPES,
        roles: Iterable[str] | None = None,
        custom_permissions: Iterable[str] | None = None,
        resources: Iterable[str] | None = None,
        dpop_bound: bool = False,
        token_lifetime: int | None = None,
        client_id: str | None = None,
    ) -> ServiceApp:
        """Register an OAuth service app that authenticates with ``private_key_jwt``.

        Give its public keys inline (``jwks``: JWK dicts, each with a ``kid`` when there are
        several) or as a ``jwks_uri`` the simulator fetches over HTTP; with neither, the
        simulator makes an ES256 key pair and puts the private JWK in ``app.private_jwk``.
        ``scopes`` are the granted Okta API scopes (default: every scope the simulated
        operations use); ``roles`` standard admin role types and ``custom_permissions`` the
        permissions of one custom role, all assigned to the app (and listed by
        ``listRolesForClient``); the custom role is bound to a resource set of ``resources`` (REST
        paths such as ``/api/v1/users`` or ``/api/v1/groups/{id}/users``; default all users and
        all groups). Without ``roles``, an app gets SUPER_ADMIN unless it has
        ``custom_permissions`` (then it has that custom role only, as an admin setting up least
        privilege would do). ``dpop_bound`` apps must send a DPoP proof with token requests.
        ``token_lifetime`` defaults to one hour, or to what ``set_token_lifetime`` set.
        """
        return self.oauth.apps.add(
            jwks=jwks,
            jwks_uri=jwks_uri,
            scopes=scopes,
            roles=(("SUPER_ADMIN",) if custom_permissions is None else ()) if roles is None else roles,
            custom_permissions=custom_permissions,
            resources=resources,
            dpop_bound=dpop_bound,
            token_lifetime=self._token_lifetime if token_lifetime is None else token_lifetime,
            client_id=client_id,
        )

    @property
    def service_apps(self) -> dict[str, ServiceApp]:
        """The registered service apps by ``client_id``."""
        return self.oauth.apps.apps

    def set_service_app_keys(self, client_id: str, jwks: Iterable[Mapping[str, Any]]) -> None:
        """Replace the inline public keys of an app (a key rotation in the Admin Console)."""
        self.oauth.apps.set_keys(client_id, jwks)

    def publish_jwks(self, jwks: Iterable[Mapping[str, Any]], *, name: str | None = None) -> str:
        """Serve a JWKS document (``{"keys": [...]}``) and return its URL, for ``jwks_uri``.

        The URL is ``sim.url + "/oauth2/v1/clients/{name}/jwks"``; publishing again under the
        same name replaces the keys (the simulator re-fetches a ``jwks_uri`` on an unknown kid).
        """
        if not self.url:
            raise RuntimeError("start the simulator first: the URL includes its port")
        name = name or f"published-{next(self._published)}"
        self.oauth.apps.publish(name, jwks)
        return f"{self.url}/oauth2/v1/clients/{name}/jwks"

    def revoke_scope_grant(self, client_id: str, scope: str) -> None:
        """Revoke a granted scope of an app (the Okta API Scopes tab's "Revoke"): the grant shows
        as REVOKED and new tokens cannot ask for it; tokens issued before keep it until they
        expire (see ``revoke_access_tokens``)."""
        app = self.oauth.apps.apps[client_id]
        if scope not in app.scopes:
            raise ValueError(f"{scope!r} is not granted to {client_id}")
        app.scopes = app.scopes - {scope}
        app.revoked_scopes = app.revoked_scopes | {scope}

    def revoke_access_tokens(self, client_id: str | None = None) -> int:
        """Revoke the issued access tokens (of one app, or all); returns how many."""
        return self.oauth.tokens.revoke(client_id)

    def set_token_lifetime(self, seconds: int, *, client_id: str | None = None) -> None:
        """Lifetime of access tokens issued from now on: of one app, or of all apps and new ones."""
        if seconds <= 0:
            raise ValueError("the token lifetime must be positive")
        if client_id is not None:
            self.oauth.apps.apps[client_id].token_lifetime = int(seconds)
            return
        self._token_lifetime = int(seconds)
        for app in self.oauth.apps.apps.values():
            app.token_lifetime = int(seconds)

    @property
    def dpop_nonce(self) -> str:
        """The current ``DPoP-Nonce`` value."""
        return self.oauth.nonces.current

    def rotate_dpop_nonce(self) -> str:
        """Make a new current nonce; the old one stays valid until the next rotation."""
        return self.oauth.nonces.rotate()

    def set_resource_dpop_nonce(self, required: bool = True) -> None:
        """Also demand a nonce in DPoP proofs on API calls (401 ``use_dpop_nonce`` without one)."""
        self.oauth.resource_nonce_required = required

    @property
    def token_requests(self) -> int:
        """``POST /oauth2/v1/token`` requests answered (per app: ``ServiceApp.token_requests``)."""
        return self.oauth.token_requests


def _token_owner(simulator: OktaSimulator) -> str:
    admin = simulator.api_token_admin
    if admin is None:
        return "belongs to no user (the org has no ACTIVE user): it acts with full rights"
    roles = ", ".join(a.type for a in simulator.org.admins.get(admin.id, ())) or "no admin role"
    return f"belongs to admin {admin.login} ({admin.id}, {roles}); GET /api/v1/users/me answers with them"


def run_simulator(
    port: int,
    users: int,
    seed: int,
    *,
    host: str = "127.0.0.1",
    rate_limit: RateLimitConfig | None = None,
    service_app_jwks: Sequence[tuple[list[dict[str, Any]], bool]] = (),
) -> None:
    """Serve a simulator until interrupted (Ctrl-C or SIGTERM); prints the URL and the API token.

    ``service_app_jwks`` registers one service app per ``(public JWKS keys, DPoP-bound)`` pair
    (every simulated scope, SUPER_ADMIN) and prints each client ID.
    """

    async def serve() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            # Explicit handlers: a process started in the background may inherit an ignored SIGINT.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, stop.set)
        simulator = OktaSimulator(users=users, seed=seed, host=host, port=port, rate_limit=rate_limit)
        async with simulator:
            print(f"Okta simulator listening on {simulator.url}", flush=True)
            print(f"API token: {simulator.api_token}", flush=True)
            print(f"  {_token_owner(simulator)}", flush=True)
            for keys, dpop in service_app_jwks:
                app = simulator.add_service_app(jwks=keys, dpop_bound=dpop)
                print(f"Service app: {app.client_id}{' (DPoP-bound)' if dpop else ''}", flush=True)
            print(f"Users: {len(simulator.org.users)} (seed {seed}). Press Ctrl-C to stop.", flush=True)
            await stop.wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())

"""The plumbing under ``OktaClient``: settings, the session and its lifetime, and the one path
every operation takes (build the request from the registry, send it, parse the result)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Literal, ParamSpec, Self, TypeVar

import aiohttp

from oktakit_api.operations import ApiRequest, Operation

from ._http.exchange import DEFAULT_MAX_RESPONSE_BYTES, AiohttpTransport
from ._http.lifetime import Lifetime
from ._http.pagination import paginate
from ._http.parse import parse
from ._http.protocol import Transport, check_transport
from ._http.proxy import own_session
from ._http.transport import USER_AGENT, Pipeline, Response
from ._http.urls import org_origin
from ._settings import auth_from_env, org_url_from_env
from .auth._protocol import Auth, Authorizer, CredentialInfo, OrgConnection, describe
from .errors import ConfigurationError

if TYPE_CHECKING:
    from ._http.hooks import Hook
    from ._http.ratelimit import RateLimitPolicy
    from ._http.retry import RetryPolicy
    from ._http.stats import ClientStats

DEFAULT_TIMEOUT = 30.0
MAX_TIMEOUT = 86400.0

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class ClientCore:
    """Settings, session lifecycle and the send-and-parse path of ``OktaClient`` (see there)."""

    def __init__(
        self,
        org_url: str,
        *,
        auth: Auth,
        session: aiohttp.ClientSession | None = None,
        transport: Transport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | Literal[False] | None = None,
        rate_limit: RateLimitPolicy | Literal[False] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        hooks: Iterable[Hook] | None = None,
    ) -> None:
        self._origin = org_origin(org_url)
        if auth is None or not callable(getattr(auth, "connect", None)):
            raise ConfigurationError("auth must be a credential such as ApiToken(...) or PrivateKeyJWT(...)")
        if session is not None and transport is not None:
            raise ConfigurationError("give a session or a transport, not both (a transport has its own)")
        if session is not None:
            transport = AiohttpTransport(session)  # checks that it is a ClientSession
        elif transport is not None:
            transport = check_transport(transport)
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, (int, float))
            or not 0 < timeout <= MAX_TIMEOUT  # NaN and infinity too
        ):
            raise ConfigurationError(
                f"timeout must be a number of seconds from 0 to {MAX_TIMEOUT}, not {timeout!r}"
            )
        if (
            isinstance(max_response_bytes, bool)
            or not isinstance(max_response_bytes, int)
            or max_response_bytes < 1
        ):
            raise ConfigurationError(
                f"max_response_bytes must be a positive integer, not {max_response_bytes!r}"
            )
        # Imported here, not with the module: `import oktakit` stays cheap.
        from ._http.ratelimit import RateLimitPolicy
        from ._http.retry import RetryPolicy
        from ._http.stats import Stats

        if not (retry is None or retry is False or isinstance(retry, RetryPolicy)):
            raise ConfigurationError(f"retry must be a RetryPolicy or False, not {retry!r}")
        if not (rate_limit is None or rate_limit is False or isinstance(rate_limit, RateLimitPolicy)):
            raise ConfigurationError(f"rate_limit must be a RateLimitPolicy or False, not {rate_limit!r}")
        if hooks is None:
            self._hooks: tuple[Hook, ...] = ()
        else:
            from ._http.hooks import check_hooks

            self._hooks = check_hooks(hooks)
        self._retry = RetryPolicy() if retry is None else retry or None
        self._rate_limit = RateLimitPolicy() if rate_limit is None else rate_limit or None
        self._stats = Stats()  # outlives the transport, so it can be read after the client closed
        self._auth = auth
        #: The transport given (or made around the session given); None: the client's own
        #: ``AiohttpTransport``, on a session it opens on first use and closes.
        self._given_transport = transport
        self._session: aiohttp.ClientSession | None = None
        self._timeout = float(timeout)
        self._max_response_bytes = max_response_bytes
        self._pipeline: Pipeline | None = None
        self._authorizer: Authorizer | None = None
        self._lifetime = Lifetime()

    @classmethod
    def from_env(
        cls,
        org_url: str | None = None,
        *,
        auth: Auth | None = None,
        session: aiohttp.ClientSession | None = None,
        transport: Transport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | Literal[False] | None = None,
        rate_limit: RateLimitPolicy | Literal[False] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        hooks: Iterable[Hook] | None = None,
        prefix: str = "OKTA_",
    ) -> Self:
        """Build a client from the environment; explicit arguments win over it.

        ``OKTA_ORG_URL``, then either a service app (``OKTA_CLIENT_ID``, ``OKTA_PRIVATE_KEY`` or
        ``OKTA_PRIVATE_KEY_FILE``, ``OKTA_PRIVATE_KEY_PASSPHRASE``, ``OKTA_KEY_ID``,
        ``OKTA_SCOPES``, ``OKTA_DPOP``), which is used when ``OKTA_CLIENT_ID`` is set, or an API
        token (``OKTA_API_TOKEN``). ``prefix`` reads the same names with another prefix, e.g. a
        second, read-only credential: ``from_env(prefix="OKTA_AUDITOR_")`` reads
        ``OKTA_AUDITOR_API_TOKEN`` or ``OKTA_AUDITOR_CLIENT_ID``... (the org URL falls back to
        ``OKTA_ORG_URL``).
        """
        org_url = org_url if org_url is not None else org_url_from_env(os.environ, prefix)
        return cls(
            org_url,
            auth=auth or auth_from_env(prefix=prefix),
            session=session,
            transport=transport,
            timeout=timeout,
            retry=retry,
            rate_limit=rate_limit,
            max_response_bytes=max_response_bytes,
            hooks=hooks,
        )

    @property
    def org_url(self) -> str:
        return str(self._origin)

    @property
    def granted_scopes(self) -> frozenset[str] | None:
        """The scopes Okta granted the service app's current token; ``None`` for API tokens
        (which carry their admin's full permissions) or before the first token."""
        return getattr(self._authorizer, "granted_scopes", None)

    @property
    def stats(self) -> ClientStats:
        """Requests sent, 429s by kind, retries and seconds spent waiting, so far."""
        return self._stats.snapshot()

    # -- session lifecycle -------------------------------------------------------------

    async def __aenter__(self) -> Self:
        self._lifetime.reopen()
        self._get_pipeline()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the session if this client opened it; a borrowed session (or transport) stays open.

        Calls after ``close()`` raise ``ConfigurationError`` until the client is opened again
        with ``async with``.
        """
        self._lifetime.check_loop()
        # Forget everything before awaiting, so that a reopening meanwhile starts afresh.
        self._lifetime.closed = True
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None and pipeline.pacer is not None:
            await pipeline.pacer.aclose()  # a shared budget's Redis client
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    def _get_pipeline(self) -> Pipeline:
        pipeline, lifetime = self._pipeline, self._lifetime
        # The common case, on every call: connected, open, on the loop it belongs to.
        if pipeline is not None and not lifetime.closed and lifetime.loop is asyncio.get_running_loop():
            return pipeline
        lifetime.check()
        if self._pipeline is None:
            transport = self._given_transport
            if transport is None:
                self._session = own_session(self._origin)  # honours HTTPS_PROXY, NO_PROXY
                transport = AiohttpTransport(self._session)
            connection = OrgConnection(
                self._origin, transport, USER_AGENT, self._timeout, self._max_response_bytes, self._hooks
            )
            self._authorizer = self._auth.connect(connection)
            self._pipeline = Pipeline(
                origin=self._origin,
                authorizer=self._authorizer,
                transport=transport,
                timeout=self._timeout,
                retry=self._retry,
                rate_limit=self._rate_limit,
                stats=self._stats,
                max_response_bytes=self._max_response_bytes,
                hooks=self._hooks,
            )
        return self._pipeline

    def _authorizer_now(self) -> Authorizer:
        """This client's authorizer (the client connects its credential first, if need be)."""
        self._get_pipeline()
        if self._authorizer is None:  # set with the transport
            raise ConfigurationError("the client's credential is not connected")
        return self._authorizer

    async def credential(self) -> CredentialInfo:
        """What this client's credential is and was granted (a service app gets its token
        first): its kind, how reports name it, its granted scopes; never a secret."""
        return await describe(self._authorizer_now())

    def __repr__(self) -> str:
        return f"OktaClient({self.org_url!r}, auth={self._auth!r})"

    # -- plumbing ------------------------------------------------------------------------

    async def _call(self, op: Operation[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """One operation: its request built from the arguments (typed by its generated builder),
        sent, and its answer parsed."""
        response = await self._get_pipeline().send(op.build_request(*args, **kwargs))
        return parse(op.parse_response, response)

    def _list(self, op: Operation[P, list[T]], *args: P.args, **kwargs: P.kwargs) -> AsyncIterator[T]:
        """A list operation's items, page after page."""
        return self._pages(op.build_request(*args, **kwargs), op.parse_response)

    def _pages(self, request: ApiRequest, parser: Callable[[Response], list[T]]) -> AsyncIterator[T]:
        # Arguments are checked and the request built now, before anything is sent; the first
        # page is fetched when iteration starts.
        async def items() -> AsyncIterator[T]:
            pipeline = self._get_pipeline()
            first = await pipeline.send(request)
            async for item in paginate(pipeline, first, lambda page: parse(parser, page)):
                yield item

        return items()

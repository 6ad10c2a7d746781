"""Embedding oktakit in another SDK: your HTTP stack, your credential store, your errors, your metrics.

``AcmeDirectory`` is the Okta part of a larger SDK (say, a security-automation platform's). It
uses oktakit's public API:

- ``transport=``: every attempt goes through the host's own transport, here one that tags each
  request with the host's correlation id and sends it on the host's ``aiohttp.ClientSession``
  (its connection pool, its ``TraceConfig`` instrumentation) through ``AiohttpTransport``, which
  uses the session as it is and never closes it.
- ``hooks=``: the host's metrics see each call's answer and each retry (operation, status,
  seconds), never a credential, a body or a query.
- ``auth=``: a credential of its own (the ``Auth``/``Authorizer`` protocols), here an API token
  read from a secret store and read again when Okta answers 401 (the token was rotated).
- ``rate_limit=RateLimitPolicy(on_update=...)``: every bucket's state, for the host's metrics.
- ``OktaError`` translated into the host's own exception, with Okta's error code and id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Mapping

import aiohttp
from yarl import URL

from oktakit import (
    AiohttpTransport,
    ApiError,
    Authorizer,
    CallEvent,
    CredentialInfo,
    HttpRequest,
    HttpResponse,
    NotFoundError,
    OktaClient,
    OktaError,
    OrgConnection,
    RateLimitPolicy,
    RateLimitState,
    Resend,
    Transport,
)

ReadSecret = Callable[[], Awaitable[str]]


class StoredToken:
    """An API token kept in the host's secret store (``read_secret`` fetches its current value)."""

    def __init__(self, read_secret: ReadSecret) -> None:
        self._read_secret = read_secret

    def connect(self, connection: OrgConnection) -> Authorizer:
        return _StoredTokenAuthorizer(self._read_secret)


class _StoredTokenAuthorizer:
    def __init__(self, read_secret: ReadSecret) -> None:
        self._read_secret = read_secret
        self._token: str | None = None

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        if self._token is None:
            self._token = await self._read_secret()
        return {"Authorization": f"SSWS {self._token}"}

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        if status != 401 or sent.get("Authorization") != f"SSWS {self._token}":
            return Resend.NO
        # The token this request carried was refused: read the store again and resend once
        # (the transport allows one resend with a new credential per request).
        self._token = None
        return Resend.WITH_NEW_TOKEN

    async def describe(self) -> CredentialInfo:
        return CredentialInfo("api_token", "API token from the secret store")


class CorrelatedTransport:
    """The host's transport: each request carries the host's correlation id, then goes on."""

    def __init__(self, inner: Transport, correlation_id: Callable[[], str]) -> None:
        self._inner = inner
        self._correlation_id = correlation_id

    async def send(self, request: HttpRequest) -> HttpResponse:
        headers = {**request.headers, "X-Acme-Correlation-Id": self._correlation_id()}
        tagged = HttpRequest(
            request.method,
            request.url,
            headers,
            request.content,
            request.timeout,
            request.max_response_bytes,
        )
        return await self._inner.send(tagged)


class CallMetrics:
    """The host's metrics, fed by an oktakit hook: answers by operation and status, retries by
    cause, and the seconds Okta took."""

    def __init__(self) -> None:
        self.answers: Counter[tuple[str, int | None]] = Counter()
        self.retries: Counter[str] = Counter()
        self.seconds = 0.0

    def __call__(self, event: CallEvent) -> None:
        if event.kind == "response":
            self.answers[(event.operation or "token", event.status)] += 1
            self.seconds += event.elapsed or 0.0
        elif event.kind == "retry":
            self.retries[event.cause or "unknown"] += 1


class DirectoryError(Exception):
    """The host SDK's error: what its callers catch, whatever the provider."""

    def __init__(self, message: str, *, code: str | None = None, provider_reference: str | None = None):
        super().__init__(message)
        self.code = code
        self.provider_reference = provider_reference


class AcmeDirectory:
    """The host SDK's Okta directory: one oktakit client on the host's HTTP stack."""

    def __init__(
        self,
        org_url: str,
        read_secret: ReadSecret,
        *,
        session: aiohttp.ClientSession,
        correlation_id: Callable[[], str],
        on_budget: Callable[[RateLimitState], None] | None = None,
    ) -> None:
        self.metrics = CallMetrics()
        self._okta = OktaClient(
            org_url,
            auth=StoredToken(read_secret),
            # The session is used as it is and never closed by oktakit.
            transport=CorrelatedTransport(AiohttpTransport(session), correlation_id),
            hooks=[self.metrics],
            rate_limit=RateLimitPolicy(max_share=0.5, on_update=on_budget),  # half for other jobs
        )

    async def lock_out(self, login: str) -> str:
        """End a person's access: clear their sessions and OAuth tokens, suspend them."""
        try:
            user = await self._okta.get_user(login)
            await self._okta.revoke_user_sessions(user.id, oauth_tokens=True)
            if user.status == "ACTIVE":
                await self._okta.suspend_user(user.id)
            return user.id
        except NotFoundError as error:
            raise DirectoryError(f"no such person: {login}", code="not_found") from error
        except ApiError as error:  # Okta answered with an error: keep its code and id for support
            reference = error.error_id
            raise DirectoryError(str(error), code=error.error_code, provider_reference=reference) from error
        except OktaError as error:  # no answer, bad input...; no oktakit error holds a secret
            raise DirectoryError(str(error), code=type(error).__name__) from error

    async def aclose(self) -> None:
        await self._okta.close()  # the session stays open: it is the host's

"""The exceptions oktakit raises.

Every exception is an ``OktaError``; the tree is shallow on purpose::

    OktaError
    ├── ConfigurationError        bad settings: org URL, token, key, missing environment
    │   └── OAuthError            the token endpoint refused the service app's credentials
    ├── InvalidArgumentError      bad input caught before any request (also a ValueError)
    ├── JournalError              a bulk journal or report file that cannot be used or written
    ├── TransportError            the request never got an HTTP answer (DNS, reset, TLS)
    │   └── RequestTimeoutError   ... because it took too long
    ├── MalformedResponseError    a 2xx answer we could not read (bad JSON, wrong shape)
    │   └── ResponseTooLargeError any answer larger than the client's read cap
    ├── InsufficientPermissionsError  a preflight found scopes or permissions missing
    └── ApiError                  Okta answered with an error status
        ├── BadRequestError       400
        ├── AuthenticationError   401
        ├── PermissionDeniedError 403
        ├── NotFoundError         404
        ├── ConflictError         409
        ├── RateLimitError        429 (with the reset time)
        └── ServerError           5xx

Messages never contain credentials: only the method, the URL Okta was asked for, and what
Okta said about it. Every error pickles and copies with all its fields (journals, task queues,
``multiprocessing``), and ``to_dict()`` gives a JSON-safe record of it for logs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ratelimit import RateLimitState


class OktaError(Exception):
    """Base class of every oktakit error.

    ``attempts`` is how many times the call was sent before this error reached you, and
    ``stop_reason`` why it was not sent again (None when retries never came into play).

    Subclasses take keyword-only fields, which the default exception pickling cannot rebuild,
    so ``__reduce__`` restores an error from its message and stored fields without calling
    ``__init__`` again: one mechanism for every subclass, present and future.
    """

    attempts: int = 1
    stop_reason: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.args), self.__dict__

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe record of the error for logs and journals: its type, message and fields.

        For example ``{"type": "NotFoundError", "message": "HTTP 404 E0000007: Not found...",
        "status": 404, "error_code": "E0000007", ...}``. Datetimes become ISO 8601 strings.
        Fields never hold credentials, so neither does the record.
        """
        record: dict[str, Any] = {"type": type(self).__name__, "message": str(self)}
        for name, value in vars(self).items():
            if not name.startswith("_"):
                record[name] = _json_safe(value)
        return record


def _rebuild(cls: type[OktaError], args: tuple[Any, ...]) -> OktaError:
    # BaseException.__new__ stores ``args`` (hence ``str()``); the fields follow as state.
    return cls.__new__(cls, *args)


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return str(value)


class ConfigurationError(OktaError):
    """The client is configured in a way that cannot work (fix the settings, don't retry)."""


class OAuthError(ConfigurationError):
    """The org's token endpoint refused the request (``invalid_client``, ``invalid_scope``, ...).

    These are settings to fix in the Okta Admin Console or in the client, so they are never
    retried; ``hint`` says what to check.
    """

    def __init__(self, *, status: int, error: str, description: str | None, hint: str, url: str) -> None:
        self.status = status
        self.error = error
        self.description = description
        self.hint = hint
        self.url = url
        said = f"{error}: {description}" if description else error
        super().__init__(f"the token request was refused (HTTP {status} {said}). {hint} [POST {url}]")


class InvalidArgumentError(OktaError, ValueError):
    """An argument was rejected before any request was sent."""


class JournalError(OktaError):
    """A bulk journal or report file cannot be used: it belongs to another run, is in use by one,
    is not a journal, or cannot be read or written (a full disk stops the run with this error)."""


class TransportError(OktaError):
    """The request did not get an HTTP response: connection refused or reset, DNS, TLS.

    ``connected`` is False when no connection was made (refused, DNS, connect timeout), so the
    request cannot have reached Okta.
    """

    def __init__(self, message: str, *, method: str, url: str, connected: bool = True) -> None:
        super().__init__(f"{message} [{method} {url}]")
        self.method = method
        self.url = url
        self.connected = connected


class RequestTimeoutError(TransportError):
    """The request took longer than the client's timeout."""


class MalformedResponseError(OktaError):
    """Okta (or something in between) answered 2xx with a body that does not parse."""

    def __init__(self, message: str, *, status: int, method: str, url: str) -> None:
        super().__init__(f"{message} (HTTP {status}) [{method} {url}]")
        self.status = status
        self.method = method
        self.url = url


class ResponseTooLargeError(MalformedResponseError):
    """The answer (decompressed) exceeded the client's ``max_response_bytes``; reading stopped
    there, so a hostile or broken server cannot exhaust memory. Never retried."""

    def __init__(self, *, limit: int, status: int, method: str, url: str) -> None:
        super().__init__(f"the response is larger than {limit} bytes", status=status, method=method, url=url)
        self.limit = limit


class ApiError(OktaError):
    """Okta answered with an error status.

    ``error_code`` (for example ``E0000007``) is the only field Okta promises to keep stable, so
    branch on it rather than on ``error_summary``. Quote ``error_id`` to Okta support. ``hint``,
    when set, says what to check on our side (for example why an API token was refused).
    """

    def __init__(
        self,
        *,
        status: int,
        method: str,
        url: str,
        error_code: str | None = None,
        error_summary: str | None = None,
        error_id: str | None = None,
        error_causes: Sequence[str] = (),
        request_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.status = status
        self.method = method
        self.url = url
        self.error_code = error_code
        self.error_summary = error_summary
        self.error_id = error_id
        self.error_causes = tuple(error_causes)
        self.request_id = request_id
        #: The rate-limit bucket's numbers from this answer (``oktakit.RateLimitState``), if any.
        self.rate_limit: RateLimitState | None = None
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        what = f"HTTP {self.status}"
        if self.error_code:
            what += f" {self.error_code}"
        if self.error_summary:
            what += f": {self.error_summary}"
        if self.error_causes:
            what += " (" + "; ".join(self.error_causes) + ")"
        if self.error_id:
            what += f" [errorId {self.error_id}]"
        if self.hint:
            what += f". {self.hint}"
        return f"{what} [{self.method} {self.url}]"


class BadRequestError(ApiError):
    """400: the request was invalid, or not allowed in the user's current status."""


class AuthenticationError(ApiError):
    """401: the credentials were missing, invalid or expired."""


class PermissionDeniedError(ApiError):
    """403: the credentials lack a scope or admin-role permission, or the action is refused.

    ``insufficient_scope`` is true when Okta's ``WWW-Authenticate`` challenge says the token
    lacks a scope (``challenge_scopes``: the scopes it names). For an operation of the spec,
    ``operation``, ``required_scopes`` and ``required_permissions`` (alternatives: any one inner
    tuple suffices) say what to grant, and the message repeats it.
    """

    def __init__(
        self,
        *,
        insufficient_scope: bool = False,
        challenge_scopes: Sequence[str] = (),
        **fields: Any,
    ) -> None:
        self.insufficient_scope = insufficient_scope
        self.challenge_scopes = tuple(challenge_scopes)
        self.operation: str | None = None
        self.required_scopes: tuple[str, ...] = ()
        self.required_permissions: tuple[tuple[str, ...], ...] = ()
        self.targets_user = False
        super().__init__(**fields)

    def explain(
        self,
        operation: str,
        scopes: Sequence[str],
        permissions: Sequence[Sequence[str]],
        *,
        targets_user: bool,
    ) -> PermissionDeniedError:
        """Attach what ``operation`` needs (called by the client); returns self."""
        self.operation = operation
        self.required_scopes = tuple(scopes)
        self.required_permissions = tuple(tuple(alt) for alt in permissions if alt)
        self.targets_user = targets_user
        self.args = (self._message(),)
        return self

    def _message(self) -> str:
        message = super()._message()
        scopes = " or ".join(self.challenge_scopes or self.required_scopes) or "none"
        if self.insufficient_scope:
            return (
                f"{message}. The access token lacks the scope {scopes}: grant it to the app "
                "(Okta API Scopes) and request it"
            )
        if self.operation is None:
            return message
        roles = " or ".join(" + ".join(alt) for alt in self.required_permissions) or "any admin role"
        hint = f"{message}. {self.operation} needs the scope {scopes} and an admin role with {roles}"
        if self.targets_user:
            # Okta answers the same E0000006 when the target user is an admin the role may not
            # manage, or lies outside the role's resource set: the code cannot tell them apart.
            hint += (
                " over a resource set that holds this user (Okta gives the same 403 when the user"
                " is outside the role's resource set or holds an admin role)"
            )
        return hint


class InsufficientPermissionsError(OktaError):
    """A preflight found that the credentials cannot do the job; the message says what to grant.

    ``missing_scopes``, ``missing_permissions`` and ``missing_resources`` list it; ``report`` is
    the whole ``PreflightReport``.
    """

    def __init__(
        self,
        message: str,
        *,
        missing_scopes: Sequence[str] = (),
        missing_permissions: Sequence[str] = (),
        missing_resources: Sequence[str] = (),
        report: Any = None,
    ) -> None:
        super().__init__(message)
        self.missing_scopes = tuple(missing_scopes)
        self.missing_permissions = tuple(missing_permissions)
        self.missing_resources = tuple(missing_resources)
        self.report = report


class NotFoundError(ApiError):
    """404: no such resource (or not visible to these credentials)."""


class ConflictError(ApiError):
    """409: the resource is busy (for example a user still being activated)."""


class RateLimitError(ApiError):
    """429: a rate or concurrency limit was hit.

    ``reset_at`` is when Okta says the bucket refills; ``retry_after`` is the number of
    seconds until then, measured against the response's ``Date`` header so that local clock
    skew does not matter.
    """

    def __init__(
        self,
        *,
        reset_at: datetime | None = None,
        retry_after: float | None = None,
        limit: int | None = None,
        remaining: int | None = None,
        **fields: Any,
    ) -> None:
        self.reset_at = reset_at
        self.retry_after = retry_after
        self.limit = limit
        self.remaining = remaining
        super().__init__(**fields)

    def _message(self) -> str:
        message = super()._message()
        if self.reset_at is not None:
            message += f" (resets at {self.reset_at.isoformat()})"
        return message


class ServerError(ApiError):
    """5xx: Okta or a proxy in front of it failed; usually worth retrying later.

    ``retry_after`` is the answer's ``Retry-After`` in seconds, when it had one.
    """

    def __init__(self, *, retry_after: float | None = None, **fields: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**fields)

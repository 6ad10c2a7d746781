"""The exceptions oktakit raises.

Every exception is an ``OktaError``; the tree is shallow on purpose::

    OktaError
    ├── ConfigurationError        bad settings: org URL, token, key, missing environment
    │   ├── OAuthError            the token endpoint refused the service app's credentials
    │   └── MissingDependencyError  an optional package a feature needs (pandas) is not installed
    ├── InvalidArgumentError      bad input caught before any request (also a ValueError)
    ├── JournalError              a bulk journal or report file that cannot be used or written
    ├── SharedBudgetError         the shared rate budget (Redis) is unreachable and the policy fails
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
Okta said about it, made fit for a terminal (``_text.printable``: no escape sequences or other
control characters) and short whatever the answer held (the summary and the first few causes,
each cut; every cause stays in ``error_causes``). Every error pickles and copies with all its
fields (journals, task queues, ``multiprocessing``), and ``to_dict()`` gives a strict JSON
record of it for logs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from ._text import printable

if TYPE_CHECKING:
    from ._http.ratelimit import RateLimitState


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
        """A strict JSON record of the error for logs and journals: its type, message and fields.

        For example ``{"type": "NotFoundError", "message": "HTTP 404 E0000007: Not found...",
        "status": 404, "error_code": "E0000007", "rate_limit": {"bucket": ..., "limit": 1000,
        ...}, ...}``. Only JSON's own types, all the way down: datetimes become ISO 8601
        strings, records (``rate_limit``) objects, tuples lists, a number JSON cannot carry
        (``inf``, ``nan``) ``None``, an integer wider than 64 bits a string, text that UTF-8
        cannot carry (lone surrogates) U+FFFD, and a value nested deeper than 16 levels (each
        list, mapping or error counts one) its repr cut to 200 characters; so
        ``json.dumps(record, allow_nan=False)`` always works. Fields never hold credentials, so
        neither does the record.
        """
        return self._record(0)

    def _record(self, depth: int) -> dict[str, Any]:
        record: dict[str, Any] = {"type": type(self).__name__, "message": _utf8(str(self))}
        for name, value in vars(self).items():
            if not name.startswith("_"):
                record[name] = _json_safe(value, depth)
        return record


def _rebuild(cls: type[OktaError], args: tuple[Any, ...]) -> OktaError:
    # BaseException.__new__ stores ``args`` (hence ``str()``); the fields follow as state.
    return cls.__new__(cls, *args)


_MAX_DEPTH = 16

#: How much of Okta's text ``str(error)`` shows: the summary and the first causes, each cut to
#: a length (``error_summary`` and ``error_causes`` keep all of it).
SUMMARY_CHARS = 500
CAUSE_CHARS = 200
SHOWN_CAUSES = 3


def _json_safe(value: Any, depth: int) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, bool | int | float | str | datetime):
        return _json_scalar(value)
    if depth >= _MAX_DEPTH:
        return _utf8(printable(repr(value), 200))
    if isinstance(value, OktaError):
        return value._record(depth + 1)
    if attrs.has(type(value)):
        value = {field.name: getattr(value, field.name) for field in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {_utf8(str(key)): _json_safe(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(item, depth + 1) for item in value]
    return _utf8(str(value))


def _json_scalar(value: bool | int | float | str | datetime | None) -> Any:
    if isinstance(value, str):
        return _utf8(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value) if value.bit_length() <= 64 else str(value)  # json refuses huge ints
    return value


def _utf8(text: str) -> str:
    """A plain str that encodes as UTF-8: lone surrogates become U+FFFD."""
    text = str.__str__(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


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
        said = printable(error, 80)
        if description:
            said += f": {printable(description, SUMMARY_CHARS)}"
        super().__init__(f"the token request was refused (HTTP {status} {said}). {hint} [POST {url}]")


class MissingDependencyError(ConfigurationError, ImportError):
    """An optional package that a feature needs is not installed (also an ImportError)."""


class InvalidArgumentError(OktaError, ValueError):
    """An argument was rejected before any request was sent."""


class JournalError(OktaError):
    """A bulk journal or report file cannot be used: it belongs to another run, is in use by one,
    is not a journal, or cannot be read or written (a full disk stops the run with this error)."""


class SharedBudgetError(OktaError):
    """The rate budget shared through Redis cannot be reached, and the policy says to fail
    (``RateLimitPolicy(on_unavailable="fail")``): the call was not sent. Not retried."""


class TransportError(OktaError):
    """The request did not get an HTTP response: connection refused or reset, DNS, TLS.

    ``connected`` is False when no connection was made (refused, DNS, connect timeout), so the
    request cannot have reached Okta.
    """

    def __init__(self, message: str, *, method: str, url: str, connected: bool = True) -> None:
        # The message may quote the OS or a server's reason phrase: fit for a terminal.
        super().__init__(f"{printable(message, 500)} [{method} {url}]")
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
        # Okta's words, as far as they are fit to print and short enough to read.
        what = f"HTTP {self.status}"
        if self.error_code:
            what += f" {printable(self.error_code, 80)}"
        if self.error_summary:
            what += f": {printable(self.error_summary, SUMMARY_CHARS)}"
        if self.error_causes:
            shown = [printable(cause, CAUSE_CHARS) for cause in self.error_causes[:SHOWN_CAUSES]]
            hidden = len(self.error_causes) - len(shown)
            if hidden:
                shown.append(f"{hidden} more in error_causes")
            what += " (" + "; ".join(shown) + ")"
        if self.error_id:
            what += f" [errorId {printable(self.error_id, 80)}]"
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
        named = " or ".join(self.challenge_scopes or self.required_scopes)
        scope = f"the scope {printable(named, 500)}" if named else ""
        if self.insufficient_scope:
            return (
                f"{message}. The access token lacks {scope or 'a scope Okta did not name'}: grant "
                "it to the app (Okta API Scopes) and request it"
            )
        if self.operation is None:
            return message
        roles = " or ".join(" + ".join(alt) for alt in self.required_permissions) or "any admin role"
        needs = f"{scope} and an admin role" if scope else "an admin role"
        hint = f"{message}. {self.operation} needs {needs} with {roles}"
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

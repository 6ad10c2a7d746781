"""Reading an error answer: which ``ApiError`` it is, and what Okta said in its body and headers.

The one place that maps error statuses to the typed errors of ``oktakit.errors``; the headers'
hints are read (bounded) by ``_hints``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from oktakit.errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

from .hints import RateLimitHeaders, http_date, read_rate_limit, reset_wait, retry_after

__all__ = ["API_TOKEN_REFUSED_HINT", "api_error_from_response", "http_date"]

if TYPE_CHECKING:
    from oktakit_api.operations import Operation

_CLASS_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


# Okta Help, "Manage Okta API tokens" (help.okta.com/en-us/Content/Topics/security/api.htm): a
# token inactive for more than 30 days is revoked, and "tokens issued by deactivated users are
# rejected".
API_TOKEN_REFUSED_HINT = (
    "Check the API token: it may have been revoked, or expired (a token unused for 30 days "
    "expires), or the admin who created it may have been deactivated"
)


def api_error_from_response(
    *,
    status: int,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    auth_scheme: str = "",
    rate_limit: RateLimitHeaders | None = None,
    operation: Operation[..., Any] | None = None,
) -> ApiError:
    """Build the typed error for an error response, whatever its body looks like.

    ``auth_scheme`` is the scheme of the ``Authorization`` header sent (``SSWS``, ``Bearer``,
    ``DPoP``): a refused API token gets a hint on what to check. ``rate_limit``: the answer's
    headers as the transport read them (read here otherwise). A 403 of an ``operation`` of the
    registry says what it needs (the one place that explains a refusal).
    """
    fields: dict[str, Any] = {
        "status": status,
        "method": method,
        "url": url,
        "request_id": headers.get("X-Okta-Request-Id"),
        **_error_fields(body, headers.get("Content-Type", "")),
    }
    if status == 401 and auth_scheme == "SSWS":
        fields["hint"] = API_TOKEN_REFUSED_HINT
    if status == 429:
        limits = read_rate_limit(headers) if rate_limit is None else rate_limit
        return RateLimitError(**_rate_limit_fields(headers, limits), **fields)
    if status == 403:
        denied = PermissionDeniedError(**_challenge_fields(headers.get("WWW-Authenticate", "")), **fields)
        return denied if operation is None else _explained(denied, operation)
    if status >= 500:
        return ServerError(retry_after=retry_after(headers), **fields)
    return _CLASS_BY_STATUS.get(status, ApiError)(**fields)


def _error_fields(body: bytes, content_type: str) -> dict[str, Any]:
    """Read Okta's error body (or an OAuth error body), tolerating anything else."""
    try:
        data = json.loads(body) if body else None
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        data = None
    if not isinstance(data, dict):
        kind = content_type.split(";", maxsplit=1)[0].strip() or "no content type"
        return {"error_summary": f"unreadable error body ({kind}, {len(body)} bytes)"} if body else {}
    if "errorCode" in data or "errorSummary" in data:
        return {
            "error_code": _str_or_none(data.get("errorCode")),
            "error_summary": _str_or_none(data.get("errorSummary")),
            "error_id": _str_or_none(data.get("errorId")),
            "error_causes": _causes(data.get("errorCauses")),
        }
    # The OAuth endpoints answer {"error": ..., "error_description": ...} instead.
    return {
        "error_code": _str_or_none(data.get("error")),
        "error_summary": _str_or_none(data.get("error_description")),
    }


_CHALLENGE_PARAM = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def _challenge_fields(challenge: str) -> dict[str, Any]:
    """``error="insufficient_scope"`` and ``scope="..."`` from a ``WWW-Authenticate`` header."""
    params = dict(_CHALLENGE_PARAM.findall(challenge))
    return {
        "insufficient_scope": params.get("error") == "insufficient_scope",
        "challenge_scopes": params.get("scope", "").split(),
    }


def _causes(raw: Any) -> list[str]:
    # Okta documents a list of {errorSummary}, but some examples send a single object.
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    causes = []
    for item in items:
        summary = item.get("errorSummary") if isinstance(item, dict) else item
        if summary is not None:
            causes.append(str(summary))
    return causes


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _explained(error: PermissionDeniedError, operation: Operation[..., Any]) -> PermissionDeniedError:
    """A 403 with what the operation needs (from the registry) added to it."""
    return error.explain(
        operation.operation_id,
        operation.scopes,
        operation.permissions,
        targets_user="{id}" in operation.path or "{userId}" in operation.path,
    )


def _rate_limit_fields(headers: Mapping[str, str], limits: RateLimitHeaders) -> dict[str, Any]:
    reset = limits.reset
    reset_at = wait = None
    if reset is not None:
        try:
            reset_at = datetime.fromtimestamp(reset, UTC)
        except (OverflowError, OSError, ValueError):  # past what this platform's clock can hold
            reset_at = None
        wait = reset_wait(reset, headers)
    return {
        "reset_at": reset_at,
        "retry_after": wait,
        "limit": limits.limit,
        "remaining": limits.remaining,
    }

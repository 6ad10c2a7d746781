"""Reading an error answer: which ``ApiError`` it is, and what Okta said in its body and headers.

The one place that maps error statuses to the typed errors of ``oktakit.errors``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

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
    *, status: int, method: str, url: str, headers: Mapping[str, str], body: bytes, auth_scheme: str = ""
) -> ApiError:
    """Build the typed error for an error response, whatever its body looks like.

    ``auth_scheme`` is the scheme of the ``Authorization`` header sent (``SSWS``, ``Bearer``,
    ``DPoP``): a refused API token gets a hint on what to check.
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
        return RateLimitError(**_rate_limit_fields(headers), **fields)
    if status == 403:
        return PermissionDeniedError(**_challenge_fields(headers.get("WWW-Authenticate", "")), **fields)
    if status >= 500:
        return ServerError(retry_after=_retry_after(headers), **fields)
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


def _rate_limit_fields(headers: Mapping[str, str]) -> dict[str, Any]:
    reset = _int_header(headers, "X-Rate-Limit-Reset")
    reset_at = None
    if reset is not None:
        try:
            reset_at = datetime.fromtimestamp(reset, UTC)
        except (OverflowError, OSError, ValueError):  # far outside the representable range
            reset_at = None
    retry_after = None
    if reset_at is not None:
        now = http_date(headers.get("Date")) or datetime.now(UTC)
        retry_after = max(0.0, (reset_at - now).total_seconds())
    return {
        "reset_at": reset_at,
        "retry_after": retry_after,
        "limit": _int_header(headers, "X-Rate-Limit-Limit"),
        "remaining": _int_header(headers, "X-Rate-Limit-Remaining"),
    }


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` as seconds: delta-seconds, or an HTTP date read against ``Date``."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    when = http_date(value)
    if when is None:
        return None
    now = http_date(headers.get("Date")) or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError):
        return None


def http_date(value: str | None) -> datetime | None:
    """Parse an HTTP ``Date`` header; ``None`` when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

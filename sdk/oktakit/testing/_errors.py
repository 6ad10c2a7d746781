"""Okta's error envelope and the catalogue entries the simulator can produce."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping
from typing import Final

from ._util import error_id

# (HTTP status, errorSummary template) as published in Okta's error-code catalogue
# (okta-developer-docs data/error-codes.json, release 2026.08.1).
CATALOGUE: Final[dict[str, tuple[int, str]]] = {
    "E0000001": (400, "Api validation failed: {0}"),
    "E0000003": (400, "The request body was not well-formed."),
    "E0000006": (403, "You do not have permission to perform the requested action"),
    "E0000007": (404, "Not found: {0}"),
    "E0000008": (404, "The requested path was not found"),
    "E0000009": (500, "Internal Server Error"),
    "E0000010": (503, "Service is in read only mode"),
    "E0000011": (401, "Invalid token provided"),
    "E0000014": (403, "Update of credentials failed"),
    "E0000016": (403, "Activation failed because the user is already active"),
    "E0000022": (405, "The endpoint does not support the provided HTTP method"),
    "E0000030": (
        400,
        "Bad request. Invalid date. Dates must be of the form yyyy-MM-dd'T'HH:mm:ss.SSSZZ, "
        "e.g. 2013-01-01T12:00:00.000-07:00.",
    ),
    "E0000031": (400, "Invalid search criteria."),
    "E0000032": (403, "Unlock is not allowed for this user."),
    "E0000033": (400, "Bad request. Can't specify a search query and filter in the same request."),
    "E0000034": (403, "Forgot password not allowed on specified user."),
    "E0000036": (403, "Change recovery question not allowed on specified user."),
    "E0000038": (403, "This operation is not allowed in the user's current status."),
    "E0000047": (429, "API call exceeded rate limit due to too many requests."),
    "E0000053": (400, "Invalid SCIM filter."),
    "E0000060": (501, "Unsupported operation."),
    "E0000087": (403, "The recovery question answer did not match our records."),
    "E0000090": (409, "The role specified is already assigned to the user."),
    "E0000091": (400, "The provided role type was not the same as required role type."),
    "E0000093": (400, "Target count limit exceeded"),
    "E0000112": (
        409,
        "Cannot update this user because they are still being activated. Please try again in a few minutes.",
    ),
    "E0000124": (
        400,
        "Could not create user. To create a user and expire their password immediately, a password must be "
        "specified",
    ),
    "E0000125": (
        400,
        'Could not create user. To create a user and expire their password immediately, "activate" must be '
        "true",
    ),
    "E0000211": (400, "Roles cannot be granted to built-in groups: {0}"),
}

# Error ids only need to look random; a private generator keeps them off the seeded streams.
_ids = random.Random()  # noqa: S311 - not a secret, just a support reference


class SimulatedError(Exception):
    """Raised by handlers; the middleware turns it into Okta's JSON error response."""

    def __init__(
        self,
        code: str,
        detail: str | None = None,
        causes: Iterable[str] = (),
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        summary: str | None = None,
    ) -> None:
        default_status, template = CATALOGUE[code]
        if summary is not None:
            pass  # an answer Okta documents with its own words (the System Log's filter errors)
        elif "{0}" in template:
            # Without a detail, Okta drops the ": {0}" part rather than printing it.
            summary = template.replace("{0}", detail) if detail else template.split(":")[0]
        else:
            summary = template
        super().__init__(summary)
        self.code = code
        self.status = status if status is not None else default_status
        self.summary = summary
        self.causes = list(causes)
        #: Extra response headers, e.g. ``WWW-Authenticate`` on OAuth 401s and 403s.
        self.headers: dict[str, str] = dict(headers or {})

    def body(self) -> bytes:
        return error_body(self.code, self.summary, self.causes)


def error_body(code: str, summary: str, causes: Iterable[str] = ()) -> bytes:
    payload = {
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,  # Okta documents errorLink as "currently the same value as errorCode"
        "errorId": error_id(_ids),
        "errorCauses": [{"errorSummary": cause} for cause in causes],
    }
    return json.dumps(payload, separators=(",", ":")).encode()


def not_found(key: str, kind: str) -> SimulatedError:
    """404 E0000007 worded like Okta: ``Not found: Resource not found: <key> (User)``."""
    return SimulatedError("E0000007", f"Resource not found: {key} ({kind})")


def validation_failed(field: str, *causes: str) -> SimulatedError:
    """400 E0000001 with one errorCause per problem, e.g. ``login: ... already exists``."""
    return SimulatedError("E0000001", field, causes)

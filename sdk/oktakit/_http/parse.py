"""Running a generated parser, with shape errors (and only those) reported as typed errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from oktakit.errors import MalformedResponseError
from oktakit_api.errors import UnexpectedStatus
from oktakit_api.types import json_list

from .transport import Response

if TYPE_CHECKING:
    from oktakit_api.models import PartialUser

R = TypeVar("R")

# What the generated parsers raise when Okta's JSON does not have the documented shape: a
# missing required field (KeyError), a JSON value of the wrong type (TypeError) or an unreadable
# date or enum (ValueError). Anything else is a bug in oktakit and surfaces as itself.
SHAPE_ERRORS = (KeyError, TypeError, ValueError)


def parse(parser: Callable[[Response], R], response: Response) -> R:
    """Parse a 2xx response, turning a body of the wrong shape into ``MalformedResponseError``."""
    try:
        return parser(response)
    except MalformedResponseError:
        raise
    except UnexpectedStatus:
        pass  # raised below, outside this block: the generated error holds the body, secrets too
    except SHAPE_ERRORS as exc:
        raise MalformedResponseError(
            f"the response body does not have the documented shape ({type(exc).__name__}: {exc})",
            status=response.status_code,
            method=response.method,
            url=response.url,
        ) from exc
    raise MalformedResponseError(
        f"status {response.status_code} is not a documented success status for this operation",
        status=response.status_code,
        method=response.method,
        url=response.url,
    )


def partial_users(response: Response) -> list[PartialUser]:
    """A page of ``list_users(fields=...)``: users with only the projected fields."""
    from oktakit_api.models import PartialUser

    return [PartialUser.from_dict(item) for item in json_list(response.json())]

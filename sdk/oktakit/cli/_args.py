"""argparse types shared by the command groups: each checks one value and says what it expected."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

from oktakit._http.urls import is_loopback
from oktakit.errors import OktaError


def operation_names(value: str) -> list[str]:
    """An argparse type: operation names (method names or operationIds), comma-separated."""
    from oktakit.permissions._requirements import resolve_operations

    names = [name.strip() for name in value.split(",") if name.strip()]
    try:
        resolve_operations(names)
    except OktaError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return names


def integer_between(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: an integer from ``low`` to ``high``."""

    def parse(value: str) -> int:
        number = integer(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high}")
        return number

    return parse


port = integer_between(0, 65535, "a port (0 picks a free one)")
count = integer_between(0, 1_000_000, "a number")


def loopback_host(value: str) -> str:
    """An argparse type: a loopback address (the simulator and the JWKS server stay local)."""
    if not is_loopback(value):
        raise argparse.ArgumentTypeError("expected a loopback address such as 127.0.0.1 or ::1")
    return value


def integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, not {value!r}") from None


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 < number <= 86400:  # NaN too
        raise argparse.ArgumentTypeError("expected a number of seconds from 0 to 86400")
    return number


def rate_limit(value: str) -> str:
    if value in ("okta", "off") or (value.isascii() and value.isdigit() and 0 < int(value) <= 1_000_000):
        return value
    raise argparse.ArgumentTypeError("expected 'okta', 'off' or a positive number of requests per window")

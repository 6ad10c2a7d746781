"""The ``oktakit`` command line: ``sim``, ``keys``, ``check``, ``permissions`` and ``bulk``."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from oktakit._text import printable
from oktakit.errors import OktaError


def _sim(args: argparse.Namespace) -> int:
    from oktakit.auth._keys import load_signing_key, public_jwks
    from oktakit.testing import RateLimitConfig, run_simulator

    from ._keys import read_key_file

    if args.rate_limit == "okta":
        rate_limit = RateLimitConfig(window=args.window)
    elif args.rate_limit == "off":
        rate_limit = RateLimitConfig.unlimited()
    else:
        rate_limit = RateLimitConfig.uniform(int(args.rate_limit), window=args.window)
    apps = [
        (public_jwks([load_signing_key(read_key_file(path))])["keys"], dpop)
        for paths, dpop in ((args.service_app_key, False), (args.dpop_service_app_key, True))
        for path in paths
    ]
    run_simulator(
        args.port, args.users, args.seed, host=args.host, rate_limit=rate_limit, service_app_jwks=apps
    )
    return 0


#: The environment names of the auditor `oktakit check` reads the roles with (from_env's names).
AUDITOR_PREFIX = "OKTA_AUDITOR_"


def _check(args: argparse.Namespace) -> int:
    from oktakit._settings import has_credentials
    from oktakit.client import OktaClient
    from oktakit.permissions._check import CheckResult

    operations = args.operations or None
    audited = bool(operations) and has_credentials(os.environ, AUDITOR_PREFIX)

    async def run() -> CheckResult:
        async with OktaClient.from_env(args.org_url) as okta:
            if not audited:
                return await okta.check(operations)
            async with OktaClient.from_env(okta.org_url, prefix=AUDITOR_PREFIX) as auditor:
                return await okta.check(operations, auditor=auditor)

    result = asyncio.run(run())
    print(result.summary())
    if result.ok:
        print("ok: the credentials work" + (" for these operations" if operations else ""))
        return 0
    if result.preflight is not None and result.preflight.unverified and not audited:
        print(
            f"to let check read the roles, give it an auditor: {AUDITOR_PREFIX}API_TOKEN, or a "
            f"service app with okta.roles.read and okta.appGrants.read ({AUDITOR_PREFIX}CLIENT_ID, "
            f"{AUDITOR_PREFIX}PRIVATE_KEY, {AUDITOR_PREFIX}SCOPES, ...)",
            file=sys.stderr,
        )
    print("not ok: see above for what to grant or what could not be checked", file=sys.stderr)
    return 1


def operation_names(value: str) -> list[str]:
    """An argparse type: operation names (method names or operationIds), comma-separated."""
    from oktakit.permissions._requirements import resolve_operations

    names = [name.strip() for name in value.split(",") if name.strip()]
    try:
        resolve_operations(names)
    except OktaError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return names


def _permissions(args: argparse.Namespace) -> int:
    from oktakit.permissions._requirements import requirements
    from oktakit.permissions._terraform import terraform

    need = requirements(
        [name for names in args.operations for name in names], credentials=args.credentials, bulk=args.bulk
    )
    if args.json:
        print(json.dumps(need.to_json(), indent=2))
    elif args.format == "terraform":
        print(terraform(need), end="")
    else:
        print(need.summary())
    return 0


def _integer_between(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: an integer from ``low`` to ``high``."""

    def parse(value: str) -> int:
        number = _integer(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high}")
        return number

    return parse


port = _integer_between(0, 65535, "a port (0 picks a free one)")
_count = _integer_between(0, 1_000_000, "a number")


def loopback_host(value: str) -> str:
    """An argparse type: a loopback address (the simulator and the JWKS server stay local)."""
    from oktakit._http.urls import is_loopback

    if not is_loopback(value):
        raise argparse.ArgumentTypeError("expected a loopback address such as 127.0.0.1 or ::1")
    return value


def _integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, not {value!r}") from None


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 < number <= 86400:  # NaN too
        raise argparse.ArgumentTypeError("expected a number of seconds from 0 to 86400")
    return number


def _rate_limit(value: str) -> str:
    if value in ("okta", "off") or (value.isascii() and value.isdigit() and 0 < int(value) <= 1_000_000):
        return value
    raise argparse.ArgumentTypeError("expected 'okta', 'off' or a positive number of requests per window")


def build_parser() -> argparse.ArgumentParser:
    from oktakit._version import __version__

    from ._bulk import add_commands as add_bulk_commands
    from ._keys import add_commands

    parser = argparse.ArgumentParser(prog="oktakit", description="oktakit: an asyncio SDK for Okta.")
    parser.add_argument("--version", action="version", version=f"oktakit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    sim = commands.add_parser(
        "sim",
        help="run the embedded Okta simulator",
        description="Serve a seeded, simulated Okta org on loopback until Ctrl-C; prints its URL and token.",
    )
    sim.add_argument("--port", type=port, default=8080, help="port to listen on (0 picks a free one)")
    sim.add_argument(
        "--host", type=loopback_host, default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)"
    )
    sim.add_argument("--users", type=_count, default=500, help="number of seeded users (default 500)")
    sim.add_argument("--seed", type=_integer, default=0, help="seed of the generated org (default 0)")
    sim.add_argument(
        "--rate-limit",
        type=_rate_limit,
        default="okta",
        help="'okta' (Okta's default per-minute limits), 'off', or N requests per bucket and window",
    )
    sim.add_argument(
        "--window", type=_seconds, default=60.0, help="rate-limit window in seconds (default 60)"
    )
    sim.add_argument(
        "--service-app-key",
        type=Path,
        action="append",
        default=[],
        metavar="KEY",
        help="register a service app with this key's public half (repeatable); prints its client ID",
    )
    sim.add_argument(
        "--dpop-service-app-key",
        type=Path,
        action="append",
        default=[],
        metavar="KEY",
        help="the same, for a service app that requires DPoP-bound tokens",
    )
    sim.set_defaults(handler=_sim)

    check = commands.add_parser(
        "check",
        help="test the credentials in the environment (like the Admin Console's Test button)",
        description="Get a token (or try the API token), show the granted scopes, make one cheap read. "
        "Reads OKTA_ORG_URL and OKTA_API_TOKEN, or OKTA_CLIENT_ID, OKTA_PRIVATE_KEY(_FILE), OKTA_SCOPES; "
        f"with --operations, also the auditor ({AUDITOR_PREFIX}API_TOKEN or {AUDITOR_PREFIX}CLIENT_ID...).",
    )
    check.add_argument("--org-url", help="the org URL (default: OKTA_ORG_URL)")
    check.add_argument(
        "--operations",
        metavar="OP,OP",
        type=operation_names,
        help="also run the preflight for these operations (e.g. suspend_user,reset_factors); exit 1 if "
        "anything is missing or cannot be checked. A least-privilege app cannot read its own roles: "
        f"the preflight reads them with the auditor in {AUDITOR_PREFIX}API_TOKEN, or a service app "
        f"in {AUDITOR_PREFIX}CLIENT_ID, {AUDITOR_PREFIX}PRIVATE_KEY(_FILE), {AUDITOR_PREFIX}SCOPES",
    )
    check.set_defaults(handler=_check)

    permissions = commands.add_parser(
        "permissions",
        help="print what to grant a service app for some operations",
        description="The OAuth scopes, the custom admin role's permissions (with their Admin Console "
        "labels) and the resource set that OPERATIONs need, derived from oktakit's Okta spec.",
    )
    permissions.add_argument(
        "operations",
        nargs="+",
        metavar="OPERATION",
        type=operation_names,
        help="method names or operationIds (also comma-separated)",
    )
    output = permissions.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="stable JSON, for scripts and infrastructure as code"
    )
    output.add_argument(
        "--format", choices=("text", "terraform"), default="text", help="text or terraform (HCL)"
    )
    permissions.add_argument(
        "--credentials", action="store_true", help="the job also sets passwords or recovery questions"
    )
    permissions.add_argument(
        "--bulk",
        action="store_true",
        help="the job runs with okta.bulk / oktakit bulk, which also reads users back (what its "
        "preflight checks)",
    )
    permissions.set_defaults(handler=_permissions)

    add_commands(commands)
    add_bulk_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        # The reader went away (`oktakit permissions ... | head`): stop quietly, and keep Python
        # from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OktaError as error:
        # Typed errors carry no secrets, and a traceback would not help the person at the prompt;
        # what a server said is shown without the escape sequences it may hold.
        print(printable(f"oktakit {args.command}: {type(error).__name__}: {error}"), file=sys.stderr)
        return 1

"""``oktakit check``: test the credentials in the environment, like the Admin Console's Test button."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

from ._args import operation_names
from ._common import ENVIRONMENT, add_org_url

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
    if args.format == "json":
        # The same facts for scripts: only JSON's types, all the way down (sets sorted).
        from oktakit.errors import _json_safe

        record = _json_safe(result, 0)
        record["ok"] = result.ok
        if isinstance(record.get("granted_scopes"), list):
            record["granted_scopes"] = sorted(record["granted_scopes"])
        print(json.dumps(record, indent=2, sort_keys=True))
        return 0 if result.ok else 1
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


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``oktakit check``."""
    check = commands.add_parser(
        "check",
        help="test the credentials in the environment (like the Admin Console's Test button)",
        description="Get a token (or try the API token), show the granted scopes, make one cheap read. "
        f"With --operations, also the preflight, reading roles with the auditor ({AUDITOR_PREFIX}...).",
        epilog=ENVIRONMENT,
    )
    add_org_url(check)
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text to read, or json (the result's fields, with ok) for scripts",
    )
    check.set_defaults(exit_codes={1: "the credentials do not work, or lack what --operations needs"})
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

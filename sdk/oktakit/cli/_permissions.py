"""``oktakit permissions``: what to grant a service app for some operations."""

from __future__ import annotations

import argparse
import json

from ._args import operation_names


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


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``oktakit permissions``."""
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
        help="method names or operationIds (also comma-separated); contain: okta.contain's steps",
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

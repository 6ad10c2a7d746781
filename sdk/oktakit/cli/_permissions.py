"""``oktakit permissions``: what to grant a service app for some operations."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from ._args import operation_names

if TYPE_CHECKING:
    from oktakit.permissions._requirements import OperationNeeds, PermissionInfo

#: ``--format`` choices: the admin's steps, the stable JSON, Terraform, and a row per operation.
FORMATS = ("text", "json", "terraform", "table", "csv")
#: The columns of ``--format table|csv``: one row per operation (those a job needs in practice
#: included: ``needed_by`` names the operation that pulled it in, ``reason`` says why).
COLUMNS = (
    "operation",
    "operation_id",
    "http",
    "scopes",
    "permissions",
    "credential_permissions",
    "needed_by",
    "reason",
)
#: A table fits a terminal: the columns a reader compares (the CSV has them all).
TABLE_COLUMNS = ("operation", "scopes", "permissions", "needed_by")


def _permissions(args: argparse.Namespace) -> int:
    from oktakit.permissions._requirements import requirements
    from oktakit.permissions._terraform import terraform

    need = requirements(
        [name for names in args.operations for name in names], credentials=args.credentials, bulk=args.bulk
    )
    if args.format == "json":
        print(json.dumps(need.to_json(), indent=2))
    elif args.format == "terraform":
        print(terraform(need), end="")
    elif args.format in ("table", "csv"):
        from ._output import Writer

        writer = Writer(args.format, sys.stdout, TABLE_COLUMNS if args.format == "table" else COLUMNS)
        for operation in need.operations:
            writer.row(operation_row(operation))
        writer.close()
    else:
        print(need.summary())
    return 0


def operation_row(operation: OperationNeeds) -> dict[str, Any]:
    """An operation's row: its permissions as alternatives (``a | b``: any one of them; ``a + b``:
    both together; a permission no custom admin role can hold says so), scopes comma-separated."""
    return {
        "operation": operation.name,
        "operation_id": operation.operation_id,
        "http": f"{operation.method} {operation.path}",
        "scopes": list(operation.scopes),
        "permissions": _alternatives(operation.permissions),
        "credential_permissions": _alternatives(operation.credential_permissions),
        "needed_by": operation.needed_by,
        "reason": operation.reason,
    }


def _alternatives(alternatives: tuple[tuple[PermissionInfo, ...], ...]) -> str:
    return " | ".join(" + ".join(map(_permission, together)) for together in alternatives)


def _permission(permission: PermissionInfo) -> str:
    return permission.key if permission.custom_role else f"{permission.key} (standard role only)"


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
        "--format",
        choices=FORMATS,
        default="text",
        help="text: the admin's setup steps (default); json: stable JSON, for scripts and "
        "infrastructure as code; terraform: HCL for Okta's Terraform provider; table or csv: a row "
        "per operation with its scopes and permissions ('a | b': any one; 'a + b': both)",
    )
    output.add_argument(
        "--json",
        action="store_const",
        dest="format",
        const="json",
        help="the same as --format json (kept for scripts that use it)",
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

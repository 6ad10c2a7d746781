"""``oktakit users`` and ``oktakit groups``: list, look up and export users and groups from a shell.

    oktakit users list --search 'profile.department eq "Sales"' --format csv > sales.csv
    oktakit users get jane.doe@example.com
    oktakit groups members Sales --fields id,login,status

Lists stream: each page Okta sends is printed before the next is asked for (through the client's
pacer, so a long export keeps to the org's rate limits), and nothing holds the whole list, except
that a table sizes its columns by its first rows. Credentials come from the environment as for
every command.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from collections.abc import AsyncIterator, Coroutine, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from oktakit._text import printable
from oktakit.errors import InvalidArgumentError

from ._common import USAGE_ERROR, add_org_url
from ._output import FORMATS, Writer, cell_text

if TYPE_CHECKING:
    from oktakit.client import OktaClient

USER_COLUMNS = ("id", "status", "login", "firstName", "lastName", "email", "lastLogin")
GROUP_COLUMNS = ("id", "type", "name", "description")
#: Okta group ids: "00g" and 17 base62 characters (as user ids are "00u...").
_GROUP_ID = re.compile(r"00g[0-9A-Za-z]{17}")
_EXITS = {
    0: "printed",
    1: "Okta or the network refused, or no such user or group",
    2: "usage error (bad arguments, a group name that matches several groups)",
}


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser(
        "users", help="list, look up and export users", description=__doc__.split("\n\n")[0]
    )
    user_commands = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    listed = user_commands.add_parser(
        "list",
        help="list users (all, or those a search, filter or q selects)",
        description="Every user Okta lists, page by page (the Users API; without a selector Okta "
        "leaves out DEPROVISIONED users). Columns: --fields, by Okta's names: a top-level field "
        "(id, status, created, lastLogin, ...), a profile attribute (login, department, or "
        "profile.department), or a dotted path (type.id).",
    )
    _selectors(listed, search=True)
    _output_options(listed, USER_COLUMNS)
    listed.set_defaults(handler=_users_list)

    got = user_commands.add_parser("get", help="show one user, by id or login")
    got.add_argument("user", metavar="ID_OR_LOGIN", help="the user's id, login or login shortname")
    _output_options(got, (), default_format="table")
    got.set_defaults(handler=_users_get)

    groups = commands.add_parser("groups", help="list groups and their members")
    group_commands = groups.add_subparsers(dest="groups_command", required=True, metavar="ACTION")
    glist = group_commands.add_parser(
        "list",
        help="list groups (all, or those a search, filter or q selects)",
        description="Every group Okta lists, page by page. Columns: --fields (id, type, name, "
        "description, created, lastMembershipUpdated, ...).",
    )
    _selectors(glist, search=True)
    _output_options(glist, GROUP_COLUMNS)
    glist.set_defaults(handler=_groups_list)

    members = group_commands.add_parser("members", help="list a group's members")
    members.add_argument(
        "group", metavar="GROUP", help="the group's id (00g...) or its exact name (e.g. Sales)"
    )
    _output_options(members, USER_COLUMNS)
    members.set_defaults(handler=_groups_members)


class NoSuchGroup(Exception):
    """No group has the name given (exit 1, as Okta's 404 for an id)."""


def _selectors(parser: argparse.ArgumentParser, *, search: bool) -> None:
    chosen = parser.add_mutually_exclusive_group()
    if search:
        chosen.add_argument(
            "--search",
            metavar="EXPR",
            help="an Okta search expression, e.g. 'profile.department eq \"Sales\"' (default: none, all)",
        )
    chosen.add_argument(
        "--filter", metavar="EXPR", help="an Okta filter, e.g. 'status eq \"ACTIVE\"' (default: none)"
    )
    chosen.add_argument(
        "--q", metavar="TEXT", help="names, logins or emails starting with TEXT (default: none)"
    )
    add_org_url(parser)
    parser.set_defaults(exit_codes=_EXITS)


def _output_options(
    parser: argparse.ArgumentParser, columns: Sequence[str], *, default_format: str = "table"
) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=default_format,
        help="table (fits the terminal; long cells end in …), json (one list), jsonl (Okta's JSON, "
        "one object a line) or csv",
    )
    parser.add_argument(
        "--fields",
        type=_fields,
        metavar="F,F",
        help=f"the columns, comma-separated (default: {','.join(columns) or 'every field'}); "
        "with json and jsonl, objects with only these fields instead of Okta's whole JSON",
    )
    if "--org-url" not in parser._option_string_actions:
        add_org_url(parser)
    parser.set_defaults(exit_codes=_EXITS, columns=tuple(columns))


def _fields(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("expected field names, comma-separated")
    return names


def lookup(record: Mapping[str, Any], name: str) -> Any:
    """A column of an Okta object's JSON: a top-level field, a dotted path (``profile.login``,
    ``type.id``), or else a profile attribute (``login``)."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            value = None
            break
        value = value[part]
    if value is None and "." not in name:
        profile = record.get("profile")
        if isinstance(profile, Mapping):
            return profile.get(name)
    return value


def _run(args: argparse.Namespace, rows: Any) -> int:
    """Print what ``rows(okta)`` yields (Okta objects), in the chosen format; exit status."""
    columns = args.fields or args.columns
    writer = Writer(args.format, sys.stdout, columns)

    async def stream() -> None:
        from oktakit.client import OktaClient

        async with OktaClient.from_env(args.org_url) as okta:
            async for item in rows(okta):
                record = item.to_dict()
                flat = {name: lookup(record, name) for name in columns}
                writer.row(flat, None if args.fields else record)
        writer.close()

    return _exit_status(args, stream())


def _exit_status(args: argparse.Namespace, work: Coroutine[Any, Any, None]) -> int:
    """Run ``work``: 0 when done; a refused argument (2) or a missing group (1) said in one line
    (every other OktaError is ``main``'s)."""
    try:
        asyncio.run(work)
    except (InvalidArgumentError, NoSuchGroup) as error:
        print(printable(f"oktakit {args.command}: {error}"), file=sys.stderr)
        return USAGE_ERROR if isinstance(error, InvalidArgumentError) else 1
    return 0


def _list_arguments(args: argparse.Namespace) -> dict[str, Any]:
    chosen = {"search": getattr(args, "search", None), "filter": args.filter, "q": args.q}
    return {name: value for name, value in chosen.items() if value is not None}


def _users_list(args: argparse.Namespace) -> int:
    return _run(args, lambda okta: okta.list_users(**_list_arguments(args)))


def _groups_list(args: argparse.Namespace) -> int:
    return _run(args, lambda okta: okta.list_groups(**_list_arguments(args)))


def _groups_members(args: argparse.Namespace) -> int:
    async def members(okta: OktaClient) -> AsyncIterator[Any]:
        group_id = await find_group(okta, args.group)
        async for user in okta.list_group_users(group_id):
            yield user

    return _run(args, members)


async def find_group(okta: OktaClient, name: str) -> str:
    """The id of the group ``name`` names: an id as it is, else the one group with that exact
    name (Okta's names ignore case); ``NotFoundError`` or ``InvalidArgumentError`` otherwise."""
    if _GROUP_ID.fullmatch(name):
        return name
    found = [g async for g in okta.list_groups(q=name) if str(g.profile.name).casefold() == name.casefold()]
    if not found:
        raise NoSuchGroup(f"no group is named {name!r} (oktakit groups list --q TEXT lists names)")
    if len(found) > 1:
        ids = ", ".join(g.id for g in found)
        raise InvalidArgumentError(f"{len(found)} groups are named {name!r} ({ids}): give the id")
    return found[0].id


def _users_get(args: argparse.Namespace) -> int:
    async def one() -> None:
        from oktakit.client import OktaClient

        async with OktaClient.from_env(args.org_url) as okta:
            user = await okta.get_user(args.user)
        record = user.to_dict()
        if args.format == "table" and not args.fields:
            _vertical(record)
            return
        columns = args.fields or tuple(_flat_names(record))
        writer = Writer(args.format, sys.stdout, columns)
        flat = {name: lookup(record, name) for name in columns}
        if args.format == "json" and not args.fields:
            from ._output import json_text

            sys.stdout.write(json_text(record) + "\n")
            return
        writer.row(flat, None if args.fields else record)
        writer.close()

    return _exit_status(args, one())


def _flat_names(record: Mapping[str, Any]) -> list[str]:
    """Every field of an Okta object's JSON as a column (profile attributes by their names)."""
    names = [key for key, value in record.items() if not isinstance(value, Mapping)]
    profile = record.get("profile")
    if isinstance(profile, Mapping):
        names += [f"profile.{key}" for key in profile]
    kind = record.get("type")
    if isinstance(kind, Mapping) and "id" in kind:
        names.append("type.id")
    return names


def _vertical(record: Mapping[str, Any]) -> None:
    """One object as "field  value" lines, to read at a terminal."""
    writer = Writer("table", sys.stdout, ("field", "value"))
    for name in _flat_names(record):
        writer.row({"field": name, "value": cell_text(lookup(record, name))})
    writer.close()

"""README tables generated from ``okta_spec/``: the standard admin roles, the rate-limit buckets
and which requests are resent after a lost answer. A test keeps each README table equal to its
function's output (``tests/spec/test_readme_tables.py``); the least-privilege table of every
operation is ``oktakit.permissions.markdown_table``.
"""

from __future__ import annotations

from ._http.buckets import table as rate_limit_table_data
from ._registry import catalogue, operations

# What counts in a bucket besides the operations of the spec.
_OTHER_USES = {
    "/api/v1/users/me": '`get_user("me")`',
    "/api/v1/groups/{id}": "getting, replacing or deleting one group (not wrapped yet)",
    "/oauth2/v1/token": "service apps' token requests",
    "/oauth2/v1": "the org authorization server's other endpoints",
    "/": "anything no other bucket names",
}


def standard_roles_table() -> str:
    """Okta's standard admin roles: what each carries for oktakit's operations, and on what
    evidence (what Okta states, what we add)."""
    rows = [
        "| role | permissions as oktakit counts them | what Okta states | what we add |",
        "|---|---|---|---|",
    ]
    for role, data in catalogue()["standard_roles"].items():
        permissions = ", ".join(f"`{p}`" for p in data["permissions"]) or "none"
        added = data["inferred"] or "-"
        rows.append(f"| `{role}` ({data['label']}) | {permissions} | {data['documented']} | {added} |")
    return "\n".join(rows)


def rate_limit_table() -> str:
    """Okta's buckets: what counts in each and its default per-minute limit per edition
    (``*``: Okta publishes none; ours is an inference, see okta_spec/rate_limits.yaml)."""
    data = rate_limit_table_data()
    editions, names = data["editions"], data["edition_names"]
    by_bucket: dict[str, list[str]] = {}
    for op in operations().values():
        by_bucket.setdefault(op.rate_limit_bucket, []).append(f"`{op.name}`")
    rows = [
        "| bucket | what counts in it | " + " | ".join(names[edition] for edition in editions) + " |",
        "|---|---|" + "---:|" * len(editions),
    ]
    for name, bucket in sorted(data["buckets"].items(), key=lambda item: (len(item[0]) == 1, item[0])):
        uses = sorted(by_bucket.get(name, [])) + ([_OTHER_USES[name]] if name in _OTHER_USES else [])
        inferred = any(s["fact"] == "per-minute" and s["kind"] == "inferred" for s in bucket["sources"])
        mark = "*" if inferred else ""
        limits = " | ".join(f"{bucket['per-minute'][edition]:,}{mark}" for edition in editions)
        rows.append(f"| `{name}` | {', '.join(uses)} | {limits} |")
    return "\n".join(rows)


def retry_table() -> str:
    """Each POST, and each other operation whose spec says why (or says not): whether a request
    whose answer was lost is sent again, and why."""
    rows = [
        "| operation | resent after a lost answer? | why (`x-oktakit-retry-safe-why` in the spec) |",
        "|---|---|---|",
    ]
    listed = sorted(
        (op for op in operations().values() if op.method == "POST" or op.retry_safe_why),
        key=lambda op: op.name,
    )
    for op in listed:
        method = "" if op.method == "POST" else f" ({op.method})"
        rows.append(f"| `{op.name}`{method} | {'yes' if op.retry_safe else 'no'} | {op.retry_safe_why} |")
    return "\n".join(rows)

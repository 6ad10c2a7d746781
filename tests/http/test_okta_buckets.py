"""Which rate-limit bucket counts a request: Okta's rule (exact first, then the longest prefix)
over Okta's buckets, checked against Okta's own rule table and its recorded answers.

Expected buckets come from terraform-provider-okta's ``rate_limit_lines.go`` (Okta's table,
generated from its server; the lines are written out below) and from the recorded answers in
``shared/reference/recorded/``, where requests that count down one counter with one reset time
share a bucket. Nothing here is read from the code under test.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import oktakit_api.operations as registry
from oktakit._http import buckets as _buckets
from oktakit._http.buckets import request_bucket
from tests.conftest import okta_reference

# (method, path, bucket) as the lines of Okta's table give them (ID = any id).
OKTA_TABLE = [
    ("GET", "/api/v1/users", "/api/v1/users"),
    ("POST", "/api/v1/users", "/api/v1/users"),
    ("GET", "/api/v1/users/00u1", "/api/v1/users/{id:.+}"),
    ("POST", "/api/v1/users/00u1", "/api/v1/users/{id}"),
    ("PUT", "/api/v1/users/00u1", "/api/v1/users/{id}"),
    ("DELETE", "/api/v1/users/00u1", "/api/v1/users/{id}"),
    ("GET", "/api/v1/users/00u1/groups", "/api/v1/users"),
    ("GET", "/api/v1/users/00u1/roles", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/activate", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/deactivate", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/reactivate", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/reset_factors", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/suspend", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/unsuspend", "/api/v1/users"),
    ("POST", "/api/v1/users/00u1/lifecycle/unlock", "/api/v1/users"),
    ("GET", "/api/v1/users/me", "/api/v1/users/me"),
    ("POST", "/api/v1/users/me", "/api/v1/users"),
    ("PUT", "/api/v1/users/me", "/api/v1/users"),
    ("GET", "/api/v1/authenticators", "/api/v1"),
    ("GET", "/api/v1/authenticators/aut1", "/api/v1"),
    ("GET", "/api/v1/iam/roles/cr0/permissions", "/api/v1/iam"),
    ("GET", "/api/v1/iam/resource-sets/iam1", "/api/v1/iam"),
    ("GET", "/api/v1/iam/resource-sets/iam1/resources", "/api/v1/iam"),
    ("GET", "/api/v1/apps/0oa1/grants", "/api/v1/apps"),
    ("GET", "/oauth2/v1/clients/0oa1/roles", "/oauth2/v1/clients"),
    ("POST", "/oauth2/v1/token", "/oauth2/v1/token"),
    ("GET", "/oauth2/v1/keys", "/oauth2/v1"),
]


@pytest.mark.parametrize(("method", "path", "bucket"), OKTA_TABLE)
def test_a_request_counts_in_the_bucket_of_oktas_table(method: str, path: str, bucket: str) -> None:
    assert bucket == _buckets.bucket_for(method, path)


def test_exact_rules_come_first_then_the_longest_prefix() -> None:
    rules = [
        _buckets.rule("users", "/api/v1/users"),
        _buckets.rule("user", "/api/v1/users/{id}", methods=["GET"], match="exact"),
        _buckets.rule("me", "/api/v1/users/me", methods=["GET"], match="exact"),
        _buckets.rule("api", "/api/v1"),
    ]
    assert "user" == _buckets.match(rules, "GET", "/api/v1/users/00u1")
    assert "me" == _buckets.match(rules, "GET", "/api/v1/users/me")  # a literal beats a parameter
    assert "users" == _buckets.match(rules, "GET", "/api/v1/users/00u1/groups")  # exact: whole path only
    assert "users" == _buckets.match(rules, "POST", "/api/v1/users/00u1")  # the exact rule is GET only
    assert "api" == _buckets.match(rules, "GET", "/api/v1/groups")
    assert _buckets.match(rules, "GET", "/oauth2/v1/token") is None
    # A raw path keeps an encoded slash inside its segment.
    assert "user" == _buckets.match(rules, "GET", "/api/v1/users/a%2Fb")


def test_every_operation_is_declared_in_the_bucket_oktas_rules_give_its_path() -> None:
    for op in registry.OPERATIONS.values():
        assert op.rate_limit_bucket == _buckets.bucket_for(op.method, op.path), op.operation_id


def test_a_request_to_users_me_counts_in_its_own_bucket_not_in_get_user() -> None:
    assert "/api/v1/users/me" == request_bucket(registry.GET_USER, "GET", "/api/v1/users/me")
    assert "/api/v1/users/{id:.+}" == request_bucket(registry.GET_USER, "GET", "/api/v1/users/00u1")
    assert "/api/v1/users" == request_bucket(
        registry.SUSPEND_USER, "POST", "/api/v1/users/me/lifecycle/suspend"
    )
    assert "/api/v1/users" == request_bucket(None, "POST", "/api/v1/users/00u1/lifecycle/suspend")


def test_the_defaults_per_edition_are_okta_published_limits() -> None:
    # Management and end-user rate-limit pages (last versions, 2025): Workforce and free plan.
    workforce, free = _buckets.per_minute("workforce"), _buckets.per_minute("integrator_free")
    assert (600, 2000, 600, 1200, 100, 2000) == (
        workforce["/api/v1/users"],
        workforce["/api/v1/users/{id:.+}"],
        workforce["/api/v1/users/{id}"],
        workforce["/api/v1"],
        workforce["/oauth2/v1/clients"],
        workforce["/oauth2/v1/token"],
    )
    assert (100, 100, 25, 300) == (
        free["/api/v1/users"],
        free["/api/v1/users/{id:.+}"],
        free["/oauth2/v1/clients"],
        free["/oauth2/v1/token"],
    )
    # The error names every edition okta_spec/rate_limits.yaml knows.
    known = "integrator_free, one_app, enterprise, workforce"
    with pytest.raises(ValueError, match=f"^unknown Okta edition 'gold'; known: {known}$"):
        _buckets.per_minute("gold")


# --- Okta's recorded answers ------------------------------------------------------------------
def _recorded(name: str) -> list[tuple[str, str, int, int, int]]:
    """(method, path, limit, remaining, reset) of each interaction of a recorded answer file, in
    order (the whole cassette is in the extract because okta_spec/sources.yaml cites it)."""
    cassette = name.removesuffix(".yaml")
    interactions = [
        i for i in okta_reference("okta-recorded-responses.json")["interactions"] if i["cassette"] == cassette
    ]
    assert interactions, f"{name} is not in tests/reference/ (rerun tools/extract_reference.py)"
    rows = []
    for interaction in sorted(interactions, key=lambda i: i["index"]):
        headers = {k.lower(): v for k, v in interaction["response"]["headers"].items()}
        numbers = (int(headers[f"x-rate-limit-{key}"][0]) for key in ("limit", "remaining", "reset"))
        path = urlsplit(interaction["request"]["uri"]).path
        rows.append((interaction["request"]["method"], path, *numbers))
    return rows


def _counters(rows: list[tuple[str, str, int, int, int]]) -> dict[tuple[int, int], list[tuple[str, str]]]:
    """Requests by the counter they counted down: (limit, reset) -> (method, path) in order,
    checking that each counter only went down."""
    counters: dict[tuple[int, int], list[tuple[str, str]]] = {}
    last: dict[tuple[int, int], int] = {}
    for method, path, limit, remaining, reset in rows:
        key = (limit, reset)
        assert remaining < last.get(key, limit + 1), (method, path)
        last[key] = remaining
        counters.setdefault(key, []).append((method, path))
    return counters


@pytest.mark.parametrize(
    "name",
    [
        "test_users_it/TestUsersResource.test_list_user_groups.yaml",
        "test_users_it/TestUsersResource.test_list_user_blocks.yaml",
        "test_users_it/TestUsersResource.test_replace_user.yaml",
    ],
)
def test_requests_okta_counted_down_one_counter_share_one_bucket(name: str) -> None:
    for requests in _counters(_recorded(name)).values():
        user_requests = [(m, p) for m, p in requests if p.startswith("/api/v1/users")]
        assert len({_buckets.bucket_for(m, p) for m, p in user_requests}) <= 1, user_requests


def test_creating_listing_groups_and_deactivating_count_in_one_bucket_apart_from_put_and_delete() -> None:
    counters = _counters(_recorded("test_users_it/TestUsersResource.test_list_user_groups.yaml"))
    shared = next(requests for requests in counters.values() if ("POST", "/api/v1/users") in requests)
    operations = {(m, p.split("/")[-1] if "lifecycle" in p or p.endswith("groups") else p) for m, p in shared}
    assert {("POST", "/api/v1/users"), ("GET", "groups"), ("POST", "deactivate")} == operations
    assert {"/api/v1/users"} == {_buckets.bucket_for(m, p) for m, p in shared}
    replace = _counters(_recorded("test_users_it/TestUsersResource.test_replace_user.yaml"))
    put_and_delete = next(r for r in replace.values() if r[0][0] == "PUT")
    assert ["PUT", "DELETE"] == [m for m, _ in put_and_delete]
    assert {"/api/v1/users/{id}"} == {_buckets.bucket_for(m, p) for m, p in put_and_delete}


def test_the_headers_report_half_of_an_integrator_free_bucket_the_apps_default_share() -> None:
    # Integrator Free defaults (checked above): /api/v1/users 100, /oauth2/v1/token 300.
    groups = _recorded("test_users_it/TestUsersResource.test_list_user_groups.yaml")
    token = _recorded("test_dpop_it/TestDPoPIntegration.test_dpop_token_acquisition.yaml")
    assert {50} == {limit for _, path, limit, _, _ in groups if path == "/api/v1/users"}
    assert {150} == {limit for _, _, limit, _, _ in token}


def test_the_generated_table_is_the_yaml_file() -> None:
    spec = Path(__file__).resolve().parents[2] / "okta_spec" / "rate_limits.yaml"
    assert yaml.safe_load(spec.read_text(encoding="utf-8")) == _buckets.table()


def test_only_a_template_with_a_literal_rule_under_a_parameter_is_matched_by_its_paths() -> None:
    rules = _buckets.okta_rules()
    assert {(3, "me")} == _buckets.shadowing(rules, "GET", "/api/v1/users/{id}")
    assert {(3, "me")} == _buckets.shadowing(rules, "POST", "/api/v1/users/{id}")
    assert frozenset() == _buckets.shadowing(rules, "POST", "/api/v1/users/{id}/lifecycle/suspend")
    assert frozenset() == _buckets.shadowing(rules, "GET", "/api/v1/users")
    # /api/v1/users/me is Okta's own bucket only under /users: another collection's {id} is not it.
    assert frozenset() == _buckets.shadowing(rules, "GET", "/api/v1/groups/{groupId}")


def test_a_request_no_rule_of_okta_names_counts_in_the_catch_all_bucket() -> None:
    # No rule of Okta's table starts with /.well-known: the request shares the "/" budget.
    assert "/" == _buckets.bucket_for("GET", "/.well-known/okta-organization")
    assert "/" == request_bucket(None, "GET", "/.well-known/okta-organization")


@pytest.mark.parametrize(("method", "path", "bucket"), OKTA_TABLE)
def test_a_request_of_no_known_operation_counts_where_oktas_table_puts_it(
    method: str, path: str, bucket: str
) -> None:
    assert bucket == request_bucket(None, method, path)


def test_a_rule_that_matches_neither_exact_nor_prefix_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValueError, match=r"^a rule matches 'exact' or 'prefix', not 'glob'$"):
        _buckets.rule("users", "/api/v1/users", match="glob")

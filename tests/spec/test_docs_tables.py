"""The docs' tables of standard roles, rate-limit buckets and resent POSTs (on the pages
least-privilege.md and rate-limits.md, as the site builds them) are the ones generated from
``okta_spec/`` (the least-privilege table has its own test in tests/permissions/test_permissions.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oktakit._spec_tables import rate_limit_table, retry_table, standard_roles_table
from tests._docs_pages import table_on_page


@pytest.mark.parametrize(
    ("page", "name", "generate"),
    [
        ("least-privilege.md", "standard-roles", standard_roles_table),
        ("rate-limits.md", "rate-limits", rate_limit_table),
        ("rate-limits.md", "retries", retry_table),
    ],
)
def test_the_docs_page_shows_the_generated_table(page: str, name: str, generate: Callable[[], str]) -> None:
    assert generate() == table_on_page(page, name)


def test_the_rate_limit_table_shows_what_okta_counts_together() -> None:
    # Okta's rule table: the lifecycle POSTs and a user's groups count in /api/v1/users.
    row = next(line for line in rate_limit_table().splitlines() if line.startswith("| `/api/v1/users` |"))
    for name in ("list_users", "list_user_groups", "suspend_user", "deactivate_user", "unlock_user"):
        assert f"`{name}`" in row
    assert "| 100 | 600 | 600 | 600 |" in row  # Integrator Free, One App, Enterprise, Workforce


def test_the_roles_table_gives_okta_iam_read_to_no_standard_role_but_the_super_admin() -> None:
    rows = [line for line in standard_roles_table().splitlines()[2:] if "okta.iam.read`" in line]
    assert [] == rows

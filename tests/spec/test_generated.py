"""The generated client: reproducible from the spec, forked templates tracked, tolerant models."""

from __future__ import annotations

import filecmp
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "oktakit_api"
TEMPLATES = ROOT / "okta_spec" / "templates"


def _differences(left: Path, right: Path) -> list[str]:
    report = filecmp.dircmp(left, right, ignore=["__pycache__"])
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"only in fresh output: {prefix}{n}" for n in cmp.left_only)
        out.extend(f"only in generated/: {prefix}{n}" for n in cmp.right_only)
        out.extend(f"differs: {prefix}{n}" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(report, "")
    return out


@pytest.mark.skipif(
    shutil.which("openapi-python-client") is None, reason="the pinned generator is not installed"
)
def test_generated_client_matches_a_fresh_generation_from_the_spec(tmp_path: Path) -> None:
    fresh = tmp_path / "oktakit_api"
    subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(ROOT / "okta_spec" / "generate.py"), str(fresh)],
        check=True,
        capture_output=True,
    )
    assert [] == _differences(fresh, GENERATED), "generated/ drifted: run `nox -s generate`"


def test_forked_upstream_templates_are_unchanged_in_the_installed_generator() -> None:
    generator = pytest.importorskip("openapi_python_client")
    upstream = Path(generator.__file__).parent / "templates"
    recorded = {}
    for line in (TEMPLATES / "UPSTREAM.sha256").read_text().splitlines():
        if line and not line.startswith("#"):
            digest, name = line.split()
            recorded[name] = digest
    current = {name: hashlib.sha256((upstream / name).read_bytes()).hexdigest() for name in recorded}
    assert recorded == current, "an upstream template we fork changed: merge it into okta_spec/templates"
    # Every template that shares a name with an upstream one is a fork and must be recorded;
    # operations.py.jinja is our own (generate.py renders it), not a fork.
    ours = sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.jinja"))
    assert sorted(recorded) == [name for name in ours if (upstream / name).exists()]
    assert ["operations.py.jinja"] == [name for name in ours if not (upstream / name).exists()]


def test_every_generated_python_file_carries_the_do_not_edit_banner() -> None:
    files = sorted(GENERATED.rglob("*.py"))
    assert files
    unbannered = [str(p.relative_to(GENERATED)) for p in files if "Do not edit" not in p.read_text()[:400]]
    assert [] == unbannered


def test_generated_code_never_imports_httpx() -> None:
    offenders = [str(p) for p in GENERATED.rglob("*.py") if "httpx" in p.read_text()]
    assert [] == offenders


# The fields every user Okta returns has (the spec's required list for User).
MINIMAL_USER = {
    "id": "00u1",
    "status": "ACTIVE",
    "created": "2024-01-02T03:04:05+00:00",
    "lastUpdated": "2024-01-02T03:04:05+00:00",
    "profile": {"login": "a@example.com"},
    "_links": {},
}


def test_unknown_enum_value_parses_as_a_member_equal_to_its_string() -> None:
    from oktakit_api.models import User, UserStatus

    user = User.from_dict({**MINIMAL_USER, "status": "ARCHIVED"})
    assert "ARCHIVED" == user.status
    assert isinstance(user.status, UserStatus)
    assert UserStatus.ACTIVE is UserStatus("ACTIVE")


def test_non_string_enum_value_is_still_rejected() -> None:
    from oktakit_api.models import UserStatus

    with pytest.raises(ValueError, match="42"):
        UserStatus(42)


def test_null_transitioning_status_parses_as_none() -> None:
    from oktakit_api.models import User

    assert User.from_dict({**MINIMAL_USER, "transitioningToStatus": None}).transitioning_to_status is None
    moving = User.from_dict({**MINIMAL_USER, "transitioningToStatus": "ACTIVE"})
    assert "ACTIVE" == moving.transitioning_to_status


def test_a_parsed_model_equals_the_one_its_constructor_builds() -> None:
    # from_dict assigns the fields itself rather than calling __init__: the result is the same.
    from oktakit_api.models import AuthenticationProvider, AuthenticationProviderType, PasswordCredential

    parsed = AuthenticationProvider.from_dict({"type": "OKTA", "name": "OKTA", "extra": 1})
    built = AuthenticationProvider(name="OKTA", type=AuthenticationProviderType.OKTA)
    built.additional_properties = {"extra": 1}
    assert built == parsed
    assert PasswordCredential() == PasswordCredential.from_dict({})
    assert {} == PasswordCredential.from_dict({}).additional_properties


def test_a_subclass_of_a_model_is_built_by_its_own_init() -> None:
    from oktakit_api.models import PasswordCredential

    class Audited(PasswordCredential):
        def __init__(self, value: str | None = None, hook: Any = None) -> None:
            super().__init__(value, hook)
            self.built_by = "init"  # a plain subclass has a __dict__

    parsed = Audited.from_dict({"value": "x", "extra": 1})
    assert isinstance(parsed, Audited)
    assert "init" == parsed.built_by
    assert ("x", {"extra": 1}) == (parsed.value, parsed.additional_properties)


def test_unknown_fields_and_custom_attributes_round_trip() -> None:
    from oktakit_api.models import User

    raw = {
        **MINIMAL_USER,
        "futureField": {"nested": [1, 2]},
        "profile": {"login": "a@example.com", "legalName": "Ada L.", "dateOfBirth": "1990-01-31"},
        "_links": {"self": {"href": "https://acme.okta.com/api/v1/users/00u1", "method": "GET"}},
    }
    user = User.from_dict(raw)
    assert "Ada L." == user.profile["legalName"]
    assert raw == user.to_dict()


def test_operations_table_lists_scopes_and_permissions_for_every_operation() -> None:
    from oktakit_api.operations import OPERATIONS

    assert 40 == len(OPERATIONS)
    assert ("okta.users.read",) == OPERATIONS["getUser"].scopes
    assert (("okta.users.lifecycle.suspend",),) == OPERATIONS["suspendUser"].permissions
    assert all(op.permissions for op in OPERATIONS.values())

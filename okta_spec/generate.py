"""Regenerate ``generated/oktakit_api`` from ``okta_spec/openapi.yaml``.

Usage: ``python okta_spec/generate.py [OUTPUT_DIR]`` (``nox -s generate`` runs it). The output is
byte-for-byte reproducible, so ``nox -s generate_check`` can regenerate into a temporary folder
and diff. Needs the exact openapi-python-client and ruff versions pinned in ``noxfile.py``.
"""

from __future__ import annotations

import pprint
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

SPEC_DIR = Path(__file__).resolve().parent
SPEC = SPEC_DIR / "openapi.yaml"
DEFAULT_OUTPUT = SPEC_DIR.parent / "generated" / "oktakit_api"
BANNER = (
    "# Generated from okta_spec/openapi.yaml by openapi-python-client {version} with the\n"
    "# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.\n"
)


def _generator_version() -> str:
    from importlib.metadata import version

    return version("openapi-python-client")


def _operations_module(spec: dict) -> str:
    """A table of every operation's method, path, scopes, admin-role permissions, rate-limit
    bucket and whether a request whose answer was lost may be resent."""
    rows = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            scopes = sorted({s for alt in op.get("security", []) for s in alt.get("oauth2", [])})
            rows[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "scopes": scopes,
                "permissions": op.get("x-okta-permissions", [[]]),
                "credential_permissions": op.get("x-okta-credential-permissions", []),
                "rate_limit_bucket": op["x-okta-rate-limit"]["bucket"],
                "rate_limit_per_minute": op["x-okta-rate-limit"]["per-minute"],
                # GET, PUT and DELETE are idempotent by HTTP; a POST only where the spec says so.
                "retry_safe": method != "post" or op.get("x-oktakit-retry-safe", False),
            }
    # Python literals (True/False), laid out by the ruff format that follows.
    body = pprint.pformat(rows, sort_dicts=True, width=100)
    return (
        '"""Per-operation metadata from the spec: method, path, OAuth scopes, the admin-role\n'
        "permissions (any one inner list suffices; ``[[]]`` means none is needed), the Okta\n"
        "rate-limit bucket with its published per-minute default, and ``retry_safe`` (a request\n"
        "whose answer was lost may be sent again).\n"
        '"""\n\n'
        "from typing import Any, Final\n\n"
        f"OPERATIONS: Final[dict[str, dict[str, Any]]] = {body}\n"
    )


def generate(output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "oktakit_api"
        subprocess.run(
            [
                "openapi-python-client",
                "generate",
                "--path",
                str(SPEC),
                "--config",
                str(SPEC_DIR / "generator.yaml"),
                "--custom-template-path",
                str(SPEC_DIR / "templates"),
                "--meta",
                "none",
                "--output-path",
                str(staged),
                "--fail-on-warning",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
        (staged / "operations.py").write_text(_operations_module(spec), encoding="utf-8")
        subprocess.run(
            ["ruff", "format", "--isolated", "--no-cache", "--quiet", str(staged / "operations.py")],
            check=True,
        )
        banner = BANNER.format(version=_generator_version())
        for path in sorted(staged.rglob("*.py")):
            path.write_text(banner + path.read_text(encoding="utf-8"), encoding="utf-8")
        (staged / "py.typed").write_text("", encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staged, output)


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)

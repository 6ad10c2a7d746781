"""Regenerate ``generated/oktakit_api`` from ``okta_spec/openapi.yaml``.

Usage: ``python okta_spec/generate.py [OUTPUT_DIR]`` (``nox -s generate`` runs it). The output is
byte-for-byte reproducible, so ``nox -s generate_check`` can regenerate into a temporary folder
and diff. Needs the exact openapi-python-client and ruff versions pinned in ``noxfile.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

SPEC_DIR = Path(__file__).resolve().parent
SPEC = SPEC_DIR / "openapi.yaml"
CATALOGUE = SPEC_DIR / "permissions.yaml"
DEFAULT_OUTPUT = SPEC_DIR.parent / "generated" / "oktakit_api"
BANNER = (
    "# Generated from okta_spec/openapi.yaml by openapi-python-client {version} with the\n"
    "# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.\n"
)


def _generator_version() -> str:
    from importlib.metadata import version

    return version("openapi-python-client")


def _operations_module(spec: dict) -> str:
    """A table of every operation's method, path, scopes and admin-role permissions."""
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
                "needs": op.get("x-oktakit-needs", []),
            }
    body = json.dumps(rows, indent=4, sort_keys=True)
    return (
        '"""Per-operation metadata from the spec: method, path, OAuth scopes and the admin-role\n'
        "permissions (any one inner list suffices; ``[[]]`` means none is needed).\n"
        '"""\n\n'
        "from typing import Any, Final\n\n"
        f"OPERATIONS: Final[dict[str, dict[str, Any]]] = {body}\n"
    )


def _catalogue_module(catalogue: dict) -> str:
    """okta_spec/permissions.yaml as Python data: Console labels, resources, standard roles."""
    body = json.dumps(catalogue, indent=4, sort_keys=True)
    return (
        '"""The permission catalogue from okta_spec/permissions.yaml: each admin-role permission\'s\n'
        "Admin Console label path and resource kind, the resource kinds, and the standard roles.\n"
        '"""\n\n'
        "from typing import Any, Final\n\n"
        f"CATALOGUE: Final[dict[str, Any]] = {body}\n"
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
        catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
        (staged / "permission_catalogue.py").write_text(_catalogue_module(catalogue), encoding="utf-8")
        subprocess.run(
            ["ruff", "format", "--isolated", "--no-cache", "--quiet"]
            + [str(staged / name) for name in ("operations.py", "permission_catalogue.py")],
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

"""Regenerate ``generated/oktakit_api`` from ``okta_spec/openapi.yaml``.

Usage: ``python okta_spec/generate.py [OUTPUT_DIR]`` (``nox -s generate`` runs it). The output is
byte-for-byte reproducible, so ``nox -s generate_check`` can regenerate into a temporary folder
and diff. Needs the exact openapi-python-client and ruff versions pinned in ``noxfile.py``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

SPEC_DIR = Path(__file__).resolve().parent
SPEC = SPEC_DIR / "openapi.yaml"
CATALOGUE = SPEC_DIR / "permissions.yaml"
RATE_LIMITS = SPEC_DIR / "rate_limits.yaml"
DEFAULT_OUTPUT = SPEC_DIR.parent / "generated" / "oktakit_api"
BANNER = (
    "# Generated from okta_spec/openapi.yaml by openapi-python-client {version} with the\n"
    "# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.\n"
)


def _generator_version() -> str:
    from importlib.metadata import version

    return version("openapi-python-client")


def snake_case(operation_id: str) -> str:
    """``getUser`` -> ``get_user``: the client method and the generated module of an operation."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


def operation_rows(spec: dict, rate_limits: dict | None = None) -> list[dict]:
    """What the spec says about each operation, as the registry's ``Operation`` arguments.

    ``rate_limits`` (okta_spec/rate_limits.yaml, read when not given) supplies each bucket's
    default per-minute limit on the default edition.
    """
    if rate_limits is None:
        rate_limits = yaml.safe_load(RATE_LIMITS.read_text(encoding="utf-8"))
    edition = rate_limits["default_edition"]
    rows = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            bucket = op["x-okta-rate-limit"]["bucket"]
            rows.append(
                {
                    "operation_id": op["operationId"],
                    "name": snake_case(op["operationId"]),
                    "method": method.upper(),
                    "path": path,
                    "scopes": tuple(
                        sorted({s for alt in op.get("security", []) for s in alt.get("oauth2", [])})
                    ),
                    "permissions": tuple(tuple(alt) for alt in op.get("x-okta-permissions", [[]])) or ((),),
                    "credential_permissions": tuple(
                        tuple(alt) for alt in op.get("x-okta-credential-permissions", [])
                    ),
                    "rate_limit_bucket": bucket,
                    "rate_limit_per_minute": rate_limits["buckets"][bucket]["per-minute"][edition],
                    # GET, PUT, DELETE: idempotent by HTTP unless the spec says not; POST: if it says so.
                    "retry_safe": bool(op.get("x-oktakit-retry-safe", method != "post")),
                    "retry_safe_why": " ".join(op.get("x-oktakit-retry-safe-why", "").split()),
                    "needs": tuple(op.get("x-oktakit-needs", [])),
                    "log_events": tuple(op.get("x-okta-log-events", [])),
                }
            )
    return sorted(rows, key=lambda row: row["name"])


def _operations_module(spec: dict, package: Path) -> str:
    """The typed operation registry (okta_spec/templates/operations.py.jinja), filled from the spec
    and from the generated parsers' return types."""
    import jinja2

    operations, model_imports = [], set()
    for row in operation_rows(spec):
        (module_file,) = package.glob(f"api/*/{row['name']}.py")
        source = module_file.read_text(encoding="utf-8")
        result = re.search(r"def parse_response\(response: RawResponse\) -> (.+):", source).group(1)
        model_imports.update(set(re.findall(r"\b([A-Z]\w*)\b", result)) - {"None"})
        module = module_file.relative_to(package / "api").with_suffix("").as_posix().replace("/", ".")
        operations.append(
            {
                **{key: repr(value) for key, value in row.items()},
                "constant": row["name"].upper(),
                "paginated": repr(result.startswith("list[")),
                "module_name": repr(f"oktakit_api.api.{module}"),
                "result": result,
            }
        )
    operations.sort(key=lambda o: o["name"])
    template = jinja2.Template(
        (SPEC_DIR / "templates" / "operations.py.jinja").read_text(encoding="utf-8"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return template.render(operations=operations, model_imports=sorted(model_imports))


def _literal(value: object, level: int = 0) -> str:
    """``value`` (YAML data) as a Python literal, laid out as ``json.dumps(indent=4,
    sort_keys=True)`` would, but with ``True``, ``False`` and ``None``."""
    pad, inner = " " * 4 * level, " " * 4 * (level + 1)
    if isinstance(value, dict) and value:
        items = (f"{inner}{json.dumps(str(k))}: {_literal(value[k], level + 1)}" for k in sorted(value))
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(f"{inner}{_literal(v, level + 1)}" for v in value) + f"\n{pad}]"
    if isinstance(value, bool) or value is None:
        return repr(value)
    return json.dumps(value)


def _data_module(docstring: str, name: str, data: dict) -> str:
    """A YAML file of okta_spec/ as Python data (a constant ``name``), sources included."""
    body = _literal(data)
    return f'"""{docstring}"""\n\nfrom typing import Any, Final\n\n{name}: Final[dict[str, Any]] = {body}\n'


CATALOGUE_DOC = (
    "The permission catalogue from okta_spec/permissions.yaml: each admin-role permission's\n"
    "Admin Console label path and resource kind, the resource kinds, and the standard roles.\n"
)
RATE_LIMITS_DOC = (
    "Okta's rate-limit buckets from okta_spec/rate_limits.yaml: the rules that match requests to\n"
    "each bucket and its default per-minute limits per edition.\n"
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
        (staged / "operations.py").write_text(_operations_module(spec, staged), encoding="utf-8")
        data_modules = {
            "permission_catalogue.py": _data_module(
                CATALOGUE_DOC, "CATALOGUE", yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
            ),
            "rate_limit_buckets.py": _data_module(
                RATE_LIMITS_DOC, "RATE_LIMITS", yaml.safe_load(RATE_LIMITS.read_text(encoding="utf-8"))
            ),
        }
        for name, text in data_modules.items():
            (staged / name).write_text(text, encoding="utf-8")
        registry = str(staged / "operations.py")
        subprocess.run(
            ["ruff", "check", "--isolated", "--no-cache", "--quiet", "--fix-only", "--select", "I", registry],
            check=True,
        )
        subprocess.run(
            [
                "ruff",
                "format",
                "--isolated",
                "--no-cache",
                "--quiet",
                registry,
                *(str(staged / name) for name in data_modules),
            ],
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

"""Regenerate ``generated/oktakit_api`` from ``okta_spec/openapi.yaml``.

Usage: ``python okta_spec/generate.py [OUTPUT_DIR]`` (``nox -s generate`` runs it). The output is
byte-for-byte reproducible, so ``nox -s generate_check`` can regenerate into a temporary folder
and diff. Needs the exact openapi-python-client and ruff versions pinned in ``noxfile.py``.
"""

from __future__ import annotations

import re
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


def _tuple(items: list) -> str:
    """A Python tuple literal (one element keeps its comma)."""
    return "(" + "".join(f"{item}, " for item in items).rstrip(" ") + ")" if items else "()"


def _operations_module(spec: dict, package: Path) -> str:
    """The typed operation registry (okta_spec/templates/operations.py.jinja), filled from the spec
    and from the generated parsers' return types."""
    import jinja2
    from openapi_python_client.strings import snake_case

    operations, model_imports = [], set()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            name = snake_case(op["operationId"])
            (module_file,) = package.glob(f"api/*/{name}.py")
            source = module_file.read_text(encoding="utf-8")
            result = re.search(r"def parse_response\(response: RawResponse\) -> (.+):", source).group(1)
            model_imports.update(set(re.findall(r"\b([A-Z]\w*)\b", result)) - {"None"})
            retry_safe = method != "post" or op.get("x-oktakit-retry-safe", False)
            rate_limit = op["x-okta-rate-limit"]
            operations.append(
                {
                    "constant": name.upper(),
                    "operation_id": op["operationId"],
                    "name": name,
                    "method": method.upper(),
                    "path": path,
                    "scopes": _tuple(
                        [
                            repr(s)
                            for s in sorted(
                                {s for alt in op.get("security", []) for s in alt.get("oauth2", [])}
                            )
                        ]
                    ),
                    "permissions": _tuple(
                        [_tuple([repr(p) for p in alt]) for alt in op.get("x-okta-permissions", [[]])]
                    ),
                    "credential_permissions": _tuple(
                        [
                            _tuple([repr(p) for p in alt])
                            for alt in op.get("x-okta-credential-permissions", [])
                        ]
                    ),
                    "bucket": rate_limit["bucket"],
                    "per_minute": rate_limit["per-minute"],
                    "retry_safe": bool(retry_safe),
                    "paginated": result.startswith("list["),
                    "module": module_file.relative_to(package / "api")
                    .with_suffix("")
                    .as_posix()
                    .replace("/", "."),
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
        registry = str(staged / "operations.py")
        subprocess.run(
            ["ruff", "check", "--isolated", "--no-cache", "--quiet", "--fix-only", "--select", "I", registry],
            check=True,
        )
        subprocess.run(
            ["ruff", "format", "--isolated", "--no-cache", "--quiet", registry],
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

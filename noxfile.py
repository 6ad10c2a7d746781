"""Developer tasks. `nox -s tests` is what CI runs; `nox -l` lists the rest."""

from __future__ import annotations

import tempfile
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "generate_check"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).resolve().parent
# The generator and the formatter it runs are pinned exactly: the generated code must be
# byte-identical wherever it is regenerated. 0.29.1 fixes a code-injection advisory.
GENERATOR = ["openapi-python-client==0.29.1", "ruff==0.17.6", "jinja2==3.1.6", "pyyaml==6.0.3"]
LINTERS = ["ruff==0.17.6"]
# Okta's official SDK, the reference we compare with (fidelity) and race against (bench).
OFFICIAL_SDK = "okta==3.4.6"
LINTED = ["sdk", "tests", "noxfile.py", "okta_spec", "benchmarks", "examples", "tools"]
PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite, with coverage of sdk/oktakit."""
    session.install("-e", ".[test]", *GENERATOR)
    # `coverage run` (not pytest-cov) so that oktakit's own pytest plugin, imported before any
    # test, is measured too.
    session.run(
        "coverage", "run", "-m", "pytest", *(session.posargs or ["-q"]), env={"PYTHONDONTWRITEBYTECODE": "1"}
    )
    session.run("coverage", "combine", "--quiet")
    session.run("coverage", "report")


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the hand-written code."""
    session.install(*LINTERS)
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on sdk/oktakit (and the generated code it imports)."""
    session.install("-e", ".[test]", "mypy==2.4.1")
    session.run("mypy")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/oktakit_api from okta_spec/openapi.yaml."""
    session.install(*GENERATOR)
    session.run("python", "okta_spec/generate.py")


@nox.session(python=PYTHON)
def generate_check(session: nox.Session) -> None:
    """Fail if generated/ differs from what the spec and templates produce."""
    session.install(*GENERATOR)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "oktakit_api"
        session.run("python", "okta_spec/generate.py", str(fresh))
        session.run(
            "diff",
            "-r",
            "-u",
            "-x",
            "__pycache__",
            str(fresh),
            str(ROOT / "generated" / "oktakit_api"),
            external=True,
        )


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The main job on the embedded Okta simulator: look up, search, update, suspend, reset."""
    session.install(".")
    session.run("python", "examples/demo.py")


@nox.session(python=PYTHON)
def fidelity(session: nox.Session) -> None:
    """Okta's official SDK drives our simulator: everything it supports must work unchanged."""
    session.install("-e", ".[test]", OFFICIAL_SDK)
    session.run("pytest", "tests/fidelity", "-q", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Side-by-side benchmark table: oktakit vs raw aiohttp vs the official SDK."""
    session.install(".", OFFICIAL_SDK)
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(python=PYTHON)
def mutation(session: nox.Session) -> None:
    """Mutation testing (mutmut) of the simulator's rule modules and the SDK core; not in CI.

    Prints every surviving mutant that tools/mutation.py does not justify, and the score per
    package; about 30 minutes on two cores. `nox -s mutation -- testing/_query.py` runs one module.
    """
    session.install("-e", ".[test,mutation]")
    session.run("python", "tools/mutation.py", *session.posargs)

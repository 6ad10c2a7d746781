"""Developer tasks. `nox -s tests` is what CI runs; `nox -l` lists the rest.

Pythons: the supported versions are pyproject's classifiers (3.11-3.13). `tests` runs on each
of them installed here; every other session on one (the Python running nox if supported,
otherwise the newest installed). With none installed, every session fails saying so.

`typecheck_user_code` runs `mypy --strict` on examples/, the cookbook's programs (docs/cookbook/)
and each ```python block of the README and of the docs (docs/**/*.md), extracted by
tests/typing/readme_blocks.py so that they cannot drift. A block is checked
as a complete module; a fragment says so on the line before its fence, naming its
placeholders, and is checked as the body of a coroutine taking them:
`<!-- fragment: token: str, user_id: str -->`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "typecheck_user_code", "generate_check"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"  # use the Pythons installed, never fetch one

ROOT = Path(__file__).resolve().parent
# The generator and the formatter it runs are pinned exactly: the generated code must be
# byte-identical wherever it is regenerated. 0.29.1 fixes a code-injection advisory.
GENERATOR = ["openapi-python-client==0.29.1", "ruff==0.17.6", "jinja2==3.1.6", "pyyaml==6.0.3"]
LINTERS = ["ruff==0.17.6"]
MYPY = "mypy==2.4.1"
# Okta's official SDK, the reference we compare with (fidelity) and race against (bench).
OFFICIAL_SDK = "okta==3.4.6"
LINTED = ["sdk", "tests", "noxfile.py", "okta_spec", "benchmarks", "examples", "tools", "docs/cookbook"]
# What the cookbook's programs import besides oktakit (docs/cookbook/; the test extra has them too).
COOKBOOK = ["fastapi>=0.115", "httpx>=0.27"]


def _supported() -> list[str]:
    # Read as text, not with tomllib: nox itself may run on an older Python, which must be told.
    pyproject = (ROOT / "pyproject.toml").read_text()
    return re.findall(r'"Programming Language :: Python :: (3\.\d+)"', pyproject)


def _runs(version: str) -> bool:
    """Whether `pythonX.Y` starts (a pyenv shim of a version not selected is on PATH, but fails)."""
    if version == RUNNING:
        return True
    executable = shutil.which(f"python{version}")
    if executable is None:
        return False
    try:
        # Our own probe of an interpreter found on PATH, with no input from anyone.
        started = subprocess.run([executable, "-c", ""], capture_output=True, timeout=30, check=False)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        return False
    return started.returncode == 0


RUNNING = f"{sys.version_info.major}.{sys.version_info.minor}"
SUPPORTED = _supported()
INSTALLED = [version for version in SUPPORTED if _runs(version)]
# `python=False` (no virtualenv) when none is installed, so that the session can say so.
EVERY: list[str] | bool = INSTALLED or False
ONE: list[str] | bool = [RUNNING if RUNNING in INSTALLED else INSTALLED[-1]] if INSTALLED else False


def _require_python(session: nox.Session) -> None:
    """Fail loudly rather than let a session pass without a supported Python."""
    if not INSTALLED:
        session.error(f"no supported Python ({', '.join(SUPPORTED)}) is installed here; install one")


@nox.session(python=EVERY)
def tests(session: nox.Session) -> None:
    """The whole test suite, with coverage of sdk/oktakit."""
    _require_python(session)
    session.install("-e", ".[test,docs]", *GENERATOR)  # docs: the docs tooling's own tests run too
    # `coverage run` (not pytest-cov) so that oktakit's own pytest plugin, imported before any
    # test, is measured too.
    session.run(
        "coverage", "run", "-m", "pytest", *(session.posargs or ["-q"]), env={"PYTHONDONTWRITEBYTECODE": "1"}
    )
    session.run("coverage", "combine", "--quiet")
    session.run("coverage", "report")


@nox.session(python=ONE)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the hand-written code."""
    _require_python(session)
    session.install(*LINTERS)
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)


@nox.session(python=ONE)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on sdk/oktakit (and the generated code it imports)."""
    _require_python(session)
    session.install("-e", ".[test]", MYPY)
    session.run("mypy")


@nox.session(python=ONE)
def typecheck_user_code(session: nox.Session) -> None:
    """mypy --strict on code written the way our users write it: examples/, the cookbook's
    programs and the Python blocks of the README and of the docs."""
    _require_python(session)
    # what a user tests with (and the OpenTelemetry SDK of the docs' tracing example)
    session.install(".[otel]", "opentelemetry-sdk", "pytest", "pytest-asyncio", MYPY, *COOKBOOK)
    # Fixed folders (the blocks' emptied first): mypy's cache reports a cached module's errors
    # under the path it had when cached.
    tmp = Path(session.create_tmp())
    blocks = tmp / "readme_blocks"
    shutil.rmtree(blocks, ignore_errors=True)
    pages = sorted(str(page.relative_to(ROOT)) for page in (ROOT / "docs").rglob("*.md"))
    session.run("python", "tests/typing/readme_blocks.py", "README.md", *pages, str(blocks))
    # Checked as a user's project would be: the installed package, no config of ours.
    cache = ["--cache-dir", str(tmp / "mypy_cache")]
    session.run("mypy", "--strict", "--config-file", "", *cache, "examples", "docs/cookbook", str(blocks))


@nox.session(python=ONE)
def docs(session: nox.Session) -> None:
    """Build the documentation site (mkdocs.yml: mkdocs-material, the API reference by
    mkdocstrings, the CLI reference from the argparse parser) with --strict, into site/."""
    _require_python(session)
    session.install(".[docs]")
    session.run("mkdocs", "build", "--strict", *session.posargs, env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session(python=ONE)
def generate(session: nox.Session) -> None:
    """Regenerate generated/oktakit_api from okta_spec/openapi.yaml."""
    _require_python(session)
    session.install(*GENERATOR)
    session.run("python", "okta_spec/generate.py")


@nox.session(python=ONE)
def generate_check(session: nox.Session) -> None:
    """Fail if generated/ differs from what the spec and templates produce."""
    _require_python(session)
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


@nox.session(python=ONE)
def demo(session: nox.Session) -> None:
    """The main job on the embedded Okta simulator: look up, search, update, suspend, reset."""
    _require_python(session)
    session.install(".")
    session.run("python", "examples/demo.py")


@nox.session(python=ONE)
def fidelity(session: nox.Session) -> None:
    """Okta's official SDK drives our simulator: everything it supports must work unchanged."""
    _require_python(session)
    session.install("-e", ".[test]", OFFICIAL_SDK)
    session.run("pytest", "tests/fidelity", "-q", "-p", "no:cacheprovider", *session.posargs)


# okta-sdk-python's test requirements, as its integration suite needs them (tested versions).
PEER_TEST_REQUIREMENTS = [
    "pytest==9.2.0", "pytest-asyncio==1.5.0", "pyfakefs==6.3.2", "pytest-recording==0.15.0",
    "pytest-mock==3.17.0", "pytest-randomly==5.1.0",
]  # fmt: skip


@nox.session(python=ONE)
def peer_tests(session: nox.Session) -> None:
    """okta-sdk-python's own user and group integration tests, run live against `oktakit sim`.

    Their source is not on PyPI, so nothing is fetched but packages: point at a checkout of
    https://github.com/okta/okta-sdk-python with `nox -s peer_tests -- --suite PATH` (or set
    OKTA_SDK_PYTHON_DIR). Prints "N of M passed"; fails unless only the tests of what the
    simulator does not model (group rules, applications) fail. See docs/testing.md, "Okta's own tests".
    """
    _require_python(session)
    arguments = list(session.posargs)
    if "--suite" not in arguments:
        checkout = os.environ.get("OKTA_SDK_PYTHON_DIR")
        if not checkout:
            session.error("pass a checkout of okta-sdk-python: nox -s peer_tests -- --suite PATH")
        arguments = ["--suite", checkout, *arguments]
    session.install(".", OFFICIAL_SDK, *PEER_TEST_REQUIREMENTS)
    session.run("python", "tools/peer_tests.py", *arguments)


@nox.session(python=ONE)
def soak(session: nox.Session) -> None:
    """The bulk fault soak at full size: 20,000 users, injected faults, SIGKILL and resume."""
    _require_python(session)
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "tests/bulk/test_kill_and_soak.py",
        "-q",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"OKTAKIT_SOAK_USERS": "20000"},
    )


@nox.session(python=ONE)
def bench(session: nox.Session) -> None:
    """Side-by-side benchmark tables: oktakit vs raw aiohttp vs the official SDK; the bulk executor;
    the System Log follower (events per second, CPU per event vs json.loads alone); the blocking
    oktakit.sync client vs the async one (CPU per call)."""
    _require_python(session)
    session.install(".", OFFICIAL_SDK)
    session.run("python", "benchmarks/bench.py", *session.posargs)
    session.run("python", "benchmarks/bench_bulk.py")
    session.run("python", "benchmarks/bench_logs.py")
    session.run("python", "benchmarks/bench_sync.py")


@nox.session(python=ONE)
def bench_instructions(session: nox.Session) -> None:
    """Instructions per get_user, oktakit against raw aiohttp, counted by valgrind's callgrind:
    a measure a busy machine cannot blur. Needs valgrind on PATH."""
    _require_python(session)
    session.install(".")
    session.run("python", "benchmarks/bench_instructions.py")


@nox.session(python=ONE)
def bench_shared(session: nox.Session) -> None:
    """Four processes against one simulated bucket, with a budget shared through Redis and
    without, side by side; one worker SIGKILLed holding places; what sharing costs a request.
    Needs a redis-server on PATH."""
    _require_python(session)
    session.install(".[redis]")
    session.run("python", "benchmarks/bench_shared.py")


@nox.session(python=ONE)
def mutation(session: nox.Session) -> None:
    """Mutation testing (mutmut) of the simulator's rule modules and the SDK core; not in CI.

    Prints every surviving mutant that tools/mutation.py does not justify, and the score per
    module. Everything (some 7,900 mutants) takes hours on two cores: run it module by module,
    `nox -s mutation -- _http/retry.py`, whose results add up in the staging copy kept.
    """
    _require_python(session)
    session.install("-e", ".[test,mutation]")
    session.run("python", "tools/mutation.py", *session.posargs)

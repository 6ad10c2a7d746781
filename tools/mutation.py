"""Mutation testing of the simulator's rule modules and the SDK's core (`nox -s mutation`).

mutmut 3 names mutants after the module path with only a ``src.`` prefix stripped, so the run
happens in a staging copy of the repository (``.mutation/``, git-ignored) where ``sdk/`` is
laid out as ``src/``. mutmut records which tests reach each mutated function and runs only
those, in forked workers; the test universe is the fast, in-process part of the suite.

    python tools/mutation.py [--max-children 2] [module ...]

Prints every surviving mutant with its diff, then the score per package. Each survivor must be
killed by a new test or explained in ``JUSTIFIED`` below.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGE = ROOT / ".mutation"

# What is mutated: the modules that hold rules (simulator) and the SDK's core.
MODULES = {
    "simulator": [
        "testing/_lifecycle.py",
        "testing/_query.py",
        "testing/_users.py",
        "testing/_permissions.py",
        "testing/_ratelimit.py",
        "testing/_errors.py",
        "testing/_oauth.py",
        "testing/_oauth_errors.py",
        "testing/_oauth_state.py",
        "testing/_assertion.py",
        "testing/_bearer.py",
        "testing/_dpop_verify.py",
        "testing/_seed.py",
    ],
    "sdk": [
        "errors.py",
        "pagination.py",
        "transport.py",
        "_oauth.py",
        "_urls.py",
    ],
}
# The tests mutmut may pick from: everything that runs in-process and fast. Subprocess, spec
# and generator tests cannot see an in-process mutant and only cost time.
TESTS = ["tests/simulator", "tests/sdk", "tests/auth", "tests/e2e", "tests/test_client_on_simulator.py"]
SUBPROCESS_TESTS = ["tests/simulator/test_seed_and_runner.py::test_run_simulator_serves_until_interrupted"]

# Survivors that no test should kill, as {mutant name: reason}. Keep each reason specific.
JUSTIFIED: dict[str, str] = {}


def stage() -> None:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    STAGE.mkdir()
    shutil.copytree(ROOT / "sdk", STAGE / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("generated", "tests", "okta_spec"):
        shutil.copytree(ROOT / name, STAGE / name, ignore=shutil.ignore_patterns("__pycache__"))
    only = [f'"src/oktakit/{module}"' for modules in MODULES.values() for module in modules]
    tests = ", ".join(f'"{path}"' for path in TESTS)
    deselect = [arg for test in SUBPROCESS_TESTS for arg in ("--deselect", test)]
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/oktakit"]\n'
        f"only_mutate = [{', '.join(only)}]\n"
        'also_copy = ["generated", "okta_spec"]\n'
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-q', '-x', *deselect])}\n"
    )
    (STAGE / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text() + config)


def run(max_children: int) -> int:
    env = dict(os.environ)
    # The staged tests sit two levels deeper than the repository: point them at the reference
    # data the real checkout sees, and put the staged generated client first on the path.
    reference = os.environ.get("OKTAKIT_REFERENCE_DIR") or str(ROOT.parent / "shared" / "reference")
    env["OKTAKIT_REFERENCE_DIR"] = reference
    env["PYTHONPATH"] = str(STAGE / "mutants" / "generated")
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(max_children)], cwd=STAGE, env=env, check=False)
    listing = subprocess.run(
        [*mutmut, "results", "--all", "true"], cwd=STAGE, env=env, capture_output=True, text=True, check=True
    ).stdout
    return report(listing, env)


def report(listing: str, env: dict[str, str]) -> int:
    statuses = dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, flags=re.MULTILINE))
    survivors = [name for name, status in statuses.items() if status == "survived"]
    unexplained = [name for name in survivors if name not in JUSTIFIED]
    for name in unexplained:
        print(f"\n=== SURVIVED {name}")
        diff = subprocess.run(
            [sys.executable, "-m", "mutmut", "show", name], cwd=STAGE, env=env, capture_output=True, text=True
        )
        print(diff.stdout.strip())
    for name in survivors:
        if name in JUSTIFIED:
            print(f"justified: {name}: {JUSTIFIED[name]}")
    print("\nscore per package (killed / (killed + survived); other outcomes listed apart)")
    for package in MODULES:
        prefix = "oktakit.testing." if package == "simulator" else "oktakit."
        own = {
            name: status
            for name, status in statuses.items()
            if name.startswith(prefix) and (package == "simulator" or not name.startswith("oktakit.testing."))
        }
        counts = Counter(own.values())
        decided = counts["killed"] + counts["survived"]
        score = 100.0 * counts["killed"] / decided if decided else 100.0
        others = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k not in ("killed", "survived"))
        print(
            f"  {package}: {counts['killed']}/{decided} killed ({score:.1f} %), "
            f"{counts['survived']} survived ({len([n for n in own if n in JUSTIFIED])} justified)"
            + (f"; {others}" if others else "")
        )
    return 1 if unexplained else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true", help="reprint the last run's results")
    parser.add_argument("modules", nargs="*", help="restrict to these modules, e.g. testing/_query.py")
    args = parser.parse_args()
    if args.modules:
        for package, modules in MODULES.items():
            MODULES[package] = [m for m in modules if m in args.modules]
    if args.report_only:
        env = dict(os.environ, PYTHONPATH=str(STAGE / "mutants" / "generated"))
        listing = subprocess.run(
            [sys.executable, "-m", "mutmut", "results", "--all", "true"],
            cwd=STAGE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return report(listing, env)
    stage()
    return run(args.max_children)


if __name__ == "__main__":
    sys.exit(main())

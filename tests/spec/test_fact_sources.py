"""Every Okta fact oktakit states has a source, and says what kind of evidence it is.

Walks ``okta_spec/openapi.yaml`` (each operation's ``x-oktakit-sources``), ``permissions.yaml``,
``rate_limits.yaml`` and the simulator's ``STATUS_RULES`` tables, and checks each fact against
the registry ``okta_spec/sources.yaml``: a URL, a repository file pinned to a commit, or a
recorded Okta answer. The checker is a function returning the problems, so that a test can
plant a missing source and see it reported.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import yaml

from oktakit.testing import _sources
from tests.conftest import okta_reference

SPEC_DIR = Path(__file__).resolve().parents[2] / "okta_spec"
KINDS = {"documented", "recorded", "inferred"}
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def _load(name: str) -> Any:
    return yaml.safe_load((SPEC_DIR / name).read_text(encoding="utf-8"))


SOURCES = _load("sources.yaml")["sources"]
SPEC = _load("openapi.yaml")
CATALOGUE = _load("permissions.yaml")
RATE_LIMITS = _load("rate_limits.yaml")


def _entry_problems(where: str, entry: Any, facts: set[str], sources: dict[str, Any]) -> list[str]:
    if not isinstance(entry, dict) or set(entry) - {"fact", "kind", "source", "note"}:
        return [f"{where}: a source entry is {{fact, kind, source, note}}, not {entry!r}"]
    problems = []
    if entry.get("fact") not in facts:
        problems.append(f"{where}: {entry.get('fact')!r} is not one of its facts {sorted(facts)}")
    if entry.get("kind") not in KINDS:
        problems.append(f"{where}: kind {entry.get('kind')!r} is not one of {sorted(KINDS)}")
    if entry.get("source") not in sources:
        problems.append(f"{where}: unknown source {entry.get('source')!r}")
    if entry.get("kind") == "inferred" and not str(entry.get("note") or "").strip():
        problems.append(f"{where}: an inferred {entry.get('fact')} says in a note what was inferred")
    return problems


def _facts_problems(where: str, entries: Any, facts: set[str], sources: dict[str, Any]) -> list[str]:
    """Each fact has at least one valid entry; no entry names a fact that is not there."""
    if not isinstance(entries, list):
        return [f"{where}: no sources (needed for {sorted(facts)})"]
    problems = [p for entry in entries for p in _entry_problems(where, entry, facts, sources)]
    cited = {entry.get("fact") for entry in entries if isinstance(entry, dict)}
    problems += [f"{where}: {fact} has no source" for fact in sorted(facts - cited)]
    return problems


def operation_facts(op: dict[str, Any]) -> set[str]:
    """The Okta facts an operation states, by the names x-oktakit-sources uses."""
    facts = {"permissions", "rate-limit"}
    if any(alt.get("oauth2") for alt in op.get("security", [])):
        facts.add("scope")
    if "x-okta-credential-permissions" in op:
        facts.add("credential-permissions")
    if "x-oktakit-retry-safe" in op:
        facts.add("retry-safe")
    if "x-oktakit-needs" in op:
        facts.add("needs")
    if "x-okta-log-events" in op:
        facts.add("log-events")
    return facts


def spec_problems(spec: dict[str, Any], sources: dict[str, Any]) -> list[str]:
    problems = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            where = f"openapi.yaml {method.upper()} {path} ({op['operationId']})"
            problems += _facts_problems(where, op.get("x-oktakit-sources"), operation_facts(op), sources)
    return problems


def catalogue_problems(catalogue: dict[str, Any], sources: dict[str, Any]) -> list[str]:
    problems = []
    for key, data in catalogue["permissions"].items():
        # What no custom role can hold names no resource of a resource set, and says so.
        facts = {"console", "custom_role"} if data.get("custom_role") is False else {"console", "resource"}
        problems += _facts_problems(f"permissions.yaml {key}", data.get("sources"), facts, sources)
    for kind, data in catalogue["resources"].items():
        facts = {"console", "rest", "orn"}
        problems += _facts_problems(f"permissions.yaml resource {kind}", data.get("sources"), facts, sources)
    for role, data in catalogue["standard_roles"].items():
        facts = {"label", *(data["permissions"] or ["permissions"])}
        problems += _facts_problems(f"permissions.yaml role {role}", data.get("sources"), facts, sources)
    return problems


def rate_limit_problems(table: dict[str, Any], sources: dict[str, Any]) -> list[str]:
    editions = set(table["editions"])
    problems = []
    for name, bucket in table["buckets"].items():
        where = f"rate_limits.yaml bucket {name}"
        problems += _facts_problems(where, bucket.get("sources"), {"rules", "per-minute"}, sources)
        if set(bucket["per-minute"]) != editions:
            problems.append(f"{where}: per-minute for {sorted(bucket['per-minute'])}, not every edition")
    concurrency = table["concurrency"]
    problems += _facts_problems(
        "rate_limits.yaml concurrency", concurrency.get("sources"), {"per-edition"}, sources
    )
    if set(concurrency["per-edition"]) != editions:
        problems.append("rate_limits.yaml concurrency: not given for every edition")
    matching = table["matching"]
    problems += _facts_problems("rate_limits.yaml matching", matching.get("sources"), {"rule"}, sources)
    share = table["client_share"]
    problems += _facts_problems(
        "rate_limits.yaml client_share", share.get("sources"), {"default", "headers"}, sources
    )
    return problems


def registry_problems(sources: dict[str, Any]) -> list[str]:
    problems = []
    for key, source in sources.items():
        where = f"sources.yaml {key}"
        if not str(source.get("title") or "").strip():
            problems.append(f"{where}: no title")
        pinned = {"repo", "path", "commit"} <= set(source)
        if "url" not in source and "recorded" not in source and not pinned:
            problems.append(f"{where}: neither a url, a recorded answer, nor a repository path with commit")
        if ("repo" in source or "commit" in source) and not pinned:
            problems.append(f"{where}: a repository file needs repo, path and commit")
        if "commit" in source and not COMMIT.match(str(source["commit"])):
            problems.append(f"{where}: commit {source['commit']!r} is not a full 40-hex sha")
        if "url" in source and not str(source["url"]).startswith("https://"):
            problems.append(f"{where}: url {source['url']!r} is not https")
    return problems


def status_rule_problems(sources: dict[str, Any]) -> list[str]:
    problems = []
    for name in _sources.RULE_MODULES:
        module = importlib.import_module(f"oktakit.testing.{name}")
        rules = getattr(module, "STATUS_RULES", None)
        if not rules:
            problems.append(f"simulator {name}: no STATUS_RULES table")
            continue
        for rule, evidence in rules.items():
            where = f"simulator {name} {rule}"
            if not evidence:
                problems.append(f"{where}: no source")
            for item in evidence:
                entry = {"fact": "rule", "kind": item.kind, "source": item.source, "note": item.note}
                problems += _entry_problems(where, entry, {"rule"}, sources)
    return problems


def test_every_source_is_a_url_a_pinned_repository_file_or_a_recorded_answer() -> None:
    assert [] == registry_problems(SOURCES)


def test_every_recorded_source_is_a_file_of_the_recorded_answers() -> None:
    extracted = {i["cassette"] for i in okta_reference("okta-recorded-responses.json")["interactions"]}
    missing = [
        s["recorded"]
        for s in SOURCES.values()
        if "recorded" in s and s["recorded"].removesuffix(".yaml") not in extracted
    ]
    assert [] == missing


def test_every_fact_of_every_operation_has_a_source() -> None:
    assert [] == spec_problems(SPEC, SOURCES)


def test_every_console_label_resource_and_standard_role_claim_has_a_source() -> None:
    assert [] == catalogue_problems(CATALOGUE, SOURCES)


def test_every_bucket_and_its_defaults_per_edition_have_a_source() -> None:
    assert [] == rate_limit_problems(RATE_LIMITS, SOURCES)


def test_every_status_rule_of_the_simulator_has_a_source() -> None:
    assert [] == status_rule_problems(SOURCES)


def test_each_lifecycle_operation_of_the_simulator_has_its_status_rule_cited() -> None:
    from oktakit.testing import _lifecycle

    operations = {
        name
        for name, function in inspect.getmembers(_lifecycle, inspect.isfunction)
        if function.__module__ == _lifecycle.__name__ and not name.startswith("_") and name != "link_names"
    }
    assert {
        "activate",
        "deactivate",
        "reactivate",
        "suspend",
        "unsuspend",
        "unlock",
        "reset_factors",
    } == operations
    assert operations <= set(_lifecycle.STATUS_RULES)


def test_every_source_is_cited() -> None:
    cited = set()
    for item in SPEC["paths"].values():
        for method, op in item.items():
            if method != "parameters":
                cited |= {entry["source"] for entry in op["x-oktakit-sources"]}
    for section in ("permissions", "resources", "standard_roles"):
        cited |= {e["source"] for data in CATALOGUE[section].values() for e in data["sources"]}
    for bucket in RATE_LIMITS["buckets"].values():
        cited |= {e["source"] for e in bucket["sources"]}
    for section in ("matching", "concurrency", "client_share"):
        cited |= {e["source"] for e in RATE_LIMITS[section]["sources"]}
    for name in _sources.RULE_MODULES:
        rules = importlib.import_module(f"oktakit.testing.{name}").STATUS_RULES
        cited |= {item.source for evidence in rules.values() for item in evidence}
    assert set(SOURCES) - cited == set()


# --- the checks catch what they are for ------------------------------------------------------
def test_a_fact_without_a_source_is_reported() -> None:
    spec = copy.deepcopy(SPEC)
    op = spec["paths"]["/api/v1/users/{id}/lifecycle/suspend"]["post"]
    op["x-oktakit-sources"] = [e for e in op["x-oktakit-sources"] if e["fact"] != "rate-limit"]
    assert [
        "openapi.yaml POST /api/v1/users/{id}/lifecycle/suspend (suspendUser): rate-limit has no source"
    ] == (spec_problems(spec, SOURCES))


def test_an_unknown_source_an_unexplained_inference_and_an_unpinned_file_are_reported() -> None:
    catalogue = copy.deepcopy(CATALOGUE)
    catalogue["standard_roles"]["ORG_ADMIN"]["permissions"].append("okta.iam.read")
    catalogue["permissions"]["okta.users.read"]["sources"][0] = {
        "fact": "console",
        "kind": "inferred",
        "source": "nowhere",
    }
    sources = copy.deepcopy(SOURCES)
    del sources["tf-rate-limit-lines"]["commit"]
    problems = catalogue_problems(catalogue, sources) + registry_problems(sources)
    assert "permissions.yaml role ORG_ADMIN: okta.iam.read has no source" in problems
    assert "permissions.yaml okta.users.read: unknown source 'nowhere'" in problems
    assert (
        "permissions.yaml okta.users.read: an inferred console says in a note what was inferred" in problems
    )
    assert "sources.yaml tf-rate-limit-lines: a repository file needs repo, path and commit" in problems

"""The facts in tests/reference/ are what tools/extract_reference.py makes from Okta's files.

Tests compare our spec, client and simulator with these extracts, never with a folder outside the
repository. Checked here on every clone: each extract names its sources and licence, holds what
it was made for, and was made for what our spec and the script ask for now. Where the copies of
Okta's files are at hand ($OKTAKIT_REFERENCE_DIR, else shared/reference/ beside the clone, as in
CI): they are the files the extracts record (SHA-256), and a fresh extract is byte-identical.
Only that last check skips elsewhere, and says so.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import REFERENCE, okta_reference

ROOT = Path(__file__).resolve().parents[2]
OURS = yaml.safe_load((ROOT / "okta_spec" / "openapi.yaml").read_text(encoding="utf-8"))
EXTRACTS = [
    "okta-error-codes.json",
    "okta-management-openapi.json",
    "okta-oauth2-error-codes.json",
    "okta-recorded-responses.json",
]
HEX = {"commit": 40, "git_blob": 40, "sha256": 64}


def _script() -> ModuleType:
    path = ROOT / "tools" / "extract_reference.py"
    spec = importlib.util.spec_from_file_location("extract_reference", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
METHODS = SCRIPT.HTTP_METHODS


def _source(name: str) -> dict[str, Any]:
    data = okta_reference(name)
    record: dict[str, Any] = (data["x-oktakit-extract"] if "openapi" in data else data)["source"]
    return record


def test_the_folder_holds_the_extracts_their_source_record_and_licence() -> None:
    assert sorted([*EXTRACTS, "LICENSE", "SOURCE.md"]) == sorted(p.name for p in REFERENCE.iterdir())
    assert "Apache License" in (REFERENCE / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXTRACTS)
def test_every_extract_names_its_upstream_files_commit_digests_and_licence(name: str) -> None:
    record = _source(name)
    assert record["repository"].startswith("https://github.com/okta/")
    assert ("Apache-2.0", "Okta, Inc.") == (record["license"], record["copyright"])
    digests = [(key, entry[key]) for entry in record["files"] for key in ("git_blob", "sha256")]
    for key, value in [("commit", record["commit"]), *digests]:
        assert re.fullmatch(f"[0-9a-f]{{{HEX[key]}}}", value), (key, value)
    # The human-readable record says the same.
    source_md = (REFERENCE / "SOURCE.md").read_text(encoding="utf-8")
    assert record["commit"] in source_md
    if len(record["files"]) == 1:
        assert all(value in source_md for _, value in digests)


def test_the_spec_extract_was_made_for_our_spec_s_operations_schemas_and_scopes() -> None:
    made_for = okta_reference("okta-management-openapi.json")["x-oktakit-extract"]["selection"]
    assert SCRIPT.selection(OURS) == made_for, "our spec changed: run tools/extract_reference.py"


def test_the_spec_extract_holds_every_operation_it_was_made_for_and_all_they_refer_to() -> None:
    spec = okta_reference("okta-management-openapi.json")
    kept = {op["operationId"] for item in spec["paths"].values() for m, op in item.items() if m in METHODS}
    assert set(spec["x-oktakit-extract"]["selection"]["operations"]) == kept
    for ref in SCRIPT.references(spec):
        _, _, kind, name = ref.split("/")
        assert name in spec["components"][kind], f"{ref} does not resolve in the extract"


def test_the_recorded_extract_was_made_for_our_spec_s_operations() -> None:
    recorded = okta_reference("okta-recorded-responses.json")
    routes = sorted({f"{method} {path}" for _, method, path in SCRIPT.our_operations(OURS)})
    assert routes == recorded["operations"], "our spec changed: run tools/extract_reference.py"


@pytest.mark.parametrize(
    ("name", "key", "codes"),
    [
        ("okta-error-codes.json", "errorCode", SCRIPT.API_ERROR_CODES),
        ("okta-oauth2-error-codes.json", "internalErrorCode", SCRIPT.OAUTH_ERROR_CODES),
    ],
)
def test_a_catalogue_extract_holds_exactly_the_codes_the_script_lists(
    name: str, key: str, codes: tuple[str, ...]
) -> None:
    assert sorted(codes) == [entry[key] for entry in okta_reference(name)["errors"]]


def test_a_fresh_extract_from_okta_s_files_is_byte_identical() -> None:
    reference = SCRIPT.default_reference()
    if not (reference / "okta-management-openapi.yaml").is_file():
        pytest.skip(
            f"no copy of Okta's published files at {reference} (set OKTAKIT_REFERENCE_DIR): only "
            "this check of tests/reference/ against them is skipped"
        )
    for name in EXTRACTS:
        record = _source(name)
        folder = reference / "recorded" if name == "okta-recorded-responses.json" else reference
        for entry in record["files"]:
            digest = hashlib.sha256((folder / entry["file"]).read_bytes()).hexdigest()
            assert entry["sha256"] == digest, (
                f"{folder / entry['file']} is not the file {name} was made from: update SOURCES in "
                "tools/extract_reference.py and tests/reference/SOURCE.md, then run the script"
            )
    fresh = SCRIPT.extract(reference)
    assert sorted(EXTRACTS) == sorted(fresh)
    stale = [name for name in EXTRACTS if (REFERENCE / name).read_bytes() != fresh[name]]
    assert not stale, f"{stale} differ from a fresh extract: run tools/extract_reference.py"


def test_the_spec_extract_keeps_the_endpoints_the_simulator_serves_for_okta_sdk_python() -> None:
    from oktakit.testing._peer import ROUTES

    assert sorted(name for *_, name, _ in ROUTES) == sorted(SCRIPT.PEER_OPERATIONS)

"""Extract from Okta's published material the facts our tests compare with, into tests/reference/.

    python tools/extract_reference.py [--reference DIR]          # rewrite tests/reference/*.json
    python tools/extract_reference.py [--reference DIR] --check  # exit 1 if they are not current

DIR holds unmodified copies of Okta's files (default: ``$OKTAKIT_REFERENCE_DIR``, else
``shared/reference/`` beside the repository clone). From them we keep only what the tests need:

- ``okta-management-openapi.json``: from Okta's Management API spec, the operations our spec has
  (by operationId) and the upstream schemas our schemas name (``x-upstream``, namesakes, a few
  more the simulator tests validate against), with every component they refer to, transitively;
  the OAuth scopes we declare. Documentation keywords (descriptions, summaries, titles, examples,
  tags) are left out: no test reads prose.
- ``okta-error-codes.json``, ``okta-oauth2-error-codes.json``: the catalogue entries of the codes
  listed below, with the fields the tests read (status, code, summary or description).
- ``okta-recorded-responses.json``: the recorded interactions (okta-sdk-python's cassettes) whose
  method and path are an operation of our spec, and every recorded error; the request's method,
  URI and body, and the response's status, the headers an SDK reads, and body.

Every file names its sources (repository, path, commit, git blob id, SHA-256, licence). The output
is deterministic (upstream order for the spec, sorted elsewhere), so a rerun on the same inputs
writes the same bytes; tests/spec/test_reference_extract.py checks that, and that the selection still
matches our spec. Rerun after changing okta_spec/openapi.yaml's operations, x-upstream names or
scopes, or the code lists here, and after updating the copies (then update SOURCES).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "reference"
OUR_SPEC = ROOT / "okta_spec" / "openapi.yaml"
# The registry of the spec's sources: the recorded answers it cites are evidence, kept whole.
OUR_SOURCES = ROOT / "okta_spec" / "sources.yaml"

_SPEC_REPO = {
    "repository": "https://github.com/okta/okta-management-openapi-spec",
    "commit": "fdda229e82940cf5af4611ad673ca6a27974e31b",
}
_DOCS_REPO = {
    "repository": "https://github.com/okta/okta-developer-docs",
    "commit": "468de9c511b5e4009bb5f06c25cbf4b85fecb8d0",
}
_DOCS_DATA = "packages/@okta/vuepress-site/data/"
# The upstream file each of our copies is, by its name in the reference folder.
SOURCES = {
    "okta-management-openapi.yaml": {**_SPEC_REPO, "path": "dist/current/management-minimal.yaml"},
    "okta-error-codes.json": {**_DOCS_REPO, "path": _DOCS_DATA + "error-codes.json"},
    "okta-oauth2-error-codes.json": {**_DOCS_REPO, "path": _DOCS_DATA + "oauth2-error-codes.json"},
    "recorded": {
        "repository": "https://github.com/okta/okta-sdk-python",
        "commit": "f68509793adefde945ab53ff38f83fab578e3966",
        "path": "tests/integration/cassettes/",
    },
}
LICENCE = {"license": "Apache-2.0", "copyright": "Okta, Inc."}

# Operations outside our spec that the simulator serves for okta-sdk-python's own tests
# (oktakit.testing._peer); their upstream shapes are kept so the simulator is held to them too.
PEER_OPERATIONS = (
    "addGroup", "assignGroupTargetToGroupAdminRole", "assignGroupTargetToUserRole",
    "assignRoleToGroup", "assignRoleToUser", "changePassword", "changeRecoveryQuestion",
    "deleteGroup", "forgotPasswordSetNewPassword", "getGroup", "listAppLinks",
    "listGroupAssignedRoles", "listGroupTargetsForGroupRole", "listGroupTargetsForRole",
    "listUserIdentityProviders", "replaceGroup", "unassignGroupTargetFromGroupAdminRole",
    "unassignGroupTargetFromUserAdminRole", "unassignRoleFromGroup", "unassignRoleFromUser",
)  # fmt: skip
# Upstream schemas the simulator tests validate against although no x-upstream names them.
EXTRA_SCHEMAS = {"UserBlock": "tests/simulator/test_upstream_fidelity.py checks getUser's expand=blocks"}
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords of prose and samples; never dropped where a key is a name (a property "description").
DOCUMENTATION = frozenset(
    {"description", "summary", "title", "example", "examples", "externalDocs", "tags", "x-enumDescriptions"}
)
# Keys whose value maps names (properties, status codes, media types...) to objects.
NAME_MAPS = frozenset(
    {
        "properties", "paths", "schemas", "parameters", "responses", "requestBodies", "headers",
        "securitySchemes", "scopes", "content", "mapping", "variables", "links", "callbacks",
        "encoding", "flows",
    }
)  # fmt: skip

# The catalogue entries the tests read: every code the simulator answers with, and those the
# tests name themselves. A code missing here fails its test with a pointer to this list.
API_ERROR_CODES = (
    "E0000001", "E0000003", "E0000006", "E0000007", "E0000008", "E0000009", "E0000010",
    "E0000011", "E0000014", "E0000016", "E0000022", "E0000030", "E0000031", "E0000032",
    "E0000033", "E0000034", "E0000036", "E0000038", "E0000047", "E0000053", "E0000060", "E0000087",
    "E0000090", "E0000091", "E0000093", "E0000112", "E0000124", "E0000125", "E0000211",
)  # fmt: skip
OAUTH_ERROR_CODES = (
    "access_token_insufficient_scopes", "access_token_not_dpop_bound", "access_token_revoked",
    "client_assertion_already_used", "client_assertion_expiration_required",
    "client_assertion_expired_token", "client_assertion_expires_too_far_in_future",
    "client_assertion_invalid_audience", "client_assertion_invalid_issuer",
    "client_assertion_invalid_jwks", "client_assertion_invalid_jwt",
    "client_assertion_invalid_key_use", "client_assertion_invalid_kid",
    "client_assertion_invalid_signature", "client_assertion_invalid_signature_algorithm",
    "client_assertion_invalid_subject", "client_assertion_issued_at_in_future",
    "client_assertion_jwks_not_configured", "client_assertion_type_invalid",
    "client_credentials_in_query", "dpop_authentication_scheme_required", "dpop_proof_already_used",
    "dpop_proof_invalid_ath", "dpop_proof_required_for_token", "duplicate_oauth_params",
    "invalid_access_token_dpop_binding", "invalid_client_id", "invalid_dpop_proof",
    "invalid_dpop_proof_invalid_htm", "invalid_dpop_proof_invalid_htu",
    "invalid_dpop_proof_invalid_iat", "invalid_dpop_proof_invalid_jti",
    "invalid_dpop_proof_invalid_jwt", "invalid_dpop_proof_invalid_signature",
    "invalid_dpop_proof_invalid_signature_algorithm", "invalid_dpop_proof_invalid_type",
    "invalid_dpop_proof_jwt_expired", "invalid_dpop_proof_jwt_issued_in_future",
    "invalid_dpop_proof_jwt_too_old", "invalid_dpop_proof_missing_header",
    "invalid_dpop_proof_multiple_headers_not_allowed", "invalid_request", "invalid_scope",
    "jwks_uri_ambiguous_keys", "jwks_uri_error", "jwks_uri_no_key", "missing_scopes",
    "missing_token_request_parameter", "multiple_client_credentials",
    "openid_not_allowed_client_creds", "token_expired", "token_request_missing_grant_type",
    "unsupported_auth_method_client_creds", "unsupported_grant_type", "use_dpop_nonce",
)  # fmt: skip
API_FIELDS = ("errorCode", "errorSummary", "statusCode")
OAUTH_FIELDS = ("errorCode", "errorDescription", "internalErrorCode", "statusCode")
# Response headers an SDK reads; the rest (cookies, CSP, caching) carry no fact we test.
RECORDED_HEADERS = frozenset(
    {
        "content-type", "date", "dpop-nonce", "link", "retry-after", "www-authenticate",
        "x-okta-request-id", "x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
    }
)  # fmt: skip


def default_reference() -> Path:
    return Path(os.environ.get("OKTAKIT_REFERENCE_DIR") or ROOT.parent / "shared" / "reference")


def load_yaml(text: str) -> Any:
    # libyaml parses the 3.4 MB upstream spec in ~1.5 s, the pure-Python loader in ~25 s.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python


def source(name: str, *files: Path) -> dict[str, Any]:
    """Where ``name`` came from, with the git blob id and SHA-256 of each file read."""
    record: dict[str, Any] = {**SOURCES[name], **LICENCE}
    digests = []
    for path in files:
        data = path.read_bytes()
        blob = hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
        digests.append({"file": path.name, "git_blob": blob, "sha256": hashlib.sha256(data).hexdigest()})
    record["files"] = digests
    return record


def dump(data: Any, *, sort_keys: bool) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=sort_keys) + "\n").encode()


# --- the Management API spec --------------------------------------------------------------------


def our_operations(our_spec: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(operationId, METHOD, path template) of every operation of our spec."""
    for path, item in our_spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield item[method]["operationId"], method.upper(), path


def selection(our_spec: dict[str, Any]) -> dict[str, Any]:
    """What the spec extract is made for: our operationIds, the upstream schemas our schemas
    name (x-upstream, namesakes; those upstream has are kept) and our OAuth scopes."""
    ours = our_spec["components"]["schemas"]
    named = {n.partition(".")[0] for schema in ours.values() for n in schema.get("x-upstream", [])}
    scopes = our_spec["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]["scopes"]
    return {
        "operations": sorted(
            {operation_id for operation_id, _, _ in our_operations(our_spec)} | set(PEER_OPERATIONS)
        ),
        "schemas": sorted(named | set(ours) | set(EXTRA_SCHEMAS)),
        "scopes": sorted(scopes),
    }


def strip(node: Any, names: bool = False) -> Any:
    """``node`` without documentation keywords; ``names``: its keys are names, keep them all."""
    if isinstance(node, dict):
        return {
            key: strip(value, key in NAME_MAPS and not names)
            for key, value in node.items()
            if names or key not in DOCUMENTATION
        }
    if isinstance(node, list):
        return [strip(value) for value in node]
    return node


def references(node: Any) -> Iterator[str]:
    """Every local reference under ``node``: ``$ref`` values and discriminator mappings."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            elif key == "mapping" and isinstance(value, dict):
                yield from (target for target in value.values() if isinstance(target, str))
            else:
                yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def extract_spec(
    upstream: dict[str, Any], our_spec: dict[str, Any], record: dict[str, Any]
) -> dict[str, Any]:
    kept = selection(our_spec)
    wanted = set(kept["operations"])
    paths = {}
    for path, item in upstream["paths"].items():
        operations = {m for m in HTTP_METHODS if item.get(m, {}).get("operationId") in wanted}
        if operations:
            paths[path] = strip({k: v for k, v in item.items() if k not in HTTP_METHODS or k in operations})
    # Every component reachable from the kept operations and root schemas.
    found: dict[str, dict[str, Any]] = {}
    schemas = upstream["components"]["schemas"]
    pending = [*references(paths), *(f"#/components/schemas/{n}" for n in kept["schemas"] if n in schemas)]
    while pending:
        _, _, kind, name = pending.pop().split("/")
        if name not in found.setdefault(kind, {}):
            found[kind][name] = strip(upstream["components"][kind][name])
            pending += references(found[kind][name])
    schemes = strip(upstream["components"]["securitySchemes"])
    for flow in schemes["oauth2"]["flows"].values():
        flow["scopes"] = {k: v for k, v in flow.get("scopes", {}).items() if k in kept["scopes"]}
    found["securitySchemes"] = schemes
    components = {
        kind: {name: found[kind][name] for name in members if name in found[kind]}
        for kind, members in upstream["components"].items()
        if kind in found
    }
    return {
        "openapi": upstream["openapi"],
        "info": {key: upstream["info"][key] for key in ("title", "version", "license")},
        "x-oktakit-extract": {
            "made_by": "tools/extract_reference.py",
            "source": record,
            "selection": kept,
            "left_out": sorted(DOCUMENTATION),
        },
        "servers": strip(upstream["servers"]),
        "paths": paths,
        "components": components,
    }


# --- the error catalogues -----------------------------------------------------------------------


def extract_catalogue(
    data: dict[str, Any], key: str, codes: Iterable[str], fields: Iterable[str], record: dict[str, Any]
) -> dict[str, Any]:
    entries = {entry[key]: entry for entry in data["errors"]}
    missing = sorted(set(codes) - entries.keys())
    if missing:
        raise SystemExit(f"the catalogue has no entry for {missing}")
    return {
        "made_by": "tools/extract_reference.py",
        "source": record,
        "release": data["release"],
        "build": data["build"],
        "errors": [{f: entries[code][f] for f in fields if f in entries[code]} for code in sorted(codes)],
    }


# --- the recorded responses ---------------------------------------------------------------------


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)))


def cited_cassettes(sources: dict[str, Any]) -> set[str]:
    """The recorded answer files (``folder/name`` without ``.yaml``) that okta_spec cites."""
    return {entry["recorded"].removesuffix(".yaml") for entry in sources.values() if "recorded" in entry}


def extract_recorded(
    folder: Path, our_spec: dict[str, Any], record: dict[str, Any], cited: set[str]
) -> dict[str, Any]:
    routes = sorted({(method, template) for _, method, template in our_operations(our_spec)})
    patterns = [(method, _pattern(template)) for method, template in routes]
    interactions = []
    for path in sorted(folder.glob("*/*.yaml")):
        cassette = load_yaml(path.read_text(encoding="utf-8"))
        whole = f"{path.parent.name}/{path.stem}" in cited
        for index, interaction in enumerate(cassette["interactions"]):
            request, response = interaction["request"], interaction["response"]
            url_path = urlsplit(request["uri"]).path
            ours = any(m == request["method"] and p.fullmatch(url_path) for m, p in patterns)
            if not ours and not whole and response["status"]["code"] < 400:
                continue
            headers = {
                name: [str(v) for v in (value if isinstance(value, list) else [value])]
                for name, value in (response.get("headers") or {}).items()
                if name.lower() in RECORDED_HEADERS
            }
            interactions.append(
                {
                    "cassette": f"{path.parent.name}/{path.stem}",
                    "index": index,
                    "request": {k: request.get(k) for k in ("method", "uri", "body")},
                    "response": {
                        "status": response["status"]["code"],
                        "headers": headers,
                        "body": (response.get("body") or {}).get("string") or "",
                    },
                }
            )
    return {
        "made_by": "tools/extract_reference.py",
        "source": record,
        "kept": (
            "interactions of the operations below, every error, and every interaction of the"
            " cassettes okta_spec/sources.yaml cites; headers an SDK reads"
        ),
        "operations": [f"{method} {template}" for method, template in routes],
        "interactions": interactions,
    }


# --- all of it ----------------------------------------------------------------------------------


def extract(reference: Path, our_spec_path: Path = OUR_SPEC) -> dict[str, bytes]:
    """{file name in tests/reference/: content} made from the copies in ``reference``."""
    our_spec = load_yaml(our_spec_path.read_text(encoding="utf-8"))
    spec_path = reference / "okta-management-openapi.yaml"
    upstream = load_yaml(spec_path.read_text(encoding="utf-8"))
    files = {
        "okta-management-openapi.json": dump(
            extract_spec(upstream, our_spec, source(spec_path.name, spec_path)), sort_keys=False
        )
    }
    catalogues = [
        ("okta-error-codes.json", "errorCode", API_ERROR_CODES, API_FIELDS),
        ("okta-oauth2-error-codes.json", "internalErrorCode", OAUTH_ERROR_CODES, OAUTH_FIELDS),
    ]
    for name, key, codes, fields in catalogues:
        data = json.loads((reference / name).read_text(encoding="utf-8"))
        files[name] = dump(
            extract_catalogue(data, key, codes, fields, source(name, reference / name)), sort_keys=True
        )
    cited = cited_cassettes(load_yaml(OUR_SOURCES.read_text(encoding="utf-8"))["sources"])
    cassettes = sorted((reference / "recorded").glob("*/*.yaml"))
    record = source("recorded", *cassettes)
    for digest, path in zip(record["files"], cassettes, strict=True):
        digest["file"] = path.relative_to(reference / "recorded").as_posix()
    files["okta-recorded-responses.json"] = dump(
        extract_recorded(reference / "recorded", our_spec, record, cited), sort_keys=True
    )
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=default_reference(), help="Okta's files")
    parser.add_argument("--check", action="store_true", help="only report whether the extract is current")
    args = parser.parse_args(argv)
    if not (args.reference / "okta-management-openapi.yaml").is_file():
        print(f"no copy of Okta's published files in {args.reference}", file=sys.stderr)
        return 2
    stale = []
    for name, content in extract(args.reference).items():
        target = OUT / name
        if target.is_file() and target.read_bytes() == content:
            continue
        stale.append(name)
        if not args.check:
            target.write_bytes(content)
    verb = "differ from a fresh extract" if args.check else "written"
    print(f"{', '.join(stale)}: {verb}" if stale else "tests/reference/ is current")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

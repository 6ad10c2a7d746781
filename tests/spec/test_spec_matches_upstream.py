"""Our trimmed spec (okta_spec/openapi.yaml) says what Okta's published Management API spec says.

The upstream spec is the part of it our spec is compared with (our operations and the schemas
ours name, with all they refer to), extracted into ``tests/reference/okta-management-openapi.json``
by tools/extract_reference.py (see ``tests/reference/SOURCE.md``).

What we check, operation by operation: the operationId, method and path exist upstream; the
parameters (name, location, required, schema type/format/default/enum), response codes, media
types and body schemas, OAuth scopes agree; and every operation carries well-formed admin-role
permissions. Schema by schema: every property we keep exists in the upstream schema(s) named by
``x-upstream`` with the same shape (type, format, enum values, nullability, readOnly/writeOnly,
array items, the upstream schema it refers to); our standalone enums equal upstream's; every
``$ref`` resolves and nothing in ``components`` is dead.

Deliberate simplifications that these checks accept (see the spec's header comment):
- ``Authenticator``, ``GroupProfile``, ``RoleAssignment`` and ``UserLinks`` flatten upstream's
  discriminator/anyOf/oneOf/allOf into one object: each property must match every upstream
  variant that has it.
- ``getUser`` answers ``User`` where upstream says ``UserGetSingleton`` (``allOf: [User, ...]``).
- Lifecycle ``200`` responses have ``content: {}`` (as upstream).
- We may drop upstream properties (unknown fields round-trip as additional properties) and
  optional parameters listed in ALLOWED_OMITTED_PARAMETERS, and may add nullability, readOnly or
  a format where upstream sets none; anything else that differs fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import okta_reference

REPO = Path(__file__).resolve().parents[2]
OUR_SPEC_PATH = REPO / "okta_spec" / "openapi.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Optional upstream parameters that we deliberately do not expose, as
# {operationId: {(name, location): reason}}. Empty: every operation has all of upstream's
# parameters. Required upstream parameters can never be omitted.
ALLOWED_OMITTED_PARAMETERS: dict[str, dict[tuple[str, str], str]] = {}

# Component schemas without `x-upstream` and without an upstream namesake, and how each is
# still held to upstream. Anything else in components must be one of those two kinds.
SCHEMAS_CHECKED_THROUGH_A_PROPERTY = {
    # Upstream declares these inline; we name them so the generator makes one class of each.
    "UserTransitioningToStatus": "the inline enum of upstream User.transitioningToStatus",
    "UserTypeRef": "the inline object of upstream User.type and UpdateUserRequest.type",
    "PermissionConditionAttributes": "the inline map of PermissionConditions.include/exclude",
    "LogDetailEntry": "the inline map of upstream LogActor.detailEntry and LogTarget.detailEntry",
    "LogDebugData": "the inline map of upstream LogDebugContext.debugData",
    "LogTransactionDetail": "the inline map of upstream LogTransaction.detail",
    "LogTargetChangeDetails": "the inline object of upstream LogTarget.changeDetails",
}

# Our standalone enums that upstream only has inline: the upstream "Schema.property" to
# compare their values with.
INLINE_UPSTREAM_ENUMS = {"UserTransitioningToStatus": "User.transitioningToStatus"}


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader) if yaml.__with_libyaml__ else yaml.safe_load(text)


OURS = _load(OUR_SPEC_PATH)


@pytest.fixture(scope="module")
def upstream() -> dict[str, Any]:
    spec: dict[str, Any] = okta_reference("okta-management-openapi.json")
    return spec


# --- spec navigation ---------------------------------------------------------------------------


def lookup(spec: dict[str, Any], ref: str) -> Any:
    """The node a local JSON reference (``#/a/b``) points at; KeyError if there is none."""
    if not ref.startswith("#/"):
        raise KeyError(f"not a local reference: {ref}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow a chain of ``$ref``s to the node it ends at."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        if node["$ref"] in seen:
            raise ValueError(f"$ref cycle through {node['$ref']}")
        seen.add(node["$ref"])
        node = lookup(spec, node["$ref"])
    return node


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    path_item: dict[str, Any]
    op: dict[str, Any]


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                yield Operation(op.get("operationId", f"{method} {path}"), method, path, item, op)


OUR_OPERATIONS = {o.operation_id: o for o in operations(OURS)}
OUR_SCHEMAS: dict[str, Any] = OURS["components"]["schemas"]
OUR_ENUMS = sorted(name for name, schema in OUR_SCHEMAS.items() if "enum" in schema)
SCHEMAS_WITH_UPSTREAM = sorted(name for name, s in OUR_SCHEMAS.items() if "x-upstream" in s)

by_operation = pytest.mark.parametrize("operation_id", sorted(OUR_OPERATIONS))


@pytest.fixture(scope="module")
def upstream_operations(upstream: dict[str, Any]) -> dict[str, Operation]:
    return {o.operation_id: o for o in operations(upstream)}


@pytest.fixture
def pair(operation_id: str, upstream_operations: dict[str, Operation]) -> tuple[Operation, Operation]:
    """Our operation and upstream's namesake."""
    if operation_id not in upstream_operations:
        pytest.skip(f"upstream has no {operation_id}: test_operation_exists_upstream_* reports it")
    return OUR_OPERATIONS[operation_id], upstream_operations[operation_id]


# --- schema shapes -----------------------------------------------------------------------------


def _parts(spec: dict[str, Any], node: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """A schema, the targets of its ``$ref`` chain and, recursively, its ``allOf`` members
    (all of which apply at once), plus the names of the component schemas passed through."""
    parts: list[dict[str, Any]] = []
    names: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, dict):
            continue
        parts.append(current)
        if "$ref" in current:
            if ref_name(current["$ref"]) in names:
                continue
            names.append(ref_name(current["$ref"]))
            stack.append(lookup(spec, current["$ref"]))
        stack.extend(reversed(current.get("allOf", [])))
    return parts, names


def _alternatives(parts: list[dict[str, Any]]) -> list[Any]:
    return [member for part in parts for key in ("anyOf", "oneOf") for member in part.get(key, [])]


@dataclass(frozen=True)
class Shape:
    type: str | None  # None: unconstrained
    format: str | None
    enum: frozenset[Any] | None  # without None, which we add to mark nullability
    nullable: bool
    read_only: bool
    write_only: bool
    items: Shape | None
    components: frozenset[str]  # component schemas it is made of (through $ref/allOf/anyOf/oneOf)
    x_upstream: frozenset[str]  # our side: the x-upstream names of those components


def shape(spec: dict[str, Any], node: Any, depth: int = 1) -> Shape:
    """What matters about a schema for compatibility, resolving ``$ref`` and ``allOf``.
    Array items are described ``depth`` levels deep."""
    parts, names = _parts(spec, node)
    alternatives = [shape(spec, member, depth=0) for member in _alternatives(parts)]
    types = {part["type"] for part in parts if "type" in part}
    if types:
        type_ = "|".join(sorted(types))
    elif any("properties" in part or "additionalProperties" in part for part in parts):
        type_ = "object"
    elif alternatives and len({alt.type for alt in alternatives}) == 1:
        type_ = alternatives[0].type
    else:
        type_ = None
    enums = [part["enum"] for part in parts if "enum" in part]
    items = next((part["items"] for part in parts if "items" in part), None)
    components = frozenset(names).union(*(alt.components for alt in alternatives))
    return Shape(
        type=type_,
        format=next((part["format"] for part in parts if "format" in part), None),
        enum=frozenset(v for v in enums[0] if v is not None) if enums else None,
        nullable=any(part.get("nullable") for part in parts) or any(None in e for e in enums),
        read_only=any(part.get("readOnly") for part in parts),
        write_only=any(part.get("writeOnly") for part in parts),
        items=shape(spec, items, depth - 1) if items is not None and depth > 0 else None,
        components=components,
        x_upstream=frozenset(
            name for c in components for name in spec["components"]["schemas"][c].get("x-upstream", [])
        ),
    )


def _enum_text(values: frozenset[Any] | None) -> str:
    return "no enum" if values is None else "[" + ", ".join(sorted(map(str, values))) + "]"


def shape_problems(label: str, ours: Shape, theirs: Shape, upstream_property: str = "") -> list[str]:
    """How our shape differs from upstream's, one message per difference."""
    problems = []
    if theirs.type is not None and ours.type != theirs.type:
        # Nothing else is comparable between, say, an array and an object.
        return [f"{label}: type is {ours.type} in ours, {theirs.type} upstream"]
    if theirs.format is not None and ours.format != theirs.format:
        problems.append(f"{label}: format is {ours.format} in ours, {theirs.format} upstream")
    if (ours.enum is not None or theirs.enum is not None) and ours.enum != theirs.enum:
        detail = f"ours {_enum_text(ours.enum)}, upstream {_enum_text(theirs.enum)}"
        if ours.enum is not None and theirs.enum is not None:
            only_ours, only_theirs = ours.enum - theirs.enum, theirs.enum - ours.enum
            detail += f" (only ours: {_enum_text(only_ours)}, only upstream: {_enum_text(only_theirs)})"
        problems.append(f"{label}: enum values differ: {detail}")
    if theirs.nullable and not ours.nullable:
        problems.append(f"{label}: nullable upstream but not in ours")
    if theirs.read_only and not ours.read_only:
        problems.append(f"{label}: readOnly upstream but not in ours")
    if theirs.write_only and not ours.write_only:
        problems.append(f"{label}: writeOnly upstream but not in ours")
    # The upstream schema(s) ours claims to follow must be what upstream refers to here.
    # A dotted name ("User._links") names this very property instead of a component.
    claimed = {name for name in ours.x_upstream if name != upstream_property}
    if claimed and not claimed <= theirs.components:
        problems.append(
            f"{label}: ours refers to a schema with x-upstream {sorted(claimed)}, upstream refers "
            f"to {sorted(theirs.components) or 'an inline schema'}"
        )
    if ours.items is not None and theirs.items is not None:
        problems += shape_problems(f"{label}[]", ours.items, theirs.items)
    return problems


def upstream_node(upstream: dict[str, Any], name: str) -> Any:
    """The upstream schema ``name``, or the definition of a property if ``name`` is dotted
    (``User._links``)."""
    owner, _, prop = name.partition(".")
    node = upstream["components"]["schemas"][owner]
    return properties_of(upstream, node)[prop][0][1] if prop else node


def properties_of(spec: dict[str, Any], node: Any, label: str = "") -> dict[str, list[tuple[str, Any]]]:
    """A schema's properties, merged over ``$ref`` and ``allOf`` chains and united over top-level
    ``anyOf``/``oneOf`` members: {name: [(owner label, definition), ...]}."""
    parts, _ = _parts(spec, node)
    found: dict[str, list[tuple[str, Any]]] = {}
    for part in parts:
        for prop, definition in part.get("properties", {}).items():
            found.setdefault(prop, []).append((label, definition))
    for member in _alternatives(parts):
        member_label = ref_name(member["$ref"]) if "$ref" in member else label
        for prop, definitions in properties_of(spec, member, member_label).items():
            found.setdefault(prop, []).extend(definitions)
    return found


def required_of(spec: dict[str, Any], node: Any) -> set[str]:
    parts, _ = _parts(spec, node)
    return {prop for part in parts for prop in part.get("required", [])}


def property_problems(
    upstream: dict[str, Any], label: str, ours: Any, definitions: list[tuple[str, Any]]
) -> list[str]:
    """Compare one of our properties with every upstream definition of it; recurse into our
    objects whose component has no x-upstream of its own (those are checked nowhere else)."""
    problems = []
    our_shape = shape(OURS, ours)
    prop = label.rsplit(".", 1)[-1]
    for owner, theirs in definitions:
        upstream_property = f"{owner}.{prop}"
        where = f"{label} (upstream {upstream_property})" if len(definitions) > 1 else label
        problems += shape_problems(where, our_shape, shape(upstream, theirs), upstream_property)
        if our_shape.type != "object" or our_shape.x_upstream:
            continue
        nested = properties_of(upstream, theirs, label=upstream_property)
        for name, our_definitions in properties_of(OURS, ours).items():
            if name in nested:
                problems += property_problems(
                    upstream, f"{label}.{name}", our_definitions[0][1], nested[name]
                )
            else:
                problems.append(f"{label}.{name}: not a property of upstream {upstream_property}")
    # allOf members may both define a property (User._links.self): say each difference once.
    return list(dict.fromkeys(problems))


# --- 1-4. operations agree with upstream -------------------------------------------------------


@by_operation
def test_operation_exists_upstream_with_the_same_method_and_path(
    operation_id: str, upstream_operations: dict[str, Operation]
) -> None:
    assert operation_id in upstream_operations, (
        f"{operation_id}: upstream has no operation with this operationId"
    )
    ours, theirs = OUR_OPERATIONS[operation_id], upstream_operations[operation_id]
    assert (theirs.method.upper(), theirs.path) == (ours.method.upper(), ours.path), (
        f"{operation_id}: ours is {ours.method.upper()} {ours.path}, "
        f"upstream is {theirs.method.upper()} {theirs.path}"
    )


def effective_parameters(spec: dict[str, Any], operation: Operation) -> dict[tuple[str, str], dict[str, Any]]:
    """Path-level then operation-level parameters, ``$ref``s resolved; later ones override."""
    params = {}
    for raw in [*operation.path_item.get("parameters", []), *operation.op.get("parameters", [])]:
        param = resolve(spec, raw)
        params[(param["name"], param["in"])] = param
    return params


def _parameter_schema(spec: dict[str, Any], param: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(spec, param.get("schema", {}))
    facets = {key: schema.get(key) for key in ("type", "format", "default")}
    facets["enum"] = sorted(map(str, schema["enum"])) if "enum" in schema else None
    return facets


@by_operation
def test_operation_has_upstreams_parameters_with_the_same_schema(
    pair: tuple[Operation, Operation], upstream: dict[str, Any]
) -> None:
    ours, theirs = pair
    our_params, their_params = effective_parameters(OURS, ours), effective_parameters(upstream, theirs)
    allowed = ALLOWED_OMITTED_PARAMETERS.get(ours.operation_id, {})
    problems = []
    for key in sorted(their_params.keys() - our_params.keys()):
        if their_params[key].get("required"):
            problems.append(f"required upstream parameter {key} is missing")
        elif key not in allowed:
            problems.append(
                f"optional upstream parameter {key} is missing (and not in ALLOWED_OMITTED_PARAMETERS)"
            )
    problems += [
        f"parameter {key} is not upstream" for key in sorted(our_params.keys() - their_params.keys())
    ]
    for key in sorted(our_params.keys() & their_params.keys()):
        our_required = bool(our_params[key].get("required"))
        their_required = bool(their_params[key].get("required"))
        if key[1] == "path" and not our_required:
            problems.append(f"path parameter {key} must be required")
        if our_required != their_required:
            problems.append(f"parameter {key}: required is {our_required} in ours, {their_required} upstream")
        our_schema, their_schema = (
            _parameter_schema(OURS, our_params[key]),
            _parameter_schema(upstream, their_params[key]),
        )
        for facet in our_schema:
            if our_schema[facet] != their_schema[facet]:
                problems.append(
                    f"parameter {key}: schema {facet} is {our_schema[facet]!r} in ours, "
                    f"{their_schema[facet]!r} upstream"
                )
    assert not problems, f"{ours.operation_id}:\n  " + "\n  ".join(problems)


@by_operation
def test_operation_has_upstreams_response_codes(pair: tuple[Operation, Operation]) -> None:
    ours, theirs = pair
    our_codes = sorted(map(str, ours.op["responses"]))
    their_codes = sorted(map(str, theirs.op["responses"]))
    assert their_codes == our_codes, (
        f"{ours.operation_id}: response codes {our_codes} in ours, {their_codes} upstream"
    )


def _bodies(spec: dict[str, Any], operation: Operation) -> dict[str, dict[str, Any]]:
    """{"request" or status code: {media type: schema}} of an operation."""
    bodies = {}
    if "requestBody" in operation.op:
        bodies["request"] = resolve(spec, operation.op["requestBody"]).get("content", {})
    for code, response in operation.op["responses"].items():
        bodies[str(code)] = resolve(spec, response).get("content", {})
    return bodies


@by_operation
def test_operation_bodies_have_upstreams_media_types_and_schemas(
    pair: tuple[Operation, Operation], upstream: dict[str, Any]
) -> None:
    ours, theirs = pair
    our_bodies, their_bodies = _bodies(OURS, ours), _bodies(upstream, theirs)
    problems = []
    if ("request" in our_bodies) != ("request" in their_bodies):
        problems.append(
            f"request body: {'only ours' if 'request' in our_bodies else 'only upstream'} has one"
        )
    for where in sorted(our_bodies.keys() & their_bodies.keys()):
        ours_content, their_content = our_bodies[where], their_bodies[where]
        if sorted(ours_content) != sorted(their_content):
            problems.append(
                f"{where}: media types {sorted(ours_content)} in ours, {sorted(their_content)} upstream"
            )
        for media_type in sorted(ours_content.keys() & their_content.keys()):
            our_shape = shape(OURS, ours_content[media_type].get("schema", {}))
            their_shape = shape(upstream, their_content[media_type].get("schema", {}))
            problems += shape_problems(f"{where} {media_type}", our_shape, their_shape)
    if "request" in our_bodies and "request" in their_bodies:
        our_required = bool(resolve(OURS, ours.op["requestBody"]).get("required"))
        their_required = bool(resolve(upstream, theirs.op["requestBody"]).get("required"))
        if our_required != their_required:
            problems.append(f"request body: required is {our_required} in ours, {their_required} upstream")
    assert not problems, f"{ours.operation_id}:\n  " + "\n  ".join(problems)


def _security(spec: dict[str, Any], operation: Operation) -> list[dict[str, list[str]]]:
    requirements = operation.op.get("security", spec.get("security", []))
    return sorted(
        ({scheme: sorted(scopes) for scheme, scopes in req.items()} for req in requirements), key=repr
    )


@by_operation
def test_operation_has_upstreams_security(
    pair: tuple[Operation, Operation], upstream: dict[str, Any]
) -> None:
    ours, theirs = pair
    our_security, their_security = _security(OURS, ours), _security(upstream, theirs)
    assert their_security == our_security, (
        f"{ours.operation_id}: security is {our_security} in ours, {their_security} upstream"
    )


def test_oauth_scopes_we_use_are_declared_here_and_upstream(upstream: dict[str, Any]) -> None:
    ours_declared = set(
        OURS["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]["scopes"]
    )
    upstream_declared = {
        scope
        for flow in upstream["components"]["securitySchemes"]["oauth2"]["flows"].values()
        for scope in flow.get("scopes", {})
    }
    used = {
        scope
        for o in OUR_OPERATIONS.values()
        for req in _security(OURS, o)
        for scope in req.get("oauth2", [])
    }
    assert not used - ours_declared, (
        f"scopes used but not declared in our securitySchemes: {sorted(used - ours_declared)}"
    )
    assert not ours_declared - upstream_declared, (
        f"scopes upstream does not know: {sorted(ours_declared - upstream_declared)}"
    )


# --- 5. admin-role permissions -----------------------------------------------------------------


def _permission_alternatives_problems(name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"{name} must be a non-empty list of alternatives, got {value!r}"]
    problems = []
    for alternative in value:
        if not isinstance(alternative, list):
            problems.append(f"{name}: alternative {alternative!r} is not a list")
            continue
        problems += [
            f"{name}: {permission!r} is not a string starting with 'okta.'"
            for permission in alternative
            if not (isinstance(permission, str) and permission.startswith("okta."))
        ]
    return problems


@by_operation
def test_operation_lists_well_formed_admin_role_permissions(operation_id: str) -> None:
    op = OUR_OPERATIONS[operation_id].op
    problems = [] if "x-okta-permissions" in op else ["x-okta-permissions is missing"]
    for extension in ("x-okta-permissions", "x-okta-credential-permissions"):
        if extension in op:
            problems += _permission_alternatives_problems(extension, op[extension])
    assert not problems, f"{operation_id}:\n  " + "\n  ".join(problems)


@by_operation
def test_operation_permissions_include_those_upstream_declares(pair: tuple[Operation, Operation]) -> None:
    # Upstream documents the permission of only a few operations (x-okta-iam-permissions).
    ours, theirs = pair
    ours_listed = {p for alternative in ours.op.get("x-okta-permissions", []) for p in alternative}
    missing = set(theirs.op.get("x-okta-iam-permissions", [])) - ours_listed
    assert not missing, (
        f"{ours.operation_id}: upstream's x-okta-iam-permissions {sorted(missing)} are not in ours"
    )


# --- 6. schemas with x-upstream ----------------------------------------------------------------


@pytest.mark.parametrize("schema_name", SCHEMAS_WITH_UPSTREAM)
def test_schema_properties_exist_upstream_with_the_same_shape(
    schema_name: str, upstream: dict[str, Any]
) -> None:
    ours = OUR_SCHEMAS[schema_name]
    names = ours["x-upstream"]
    upstream_schemas = upstream["components"]["schemas"]
    unknown = [n for n in names if n.partition(".")[0] not in upstream_schemas]
    assert not unknown, f"{schema_name}: x-upstream names schemas upstream does not have: {unknown}"
    # Each property maps to every upstream (owner, definition) found, since our flattened
    # object must fit them all.
    theirs: dict[str, list[tuple[str, Any]]] = {}
    for name in names:
        for prop, definitions in properties_of(upstream, upstream_node(upstream, name), name).items():
            theirs.setdefault(prop, []).extend(definitions)
    problems = []
    for prop, definitions in properties_of(OURS, ours).items():
        label = f"{schema_name}.{prop}"
        if prop not in theirs:
            problems.append(f"{label}: not a property of upstream {' or '.join(names)}")
        else:
            problems += property_problems(upstream, label, definitions[0][1], theirs[prop])
    for prop in sorted(required_of(OURS, ours) & theirs.keys()):
        optional_in = sorted(
            {
                owner
                for owner, _ in theirs[prop]
                if prop not in required_of(upstream, upstream_node(upstream, owner))
            }
        )
        # A result schema may make a field required that Okta's spec leaves optional when it
        # records the evidence (every documented and recorded response has it).
        if optional_in and not ours.get("x-oktakit-required-evidence"):
            problems.append(f"{schema_name}.{prop}: required in ours, optional in upstream {optional_in}")
    assert not problems, f"{schema_name} (x-upstream {names}):\n  " + "\n  ".join(problems)


# --- 7. references and dead components ---------------------------------------------------------


def _refs(node: Any, where: str = "#") -> Iterator[tuple[str, str]]:
    """Every ($ref, JSON pointer of the node holding it) under ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"], where
        for key, value in node.items():
            yield from _refs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, f"{where}/{index}")


def test_every_ref_in_our_spec_resolves() -> None:
    broken = []
    for ref, where in _refs(OURS):
        try:
            lookup(OURS, ref)
        except (KeyError, TypeError, IndexError):
            broken.append(f"{where}: {ref}")
    assert not broken, "unresolvable $refs:\n  " + "\n  ".join(broken)


def test_every_component_is_reachable_from_an_operation() -> None:
    reachable: set[str] = set()
    # Schemas the SDK parses with directly say so (and why) in x-oktakit-sdk-only.
    pending = [ref for ref, _ in _refs(OURS["paths"])] + [
        f"#/components/schemas/{name}"
        for name, schema in OUR_SCHEMAS.items()
        if "x-oktakit-sdk-only" in schema
    ]
    while pending:
        ref = pending.pop()
        if ref not in reachable:
            reachable.add(ref)
            pending += [nested for nested, _ in _refs(lookup(OURS, ref))]
    defined = {
        f"#/components/{kind}/{name}"
        for kind, members in OURS["components"].items()
        if kind != "securitySchemes"
        for name in members
    }
    dead = sorted(defined - reachable)
    assert not dead, "components no operation uses:\n  " + "\n  ".join(dead)


@pytest.mark.parametrize("schema_name", sorted(OUR_SCHEMAS))
def test_schema_is_held_to_an_upstream_schema(schema_name: str, upstream: dict[str, Any]) -> None:
    schema = OUR_SCHEMAS[schema_name]
    upstream_enum = "enum" in upstream["components"]["schemas"].get(schema_name, {})
    assert (
        "x-upstream" in schema
        or ("enum" in schema and upstream_enum)
        or schema_name in SCHEMAS_CHECKED_THROUGH_A_PROPERTY
    ), (
        f"{schema_name} is held to no upstream schema: give it x-upstream, name it after an upstream "
        "enum, or say in SCHEMAS_CHECKED_THROUGH_A_PROPERTY which upstream property checks it"
    )


# --- 8. standalone enums -----------------------------------------------------------------------


@pytest.mark.parametrize("enum_name", OUR_ENUMS)
def test_enum_has_upstreams_values(enum_name: str, upstream: dict[str, Any]) -> None:
    upstream_name = INLINE_UPSTREAM_ENUMS.get(enum_name, enum_name)
    assert upstream_name.partition(".")[0] in upstream["components"]["schemas"], (
        f"{enum_name}: upstream has no schema {upstream_name} (map it in INLINE_UPSTREAM_ENUMS)"
    )
    theirs = shape(upstream, upstream_node(upstream, upstream_name))
    problems = shape_problems(enum_name, shape(OURS, OUR_SCHEMAS[enum_name]), theirs)
    assert not problems, f"{enum_name} vs upstream {upstream_name}:\n  " + "\n  ".join(problems)

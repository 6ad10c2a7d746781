"""Every operation's arguments, fuzzed: only ``InvalidArgumentError`` before anything is sent, or a
request that carries exactly what was asked (path segments, query values, body, headers).

Where each argument goes comes from the spec (okta_spec/openapi.yaml), not from the client.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import pytest
import yaml
from hypothesis import event, example, given
from hypothesis import strategies as st

from oktakit import InvalidArgumentError, OktaClient, TransportError
from tests.client._support import Sent, run
from tests.hardening.conftest import NOT_SENT, Recorder
from tests.hardening.strategies import anything, clean_json, fuzz, hostile_text, json_values, per_operation

SPEC = Path(__file__).resolve().parents[2] / "okta_spec" / "openapi.yaml"


@functools.cache
def spec_operations() -> dict[str, dict[str, Any]]:
    """snake_case name -> {"path": template, "params": {wire name: location}} from the spec."""
    spec = yaml.safe_load(SPEC.read_text())
    shared = spec.get("components", {}).get("parameters", {})
    operations = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            params = {}
            for declared in item.get("parameters", []) + op.get("parameters", []):
                p = shared[declared["$ref"].rsplit("/", 1)[-1]] if "$ref" in declared else declared
                params[p["name"]] = p["in"]
            name = re.sub(r"(?<!^)(?=[A-Z])", "_", op["operationId"]).lower()
            operations[name] = {"path": path, "method": method.upper(), "params": params}
    return operations


def wire_name(argument: str) -> str:
    head, *rest = argument.split("_")
    return head + "".join(part.title() for part in rest)


def argument_values(method: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Arguments of the declared types (strings hostile or not), or the same with one of them
    replaced by anything at all."""
    parameters = list(inspect.signature(method).parameters.values())[1:]  # skip self
    declared = {p.name: typed(str(p.annotation)) for p in parameters}
    one_wrong = [st.fixed_dictionaries({**declared, name: anything}) for name in declared]
    return st.one_of(st.fixed_dictionaries(declared), st.one_of(*one_wrong)) if one_wrong else st.just({})


def typed(annotation: str) -> st.SearchStrategy[Any]:
    if annotation.startswith("bool"):
        values: st.SearchStrategy[Any] = st.booleans()
    elif annotation.startswith("int"):
        values = st.one_of(st.integers(1, 300), st.integers(-5, 20_000))
    elif annotation.startswith("Mapping"):
        values = st.dictionaries(st.text(max_size=8), st.one_of(clean_json, json_values(4)), max_size=3)
    else:
        values = st.one_of(st.text(max_size=20), hostile_text)
    return st.one_of(st.none(), values) if "None" in annotation else values


def test_the_fuzzed_operations_are_every_operation_of_the_spec() -> None:
    from oktakit._client_core import ClientCore

    # OktaClient and its mixins (ContainmentMethods, DirectoryMethods), not the plumbing below.
    classes = OktaClient.__mro__[: OktaClient.__mro__.index(ClientCore)]
    public = {n for c in classes for n, f in vars(c).items() if callable(f) and not n.startswith("_")}
    # Not operations of the spec: the credential checks, the bulk executor and its containment
    # playbook (tests/bulk) and the System Log's follower (tests/logs), which polls with
    # list_log_events' operation.
    public -= {
        "check",
        "close",
        "preflight",
        "bulk",
        "bulk_update",
        "bulk_undo",
        "contain",
        "tail_log_events",
    }
    assert set(spec_operations()) == public


@pytest.mark.parametrize("name", sorted(spec_operations()))
@per_operation
@given(data=st.data())
async def test_an_operation_rejects_bad_arguments_before_sending_and_sends_good_ones_exactly(
    name: str, data: st.DataObject, recorded_client: OktaClient, recorder: Recorder
) -> None:
    method = getattr(OktaClient, name)
    arguments = data.draw(argument_values(method), label="arguments")
    recorder.clear()

    try:
        await run(method(recorded_client, **arguments))
    except InvalidArgumentError:
        assert [] == recorder, "a rejected call sent a request"
        event("rejected before sending")
        return
    except TransportError as error:
        failure = str(error)
    else:
        pytest.fail("the recorder fails every request")
    assert NOT_SENT in failure
    event("sent")
    [sent] = recorder
    assert_sent_exactly(spec_operations()[name], sent, arguments)


def assert_sent_exactly(operation: dict[str, Any], sent: Sent, arguments: dict[str, Any]) -> None:
    assert operation["method"] == sent.method
    template = operation["path"].split("/")
    segments = sent.url.raw_path.split("/")
    assert len(template) == len(segments)
    query = parse_qs(sent.url.raw_query_string, keep_blank_values=True, errors="strict")
    for argument, value in arguments.items():
        where = operation["params"].get(wire_name(argument))
        if where == "path":
            index = template.index("{" + wire_name(argument) + "}")
            assert value == unquote(segments[index], errors="strict")
        elif where == "query" and value is not None:
            expected = ("true" if value else "false") if isinstance(value, bool) else str(value)
            assert [expected] == query[wire_name(argument)]
        elif where == "header" and value is not None and argument == "if_match":
            assert value == sent.headers["If-Match"]
    body = json.loads(sent.data) if sent.data is not None else None
    # Through json (not our code): what the caller gave, as JSON carries it.
    expected = {part: dict(arguments[part]) for part in ("profile", "credentials") if arguments.get(part)}
    if arguments.get("password") is not None:
        expected["credentials"] = {
            **expected.get("credentials", {}),
            "password": {"value": arguments["password"]},
        }
    for part, value in expected.items():
        assert json.loads(json.dumps(value)) == (body or {}).get(part)
    if arguments.get("type_id") is not None:
        assert {"id": arguments["type_id"]} == body["type"]
    if "authenticator_id" in arguments and body is not None:  # the TAC enrollment's body
        profile = body.get("profile", {})
        assert arguments["authenticator_id"] == body["authenticatorId"]
        assert (None if arguments["ttl_minutes"] is None else str(arguments["ttl_minutes"])) == profile.get(
            "ttl"
        )
        assert arguments["multi_use"] == profile.get("multiUse")
    if arguments.get("respond_async"):
        assert "respond-async" == sent.headers["Prefer"]


# yarl used to drop the lone surrogate and run the search "ab".
@example(search="a\udc80b", filter="", q="", after="", fields="", expand="", sort_by="")
@fuzz
@given(
    search=hostile_text,
    filter=hostile_text,
    q=hostile_text,
    after=hostile_text,
    fields=hostile_text,
    expand=hostile_text,
    sort_by=hostile_text,
)
async def test_a_query_value_is_sent_exactly_or_refused_never_altered(
    recorded_client: OktaClient, recorder: Recorder, **values: str
) -> None:
    recorder.clear()
    try:
        await run(recorded_client.list_users(**values))
    except InvalidArgumentError:
        assert [] == recorder
        # Refused only for text UTF-8 cannot carry (lone surrogates), which yarl would drop.
        assert any(not _encodable(v) for v in values.values())
        return
    except TransportError:
        pass
    [sent] = recorder
    query = parse_qs(sent.url.raw_query_string, keep_blank_values=True, errors="strict")
    assert {wire_name(k): [v] for k, v in values.items()} == {k: v for k, v in query.items() if k != "limit"}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

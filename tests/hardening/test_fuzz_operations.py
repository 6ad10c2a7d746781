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
from hypothesis import example, given
from hypothesis import strategies as st

from oktakit import InvalidArgumentError, OktaClient, TransportError
from tests.hardening.conftest import NOT_SENT, Recorder
from tests.hardening.strategies import anything, fuzz, hostile_text, json_values, per_operation
from tests.sdk._support import Sent, run

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
    """Arguments for every parameter: hostile text, anything at all, or (for options) None."""
    values = st.one_of(hostile_text, anything, json_values())
    return st.fixed_dictionaries(
        dict.fromkeys(list(inspect.signature(method).parameters)[1:], values)  # skip self
    )


def test_the_fuzzed_operations_are_every_operation_of_the_spec() -> None:
    public = {n for n, f in vars(OktaClient).items() if callable(f) and not n.startswith("_")}
    public -= {"check", "close"}
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
        return
    except TransportError as error:
        failure = str(error)
    else:
        pytest.fail("the recorder fails every request")
    assert NOT_SENT in failure
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
    for part in ("profile", "credentials"):
        if arguments.get(part):
            # Through json (not our code): what the caller gave, as JSON carries it.
            assert json.loads(json.dumps(dict(arguments[part]))) == (body or {}).get(part)
    if arguments.get("password") is not None:
        assert {"value": arguments["password"]} == body["credentials"]["password"]


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

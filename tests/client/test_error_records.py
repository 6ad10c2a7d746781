"""Errors travel: every OktaError pickles and copies whole, and ``to_dict()`` is JSON-safe.

The classes are found by walking ``OktaError``'s subclasses after importing every oktakit
module, so a new error class is tested without anyone listing it here. A class that defines its
own ``__init__`` needs sample arguments in ``SAMPLES``; the test says so if they are missing.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import pkgutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import oktakit
from oktakit import ApiToken, AuthenticationError, OktaClient, OktaError
from oktakit.testing import OktaSimulator

URL = "https://acme.okta.com/api/v1/users/00u1abcd"
WHEN = datetime(2026, 3, 1, 12, 30, 5, tzinfo=UTC)

# Arguments per class that defines __init__, every field set to a value other than its default.
SAMPLES: dict[type[BaseException], tuple[tuple[Any, ...], dict[str, Any]]] = {
    OktaError: (("something is wrong",), {}),
    oktakit.OAuthError: (
        (),
        {
            "status": 401,
            "error": "invalid_client",
            "description": "The client_assertion signature is invalid.",
            "hint": "Check the app's public keys.",
            "url": "https://acme.okta.com/oauth2/v1/token",
        },
    ),
    oktakit.TransportError: (("request failed: ClientOSError",), {"method": "GET", "url": URL}),
    oktakit.MalformedResponseError: (
        ("the response body is not valid JSON",),
        {"status": 200, "method": "GET", "url": URL},
    ),
    oktakit.ResponseTooLargeError: ((), {"limit": 1024, "status": 200, "method": "GET", "url": URL}),
    oktakit.ApiError: (
        (),
        {
            "status": 404,
            "method": "GET",
            "url": URL,
            "error_code": "E0000007",
            "error_summary": "Not found: Resource not found: 00u1abcd (User)",
            "error_id": "oaeHfmOAx1iRLa0H10DeMz5fQ",
            "error_causes": ["first cause", "second cause"],
            "request_id": "reqAbCdEf123",
            "hint": "Check the id.",
        },
    ),
    oktakit.RateLimitError: (
        (),
        {
            "reset_at": WHEN,
            "retry_after": 12.5,
            "limit": 600,
            "remaining": 0,
            "status": 429,
            "method": "GET",
            "url": URL,
            "error_code": "E0000047",
            "error_summary": "API call exceeded rate limit due to too many requests.",
            "error_id": "oaeRate",
            "error_causes": ["too many"],
            "request_id": "reqRate",
        },
    ),
    oktakit.ServerError: (
        (),
        {
            "retry_after": 7.0,
            "status": 503,
            "method": "GET",
            "url": URL,
            "error_code": "E0000010",
            "error_summary": "Service is temporarily unavailable",
            "request_id": "reqBusy",
        },
    ),
    oktakit.PermissionDeniedError: (
        (),
        {
            "insufficient_scope": True,
            "challenge_scopes": ["okta.users.manage"],
            "status": 403,
            "method": "POST",
            "url": URL + "/lifecycle/suspend",
            "error_code": "E0000006",
            "error_summary": "You do not have permission to perform the requested action",
            "error_id": "oaeDenied",
            "request_id": "reqDenied",
        },
    ),
    oktakit.InsufficientPermissionsError: (
        ("grant okta.users.lifecycle.suspend",),
        {
            "missing_scopes": ["okta.users.manage"],
            "missing_permissions": ["okta.users.lifecycle.suspend"],
            "missing_resources": ["All users"],
            "report": {"ok": False},
        },
    ),
}


def _import_every_oktakit_module() -> None:
    for module in pkgutil.walk_packages(oktakit.__path__, "oktakit."):
        if not module.name.endswith("__main__"):  # running it would start the CLI
            importlib.import_module(module.name)


def _subclasses(cls: type[OktaError]) -> Iterator[type[OktaError]]:
    yield cls
    for sub in cls.__subclasses__():
        yield from _subclasses(sub)


_import_every_oktakit_module()
ERROR_CLASSES = sorted(set(_subclasses(OktaError)), key=lambda cls: cls.__qualname__)


def _sample(cls: type[OktaError]) -> OktaError:
    defining = next(base for base in cls.__mro__ if "__init__" in vars(base) or base is OktaError)
    if defining not in SAMPLES:
        pytest.fail(f"{defining.__qualname__} defines __init__: add sample arguments to SAMPLES")
    args, kwargs = SAMPLES[defining]
    error = cls(*args, **kwargs)
    error.add_note("a note added by the caller")
    return error


COPIES: dict[str, Callable[[Any], Any]] = {
    # Our own bytes, just written: nothing untrusted is unpickled.
    **{f"pickle-{p}": lambda e, p=p: pickle.loads(pickle.dumps(e, p)) for p in (2, pickle.HIGHEST_PROTOCOL)},  # noqa: S301
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def test_the_walk_finds_every_error_class_oktakit_exports() -> None:
    exported = {getattr(oktakit, name) for name in oktakit.__all__}
    assert {cls for cls in exported if isinstance(cls, type) and issubclass(cls, OktaError)} <= set(
        ERROR_CLASSES
    )


@pytest.mark.parametrize("how", COPIES.values(), ids=COPIES.keys())
@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_error_survives_pickle_and_copy_with_its_fields_and_message(
    cls: type[OktaError], how: Callable[[Any], Any]
) -> None:
    original = _sample(cls)
    travelled = how(original)
    assert cls is type(travelled)
    assert str(original) == str(travelled)
    assert original.args == travelled.args
    assert vars(original) == vars(travelled)  # every field, and the notes
    # Raised again on the other side, it is still caught by its place in the tree.
    with pytest.raises(cls):
        raise travelled


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__qualname__)
def test_to_dict_is_a_json_record_of_type_message_and_every_field(cls: type[OktaError]) -> None:
    error = _sample(cls)
    record = error.to_dict()
    assert record == json.loads(json.dumps(record, allow_nan=False))  # strict JSON as it is
    assert cls.__name__ == record["type"]
    assert str(error) == record["message"]
    fields = {name for name in vars(error) if not name.startswith("_")}
    assert fields | {"type", "message"} == set(record)


def test_to_dict_writes_datetimes_as_iso_strings_and_sequences_as_lists() -> None:
    record = _sample(oktakit.RateLimitError).to_dict()
    assert "2026-03-01T12:30:05+00:00" == record["reset_at"]
    assert ["too many"] == record["error_causes"]
    assert 12.5 == record["retry_after"]


async def test_a_refused_api_token_travels_without_the_token() -> None:
    token = "00-refused-token-abcdefghijklmnopqrstuvwxyz"
    async with OktaSimulator(users=3) as sim, OktaClient(sim.url, auth=ApiToken(token)) as okta:
        with pytest.raises(AuthenticationError) as caught:
            await okta.get_user("anyone")
    texts = [json.dumps(caught.value.to_dict()), str(pickle.dumps(caught.value))]
    assert all(token not in text for text in texts)
    assert "E0000011" == caught.value.to_dict()["error_code"]


def test_to_dict_makes_any_other_field_json_safe_too() -> None:
    error = oktakit.ConfigurationError("bad settings")
    error.details = {"checked_at": WHEN, "paths": (Path("/etc/okta"),)}  # type: ignore[attr-defined]

    record = error.to_dict()

    assert {"checked_at": "2026-03-01T12:30:05+00:00", "paths": ["/etc/okta"]} == record["details"]
    assert record == json.loads(json.dumps(record))

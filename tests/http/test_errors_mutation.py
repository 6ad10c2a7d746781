"""What a user who catches an oktakit error sees, pinned where the broader tests only check shape:
each cut of server text at its length, the defaults of every field, the record ``to_dict()``
gives at its limits (nesting depth, integer width, lone surrogates at both ends of the range).

Every expected value is computed by hand here: a cut to ``n`` characters keeps ``n - 1`` of them
and adds an ellipsis; ``2**64`` is 18446744073709551616.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import pytest

from oktakit import (
    ApiError,
    OAuthError,
    OktaError,
    PermissionDeniedError,
    ResponseTooLargeError,
    TransportError,
)

URL = "https://acme.okta.com/api/v1/users/00u1abcd"
TOKEN_URL = "https://acme.okta.com/oauth2/v1/token"
ELLIPSIS = "\u2026"


def cut(text: str, limit: int) -> str:
    """``text`` as a message shows it when longer than ``limit``: limit - 1 characters and an ellipsis."""
    assert len(text) > limit
    return text[: limit - 1] + ELLIPSIS


def record_of(value: Any) -> Any:
    """The record of ``value`` held in a field of an otherwise empty error, through strict JSON."""
    error = OktaError("holder")
    error.details = value  # type: ignore[attr-defined]
    record = error.to_dict()
    assert record == json.loads(json.dumps(record, allow_nan=False))
    return record["details"]


# --- the cuts of server text in messages ------------------------------------------------------


def test_an_absurd_error_code_and_error_id_are_cut_to_80_characters_in_the_message() -> None:
    code, error_id = "E" + "7" * 120, "oae" + "i" * 120
    error = ApiError(status=400, method="GET", url=URL, error_code=code, error_id=error_id)

    assert f"HTTP 400 {cut(code, 80)} [errorId {cut(error_id, 80)}] [GET {URL}]" == str(error)
    assert (code, error_id) == (error.error_code, error.error_id)  # whole in the fields


def test_an_error_code_and_error_id_of_exactly_80_characters_are_shown_whole() -> None:
    code, error_id = "E" + "7" * 79, "oae" + "i" * 77
    error = ApiError(status=400, method="GET", url=URL, error_code=code, error_id=error_id)
    assert f"HTTP 400 {code} [errorId {error_id}] [GET {URL}]" == str(error)


def test_an_absurd_oauth_error_name_is_cut_to_80_characters() -> None:
    name = "invalid_" + "c" * 100
    error = OAuthError(status=401, error=name, description=None, hint="Check the app.", url=TOKEN_URL)
    assert (
        f"the token request was refused (HTTP 401 {cut(name, 80)}). Check the app. [POST {TOKEN_URL}]"
        == str(error)
    )
    assert name == error.error


def test_an_oauth_error_name_of_exactly_80_characters_is_shown_whole() -> None:
    name = "invalid_" + "c" * 72
    error = OAuthError(status=401, error=name, description=None, hint="Check.", url=TOKEN_URL)
    assert f"the token request was refused (HTTP 401 {name}). Check. [POST {TOKEN_URL}]" == str(error)


def test_a_transport_message_is_cut_to_500_characters_before_the_request() -> None:
    said = "connection reset by peer " + "r" * 600
    assert f"{cut(said, 500)} [GET {URL}]" == str(TransportError(said, method="GET", url=URL))
    exactly = "r" * 500
    assert f"{exactly} [GET {URL}]" == str(TransportError(exactly, method="GET", url=URL))


def test_a_transport_error_assumes_the_request_may_have_reached_okta_unless_told() -> None:
    assert TransportError("reset", method="POST", url=URL).connected is True
    assert TransportError("refused", method="POST", url=URL, connected=False).connected is False


def test_a_response_too_large_says_the_limit_status_and_request() -> None:
    error = ResponseTooLargeError(limit=1024, status=200, method="GET", url=URL)
    assert f"the response is larger than 1024 bytes (HTTP 200) [GET {URL}]" == str(error)
    assert (1024, 200) == (error.limit, error.status)


# --- PermissionDeniedError: defaults and the scopes it names ----------------------------------


def plain_403(**fields: Any) -> PermissionDeniedError:
    return PermissionDeniedError(
        status=403,
        method="POST",
        url=URL,
        error_code="E0000006",
        error_summary="You do not have permission",
        **fields,
    )


def test_a_403_without_a_challenge_or_explanation_says_only_what_okta_said() -> None:
    error = plain_403()

    assert f"HTTP 403 E0000006: You do not have permission [POST {URL}]" == str(error)
    record = error.to_dict()
    assert {
        "insufficient_scope": False,
        "challenge_scopes": [],
        "operation": None,
        "required_scopes": [],
        "required_permissions": [],
        "targets_user": False,
        "rate_limit": None,
    } == {name: record[name] for name in (
        "insufficient_scope", "challenge_scopes", "operation", "required_scopes",
        "required_permissions", "targets_user", "rate_limit",
    )}  # fmt: skip


def test_a_403_for_an_operation_without_scopes_names_no_scope_and_any_admin_role() -> None:
    error = plain_403().explain("listWidgets", [], [], targets_user=False)
    assert (
        f"HTTP 403 E0000006: You do not have permission [POST {URL}]. listWidgets needs an admin "
        "role with any admin role" == str(error)
    )


def test_a_403_explained_names_the_operations_scopes_and_admin_permissions() -> None:
    # getUser's facts as okta_spec/openapi.yaml states them (security and x-okta-permissions).
    error = plain_403().explain(
        "getUser",
        ["okta.users.read"],
        [["okta.users.read"], ["okta.users.userprofile.manage"]],
        targets_user=False,
    )
    assert (
        f"HTTP 403 E0000006: You do not have permission [POST {URL}]. getUser needs the scope "
        "okta.users.read and an admin role with okta.users.read or okta.users.userprofile.manage"
        == str(error)
    )


def test_an_insufficient_scope_403_naming_no_scope_says_okta_did_not_name_it() -> None:
    error = plain_403(insufficient_scope=True)
    assert (
        f"HTTP 403 E0000006: You do not have permission [POST {URL}]. The access token lacks a "
        "scope Okta did not name: grant it to the app (Okta API Scopes) and request it" == str(error)
    )


def test_absurdly_long_challenge_scopes_are_cut_to_500_characters_in_the_message() -> None:
    scope = "okta." + "s" * 600
    error = plain_403(insufficient_scope=True, challenge_scopes=[scope])

    assert f". The access token lacks the scope {cut(scope, 500)}: grant it to the app" in str(error)
    assert (scope,) == error.challenge_scopes


def test_challenge_scopes_of_exactly_500_characters_are_shown_whole() -> None:
    scope = "okta." + "s" * 495
    error = plain_403(insufficient_scope=True, challenge_scopes=[scope])
    assert f"lacks the scope {scope}: grant it" in str(error)


# --- to_dict() at its limits ------------------------------------------------------------------


def test_an_api_error_without_rate_limit_headers_records_rate_limit_as_null() -> None:
    error = ApiError(status=500, method="GET", url=URL)
    assert error.rate_limit is None
    assert error.to_dict()["rate_limit"] is None


class Colour(Enum):
    RED = "red"


def test_an_enum_field_is_recorded_as_its_value() -> None:
    assert "red" == record_of(Colour.RED)
    assert ["red", {"c": "red"}] == record_of([Colour.RED, {"c": Colour.RED}])


@pytest.mark.parametrize(
    ("number", "recorded"),
    [
        (2**64 - 1, 18446744073709551615),  # 64 bits: still a JSON number
        (-(2**64 - 1), -18446744073709551615),
        (2**64, "18446744073709551616"),  # 65 bits: a string, which no JSON reader rounds
        (-(2**64), "-18446744073709551616"),
    ],
)
def test_integers_up_to_64_bits_stay_numbers_and_wider_ones_become_strings(
    number: int, recorded: object
) -> None:
    assert recorded == record_of(number)
    assert type(recorded) is type(record_of(number))


@pytest.mark.parametrize("code_point", [0xD800, 0xDBFF, 0xDC00, 0xDFFF], ids=hex)
def test_a_lone_surrogate_anywhere_in_the_range_becomes_u_fffd_in_the_record(code_point: int) -> None:
    surrogate = chr(code_point)
    error = ApiError(status=400, method="GET", url=URL, error_summary=f"bad{surrogate}text")
    record = error.to_dict()

    assert "bad\ufffdtext" == record["error_summary"]
    assert "bad\ufffdtext" == record_of(f"bad{surrogate}text")
    json.dumps(record, ensure_ascii=False).encode("utf-8")


def lists(levels: int, leaf: object) -> object:
    for _ in range(levels):
        leaf = [leaf]
    return leaf


def dicts(levels: int, leaf: object) -> object:
    for _ in range(levels):
        leaf = {"k": leaf}
    return leaf


def test_sixteen_levels_of_lists_or_dicts_are_recorded_whole() -> None:
    assert lists(16, "leaf") == record_of(lists(16, "leaf"))
    assert dicts(16, "leaf") == record_of(dicts(16, "leaf"))


def test_a_seventeenth_level_is_recorded_as_its_short_repr() -> None:
    # The 17th container (the innermost ["leaf"] or {"k": "leaf"}) is shown as Python prints it.
    assert lists(16, "['leaf']") == record_of(lists(17, "leaf"))
    assert dicts(16, "{'k': 'leaf'}") == record_of(dicts(17, "leaf"))
    assert lists(8, dicts(8, "{'k': 'leaf'}")) == record_of(lists(8, dicts(9, "leaf")))


def test_a_repr_at_the_depth_limit_is_cut_to_200_characters() -> None:
    deep = record_of(lists(16, ["x" * 300]))
    assert lists(16, "['" + "x" * 197 + ELLIPSIS) == deep


def test_a_field_that_contains_itself_is_recorded_to_the_depth_limit() -> None:
    loop: list[object] = []
    loop.append(loop)
    assert lists(16, "[[...]]") == record_of(loop)


def chain(nested: int) -> OktaError:
    """An error whose ``cause`` field holds an error, ``nested`` errors deep."""
    inner = OktaError(f"e{nested}")
    for n in range(nested - 1, -1, -1):
        outer = OktaError(f"e{n}")
        outer.cause = inner  # type: ignore[attr-defined]
        inner = outer
    return inner


def chain_record(nested: int, last: object) -> dict[str, object]:
    """What ``chain(nested).to_dict()`` must be by hand, with ``last`` for the innermost error."""
    record: object = last
    for n in range(nested - 1, -1, -1):
        record = {"type": "OktaError", "message": f"e{n}", "cause": record}
    assert isinstance(record, dict)
    return record


def test_errors_nested_in_fields_count_one_level_each() -> None:
    whole = {"type": "OktaError", "message": "e16"}
    assert chain_record(16, whole) == chain(16).to_dict()
    assert chain_record(17, "OktaError('e17')") == chain(17).to_dict()


def test_a_nested_errors_own_fields_are_recorded_too() -> None:
    inner = ApiError(status=404, method="GET", url=URL, error_causes=["gone"], hint="Check the id.")
    outer = OktaError("the step failed")
    outer.cause = inner  # type: ignore[attr-defined]

    record = outer.to_dict()["cause"]

    assert "ApiError" == record["type"]
    assert ["gone"] == record["error_causes"]
    assert f"HTTP 404 (gone). Check the id. [GET {URL}]" == record["message"]

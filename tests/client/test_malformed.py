"""Answers that are not what the spec promises: proxies, broken bodies, wrong shapes, new values."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp import web

from oktakit import ApiError, ApiToken, HttpRequest, MalformedResponseError, OktaClient, ServerError
from oktakit_api.models import User, UserStatus
from tests._fake_okta import FakeOkta
from tests.client._support import AUTHENTICATOR, USER_ID, run, user_json
from tests.conftest import ORG, TOKEN

USER_URL = f"{ORG}/api/v1/users/{USER_ID}"
USERS_URL = f"{ORG}/api/v1/users"

PROXY_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


async def test_an_html_502_from_a_proxy_is_a_server_error_with_a_readable_message(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=502, body=PROXY_502, content_type="text/html")

    with pytest.raises(ServerError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert ServerError is type(error)
    assert (502, None, None) == (error.status, error.error_code, error.error_id)
    assert f"HTTP 502: unreadable error body (text/html, {len(PROXY_502)} bytes) [GET {USER_URL}]" == str(
        error
    )


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": "00u1abc", "status": "ACT',
        b"",
        b"null",
        b'"00u1abc"',
        b"42",
        b"true",
        b"\xff\xfe{}",
        b"[" * 100_000,
        b"<html>Okta is down for maintenance</html>",
    ],
    ids=["truncated", "empty", "null", "string", "number", "boolean", "not-utf8", "deeply-nested", "html"],
)
async def test_a_200_whose_body_is_not_a_user_is_a_malformed_response(
    body: bytes, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, status=200, body=body)

    with pytest.raises(MalformedResponseError) as caught:
        await okta.get_user(USER_ID)

    error = caught.value
    assert MalformedResponseError is type(error)
    assert (200, "GET", USER_URL) == (error.status, error.method, error.url)


@pytest.mark.parametrize(
    "payload",
    [[], [user_json()], [{"id": "00u1", "status": "ACTIVE"}]],
    ids=["empty-array", "array-of-users", "array-of-a-two-key-object"],
)
async def test_an_array_where_an_object_is_expected_is_a_malformed_response(
    payload: Any, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, payload=payload)

    with pytest.raises(MalformedResponseError) as caught:
        await okta.get_user(USER_ID)

    assert MalformedResponseError is type(caught.value)


@pytest.mark.parametrize(
    "payload",
    [{}, user_json(), {"errorCode": "E0000007"}, [1, 2], [None], [[]], ["00u1"]],
    ids=["empty-object", "one-user", "error-like-object", "numbers", "nulls", "nested-array", "strings"],
)
async def test_anything_but_an_array_of_objects_where_a_list_is_expected_is_a_malformed_response(
    payload: Any, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USERS_URL, payload=payload)

    with pytest.raises(MalformedResponseError) as caught:
        _ = [u async for u in okta.list_users()]

    assert MalformedResponseError is type(caught.value)


@pytest.mark.parametrize(
    ("call", "method", "url", "payload"),
    [
        (lambda o: o.activate_user(USER_ID), "POST", f"{USER_URL}/lifecycle/activate", []),
        (lambda o: o.get_authenticator("aut1"), "GET", f"{ORG}/api/v1/authenticators/aut1", [AUTHENTICATOR]),
        (lambda o: o.list_authenticators(), "GET", f"{ORG}/api/v1/authenticators", AUTHENTICATOR),
        (lambda o: o.list_user_groups(USER_ID), "GET", f"{USER_URL}/groups", {}),
        (
            lambda o: o.list_roles_for_client("0oa1"),
            "GET",
            f"{ORG}/oauth2/v1/clients/0oa1/roles",
            [{"id": "x"}],
        ),
        (lambda o: o.list_role_permissions("cr0"), "GET", f"{ORG}/api/v1/iam/roles/cr0/permissions", []),
        (
            lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1"),
            "POST",
            f"{USER_URL}/authenticator-enrollments/tac",
            [],
        ),
    ],
    ids=[
        "activate-array",
        "authenticator-array",
        "authenticators-object",
        "groups-object",
        "role-without-type",
        "permissions-array",
        "tac-array",
    ],
)
async def test_other_operations_refuse_the_wrong_shape_too(
    *,
    call: Callable[[OktaClient], Any],
    method: str,
    url: str,
    payload: Any,
    okta: OktaClient,
    mocked: FakeOkta,
) -> None:
    mocked.add(url, method, payload=payload)

    with pytest.raises(MalformedResponseError) as caught:
        await run(call(okta))

    assert MalformedResponseError is type(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("created", "not a date"),
        ("created", 1598552369),
        ("lastUpdated", None),
        ("status", 5),
        ("status", None),
        ("profile", "jane"),
        ("profile", 7),
        ("type", "oty1"),
        ("credentials", ["x"]),
    ],
)
async def test_a_field_of_the_wrong_type_is_a_malformed_response_not_a_bare_error(
    field: str, value: Any, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, payload={**user_json(), field: value})

    with pytest.raises(MalformedResponseError) as caught:
        await okta.get_user(USER_ID)

    assert MalformedResponseError is type(caught.value)
    assert "does not have the documented shape" in str(caught.value)


async def test_an_unknown_user_status_parses_as_a_pseudo_member_equal_to_the_string(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(
        USER_URL, payload={**user_json(), "status": "ACTIVATING", "transitioningToStatus": "QUARANTINED"}
    )

    user = await okta.get_user(USER_ID)

    assert "ACTIVATING" == user.status
    assert isinstance(user.status, UserStatus)
    assert "QUARANTINED" == user.transitioning_to_status
    assert "ACTIVATING" == user.to_dict()["status"]


async def test_unknown_enum_values_in_other_models_parse(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(
        f"{ORG}/api/v1/authenticators",
        payload=[{**AUTHENTICATOR, "key": "custom_otp", "type": "biometric", "status": "PAUSED"}],
    )
    mocked.get(
        f"{ORG}/oauth2/v1/clients/0oa1/roles",
        payload=[{"id": "irb1", "type": "NEW_FANCY_ADMIN", "label": "Fancy"}],
    )

    [authenticator] = [a async for a in okta.list_authenticators()]
    [role] = [r async for r in okta.list_roles_for_client("0oa1")]

    assert ("custom_otp", "biometric", "PAUSED") == (
        authenticator.key,
        authenticator.type,
        authenticator.status,
    )
    assert "NEW_FANCY_ADMIN" == role.type


async def test_unknown_fields_are_kept_and_round_trip_through_to_dict(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    body = {
        "id": USER_ID,
        "status": "ACTIVE",
        "created": "2024-01-02T03:04:05+00:00",
        "lastUpdated": "2024-01-02T03:04:06+00:00",
        "profile": {"login": "jane@acme.com", "legalName": "Jane Q. Doe", "badges": ["a"], "nickName": None},
        "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}, "emails": [{"value": "jane@acme.com"}]},
        "realmId": "guo1",
        "newTopLevelField": {"nested": [1, 2, {"deep": True}]},
        "_embedded": {"blocks": [{"type": "DEVICE_BASED"}]},
        "_links": {"self": {"href": f"{ORG}/api/v1/users/{USER_ID}"}},
    }
    mocked.get(USER_URL, payload=body)

    user = await okta.get_user(USER_ID)

    assert {"newTopLevelField": {"nested": [1, 2, {"deep": True}]}} == user.additional_properties
    assert ["a"] == user.profile["badges"]
    assert body == user.to_dict()


async def test_transitioning_to_status_null_and_null_dates_parse(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(
        USER_URL,
        payload={**user_json(), "transitioningToStatus": None, "activated": None, "lastLogin": None},
    )

    user = await okta.get_user(USER_ID)

    assert (None, None, None) == (user.transitioning_to_status, user.activated, user.last_login)


OPTIONAL_USER_FIELDS = ("activated", "statusChanged", "lastLogin", "passwordChanged", "type", "credentials")
REQUIRED_USER_FIELDS = ("id", "status", "created", "lastUpdated", "profile", "_links")


@pytest.mark.parametrize("field", OPTIONAL_USER_FIELDS)
async def test_a_user_without_an_optional_field_parses_with_none(
    field: str, okta: OktaClient, mocked: FakeOkta
) -> None:
    payload = {k: v for k, v in user_json().items() if k != field}
    mocked.get(USER_URL, payload=payload)

    user = await okta.get_user(USER_ID)

    assert isinstance(user, User)
    attribute = {
        "statusChanged": "status_changed",
        "lastLogin": "last_login",
        "passwordChanged": "password_changed",
    }
    assert getattr(user, attribute.get(field, field)) is None


@pytest.mark.parametrize("field", REQUIRED_USER_FIELDS)
async def test_a_user_without_a_field_okta_always_sends_is_a_malformed_response(
    field: str, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, payload={k: v for k, v in user_json().items() if k != field})

    with pytest.raises(MalformedResponseError, match=f"KeyError: '{field}'"):
        await okta.get_user(USER_ID)


async def test_a_profile_without_login_is_a_malformed_response(okta: OktaClient, mocked: FakeOkta) -> None:
    payload = user_json()
    del payload["profile"]["login"]
    mocked.get(USER_URL, payload=payload)

    with pytest.raises(MalformedResponseError, match="login"):
        await okta.get_user(USER_ID)


@pytest.mark.parametrize(
    ("call", "method", "url", "status"),
    [
        (lambda o: o.get_user(USER_ID), "GET", USER_URL, 201),
        (lambda o: o.get_user(USER_ID), "GET", USER_URL, 204),
        (lambda o: o.get_user(USER_ID), "GET", USER_URL, 206),
        (lambda o: o.list_users(), "GET", USERS_URL, 202),
        (lambda o: o.update_user(USER_ID, profile={"a": 1}), "POST", USER_URL, 201),
        (lambda o: o.activate_user(USER_ID), "POST", f"{USER_URL}/lifecycle/activate", 204),
        (lambda o: o.suspend_user(USER_ID), "POST", f"{USER_URL}/lifecycle/suspend", 201),
        (
            lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1"),
            "POST",
            f"{USER_URL}/authenticator-enrollments/tac",
            201,
        ),
    ],
    ids=[
        "get-201",
        "get-204",
        "get-206",
        "list-202",
        "update-201",
        "activate-204",
        "suspend-201",
        "tac-201",
    ],
)
async def test_an_undocumented_success_status_is_a_malformed_response(
    *,
    call: Callable[[OktaClient], Any],
    method: str,
    url: str,
    status: int,
    okta: OktaClient,
    mocked: FakeOkta,
) -> None:
    mocked.add(url, method, status=status, payload=user_json())

    with pytest.raises(MalformedResponseError) as caught:
        await run(call(okta))

    error = caught.value
    assert MalformedResponseError is type(error)
    assert status == error.status
    assert "not a documented success status" in str(error)


@pytest.mark.parametrize("status", [202, 204])
@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda o: o.deactivate_user(USER_ID), "deactivate"),
        (lambda o: o.reset_factors(USER_ID), "reset_factors"),
        (lambda o: o.suspend_user(USER_ID), "suspend"),
        (lambda o: o.unsuspend_user(USER_ID), "unsuspend"),
        (lambda o: o.unlock_user(USER_ID), "unlock"),
    ],
    ids=["deactivate", "reset_factors", "suspend", "unsuspend", "unlock"],
)
async def test_a_lifecycle_operation_without_a_response_body_accepts_202_and_204(
    call: Callable[[OktaClient], Any], path: str, status: int, okta: OktaClient, mocked: FakeOkta
) -> None:
    # Real Okta answered deactivate with "204 No Content" (recorded cassettes), and the legacy
    # spec declared 202 for the asynchronous variant: the action happened, so it is no error.
    mocked.post(f"{USER_URL}/lifecycle/{path}", status=status, body="")

    assert None is await call(okta)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redirect_is_a_typed_error_and_is_not_followed(
    status: int, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(USER_URL, status=status, headers={"Location": "https://evil.example/api/v1/users/00u1abc"})
    mocked.get("https://evil.example/api/v1/users/00u1abc", payload=user_json())

    with pytest.raises(ApiError) as caught:
        await okta.get_user(USER_ID)

    assert ApiError is type(caught.value)
    assert status == caught.value.status
    assert [USER_URL] == [str(s.url) for s in wire]


async def test_a_real_redirect_is_not_followed_by_aiohttp() -> None:
    hits: list[str] = []

    async def redirect(request: web.Request) -> web.Response:
        hits.append(request.path)
        raise web.HTTPFound("/elsewhere")

    async def elsewhere(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.json_response(user_json())

    app = web.Application()
    app.router.add_get("/api/v1/users/{id}", redirect)
    app.router.add_get("/elsewhere", elsewhere)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        async with OktaClient(f"http://127.0.0.1:{port}", auth=ApiToken(TOKEN)) as okta:
            with pytest.raises(ApiError) as caught:
                await okta.get_user(USER_ID)
    finally:
        await runner.cleanup()

    assert 302 == caught.value.status
    assert [f"/api/v1/users/{USER_ID}"] == hits


async def test_a_malformed_error_chain_points_at_the_parse_failure(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.get(USER_URL, body=json.dumps({**user_json(), "created": "yesterday"}))

    with pytest.raises(MalformedResponseError) as caught:
        await okta.get_user(USER_ID)

    assert isinstance(caught.value.__cause__, ValueError)

"""The exact request each operation puts on the wire: method, URL, headers and JSON body."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from aiohttp import web

from oktakit import ApiToken, HttpRequest, InvalidArgumentError, OktaClient
from oktakit_api import operations as registry
from oktakit_api.models import (
    Authenticator,
    Group,
    Permission,
    RoleAssignment,
    TacAuthenticatorEnrollment,
    User,
    UserActivationToken,
)
from oktakit_api.operations import ApiRequest
from tests._fake_okta import FakeOkta
from tests.client._support import (
    ACTIVATION_TOKEN,
    AUTHENTICATOR,
    BASE_HEADERS,
    GROUP,
    JSON_BODY_HEADERS,
    PERMISSIONS,
    ROLE_ASSIGNMENT,
    TAC_ENROLLMENT,
    USER_AGENT,
    USER_ID,
    run,
    user_json,
)
from tests.conftest import ORG, TOKEN

ANY_URL = re.compile(r".*")
NO_BODY = object()


def serve(m: FakeOkta, method: str, payload: Any = None, *, status: int = 200) -> None:
    """Answer every request with ``method`` (the wire recorder checks where it went)."""
    body = "" if payload is None else json.dumps(payload)
    m.add(ANY_URL, method, status=status, body=body, repeat=True)


def only(wire: list[HttpRequest]) -> HttpRequest:
    assert 1 == len(wire), f"expected exactly one request, got {[(s.method, str(s.url)) for s in wire]}"
    return wire[0]


@dataclass(frozen=True)
class Case:
    call: Callable[[OktaClient], Any]
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=lambda: dict(BASE_HEADERS))
    body: Any = NO_BODY
    response: Any = None


FULL_PROFILE = {
    "login": "jane@acme.com",
    "email": "jane@acme.com",
    "firstName": "Jane",
    "lastName": "Doe",
    "legalName": "Jane Q. Doe",
}

CASES = [
    pytest.param(
        Case(lambda o: o.list_users(), "GET", f"{ORG}/api/v1/users", response=[user_json()]),
        id="list_users-no-query-and-no-defaults",
    ),
    pytest.param(
        Case(
            lambda o: o.list_users(
                search='status eq "ACTIVE"',
                filter='profile.login eq "a+b@acme.com"',
                q="ja ne",
                after="00u9",
                limit=50,
                sort_by="profile.lastName",
                sort_order="desc",
                fields="id,status",
                expand="classification",
            ),
            "GET",
            f"{ORG}/api/v1/users?search=status+eq+%22ACTIVE%22"
            "&filter=profile.login+eq+%22a%2Bb@acme.com%22&q=ja+ne&after=00u9&limit=50"
            "&sortBy=profile.lastName&sortOrder=desc&fields=id,status&expand=classification",
            response=[user_json()],
        ),
        id="list_users-every-parameter",
    ),
    pytest.param(
        Case(lambda o: o.get_user(USER_ID), "GET", f"{ORG}/api/v1/users/{USER_ID}", response=user_json()),
        id="get_user",
    ),
    pytest.param(
        Case(
            lambda o: o.get_user(USER_ID, expand="blocks"),
            "GET",
            f"{ORG}/api/v1/users/{USER_ID}?expand=blocks",
            response=user_json(),
        ),
        id="get_user-expand",
    ),
    pytest.param(
        Case(
            lambda o: o.update_user(USER_ID, profile={"nickName": "Sam"}),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}",
            headers=JSON_BODY_HEADERS,
            body={"profile": {"nickName": "Sam"}},
            response=user_json(),
        ),
        id="update_user-partial",
    ),
    pytest.param(
        Case(
            lambda o: o.update_user(USER_ID, profile={"nickName": "Sam"}, strict=True, if_match='W/"1a2b"'),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}?strict=true",
            headers={**JSON_BODY_HEADERS, "If-Match": 'W/"1a2b"'},
            body={"profile": {"nickName": "Sam"}},
            response=user_json(),
        ),
        id="update_user-strict-if-match",
    ),
    pytest.param(
        Case(
            lambda o: o.update_user(USER_ID, password="uTVM,TPw55", strict=False),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}?strict=false",
            headers=JSON_BODY_HEADERS,
            body={"credentials": {"password": {"value": "uTVM,TPw55"}}},
            response=user_json(),
        ),
        id="update_user-password",
    ),
    pytest.param(
        Case(
            lambda o: o.replace_user(USER_ID, profile=FULL_PROFILE, type_id="oty2new"),
            "PUT",
            f"{ORG}/api/v1/users/{USER_ID}",
            headers=JSON_BODY_HEADERS,
            body={"profile": FULL_PROFILE, "type": {"id": "oty2new"}},
            response=user_json(),
        ),
        id="replace_user",
    ),
    pytest.param(
        Case(
            lambda o: o.replace_user(USER_ID, profile=FULL_PROFILE, strict=True, if_match='"v7"'),
            "PUT",
            f"{ORG}/api/v1/users/{USER_ID}?strict=true",
            headers={**JSON_BODY_HEADERS, "If-Match": '"v7"'},
            body={"profile": FULL_PROFILE},
            response=user_json(),
        ),
        id="replace_user-strict-if-match",
    ),
    pytest.param(
        Case(
            lambda o: o.activate_user(USER_ID, send_email=False),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/activate?sendEmail=false",
            response=ACTIVATION_TOKEN,
        ),
        id="activate_user-send-email-false",
    ),
    pytest.param(
        Case(
            lambda o: o.activate_user(USER_ID, send_email=True),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/activate?sendEmail=true",
            response={},
        ),
        id="activate_user-send-email-true",
    ),
    pytest.param(
        Case(
            lambda o: o.activate_user(USER_ID),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/activate",
            response={},
        ),
        id="activate_user-default",
    ),
    pytest.param(
        Case(
            lambda o: o.deactivate_user(USER_ID),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/deactivate",
        ),
        id="deactivate_user",
    ),
    pytest.param(
        Case(
            lambda o: o.deactivate_user(USER_ID, send_email=True, respond_async=True),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/deactivate?sendEmail=true",
            headers={**BASE_HEADERS, "Prefer": "respond-async"},
        ),
        id="deactivate_user-respond-async",
    ),
    pytest.param(
        Case(
            lambda o: o.reactivate_user(USER_ID, send_email=False),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/reactivate?sendEmail=false",
            response=ACTIVATION_TOKEN,
        ),
        id="reactivate_user",
    ),
    pytest.param(
        Case(
            lambda o: o.reset_factors(USER_ID),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/lifecycle/reset_factors",
        ),
        id="reset_factors",
    ),
    pytest.param(
        Case(lambda o: o.suspend_user(USER_ID), "POST", f"{ORG}/api/v1/users/{USER_ID}/lifecycle/suspend"),
        id="suspend_user",
    ),
    pytest.param(
        Case(
            lambda o: o.unsuspend_user(USER_ID), "POST", f"{ORG}/api/v1/users/{USER_ID}/lifecycle/unsuspend"
        ),
        id="unsuspend_user",
    ),
    pytest.param(
        Case(lambda o: o.unlock_user(USER_ID), "POST", f"{ORG}/api/v1/users/{USER_ID}/lifecycle/unlock"),
        id="unlock_user",
    ),
    pytest.param(
        Case(
            lambda o: o.list_user_groups(USER_ID),
            "GET",
            f"{ORG}/api/v1/users/{USER_ID}/groups",
            response=[GROUP],
        ),
        id="list_user_groups",
    ),
    pytest.param(
        Case(
            lambda o: o.list_authenticators(), "GET", f"{ORG}/api/v1/authenticators", response=[AUTHENTICATOR]
        ),
        id="list_authenticators",
    ),
    pytest.param(
        Case(
            lambda o: o.get_authenticator("aut1tac"),
            "GET",
            f"{ORG}/api/v1/authenticators/aut1tac",
            response=AUTHENTICATOR,
        ),
        id="get_authenticator",
    ),
    pytest.param(
        Case(
            lambda o: o.create_tac_authenticator_enrollment(
                USER_ID, "aut1tac", ttl_minutes=60, multi_use=True
            ),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/authenticator-enrollments/tac",
            headers=JSON_BODY_HEADERS,
            body={"authenticatorId": "aut1tac", "profile": {"ttl": "60", "multiUse": True}},
            response=TAC_ENROLLMENT,
        ),
        id="create_tac_authenticator_enrollment",
    ),
    pytest.param(
        Case(
            lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1tac"),
            "POST",
            f"{ORG}/api/v1/users/{USER_ID}/authenticator-enrollments/tac",
            headers=JSON_BODY_HEADERS,
            body={"authenticatorId": "aut1tac"},
            response=TAC_ENROLLMENT,
        ),
        id="create_tac_authenticator_enrollment-org-defaults",
    ),
    pytest.param(
        Case(
            lambda o: o.list_roles_for_client("0oa1svc"),
            "GET",
            f"{ORG}/oauth2/v1/clients/0oa1svc/roles",
            response=[ROLE_ASSIGNMENT],
        ),
        id="list_roles_for_client",
    ),
    pytest.param(
        Case(
            lambda o: o.list_role_permissions("cr0custom"),
            "GET",
            f"{ORG}/api/v1/iam/roles/cr0custom/permissions",
            response=PERMISSIONS,
        ),
        id="list_role_permissions",
    ),
]


@pytest.mark.parametrize("case", CASES)
async def test_each_operation_sends_exactly_the_documented_request(
    case: Case, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, case.method, case.response)

    await run(case.call(okta))

    sent = only(wire)
    assert case.method == sent.method
    assert case.url == str(sent.url)
    assert case.headers == sent.headers
    assert case.body == (NO_BODY if sent.content is None else sent.json())


async def test_the_body_is_compact_utf8_json_bytes(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "POST", user_json())

    await okta.update_user(USER_ID, profile={"legalName": "Zoë Ünï", "nickName": None})

    sent = only(wire)
    assert isinstance(sent.content, bytes)
    assert '{"profile":{"legalName":"Zoë Ünï","nickName":null}}'.encode() == sent.content


async def test_a_partial_update_sends_only_the_attributes_given(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "POST", user_json())

    await okta.update_user(USER_ID, profile={"mobilePhone": "555-415-1337"})

    assert {"profile": {"mobilePhone": "555-415-1337"}} == only(wire).json()


async def test_none_clears_standard_and_custom_attributes_with_json_null(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "POST", user_json())

    await okta.update_user(USER_ID, profile={"email": None, "nickName": None, "legalName": None})

    sent = only(wire)
    assert {"profile": {"email": None, "nickName": None, "legalName": None}} == sent.json()
    assert b'"legalName":null' in (sent.content or b"")


async def test_custom_attributes_go_through_untouched(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    custom = {
        "legalName": "Jane Q. Doe",
        "dateOfBirth": "1990-01-31",
        "costCenterCode": 42,
        "isContractor": False,
        "badges": ["a", "b"],
        "address": {"line1": "1 Main St", "zip": None},
    }
    serve(mocked, "POST", user_json(**custom))

    user = await okta.update_user(USER_ID, profile={"firstName": "Jane", **custom})

    assert {"profile": {"firstName": "Jane", **custom}} == only(wire).json()
    assert ("Jane Q. Doe", "1990-01-31") == (user.profile["legalName"], user.profile["dateOfBirth"])


async def test_password_goes_into_credentials_alongside_other_credentials_and_profile(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "POST", user_json())

    await okta.update_user(
        USER_ID,
        profile={"nickName": "Sam"},
        credentials={"recovery_question": {"question": "Who?", "answer": "Me"}},
        password="s3cr3t-Pa55",
    )

    assert {
        "profile": {"nickName": "Sam"},
        "credentials": {
            "recovery_question": {"question": "Who?", "answer": "Me"},
            "password": {"value": "s3cr3t-Pa55"},
        },
    } == only(wire).json()


async def test_replace_user_sends_the_whole_profile_credentials_and_type(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "PUT", user_json())

    await okta.replace_user(
        USER_ID,
        profile=FULL_PROFILE,
        credentials={"password": {"value": "Password150kta"}},
        type_id="oty2new",
    )

    assert {
        "profile": FULL_PROFILE,
        "credentials": {"password": {"value": "Password150kta"}},
        "type": {"id": "oty2new"},
    } == only(wire).json()


@pytest.mark.parametrize(
    ("kwargs", "profile"),
    [
        ({"ttl_minutes": 10}, {"ttl": "10"}),
        ({"ttl_minutes": 14400}, {"ttl": "14400"}),
        ({"multi_use": False}, {"multiUse": False}),
        ({"ttl_minutes": 120, "multi_use": True}, {"ttl": "120", "multiUse": True}),
    ],
)
async def test_tac_profile_carries_ttl_as_a_string_and_multi_use_as_a_boolean(
    kwargs: dict[str, Any],
    profile: dict[str, Any],
    okta: OktaClient,
    mocked: FakeOkta,
    wire: list[HttpRequest],
) -> None:
    serve(mocked, "POST", TAC_ENROLLMENT)

    await okta.create_tac_authenticator_enrollment(USER_ID, "aut1tac", **kwargs)

    assert {"authenticatorId": "aut1tac", "profile": profile} == only(wire).json()


async def test_user_agent_names_oktakit_python_and_aiohttp_versions(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "GET", user_json())

    await okta.get_user(USER_ID)

    user_agent = only(wire).headers["User-Agent"]
    assert USER_AGENT == user_agent
    assert re.fullmatch(
        r"oktakit/\d+\.\d+\.\d+\S* python/\d+\.\d+\.\d+\S* aiohttp/\d+\.\d+\.\d+\S*", user_agent
    )


# -- results ------------------------------------------------------------------------------


async def test_get_user_returns_a_model_with_standard_and_custom_attributes(
    okta: OktaClient, mocked: FakeOkta
) -> None:
    serve(mocked, "GET", user_json(legalName="Jane Quinn Doe", dateOfBirth="1990-01-31"))

    user = await okta.get_user(USER_ID)

    assert isinstance(user, User)
    assert (USER_ID, "ACTIVE") == (user.id, user.status)
    assert f"{USER_ID}@acme.com" == user.profile.email
    assert "Jane Quinn Doe" == user.profile["legalName"]
    assert "1990-01-31" == user.profile["dateOfBirth"]


async def test_list_users_yields_user_models(okta: OktaClient, mocked: FakeOkta) -> None:
    serve(mocked, "GET", [user_json("00u1"), user_json("00u2", status="SUSPENDED")])

    users = [u async for u in okta.list_users(search='status eq "ACTIVE"')]

    assert [("00u1", "ACTIVE"), ("00u2", "SUSPENDED")] == [(u.id, u.status) for u in users]
    assert all(isinstance(u, User) for u in users)


async def test_activation_returns_the_token_and_url(okta: OktaClient, mocked: FakeOkta) -> None:
    serve(mocked, "POST", ACTIVATION_TOKEN)

    token = await okta.activate_user(USER_ID, send_email=False)

    assert isinstance(token, UserActivationToken)
    assert (ACTIVATION_TOKEN["activationToken"], ACTIVATION_TOKEN["activationUrl"]) == (
        token.activation_token,
        token.activation_url,
    )


@pytest.mark.parametrize("body", ["", "{}"])
@pytest.mark.parametrize(
    "call",
    [
        lambda o: o.deactivate_user(USER_ID),
        lambda o: o.reset_factors(USER_ID),
        lambda o: o.suspend_user(USER_ID),
        lambda o: o.unsuspend_user(USER_ID),
        lambda o: o.unlock_user(USER_ID),
    ],
    ids=["deactivate", "reset_factors", "suspend", "unsuspend", "unlock"],
)
async def test_lifecycle_operations_return_none_on_an_empty_body_or_empty_object(
    call: Callable[[OktaClient], Any], body: str, okta: OktaClient, mocked: FakeOkta
) -> None:
    mocked.add(ANY_URL, "POST", status=200, body=body)

    assert None is await call(okta)


async def test_user_resources_and_roles_return_their_models(okta: OktaClient, mocked: FakeOkta) -> None:
    mocked.get(f"{ORG}/api/v1/users/{USER_ID}/groups", payload=[GROUP])
    mocked.get(f"{ORG}/api/v1/authenticators", payload=[AUTHENTICATOR])
    mocked.get(f"{ORG}/api/v1/authenticators/aut1tac", payload=AUTHENTICATOR)
    mocked.post(f"{ORG}/api/v1/users/{USER_ID}/authenticator-enrollments/tac", payload=TAC_ENROLLMENT)
    mocked.get(f"{ORG}/oauth2/v1/clients/0oa1svc/roles", payload=[ROLE_ASSIGNMENT])
    mocked.get(f"{ORG}/api/v1/iam/roles/cr0custom/permissions", payload=PERMISSIONS)

    groups = [g async for g in okta.list_user_groups(USER_ID)]
    authenticators = [a async for a in okta.list_authenticators()]
    authenticator = await okta.get_authenticator("aut1tac")
    tac = await okta.create_tac_authenticator_enrollment(USER_ID, "aut1tac", ttl_minutes=60)
    roles = [r async for r in okta.list_roles_for_client("0oa1svc")]
    permissions = await okta.list_role_permissions("cr0custom")

    assert [("00g1abc", "Engineering")] == [(g.id, g.profile.name) for g in groups]
    assert all(isinstance(g, Group) for g in groups)
    assert [("aut1tac", "tac", "ACTIVE")] == [(a.id, a.key, a.status) for a in authenticators]
    assert isinstance(authenticator, Authenticator)
    assert "tac" == authenticator.type
    assert isinstance(tac, TacAuthenticatorEnrollment)
    assert ("n@C*bU26", True) == (tac.profile.tac, tac.profile.multi_use)
    assert [("irb1abc", "SUPER_ADMIN")] == [(r.id, r.type) for r in roles]
    assert all(isinstance(r, RoleAssignment) for r in roles)
    assert ["okta.users.read", "okta.users.lifecycle.suspend"] == [p.label for p in permissions]
    assert all(isinstance(p, Permission) for p in permissions)


async def test_a_role_without_permissions_gives_an_empty_list(okta: OktaClient, mocked: FakeOkta) -> None:
    serve(mocked, "GET", {})

    assert [] == await okta.list_role_permissions("cr0custom")


# -- percent-encoding of path values -------------------------------------------------------

# Each id and the single path segment it must become.
AWKWARD_IDS = {
    "../x": "..%2Fx",
    "a/b": "a%2Fb",
    "?x=1": "%3Fx%3D1",
    "#frag": "%23frag",
    "%2F": "%252F",
    "a b": "a%20b",
    "ünï": "%C3%BCn%C3%AF",
    "00u1;x": "00u1%3Bx",
    "jane.doe+tag@acme.com": "jane.doe%2Btag%40acme.com",
}

# (operation, call with the awkward value, path template, HTTP method, response body)
PATH_OPERATIONS: list[tuple[str, Callable[[OktaClient, Any], Any], str, str, Any]] = [
    ("get_user", lambda o, v: o.get_user(v), "/api/v1/users/{}", "GET", user_json()),
    ("update_user", lambda o, v: o.update_user(v, profile={"a": 1}), "/api/v1/users/{}", "POST", user_json()),
    (
        "replace_user",
        lambda o, v: o.replace_user(v, profile=FULL_PROFILE),
        "/api/v1/users/{}",
        "PUT",
        user_json(),
    ),
    ("activate_user", lambda o, v: o.activate_user(v), "/api/v1/users/{}/lifecycle/activate", "POST", {}),
    (
        "deactivate_user",
        lambda o, v: o.deactivate_user(v),
        "/api/v1/users/{}/lifecycle/deactivate",
        "POST",
        None,
    ),
    (
        "reactivate_user",
        lambda o, v: o.reactivate_user(v),
        "/api/v1/users/{}/lifecycle/reactivate",
        "POST",
        {},
    ),
    (
        "reset_factors",
        lambda o, v: o.reset_factors(v),
        "/api/v1/users/{}/lifecycle/reset_factors",
        "POST",
        None,
    ),
    ("suspend_user", lambda o, v: o.suspend_user(v), "/api/v1/users/{}/lifecycle/suspend", "POST", None),
    (
        "unsuspend_user",
        lambda o, v: o.unsuspend_user(v),
        "/api/v1/users/{}/lifecycle/unsuspend",
        "POST",
        None,
    ),
    ("unlock_user", lambda o, v: o.unlock_user(v), "/api/v1/users/{}/lifecycle/unlock", "POST", None),
    ("list_user_groups", lambda o, v: o.list_user_groups(v), "/api/v1/users/{}/groups", "GET", []),
    (
        "get_authenticator",
        lambda o, v: o.get_authenticator(v),
        "/api/v1/authenticators/{}",
        "GET",
        AUTHENTICATOR,
    ),
    (
        "create_tac_authenticator_enrollment",
        lambda o, v: o.create_tac_authenticator_enrollment(v, "aut1tac"),
        "/api/v1/users/{}/authenticator-enrollments/tac",
        "POST",
        TAC_ENROLLMENT,
    ),
    (
        "list_roles_for_client",
        lambda o, v: o.list_roles_for_client(v),
        "/oauth2/v1/clients/{}/roles",
        "GET",
        [],
    ),
    (
        "list_role_permissions",
        lambda o, v: o.list_role_permissions(v),
        "/api/v1/iam/roles/{}/permissions",
        "GET",
        PERMISSIONS,
    ),
]


# ASCII test ids: pytest run twice in one process (as mutmut does) cannot select an explicit
# id it had to escape.
@pytest.mark.parametrize(
    ("value", "segment"),
    list(AWKWARD_IDS.items()),
    ids=[value if value.isascii() else "non-ASCII" for value in AWKWARD_IDS],
)
@pytest.mark.parametrize(
    ("call", "template", "method", "response"),
    [pytest.param(*op[1:], id=op[0]) for op in PATH_OPERATIONS],
)
async def test_a_path_value_lands_in_exactly_one_segment_and_never_changes_path_or_query(
    *,
    call: Callable[[OktaClient, Any], Any],
    template: str,
    method: str,
    response: Any,
    value: str,
    segment: str,
    okta: OktaClient,
    mocked: FakeOkta,
    wire: list[HttpRequest],
) -> None:
    serve(mocked, method, response)

    await run(call(okta, value))

    url = only(wire).url
    expected_path = template.format(segment)
    assert expected_path == url.raw_path
    assert ORG + expected_path == str(url)
    assert "" == url.raw_query_string
    assert "" == url.raw_fragment
    template_segments = template.split("/")
    assert len(template_segments) == len(url.raw_path.split("/"))
    assert value == url.parts[template_segments.index("{}")]


async def test_the_login_and_awkward_ids_arrive_as_one_segment_at_a_real_server() -> None:
    """Through aiohttp's real client to a loopback server: what the server actually receives."""
    received: list[tuple[str, str, str, str | None]] = []

    async def handler(request: web.Request) -> web.Response:
        received.append(
            (
                request.raw_path,
                request.match_info["id"],
                request.query_string,
                request.headers.get("Authorization"),
            )
        )
        return web.json_response(user_json())

    app = web.Application()
    app.router.add_get("/api/v1/users/{id}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        port = runner.addresses[0][1]
        async with OktaClient(f"http://127.0.0.1:{port}", auth=ApiToken(TOKEN)) as okta:
            for value in AWKWARD_IDS:
                await okta.get_user(value)
    finally:
        await runner.cleanup()

    assert [
        (f"/api/v1/users/{segment}", value, "", f"SSWS {TOKEN}") for value, segment in AWKWARD_IDS.items()
    ] == received


INVALID_PATH_VALUES = [".", "..", "", 123, None, b"00u1"]


@pytest.mark.parametrize("value", INVALID_PATH_VALUES, ids=repr)
@pytest.mark.parametrize(
    "call",
    [pytest.param(op[1], id=op[0]) for op in PATH_OPERATIONS]
    + [
        pytest.param(
            lambda o, v: o.create_tac_authenticator_enrollment(USER_ID, v), id="tac-authenticator-id"
        )
    ],
)
async def test_dot_segments_empty_and_non_string_path_values_are_refused_before_sending(
    call: Callable[[OktaClient, Any], Any],
    value: Any,
    okta: OktaClient,
    mocked: FakeOkta,
    wire: list[HttpRequest],
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        await run(call(okta, value))

    assert isinstance(caught.value, ValueError)
    assert [] == wire


@pytest.mark.parametrize("type_id", [".", "..", "", 123], ids=repr)
async def test_replace_user_refuses_a_dot_segment_empty_or_non_string_type_id(
    type_id: Any, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    with pytest.raises(InvalidArgumentError):
        await okta.replace_user(USER_ID, profile=FULL_PROFILE, type_id=type_id)

    assert [] == wire


async def test_list_iterators_refuse_bad_arguments_when_called_not_when_iterated(okta: OktaClient) -> None:
    with pytest.raises(InvalidArgumentError):
        okta.list_user_groups("..")
    with pytest.raises(InvalidArgumentError):
        okta.list_users(limit=0)


async def test_query_values_are_sent_as_words_and_numbers_and_other_types_are_refused(
    okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    serve(mocked, "GET", [])
    pipeline = okta._get_pipeline()
    operation = registry.LIST_USERS

    with pytest.raises(InvalidArgumentError, match="a must be a string"):
        await pipeline.send(ApiRequest(operation, "/api/v1/users", params={"a": Decimal("1.50")}))
    await pipeline.send(ApiRequest(operation, "/api/v1/users", params={"b": True, "c": False, "d": 2.5}))

    assert f"{ORG}/api/v1/users?b=true&c=false&d=2.5" == str(only(wire).url)

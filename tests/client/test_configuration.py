"""Client settings (org URL, token, environment, timeout, session) and argument validation."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from yarl import URL

from oktakit import ApiToken, ConfigurationError, HttpRequest, InvalidArgumentError, OktaClient, OktaError
from oktakit.auth import OrgConnection, Resend
from tests._fake_okta import FakeOkta
from tests.client._support import AUTHORIZATION, TAC_ENROLLMENT, USER_ID, run, user_json
from tests.conftest import ORG, TOKEN

USER_URL = f"{ORG}/api/v1/users/{USER_ID}"


# -- org URL --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org_url", "expected"),
    [
        ("https://acme.okta.com", "https://acme.okta.com"),
        ("https://acme.okta.com/", "https://acme.okta.com"),
        ("  https://acme.okta.com  ", "https://acme.okta.com"),
        ("HTTPS://ACME.OKTA.COM", "https://acme.okta.com"),
        ("https://acme.oktapreview.com:8443", "https://acme.oktapreview.com:8443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.0.0.1", "http://127.0.0.1"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("http://localhost:5000", "http://localhost:5000"),
    ],
)
def test_an_https_org_url_or_a_loopback_http_url_is_accepted(org_url: str, expected: str) -> None:
    assert expected == OktaClient(org_url, auth=ApiToken(TOKEN)).org_url


@pytest.mark.parametrize(
    "org_url",
    [
        "http://acme.okta.com",
        "http://10.0.0.5:8080",
        "http://0.0.0.0:8080",
        "http://localhost.evil.example",
        "http://127.0.0.1.nip.io",
        "ftp://acme.okta.com",
        "ws://localhost:1234",
        "acme.okta.com",
        "//acme.okta.com",
        "https://",
        "",
        "   ",
        "https://acme.okta.com/api/v1",
        "https://acme.okta.com/oauth2/default",
        "https://acme.okta.com?tenant=1",
        "https://acme.okta.com/#admin",
        "https://admin:hunter2@acme.okta.com",
        "https://admin@acme.okta.com",
        "https://acme.okta.com:99999",
        "https://acme .okta.com",
        "https://acme.okta.com\x00",
        "0://[]@",  # yarl indexes the empty bracketed host: once an IndexError
    ],
)
def test_an_unsafe_or_malformed_org_url_is_a_configuration_error(org_url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        OktaClient(org_url, auth=ApiToken(TOKEN))

    assert isinstance(caught.value, OktaError)
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("org_url", [None, 42, b"https://acme.okta.com"])
def test_a_non_string_org_url_is_a_configuration_error(org_url: Any) -> None:
    with pytest.raises(ConfigurationError):
        OktaClient(org_url, auth=ApiToken(TOKEN))


def test_http_is_refused_with_a_message_that_says_why() -> None:
    with pytest.raises(ConfigurationError, match="must use https"):
        OktaClient("http://acme.okta.com", auth=ApiToken(TOKEN))


@pytest.mark.parametrize(
    ("admin_console", "org_url"),
    [
        ("https://acme-admin.okta.com", "https://acme.okta.com"),
        ("https://acme-admin.okta.com/", "https://acme.okta.com"),
        ("https://ACME-Admin.Okta.com", "https://acme.okta.com"),
        ("https://dev-123456-admin.oktapreview.com", "https://dev-123456.oktapreview.com"),
        ("https://acme-admin.okta-emea.com", "https://acme.okta-emea.com"),
    ],
)
def test_an_admin_console_url_is_refused_naming_the_orgs_url(admin_console: str, org_url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        OktaClient(admin_console, auth=ApiToken(TOKEN))

    assert "Admin Console" in str(caught.value)
    assert f"use the org's URL {org_url} instead" in str(caught.value)


@pytest.mark.parametrize(
    "org_url",
    ["https://admin.okta.com", "https://acme-administration.okta.com", "https://acme-admin.example.com"],
)
def test_hosts_that_only_look_like_an_admin_console_are_accepted(org_url: str) -> None:
    assert org_url == OktaClient(org_url, auth=ApiToken(TOKEN)).org_url


# -- token ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["", "   ", "SSWS", "SSWS ", "ssws   ", "abc def", "abc\r\nX-Evil: 1", "abc\x00", "abc\x7f", "tab\tbed"],
    ids=repr,
)
def test_an_empty_or_whitespace_or_control_character_token_is_refused(token: str) -> None:
    with pytest.raises(ConfigurationError):
        ApiToken(token)


@pytest.mark.parametrize("token", [None, 123, b"00abc"])
def test_a_non_string_token_is_refused(token: Any) -> None:
    with pytest.raises(ConfigurationError):
        ApiToken(token)


@pytest.mark.parametrize(
    "token",
    [
        "00abcDEF-123_xyz",
        "  00abcDEF-123_xyz\n",
        "SSWS 00abcDEF-123_xyz",
        "ssws 00abcDEF-123_xyz",
        "SSWS   00abcDEF-123_xyz",
    ],
)
async def test_the_token_is_sent_as_ssws_and_a_pasted_ssws_prefix_is_stripped(token: str) -> None:
    assert {"Authorization": "SSWS 00abcDEF-123_xyz"} == await ApiToken(token).headers("GET", USER_URL)


def test_the_token_repr_hides_the_token() -> None:
    assert "ApiToken(token='***')" == repr(ApiToken(TOKEN))


@pytest.mark.parametrize("auth", [None, TOKEN, object(), {"Authorization": f"SSWS {TOKEN}"}], ids=repr)
def test_auth_must_be_a_credential_object(auth: Any) -> None:
    with pytest.raises(ConfigurationError):
        OktaClient(ORG, auth=auth)


async def test_a_custom_auth_object_supplies_the_headers(mocked: FakeOkta, wire: list[HttpRequest]) -> None:
    class Bearer:
        def __init__(self) -> None:
            self.seen: list[tuple[str, str]] = []

        def connect(self, connection: OrgConnection) -> Bearer:
            assert URL(ORG) == connection.org
            return self

        async def headers(self, method: str, url: URL) -> dict[str, str]:
            self.seen.append((method, str(url)))
            return {"Authorization": "Bearer eyJ.abc.def"}

        async def after_response(self, sent: object, status: int, headers: object, body: bytes) -> Resend:
            return Resend.NO

    auth = Bearer()
    mocked.get(USER_URL, payload=user_json())

    async with OktaClient(ORG, auth=auth, transport=mocked.transport) as okta:
        await okta.get_user(USER_ID)

    assert [("GET", USER_URL)] == auth.seen
    assert "Bearer eyJ.abc.def" == wire[0].headers["Authorization"]


# -- environment ----------------------------------------------------------------------------


async def test_from_env_reads_the_org_url_and_token(
    monkeypatch: pytest.MonkeyPatch, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    monkeypatch.setenv("OKTA_ORG_URL", "https://env.okta.com/")
    monkeypatch.setenv("OKTA_API_TOKEN", " 00env-token \n")
    mocked.get(f"https://env.okta.com/api/v1/users/{USER_ID}", payload=user_json())

    async with OktaClient.from_env(transport=mocked.transport) as okta:
        user = await okta.get_user(USER_ID)

    assert "https://env.okta.com" == okta.org_url
    assert USER_ID == user.id
    assert "SSWS 00env-token" == wire[0].headers["Authorization"]


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "OKTA_ORG_URL"),
        ({"OKTA_API_TOKEN": TOKEN}, "OKTA_ORG_URL"),
        ({"OKTA_ORG_URL": "  ", "OKTA_API_TOKEN": TOKEN}, "OKTA_ORG_URL"),
        ({"OKTA_ORG_URL": ORG}, "OKTA_API_TOKEN"),
        ({"OKTA_ORG_URL": ORG, "OKTA_API_TOKEN": ""}, "OKTA_API_TOKEN"),
        ({"OKTA_ORG_URL": ORG, "OKTA_API_TOKEN": " \t "}, "OKTA_API_TOKEN"),
    ],
)
def test_from_env_names_the_missing_variable(
    env: dict[str, str], missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OKTA_ORG_URL", raising=False)
    monkeypatch.delenv("OKTA_API_TOKEN", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ConfigurationError) as caught:
        OktaClient.from_env()

    assert missing in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_from_env_validates_the_org_url_like_the_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKTA_ORG_URL", "http://acme.okta.com")
    monkeypatch.setenv("OKTA_API_TOKEN", TOKEN)

    with pytest.raises(ConfigurationError, match="https"):
        OktaClient.from_env()


# -- timeout --------------------------------------------------------------------------------


@pytest.mark.parametrize("timeout", [0, -1, -0.5, True, False, "30", None, math.nan, [30]], ids=repr)
def test_a_non_positive_or_non_numeric_timeout_is_refused(timeout: Any) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        OktaClient(ORG, auth=ApiToken(TOKEN), timeout=timeout)


@pytest.mark.parametrize(("seconds", "expected"), [(1, 1.0), (0.25, 0.25), (120, 120.0)])
async def test_a_positive_timeout_is_used_for_every_request(
    seconds: float, expected: float, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(USER_URL, payload=user_json())

    async with OktaClient(ORG, auth=ApiToken(TOKEN), timeout=seconds, transport=mocked.transport) as okta:
        await okta.get_user(USER_ID)

    assert [expected] == [request.timeout for request in wire]


def test_the_client_repr_names_the_org_and_hides_the_token() -> None:
    assert "OktaClient('https://acme.okta.com', auth=ApiToken(token='***'))" == repr(
        OktaClient(ORG, auth=ApiToken(TOKEN))
    )


# -- arguments refused before any request -------------------------------------------------

REFUSED: list[Any] = [
    pytest.param(lambda o: o.list_users(limit=0), id="limit-0"),
    pytest.param(lambda o: o.list_users(limit=201), id="limit-201"),
    pytest.param(lambda o: o.list_users(limit=-5), id="limit-negative"),
    pytest.param(lambda o: o.list_users(limit=True), id="limit-True"),
    pytest.param(lambda o: o.list_users(limit="50"), id="limit-string"),
    pytest.param(lambda o: o.list_users(limit=50.0), id="limit-float"),
    pytest.param(lambda o: o.list_users(sort_order="ASC"), id="sort-order-upper"),
    pytest.param(lambda o: o.list_users(sort_order="up"), id="sort-order-other"),
    pytest.param(lambda o: o.list_users(sort_order=""), id="sort-order-empty"),
    pytest.param(lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=9), id="ttl-9"),
    pytest.param(
        lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=14401), id="ttl-14401"
    ),
    pytest.param(lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=0), id="ttl-0"),
    pytest.param(
        lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=True), id="ttl-True"
    ),
    pytest.param(
        lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes="60"), id="ttl-str"
    ),
    pytest.param(
        lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=60.0), id="ttl-float"
    ),
    pytest.param(
        lambda o: o.create_tac_authenticator_enrollment(USER_ID, "aut1", multi_use="yes"), id="multi-use"
    ),
    pytest.param(lambda o: o.activate_user(USER_ID, send_email="false"), id="send-email-string"),
    pytest.param(lambda o: o.deactivate_user(USER_ID, send_email=0), id="send-email-int"),
    pytest.param(lambda o: o.reactivate_user(USER_ID, send_email="no"), id="reactivate-send-email"),
    pytest.param(lambda o: o.update_user(USER_ID), id="update-nothing"),
    pytest.param(lambda o: o.update_user(USER_ID, profile={}), id="update-empty-profile"),
    pytest.param(lambda o: o.update_user(USER_ID, credentials={}), id="update-empty-credentials"),
    pytest.param(lambda o: o.update_user(USER_ID, profile=[("nickName", "Sam")]), id="update-profile-list"),
    pytest.param(lambda o: o.update_user(USER_ID, profile="nickName=Sam"), id="update-profile-string"),
    pytest.param(lambda o: o.update_user(USER_ID, credentials="pw"), id="update-credentials-string"),
    pytest.param(lambda o: o.update_user(USER_ID, password=""), id="update-password-empty"),
    pytest.param(lambda o: o.update_user(USER_ID, password=12345678), id="update-password-int"),
    pytest.param(
        lambda o: o.update_user(USER_ID, profile={"a": 1}, if_match='W/"x"\r\nX-Evil: 1'), id="if-match-crlf"
    ),
    pytest.param(lambda o: o.update_user(USER_ID, profile={"a": 1}, if_match=7), id="if-match-int"),
    pytest.param(lambda o: o.update_user(USER_ID, profile={"when": object()}), id="update-unserialisable"),
    pytest.param(lambda o: o.update_user(USER_ID, profile={"ratio": math.nan}), id="update-nan"),
    pytest.param(lambda o: o.replace_user(USER_ID, profile={}), id="replace-empty-profile"),
    pytest.param(lambda o: o.replace_user(USER_ID, profile="login=x"), id="replace-profile-string"),
    pytest.param(lambda o: o.replace_user(USER_ID, profile=None), id="replace-profile-none"),
    pytest.param(
        lambda o: o.replace_user(USER_ID, profile={"login": "x"}, credentials=["pw"]),
        id="replace-credentials-list",
    ),
    pytest.param(
        lambda o: o.replace_user(USER_ID, profile={"login": "x"}, if_match="a\nb"),
        id="replace-if-match-newline",
    ),
]


@pytest.mark.parametrize("call", REFUSED)
async def test_a_bad_argument_is_refused_before_any_request(
    call: Callable[[OktaClient], Any], okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        await run(call(okta))

    assert isinstance(caught.value, ValueError)
    assert [] == wire


@pytest.mark.parametrize(
    ("call", "url"),
    [
        (lambda o: o.list_users(limit=1), f"{ORG}/api/v1/users?limit=1"),
        (lambda o: o.list_users(limit=200), f"{ORG}/api/v1/users?limit=200"),
        (
            lambda o: o.list_users(sort_by="created", sort_order="asc"),
            f"{ORG}/api/v1/users?sortBy=created&sortOrder=asc",
        ),
    ],
    ids=["limit-1", "limit-200", "sort-asc"],
)
async def test_boundary_arguments_are_accepted(
    call: Callable[[OktaClient], Any], url: str, okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]
) -> None:
    mocked.get(url, payload=[])

    assert [] == await run(call(okta))
    assert [url] == [str(s.url) for s in wire]


async def test_ttl_bounds_are_inclusive(okta: OktaClient, mocked: FakeOkta, wire: list[HttpRequest]) -> None:
    mocked.post(f"{USER_URL}/authenticator-enrollments/tac", payload=TAC_ENROLLMENT, repeat=True)

    await okta.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=10)
    await okta.create_tac_authenticator_enrollment(USER_ID, "aut1", ttl_minutes=14400)

    assert ["10", "14400"] == [s.json()["profile"]["ttl"] for s in wire]
    assert [AUTHORIZATION] * 2 == [s.headers["Authorization"] for s in wire]

"""Credentials from the environment: a service app when OKTA_CLIENT_ID is set, else an API token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oktakit import ApiToken, ConfigurationError, OktaClient, PrivateKeyJWT
from oktakit._settings import auth_from_env
from tests._fake_okta import FakeOkta
from tests.auth._support import CLIENT_ID, Api, TokenEndpoint, ec_key, key_material, pem, private_jwk, rfc7638
from tests.client._support import USER_ID
from tests.conftest import ORG, TOKEN

P256 = ec_key("P-256")
KID = rfc7638(private_jwk(P256))
PASSPHRASE = "env-passphrase-123"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "OKTA_ORG_URL",
        "OKTA_API_TOKEN",
        "OKTA_CLIENT_ID",
        "OKTA_PRIVATE_KEY",
        "OKTA_PRIVATE_KEY_FILE",
        "OKTA_PRIVATE_KEY_PASSPHRASE",
        "OKTA_KEY_ID",
        "OKTA_SCOPES",
        "OKTA_DPOP",
    ):
        monkeypatch.delenv(name, raising=False)


def service_app_env(**extra: str) -> dict[str, str]:
    return {
        "OKTA_CLIENT_ID": CLIENT_ID,
        "OKTA_PRIVATE_KEY": pem(P256),
        "OKTA_SCOPES": "okta.users.read",
        **extra,
    }


def loaded(env: dict[str, str]) -> PrivateKeyJWT:
    auth = auth_from_env(env)
    assert isinstance(auth, PrivateKeyJWT)
    return auth


def test_a_client_id_and_a_pem_make_a_service_app() -> None:
    auth = loaded(service_app_env())

    assert (CLIENT_ID, ("okta.users.read",), KID, "ES256", False) == (
        auth.client_id,
        auth.scopes,
        auth.key_id,
        auth.algorithm,
        auth.dpop,
    )


def test_a_pem_flattened_to_literal_backslash_n_still_loads() -> None:
    flattened = pem(P256).replace("\n", "\\n")
    assert "\n" not in flattened

    assert KID == loaded(service_app_env(OKTA_PRIVATE_KEY=flattened)).key_id


def test_a_jwk_in_the_variable_loads_with_its_kid() -> None:
    jwk = json.dumps({**private_jwk(P256), "kid": "jwk-kid"})

    assert "jwk-kid" == loaded(service_app_env(OKTA_PRIVATE_KEY=jwk)).key_id


def test_the_key_id_variable_names_the_kid() -> None:
    assert "env-kid" == loaded(service_app_env(OKTA_KEY_ID="env-kid")).key_id


def test_an_encrypted_key_file_is_read_with_its_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "okta.pem"
    path.write_text(pem(P256, passphrase=PASSPHRASE.encode()))
    env = service_app_env(
        OKTA_PRIVATE_KEY="", OKTA_PRIVATE_KEY_FILE=str(path), OKTA_PRIVATE_KEY_PASSPHRASE=PASSPHRASE
    )

    assert KID == loaded(env).key_id


def test_a_wrong_passphrase_is_a_configuration_error_that_shows_neither_passphrase_nor_key(
    tmp_path: Path,
) -> None:
    path = tmp_path / "okta.pem"
    path.write_text(pem(P256, passphrase=b"the right one"))
    env = service_app_env(
        OKTA_PRIVATE_KEY="", OKTA_PRIVATE_KEY_FILE=str(path), OKTA_PRIVATE_KEY_PASSPHRASE=PASSPHRASE
    )

    with pytest.raises(ConfigurationError, match="passphrase") as caught:
        auth_from_env(env)

    assert PASSPHRASE not in str(caught.value)
    assert all(material not in str(caught.value) for material in key_material(P256))


def test_an_unreadable_key_file_is_named_in_the_error(tmp_path: Path) -> None:
    missing = tmp_path / "absent.pem"

    with pytest.raises(ConfigurationError, match="OKTA_PRIVATE_KEY_FILE") as caught:
        auth_from_env(service_app_env(OKTA_PRIVATE_KEY="", OKTA_PRIVATE_KEY_FILE=str(missing)))

    assert str(missing) in str(caught.value)


def test_both_key_variables_at_once_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "okta.pem"
    path.write_text(pem(P256))

    with pytest.raises(ConfigurationError, match="not both"):
        auth_from_env(service_app_env(OKTA_PRIVATE_KEY_FILE=str(path)))


def test_a_client_id_without_a_key_names_both_key_variables() -> None:
    with pytest.raises(ConfigurationError) as caught:
        auth_from_env(service_app_env(OKTA_PRIVATE_KEY="  "))

    assert "OKTA_PRIVATE_KEY " in str(caught.value)
    assert "OKTA_PRIVATE_KEY_FILE" in str(caught.value)


@pytest.mark.parametrize(
    "scopes",
    [
        "okta.users.read,okta.users.manage",
        "okta.users.read okta.users.manage",
        " okta.users.read, okta.users.manage ",
    ],
    ids=["commas", "spaces", "both"],
)
def test_scopes_may_be_separated_by_commas_or_spaces(scopes: str) -> None:
    assert ("okta.users.read", "okta.users.manage") == loaded(service_app_env(OKTA_SCOPES=scopes)).scopes


def test_a_service_app_without_scopes_names_the_variable() -> None:
    with pytest.raises(ConfigurationError, match="OKTA_SCOPES"):
        auth_from_env(service_app_env(OKTA_SCOPES=" , "))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("1", True),
        ("YES", True),
        ("on", True),
        ("false", False),
        ("0", False),
        ("no", False),
        ("", False),
    ],
)
def test_okta_dpop_reads_true_or_false(value: str, expected: bool) -> None:
    assert expected is loaded(service_app_env(OKTA_DPOP=value)).dpop


def test_okta_dpop_refuses_anything_else() -> None:
    with pytest.raises(ConfigurationError, match="OKTA_DPOP must be true or false, not 'maybe'"):
        auth_from_env(service_app_env(OKTA_DPOP="maybe"))


def test_without_a_client_id_the_api_token_is_used() -> None:
    auth = auth_from_env({"OKTA_API_TOKEN": TOKEN, "OKTA_SCOPES": "okta.users.read"})

    assert isinstance(auth, ApiToken)


def test_a_client_id_wins_over_an_api_token() -> None:
    assert isinstance(auth_from_env(service_app_env(OKTA_API_TOKEN=TOKEN)), PrivateKeyJWT)


def test_no_credentials_at_all_names_the_variables_to_set() -> None:
    with pytest.raises(ConfigurationError) as caught:
        auth_from_env({})

    for name in (
        "OKTA_CLIENT_ID",
        "OKTA_PRIVATE_KEY",
        "OKTA_PRIVATE_KEY_FILE",
        "OKTA_SCOPES",
        "OKTA_API_TOKEN",
    ):
        assert name in str(caught.value)


def test_the_process_environment_is_read_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKTA_API_TOKEN", TOKEN)

    assert isinstance(auth_from_env(), ApiToken)


async def test_from_env_makes_a_service_app_client_that_asks_for_the_env_scopes(
    monkeypatch: pytest.MonkeyPatch, mocked: FakeOkta, token_endpoint: TokenEndpoint, api: Api
) -> None:
    for name, value in {
        "OKTA_ORG_URL": ORG,
        **service_app_env(OKTA_SCOPES="okta.users.read,okta.users.manage"),
    }.items():
        monkeypatch.setenv(name, value)

    async with OktaClient.from_env(transport=mocked.transport) as okta:
        await okta.get_user(USER_ID)

    assert "okta.users.read okta.users.manage" == token_endpoint.requests[0].form["scope"]
    assert f"Bearer {token_endpoint.issued[0]}" == api.requests[0].headers["Authorization"]


async def test_from_env_with_okta_dpop_sends_proofs(
    monkeypatch: pytest.MonkeyPatch, mocked: FakeOkta, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.token_type = "DPoP"
    for name, value in {"OKTA_ORG_URL": ORG, **service_app_env(OKTA_DPOP="true")}.items():
        monkeypatch.setenv(name, value)

    async with OktaClient.from_env(transport=mocked.transport) as okta:
        await okta.get_user(USER_ID)

    assert "DPoP" in token_endpoint.requests[0].headers
    assert f"DPoP {token_endpoint.issued[0]}" == api.requests[0].headers["Authorization"]


async def test_an_explicit_auth_beats_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: FakeOkta, api: Api
) -> None:
    monkeypatch.setenv("OKTA_ORG_URL", ORG)
    monkeypatch.setenv("OKTA_CLIENT_ID", CLIENT_ID)  # an unusable service app: never looked at
    monkeypatch.setenv("OKTA_PRIVATE_KEY", "not a key")

    async with OktaClient.from_env(auth=ApiToken(TOKEN), transport=mocked.transport) as okta:
        await okta.get_user(USER_ID)

    assert f"SSWS {TOKEN}" == api.requests[0].headers["Authorization"]


def test_from_env_without_an_org_url_names_the_variable() -> None:
    with pytest.raises(ConfigurationError, match="OKTA_ORG_URL is not set"):
        OktaClient.from_env(auth=ApiToken(TOKEN))

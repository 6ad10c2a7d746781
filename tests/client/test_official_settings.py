"""The official Okta SDK's settings, read as it documents them (okta-sdk-python's README,
"Configuration reference": ``~/.okta/okta.yaml``, then ``./okta.yaml``, then the
``OKTA_CLIENT_*`` environment variables, a later source winning key by key; the names are
``OKTA_CLIENT_`` and the ``okta.client`` key in capitals), with oktakit's own names first."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from oktakit import ApiToken, ConfigurationError, OktaClient, PrivateKeyJWT, generate_signing_key
from oktakit._official_settings import official_settings
from oktakit._settings import auth_from_env, org_url_from_env
from oktakit.testing import OktaSimulator
from tests.bulk._support import run_process


def write_yaml(path: Path, **client: object) -> Path:
    """An okta.yaml as the official SDK's README shows it (okta: client: key: value)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["okta:", "  client:"] + [f"    {key}: {json.dumps(value)}" for key, value in client.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home and an empty working directory: no okta.yaml unless a test writes one."""
    folder = tmp_path / "home"
    folder.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return folder


async def test_later_sources_win_key_by_key_in_the_documented_order(home: Path) -> None:
    write_yaml(
        home / ".okta" / "okta.yaml", orgUrl="https://home.okta.com", token="home-token", clientId="0oaHOME"
    )
    write_yaml(Path.cwd() / "okta.yaml", token="local-token", scopes=["okta.users.read"])
    env = {"HOME": str(home), "OKTA_CLIENT_TOKEN": "env-token"}

    found = official_settings(env)

    assert "https://home.okta.com" == found["orgUrl"].value  # only the user's file has it
    assert "0oaHOME" == found["clientId"].value
    assert ["okta.users.read"] == found["scopes"].value  # the application's file
    assert "env-token" == found["token"].value  # the environment over both files
    assert "OKTA_CLIENT_TOKEN" == found["token"].source
    assert "~/.okta/okta.yaml (okta.client.orgUrl)" == found["orgUrl"].source


async def test_environment_names_only_and_oktakit_s_own_names_first(home: Path) -> None:
    official = {
        "HOME": str(home),
        "OKTA_CLIENT_ORGURL": "https://official.okta.com",
        "OKTA_CLIENT_TOKEN": "official-token",
    }

    assert "https://official.okta.com" == org_url_from_env(official)
    assert isinstance(auth_from_env(official), ApiToken)
    ours = official | {"OKTA_ORG_URL": "https://ours.okta.com", "OKTA_API_TOKEN": "our-token"}
    assert "https://ours.okta.com" == org_url_from_env(ours)
    # A second credential's prefix is oktakit's alone: the official names do not stand in.
    with pytest.raises(ConfigurationError, match="OKTA_AUDITOR_API_TOKEN"):
        auth_from_env(official, prefix="OKTA_AUDITOR_")


async def test_private_key_mode_from_the_environment_with_comma_separated_scopes(home: Path) -> None:
    key = generate_signing_key("RS256")
    env = {
        "HOME": str(home),
        "OKTA_CLIENT_AUTHORIZATIONMODE": "PrivateKey",
        "OKTA_CLIENT_CLIENTID": "0oa1",
        "OKTA_CLIENT_SCOPES": "okta.users.read,okta.users.manage",
        "OKTA_CLIENT_PRIVATEKEY": key.private_pem().decode(),
    }

    auth = auth_from_env(env)

    assert isinstance(auth, PrivateKeyJWT)
    assert ("0oa1", ("okta.users.read", "okta.users.manage")) == (auth.client_id, tuple(auth.scopes))


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"OKTA_CLIENT_AUTHORIZATIONMODE": "PrivateKey", "OKTA_CLIENT_CLIENTID": "0oa1"},
         "privateKey, scopes"),
        ({"OKTA_CLIENT_AUTHORIZATIONMODE": "Bearer", "OKTA_CLIENT_TOKEN": "t"}, "SSWS"),
        ({"OKTA_CLIENT_AUTHORIZATIONMODE": "PrivateKey", "OKTA_CLIENT_CLIENTID": "0oa1",
          "OKTA_CLIENT_SCOPES": "okta.users.read", "OKTA_CLIENT_PRIVATEKEY": "/no/such/key.pem"}, "key file"),
    ],
)  # fmt: skip
async def test_incomplete_or_unknown_official_settings_say_what_is_wrong(
    home: Path, env: dict[str, str], said: str
) -> None:
    with pytest.raises(ConfigurationError, match=said):
        auth_from_env({"HOME": str(home), **env})


async def test_an_org_url_without_a_scheme_suggests_https(home: Path) -> None:
    with pytest.raises(ConfigurationError, match=re.escape("https://acme.okta.com")):
        org_url_from_env({"OKTA_ORG_URL": "acme.okta.com"})
    with pytest.raises(ConfigurationError, match="OKTA_CLIENT_ORGURL: the org URL needs its scheme"):
        org_url_from_env({"HOME": str(home), "OKTA_CLIENT_ORGURL": "acme.okta.com"})


async def test_a_yaml_file_that_does_not_parse_is_named_and_its_text_never_quoted(home: Path) -> None:
    secret = "00SECRETtoken0123456789"
    (home / ".okta").mkdir()
    (home / ".okta" / "okta.yaml").write_text(f"okta:\n  client:\n    token: {secret}\n   bad: [\n")

    with pytest.raises(ConfigurationError) as caught:
        official_settings({"HOME": str(home)})

    assert "~/.okta/okta.yaml is not YAML" in str(caught.value)
    assert secret not in str(caught.value)


async def test_a_client_from_the_official_yaml_alone_reads_users(okta_sim: OktaSimulator, home: Path) -> None:
    write_yaml(home / ".okta" / "okta.yaml", orgUrl=okta_sim.url, token=okta_sim.api_token)
    env = {"HOME": str(home)}

    async with OktaClient(org_url_from_env(env), auth=auth_from_env(env)) as okta:
        users = [user async for user in okta.list_users(limit=5)]

    assert users


async def test_a_service_app_from_the_official_yaml_with_a_key_file_gets_tokens(
    okta_sim: OktaSimulator, home: Path, tmp_path: Path
) -> None:
    key = generate_signing_key("ES256")
    key_file = tmp_path / "app.pem"
    key_file.write_bytes(key.private_pem())
    from oktakit import public_jwks

    app = okta_sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=["okta.users.read"])
    write_yaml(
        Path.cwd() / "okta.yaml",
        orgUrl=okta_sim.url,
        authorizationMode="PrivateKey",
        clientId=app.client_id,
        scopes=["okta.users.read"],
        privateKey=str(key_file),
    )
    env = {"HOME": str(home)}

    async with OktaClient(org_url_from_env(env), auth=auth_from_env(env)) as okta:
        result = await okta.check()

    assert frozenset({"okta.users.read"}) == result.granted_scopes


async def test_the_cli_runs_on_the_official_environment_variables_alone(
    okta_sim: OktaSimulator, home: Path
) -> None:
    import sys

    code, out, err = await run_process(
        okta_sim,
        "/usr/bin/env",
        "-u",
        "OKTA_ORG_URL",
        "-u",
        "OKTA_API_TOKEN",
        f"HOME={home}",
        f"OKTA_CLIENT_ORGURL={okta_sim.url}",
        f"OKTA_CLIENT_TOKEN={okta_sim.api_token}",
        sys.executable,
        "-m",
        "oktakit",
        "users",
        "list",
        "--format",
        "jsonl",
    )

    assert 0 == code, err
    assert out.splitlines()

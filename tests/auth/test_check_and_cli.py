"""``OktaClient.check()`` and the ``oktakit keys`` / ``oktakit check`` commands."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from aioresponses import aioresponses

from oktakit import (
    ApiToken,
    CheckResult,
    CredentialInfo,
    OAuthError,
    OktaClient,
    PrivateKeyJWT,
    generate_signing_key,
    load_signing_key,
    public_jwks,
)
from oktakit.cli import main
from oktakit.testing import OktaSimulator
from tests.auth._support import (
    CLIENT_ID,
    USERS_URL,
    Answer,
    Api,
    Described,
    TokenEndpoint,
    oauth_error,
    pem,
    rsa_key,
)
from tests.auth.conftest import ClientFactory
from tests.client._support import AUTHENTICATOR, user_json
from tests.conftest import ORG, TOKEN

# -- check() -----------------------------------------------------------------------------------------


async def test_check_with_a_service_app_reports_the_granted_scopes_and_one_read(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    api.then(Answer(payload=[user_json()]))

    result = await okta.check()

    assert (
        CheckResult(
            org_url=ORG,
            credential=f"service app {CLIENT_ID} (private-key JWT)",
            dpop=False,
            granted_scopes=frozenset({"okta.users.read", "okta.users.manage"}),
            read="listed users (first: 00u1abc)",
        )
        == result
    )
    assert [f"{USERS_URL}?limit=1"] == [str(r.url) for r in api.requests]
    assert (
        f"org:         {ORG}\n"
        f"credential:  service app {CLIENT_ID} (private-key JWT)\n"
        "scopes:      okta.users.manage okta.users.read\n"
        "read:        listed users (first: 00u1abc)"
    ) == result.summary()


async def test_check_with_only_authenticators_read_lists_authenticators(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.scope = "okta.authenticators.read"
    api.then(Answer(payload=[AUTHENTICATOR, {**AUTHENTICATOR, "id": "aut2", "key": "okta_email"}]))

    result = await okta.check()

    assert "listed 2 authenticators" == result.read
    assert [f"{ORG}/api/v1/authenticators"] == [str(r.url) for r in api.requests]


async def test_check_with_only_manage_scopes_says_it_tested_nothing_and_is_not_ok(
    okta: OktaClient, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.scope = "okta.users.manage"

    result = await okta.check()

    assert (False, False) == (result.tested, result.ok)
    # The scopes Okta's spec names for the four reads (listUsers, listAuthenticators,
    # listRolesForClient, listScopeConsentGrants in tests/reference/okta-management-openapi.json).
    assert (
        "not tested: the granted scopes allow none of oktakit's cheap reads (they need one of "
        "okta.appGrants.read, okta.authenticators.read, okta.roles.read, okta.users.read); the token "
        "works, but no API call was tried"
    ) == result.read
    assert [] == api.requests


async def test_check_on_an_empty_org_says_so(okta: OktaClient, api: Api) -> None:
    api.then(Answer(payload=[]))

    assert "listed users (the org has none)" == (await okta.check()).read


async def test_check_with_dpop_says_the_tokens_are_bound(
    clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.token_type = "DPoP"
    api.then(Answer(payload=[user_json()]))

    result = await clients(dpop=True).check()

    assert result.dpop is True
    assert (
        f"credential:  service app {CLIENT_ID} (private-key JWT) (DPoP-bound tokens)"
        == result.summary().splitlines()[1]
    )


async def test_check_with_an_api_token_has_no_granted_scopes(clients: ClientFactory, api: Api) -> None:
    api.then(Answer(payload=[user_json()]))

    result = await clients(auth=ApiToken(TOKEN)).check()

    assert (None, "API token (SSWS)") == (result.granted_scopes, result.credential)
    assert "scopes:      all of the API token admin's permissions" in result.summary()
    assert f"SSWS {TOKEN}" == api.requests[0].headers["Authorization"]


def test_the_summary_of_a_token_granted_no_scope_says_none() -> None:
    result = CheckResult(ORG, "service app 0oa1 (private-key JWT)", False, frozenset(), "not tested", False)

    assert "scopes:      (none)" == result.summary().splitlines()[2]


async def test_check_without_a_client_id_never_reads_an_apps_roles(clients: ClientFactory, api: Api) -> None:
    # okta.roles.read allows only listRolesForClient, which needs the app's client ID.
    gateway = Described(CredentialInfo("other", "a token from the gateway", frozenset({"okta.roles.read"})))

    result = await clients(auth=gateway).check()

    assert (False, False) == (result.tested, result.ok)
    assert (
        "not tested: the granted scopes allow none of oktakit's cheap reads (they need one of "
        "okta.authenticators.read, okta.users.read); the token works, but no API call was tried"
    ) == result.read
    assert [] == api.requests


async def _check_on_simulator(scopes: list[str], roles: list[str] | None = None) -> CheckResult:
    key = generate_signing_key("ES256")
    async with OktaSimulator(users=3) as sim:
        app = sim.add_service_app(jwks=public_jwks([key])["keys"], scopes=scopes, roles=roles)
        async with OktaClient(sim.url, auth=PrivateKeyJWT(app.client_id, key, scopes)) as okta:
            return await okta.check()


async def test_check_with_only_the_roles_scope_lists_the_apps_own_admin_roles() -> None:
    # Reading an app's roles takes a role with okta.iam.read: the Super Administrator's.
    result = await _check_on_simulator(["okta.roles.read"], ["SUPER_ADMIN", "REPORT_ADMIN"])

    assert (True, True) == (result.tested, result.ok)
    assert "listed the app's 2 admin roles" == result.read


async def test_check_with_only_the_grants_scope_lists_the_apps_own_scope_grants() -> None:
    # okta.logs.read allows none of the four reads; the app's grants are the two scopes given it.
    result = await _check_on_simulator(["okta.appGrants.read", "okta.logs.read"])

    assert (True, True) == (result.tested, result.ok)
    assert "listed the app's 2 scope grants" == result.read


async def test_check_whose_read_the_admin_role_refuses_is_not_tested_and_not_ok() -> None:
    # The API Access Management Administrator holds okta.authzServers.manage only, not okta.users.read.
    result = await _check_on_simulator(["okta.users.read"], ["API_ACCESS_MANAGEMENT_ADMIN"])

    assert (False, False) == (result.tested, result.ok)
    assert result.read.startswith("refused (list_users): HTTP 403 E0000006: ")
    assert "You do not have permission to perform the requested action" in result.read


async def test_check_raises_the_oauth_error_when_the_token_is_refused(
    okta: OktaClient, token_endpoint: TokenEndpoint
) -> None:
    token_endpoint.then(oauth_error(401, "invalid_client", "Invalid value for 'client_id' parameter."))

    with pytest.raises(OAuthError):
        await okta.check()


# -- oktakit keys --------------------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_keys_new_writes_an_owner_only_key_and_prints_its_jwks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "okta.pem"

    assert 0 == main(["keys", "new", "--out", str(out)])

    printed = capsys.readouterr()
    jwks = json.loads(printed.out)
    key = load_signing_key(out.read_text())
    assert 0o600 == mode(out)
    assert [key.kid] == [k["kid"] for k in jwks["keys"]]
    assert ("ES256", "sig") == (jwks["keys"][0]["alg"], jwks["keys"][0]["use"])
    assert "d" not in jwks["keys"][0]
    assert f"kid {key.kid}" in printed.err

    assert 0 == main(["keys", "jwks", str(out)])
    assert jwks == json.loads(capsys.readouterr().out)


def test_keys_new_makes_the_algorithm_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "okta.pem"

    assert 0 == main(["keys", "new", "--alg", "ES384", "--out", str(out)])

    assert "ES384" == json.loads(capsys.readouterr().out)["keys"][0]["alg"]


def test_keys_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "okta.pem"
    out.write_text("precious")

    assert 2 == main(["keys", "new", "--out", str(out)])

    printed = capsys.readouterr()
    assert "precious" == out.read_text()
    assert "" == printed.out
    assert f"oktakit keys: ConfigurationError: {out} exists; pass --force to overwrite it\n" == printed.err


def test_keys_new_with_force_replaces_the_file_and_makes_it_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "okta.pem"
    out.write_text("old")
    out.chmod(0o644)

    assert 0 == main(["keys", "new", "--force", "--out", str(out)])

    kid = json.loads(capsys.readouterr().out)["keys"][0]["kid"]
    assert kid == load_signing_key(out.read_text()).kid
    assert 0o600 == mode(out)


def test_keys_new_into_a_missing_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "absent" / "okta.pem"

    assert 2 == main(["keys", "new", "--out", str(out)])

    assert capsys.readouterr().err.startswith(f"oktakit keys: ConfigurationError: cannot write {out}")


def test_keys_jwks_takes_kid_alg_and_a_passphrase_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rsa.pem"
    path.write_text(pem(rsa_key(), passphrase=b"s3cret"))
    monkeypatch.setenv("KEY_PASSPHRASE", "s3cret")

    code = main(
        ["keys", "jwks", str(path), "--kid", "k-2024", "--alg", "RS384", "--passphrase-env", "KEY_PASSPHRASE"]
    )

    assert 0 == code
    [jwk] = json.loads(capsys.readouterr().out)["keys"]
    assert ("k-2024", "RS384", "RSA") == (jwk["kid"], jwk["alg"], jwk["kty"])


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), ("not a key", "neither PEM text nor a JWK")],
    ids=["missing file", "not a key"],
)
def test_keys_jwks_reports_unusable_files_without_a_traceback(
    content: str | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "key.pem"
    if content is not None:
        path.write_text(content)

    assert 2 == main(["keys", "jwks", str(path)])

    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


# -- oktakit check -------------------------------------------------------------------------------------


@pytest.fixture
def check_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (
        "OKTA_ORG_URL",
        "OKTA_API_TOKEN",
        "OKTA_CLIENT_ID",
        "OKTA_PRIVATE_KEY",
        "OKTA_PRIVATE_KEY_FILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OKTA_ORG_URL", ORG)
    return monkeypatch


def test_check_command_prints_the_summary_and_exits_0(
    check_env: pytest.MonkeyPatch, on_aiohttp: aioresponses, api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    check_env.setenv("OKTA_API_TOKEN", TOKEN)
    api.then(Answer(payload=[user_json()]))

    assert 0 == main(["check"])

    out = capsys.readouterr().out
    assert (
        f"org:         {ORG}\n"
        "credential:  API token (SSWS)\n"
        "scopes:      all of the API token admin's permissions\n"
        "read:        listed users (first: 00u1abc)\n"
        "ok: the credentials work\n"
    ) == out
    assert TOKEN not in out


def test_check_command_takes_the_org_url_from_its_option(
    check_env: pytest.MonkeyPatch, on_aiohttp: aioresponses, api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    check_env.delenv("OKTA_ORG_URL")
    check_env.setenv("OKTA_API_TOKEN", TOKEN)
    api.then(Answer(payload=[user_json()]))

    assert 0 == main(["check", "--org-url", ORG])
    assert f"org:         {ORG}" in capsys.readouterr().out


def test_check_command_exits_1_with_the_oauth_error_and_no_traceback(
    check_env: pytest.MonkeyPatch,
    on_aiohttp: aioresponses,
    token_endpoint: TokenEndpoint,
    capsys: pytest.CaptureFixture[str],
) -> None:
    check_env.setenv("OKTA_CLIENT_ID", CLIENT_ID)
    check_env.setenv("OKTA_PRIVATE_KEY", pem(rsa_key()))
    check_env.setenv("OKTA_SCOPES", "okta.users.read")
    token_endpoint.then(oauth_error(401, "invalid_client", "The client_assertion signature is invalid."))

    assert 1 == main(["check"])

    printed = capsys.readouterr()
    assert "" == printed.out
    assert printed.err.startswith(
        "oktakit check: OAuthError: the token request was refused (HTTP 401 invalid_client: "
        "The client_assertion signature is invalid.)"
    )
    assert "Traceback" not in printed.err


def test_check_command_prints_what_the_server_said_without_its_escape_sequences(
    check_env: pytest.MonkeyPatch,
    on_aiohttp: aioresponses,
    token_endpoint: TokenEndpoint,
    capsys: pytest.CaptureFixture[str],
) -> None:
    check_env.setenv("OKTA_CLIENT_ID", CLIENT_ID)
    check_env.setenv("OKTA_PRIVATE_KEY", pem(rsa_key()))
    check_env.setenv("OKTA_SCOPES", "okta.users.read")
    hostile = "bad\x1b[2J\x1b]0;owned\x07 key\r\nok: the credentials work\u202etxt.exe\ud800"
    token_endpoint.then(oauth_error(401, "invalid_client", hostile))

    assert 1 == main(["check"])

    err = capsys.readouterr().err
    assert "invalid_client: bad key ok: the credentials worktxt.exe\ufffd)" in err
    assert err.count("\n") == 1  # one line, ended by print
    assert err.encode("utf-8")  # printable on any UTF-8 terminal (no lone surrogate)


def test_check_command_without_credentials_is_a_usage_error_naming_the_variables(
    check_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 2 == main(["check"])

    assert "OKTA_API_TOKEN" in capsys.readouterr().err

"""A credential of the user's own (``OktaClient(auth=...)`` with their ``Auth``) is described by
its authorizer: check() and the preflight report what it says it is, never "API token"."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from yarl import URL

from oktakit import Authorizer, CredentialInfo, OktaClient, OrgConnection, PreflightReport, Resend
from oktakit.testing import OktaSimulator
from tests._fake_okta import FakeOkta
from tests.auth._support import Described
from tests.auth.conftest import ClientFactory


class VaultToken:
    """An API token fetched from a secret store at connect time (here: handed over)."""

    def __init__(self, fetch: str) -> None:
        self._fetch = fetch

    def connect(self, connection: OrgConnection) -> VaultAuthorizer:
        return VaultAuthorizer(self._fetch)


class LegacyAuthorizer:
    """Written against the protocol before it had ``describe``."""

    def __init__(self, token: str) -> None:
        self._header = {"Authorization": f"SSWS {token}"}

    async def headers(self, method: str, url: URL) -> Mapping[str, str]:
        return self._header

    async def after_response(
        self, sent: Mapping[str, str], status: int, headers: Mapping[str, str], body: bytes
    ) -> Resend:
        return Resend.NO


class VaultAuthorizer(LegacyAuthorizer):
    async def describe(self) -> CredentialInfo:
        return CredentialInfo("api_token", "API token from the vault (path okta/prod)")


class LegacyAuth:
    def __init__(self, token: str) -> None:
        self._token = token

    def connect(self, connection: OrgConnection) -> LegacyAuthorizer:
        return LegacyAuthorizer(self._token)


def test_a_custom_authorizer_satisfies_the_protocol() -> None:
    authorizer: Authorizer = VaultAuthorizer("00abc")  # mypy checks this line against the protocol

    assert isinstance(authorizer, VaultAuthorizer)


async def test_check_and_preflight_name_a_custom_credential_as_it_describes_itself() -> None:
    async with (
        OktaSimulator(users=3, seed=1) as sim,
        OktaClient(sim.url, auth=VaultToken(sim.api_token)) as okta,
    ):
        result = await okta.check(["suspend_user"])
        info = await okta.credential()

    assert "API token from the vault (path okta/prod)" == result.credential
    assert result.preflight is not None
    assert "API token from the vault (path okta/prod)" == result.preflight.credential
    assert result.ok  # the token is the super admin's: its roles were read and cover the job
    assert ("api_token", None) == (info.kind, info.granted_scopes)


async def test_an_authorizer_without_describe_is_never_reported_as_an_api_token() -> None:
    async with (
        OktaSimulator(users=3, seed=1) as sim,
        # Not an Auth to mypy any more (no describe), but still accepted at run time.
        OktaClient(sim.url, auth=LegacyAuth(sim.api_token)) as okta,  # type: ignore[arg-type]
    ):
        result = await okta.check(["suspend_user"])

    assert "a custom credential (LegacyAuthorizer)" == result.credential
    assert result.tested  # the read itself worked
    assert result.preflight is not None
    assert not result.ok  # nothing could be read about what it may do, so nothing is claimed
    assert any("cannot be read" in reason for reason in result.preflight.unverified)


@pytest.mark.parametrize(
    "info",
    [
        # An "other" credential: nothing can be read about it, whatever it says (CredentialInfo).
        CredentialInfo("other", "a gateway token", frozenset({"okta.users.manage"}), "0oa1gateway"),
        # A service app whose client ID is not known has no roles or grants to read ...
        CredentialInfo("service_app", "a broker's service app", frozenset({"okta.users.manage"})),
        # ... nor one whose granted scopes are not known.
        CredentialInfo("service_app", "a broker's service app 0oa1", None, "0oa1broker"),
    ],
)
async def test_a_credential_whose_scopes_and_roles_cannot_be_read_is_not_verified_without_a_request(
    clients: ClientFactory, mocked: FakeOkta, info: CredentialInfo
) -> None:
    okta = clients(auth=Described(info))

    report = await okta.preflight(["suspend_user"], bulk=True)

    assert (
        PreflightReport(
            operations=("suspend_user",),
            credential=info.description,
            missing_scopes=(),
            missing_permissions=(),
            missing_resources=(),
            excess_scopes=(),
            excess_permissions=(),
            broader_roles=(),
            unverified=(
                f"{info.description} is neither an API token nor a service app whose client ID and "
                "granted scopes are known: its scopes and roles cannot be read",
            ),
            notes=(),
            bulk=True,
        )
        == report
    )
    assert not report.ok
    assert [] == mocked.requests

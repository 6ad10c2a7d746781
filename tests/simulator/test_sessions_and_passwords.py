"""A user's sessions, OAuth grants and refresh tokens, passwords and factors, as Okta keeps them:
what each revocation clears (and leaves), which statuses take a password change, and Okta's
answers (codes from its catalogue, through ``assert_okta_error``)."""

from __future__ import annotations

import string

import aiohttp
import pytest

from oktakit.testing import ManualClock, OktaSimulator, SimUser
from oktakit.testing._account_state import SimAccount
from oktakit.testing._credentials import factor_id

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


def signed_in(sim: OktaSimulator, status: str = "ACTIVE") -> SimUser:
    """A user of ``status`` with a session and, through two client apps, grants and tokens."""
    user = user_with(sim, status, has_password=True)
    user.account = SimAccount()  # none of what the seed gave it
    expenses, wiki = list(sim.org.client_apps)[:2]
    sim.sign_in(user.id)
    sim.sign_in(user.id, client_id=expenses, scopes=["openid", "email", "offline_access"])
    sim.sign_in(user.id, client_id=wiki)
    return user


def path(user: SimUser, suffix: str) -> str:
    return f"/api/v1/users/{user.id}{suffix}"


# --- sessions and OAuth tokens ---------------------------------------------------------------
async def test_revoking_sessions_ends_them_and_leaves_tokens_and_grants(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    tokens, grants = list(user.account.refresh_tokens), list(user.account.grants)

    status, body, _ = await call(client, "DELETE", path(user, "/sessions"))

    assert (204, None) == (status, body)
    assert [] == user.account.sessions
    assert not user.account.remembered_devices  # forgetDevices defaults to true
    assert (tokens, grants) == (user.account.refresh_tokens, user.account.grants)


async def test_revoking_sessions_with_oauth_tokens_revokes_every_refresh_token_not_the_grants(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    grants = list(user.account.grants)

    status, _, _ = await call(
        client, "DELETE", path(user, "/sessions"), params={"oauthTokens": "true", "forgetDevices": "false"}
    )

    assert 204 == status
    assert ([], grants) == (user.account.refresh_tokens, user.account.grants)
    assert user.account.remembered_devices


async def test_sessions_are_found_by_user_id_only(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = signed_in(sim)
    status, body, _ = await call(client, "DELETE", f"/api/v1/users/{user.login}/sessions")
    assert_okta_error(status, body, 404, "E0000007", f"Resource not found: {user.login} (User)")
    assert user.account.sessions


async def test_suspending_ends_sessions_and_deactivating_ends_tokens_and_grants_too(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    suspended, deactivated = signed_in(sim), signed_in(sim, "PASSWORD_EXPIRED")

    assert 200 == (await call(client, "POST", path(suspended, "/lifecycle/suspend")))[0]
    assert 200 == (await call(client, "POST", path(deactivated, "/lifecycle/deactivate")))[0]

    assert ([], True, True) == (
        suspended.account.sessions,
        bool(suspended.account.refresh_tokens),
        bool(suspended.account.grants),
    )
    account = deactivated.account
    assert ([], [], []) == (account.sessions, account.refresh_tokens, account.grants)


async def test_a_user_s_clients_are_those_holding_a_grant_or_a_token(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    expenses, wiki = list(sim.org.client_apps)[:2]

    _, listed, _ = await call(client, "GET", path(user, "/clients"))
    assert [expenses, wiki] == [c["client_id"] for c in listed]
    assert path(user, f"/clients/{expenses}/tokens") in listed[0]["_links"]["tokens"]["href"]

    await call(client, "DELETE", path(user, f"/clients/{expenses}/tokens"))
    await call(client, "DELETE", path(user, "/grants"))
    _, listed, _ = await call(client, "GET", path(user, "/clients"))
    assert [wiki] == [c["client_id"] for c in listed]  # its refresh token is left
    assert {wiki} == {t.client_id for t in user.account.refresh_tokens}


async def test_grants_page_by_limit_with_okta_s_links_filter_by_scope_and_embed_it(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    held = [g.id for g in user.account.grants]

    seen, url = [], path(user, "/grants?limit=2")
    while url:
        status, page, response = await call(client, "GET", url)
        assert 200 == status
        seen += [g["id"] for g in page]
        links = {link.get("rel"): str(link["url"]) for link in response.links.values()}
        assert "limit=2" in links["self"]
        url = links.get("next", "").removeprefix(sim.url)
    assert held == seen

    _, page, response = await call(client, "GET", path(user, "/grants"), params={"scopeId": "email"})
    assert ["email"] == [g["scopeId"] for g in page]
    assert "limit=20" in response.headers["Link"]  # Okta's default page, as recorded
    _, page, _ = await call(
        client, "GET", path(user, "/grants"), params={"scopeId": "email", "expand": "scope"}
    )
    assert [{"scope": {"id": "email"}}] == [g["_embedded"] for g in page]


async def test_one_grant_is_revoked_then_not_found(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = signed_in(sim)
    grant = user.account.grants[0].id

    assert 204 == (await call(client, "DELETE", path(user, f"/grants/{grant}")))[0]
    status, body, _ = await call(client, "DELETE", path(user, f"/grants/{grant}"))

    assert_okta_error(status, body, 404, "E0000007", f"Resource not found: {grant} (OAuth2ScopeConsentGrant)")
    assert grant not in [g.id for g in user.account.grants]


async def test_tokens_of_a_client_the_org_does_not_have_are_not_found(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    status, body, _ = await call(client, "GET", path(user, "/clients/0oaNoSuchApp/tokens"))
    assert_okta_error(status, body, 404, "E0000007", "Resource not found: 0oaNoSuchApp (AppInstance)")


async def test_a_user_s_refresh_tokens_for_a_client_show_scopes_and_a_revoke_link(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = signed_in(sim)
    expenses = next(iter(sim.org.client_apps))
    _, tokens, _ = await call(
        client, "GET", path(user, f"/clients/{expenses}/tokens"), params={"expand": "scope"}
    )
    [token] = tokens
    assert (["openid", "email", "offline_access"], "ACTIVE") == (token["scopes"], token["status"])
    assert ["DELETE"] == token["_links"]["revoke"]["hints"]["allow"]
    assert ["openid", "email", "offline_access"] == [s["id"] for s in token["_embedded"]["scopes"]]


# --- passwords -------------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY"])
async def test_expiring_a_password_answers_the_user_password_expired(
    sim: OktaSimulator, client: aiohttp.ClientSession, status: str
) -> None:
    user = user_with(sim, status, has_password=True)
    code, body, _ = await call(client, "POST", path(user, "/lifecycle/expire_password"))
    assert (200, user.id, "PASSWORD_EXPIRED") == (code, body["id"], body["status"])
    assert "expirePassword" in body["_links"]  # as recorded: it may be expired again


# Statuses whose user's _links offer no expirePassword / resetPassword (a PROVISIONED user is
# offered resetPassword: it finishes setting up that way).
REFUSED = [
    (status, action)
    for status in ("STAGED", "PROVISIONED", "SUSPENDED", "DEPROVISIONED")
    for action in ("expire_password", "expire_password_with_temp_password", "reset_password")
    if (status, action) != ("PROVISIONED", "reset_password")
]


@pytest.mark.parametrize(("status", "action"), REFUSED)
async def test_a_password_operation_the_status_does_not_offer_is_refused(
    sim: OktaSimulator, client: aiohttp.ClientSession, status: str, action: str
) -> None:
    user = user_with(sim, status)
    code, body, _ = await call(
        client, "POST", path(user, f"/lifecycle/{action}"), params={"sendEmail": "false"}
    )
    assert_okta_error(code, body, 403, "E0000038")
    assert status == user.status


async def test_a_temporary_password_is_returned_once_and_kept_only_as_a_digest(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = signed_in(sim)
    clock.advance(5)

    status, body, _ = await call(
        client,
        "POST",
        path(user, "/lifecycle/expire_password_with_temp_password"),
        params={"revokeSessions": "true"},
    )

    assert 200 == status
    assert ["tempPassword"] == list(body)
    temporary = body["tempPassword"]
    assert 12 == len(temporary)
    assert set(temporary) <= set(string.ascii_letters + string.digits)
    assert ("PASSWORD_EXPIRED", [], clock()) == (user.status, user.account.sessions, user.password_changed)
    assert temporary not in repr(user)
    assert temporary not in repr(sim.org.users)
    second = (await call(client, "POST", path(user, "/lifecycle/expire_password_with_temp_password")))[1]
    assert temporary != second["tempPassword"]  # a repeat sets another one


async def test_a_reset_link_is_returned_or_emailed_and_the_user_is_in_recovery(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    linked, emailed = user_with(sim, "ACTIVE", has_password=True), user_with(sim, "PASSWORD_EXPIRED")

    _, link, _ = await call(
        client, "POST", path(linked, "/lifecycle/reset_password"), params={"sendEmail": "false"}
    )
    status, empty, _ = await call(client, "POST", path(emailed, "/lifecycle/reset_password"))

    assert link["resetPasswordUrl"].startswith(f"{sim.url}/reset_password/")
    assert (200, {}) == (status, empty)  # sendEmail defaults to true: Okta emails the link
    assert ("RECOVERY", "RECOVERY") == (linked.status, emailed.status)
    token = link["resetPasswordUrl"].rsplit("/", 1)[1]
    assert token not in repr(linked)


async def test_revoke_sessions_on_a_password_reset_ends_them(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    kept, ended = signed_in(sim), signed_in(sim, "PASSWORD_EXPIRED")
    await call(client, "POST", path(kept, "/lifecycle/reset_password"), params={"sendEmail": "true"})
    await call(
        client,
        "POST",
        path(ended, "/lifecycle/reset_password"),
        params={"sendEmail": "true", "revokeSessions": "true"},
    )
    assert (True, []) == (bool(kept.account.sessions), ended.account.sessions)


async def test_a_password_expired_user_may_be_suspended_unless_the_org_follows_the_spec_s_wording(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    first, second = [u for u in sim.org.users.values() if u.status == "PASSWORD_EXPIRED"][:2]
    assert 200 == (await call(client, "POST", path(first, "/lifecycle/suspend")))[0]
    sim.org.options.suspend_password_expired = False
    status, body, _ = await call(client, "POST", path(second, "/lifecycle/suspend"))
    assert_okta_error(status, body, 400, "E0000001", "status")
    assert ("SUSPENDED", "PASSWORD_EXPIRED") == (first.status, second.status)


# --- factors ---------------------------------------------------------------------------------
async def test_factors_are_listed_with_okta_s_types_and_stable_ids_and_no_temporary_code(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    user.factors = ["okta_verify", "phone_number", "okta_email", "webauthn", "tac"]

    _, factors, _ = await call(client, "GET", path(user, "/factors"))
    _, again, _ = await call(client, "GET", path(user, "/factors"))

    assert [("push", "OKTA"), ("sms", "OKTA"), ("email", "OKTA"), ("webauthn", "FIDO")] == [
        (f["factorType"], f["provider"]) for f in factors
    ]
    assert [f["id"] for f in factors] == [f["id"] for f in again]
    assert [f["id"][:3] for f in factors] == ["opf", "mbl", "emf", "fwf"]  # Okta's prefixes


async def test_a_factor_is_unenrolled_once_then_not_found_and_never_for_a_deactivated_user(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user, gone = user_with(sim, "ACTIVE"), user_with(sim, "DEPROVISIONED")
    user.factors, gone.factors = ["okta_verify", "okta_email"], ["okta_email"]
    push = factor_id(user, "okta_verify")

    assert 204 == (await call(client, "DELETE", path(user, f"/factors/{push}")))[0]
    status, body, _ = await call(client, "DELETE", path(user, f"/factors/{push}"))
    assert_okta_error(status, body, 404, "E0000007", f"Resource not found: {push} (UserFactor)")
    status, body, _ = await call(client, "DELETE", path(gone, f"/factors/{factor_id(gone, 'okta_email')}"))
    assert_okta_error(status, body, 403, "E0000038")
    assert (["okta_email"], ["okta_email"]) == (user.factors, gone.factors)


async def test_resetting_factors_leaves_none_to_list(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = user_with(sim, "ACTIVE")
    user.factors = ["okta_verify", "phone_number"]
    await call(client, "POST", path(user, "/lifecycle/reset_factors"))
    assert (200, []) == (await call(client, "GET", path(user, "/factors")))[:2]

"""OktaClient against the embedded simulator: behaviour end to end over real HTTP.

These use the ``okta_sim`` and ``okta`` fixtures of oktakit's own pytest plugin, exactly as our
users would.
"""

from __future__ import annotations

import pytest

from oktakit import (
    ApiToken,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    OktaClient,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TransportError,
)
from oktakit.testing import OktaSimulator, RateLimitConfig


def _first(sim: OktaSimulator, status: str) -> str:
    return next(uid for uid in sim.org.users if sim.org.users[uid].status == status)


async def test_get_user_by_id_login_and_shortname_returns_the_same_user_with_custom_attributes(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    login = okta_sim.org.users[uid].profile["login"]
    by_id = await okta.get_user(uid)
    by_login = await okta.get_user(login)
    by_short = await okta.get_user(login.split("@")[0])
    assert uid == by_id.id == by_login.id == by_short.id
    assert "ACTIVE" == by_id.status
    assert login == by_id.profile.login
    assert okta_sim.org.users[uid].profile["legalName"] == by_id.profile["legalName"]
    assert okta_sim.org.users[uid].profile["dateOfBirth"] == by_id.profile["dateOfBirth"]


async def test_get_unknown_user_raises_not_found_with_okta_error_code_and_id(okta: OktaClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        await okta.get_user("00unobodyhere123456")
    assert "E0000007" == caught.value.error_code
    assert caught.value.error_id
    assert "E0000007" in str(caught.value)


@pytest.mark.okta_sim(users=45)
async def test_list_users_follows_next_links_across_pages_and_yields_every_user(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    expected = sorted(uid for uid in okta_sim.org.users if okta_sim.org.users[uid].status != "DEPROVISIONED")
    okta_sim.reset_counters()
    got = [u.id async for u in okta.list_users(limit=10)]
    assert expected == sorted(got)
    assert len(got) == len(set(got))
    assert (len(expected) + 9) // 10 == okta_sim.request_counts["listUsers"]


async def test_list_users_search_returns_only_matching_users(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    expected = sorted(uid for uid in okta_sim.org.users if okta_sim.org.users[uid].status == "SUSPENDED")
    got = sorted([u.id async for u in okta.list_users(search='status eq "SUSPENDED"')])
    assert expected == got


async def test_partial_update_changes_only_given_attributes_and_none_clears(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    before = dict(okta_sim.org.users[uid].profile)
    updated = await okta.update_user(uid, profile={"nickName": "Sparrow", "legalName": None})
    assert "Sparrow" == updated.profile.nick_name
    assert updated.profile.get("legalName") is None
    assert before["firstName"] == updated.profile.first_name
    assert before["department"] == okta_sim.org.users[uid].profile["department"]


async def test_replace_user_removes_attributes_not_sent(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    uid = _first(okta_sim, "ACTIVE")
    profile = okta_sim.org.users[uid].profile
    minimal = {k: profile[k] for k in ("login", "email", "firstName", "lastName")}
    replaced = await okta.replace_user(uid, profile=minimal)
    assert profile["login"] == replaced.profile.login
    assert "department" not in okta_sim.org.users[uid].profile


async def test_suspend_then_unsuspend_moves_the_user_through_the_state_machine(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    await okta.suspend_user(uid)
    assert "SUSPENDED" == (await okta.get_user(uid)).status
    with pytest.raises(BadRequestError) as caught:
        await okta.suspend_user(uid)
    assert "E0000001" == caught.value.error_code
    await okta.unsuspend_user(uid)
    assert "ACTIVE" == (await okta.get_user(uid)).status


async def test_activate_without_email_returns_the_activation_token(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "STAGED")
    token = await okta.activate_user(uid, send_email=False)
    assert token.activation_token
    assert token.activation_token in str(token.activation_url)
    assert okta_sim.org.users[uid].status in ("ACTIVE", "PROVISIONED")


async def test_activating_an_active_user_is_refused_with_e0000016(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        await okta.activate_user(_first(okta_sim, "ACTIVE"))
    assert "E0000016" == caught.value.error_code


async def test_deactivate_reactivate_unlock_and_reset_factors_succeed_where_allowed(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    provisioned = _first(okta_sim, "PROVISIONED")
    assert (await okta.reactivate_user(provisioned, send_email=False)).activation_token
    locked = _first(okta_sim, "LOCKED_OUT")
    await okta.unlock_user(locked)
    assert "ACTIVE" == okta_sim.org.users[locked].status
    active = next(
        u
        for u in okta_sim.org.users
        if okta_sim.org.users[u].status == "ACTIVE" and okta_sim.org.users[u].factors
    )
    await okta.reset_factors(active)
    assert [] == okta_sim.org.users[active].factors
    await okta.deactivate_user(active)
    assert "DEPROVISIONED" == okta_sim.org.users[active].status


async def test_groups_authenticators_and_temporary_access_code(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    groups = [g async for g in okta.list_user_groups(uid)]
    assert sorted(okta_sim.org.users[uid].group_ids) == sorted(g.id for g in groups)
    authenticators = [a async for a in okta.list_authenticators()]
    tac = next(a for a in authenticators if a.key == "tac")
    assert "Temporary Access Code" == (await okta.get_authenticator(tac.id)).name
    enrollment = await okta.create_tac_authenticator_enrollment(uid, tac.id, ttl_minutes=60)
    assert enrollment.profile.tac
    assert "ACTIVE" == enrollment.status


async def test_roles_of_the_service_app_and_permissions_of_its_custom_role(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    client_id = okta_sim.org.default_client_id
    assert client_id
    roles = [r async for r in okta.list_roles_for_client(client_id)]
    custom = next(r for r in roles if r.type == "CUSTOM")
    assert {"USER_ADMIN", "CUSTOM"} == {r.type for r in roles}
    permissions = await okta.list_role_permissions(custom.role)
    assert "okta.users.lifecycle.suspend" in {p.label for p in permissions}


async def test_invalid_api_token_raises_authentication_error_e0000011(okta_sim: OktaSimulator) -> None:
    async with OktaClient(okta_sim.url, auth=ApiToken("not-a-real-token")) as okta:
        with pytest.raises(AuthenticationError) as caught:
            await okta.get_user(_first(okta_sim, "ACTIVE"))
    assert "E0000011" == caught.value.error_code


@pytest.mark.okta_sim(rate_limit=RateLimitConfig.uniform(3, window=30))
async def test_without_pacing_exceeding_the_rate_limit_raises_rate_limit_error_with_reset_time(
    okta_sim: OktaSimulator,
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    async with OktaClient(okta_sim.url, auth=ApiToken(okta_sim.api_token), rate_limit=False) as okta:
        for _ in range(3):
            await okta.get_user(uid)
        with pytest.raises(RateLimitError) as caught:
            await okta.get_user(uid)
    assert "E0000047" == caught.value.error_code
    assert caught.value.retry_after is not None
    assert 0 < caught.value.retry_after <= 31


async def test_html_502_from_a_proxy_raises_server_error(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    okta_sim.inject_fault("html", operation="getUser", status=502, count=1)
    with pytest.raises(ServerError) as caught:
        await okta.get_user(_first(okta_sim, "ACTIVE"))
    assert 502 == caught.value.status


async def test_connection_reset_raises_transport_error(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    # aiohttp silently retries an idempotent GET once after a reset, so reset twice.
    okta_sim.inject_fault("reset", operation="suspendUser", count=2)
    with pytest.raises(TransportError):
        await okta.suspend_user(_first(okta_sim, "ACTIVE"))

"""The containment and directory methods of OktaClient against the embedded simulator: typed
results, lists that follow every page, what reaches Okta (and what never does: bad arguments,
resends of a DELETE that could delete a user)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio
import stamina

from oktakit import ApiToken, InvalidArgumentError, NotFoundError, OktaClient, ServerError, TransportError
from oktakit.models import Group, User
from oktakit.testing import OktaSimulator, RateLimitConfig
from oktakit.testing._account_state import SimAccount
from oktakit_api.models import OAuth2Client, ResetPasswordToken, TempPassword, UserFactor


@pytest.fixture
def retries_on() -> Iterator[None]:
    with stamina.set_testing(True, attempts=5):
        yield


@pytest_asyncio.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=40, seed=5, rate_limit=RateLimitConfig.unlimited()) as simulator:
        yield simulator


@pytest_asyncio.fixture
async def okta(sim: OktaSimulator) -> AsyncIterator[OktaClient]:
    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as client:
        yield client


def _first(sim: OktaSimulator, status: str) -> str:
    return next(uid for uid in sim.org.users if sim.org.users[uid].status == status)


def _signed_in(sim: OktaSimulator) -> str:
    """An ACTIVE user with a session, and grants and refresh tokens from two client apps."""
    uid = _first(sim, "ACTIVE")
    sim.org.users[uid].account = SimAccount()
    expenses, wiki = list(sim.org.client_apps)[:2]
    sim.sign_in(uid, client_id=expenses, scopes=["openid", "email", "profile", "offline_access"])
    sim.sign_in(uid, client_id=wiki)
    return uid


async def test_containment_reads_and_revocations_end_with_nothing_left(
    okta: OktaClient, sim: OktaSimulator
) -> None:
    uid = _signed_in(sim)
    expenses, wiki = list(sim.org.client_apps)[:2]

    clients = [c async for c in okta.list_user_clients(uid)]
    grants = [g async for g in okta.list_user_grants(uid, limit=2)]  # three pages
    tokens = [t async for t in okta.list_refresh_tokens_for_user_and_client(uid, wiki)]
    assert all(isinstance(c, OAuth2Client) for c in clients)
    assert [expenses, wiki] == [c.client_id for c in clients]
    assert [g.id for g in sim.org.users[uid].account.grants] == [g.id for g in grants]
    assert [("openid", "offline_access")] == [tuple(t.scopes or ()) for t in tokens]

    await okta.revoke_user_sessions(uid, oauth_tokens=True)
    await okta.revoke_user_grant(uid, grants[0].id)
    assert 5 == len([g async for g in okta.list_user_grants(uid)])
    await okta.revoke_user_grants(uid)
    account = sim.org.users[uid].account
    assert ([], [], []) == (account.sessions, account.refresh_tokens, account.grants)
    assert [] == [c async for c in okta.list_user_clients(uid)]


async def test_tokens_of_one_client_are_revoked_and_the_other_s_kept(
    okta: OktaClient, sim: OktaSimulator
) -> None:
    uid = _signed_in(sim)
    expenses, wiki = list(sim.org.client_apps)[:2]
    await okta.revoke_tokens_for_user_and_client(uid, expenses)
    assert [] == [t async for t in okta.list_refresh_tokens_for_user_and_client(uid, expenses)]
    assert 1 == len([t async for t in okta.list_refresh_tokens_for_user_and_client(uid, wiki)])


async def test_password_results_are_typed_and_their_secrets_never_in_a_repr(
    okta: OktaClient, sim: OktaSimulator
) -> None:
    first, second = [u for u in sim.org.users if sim.org.users[u].status == "ACTIVE"][:2]

    expired = await okta.expire_password(first)
    temporary = await okta.expire_password_with_temp_password(first, revoke_sessions=True)
    link = await okta.reset_password(second, send_email=False)
    emailed = await okta.reset_password(first)

    assert isinstance(expired, User)
    assert "PASSWORD_EXPIRED" == expired.status
    assert isinstance(temporary, TempPassword)
    assert temporary.temp_password
    assert isinstance(link, ResetPasswordToken)
    assert link.reset_password_url
    assert emailed.reset_password_url is None  # Okta emailed it
    assert ("<TempPassword>", "<ResetPasswordToken>") == (repr(temporary), repr(link))
    assert ("RECOVERY", "RECOVERY") == (sim.org.users[first].status, sim.org.users[second].status)


async def test_factors_are_listed_typed_and_one_is_unenrolled(okta: OktaClient, sim: OktaSimulator) -> None:
    uid = _first(sim, "ACTIVE")
    sim.org.users[uid].factors = ["okta_verify", "phone_number"]
    factors = [f async for f in okta.list_factors(uid)]
    assert all(isinstance(f, UserFactor) for f in factors)
    assert ["push", "sms"] == [str(f.factor_type) for f in factors]
    await okta.unenroll_factor(uid, factors[0].id)
    assert ["sms"] == [str(f.factor_type) async for f in okta.list_factors(uid)]


async def test_a_user_is_created_into_a_group_listed_there_and_deleted_in_two_calls(
    okta: OktaClient, sim: OktaSimulator
) -> None:
    [vpn] = [g async for g in okta.list_groups(q="VPN")]
    assert isinstance(vpn, Group)

    user = await okta.create_user(
        {"login": "ann.lee@example.com", "email": "ann.lee@example.com", "firstName": "Ann"},
        password="Tr0ub4dor&3x",
        group_ids=[vpn.id],
        next_login="changePassword",
    )
    assert "PASSWORD_EXPIRED" == user.status
    assert user.id in [u.id async for u in okta.list_group_users(vpn.id, limit=3)]  # every page

    await okta.delete_user(user.id)
    assert "DEPROVISIONED" == (await okta.get_user(user.id)).status
    await okta.delete_user(user.id, respond_async=True)
    with pytest.raises(NotFoundError):
        await okta.get_user(user.id)


async def test_groups_and_memberships(okta: OktaClient, sim: OktaSimulator) -> None:
    groups = [g async for g in okta.list_groups(limit=3)]
    assert [g.id for g in sim.org.groups.values()] == [g.id for g in groups]
    okta_groups = [
        g.profile.name async for g in okta.list_groups(search='type eq "OKTA_GROUP"', sort_by="profile.name")
    ]
    assert sorted(okta_groups) == okta_groups

    uid, contractors = _first(sim, "ACTIVE"), next(g for g in groups if g.profile.name == "Contractors")
    await okta.assign_user_to_group(contractors.id, uid)
    assert contractors.id in [g.id async for g in okta.list_user_groups(uid)]
    await okta.unassign_user_from_group(contractors.id, uid)
    assert contractors.id not in [g.id async for g in okta.list_user_groups(uid)]


async def test_a_delete_whose_answer_was_lost_is_never_resent(
    okta: OktaClient, sim: OktaSimulator, retries_on: None
) -> None:
    uid = _first(sim, "ACTIVE")
    sim.inject_fault("error", operation="deleteUser", status=503, count=1, applied=True)

    with pytest.raises(ServerError) as caught:
        await okta.delete_user(uid)

    assert 1 == sim.request_counts["deleteUser"]  # a resend would have deleted the user
    assert "not safe to resend" == caught.value.stop_reason
    assert "DEPROVISIONED" == sim.org.users[uid].status  # deactivated by the one request


async def test_a_delete_whose_connection_dropped_after_okta_acted_is_never_resent(
    okta: OktaClient, sim: OktaSimulator, retries_on: None
) -> None:
    """Not by the transport, and not by aiohttp either, which resends a DELETE once on a
    dropped connection unless told not to (aio-libs/aiohttp#7363)."""
    uid = _first(sim, "ACTIVE")
    await okta.get_user(uid)  # a pooled connection, which aiohttp would retry on
    sim.inject_fault("reset", operation="deleteUser", count=1, applied=True)

    with pytest.raises(TransportError):
        await okta.delete_user(uid)

    assert 1 == sim.request_counts["deleteUser"]
    assert "DEPROVISIONED" == sim.org.users[uid].status  # a second DELETE would have deleted it


async def test_a_lost_revocation_is_resent_and_its_404_says_it_was_sent_twice(
    okta: OktaClient, sim: OktaSimulator, retries_on: None
) -> None:
    uid = _signed_in(sim)
    grant = sim.org.users[uid].account.grants[0].id
    sim.inject_fault("error", operation="revokeUserGrant", status=502, count=1, applied=True)

    with pytest.raises(NotFoundError) as caught:
        await okta.revoke_user_grant(uid, grant)

    assert 2 == caught.value.attempts  # the first took effect; the NotFoundError is its echo
    assert grant not in [g.id for g in sim.org.users[uid].account.grants]


BAD_CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("revoke_user_sessions", ("",), {}),
    ("revoke_user_sessions", ("00u1",), {"oauth_tokens": "yes"}),
    ("list_user_grants", ("00u1",), {"limit": 201}),
    ("revoke_user_grant", ("00u1", ".."), {}),
    ("list_refresh_tokens_for_user_and_client", ("00u1", "0oa1"), {"limit": 0}),
    ("reset_password", ("00u1",), {"send_email": "false"}),
    ("unenroll_factor", ("00u1", ""), {}),
    ("create_user", ({"email": "no-login@example.com"},), {}),
    ("create_user", ({"login": "a@example.com"},), {"group_ids": "00g1"}),
    ("create_user", ({"login": "a@example.com"},), {"next_login": "now"}),
    ("create_user", ({"login": "a@example.com"},), {"activate": 1}),
    ("delete_user", ("00u1",), {"respond_async": "yes"}),
    ("list_groups", (), {"limit": 10_001}),
    ("list_groups", (), {"sort_order": "up"}),
    ("list_group_users", ("00g1",), {"limit": 1001}),
    ("assign_user_to_group", ("00g1", 7), {}),
]


@pytest.mark.parametrize(("name", "args", "kwargs"), BAD_CALLS)
async def test_a_bad_argument_is_refused_before_anything_is_sent(
    okta: OktaClient, sim: OktaSimulator, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    sim.reset_counters()
    with pytest.raises(InvalidArgumentError):
        await _invoke(okta, name, args, kwargs)
    assert 0 == sum(sim.request_counts.values())


async def _invoke(okta: OktaClient, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Call a method; await it if it is a coroutine (a list method checks when called)."""
    result = getattr(okta, name)(*args, **kwargs)
    if inspect.isawaitable(result):
        await result

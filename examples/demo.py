"""oktakit in two minutes, on the embedded Okta simulator (run with `nox -s demo`).

Starts a simulated Okta org with seeded users and registers an API service app, then, signed in
as that app (OAuth 2.0 client credentials with a private-key JWT, DPoP-bound tokens), does what
an identity team does every day: look a user up, search, update a profile, suspend and
unsuspend a set of users, reset factors, and issue a temporary access code; then an incident
drill: suspend a whole department in bulk under Okta's rate limits, with a journal, and undo it;
and a containment: end a department's sessions and OAuth tokens, revoke its grants, reset its
factors, expire its passwords and suspend it, then give one account back.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from oktakit import BadRequestError, OktaClient, PrivateKeyJWT, generate_signing_key, public_jwks
from oktakit.testing import OktaSimulator

USERS = 300
SCOPES = ["okta.users.read", "okta.users.manage", "okta.authenticators.read"]


def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 70 - len(text)))


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    async with OktaSimulator(users=USERS, seed=42) as sim:
        print(f"Simulated Okta org at {sim.url} with {USERS} users")
        # What `oktakit keys new` does, and what an admin registers in the Admin Console.
        key = generate_signing_key("ES256")
        app = sim.add_service_app(
            jwks=public_jwks([key])["keys"], scopes=SCOPES, roles=["USER_ADMIN"], dpop_bound=True
        )
        auth = PrivateKeyJWT(app.client_id, key, SCOPES, dpop=True)
        async with OktaClient(sim.url, auth=auth) as okta:
            heading("Check the service app's credentials")
            print((await okta.check()).summary())
            await lookup(okta, sim)
            sales = await search(okta)
            await update_profile(okta, sales[0])
            await suspend_and_unsuspend(okta, sales[:5])
            await reset_factors_and_issue_tac(okta, sales[0])
            await bulk_suspend_and_undo(okta)
            await contain_and_undo_one(okta)
        served = sum(sim.request_counts.values())
        print(f"\nRequests served by the simulator: {served}, of which token requests: {sim.token_requests}")


async def lookup(okta: OktaClient, sim: OktaSimulator) -> None:
    heading("Look a user up by login (standard and custom attributes)")
    users = sim.org.users
    login = next(users[uid].profile["login"] for uid in users if users[uid].status == "ACTIVE")
    user = await okta.get_user(login)
    p = user.profile
    print(f"{user!r}  {p.first_name} {p.last_name} <{p.email}>")
    print(
        f"  legalName={p['legalName']!r}  dateOfBirth={p.get('dateOfBirth')!r}  department={p.department!r}"
    )
    print(f"  allowed now: {', '.join(user.allowed_actions)}")


async def search(okta: OktaClient) -> list[str]:
    heading('Search: profile.department eq "Sales" and status eq "ACTIVE"')
    query = 'profile.department eq "Sales" and status eq "ACTIVE"'
    ids = []
    async for user in okta.list_users(search=query, limit=20):  # pages of 20, Link headers followed
        ids.append(user.id)
        if len(ids) <= 5:
            print(f"  {user.id}  {user.profile.login}")
    print(f"  ... {len(ids)} active users in Sales")
    return ids


async def update_profile(okta: OktaClient, user_id: str) -> None:
    heading("Partial profile update (None clears an attribute)")
    before = await okta.get_user(user_id)
    during = await okta.update_user(user_id, profile={"title": "Account Director", "nickName": "Ace"})
    after = await okta.update_user(user_id, profile={"nickName": None})
    print(f"  title:    {before.profile.title!r} -> {during.profile.title!r}")
    print(f"  nickName: set to {during.profile.nick_name!r}, then cleared -> {after.profile.nick_name!r}")
    print(f"  untouched: department={after.profile.department!r}, legalName={after.profile['legalName']!r}")


async def suspend_and_unsuspend(okta: OktaClient, user_ids: list[str]) -> None:
    heading(f"Suspend {len(user_ids)} users, then unsuspend them")
    await asyncio.gather(*(okta.suspend_user(uid) for uid in user_ids))
    statuses = await asyncio.gather(*(okta.get_user(uid) for uid in user_ids))
    print("  after suspend:   " + ", ".join(str(u.status) for u in statuses))
    try:
        await okta.suspend_user(user_ids[0])
    except BadRequestError as error:  # Okta refuses to suspend a user who is not ACTIVE
        print(f"  suspending again is refused: {error.error_code} {error.error_summary}")
    await asyncio.gather(*(okta.unsuspend_user(uid) for uid in user_ids))
    statuses = await asyncio.gather(*(okta.get_user(uid) for uid in user_ids))
    print("  after unsuspend: " + ", ".join(str(u.status) for u in statuses))


async def reset_factors_and_issue_tac(okta: OktaClient, user_id: str) -> None:
    heading("Reset all MFA factors, list groups, issue a temporary access code")
    await okta.reset_factors(user_id)
    print(f"  factors reset for {user_id}")
    groups = [g.profile.name async for g in okta.list_user_groups(user_id)]
    print(f"  groups: {', '.join(groups)}")
    tac_authenticator = next(iter([a async for a in okta.list_authenticators() if a.key == "tac"]))
    enrollment = await okta.create_tac_authenticator_enrollment(user_id, tac_authenticator.id, ttl_minutes=60)
    print(f"  temporary access code issued, expires {enrollment.profile.expires_at} (code not shown)")


async def bulk_suspend_and_undo(okta: OktaClient) -> None:
    heading("Incident drill: suspend all of Sales in bulk (journaled), then undo")
    # The simulator enforces Okta's default per-minute limits (600 lifecycle calls per minute).
    department = 'profile.department eq "Sales"'
    # Each failed item is logged as a WARNING; the report lists them below instead.
    logging.getLogger("oktakit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        journal = Path(tmp) / "incident-42.jsonl"
        plan = await okta.bulk(
            "suspend_user", okta.list_users(search=department), dry_run=True, progress=False
        )
        print(f"  plan: {plan.summary()}")
        report = await okta.bulk(
            "suspend_user", okta.list_users(search=department), journal=journal, concurrency=10
        )
        print(f"  {report.summary()} in {report.elapsed:.1f} s")
        for user_id, failure in list(report.failed.items())[:3]:
            print(f"    failed, e.g. {user_id}: {failure.message.split(' [')[0]}")
        again = await okta.bulk(
            "suspend_user", okta.list_users(search=department), journal=journal, progress=False
        )
        print(f"  run again with the same journal: {again.resumed} already settled, nothing repeated")
        undo = await okta.bulk_undo(journal, progress=False)
        print(f"  undo: {undo.summary()} (only the users this run suspended)")


async def contain_and_undo_one(okta: OktaClient) -> None:
    heading("Containment: the Marketing accounts were phished")
    marketing = 'profile.department eq "Marketing" and status eq "ACTIVE"'
    with tempfile.TemporaryDirectory() as tmp:
        journal = Path(tmp) / "incident-43.jsonl"
        report = await okta.contain(okta.list_users(search=marketing), journal=journal, concurrency=10)
        for line in report.summary().splitlines():
            print(f"  {line}")
        user_id = report.contained[0]
        clients = [c async for c in okta.list_user_clients(user_id)]
        user = await okta.get_user(user_id)
        print(f"  verified {user_id}: {user.status}, OAuth apps holding grants or tokens: {len(clients)}")
        undo = await okta.bulk_undo(journal, users=[user_id], progress=False)
        print(f"  cleared by the investigation: {undo.summary().split(';')[0]}")
        print(f"  not reversible for {user_id}: {', '.join(undo.not_reversible[user_id])}")


if __name__ == "__main__":
    asyncio.run(main())

"""The lifecycle state machine: every operation from every status, with Okta's codes."""

from __future__ import annotations

import aiohttp
import pytest

from oktakit.testing import ManualClock, OktaSimulator, SimUser
from oktakit.testing._util import iso8601

from .conftest import assert_okta_error, call

pytestmark = pytest.mark.asyncio

STATUSES = (
    "STAGED", "PROVISIONED", "ACTIVE", "RECOVERY", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED",
    "DEPROVISIONED",
)  # fmt: skip
OPERATIONS = ("activate", "deactivate", "reactivate", "suspend", "unsuspend", "unlock", "reset_factors")


# Where each operation is allowed and what it leads to (OKTA-FACTS part 1, section 4), for a
# user with a password; every other status gets the operation's error.
ALLOWED: dict[str, dict[str, str]] = {
    "activate": {"STAGED": "ACTIVE", "DEPROVISIONED": "ACTIVE"},
    "deactivate": {s: "DEPROVISIONED" for s in STATUSES if s != "DEPROVISIONED"},
    "reactivate": {"PROVISIONED": "PROVISIONED", "RECOVERY": "RECOVERY"},
    # Recorded answers offer `suspend` to a PASSWORD_EXPIRED user (test_expire_password, 2025).
    "suspend": {"ACTIVE": "SUSPENDED", "PASSWORD_EXPIRED": "SUSPENDED"},
    "unsuspend": {"SUSPENDED": "ACTIVE"},
    "unlock": {"LOCKED_OUT": "ACTIVE"},
    "reset_factors": {s: s for s in STATUSES if s != "DEPROVISIONED"},
}
REFUSED: dict[str, tuple[int, str]] = {
    "activate": (403, "E0000038"),  # E0000016 for an ACTIVE user, see expected()
    # The one public answer (okta-sdk-java issue 721): 404 E0000007, as if there were no user.
    "deactivate": (404, "E0000007"),
    "reactivate": (403, "E0000038"),
    "suspend": (400, "E0000001"),
    "unsuspend": (400, "E0000001"),
    "unlock": (403, "E0000032"),
    "reset_factors": (403, "E0000038"),
}


def expected(operation: str, status: str) -> tuple[int, str]:
    """(HTTP status, resulting user status or Okta error code)."""
    if status in ALLOWED[operation]:
        return 200, ALLOWED[operation][status]
    if (operation, status) == ("activate", "ACTIVE"):
        return 403, "E0000016"
    return REFUSED[operation]


CASES = [
    pytest.param(
        (op, status, *expected(op, status)),
        id=f"{op}_on_{status}_gives_{'_'.join(map(str, expected(op, status)))}",
    )
    for op in OPERATIONS
    for status in STATUSES
]


def fresh_user(sim: OktaSimulator, status: str, *, password: bool = True) -> SimUser:
    return sim.add_user(
        login=f"{status.lower()}.{len(sim.org.users)}@example.com",
        first_name="Test",
        last_name=status.title(),
        status=status,
        password=password,
        factors=["okta_verify"],
        created=sim.clock() - 86_400,
    )


@pytest.mark.parametrize("case", CASES)
async def test_lifecycle_operation_from_every_status(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock, case: tuple[str, str, int, str]
) -> None:
    operation, status, http_status, outcome = case
    user = fresh_user(sim, status)
    before_changed, before_updated = user.status_changed, user.last_updated
    clock.advance(3600.5)
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/{operation}")
    if http_status != 200:
        assert_okta_error(code, body, http_status, outcome)
        assert user.status == status  # an illegal operation changes nothing
        assert (user.status_changed, user.last_updated) == (before_changed, before_updated)
        return
    assert code == 200
    assert user.status == outcome
    assert user.last_updated == clock()
    _, fetched, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert fetched["status"] == outcome
    assert fetched["lastUpdated"] == iso8601(clock())
    if outcome != status:
        assert fetched["statusChanged"] == iso8601(clock())
    else:
        assert user.status_changed == before_changed


async def test_suspend_on_staged_user_returns_400_e0000001_with_a_cause(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "STAGED")
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")
    assert_okta_error(code, body, 400, "E0000001")
    assert body["errorSummary"].startswith("Api validation failed: ")
    assert body["errorCauses"][0]["errorSummary"]


async def test_activate_with_send_email_false_returns_activation_token_and_url(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "STAGED")
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}/lifecycle/activate", params={"sendEmail": "false"}
    )
    assert code == 200
    assert set(body) == {"activationToken", "activationUrl"}
    assert body["activationUrl"] == f"{sim.url}/tokens/{body['activationToken']}/verify"
    assert user.activated is not None


async def test_activate_sends_email_by_default_and_returns_empty_object(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "STAGED")
    code, body, response = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/activate")
    assert (code, body) == (200, {})
    assert response.content_type == "application/json"


async def test_activate_without_password_leaves_user_provisioned(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    for status in ("STAGED", "DEPROVISIONED"):
        user = fresh_user(sim, status, password=False)
        code, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/activate")
        assert code == 200
        assert user.status == "PROVISIONED"


async def test_reactivate_returns_a_new_token_by_default(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "PROVISIONED", password=False)
    tokens = set()
    for _ in range(2):
        code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reactivate")
        assert code == 200
        tokens.add(body["activationToken"])
    assert len(tokens) == 2
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}/lifecycle/reactivate", params={"sendEmail": "true"}
    )
    assert (code, body) == (200, {})


async def test_deactivate_returns_200_with_empty_object(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "ACTIVE")
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/deactivate")
    assert (code, body) == (200, {})


async def test_lifecycle_body_option_empty_sends_no_body() -> None:
    async with (
        OktaSimulator(users=20, seed=1, lifecycle_body="empty") as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        user = fresh_user(sim, "ACTIVE")
        async with client.post(f"/api/v1/users/{user.id}/lifecycle/suspend") as response:
            assert response.status == 200
            assert await response.read() == b""


async def test_reset_factors_clears_enrolled_factors_and_keeps_status(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "ACTIVE")
    assert user.has_factors
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/reset_factors")
    assert (code, body) == (200, {})
    assert not user.has_factors
    assert user.status == "ACTIVE"


async def test_lifecycle_accepts_login_and_404s_unknown_users(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "ACTIVE")
    code, _, _ = await call(client, "POST", f"/api/v1/users/{user.login}/lifecycle/suspend")
    assert code == 200
    code, body, _ = await call(client, "POST", "/api/v1/users/nobody@example.com/lifecycle/suspend")
    assert_okta_error(code, body, 404, "E0000007")


async def test_user_json_reflects_new_status_after_transition(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = fresh_user(sim, "ACTIVE")
    _, before, _ = await call(client, "GET", f"/api/v1/users/{user.id}")  # warms the JSON cache
    assert "suspend" in before["_links"]
    await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")
    _, after, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
    assert after["status"] == "SUSPENDED"
    assert "unsuspend" in after["_links"]
    assert "suspend" not in after["_links"]


async def test_async_transitions_report_transitioning_to_status_until_done(clock: ManualClock) -> None:
    async with (
        OktaSimulator(users=20, seed=2, clock=clock, transition_delay=30.0) as sim,
        aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client,
    ):
        user = fresh_user(sim, "STAGED")
        code, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/activate")
        assert code == 200
        _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert (body["status"], body["transitioningToStatus"]) == ("STAGED", "ACTIVE")
        assert set(body["_links"]) == {"self", "schema", "type"}
        code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/suspend")
        assert_okta_error(code, body, 409, "E0000112")
        clock.advance(31)
        _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert body["status"] == "ACTIVE"
        assert "transitioningToStatus" not in body
        # Deactivation is asynchronous only when asked with `Prefer: respond-async`.
        code, _, _ = await call(
            client,
            "POST",
            f"/api/v1/users/{user.id}/lifecycle/deactivate",
            headers={"Prefer": "respond-async"},
        )
        assert code == 200
        assert user.transitioning_to == "DEPROVISIONED"
        clock.advance(31)
        _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert body["status"] == "DEPROVISIONED"


async def test_a_sub_second_transition_delay_still_makes_activation_asynchronous(clock: ManualClock) -> None:
    async with OktaSimulator(users=20, seed=2, clock=clock, transition_delay=0.5) as sim:
        user = fresh_user(sim, "STAGED")
        async with aiohttp.ClientSession(base_url=sim.url, headers=sim.headers) as client:
            code, _, _ = await call(client, "POST", f"/api/v1/users/{user.id}/lifecycle/activate")
            assert (200, "STAGED", "ACTIVE") == (code, user.status, user.transitioning_to)
            clock.advance(0.6)
            _, body, _ = await call(client, "GET", f"/api/v1/users/{user.id}")
        assert "ACTIVE" == body["status"]

"""Independent client check: Okta's official SDK (`okta`) drives the simulator unchanged.

`nox -s fidelity` installs the `okta` package and runs this module; elsewhere it skips. The
recipe is Okta's own: disable the SDK's https check and point `orgUrl` at the loopback URL.
"""

from __future__ import annotations

from typing import Any

import pytest
from yarl import URL

from oktakit._http.pagination import next_link
from oktakit.testing import OktaSimulator
from tests.fidelity.conftest import ok

okta_client = pytest.importorskip(
    "okta.client", reason="the official okta SDK is installed by `nox -s fidelity`"
)
okta_models = pytest.importorskip("okta.models")


def _first(sim: OktaSimulator, status: str) -> str:
    return next(uid for uid in sim.org.users if sim.org.users[uid].status == status)


async def test_official_sdk_gets_a_user_with_custom_attributes(
    official: Any, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    user = ok(await official.get_user(uid))
    assert uid == user.id
    assert okta_sim.org.users[uid].profile["login"] == user.profile.login
    assert okta_sim.org.users[uid].profile["legalName"] == user.profile.additional_properties["legalName"]


@pytest.mark.okta_sim(users=30)
async def test_official_sdk_lists_users_across_pages_with_the_after_cursor(
    official: Any, okta_sim: OktaSimulator
) -> None:
    # okta 3.x returns one page per call; the caller passes the `after` cursor of the next link.
    seen: list[str] = []
    after = None
    while True:
        users, response, error = await official.list_users(limit=7, after=after)
        assert error is None
        seen.extend(u.id for u in users)
        # The SDK folds headers into a dict, which keeps the last Link header (Okta sends next last).
        link = next_link([response.headers.get("Link", "")])
        if link is None:
            break
        after = URL(link).query["after"]
    expected = sorted(u for u in okta_sim.org.users if okta_sim.org.users[u].status != "DEPROVISIONED")
    assert expected == sorted(seen)
    assert len(seen) == len(set(seen))


async def test_official_sdk_updates_a_profile(official: Any, okta_sim: OktaSimulator) -> None:
    uid = _first(okta_sim, "ACTIVE")
    request = okta_models.UpdateUserRequest.from_dict({"profile": {"nickName": "Kestrel"}})
    updated = ok(await official.update_user(uid, request))
    assert "Kestrel" == updated.profile.nick_name
    assert "Kestrel" == okta_sim.org.users[uid].profile["nickName"]


async def test_official_sdk_runs_each_lifecycle_action(official: Any, okta_sim: OktaSimulator) -> None:
    active = _first(okta_sim, "ACTIVE")
    ok(await official.suspend_user(active))
    assert "SUSPENDED" == okta_sim.org.users[active].status
    ok(await official.unsuspend_user(active))
    ok(await official.reset_factors(active))
    assert "ACTIVE" == okta_sim.org.users[active].status
    locked = _first(okta_sim, "LOCKED_OUT")
    ok(await official.unlock_user(locked))
    assert "ACTIVE" == okta_sim.org.users[locked].status
    staged = _first(okta_sim, "STAGED")
    token = ok(await official.activate_user(staged, send_email=False))
    assert token.activation_token
    provisioned = _first(okta_sim, "PROVISIONED")
    ok(await official.reactivate_user(provisioned, send_email=False))
    ok(await official.deactivate_user(active))
    assert "DEPROVISIONED" == okta_sim.org.users[active].status


async def test_official_sdk_lists_groups_and_authenticators(official: Any, okta_sim: OktaSimulator) -> None:
    uid = _first(okta_sim, "ACTIVE")
    groups = ok(await official.list_user_groups(uid))
    assert sorted(okta_sim.org.users[uid].group_ids) == sorted(g.id for g in groups)
    authenticators = ok(await official.list_authenticators())
    keys = {a.actual_instance.key if hasattr(a, "actual_instance") else a.key for a in authenticators}
    assert "tac" in {str(getattr(k, "value", k)) for k in keys}
    first = authenticators[0]
    first_id = first.actual_instance.id if hasattr(first, "actual_instance") else first.id
    fetched = ok(await official.get_authenticator(first_id))
    fetched_id = fetched.actual_instance.id if hasattr(fetched, "actual_instance") else fetched.id
    assert first_id == fetched_id

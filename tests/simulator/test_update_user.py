"""updateUser (POST, partial merge) versus replaceUser (PUT, full replace), and validation."""

from __future__ import annotations

import aiohttp
import pytest

from oktakit.testing import ManualClock, OktaSimulator, SimUser
from oktakit.testing._util import iso8601

from .conftest import assert_okta_error, call, user_with

pytestmark = pytest.mark.asyncio


def active(sim: OktaSimulator) -> SimUser:
    return user_with(sim, "ACTIVE")


async def test_partial_update_changes_only_named_attributes(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = active(sim)
    before = dict(user.profile)
    clock.advance(10)
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}", json={"profile": {"nickName": "JD", "title": "Boss"}}
    )
    assert code == 200
    assert body["profile"]["nickName"] == "JD"
    assert body["profile"]["title"] == "Boss"
    for name, value in before.items():
        if name != "title":
            assert body["profile"][name] == value
    assert body["lastUpdated"] == iso8601(clock())
    assert "suspend" in body["_links"]  # the full single-user representation comes back


async def test_partial_update_with_null_clears_the_attribute(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    assert user.profile["department"]
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}",
        json={"profile": {"department": None, "mobilePhone": None}},
    )
    assert code == 200
    assert "department" not in body["profile"]
    assert body["profile"]["mobilePhone"] is None  # Okta always renders mobilePhone/secondEmail


async def test_partial_update_of_password_sets_password_changed_and_never_echoes_it(
    sim: OktaSimulator, client: aiohttp.ClientSession, clock: ManualClock
) -> None:
    user = user_with(sim, "STAGED", has_password=False)
    clock.advance(5)
    code, body, response = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}",
        json={"credentials": {"password": {"value": "Tr0ub4dor&3"}}},
    )
    assert code == 200
    assert body["credentials"]["password"] == {}
    assert body["passwordChanged"] == iso8601(clock())
    assert "Tr0ub4dor&3" not in await response.text()
    assert user.has_password


async def test_short_password_is_rejected_with_e0000001(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}", json={"credentials": {"password": {"value": "short"}}}
    )
    assert_okta_error(code, body, 400, "E0000001")
    assert body["errorCauses"][0]["errorSummary"].startswith("password: ")


async def test_recovery_question_is_stored_without_the_answer(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    question = {"question": "Favourite colour?", "answer": "ultramarine"}
    code, body, response = await call(
        client, "POST", f"/api/v1/users/{user.id}", json={"credentials": {"recovery_question": question}}
    )
    assert code == 200
    assert body["credentials"]["recovery_question"] == {"question": "Favourite colour?"}
    assert "ultramarine" not in await response.text()


async def test_replace_removes_attributes_missing_from_the_body(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    profile = {"login": user.login, "email": user.login, "firstName": "Jane", "lastName": "Replaced"}
    code, body, _ = await call(client, "PUT", f"/api/v1/users/{user.id}", json={"profile": profile})
    assert code == 200
    assert body["profile"] == {**profile, "mobilePhone": None, "secondEmail": None}
    assert "department" not in user.profile
    assert user.has_password  # PUT replaces the profile; the password stays unless given


async def test_replace_without_login_returns_400_e0000001_with_cause(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    code, body, _ = await call(
        client, "PUT", f"/api/v1/users/{user.id}", json={"profile": {"email": user.login, "firstName": "X"}}
    )
    assert_okta_error(code, body, 400, "E0000001")
    assert body["errorSummary"] == "Api validation failed: login"
    assert {"errorSummary": "login: The field cannot be left blank"} in body["errorCauses"]
    assert user.profile["login"]  # nothing changed


async def test_duplicate_login_returns_400_e0000001(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    first, second = [u for u in sim.org.users.values() if u.status == "ACTIVE"][:2]
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{first.id}", json={"profile": {"login": second.login.upper()}}
    )
    assert_okta_error(code, body, 400, "E0000001")
    assert body["errorCauses"] == [
        {"errorSummary": "login: An object with this field already exists in the current organization"}
    ]


async def test_invalid_email_and_date_of_birth_are_rejected(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    code, body, _ = await call(
        client,
        "POST",
        f"/api/v1/users/{user.id}",
        json={"profile": {"email": "not-an-email", "dateOfBirth": "1990-13-45"}},
    )
    assert_okta_error(code, body, 400, "E0000001")
    causes = {cause["errorSummary"].split(":")[0] for cause in body["errorCauses"]}
    assert causes == {"email", "dateOfBirth"}


async def test_unknown_profile_attribute_is_rejected(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    code, body, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}", json={"profile": {"favouriteColour": "red"}}
    )
    assert_okta_error(code, body, 400, "E0000001")
    assert "favouriteColour" in body["errorCauses"][0]["errorSummary"]


async def test_custom_attributes_can_be_set(sim: OktaSimulator, client: aiohttp.ClientSession) -> None:
    user = active(sim)
    patch = {"legalName": "Jane Q. Public", "dateOfBirth": "1990-02-28", "employeeNumber": "E-1"}
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}", json={"profile": patch})
    assert code == 200
    assert {k: body["profile"][k] for k in patch} == patch


async def test_login_change_updates_lookup_by_login_and_shortname(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    old_login = user.login
    code, _, _ = await call(
        client, "POST", f"/api/v1/users/{user.id}", json={"profile": {"login": "renamed.person@example.com"}}
    )
    assert code == 200
    for key in ("renamed.person@example.com", "renamed.person"):
        _, body, _ = await call(client, "GET", f"/api/v1/users/{key}")
        assert body["id"] == user.id
    code, _, _ = await call(client, "GET", f"/api/v1/users/{old_login}")
    assert code == 404


@pytest.mark.parametrize("method", ["POST", "PUT"])
@pytest.mark.parametrize("raw", [b"{not json", b"", b"\xff\xfe"])
async def test_malformed_json_returns_400_e0000003(
    sim: OktaSimulator, client: aiohttp.ClientSession, method: str, raw: bytes
) -> None:
    user = active(sim)
    code, body, _ = await call(
        client, method, f"/api/v1/users/{user.id}", data=raw, headers={"Content-Type": "application/json"}
    )
    assert_okta_error(code, body, 400, "E0000003")
    assert body["errorSummary"] == "The request body was not well-formed."


async def test_partial_update_cannot_change_user_type(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    user = active(sim)
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}", json={"type": {"id": "otyOther"}})
    assert_okta_error(code, body, 400, "E0000001")


async def test_update_of_deprovisioned_user_returns_404_e0000007_as_okta_answered(
    sim: OktaSimulator, client: aiohttp.ClientSession
) -> None:
    # okta-sdk-java issue 721: an update of a DEPROVISIONED user got 404 E0000007.
    user = user_with(sim, "DEPROVISIONED")
    code, body, _ = await call(client, "POST", f"/api/v1/users/{user.id}", json={"profile": {"title": "x"}})
    assert_okta_error(code, body, 404, "E0000007")
    assert f"Not found: Resource not found: {user.id} (User)" == body["errorSummary"]


async def test_update_of_unknown_user_returns_404(client: aiohttp.ClientSession) -> None:
    code, body, _ = await call(client, "POST", "/api/v1/users/ghost@example.com", json={"profile": {}})
    assert_okta_error(code, body, 404, "E0000007")

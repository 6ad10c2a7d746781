"""Result types as users meet them: plain required fields, None for absent ones, read-only
mappings for profiles and links, short reprs without secrets, public names, and the operation
registry every caller shares."""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest

import oktakit
import oktakit.models
from oktakit import MalformedResponseError, OktaClient, PartialUser, User
from oktakit.testing import OktaSimulator
from oktakit_api.models import Group, UserLinks, UserProfile
from oktakit_api.operations import BY_NAME, OPERATIONS, Operation
from tests.conftest import okta_reference


def _recorded_bodies(cassette: str, prefix: str) -> list[Any]:
    """JSON bodies of a recorded cassette's responses that start with ``prefix``."""
    extract = okta_reference("okta-recorded-responses.json")
    bodies = [i["response"]["body"] for i in extract["interactions"] if i["cassette"] == cassette]
    return [json.loads(b) for b in bodies if b.startswith(prefix)]


def _first(sim: OktaSimulator, status: str) -> str:
    return next(uid for uid in sim.org.users if sim.org.users[uid].status == status)


# -- recorded real responses ----------------------------------------------------------------


def test_a_recorded_user_parses_with_plain_attributes_and_mapping_profile() -> None:
    [raw, *_] = _recorded_bodies("test_users_it/TestUsersResource.test_create_get_user", '{"id":"00u')

    user = User.from_dict(raw)

    assert (raw["id"], raw["status"]) == (user.id, user.status)
    assert raw["profile"]["email"] == user.profile["email"] == user.profile.email
    assert "email" in user.profile
    assert raw["profile"] == dict(user.profile)
    assert sorted(raw["profile"]) == sorted(user.profile)
    assert len(raw["profile"]) == len(user.profile)
    assert user.profile.get("legalName") is None
    assert user.activated is None  # null in the recording
    assert sorted(raw["_links"]) == sorted(user.links)
    assert raw["_links"]["self"]["href"] == user.links["self"].href


def test_recorded_groups_have_a_name_and_raw_links() -> None:
    [groups] = _recorded_bodies("test_users_it/TestUsersResource.test_list_user_groups", '[{"id":"00g')

    parsed = [Group.from_dict(g) for g in groups]

    assert [g["profile"]["name"] for g in groups] == [g.profile.name for g in parsed]
    assert [g["profile"] for g in groups] == [dict(g.profile) for g in parsed]
    assert all(isinstance(g.links["logo"], list) for g in parsed if "logo" in g.links)


# -- mappings ---------------------------------------------------------------------------------


def test_profile_mapping_is_read_only() -> None:
    profile = UserProfile.from_dict({"login": "a@example.com", "legalName": "Ada"})

    with pytest.raises(TypeError):
        profile["legalName"] = "Eve"  # type: ignore[index]
    assert not hasattr(profile, "__setitem__")
    assert {"login": "a@example.com", "legalName": "Ada"} == profile


def test_profile_mapping_copies_its_source() -> None:
    source = {"login": "a@example.com"}
    profile = UserProfile.from_dict(source)
    source["login"] = "changed@example.com"

    assert "a@example.com" == profile.login


def test_a_link_that_is_not_an_object_is_a_shape_error_at_parse_time() -> None:
    with pytest.raises(TypeError):
        UserLinks.from_dict({"self": "https://acme.okta.com/api/v1/users/00u1"})
    with pytest.raises(TypeError):
        UserLinks.from_dict({"self": {"method": "GET"}})  # no href


async def test_profile_and_links_behave_as_mappings_on_the_simulator(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    stored = okta_sim.org.users[uid].profile

    user = await okta.get_user(uid)

    assert stored["email"] == user.profile["email"]
    assert set(stored) <= set(user.profile)
    assert all(user.profile[name] == value for name, value in stored.items())
    assert "self" in user.links
    assert user.links["self"].href.endswith(f"/api/v1/users/{uid}")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        # What each status allows, from Okta's state machine (OKTA-FACTS §4), in link order.
        ("ACTIVE", {"suspend_user", "deactivate_user"}),
        ("SUSPENDED", {"unsuspend_user", "deactivate_user"}),
        ("STAGED", {"activate_user"}),  # the recorded STAGED user's links: activate only
        ("DEPROVISIONED", {"activate_user"}),
        ("LOCKED_OUT", {"unlock_user", "deactivate_user"}),
    ],
)
async def test_allowed_actions_name_the_client_methods_the_status_allows(
    status: str, expected: set[str], okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    user = await okta.get_user(_first(okta_sim, status))

    # reset_factors is offered where the user has factors to reset: it follows Okta's link.
    assert expected == set(user.allowed_actions) - {"reset_factors"}
    assert ("reset_factors" in user.allowed_actions) == ("resetFactors" in user.links)
    assert all(callable(getattr(okta, action)) for action in user.allowed_actions)


async def test_fields_projection_yields_partial_users(okta: OktaClient) -> None:
    users = [u async for u in okta.list_users(fields="id,status,profile:(email)", limit=5)]

    assert users
    assert all(isinstance(u, PartialUser) for u in users)
    assert all(u.id == u["id"] and set(u["profile"]) <= {"email"} for u in users)


# -- reprs ------------------------------------------------------------------------------------


async def test_user_repr_is_short_and_names_id_status_and_login(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    user = await okta.get_user(uid)

    assert f"<User {uid} ACTIVE {user.profile.login}>" == repr(user)


async def test_a_temporary_access_code_never_appears_in_a_repr(
    okta: OktaClient, okta_sim: OktaSimulator
) -> None:
    uid = _first(okta_sim, "ACTIVE")
    tac = next(iter([a async for a in okta.list_authenticators() if a.key == "tac"]))

    enrollment = await okta.create_tac_authenticator_enrollment(uid, tac.id)

    assert enrollment.profile.tac
    assert enrollment.profile.tac not in repr(enrollment)
    assert enrollment.profile.tac not in repr(enrollment.profile)


async def test_an_activation_token_never_appears_in_a_repr(okta: OktaClient, okta_sim: OktaSimulator) -> None:
    result = await okta.activate_user(_first(okta_sim, "STAGED"), send_email=False)

    assert result.activation_token
    assert "<UserActivationToken>" == repr(result)


# -- public names ----------------------------------------------------------------------------


def test_result_types_are_public_from_oktakit_and_oktakit_models() -> None:
    for name in ("User", "Group", "Authenticator", "TacAuthenticatorEnrollment", "PartialUser"):
        assert getattr(oktakit, name) is getattr(oktakit.models, name)
    assert sorted(oktakit.models.__all__) == oktakit.models.__all__
    for name in oktakit.models.__all__:
        assert inspect.isclass(getattr(oktakit.models, name)), name


def test_public_model_names_carry_no_generator_numbering() -> None:
    assert not [n for n in oktakit.models.__all__ if n[-5:-1] == "Type" and n[-1].isdigit()]


# -- the operation registry -------------------------------------------------------------------


def test_every_operation_has_a_client_method_of_its_name() -> None:
    for op in OPERATIONS.values():
        assert callable(getattr(OktaClient, op.name)), op.name
    assert set(BY_NAME) == {op.name for op in OPERATIONS.values()}


def test_the_simulator_serves_exactly_the_registry_operations() -> None:
    from oktakit.testing._app import OAUTH_ROUTES, PEER_ROUTES, ROUTES

    served = {
        (method, path, name)
        for method, path, _, name in ROUTES
        if (method, path, _, name) not in OAUTH_ROUTES + PEER_ROUTES
    }
    assert {(op.method, op.path, op.operation_id) for op in OPERATIONS.values()} == served


def test_the_registry_says_which_posts_may_be_resent() -> None:
    # Lifecycle moves whose repeat is refused harmlessly (Okta allows activate from STAGED or
    # DEPROVISIONED only, suspend from ACTIVE only, ...) or changes nothing (reset factors).
    # Expiring a password again changes nothing more; a new temporary password supersedes the
    # one whose answer was lost.
    safe_posts = {op.operation_id for op in OPERATIONS.values() if op.method == "POST" and op.retry_safe}
    assert {
        "activateUser",
        "suspendUser",
        "unsuspendUser",
        "unlockUser",
        "resetFactors",
        "deactivateUser",
        "expirePassword",
        "expirePasswordWithTempPassword",
    } == safe_posts
    # GET, PUT and DELETE are idempotent by HTTP, except deleteUser: its second call deletes
    # the user its first call only deactivated.
    unsafe = {op.operation_id for op in OPERATIONS.values() if op.method != "POST" and not op.retry_safe}
    assert {"deleteUser"} == unsafe


async def test_a_bug_in_a_parser_surfaces_as_itself_not_as_a_malformed_response(
    okta: OktaClient, okta_sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(response: Any) -> Any:
        raise AttributeError("oktakit bug")

    operation: Operation[User] = OPERATIONS["getUser"]
    monkeypatch.setattr(operation._load(), "parse_response", broken)

    with pytest.raises(AttributeError, match="oktakit bug"):
        await okta.get_user(_first(okta_sim, "ACTIVE"))


async def test_a_body_of_the_wrong_shape_is_a_malformed_response(
    okta: OktaClient, okta_sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def wrong_shape(response: Any) -> Any:
        return User.from_dict({"id": "00u1"})  # no status: Okta always sends one

    monkeypatch.setattr(OPERATIONS["getUser"]._load(), "parse_response", wrong_shape)

    with pytest.raises(MalformedResponseError, match="status"):
        await okta.get_user(_first(okta_sim, "ACTIVE"))


def test_every_result_type_has_its_own_short_repr() -> None:
    # attrs' default repr would print every field, secrets included; the spec's x-oktakit-repr
    # (or the mapping default) decides instead.
    import oktakit_api.models as generated

    for name in generated.__all__:
        cls = getattr(generated, name)
        if hasattr(cls, "from_dict"):
            assert "__repr__" in vars(cls), name

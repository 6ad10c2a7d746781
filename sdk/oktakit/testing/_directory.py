"""Okta's rules for creating and deleting users, and for groups and their members.

Creation validates the profile and credentials as an update does (``_profile``), with the login
unique in the org ignoring case and diacritics, and lands in the status Okta documents for the
combination of ``activate``, credentials and provider. Deletion takes two calls for a user that
is not DEPROVISIONED. Only OKTA_GROUP groups take membership changes by hand. Each rule names its
evidence in ``STATUS_RULES``.
"""

from __future__ import annotations

from typing import Any, Final

from . import _lifecycle as lifecycle
from ._credentials import set_password
from ._errors import SimulatedError, not_found, validation_failed
from ._profile import new_user_problems
from ._sources import Evidence, documented, inferred, recorded
from ._state import Org, SimGroup
from ._users import SimUser

#: The evidence for each rule below (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "create_status": (
        documented(
            "okta-mgmt-spec",
            "activate=false: STAGED; activate=true: ACTIVE with a password or a FEDERATION or SOCIAL "
            "provider, PROVISIONED without",
        ),
        recorded(
            "rec-comprehensive-user-lifecycle",
            "activate=false with a password: STAGED, answered 200 (not 201)",
        ),
    ),
    "create_id": (
        recorded(
            "rec-comprehensive-user-lifecycle",
            "one org's user ids grow with their creation time (00unw... March, 00uow... May, 00uqr... "
            "September 2025): a new user's id follows every existing one, so it is listed last here",
        ),
    ),
    "create_login_unique": (
        documented("okta-mgmt-spec", "the login is unique, ignoring case and diacritics"),
        documented(
            "docs-core-api",
            'a login taken: 400 E0000001 "login: An object with this field already exists in the current '
            'organization"',
        ),
    ),
    "create_next_login": (
        documented(
            "okta-mgmt-spec",
            "nextLogin=changePassword expires the password of a user created and activated with one",
        ),
        documented(
            "okta-error-codes", "without activate=true: 400 E0000125; without a password: 400 E0000124"
        ),
    ),
    "create_provider": (
        documented(
            "okta-mgmt-spec",
            "provider=true creates the user for credentials.provider; FEDERATION and SOCIAL take no "
            "password or recovery question",
        ),
    ),
    "create_groups": (
        documented("okta-mgmt-spec", "groupIds adds the new user to those groups"),
        documented(
            "okta-error-codes", "too many groups: 400 E0000093 (Okta does not publish the limit; we take 100)"
        ),
        inferred(
            "okta-mgmt-spec", "an unknown group or one not of type OKTA_GROUP: 400 E0000001 on groupIds"
        ),
    ),
    "delete": (
        documented(
            "okta-mgmt-spec",
            "the first DELETE of a user that is not DEPROVISIONED deactivates it; a second deletes it",
        ),
        recorded("rec-create-get-user", "after the deletion the user is not found: 404 E0000007 (User)"),
    ),
    "membership_types": (
        documented("okta-mgmt-spec", "membership changes only for groups of type OKTA_GROUP"),
        recorded(
            "issue-tf-903",
            'the Everyone group (BUILT_IN): "Unsupported operation.", 501 E0000060 in the catalogue',
        ),
        inferred("okta-mgmt-spec", "an APP_GROUP: 403 E0000006, as a terraform-provider-okta report shows"),
    ),
    "membership_set": (
        recorded(
            "rec-group-users-operations",
            "PUT and DELETE of a membership answer 204; the members listed after a DELETE are []",
        ),
        inferred(
            "okta-mgmt-spec", "adding a member again or removing a non-member changes nothing and answers 204"
        ),
    ),
    "groups": (
        recorded(
            "rec-create-get-group",
            "a new group answers 200 with type OKTA_GROUP; after its deletion 404 E0000007 (UserGroup)",
        ),
        recorded("rec-search-group", "q answers one page without a next link"),
        recorded("rec-list-groups", "the listing starts with Everyone (BUILT_IN)"),
        documented(
            "okta-mgmt-spec",
            "only OKTA_GROUP profiles are replaced; APP_GROUP and BUILT_IN groups are managed elsewhere",
        ),
    ),
}

#: Groups a user may be added to at creation (E0000093 beyond; Okta publishes no number).
MAX_GROUP_IDS: Final = 100
_NO_PASSWORD_PROVIDERS: Final = frozenset({"FEDERATION", "SOCIAL"})


def find_group(org: Org, group_id: str) -> SimGroup:
    group = org.groups.get(group_id)
    if group is None:
        raise not_found(group_id, "UserGroup")
    return group


# --- users ---------------------------------------------------------------------------------
def create_user(org: Org, body: Any, *, activate: bool, provider: bool, next_login: str | None) -> SimUser:
    """Validate a creation body and add the user (nothing is added on a refusal)."""
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    profile, credentials = body.get("profile"), body.get("credentials") or {}
    if not isinstance(profile, dict) or not isinstance(credentials, dict):
        raise validation_failed("profile", "profile: The field cannot be left blank")
    causes = new_user_problems(org, profile, credentials)
    causes += _provider_problems(credentials, provider)
    causes += _type_problems(org, body.get("type"))
    groups = _groups(org, body.get("groupIds"))
    if causes:
        raise SimulatedError("E0000001", causes[0].split(":", 1)[0], causes)
    password = (credentials.get("password") or {}).get("value")
    if next_login == "changePassword" and not activate:
        raise SimulatedError("E0000125")
    if next_login == "changePassword" and not isinstance(password, str):
        raise SimulatedError("E0000124")
    user = org.add_user(login=profile["login"], status="STAGED", password=False, profile=profile)
    user.activated = user.status_changed = None
    now = org.clock()
    _set_credentials(user, credentials, now)
    for group in groups:
        org.add_member(group.id, user, now)
    if activate:
        _activate(org, user, credentials, expire=next_login == "changePassword")
    return user


def _set_credentials(user: SimUser, credentials: dict[str, Any], now: float) -> None:
    password = credentials.get("password")
    if isinstance(password, dict) and isinstance(password.get("value"), str):
        set_password(user, password["value"], now)
    elif password is not None:  # an imported hash or a password hook
        user.has_password = True
    question = credentials.get("recovery_question")
    if isinstance(question, dict):
        user.recovery_question = str(question["question"])
    given = credentials.get("provider")
    if isinstance(given, dict):
        user.account.provider = (given["type"], str(given.get("name") or given["type"]))


def _activate(org: Org, user: SimUser, credentials: dict[str, Any], *, expire: bool) -> None:
    now = org.clock()
    if user.account.provider[0] in _NO_PASSWORD_PROVIDERS:
        # The provider checks the credentials: nothing is left to set up.
        user.activated = now
        user.set_status("ACTIVE", now)
        return
    lifecycle.activate(org, user, send_email=True)
    if expire:
        user.set_status("PASSWORD_EXPIRED", now)


def _provider_problems(credentials: dict[str, Any], provider: bool) -> list[str]:
    given = credentials.get("provider")
    if given is None:
        return ["provider: A provider is required with provider=true"] if provider else []
    if not isinstance(given, dict) or not isinstance(given.get("type"), str):
        return ["provider: Invalid provider"]
    if given["type"] in _NO_PASSWORD_PROVIDERS and (
        "password" in credentials or "recovery_question" in credentials
    ):
        return [f"password: A {given['type']} user takes no password or recovery question"]
    return []


def _type_problems(org: Org, type_in: Any) -> list[str]:
    if type_in is None:
        return []
    type_id = type_in.get("id") if isinstance(type_in, dict) else None
    return [] if type_id == org.user_type_id else ["type: Invalid user type id"]


def _groups(org: Org, group_ids: Any) -> list[SimGroup]:
    if group_ids is None:
        return []
    if not isinstance(group_ids, list) or not all(isinstance(g, str) for g in group_ids):
        raise validation_failed("groupIds", "groupIds: Must be a list of group ids")
    if len(group_ids) > MAX_GROUP_IDS:
        raise SimulatedError("E0000093")
    groups = []
    for group_id in dict.fromkeys(group_ids):
        group = org.groups.get(group_id)
        if group is None or group.type != "OKTA_GROUP":
            raise validation_failed("groupIds", f"groupIds: {group_id} is not a group users can be added to")
        groups.append(group)
    return groups


def delete_user(org: Org, user: SimUser, *, respond_async: bool) -> None:
    """Deactivate a user that is not DEPROVISIONED; delete a DEPROVISIONED one for good."""
    if user.status != "DEPROVISIONED" or user.transitioning_to is not None:
        lifecycle.deactivate(org, user, respond_async=respond_async)
        return
    org.remove_user(user)


# --- groups --------------------------------------------------------------------------------
def changeable(group: SimGroup) -> None:
    """Refuse a change of a group that Okta manages (BUILT_IN) or an app imports (APP_GROUP)."""
    if group.type == "BUILT_IN":
        raise SimulatedError("E0000060")
    if group.type == "APP_GROUP":
        raise SimulatedError("E0000006")


def assign(org: Org, group: SimGroup, user: SimUser) -> None:
    changeable(group)
    org.add_member(group.id, user)


def unassign(org: Org, group: SimGroup, user: SimUser) -> None:
    changeable(group)
    org.remove_member(group.id, user)


def group_profile(body: Any) -> tuple[str, str | None]:
    """The name and description of a group's profile in a create or replace body."""
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    profile = body.get("profile")
    name = profile.get("name") if isinstance(profile, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise validation_failed("name", "name: The field cannot be left blank")
    description = profile.get("description") if isinstance(profile, dict) else None
    return name, description if isinstance(description, str) else None

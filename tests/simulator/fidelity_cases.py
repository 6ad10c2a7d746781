"""The requests ``test_upstream_fidelity`` sends to the simulator, one ``Case`` each: every
operation of our spec (success and its own errors) and the endpoints served for okta-sdk-python's
tests (``oktakit.testing._peer``). Paths and bodies are functions of the simulator, so a case can
pick (or prepare) the user, group or grant it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from oktakit.testing import OktaSimulator, SimUser


@dataclass(frozen=True)
class Case:
    name: str
    operation: str
    method: str
    path: Callable[[OktaSimulator], str]
    status: int
    body: Callable[[OktaSimulator], Any] | None = None
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


def uid(status: str) -> Callable[[OktaSimulator], str]:
    def pick(sim: OktaSimulator) -> str:
        # Prefer a user with a password, so activation ends in ACTIVE.
        candidates = sorted(
            (u for u in sim.org.users.values() if u.status == status), key=lambda u: not u.has_password
        )
        return candidates[0].id

    return pick


def users(status: str, suffix: str = "") -> Callable[[OktaSimulator], str]:
    return lambda sim: f"/api/v1/users/{uid(status)(sim)}{suffix}"


def tac_body(**profile: Any) -> Callable[[OktaSimulator], Any]:
    def build(sim: OktaSimulator) -> Any:
        authenticator = sim.org.authenticator_by_key("tac")
        assert authenticator is not None
        return {"authenticatorId": authenticator.id, "profile": profile}

    return build


def by_key(key: str) -> Callable[[OktaSimulator], str]:
    def path(sim: OktaSimulator) -> str:
        found = sim.org.authenticator_by_key(key)
        assert found is not None
        return f"/api/v1/authenticators/{found.id}"

    return path


def fixed(path: str) -> Callable[[OktaSimulator], str]:
    return lambda sim: path


GHOST = "/api/v1/users/00uGhostUser000000000"
USERS = "/api/v1/users"
TAC = "/authenticator-enrollments/tac"
REPLACEMENT = {"login": "r.r@example.com", "email": "r.r@example.com", "firstName": "R", "lastName": "R"}
CREATE_TAC = "createTacAuthenticatorEnrollment"
PERMISSIONS = "/api/v1/iam/roles/{}/permissions"
AUTHENTICATORS = (
    "okta_email", "okta_password", "okta_verify", "phone_number", "security_question", "webauthn", "tac",
)  # fmt: skip


def ghost(suffix: str = "") -> Callable[[OktaSimulator], str]:
    return fixed(GHOST + suffix)


def lifecycle(operation: str, path: str, cases: dict[str, int], **extra: Any) -> list[Case]:
    """Cases of one lifecycle operation: {user status: expected HTTP status}, plus an unknown user."""
    suffix = f"/lifecycle/{path}"
    found = [
        Case(f"{operation} {s}", operation, "POST", users(s, suffix), code, **extra)
        for s, code in cases.items()
    ]
    return [*found, Case(f"{operation} unknown", operation, "POST", ghost(suffix), 404)]


def body(value: Any) -> Callable[[OktaSimulator], Any]:
    return lambda sim: value


# --- issue 18: containment and directory ----------------------------------------------------
def _holder(sim: OktaSimulator, what: str) -> SimUser:
    """The first user (by id) holding grants, refresh tokens or factors."""
    return next(
        u
        for u in sim.org.users.values()
        if (what == "grants" and u.account.grants)
        or (what == "tokens" and u.account.refresh_tokens)
        or (what == "factors" and any(k != "tac" for k in u.factors) and u.status == "ACTIVE")
    )


def holder(what: str, suffix: str = "") -> Callable[[OktaSimulator], str]:
    return lambda sim: f"/api/v1/users/{_holder(sim, what).id}{suffix}"


def _first_grant(sim: OktaSimulator) -> str:
    user = _holder(sim, "grants")
    return f"/api/v1/users/{user.id}/grants/{user.account.grants[0].id}"


def _tokens(sim: OktaSimulator) -> str:
    user = _holder(sim, "tokens")
    return f"/api/v1/users/{user.id}/clients/{user.account.refresh_tokens[0].client_id}/tokens"


def _factor(sim: OktaSimulator) -> str:
    from oktakit.testing._credentials import factor_id, listed_factors

    user = _holder(sim, "factors")
    return f"/api/v1/users/{user.id}/factors/{factor_id(user, listed_factors(user)[0])}"


def group(name: str, suffix: str = "") -> Callable[[OktaSimulator], str]:
    def path(sim: OktaSimulator) -> str:
        found = next(g for g in sim.org.groups.values() if g.name == name)
        return f"/api/v1/groups/{found.id}{suffix}"

    return path


def membership(name: str, status: str) -> Callable[[OktaSimulator], str]:
    return lambda sim: group(name, f"/users/{uid(status)(sim)}")(sim)


NEW_USER = {
    "profile": {"login": "new.hire@example.com", "email": "new.hire@example.com", "firstName": "N"},
    "credentials": {"password": {"value": "Tr0ub4dor&3x"}},
}


def taken(sim: OktaSimulator) -> Any:
    """A new user whose login is a seeded user's, in capitals (Okta ignores case)."""
    login = sim.org.users[uid("ACTIVE")(sim)].login.upper()
    return {"profile": {"login": login, "email": "n@example.com"}}


GROUPS = "/api/v1/groups"
CLIENT = "/clients/0oaNoSuchClient00000/tokens"

CONTAINMENT_CASES = [
    Case("revokeUserSessions", "revokeUserSessions", "DELETE", users("ACTIVE", "/sessions"), 204,
         params={"oauthTokens": "true"}),
    Case("revokeUserSessions unknown", "revokeUserSessions", "DELETE", ghost("/sessions"), 404),
    Case("listUserClients", "listUserClients", "GET", holder("tokens", "/clients"), 200),
    Case("listUserClients unknown", "listUserClients", "GET", ghost("/clients"), 404),
    Case("listUserGrants", "listUserGrants", "GET", holder("grants", "/grants"), 200,
         params={"expand": "scope", "limit": "1"}),
    Case("listUserGrants unknown", "listUserGrants", "GET", ghost("/grants"), 404),
    Case("revokeUserGrants", "revokeUserGrants", "DELETE", holder("grants", "/grants"), 204),
    Case("revokeUserGrants unknown", "revokeUserGrants", "DELETE", ghost("/grants"), 404),
    Case("revokeUserGrant", "revokeUserGrant", "DELETE", _first_grant, 204),
    Case("revokeUserGrant unknown", "revokeUserGrant", "DELETE", holder("grants", "/grants/oagNope"), 404),
    Case("listRefreshTokensForUserAndClient", "listRefreshTokensForUserAndClient", "GET", _tokens, 200,
         params={"expand": "scope"}),
    Case("listRefreshTokensForUserAndClient unknown", "listRefreshTokensForUserAndClient", "GET",
         holder("tokens", CLIENT), 404),
    Case("revokeTokensForUserAndClient", "revokeTokensForUserAndClient", "DELETE", _tokens, 204),
    Case("revokeTokensForUserAndClient unknown", "revokeTokensForUserAndClient", "DELETE",
         holder("tokens", CLIENT), 404),
    *lifecycle("expirePassword", "expire_password", {"ACTIVE": 200, "SUSPENDED": 403}),
    *lifecycle("expirePasswordWithTempPassword", "expire_password_with_temp_password",
               {"ACTIVE": 200, "STAGED": 403}),
    *lifecycle("resetPassword", "reset_password", {"ACTIVE": 200, "SUSPENDED": 403},
               params={"sendEmail": "false"}),
    Case("resetPassword by email", "resetPassword", "POST",
         users("PASSWORD_EXPIRED", "/lifecycle/reset_password"), 200, params={"sendEmail": "true"}),
    Case("listFactors", "listFactors", "GET", holder("factors", "/factors"), 200),
    Case("listFactors unknown", "listFactors", "GET", ghost("/factors"), 404),
    Case("unenrollFactor", "unenrollFactor", "DELETE", _factor, 204),
    Case("unenrollFactor unknown", "unenrollFactor", "DELETE", holder("factors", "/factors/opfNope"), 404),
    Case("createUser", "createUser", "POST", fixed(USERS), 200, body=body(NEW_USER),
         params={"activate": "false"}),
    Case("createUser activated", "createUser", "POST", fixed(USERS), 200, body=body(NEW_USER)),
    Case("createUser taken login", "createUser", "POST", fixed(USERS), 400, body=taken,
         params={"activate": "false"}),
    Case("deleteUser deprovisioned", "deleteUser", "DELETE", users("DEPROVISIONED"), 204),
    Case("deleteUser suspended", "deleteUser", "DELETE", users("SUSPENDED"), 204),
    Case("deleteUser unknown", "deleteUser", "DELETE", ghost(), 404),
    Case("listGroups", "listGroups", "GET", fixed(GROUPS), 200),
    Case("listGroups q", "listGroups", "GET", fixed(GROUPS), 200, params={"q": "Eng"}),
    Case("listGroups search", "listGroups", "GET", fixed(GROUPS), 200,
         params={"search": 'type eq "OKTA_GROUP"', "expand": "stats"}),
    Case("listGroups filter", "listGroups", "GET", fixed(GROUPS), 200,
         params={"filter": 'type eq "BUILT_IN"'}),
    Case("listGroups bad filter", "listGroups", "GET", fixed(GROUPS), 400,
         params={"filter": 'profile.name eq "x"'}),
    Case("listGroupUsers", "listGroupUsers", "GET", group("Everyone", "/users"), 200, params={"limit": "5"}),
    Case("listGroupUsers unknown", "listGroupUsers", "GET", fixed(GROUPS + "/00gNope/users"), 404),
    Case("assignUserToGroup", "assignUserToGroup", "PUT", membership("VPN Users", "ACTIVE"), 204),
    Case("assignUserToGroup everyone", "assignUserToGroup", "PUT", membership("Everyone", "ACTIVE"), 501),
    Case("assignUserToGroup unknown", "assignUserToGroup", "PUT", group("VPN Users", "/users/00uNope"), 404),
    Case("unassignUserFromGroup", "unassignUserFromGroup", "DELETE", membership("VPN Users", "ACTIVE"), 204),
    Case("unassignUserFromGroup unknown", "unassignUserFromGroup", "DELETE",
         fixed(GROUPS + "/00gNope/users/00uNope"), 404),
]  # fmt: skip


# --- endpoints served for okta-sdk-python's tests --------------------------------------------
def _admin_role(sim: OktaSimulator, suffix: str = "") -> str:
    """A USER_ADMIN role of an ACTIVE user, limited to two groups (prepared directly)."""
    user = sim.org.users[uid("ACTIVE")(sim)]
    roles = sim.org.admins.setdefault(user.id, [])
    role = next((r for r in roles if r.type == "USER_ADMIN"), None)
    if role is None:
        role = sim.org.assign_standard_role(user.id, "USER_ADMIN", to_user=True)
        role.id = "KVJUKUS7IFCE2SKO"
    targets = [g.id for g in sim.org.groups.values() if g.type == "OKTA_GROUP"][:2]
    sim.org.role_targets[(user.id, role.id)] = targets
    return f"/api/v1/users/{user.id}/roles/{role.id}{suffix.format(target=targets[0])}"


def _group_role(sim: OktaSimulator, suffix: str = "") -> str:
    from oktakit.testing._state import SimRoleAssignment

    owner, *others = [g for g in sim.org.groups.values() if g.type == "OKTA_GROUP"]
    role = SimRoleAssignment("KVJUKUS7IFCE2SKO", "USER_ADMIN", "Group Administrator", 0.0, 0.0)
    sim.org.group_roles[owner.id] = [role]
    sim.org.role_targets[(owner.id, role.id)] = [others[0].id, others[1].id]
    return f"/api/v1/groups/{owner.id}/roles/{role.id}{suffix.format(target=others[0].id)}"


def credentials(action: str) -> Callable[[OktaSimulator], str]:
    return users("ACTIVE", f"/credentials/{action}")


PASSWORDS = {"oldPassword": {"value": "any-old-one"}, "newPassword": {"value": "N3w-passw0rd!"}}
QUESTION = {
    "password": {"value": "any-old-one"},
    "recovery_question": {"question": "Q?", "answer": "Forty two"},
}
NEW_PASSWORD = {"password": {"value": "N3w-passw0rd!"}}
TARGET = "/targets/groups/{target}"

PEER_CASES = [
    Case("addGroup", "addGroup", "POST", fixed(GROUPS), 200, body=body({"profile": {"name": "Responders"}})),
    Case("addGroup nameless", "addGroup", "POST", fixed(GROUPS), 400, body=body({"profile": {}})),
    Case("getGroup", "getGroup", "GET", group("VPN Users"), 200),
    Case("getGroup unknown", "getGroup", "GET", fixed(GROUPS + "/00gNope"), 404),
    Case("replaceGroup", "replaceGroup", "PUT", group("VPN Users"), 200,
         body=body({"profile": {"name": "VPN"}})),
    Case("replaceGroup unknown", "replaceGroup", "PUT", fixed(GROUPS + "/00gNope"), 404,
         body=body({"profile": {"name": "x"}})),
    Case("deleteGroup", "deleteGroup", "DELETE", group("Contractors"), 204),
    Case("deleteGroup unknown", "deleteGroup", "DELETE", fixed(GROUPS + "/00gNope"), 404),
    Case("changePassword", "changePassword", "POST", credentials("change_password"), 200,
         body=body(PASSWORDS)),
    Case("changePassword short", "changePassword", "POST", credentials("change_password"), 400,
         body=body({**PASSWORDS, "newPassword": {"value": "short"}})),
    Case("changeRecoveryQuestion", "changeRecoveryQuestion", "POST", credentials("change_recovery_question"),
         200, body=body(QUESTION)),
    Case("forgotPasswordSetNewPassword", "forgotPasswordSetNewPassword", "POST",
         credentials("forgot_password_recovery_question"), 200, body=body(NEW_PASSWORD)),
    Case("assignRoleToUser", "assignRoleToUser", "POST", users("ACTIVE", "/roles"), 201,
         body=body({"type": "HELP_DESK_ADMIN"})),
    Case("assignRoleToUser bad type", "assignRoleToUser", "POST", users("ACTIVE", "/roles"), 400,
         body=body({"type": "NOPE"})),
    Case("unassignRoleFromUser", "unassignRoleFromUser", "DELETE", _admin_role, 204),
    Case("listGroupTargetsForRole", "listGroupTargetsForRole", "GET",
         lambda s: _admin_role(s, "/targets/groups"), 200),
    Case("assignGroupTargetToUserRole", "assignGroupTargetToUserRole", "PUT",
         lambda s: _admin_role(s, TARGET), 204),
    Case("unassignGroupTargetFromUserAdminRole", "unassignGroupTargetFromUserAdminRole", "DELETE",
         lambda s: _admin_role(s, TARGET), 204),
    Case("assignRoleToGroup", "assignRoleToGroup", "POST", group("VPN Users", "/roles"), 201,
         body=body({"type": "USER_ADMIN"})),
    Case("listGroupAssignedRoles", "listGroupAssignedRoles", "GET", group("VPN Users", "/roles"), 200),
    Case("unassignRoleFromGroup", "unassignRoleFromGroup", "DELETE", _group_role, 204),
    Case("listGroupTargetsForGroupRole", "listGroupTargetsForGroupRole", "GET",
         lambda s: _group_role(s, "/targets/groups"), 200),
    Case("assignGroupTargetToGroupAdminRole", "assignGroupTargetToGroupAdminRole", "PUT",
         lambda s: _group_role(s, TARGET), 204),
    Case("unassignGroupTargetFromGroupAdminRole", "unassignGroupTargetFromGroupAdminRole", "DELETE",
         lambda s: _group_role(s, TARGET), 204),
    Case("listAppLinks", "listAppLinks", "GET", users("ACTIVE", "/appLinks"), 200),
    Case("listUserIdentityProviders", "listUserIdentityProviders", "GET", users("ACTIVE", "/idps"), 200),
]  # fmt: skip

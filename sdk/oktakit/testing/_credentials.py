"""Okta's rules for a user's sessions, OAuth grants and refresh tokens, passwords and factors.

Which status allows what follows the user's ``_links`` (``_lifecycle``): Okta offers an
operation's link exactly when the status allows it, so expiring or resetting a password is
refused where no ``expirePassword`` / ``resetPassword`` link is offered. Sessions, grants and
tokens have no status gate that Okta documents; they are simply empty for users who cannot sign
in. Each rule names its evidence in ``STATUS_RULES``.
"""

from __future__ import annotations

import string
from typing import Any, Final

from ._account_state import FACTOR_ID_PREFIX, FACTOR_TYPES, SimGrant, digest
from ._errors import SimulatedError, not_found, validation_failed
from ._lifecycle import link_names
from ._sources import Evidence, documented, inferred, recorded
from ._state import Org
from ._users import SimUser
from ._util import BASE62, random_token

#: The evidence for each rule below (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "revoke_sessions": (
        documented(
            "okta-mgmt-spec",
            "ends the user's identity-provider sessions; oauthTokens=true also revokes OIDC and OAuth tokens",
        ),
        recorded("rec-comprehensive-user-lifecycle", "204 on a RECOVERY user"),
        recorded("rec-revoke-user-sessions", "204 on a user who has no session"),
        inferred("okta-mgmt-spec", "no status gate is documented: any status answers 204"),
    ),
    "grants_and_tokens": (
        documented(
            "okta-mgmt-spec", "a user's consent grants per scope and client, refresh tokens per client"
        ),
        recorded("rec-revoke-user-grants", "revoking the grants of a user who has none: 204"),
        inferred("okta-mgmt-spec", "an unknown grant, or a client the org does not have: 404 E0000007"),
    ),
    "user_id_only": (
        documented("okta-mgmt-spec", "these paths take the user's id (pathUserId), not a login"),
    ),
    "expire_password": (
        documented(
            "okta-mgmt-spec",
            "the user moves to PASSWORD_EXPIRED and must change the password at next sign-in",
        ),
        recorded(
            "rec-expire-password", "the answer is the user, PASSWORD_EXPIRED, still offering expirePassword"
        ),
        inferred(
            "docs-users-api",
            "where no expirePassword link is offered, 403 E0000038 as for other lifecycle operations",
        ),
    ),
    "expire_with_temp_password": (
        documented(
            "okta-mgmt-spec",
            "sets a temporary password, returns it and expires it; revokeSessions ends sessions",
        ),
        recorded(
            "rec-expire-password-temp",
            'the answer: {"tempPassword": "..."} (8 characters in 2020, 12 in 2025)',
        ),
    ),
    "reset_password": (
        documented(
            "okta-mgmt-spec",
            "a one-time reset link; the user moves to RECOVERY; revokeSessions ends sessions",
        ),
        documented("docs-users-api", "with sendEmail (its default) the answer is an empty object"),
        recorded("rec-comprehensive-user-lifecycle", "accepted on a PASSWORD_EXPIRED user"),
        recorded(
            "rec-reset-password-link",
            'sendEmail=false: {"resetPasswordUrl": "https://<org>/reset_password/<token>"}',
        ),
        inferred("docs-users-api", "where no resetPassword link is offered, 403 E0000038"),
    ),
    "factors": (
        documented("okta-mgmt-spec", "the factors a user enrolled, each with its type, provider and status"),
        inferred(
            "okta-mgmt-spec",
            "a temporary access code is an authenticator enrollment, not a factor: not listed",
        ),
    ),
    "unenroll_factor": (
        documented("okta-mgmt-spec", "a factor cannot be unenrolled from a deactivated user"),
        inferred("docs-users-api", "that refusal is 403 E0000038; an unknown factor 404 E0000007"),
    ),
    "change_password": (
        documented(
            "okta-mgmt-spec",
            "STAGED, ACTIVE, PASSWORD_EXPIRED or RECOVERY users with a password; the user becomes ACTIVE",
        ),
        documented("okta-error-codes", "a wrong current password: 403 E0000014"),
    ),
    "recovery_question": (
        documented(
            "okta-mgmt-spec",
            "change_recovery_question: STAGED, ACTIVE or RECOVERY users, checked with the current password",
        ),
        documented("okta-mgmt-spec", "forgot_password_recovery_question needs the recovery answer"),
        documented("okta-error-codes", "E0000036 in another status; a wrong answer 403 E0000087"),
        inferred(
            "okta-mgmt-spec",
            "a body without a new question changes nothing, and a user without a question has no answer to "
            "check (what Okta answers is unknown)",
        ),
    ),
}

#: Okta's minimum password length in its default password policy.
_MIN_PASSWORD: Final = 8
# Okta's temporary passwords are letters and digits (recorded: 8 characters in 2020, 12 in 2025).
_TEMP_PASSWORD_LENGTH: Final = 12
_TEMP_ALPHABET: Final = string.ascii_letters + string.digits


def find_by_id(org: Org, user_id: str) -> SimUser:
    """A user by id only (``STATUS_RULES["user_id_only"]``)."""
    user = org.users.by_id(user_id)
    if user is None:
        raise not_found(user_id, "User")
    return user


# --- sessions, grants, tokens --------------------------------------------------------------
def revoke_sessions(user: SimUser, *, oauth_tokens: bool, forget_devices: bool) -> None:
    account = user.account
    account.end_sessions()
    if oauth_tokens:
        account.revoke_tokens()
    if forget_devices:
        account.remembered_devices = False


def find_grant(user: SimUser, grant_id: str) -> SimGrant:
    grant = next((g for g in user.account.grants if g.id == grant_id), None)
    if grant is None:
        raise not_found(grant_id, "OAuth2ScopeConsentGrant")
    return grant


def revoke_grant(user: SimUser, grant_id: str) -> None:
    user.account.grants.remove(find_grant(user, grant_id))


def known_client(org: Org, client_id: str) -> str:
    if client_id not in org.client_apps:
        raise not_found(client_id, "AppInstance")
    return client_id


# --- passwords -----------------------------------------------------------------------------
def _allowed(user: SimUser, link: str) -> None:
    if user.transitioning_to is not None:
        raise SimulatedError("E0000112")
    if link not in link_names(user):
        raise SimulatedError("E0000038")


def expire_password(org: Org, user: SimUser) -> None:
    _allowed(user, "expirePassword")
    user.set_status("PASSWORD_EXPIRED", org.clock())


def expire_with_temp_password(org: Org, user: SimUser, *, revoke_sessions: bool) -> str:
    """Set, return and expire a temporary password (a secret: only its digest is kept)."""
    _allowed(user, "expirePassword")
    temporary = "".join(org.rng.choices(_TEMP_ALPHABET, k=_TEMP_PASSWORD_LENGTH))
    now = org.clock()
    set_password(user, temporary, now)
    user.set_status("PASSWORD_EXPIRED", now)
    if revoke_sessions:
        user.account.end_sessions()
    return temporary


def reset_password(org: Org, user: SimUser, *, send_email: bool, revoke_sessions: bool) -> dict[str, str]:
    """Start a reset: RECOVERY, with a new one-time token; the link unless Okta emails it."""
    _allowed(user, "resetPassword")
    token = random_token(org.rng, 20)
    user.account.reset_digest = digest(token)
    user.set_status("RECOVERY", org.clock())
    if revoke_sessions:
        user.account.end_sessions()
    return {} if send_email else {"resetPasswordUrl": f"{org.base_url}/reset_password/{token}"}


def set_password(user: SimUser, value: str, now: float) -> None:
    user.has_password = True
    user.account.password_digest = digest(value)
    user.password_changed = now


def password_problems(value: Any) -> list[str]:
    if not isinstance(value, str) or len(value) < _MIN_PASSWORD:
        return [
            "password: Password requirements were not met. "
            f"Password requirements: at least {_MIN_PASSWORD} characters."
        ]
    return []


def _value(credential: Any) -> Any:
    return credential.get("value") if isinstance(credential, dict) else None


def _checks_password(user: SimUser, given: Any) -> bool:
    """Whether ``given`` is the user's password (users seeded without one recorded pass)."""
    kept = user.account.password_digest
    return isinstance(given, str) and (kept is None or kept == digest(given))


def change_password(org: Org, user: SimUser, body: Any) -> None:
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    if user.status not in ("STAGED", "ACTIVE", "PASSWORD_EXPIRED", "RECOVERY") or not user.has_password:
        raise SimulatedError("E0000014")
    new = _value(body.get("newPassword"))
    causes = password_problems(new)
    if causes:
        raise validation_failed("password", *causes)
    if not _checks_password(user, _value(body.get("oldPassword"))):
        raise SimulatedError("E0000014")
    now = org.clock()
    set_password(user, str(new), now)
    if user.status in ("PASSWORD_EXPIRED", "RECOVERY"):
        user.set_status("ACTIVE", now)
    user.touch(now)


def change_recovery_question(org: Org, user: SimUser, body: Any) -> None:
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    if user.status not in ("STAGED", "ACTIVE", "RECOVERY") or not user.has_password:
        raise SimulatedError("E0000036")
    if not _checks_password(user, _value(body.get("password"))):
        raise SimulatedError("E0000014")
    question = body.get("recovery_question")
    if isinstance(question, dict) and question.get("question") and question.get("answer"):
        user.recovery_question = str(question["question"])
        user.account.recovery_digest = digest(str(question["answer"]))
    user.touch(org.clock())


def forgot_password_recovery_question(org: Org, user: SimUser, body: Any) -> None:
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    if user.status not in ("ACTIVE", "PASSWORD_EXPIRED", "RECOVERY", "LOCKED_OUT"):
        raise SimulatedError("E0000034")
    answer = body.get("recovery_question")
    given = answer.get("answer") if isinstance(answer, dict) else None
    kept = user.account.recovery_digest
    if kept is not None and (not isinstance(given, str) or digest(given) != kept):
        raise SimulatedError("E0000087")
    new = _value(body.get("password"))
    causes = password_problems(new)
    if causes:
        raise validation_failed("password", *causes)
    now = org.clock()
    set_password(user, str(new), now)
    user.set_status("ACTIVE", now)


# --- factors -------------------------------------------------------------------------------
def factor_id(user: SimUser, key: str) -> str:
    """A stable id for the user's factor of this kind (Okta's type prefix + 17 characters)."""
    factor_type = FACTOR_TYPES[key][0]
    body = digest(f"{user.id}/{key}")
    return FACTOR_ID_PREFIX[factor_type] + "".join(
        BASE62[int(body[i : i + 2], 16) % 62] for i in range(0, 34, 2)
    )


def listed_factors(user: SimUser) -> list[str]:
    return [key for key in user.factors if key in FACTOR_TYPES]


def unenroll(org: Org, user: SimUser, factor: str) -> None:
    key = next((k for k in listed_factors(user) if factor_id(user, k) == factor), None)
    if key is None:
        raise not_found(factor, "UserFactor")
    if user.status == "DEPROVISIONED":
        raise SimulatedError("E0000038")
    user.factors.remove(key)
    user.touch(org.clock())

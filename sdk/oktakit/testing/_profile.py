"""updateUser (POST, partial) and replaceUser (PUT, full) semantics and validation."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from ._account_state import digest
from ._errors import SimulatedError, not_found
from ._sources import Evidence, documented, recorded
from ._state import Org
from ._users import SimUser

#: The evidence for the status rules of updates (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "deprovisioned": (
        documented(
            "okta-mgmt-spec",
            "a DEPROVISIONED user's profile is not updated unless the org allows deactivated-user updates",
        ),
        recorded("issue-java-721", "an update of a DEPROVISIONED user: 404 E0000007, the user not found"),
    ),
    "transitioning": (documented("okta-error-codes", "E0000112 while the user is still being activated"),),
}

_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Okta renders these two even when they hold no value (see the recorded responses).
_ALWAYS_PRESENT: Final = ("mobilePhone", "secondEmail")
_MIN_PASSWORD: Final = 8


def apply_update(org: Org, user: SimUser, body: Any, *, replace: bool) -> None:
    """Validate ``body`` and apply it to ``user``; raise SimulatedError and change nothing on error."""
    if not isinstance(body, dict):
        raise SimulatedError("E0000003")
    profile_in = body.get("profile")
    credentials_in = body.get("credentials")
    if profile_in is not None and not isinstance(profile_in, dict):
        raise SimulatedError("E0000003")
    if credentials_in is not None and not isinstance(credentials_in, dict):
        raise SimulatedError("E0000003")
    if user.transitioning_to is not None:
        raise SimulatedError("E0000112")
    if user.status == "DEPROVISIONED" and not org.options.allow_deprovisioned_updates:
        raise not_found(user.id, "User")  # what Okta answered (STATUS_RULES["deprovisioned"])

    profile = _merged_profile(user, profile_in or {}, replace=replace)
    causes = _profile_problems(org, user, profile)
    causes += _type_problems(org, user, body.get("type"), replace=replace)
    password, question, credential_causes = _credentials(user.status, credentials_in or {})
    causes += credential_causes
    if causes:
        field = causes[0].split(":", 1)[0]
        raise SimulatedError("E0000001", field, causes)

    now = org.clock()
    for name in _ALWAYS_PRESENT:
        profile.setdefault(name, None)
    old_login = user.login
    user.profile = profile
    org.users.relogin(user, old_login)
    if password:
        user.has_password = True
        user.password_changed = now
        value = (credentials_in or {}).get("password", {}).get("value")
        user.account.password_digest = digest(value) if isinstance(value, str) else None
    if question is not None:
        user.recovery_question = question
        answer = (credentials_in or {})["recovery_question"]["answer"]
        user.account.recovery_digest = digest(str(answer))
    if replace and isinstance(body.get("type"), dict):
        user.type_id = str(body["type"].get("id") or user.type_id)
    user.touch(now)


def new_user_problems(org: Org, profile: dict[str, Any], credentials: dict[str, Any]) -> list[str]:
    """What Okta refuses in a creation's profile and credentials: what an update refuses, the
    login's uniqueness among every user included."""
    return _profile_problems(org, None, profile) + _credentials("STAGED", credentials)[2]


def _merged_profile(user: SimUser, profile_in: dict[str, Any], *, replace: bool) -> dict[str, Any]:
    if replace:  # PUT: whatever the body does not name is gone
        return {k: v for k, v in profile_in.items() if v is not None}
    profile = dict(user.profile)
    for name, value in profile_in.items():
        if value is None:
            profile.pop(name, None)  # a JSON null clears the attribute
        else:
            profile[name] = value
    return profile


def _profile_problems(org: Org, user: SimUser | None, profile: dict[str, Any]) -> list[str]:
    causes: list[str] = []
    known = org.known_attributes
    for name, value in profile.items():
        if name not in known:
            causes.append(f"{name}: Property name '{name}' is not defined in profile")
        elif value is not None and not isinstance(value, str):
            causes.append(f"{name}: Invalid value type; expected a string")
    causes += _login_problems(org, user, profile.get("login"))
    causes += _format_problems(profile)
    return causes


def _login_problems(org: Org, user: SimUser | None, login: Any) -> list[str]:
    causes: list[str] = []
    if not isinstance(login, str) or not login.strip():
        causes.append("login: The field cannot be left blank")
    elif not 5 <= len(login) <= 100:
        causes.append("login: Size must be between 5 and 100")
    elif not _EMAIL.match(login):
        causes.append("login: Username must be in the form of an email address")
    else:
        owner = org.users.login_taken_by(login)
        if owner is not None and owner is not user:
            causes.append("login: An object with this field already exists in the current organization")
    return causes


def _format_problems(profile: dict[str, Any]) -> list[str]:
    causes: list[str] = []
    email = profile.get("email")
    if not isinstance(email, str) or not email.strip():
        causes.append("email: The field cannot be left blank")
    elif not _EMAIL.match(email) or not 5 <= len(email) <= 100:
        causes.append("email: Does not match required pattern")
    second = profile.get("secondEmail")
    if isinstance(second, str) and not _EMAIL.match(second):
        causes.append("secondEmail: Does not match required pattern")
    for name in ("firstName", "lastName"):
        value = profile.get(name)
        if isinstance(value, str) and not 1 <= len(value) <= 50:
            causes.append(f"{name}: Size must be between 1 and 50")
    country = profile.get("countryCode")
    if isinstance(country, str) and len(country) > 2:
        causes.append("countryCode: Size must be at most 2")
    birth = profile.get("dateOfBirth")
    if isinstance(birth, str) and not _is_date(birth):
        causes.append("dateOfBirth: Does not match required pattern YYYY-MM-DD")
    return causes


def _is_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _type_problems(org: Org, user: SimUser, type_in: Any, *, replace: bool) -> list[str]:
    if type_in is None:
        return []
    type_id = type_in.get("id") if isinstance(type_in, dict) else None
    if not isinstance(type_id, str) or type_id != org.user_type_id:
        return ["type: Invalid user type id"]
    if not replace and type_id != user.type_id:
        return ["type: The user type can only be changed with a full replace (PUT)"]
    return []


def _credentials(status: str, credentials: dict[str, Any]) -> tuple[bool, str | None, list[str]]:
    """(sets a password?, new recovery question, problems)."""
    causes: list[str] = []
    sets_password = False
    password = credentials.get("password")
    if password is not None:
        if not isinstance(password, dict):
            causes.append("password: Invalid password credential")
        elif "hash" in password:
            if status != "STAGED":
                causes.append("password: A password hash can only be imported for a STAGED user")
            sets_password = True
        elif "value" in password:
            value = password["value"]
            if not isinstance(value, str) or len(value) < _MIN_PASSWORD:
                causes.append(
                    "password: Password requirements were not met. "
                    f"Password requirements: at least {_MIN_PASSWORD} characters."
                )
            sets_password = True
    question: str | None = None
    recovery = credentials.get("recovery_question")
    if recovery is not None:
        ok = isinstance(recovery, dict) and all(
            isinstance(recovery.get(k), str) and recovery.get(k) for k in ("question", "answer")
        )
        if not ok or not isinstance(recovery, dict):
            causes.append("recovery_question: Both a question and an answer are required")
        else:
            question = str(recovery["question"])
    return sets_password and not causes, question, causes

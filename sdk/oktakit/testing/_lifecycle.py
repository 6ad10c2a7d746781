"""The user lifecycle state machine (OKTA-FACTS part 1, section 4) and the `_links` it implies.

Transitions complete synchronously unless ``OrgOptions.transition_delay`` is positive: then
activation (and deactivation with ``Prefer: respond-async``) leaves the user in its old status
with ``transitioningToStatus`` set until that many clock seconds have passed.
"""

from __future__ import annotations

from typing import Final

from ._errors import SimulatedError, not_found
from ._sources import Evidence, documented, inferred, recorded
from ._state import Org
from ._users import SimUser
from ._util import random_token

#: The evidence for each status rule below (see ``_sources``).
STATUS_RULES: Final[dict[str, tuple[Evidence, ...]]] = {
    "activate": (
        documented("okta-mgmt-spec", "only users with a STAGED or DEPROVISIONED status"),
        documented("okta-error-codes", "E0000016 for a user already active"),
        inferred("docs-users-api", "E0000038 for the other statuses, as Okta answers reactivate"),
    ),
    "deactivate": (
        documented("okta-mgmt-spec", "any status but DEPROVISIONED"),
        documented("okta-mgmt-spec", "consent grants stay valid until the user is deactivated or deleted"),
        inferred(
            "okta-mgmt-spec", "a deactivated user cannot sign in: its sessions and refresh tokens end too"
        ),
        recorded("issue-java-721", "deactivating a DEPROVISIONED user: 404 E0000007, the user not found"),
    ),
    "reactivate": (
        documented("okta-mgmt-spec", "only PROVISIONED or RECOVERY users; a new activation token"),
        documented("docs-users-api", "403 E0000038 for an unexpected status"),
    ),
    "suspend": (
        documented("okta-mgmt-spec", "only ACTIVE users"),
        documented("docs-users-api", "an id not in the ACTIVE state: 400 E0000001"),
        recorded(
            "rec-expire-password",
            "a PASSWORD_EXPIRED user is offered `suspend`, so it is accepted from there too "
            "(OrgOptions.suspend_password_expired turns this off, as the spec's wording has it)",
        ),
        documented("help-role-permissions", "when a user is suspended, their sessions are cleared too"),
    ),
    "unsuspend": (
        documented("okta-mgmt-spec", "only SUSPENDED users, back to ACTIVE"),
        documented("docs-users-api", "an id not in the SUSPENDED state: 400 E0000001"),
    ),
    "unlock": (
        documented("okta-mgmt-spec", "LOCKED_OUT users (and ACTIVE ones blocked from unknown devices)"),
        inferred("okta-error-codes", 'E0000032 "Unlock is not allowed for this user" for any other status'),
    ),
    "reset_factors": (
        documented("okta-mgmt-spec", "factor enrollments return to unenrolled; the status stays"),
        inferred("okta-error-codes", "E0000038 for a DEPROVISIONED user, which has no factors to reset"),
    ),
    "transitioning": (documented("okta-error-codes", "E0000112 while the user is still being activated"),),
    "links": (
        documented("okta-mgmt-spec", "a user's _links offer the operations its status allows"),
        recorded("rec-create-get-user", "a STAGED user's links omit deactivate"),
        recorded("rec-expire-password", "a PASSWORD_EXPIRED user is offered what an ACTIVE one is"),
    ),
}

# Link relations and where they point, relative to /api/v1/users/{id}.
LINK_TARGETS: Final[dict[str, str]] = {
    "activate": "/lifecycle/activate",
    "reactivate": "/lifecycle/reactivate",
    "deactivate": "/lifecycle/deactivate",
    "suspend": "/lifecycle/suspend",
    "unsuspend": "/lifecycle/unsuspend",
    "unlock": "/lifecycle/unlock",
    "resetFactors": "/lifecycle/reset_factors",
    "resetPassword": "/lifecycle/reset_password",
    "expirePassword": "/lifecycle/expire_password",
    "forgotPassword": "/credentials/forgot_password",
    "changePassword": "/credentials/change_password",
    "changeRecoveryQuestion": "/credentials/change_recovery_question",
}
CREDENTIAL_LINKS: Final = frozenset(
    {"resetPassword", "expirePassword", "forgotPassword", "changePassword", "changeRecoveryQuestion"}
)

# The operations each status advertises on a single-user response. Lifecycle relations follow
# the state machine below, with one deliberate exception copied from recorded Okta responses:
# a STAGED user is not offered `deactivate` although deactivating it works.
_STATUS_LINKS: Final[dict[str, tuple[str, ...]]] = {
    "STAGED": ("activate", "resetFactors"),
    "PROVISIONED": ("reactivate", "deactivate", "resetFactors", "resetPassword"),
    "ACTIVE": (
        "suspend", "deactivate", "resetFactors", "resetPassword", "forgotPassword",
        "expirePassword", "changePassword", "changeRecoveryQuestion",
    ),
    "RECOVERY": ("reactivate", "deactivate", "resetFactors", "resetPassword", "expirePassword"),
    "LOCKED_OUT": ("unlock", "deactivate", "resetFactors", "resetPassword", "expirePassword"),
    "PASSWORD_EXPIRED": (
        "suspend", "deactivate", "resetFactors", "resetPassword", "forgotPassword",
        "expirePassword", "changePassword", "changeRecoveryQuestion",
    ),
    "SUSPENDED": ("unsuspend", "deactivate", "resetFactors"),
    "DEPROVISIONED": ("activate",),
}  # fmt: skip
_NEEDS_PASSWORD: Final = frozenset({"forgotPassword", "changePassword", "changeRecoveryQuestion"})


def link_names(user: SimUser) -> tuple[str, ...]:
    """Operation links (beyond self/schema/type) allowed for the user right now."""
    if user.transitioning_to is not None:
        return ()  # nothing may start while a transition runs
    names = _STATUS_LINKS.get(user.status, ())
    if user.has_password:
        return names
    return tuple(name for name in names if name not in _NEEDS_PASSWORD)


def _ensure_idle(user: SimUser) -> None:
    if user.transitioning_to is not None:
        raise SimulatedError("E0000112")


def _activation_token(org: Org) -> dict[str, str]:
    token = random_token(org.rng, 20)
    # Identity Engine orgs hand out /tokens/{token}/verify links (Classic: /welcome/{token}).
    return {"activationToken": token, "activationUrl": f"{org.base_url}/tokens/{token}/verify"}


def _move(org: Org, user: SimUser, target: str, *, asynchronous: bool) -> None:
    now = org.clock()
    delay = org.options.transition_delay
    if asynchronous and delay > 0:
        user.transitioning_to = target
        user.transition_due = now + delay
        user.touch(now)
        org.pending.add(user.id)
    else:
        user.set_status(target, now)


def activate(org: Org, user: SimUser, *, send_email: bool) -> dict[str, str]:
    """STAGED/DEPROVISIONED -> ACTIVE (has a password) or PROVISIONED (must finish setup)."""
    _ensure_idle(user)
    if user.status == "ACTIVE":
        raise SimulatedError("E0000016")
    if user.status not in ("STAGED", "DEPROVISIONED"):
        raise SimulatedError("E0000038")
    target = "ACTIVE" if user.has_password else "PROVISIONED"
    user.activated = org.clock()
    _move(org, user, target, asynchronous=True)
    return {} if send_email else _activation_token(org)


def deactivate(org: Org, user: SimUser, *, respond_async: bool) -> None:
    """Any status but DEPROVISIONED -> DEPROVISIONED.

    Okta documents no answer for deactivating a deactivated user; the one public answer
    (``STATUS_RULES["deactivate"]``) is 404 E0000007, as if the user did not exist.
    """
    _ensure_idle(user)
    if user.status == "DEPROVISIONED":
        raise not_found(user.id, "User")
    for tac in user.tac_enrollments:
        tac.valid = False  # a deprovisioned user keeps no usable sign-in code
    account = user.account
    account.end_sessions()
    account.revoke_tokens()
    account.revoke_grants()
    _move(org, user, "DEPROVISIONED", asynchronous=respond_async)


def reactivate(org: Org, user: SimUser, *, send_email: bool) -> dict[str, str]:
    """Restart an unfinished activation (PROVISIONED or RECOVERY); the status is unchanged."""
    _ensure_idle(user)
    if user.status not in ("PROVISIONED", "RECOVERY"):
        raise SimulatedError("E0000038")
    user.touch(org.clock())
    return {} if send_email else _activation_token(org)


def suspend(org: Org, user: SimUser) -> None:
    """ACTIVE (and, by default, PASSWORD_EXPIRED) -> SUSPENDED; the user's sessions end."""
    _ensure_idle(user)
    if user.status == "PASSWORD_EXPIRED" and org.options.suspend_password_expired:
        user.set_status("SUSPENDED", org.clock())
    else:
        _require_then_set(org, user, "ACTIVE", "SUSPENDED", "Only an ACTIVE user can be suspended")
    user.account.end_sessions()


def unsuspend(org: Org, user: SimUser) -> None:
    _require_then_set(org, user, "SUSPENDED", "ACTIVE", "Only a SUSPENDED user can be unsuspended")


def _require_then_set(org: Org, user: SimUser, source: str, target: str, rule: str) -> None:
    # Okta answers a suspend/unsuspend in the wrong status with 400 E0000001 (D10).
    _ensure_idle(user)
    if user.status != source:
        raise SimulatedError("E0000001", "status", [f"status: {rule}; this user is {user.status}"])
    user.set_status(target, org.clock())


def unlock(org: Org, user: SimUser) -> None:
    _ensure_idle(user)
    if user.status != "LOCKED_OUT":
        raise SimulatedError("E0000032")
    user.set_status("ACTIVE", org.clock())


def reset_factors(org: Org, user: SimUser) -> None:
    """Unenroll every factor (TACs included); the status does not change."""
    _ensure_idle(user)
    if user.status == "DEPROVISIONED":
        raise SimulatedError("E0000038")
    user.factors.clear()
    for tac in user.tac_enrollments:
        tac.valid = False
    user.touch(org.clock())

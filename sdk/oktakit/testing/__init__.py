"""An embedded Okta Management API simulator for oktakit's tests and benchmarks.

It serves, over real HTTP on loopback, every operation in ``okta_spec/openapi.yaml`` (and the
endpoints okta-sdk-python's own user and group tests call, ``_peer``) with Okta's response
shapes, error codes, lifecycle rules, pagination headers, rate limits and injectable faults.
It speaks JSON only; it shares with the SDK only the spec's facts and the permission rules
(``oktakit._registry``, ``oktakit.permissions._grants``).

    async with OktaSimulator(users=500, seed=1) as sim:
        ...  # point a client at sim.url with "Authorization: SSWS " + sim.api_token

Where Okta's documentation leaves a choice, the simulator does this:

- Lifecycle transitions complete synchronously (no ``transitioningToStatus``) unless
  ``transition_delay`` is set; the lifecycle 200s without payload answer ``{}`` (as Okta does
  today) or, with ``lifecycle_body="empty"``, nothing.
- Deactivating or updating a DEPROVISIONED user answers 404 E0000007 (the one public Okta
  answer); resetting its factors, and any status-forbidden activate or reactivate, 403
  E0000038; activating an ACTIVE user 403 E0000016; suspend/unsuspend in the wrong status 400
  E0000001; unlock of a user that is not LOCKED_OUT 403 E0000032. Each status rule names its
  source (``STATUS_RULES`` in ``_lifecycle``, ``_profile``, ``_resources``, ``_query``,
  ``_credentials``, ``_directory``, ``_peer``).
- A PASSWORD_EXPIRED user may be suspended (recorded answers offer it; the spec says "only
  ACTIVE": ``OrgOptions.suspend_password_expired``). Expiring or resetting a password where the
  user's ``_links`` offer no such link answers 403 E0000038; revoking sessions, grants or tokens
  has no status gate (204). Unsuspending returns the user to ACTIVE, as documented, even one
  suspended while PASSWORD_EXPIRED.
- Sessions, grants, tokens and factors take a user *id* (Okta's ``pathUserId``); an unknown
  grant, factor or client app is 404 E0000007. Adding a member again, or removing a non-member,
  answers 204; the Everyone group's members 501 E0000060, an app group's 403 E0000006.
- A STAGED user's ``_links`` omit ``deactivate`` (like recorded Okta responses) though it works.
- Invalid ``search``/``filter`` expressions give 400 E0000031, bad dates E0000030, ``search`` with
  ``filter`` or ``q`` E0000033; ``q`` never paginates; DEPROVISIONED users are listed by
  ``search`` and ``filter`` only.
- The TAC path takes a user id only and answers 404 E0000007 for an unknown one.
- Rate limits default to Okta's buckets (``okta_spec/rate_limits.yaml``, matched as the client
  matches them) with their Workforce Identity limits (``RateLimitConfig.okta`` for another
  edition, shorter windows, or each client's share of a bucket); faults bypass the counters.
- OAuth: service apps authenticate with ``private_key_jwt`` only; tokens are RS256 JWTs; a
  ``.manage`` scope does not stand in for ``.read``; standard roles map to the permission table
  in ``okta_spec/permissions.yaml``; a custom role reaches only what its resource set holds
  (users and groups are enforced, a list of users needs all users); DPoP nonces rotate only
  when ``rotate_dpop_nonce`` is called. Each module
  (``_assertion``, ``_dpop_verify``, ``_bearer``, ``_permissions``) documents its check order.
- API tokens belong to admin users (the default one to the org's super admin, the first ACTIVE
  seeded user): ``GET /api/v1/users/me`` answers with the admin, whose roles limit the token.
  A token's admin who is suspended or deactivated keeps the token working here (Okta's rule for
  that case is not modelled).
- The System Log (``_audit``, ``_syslog*``): a successful call writes the event types its
  operation declares in the spec (a refused one writes nothing; which type an endpoint writes is
  our reading of Okta's catalogue); events are stored with whole milliseconds; ``limit`` above
  1,000, a bad ``sortOrder`` or cursor, and 11 or more ``q`` keywords answer 400 E0000001; a
  filter on ``published`` answers 400 E0000053; ``until`` is exclusive; a custom role listing
  ``okta.logs.read`` gains nothing (no custom role can hold it), REPORT_ADMIN and broader roles
  read the log; the peer routes (group CRUD, roles) write no events.
"""

from typing import TYPE_CHECKING

from oktakit._lazy import lazy_namespace

if TYPE_CHECKING:
    from ._auth import AuthChain, AuthScheme, Principal, SswsScheme
    from ._bearer import OAuthScheme
    from ._context import RequestRecord
    from ._faults import FaultKind, FaultRule
    from ._oauth_errors import OAUTH_CATALOGUE
    from ._permissions import SIMULATED_SCOPES, STANDARD_ROLE_PERMISSIONS
    from ._ratelimit import OKTA_DEFAULT_BUCKETS, BucketRule, RateLimitConfig, RateLimiter
    from ._seed import SEED_EPOCH, build_org
    from ._server import OktaSimulator, run_simulator
    from ._service_apps import ServiceApp
    from ._state import (
        CustomRole,
        Org,
        OrgOptions,
        SimAuthenticator,
        SimGroup,
        SimPermission,
        SimRoleAssignment,
    )
    from ._users import SimUser, TacEnrollment, UserDirectory
    from ._util import Clock, ManualClock

__all__ = [
    "OAUTH_CATALOGUE",
    "OKTA_DEFAULT_BUCKETS",
    "SEED_EPOCH",
    "SIMULATED_SCOPES",
    "STANDARD_ROLE_PERMISSIONS",
    "AuthChain",
    "AuthScheme",
    "BucketRule",
    "Clock",
    "CustomRole",
    "FaultKind",
    "FaultRule",
    "ManualClock",
    "OAuthScheme",
    "OktaSimulator",
    "Org",
    "OrgOptions",
    "Principal",
    "RateLimitConfig",
    "RateLimiter",
    "RequestRecord",
    "ServiceApp",
    "SimAuthenticator",
    "SimGroup",
    "SimPermission",
    "SimRoleAssignment",
    "SimUser",
    "SswsScheme",
    "TacEnrollment",
    "UserDirectory",
    "build_org",
    "run_simulator",
]

__getattr__, __dir__ = lazy_namespace(
    __name__,
    globals(),
    {
        "OAUTH_CATALOGUE": "._oauth_errors",
        "OKTA_DEFAULT_BUCKETS": "._ratelimit",
        "SEED_EPOCH": "._seed",
        "SIMULATED_SCOPES": "._permissions",
        "STANDARD_ROLE_PERMISSIONS": "._permissions",
        "AuthChain": "._auth",
        "AuthScheme": "._auth",
        "BucketRule": "._ratelimit",
        "Clock": "._util",
        "CustomRole": "._state",
        "FaultKind": "._faults",
        "FaultRule": "._faults",
        "ManualClock": "._util",
        "OAuthScheme": "._bearer",
        "OktaSimulator": "._server",
        "Org": "._state",
        "OrgOptions": "._state",
        "Principal": "._auth",
        "RateLimitConfig": "._ratelimit",
        "RateLimiter": "._ratelimit",
        "RequestRecord": "._context",
        "ServiceApp": "._service_apps",
        "SimAuthenticator": "._state",
        "SimGroup": "._state",
        "SimPermission": "._state",
        "SimRoleAssignment": "._state",
        "SimUser": "._users",
        "SswsScheme": "._auth",
        "TacEnrollment": "._users",
        "UserDirectory": "._users",
        "build_org": "._seed",
        "run_simulator": "._server",
    },
)

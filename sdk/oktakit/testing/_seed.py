"""Deterministic org seeding: the same ``(users, seed)`` always builds the same org."""

from __future__ import annotations

import random
import time
from typing import Any

from ._sign_in import seed_sign_ins
from ._state import Org, SimAuthenticator
from ._users import SimUser
from ._util import Clock

# Seeded timestamps are placed before this instant (2025-06-01T00:00:00Z) so they never
# depend on the wall clock; later changes are stamped with the simulator's clock.
SEED_EPOCH = 1_748_736_000.0
_DAY = 86_400.0

_FIRST = (
    "Ada", "Alan", "Alice", "Amara", "Ana", "Ben", "Bianca", "Carlos", "Chen", "Chloe",
    "Daniel", "Dara", "Elena", "Emeka", "Emma", "Farah", "Felix", "Grace", "Hana", "Hugo",
    "Ines", "Ivan", "Jamal", "Jana", "John", "Kai", "Kenji", "Lara", "Leo", "Lina",
    "Maria", "Mateo", "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Quinn", "Rafael",
    "Rosa", "Sam", "Sara", "Tariq", "Tess", "Uma", "Victor", "Wei", "Yara", "Zoe",
)  # fmt: skip
_LAST = (
    "Abbott", "Adeyemi", "Baker", "Banerjee", "Castro", "Chen", "Dubois", "Eriksen", "Fischer",
    "Garcia", "Gupta", "Haddad", "Ito", "Jensen", "Kim", "Kowalski", "Larsen", "Lopez",
    "Martin", "Moreau", "Nakamura", "Novak", "Okafor", "Olsen", "Patel", "Petrov", "Quispe",
    "Rossi", "Sato", "Schmidt", "Silva", "Smith", "Tanaka", "Torres", "Usman", "Varga",
    "Wagner", "Walker", "Xu", "Yilmaz", "Young", "Zhang", "Ziegler", "Doe", "Brown",
)  # fmt: skip
_DEPARTMENTS = ("Engineering", "Sales", "Marketing", "Finance", "People", "Support", "Legal")
_TITLES = ("Engineer", "Manager", "Analyst", "Specialist", "Director", "Associate", "Lead")
_CITIES = (("San Francisco", "US"), ("Berlin", "DE"), ("Lagos", "NG"), ("Tokyo", "JP"),
           ("Sao Paulo", "BR"), ("Toronto", "CA"), ("Paris", "FR"), ("Sydney", "AU"))  # fmt: skip

# Every block of 20 users holds exactly this mix (shuffled), so even a small org has
# every status, and the distribution does not drift with the random stream.
_STATUS_BLOCK = (
    ("ACTIVE",) * 13
    + ("STAGED", "PROVISIONED", "SUSPENDED", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY")
    + ("DEPROVISIONED",)
)
_FACTOR_CHOICES = ("okta_verify", "phone_number", "webauthn", "okta_email")

# Edge cases users hit, one each at a fixed slot of every block of 20 (the random stream is
# drawn the same either way, so the rest of the org does not change with them):
_NO_OPTIONALS = 3  # no optional attributes (keys absent; Okta always shows mobilePhone, as null)
_NON_ASCII = 7  # a non-ASCII name, with the ASCII login people get for it
_MIXED_CASE = 11  # a login with capitals: lookups and searches in other cases find it
_LONG_VALUE = 15  # a custom attribute value of a few kilobytes
_OPTIONAL_ATTRIBUTES = ("title", "department", "city", "countryCode", "employeeNumber")
_NON_ASCII_NAMES = (
    ("Zoë", "Ångström", "zoe.angstrom"), ("José", "Muñoz", "jose.munoz"),
    ("Łukasz", "Wójcik", "lukasz.wojcik"), ("Søren", "Kjær", "soren.kjaer"),
    ("Thị", "Nguyễn", "thi.nguyen"), ("Çağla", "Öztürk", "cagla.ozturk"),
    ("Ίρις", "Παπαδάκη", "iris.papadaki"), ("美咲", "佐藤", "misaki.sato"),
)  # fmt: skip
LONG_VALUE_LENGTH = 4096


def build_org(users: int, seed: int, *, clock: Clock = time.time) -> Org:
    """A fresh org with ``users`` users, groups, authenticators and a service app."""
    org = Org(seed=seed, clock=clock)
    rng = random.Random(f"oktakit-sim-seed-{seed}")  # noqa: S311 - reproducible on purpose
    _seed_authenticators(org, rng)
    everyone = org.add_group(
        "Everyone", "All users in your organization", group_type="BUILT_IN",
        created=SEED_EPOCH - 2000 * _DAY,
    )  # fmt: skip
    org.everyone_group_id = everyone.id
    departments = {
        name: org.add_group(name, f"Everyone in {name}", created=SEED_EPOCH - 1900 * _DAY)
        for name in _DEPARTMENTS
    }
    vpn = org.add_group("VPN Users", "Remote access", created=SEED_EPOCH - 1800 * _DAY)
    contractors = org.add_group("Contractors", None, created=SEED_EPOCH - 1700 * _DAY)

    statuses: list[str] = []
    for _ in range((users + len(_STATUS_BLOCK) - 1) // len(_STATUS_BLOCK)):
        block = list(_STATUS_BLOCK)
        rng.shuffle(block)
        statuses.extend(block)

    taken: dict[str, int] = {}
    for index in range(users):
        user = _seed_user(org, rng, index, statuses[index], taken)
        department = user.profile.get("department")
        if department is not None:
            org.add_member(departments[department].id, user, user.created)
        if rng.random() < 0.3:
            org.add_member(vpn.id, user, user.created)
        if rng.random() < 0.1:
            org.add_member(contractors.id, user, user.created)
    _seed_roles(org)
    _seed_super_admin(org)
    seed_sign_ins(org, seed, SEED_EPOCH)
    return org


def _seed_super_admin(org: Org) -> None:
    """The org's first ACTIVE user is its super admin, who made the default API token (every
    Okta org has one; an org seeded without an ACTIVE user has none here)."""
    admin = next((user for user in org.users.values() if user.status == "ACTIVE"), None)
    if admin is not None:
        org.assign_standard_role(admin.id, "SUPER_ADMIN", when=admin.created, to_user=True)
        org.super_admin_id = admin.id


def _seed_user(org: Org, rng: random.Random, index: int, status: str, taken: dict[str, int]) -> SimUser:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    slot = index % len(_STATUS_BLOCK)
    base = f"{first}.{last}".lower()
    if slot == _NON_ASCII:
        first, last, base = _NON_ASCII_NAMES[index // len(_STATUS_BLOCK) % len(_NON_ASCII_NAMES)]
    taken[base] = seen = taken.get(base, 0) + 1  # a counter per name keeps big orgs fast
    login = f"{base}@example.com" if seen == 1 else f"{base}{seen}@example.com"
    if slot == _MIXED_CASE:
        login = f"{first}.{last}{'' if seen == 1 else seen}@Example.com"
    created = round(SEED_EPOCH - rng.uniform(30, 1800) * _DAY)
    city, country = rng.choice(_CITIES)
    profile: dict[str, Any] = {
        "firstName": first,
        "lastName": last,
        "mobilePhone": f"+1-555-01{rng.randrange(100):02d}" if rng.random() < 0.6 else None,
        "secondEmail": None,
        "login": login,
        "email": login,
        "displayName": f"{first} {last}",
        "title": rng.choice(_TITLES),
        "department": rng.choice(_DEPARTMENTS),
        "employeeNumber": str(100_000 + index),
        "legalName": f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}",
        "dateOfBirth": f"{rng.randrange(1960, 2004)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "city": city,
        "countryCode": country,
        "locale": "en_US",
    }
    if slot == _NO_OPTIONALS:
        for name in _OPTIONAL_ATTRIBUTES:
            del profile[name]
        profile["mobilePhone"] = None
    elif slot == _LONG_VALUE:
        # e.g. a legal name with every given name: far past what a UI field shows.
        names = " ".join(_FIRST)
        profile["legalName"] = (f"{first} {names} " * LONG_VALUE_LENGTH)[
            : LONG_VALUE_LENGTH - len(last)
        ] + last
    has_password = {"STAGED": rng.random() < 0.5, "PROVISIONED": False}.get(status, True)
    enrolled = status not in ("STAGED", "PROVISIONED") and rng.random() < 0.75
    factors = sorted(rng.sample(_FACTOR_CHOICES, rng.randrange(1, 3))) if enrolled else []
    user = org.add_user(
        login=login,
        first_name=first,
        last_name=last,
        status=status,
        password=has_password,
        factors=factors,
        profile=profile,
        user_id=org.new_id("00u"),
        created=created,
    )
    if status != "STAGED":
        user.activated = created + rng.uniform(0, 2) * _DAY
        user.status_changed = user.activated + rng.uniform(0, 20) * _DAY
    user.password_changed = (user.activated or created) if has_password else None
    if status in ("ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED", "RECOVERY"):
        user.last_login = SEED_EPOCH - rng.uniform(0, 25) * _DAY
    user.last_updated = max(t for t in (created, user.status_changed, user.password_changed) if t is not None)
    for attr in ("activated", "status_changed", "last_login", "password_changed", "last_updated"):
        value = getattr(user, attr)
        if value is not None:
            setattr(user, attr, float(round(value)))  # Okta's stored times are whole seconds
    return user


def _seed_authenticators(org: Org, rng: random.Random) -> None:
    created = SEED_EPOCH - 1500 * _DAY
    specs: list[tuple[str, str, str, str, dict[str, Any]]] = [
        ("okta_email", "Email", "email", "ACTIVE",
         {"settings": {"allowedFor": "any", "tokenLifetimeInMinutes": 5}}),
        ("okta_password", "Password", "password", "ACTIVE", {}),
        ("okta_verify", "Okta Verify", "app", "ACTIVE",
         {"settings": {"compliance": {"fips": "OPTIONAL"},
                       "channelBinding": {"style": "NUMBER_CHALLENGE",
                                          "required": "HIGH_RISK_ONLY"},
                       "userVerification": "PREFERRED", "appInstanceId": ""}}),
        ("phone_number", "Phone", "phone", "ACTIVE", {"settings": {"allowedFor": "any"}}),
        ("security_question", "Security Question", "security_question", "INACTIVE",
         {"settings": {"allowedFor": "recovery"}}),
        ("webauthn", "Security Key or Biometric", "security_key", "ACTIVE", {}),
        ("tac", "Temporary Access Code", "tac", "ACTIVE",
         {"provider": {"type": "tac",
                       "configuration": {"minTtl": 10, "maxTtl": 14400, "defaultTtl": 120,
                                         "length": 16,
                                         "complexity": {"numbers": True, "letters": True,
                                                        "specialCharacters": True},
                                         "multiUseAllowed": True}}}),
    ]  # fmt: skip
    for key, name, kind, status, extra in specs:
        authenticator_id = "aut" + "".join(rng.choices("0123456789abcdefghijkABCDEFGHIJK", k=17))
        org.authenticators[authenticator_id] = SimAuthenticator(
            authenticator_id, key, name, kind, status, created, created, extra
        )


def _seed_roles(org: Org) -> None:
    when = SEED_EPOCH - 400 * _DAY
    client_id = org.add_client()
    org.default_client_id = client_id
    org.assign_standard_role(client_id, "USER_ADMIN", when=when)
    role = org.add_custom_role(
        "oktakit-user-lifecycle",
        [
            "okta.users.read",
            "okta.users.userprofile.manage",
            "okta.users.lifecycle.activate",
            "okta.users.lifecycle.deactivate",
            "okta.users.lifecycle.suspend",
            "okta.users.lifecycle.unsuspend",
            "okta.users.lifecycle.unlock",
            "okta.users.credentials.resetFactors",
            "okta.users.credentials.manageTemporaryAccessCode",
            "okta.groups.read",
        ],
        "Lifecycle operations for the oktakit batch jobs",
        when=when,
    )
    org.assign_custom_role(client_id, role, when=when)

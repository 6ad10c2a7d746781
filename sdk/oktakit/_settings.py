"""Reading client settings from the environment (``OktaClient.from_env``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ._urls import org_origin
from .auth import ApiToken, Auth, PrivateKeyJWT
from .errors import ConfigurationError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def org_url_from_env(env: Mapping[str, str]) -> str:
    org_url = env.get("OKTA_ORG_URL", "").strip()
    if not org_url:
        raise ConfigurationError("OKTA_ORG_URL is not set (e.g. https://acme.okta.com)")
    org_origin(org_url)
    return org_url


def auth_from_env(env: Mapping[str, str] | None = None) -> Auth:
    """A service app when ``OKTA_CLIENT_ID`` is set (Okta's recommendation), else an API token.

    Service app: ``OKTA_CLIENT_ID``, ``OKTA_PRIVATE_KEY`` (PEM or JWK JSON) or
    ``OKTA_PRIVATE_KEY_FILE``, optional ``OKTA_PRIVATE_KEY_PASSPHRASE``, ``OKTA_KEY_ID``,
    ``OKTA_SCOPES`` (space- or comma-separated) and ``OKTA_DPOP``. API token: ``OKTA_API_TOKEN``.
    """
    env = os.environ if env is None else env
    client_id = env.get("OKTA_CLIENT_ID", "").strip()
    if client_id:
        return PrivateKeyJWT(
            client_id,
            _private_key(env),
            _scopes(env),
            key_id=env.get("OKTA_KEY_ID") or None,
            passphrase=env.get("OKTA_PRIVATE_KEY_PASSPHRASE") or None,
            dpop=_flag(env, "OKTA_DPOP"),
        )
    token = env.get("OKTA_API_TOKEN", "").strip()
    if token:
        return ApiToken(token)
    raise ConfigurationError(
        "no credentials in the environment: set OKTA_CLIENT_ID with OKTA_PRIVATE_KEY (or "
        "OKTA_PRIVATE_KEY_FILE) and OKTA_SCOPES for a service app, or OKTA_API_TOKEN"
    )


def _private_key(env: Mapping[str, str]) -> str:
    inline = env.get("OKTA_PRIVATE_KEY", "").strip()
    path = env.get("OKTA_PRIVATE_KEY_FILE", "").strip()
    if inline and path:
        raise ConfigurationError("set OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE, not both")
    if inline:
        # Shells and CI secrets often flatten PEM newlines to a literal "\n".
        return inline.replace("\\n", "\n")
    if path:
        try:
            return Path(path).expanduser().read_text(encoding="ascii")
        # RuntimeError: "~user" for an unknown user; ValueError: a NUL byte (and bad encodings).
        except (OSError, RuntimeError, ValueError) as exc:
            error = ConfigurationError(
                f"cannot read OKTA_PRIVATE_KEY_FILE {path!r}: {exc.__class__.__name__}"
            )
        raise error
    raise ConfigurationError(
        "OKTA_CLIENT_ID is set but neither OKTA_PRIVATE_KEY nor OKTA_PRIVATE_KEY_FILE is"
    )


def _scopes(env: Mapping[str, str]) -> list[str]:
    scopes = env.get("OKTA_SCOPES", "").replace(",", " ").split()
    if not scopes:
        raise ConfigurationError("OKTA_SCOPES is not set (e.g. 'okta.users.read okta.users.manage')")
    return scopes


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = env.get(name, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}")

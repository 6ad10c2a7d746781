"""Reading client settings from the environment (``OktaClient.from_env``).

oktakit's own names come first; without them, the official Okta SDK's settings are read
(``_official_settings``: ``OKTA_CLIENT_ORGURL``, ``OKTA_CLIENT_TOKEN``, ... and its okta.yaml
files), so that its users need not rename anything. Only the default prefix reads them: a second
credential (``prefix="OKTA_AUDITOR_"``) is oktakit's alone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from . import _official_settings as official
from ._http.urls import org_origin
from .auth._credentials import ApiToken, PrivateKeyJWT
from .auth._protocol import Auth
from .errors import ConfigurationError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


#: The prefix of ``from_env``'s names; ``from_env(prefix="OKTA_AUDITOR_")`` reads another set.
DEFAULT_PREFIX = "OKTA_"


def _check_prefix(prefix: str) -> str:
    if not isinstance(prefix, str) or not prefix.replace("_", "").isalnum() or not prefix.isascii():
        raise ConfigurationError(
            f"prefix must be letters, digits and underscores (e.g. OKTA_AUDITOR_), not {prefix!r}"
        )
    return prefix


def org_url_from_env(env: Mapping[str, str], prefix: str = DEFAULT_PREFIX) -> str:
    """``{prefix}ORG_URL``, else (for another prefix: the same org) ``OKTA_ORG_URL``, else the
    official SDK's ``orgUrl`` (``OKTA_CLIENT_ORGURL`` or okta.yaml)."""
    name = f"{_check_prefix(prefix)}ORG_URL"
    org_url = env.get(name, "").strip() or env.get(f"{DEFAULT_PREFIX}ORG_URL", "").strip()
    if not org_url:
        setting = official.official_settings(env).get("orgUrl")
        if setting is None:
            raise ConfigurationError(
                f"{name} is not set (e.g. https://acme.okta.com); the official SDK's "
                "OKTA_CLIENT_ORGURL and okta.yaml files are read too, and name no org either"
            )
        org_url = official.text(setting, "an org URL")
        _check_org_url(org_url, setting.source)
        return org_url
    _check_org_url(org_url, name)
    return org_url


def _check_org_url(org_url: str, source: str) -> None:
    """``org_origin``'s check, its message saying where the URL came from."""
    try:
        org_origin(org_url)
    except ConfigurationError as error:
        raise ConfigurationError(f"{source}: {error}") from None


def auth_from_env(env: Mapping[str, str] | None = None, *, prefix: str = DEFAULT_PREFIX) -> Auth:
    """A service app when ``OKTA_CLIENT_ID`` is set (Okta's recommendation), else an API token.

    Service app: ``OKTA_CLIENT_ID``, ``OKTA_PRIVATE_KEY`` (PEM or JWK JSON) or
    ``OKTA_PRIVATE_KEY_FILE``, optional ``OKTA_PRIVATE_KEY_PASSPHRASE``, ``OKTA_KEY_ID``,
    ``OKTA_SCOPES`` (space- or comma-separated) and ``OKTA_DPOP``. API token: ``OKTA_API_TOKEN``.
    Another ``prefix`` reads the same names with it (``OKTA_AUDITOR_CLIENT_ID``, ...).
    """
    env = os.environ if env is None else env
    p = _check_prefix(prefix)
    client_id = env.get(f"{p}CLIENT_ID", "").strip()
    if client_id:
        return PrivateKeyJWT(
            client_id,
            _private_key(env, p),
            _scopes(env, p),
            key_id=env.get(f"{p}KEY_ID") or None,
            passphrase=env.get(f"{p}PRIVATE_KEY_PASSPHRASE") or None,
            dpop=_flag(env, f"{p}DPOP"),
        )
    token = env.get(f"{p}API_TOKEN", "").strip()
    if token:
        return ApiToken(token)
    if p == DEFAULT_PREFIX:
        found = _official_auth(official.official_settings(env))
        if found is not None:
            return found
    also = (
        " (nor do the official SDK's OKTA_CLIENT_* variables or okta.yaml files)"
        if p == DEFAULT_PREFIX
        else ""
    )
    raise ConfigurationError(
        f"no credentials in the environment: set {p}CLIENT_ID with {p}PRIVATE_KEY (or "
        f"{p}PRIVATE_KEY_FILE) and {p}SCOPES for a service app, or {p}API_TOKEN{also}"
    )


def _official_auth(settings: Mapping[str, official.Setting]) -> Auth | None:
    """The official SDK's credential: ``authorizationMode`` PrivateKey (a service app) or SSWS
    (an API token, its default); None when it names none."""
    mode_setting = settings.get("authorizationMode")
    mode = official.text(mode_setting, "SSWS or PrivateKey") if mode_setting else "SSWS"
    if mode == "PrivateKey":
        missing = [key for key in ("clientId", "privateKey", "scopes") if key not in settings]
        if missing:
            where = mode_setting.source if mode_setting else "the official settings"
            raise ConfigurationError(
                f"{where} says PrivateKey, but {', '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not set (OKTA_CLIENT_CLIENTID, "
                "OKTA_CLIENT_PRIVATEKEY, OKTA_CLIENT_SCOPES, or okta.client in okta.yaml)"
            )
        kid = settings.get("kid")
        dpop = settings.get("dpopEnabled")
        return PrivateKeyJWT(
            official.text(settings["clientId"], "a client ID"),
            official.private_key(settings["privateKey"]),
            official.scopes(settings["scopes"]),
            key_id=official.text(kid, "a key ID") if kid else None,
            dpop=official.flag(dpop) if dpop else False,
        )
    if mode == "SSWS":
        token = settings.get("token")
        return ApiToken(official.text(token, "an API token")) if token else None
    where = mode_setting.source if mode_setting else "authorizationMode"
    raise ConfigurationError(
        f"{where} is {mode!r}: oktakit reads the official SDK's SSWS (an API token) and PrivateKey "
        "(a service app) modes; for another, set OKTA_API_TOKEN or OKTA_CLIENT_ID and its key"
    )


def has_credentials(env: Mapping[str, str], prefix: str) -> bool:
    """Whether the environment names a credential under ``prefix``."""
    return any(env.get(f"{prefix}{name}", "").strip() for name in ("CLIENT_ID", "API_TOKEN"))


def _private_key(env: Mapping[str, str], p: str) -> str:
    inline = env.get(f"{p}PRIVATE_KEY", "").strip()
    path = env.get(f"{p}PRIVATE_KEY_FILE", "").strip()
    if inline and path:
        raise ConfigurationError(f"set {p}PRIVATE_KEY or {p}PRIVATE_KEY_FILE, not both")
    if inline:
        # Shells and CI secrets often flatten PEM newlines to a literal "\n".
        return inline.replace("\\n", "\n")
    if path:
        try:
            return Path(path).expanduser().read_text(encoding="ascii")
        # RuntimeError: "~user" for an unknown user; ValueError: a NUL byte (and bad encodings).
        except (OSError, RuntimeError, ValueError) as exc:
            error = ConfigurationError(f"cannot read {p}PRIVATE_KEY_FILE {path!r}: {exc.__class__.__name__}")
        raise error
    raise ConfigurationError(f"{p}CLIENT_ID is set but neither {p}PRIVATE_KEY nor {p}PRIVATE_KEY_FILE is")


def _scopes(env: Mapping[str, str], p: str) -> list[str]:
    scopes = env.get(f"{p}SCOPES", "").replace(",", " ").split()
    if not scopes:
        raise ConfigurationError(f"{p}SCOPES is not set (e.g. 'okta.users.read okta.users.manage')")
    return scopes


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = env.get(name, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}")

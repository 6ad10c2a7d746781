"""The official Okta SDK's settings (okta-sdk-python), read so that its users need not rename them.

Where the official SDK looks, and in which order (documented: okta-sdk-python's README,
"Configuration reference"; its files: ``okta/constants.py`` and ``okta/config/config_setter.py``,
v3.4.4): first ``~/.okta/okta.yaml``, then ``okta.yaml`` in the current directory (the
application's), then the environment (``OKTA_CLIENT_ORGURL``, ``OKTA_CLIENT_TOKEN``, ...); a later
source overrides an earlier one key by key. (v3.4.4's ``_update_config`` applies the environment
first and the files after it, under a TODO about that order; we follow the documented order.)
The YAML keys live under ``okta.client``; each environment name is ``OKTA_`` and the flattened
key in capitals (``_apply_env_config``), so ``OKTA_CLIENT_ORGURL``. Scopes in the environment
are comma-separated (spaces are accepted here too). ``kid`` is read from YAML (the official
SDK's ``kid`` setting); ``OKTA_CLIENT_KID`` is not an okta-sdk-python name (it is not in its
default config, so its environment never sets it) but okta-sdk-java's, read too.

oktakit's own names (``OKTA_ORG_URL``, ``OKTA_API_TOKEN``, ...) come first (``_settings``). The
YAML files are parsed with PyYAML's safe loader: an optional dependency (``pip install
'oktakit[yaml]'``), needed only when a file is there to be read and oktakit's own variables
do not already say everything. Values are never quoted in errors: a file may hold a key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import ConfigurationError, MissingDependencyError

#: The official SDK's settings oktakit reads: YAML key under okta.client -> environment name.
KEYS: Mapping[str, str] = {
    "orgUrl": "OKTA_CLIENT_ORGURL",
    "authorizationMode": "OKTA_CLIENT_AUTHORIZATIONMODE",
    "token": "OKTA_CLIENT_TOKEN",
    "clientId": "OKTA_CLIENT_CLIENTID",
    "scopes": "OKTA_CLIENT_SCOPES",
    "privateKey": "OKTA_CLIENT_PRIVATEKEY",
    "kid": "OKTA_CLIENT_KID",
    "dpopEnabled": "OKTA_CLIENT_DPOPENABLED",
}
#: The official SDK refuses a larger okta.yaml (``_apply_yaml_config``, v3.4.4); so does oktakit.
MAX_FILE_BYTES = 1_048_576


class Setting:
    """One value and where it came from (for messages; the value itself is never shown)."""

    __slots__ = ("source", "value")

    def __init__(self, value: Any, source: str) -> None:
        self.value = value
        self.source = source

    @property
    def from_file(self) -> bool:
        return not self.source.startswith("OKTA_")

    def __repr__(self) -> str:
        return f"<Setting from {self.source}>"


def default_files(env: Mapping[str, str]) -> list[Path]:
    """The official SDK's okta.yaml files in the order it applies them: the user's, then the
    application's (the current directory). The home folder is the environment's ``HOME`` (or
    ``USERPROFILE``), so an environment without one reads no user file."""
    files = []
    home = env.get("HOME") or env.get("USERPROFILE")
    if home:
        files.append(Path(home) / ".okta" / "okta.yaml")
    files.append(Path.cwd() / "okta.yaml")
    return files


def official_settings(env: Mapping[str, str], files: Sequence[Path] | None = None) -> dict[str, Setting]:
    """The official SDK's settings, merged as it merges them (later sources win, key by key)."""
    found: dict[str, Setting] = {}
    home = env.get("HOME") or env.get("USERPROFILE")
    for path in default_files(env) if files is None else files:
        found.update(_file_settings(path, home))
    for key, name in KEYS.items():
        value = env.get(name, "").strip()
        if value:
            found[key] = Setting(value, name)
    return found


def _file_settings(path: Path, home: str | None) -> dict[str, Setting]:
    try:
        if not path.is_file():
            return {}
        size = path.stat().st_size
    except OSError:
        return {}
    shown = _shown(path, home)
    if size > MAX_FILE_BYTES:
        raise ConfigurationError(f"{shown} is larger than {MAX_FILE_BYTES} bytes; not read")
    client = _client_section(path, shown)
    return {
        key: Setting(value, f"{shown} (okta.client.{key})")
        for key, value in client.items()
        if key in KEYS and value not in (None, "", [])
    }


def _client_section(path: Path, shown: str) -> Mapping[str, Any]:
    try:
        import yaml
    except ImportError:
        raise MissingDependencyError(
            f"{shown} holds the official Okta SDK's settings; reading it needs PyYAML: "
            "pip install 'oktakit[yaml]' (or set OKTA_ORG_URL and OKTA_API_TOKEN instead)"
        ) from None
    try:
        with path.open(encoding="utf-8") as file:
            document = yaml.safe_load(file)
    except OSError as exc:
        raise ConfigurationError(f"cannot read {shown} ({type(exc).__name__})") from None
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        # PyYAML's message quotes the document, which may hold a key: only the line is shown.
        mark = getattr(exc, "problem_mark", None)
        where = f" near line {mark.line + 1}" if mark is not None else ""
        raise ConfigurationError(f"{shown} is not YAML{where}") from None
    okta = document.get("okta") if isinstance(document, Mapping) else None
    client = okta.get("client") if isinstance(okta, Mapping) else None
    if document is not None and not isinstance(client, Mapping):
        raise ConfigurationError(f"{shown} has no okta.client section (see the official SDK's okta.yaml)")
    return client or {}


def _shown(path: Path, home: str | None) -> str:
    """The path as a person would type it (``~/.okta/okta.yaml``)."""
    if home and path.is_relative_to(home):
        return "~/" + str(path.relative_to(home))
    return str(path)


def text(setting: Setting, what: str) -> str:
    """A setting that must be text (a YAML number or list is refused, naming where it came from)."""
    if isinstance(setting.value, bool) or not isinstance(setting.value, (str, int)):
        raise ConfigurationError(f"{setting.source} must be {what}")
    return str(setting.value).strip()


def scopes(setting: Setting) -> list[str]:
    """Scopes: a YAML list, or text separated by commas or spaces."""
    value = setting.value
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, list) and all(isinstance(scope, str) for scope in value):
        return [scope.strip() for scope in value if scope.strip()]
    raise ConfigurationError(f"{setting.source} must be a list of scope names")


def private_key(setting: Setting) -> str | Mapping[str, Any]:
    """The official SDK's ``privateKey``: PEM or JWK text, a JWK as a YAML mapping, or the path of
    a PEM file (as the official SDK reads it)."""
    value = setting.value
    if isinstance(value, Mapping):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{setting.source} must be a PEM or JWK private key, or a key file's path")
    key = value.strip().replace("\\n", "\n")
    if key.startswith(("-----BEGIN", "{")):
        return key
    path = Path(key).expanduser()
    try:
        return path.read_text(encoding="ascii")
    # RuntimeError: "~user" for an unknown user; ValueError: a NUL byte or a bad encoding.
    except (OSError, RuntimeError, ValueError) as exc:
        error = ConfigurationError(
            f"{setting.source} is neither a PEM or JWK private key nor a key file that can be read "
            f"({type(exc).__name__})"
        )
    raise error


def flag(setting: Setting) -> bool:
    value = setting.value
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.strip().lower() in ("true", "1", "yes")
    raise ConfigurationError(f"{setting.source} must be true or false")

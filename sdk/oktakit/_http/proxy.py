"""The client's own HTTP session, with the proxy the environment names for the org.

``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``NO_PROXY`` are read once, when the session is created.
aiohttp's ``trust_env=True`` would read them (and ``~/.netrc``) again on every request, in a
worker thread, and a ``~/.netrc`` entry for the org would make aiohttp refuse our
``Authorization`` header outright.

``NO_PROXY`` is read as curl and requests read it: a comma- (or space-) separated list of host
names (each also covering its subdomains; a leading ``.`` or ``*.`` changes nothing), IP
addresses, CIDR blocks (``10.0.0.0/8``, ``fd00::/8``), any of them with a ``:port`` that must
match the org's port, or ``*`` for every host. Entries that are none of these are skipped.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.request
import warnings

import aiohttp
from yarl import URL

from oktakit.errors import ConfigurationError

_HOST_NAME = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?")
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address


def env_proxy(origin: URL) -> tuple[URL | None, aiohttp.BasicAuth | None]:
    """The proxy (and its credentials) the environment sets for ``origin``; ``None`` for none."""
    host = origin.host
    if host is None:
        return None, None
    no_proxy = urllib.request.getproxies_environment().get("no", "")
    if _bypassed(no_proxy, host, origin.port) or urllib.request.proxy_bypass(host):
        return None, None
    configured = urllib.request.getproxies().get(origin.scheme)
    if not configured:
        return None, None
    return _parse_proxy(configured, origin.scheme)


def _parse_proxy(configured: str, scheme: str) -> tuple[URL, aiohttp.BasicAuth | None]:
    try:
        proxy = URL(configured if "://" in configured else f"http://{configured}")
        proxy.port  # noqa: B018 - yarl reads the port lazily: a bad one raises here
        host = (proxy.raw_host or "").lower()
        if proxy.scheme not in ("http", "https") or not (_HOST_NAME.fullmatch(host) or _ip(host)):
            raise ValueError("not an http(s) URL of a host")
        # Credentials in the proxy URL travel as Proxy-Authorization, never inside the URL.
        return proxy.with_user(None), aiohttp.BasicAuth.from_url(proxy)
    except (ValueError, TypeError, UnicodeError):
        pass
    # Not quoted: the URL may hold the proxy's password.
    raise ConfigurationError(
        f"the proxy the environment names for {scheme} requests ({scheme.upper()}_PROXY) is not a "
        "valid proxy URL: expected http://[user:password@]host[:port] (aiohttp supports http:// and "
        "https:// proxies only)"
    )


def _ip(text: str) -> _IP | None:
    try:
        return ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return None


def _bypassed(no_proxy: str, host: str, port: int | None) -> bool:
    """Whether a ``NO_PROXY`` entry covers ``host`` on ``port``."""
    host = host.lower().rstrip(".")
    address = _ip(host)
    for raw in re.split(r"[,\s]+", no_proxy.lower()):
        if raw == "*":
            return True
        entry, entry_port = _split_port(raw)
        if not entry or (entry_port is not None and entry_port != port):
            continue
        if address is not None:
            if _covers_address(entry, address):
                return True
            continue
        name = entry.lstrip("*").lstrip(".").rstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def _split_port(entry: str) -> tuple[str, int | None]:
    """``host``, ``host:port``, ``[v6]:port``, ``v6`` or a CIDR block, as (host, port)."""
    if entry.startswith("["):
        inside, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
        return inside, int(port) if port.isdigit() and port.isascii() else None
    if entry.count(":") == 1:
        name, _, port = entry.partition(":")
        if not (port.isdigit() and port.isascii()):
            return "", None  # "host:" or "host:abc": no entry curl would honour
        return name, int(port)
    return entry, None


def _covers_address(entry: str, address: _IP) -> bool:
    try:
        if "/" in entry:
            return address in ipaddress.ip_network(entry, strict=False)
        return address == ipaddress.ip_address(entry)
    except ValueError:  # a host name, or a malformed address: not about this IP
        return False


def own_session(origin: URL) -> aiohttp.ClientSession:
    """A new session for ``origin`` that goes through the environment's proxy, if any."""
    proxy, proxy_auth = env_proxy(origin)
    if proxy_auth is None:
        return _no_hidden_resend(aiohttp.ClientSession(proxy=proxy))
    # aiohttp 3.14 deprecates proxy_auth for per-request proxy_headers, which a session cannot
    # default; its own trust_env path still hands the environment's credentials over this way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _no_hidden_resend(aiohttp.ClientSession(proxy=proxy, proxy_auth=proxy_auth))


def _no_hidden_resend(session: aiohttp.ClientSession) -> aiohttp.ClientSession:
    """Turn off aiohttp's own resend: it sends a PUT or a DELETE again, once, when the connection
    drops before the answer (aio-libs/aiohttp#7363, with no switch but this private flag:
    #10790). A resent ``DELETE /api/v1/users/{id}`` deletes a user the lost one only
    deactivated; the transport's retrier decides every resend from the operation's retry safety."""
    if isinstance(getattr(session, "_retry_connection", None), bool):
        session._retry_connection = False
    return session

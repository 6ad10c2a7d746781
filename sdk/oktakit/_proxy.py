"""The client's own HTTP session, with the proxy the environment names for the org.

``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``NO_PROXY`` are read once, when the session is created.
aiohttp's ``trust_env=True`` would read them (and ``~/.netrc``) again on every request, in a
worker thread, and a ``~/.netrc`` entry for the org would make aiohttp refuse our
``Authorization`` header outright.
"""

from __future__ import annotations

import urllib.request
import warnings

import aiohttp
from yarl import URL


def env_proxy(origin: URL) -> tuple[URL | None, aiohttp.BasicAuth | None]:
    """The proxy (and its credentials) the environment sets for ``origin``; ``None`` for none."""
    host = origin.host
    if host is None or urllib.request.proxy_bypass(host):
        return None, None
    configured = urllib.request.getproxies().get(origin.scheme)
    if not configured:
        return None, None
    proxy = URL(configured if "://" in configured else f"http://{configured}")
    # Credentials in the proxy URL travel as Proxy-Authorization, never inside the URL.
    return proxy.with_user(None), aiohttp.BasicAuth.from_url(proxy)


def own_session(origin: URL) -> aiohttp.ClientSession:
    """A new session for ``origin`` that goes through the environment's proxy, if any."""
    proxy, proxy_auth = env_proxy(origin)
    if proxy_auth is None:
        return aiohttp.ClientSession(proxy=proxy)
    # aiohttp 3.14 deprecates proxy_auth for per-request proxy_headers, which a session cannot
    # default; its own trust_env path still hands the environment's credentials over this way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return aiohttp.ClientSession(proxy=proxy, proxy_auth=proxy_auth)

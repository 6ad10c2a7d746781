"""Org URL validation: where requests (and credentials) are allowed to go."""

from __future__ import annotations

import ipaddress
import re

from yarl import URL

from oktakit.errors import ConfigurationError


def org_origin(org_url: str) -> URL:
    """Check an org URL and reduce it to its origin (``https://acme.okta.com``).

    Plain http is refused except for loopback hosts, where the embedded simulator runs.
    """
    if not isinstance(org_url, str) or not org_url.strip():
        raise ConfigurationError("the org URL is empty (expected e.g. https://acme.okta.com)")
    if any(c.isspace() or not c.isprintable() for c in org_url.strip()):
        raise ConfigurationError("the org URL contains whitespace or control characters")
    if "://" not in org_url and _is_dns_name(org_url.strip().rstrip("/")):
        # The host alone (acme.okta.com): the most common slip, and its fix is plain.
        raise ConfigurationError(
            f"the org URL needs its scheme: https://{org_url.strip().rstrip('/')} (not just the host)"
        )
    try:
        url = URL(org_url.strip())
        host = url.host  # decoded lazily: a bad port or punycode label fails here, not in aiohttp
    except (ValueError, IndexError):  # UnicodeError (IDNA) included; yarl indexes an empty `[]` host
        raise ConfigurationError(
            "the org URL is not a URL: check the host and port (expected e.g. https://acme.okta.com)"
        ) from None
    if not url.is_absolute() or not host:
        raise ConfigurationError("the org URL has no host (expected e.g. https://acme.okta.com)")
    if not _is_ip(host) and not _is_dns_name(url.raw_host or ""):
        # Caught here rather than as a UnicodeError from the resolver on the first request.
        raise ConfigurationError(f"the org URL's host {url.raw_host!r} is not a valid DNS name")
    if url.user or url.password:
        raise ConfigurationError("the org URL must not carry credentials")
    if url.path not in ("", "/") or url.query_string or url.fragment:
        raise ConfigurationError(f"the org URL {str(url.origin())!r} must not have a path, query or fragment")
    if url.scheme == "http" and is_loopback(host):
        return url.origin()
    if url.scheme != "https":
        raise ConfigurationError(
            f"the org URL must use https (got {url.scheme!r}); http is only allowed for loopback hosts"
        )
    _refuse_admin_console(host)
    return url.origin()


# Okta's own domains, on which ``{org}-admin.{domain}`` is the Admin Console of ``{org}.{domain}``.
_OKTA_DOMAINS = ("okta.com", "oktapreview.com", "okta-emea.com")


def _refuse_admin_console(host: str) -> None:
    """The Admin Console's host is what the browser shows, but the API lives on the org's host."""
    org, _, domain = host.lower().partition(".")
    if org.endswith("-admin") and domain in _OKTA_DOMAINS:
        api_url = f"https://{org.removesuffix('-admin')}.{domain}"
        raise ConfigurationError(
            f"the org URL https://{host} is the Admin Console; use the org's URL {api_url} instead"
        )


# One DNS label as it goes on the wire (yarl has already applied IDNA): letters, digits, hyphens.
_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)", re.IGNORECASE)


def _is_dns_name(raw_host: str) -> bool:
    labels = raw_host.removesuffix(".").split(".")
    return len(raw_host) <= 253 and all(_LABEL.fullmatch(label) for label in labels)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False

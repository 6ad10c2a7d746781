"""Org URL validation: where requests (and credentials) are allowed to go."""

from __future__ import annotations

import ipaddress

from yarl import URL

from .errors import ConfigurationError


def org_origin(org_url: str) -> URL:
    """Check an org URL and reduce it to its origin (``https://acme.okta.com``).

    Plain http is refused except for loopback hosts, where the embedded simulator runs.
    """
    if not isinstance(org_url, str) or not org_url.strip():
        raise ConfigurationError("the org URL is empty (expected e.g. https://acme.okta.com)")
    if any(c.isspace() or not c.isprintable() for c in org_url.strip()):
        raise ConfigurationError("the org URL contains whitespace or control characters")
    try:
        url = URL(org_url.strip())
    except ValueError as exc:
        raise ConfigurationError("the org URL is not a URL (expected e.g. https://acme.okta.com)") from exc
    if not url.is_absolute() or not url.host:
        raise ConfigurationError("the org URL has no host (expected e.g. https://acme.okta.com)")
    if url.user or url.password:
        raise ConfigurationError("the org URL must not carry credentials")
    if url.path not in ("", "/") or url.query_string or url.fragment:
        raise ConfigurationError(f"the org URL {str(url.origin())!r} must not have a path, query or fragment")
    if url.scheme == "http" and _is_loopback(url.host):
        return url.origin()
    if url.scheme != "https":
        raise ConfigurationError(
            f"the org URL must use https (got {url.scheme!r}); http is only allowed for loopback hosts"
        )
    _refuse_admin_console(url.host)
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


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False

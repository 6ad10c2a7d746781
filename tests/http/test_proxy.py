"""The client's own session goes through the proxy the environment names (HTTP(S)_PROXY, NO_PROXY).

A small forwarding proxy on loopback stands in for a corporate proxy: it records each request
it is asked to forward (in absolute form, as clients talk to proxies) and relays it.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from pathlib import Path
from typing import NamedTuple

import aiohttp
import pytest
from aiohttp import web
from yarl import URL

from oktakit import ApiToken, ConfigurationError, OktaClient
from oktakit._http.proxy import env_proxy
from oktakit.testing import OktaSimulator

PROXY_VARIABLES = ["http_proxy", "https_proxy", "all_proxy", "no_proxy"]


class Proxy(NamedTuple):
    url: str
    seen: list[tuple[str, str | None]]  # (requested URL, Proxy-Authorization)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
async def proxy() -> AsyncIterator[Proxy]:
    seen: list[tuple[str, str | None]] = []
    async with aiohttp.ClientSession() as upstream:

        async def relay(request: web.BaseRequest) -> web.Response:
            seen.append((str(request.url), request.headers.get("Proxy-Authorization")))
            headers = {
                k: v for k, v in request.headers.items() if k.lower() not in ("host", "proxy-authorization")
            }
            async with upstream.request(
                request.method, request.url, headers=headers, data=await request.read()
            ) as answer:
                return web.Response(
                    status=answer.status, body=await answer.read(), content_type=answer.content_type
                )

        server = web.Server(relay)
        runner = web.ServerRunner(server)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            yield Proxy(f"http://127.0.0.1:{port}", seen)
        finally:
            await runner.cleanup()


@pytest.fixture
async def sim() -> AsyncIterator[OktaSimulator]:
    async with OktaSimulator(users=3, seed=1) as simulator:
        yield simulator


def _any_user(sim: OktaSimulator) -> str:
    return next(iter(sim.org.users))


async def test_the_clients_own_session_goes_through_the_proxy_in_the_environment(
    proxy: Proxy, sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    user_id = _any_user(sim)

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        user = await okta.get_user(user_id)

    assert user_id == user.id
    assert [(f"{sim.url}/api/v1/users/{user_id}", None)] == proxy.seen


async def test_proxy_credentials_in_the_environment_are_sent_as_proxy_authorization(
    proxy: Proxy, sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", proxy.url.replace("http://", "http://squid:s3cret@"))

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        await okta.get_user(_any_user(sim))

    expected = "Basic " + base64.b64encode(b"squid:s3cret").decode()
    assert [expected] == [authorization for _, authorization in proxy.seen]


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "*", "localhost,127.0.0.1"])
async def test_hosts_in_no_proxy_are_reached_directly(
    no_proxy: str, proxy: Proxy, sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        await okta.get_user(_any_user(sim))

    assert [] == proxy.seen


async def test_a_session_passed_in_is_used_as_is_without_the_environments_proxy(
    proxy: Proxy, sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)

    async with (
        aiohttp.ClientSession() as session,
        OktaClient(sim.url, auth=ApiToken(sim.api_token), session=session) as okta,
    ):
        await okta.get_user(_any_user(sim))

    assert [] == proxy.seen


async def test_a_netrc_entry_for_the_org_does_not_get_in_the_way(
    sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # aiohttp's trust_env would add these credentials and then refuse our Authorization header.
    netrc = tmp_path / "netrc"
    netrc.write_text("default login someone password something\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    user_id = _any_user(sim)

    async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        assert user_id == (await okta.get_user(user_id)).id


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"HTTPS_PROXY": "http://proxy.corp:3128"}, "http://proxy.corp:3128"),
        ({"https_proxy": "proxy.corp:3128"}, "http://proxy.corp:3128"),
        ({"HTTP_PROXY": "http://proxy.corp:3128"}, None),  # for http URLs only
        ({"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": ".okta.com"}, None),
        ({"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "acme.okta.com"}, None),
        ({"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "other.okta.com"}, "http://proxy.corp:3128"),
        ({}, None),
    ],
)
def test_an_https_org_uses_https_proxy_unless_no_proxy_names_it(
    environment: dict[str, str], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    proxy, auth = env_proxy(URL("https://acme.okta.com"))

    assert expected == (None if proxy is None else str(proxy))
    assert auth is None


# NO_PROXY as curl (CURLOPT_NOPROXY: names with their subdomains, IP addresses, CIDR since 7.86,
# "*") and requests (should_bypass_proxies: CIDR blocks, "host:port") read it.
@pytest.mark.parametrize(
    ("org", "no_proxy", "bypassed"),
    [
        ("https://acme.okta.com", "acme.okta.com:443", True),
        ("https://acme.okta.com", "acme.okta.com:8443", False),
        ("https://acme.okta.com:8443", "acme.okta.com:8443", True),
        ("https://acme.okta.com", "okta.com:443", True),
        ("https://acme.okta.com", "*.okta.com", True),
        ("https://acme.okta.com", "notokta.com,kta.com", False),
        ("https://ACME.okta.com", "localhost, Acme.Okta.COM", True),
        ("https://acme.okta.com", "acme.okta.com:", False),
        ("https://10.20.30.40", "10.0.0.0/8", True),
        ("https://10.20.30.40", "10.20.30.0/24:443", True),
        ("https://10.20.30.40", "10.20.30.0/24:8443", False),
        ("https://10.20.30.40", "192.168.0.0/16,10.20.30.41", False),
        ("https://10.20.30.40", "10.20.30.40", True),
        ("https://[fd00::1]", "fd00::/8", True),
        ("https://[fd00::1]", "[fd00::1]:443", True),
        ("https://[fd00::1]", "[fd00::1]:80", False),
        ("https://10.20.30.40", "10.0.0.0/99,garbage/8,[::1", False),
        ("https://acme.okta.com", "*", True),
    ],
)
def test_no_proxy_entries_with_a_port_or_in_cidr_form_are_honoured(
    org: str, no_proxy: str, bypassed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)

    proxy, _ = env_proxy(URL(org))

    assert bypassed is (proxy is None)


@pytest.mark.parametrize(
    "configured",
    [
        "http://[::1",
        "http://proxy.corp:99999",
        "http://proxy.corp:-1",
        "http://squid:s3cret@proxy corp:3128",
        "http://squid:s3cret@:3128",
        "socks5://squid:s3cret@proxy.corp:1080",
        "http://proxy.corp:80:80",
        "://",
        "%",
    ],
)
async def test_a_malformed_proxy_url_is_a_configuration_error_that_does_not_quote_it(
    configured: str, sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", configured)

    with pytest.raises(ConfigurationError, match=r"HTTP_PROXY\) is not a valid proxy URL") as caught:
        async with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:  # the session opens
            await okta.get_user(_any_user(sim))

    assert "s3cret" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    assert 0 == sim.request_counts["getUser"]

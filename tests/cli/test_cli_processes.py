"""The command line as a person runs it: real processes, real ports on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oktakit import generate_signing_key, public_jwks

ASSERTION_WITHOUT_WARNINGS = """
import asyncio, warnings
warnings.simplefilter("error")
from yarl import URL
from oktakit import PrivateKeyJWT, generate_signing_key
from oktakit.auth import OrgConnection
key = generate_signing_key("ES256")
auth = PrivateKeyJWT("0oa1", key, ["okta.users.read"], dpop=True)
authorizer = auth.connect(OrgConnection(URL("https://acme.okta.com"), None, "ua", None))
assert authorizer._assertion().count(".") == 2
assert authorizer._dpop.proof("GET", "https://acme.okta.com/api/v1/users").count(".") == 2
print("clean")
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _running(*args: str) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """Start `python -m oktakit ...`, collect its first lines, and always stop it."""
    proc = subprocess.Popen([sys.executable, "-m", "oktakit", *args], stdout=subprocess.PIPE, text=True)  # noqa: S603
    lines: list[str] = []
    try:
        for line in proc.stdout or ():
            lines.append(line.strip())
            if line.startswith(("Users:", "serving")):
                break
        yield proc, lines
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # also closes the stdout pipe


def test_sim_command_serves_an_org_and_registers_a_service_app_for_a_key(tmp_path: Path) -> None:
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(generate_signing_key("ES256").private_pem())
    with _running("sim", "--port", "0", "--users", "7", "--service-app-key", str(key_file)) as (_, lines):
        url = next(line for line in lines if "listening on" in line).rsplit(" ", 1)[-1]
        token = next(line for line in lines if line.startswith("API token:")).split(": ", 1)[1]
        request = urllib.request.Request(
            f"{url}/api/v1/users?limit=3", headers={"Authorization": f"SSWS {token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            users = json.loads(response.read())
    assert 3 == len(users)
    assert any(line.startswith("Service app: 0oa") for line in lines)


def test_keys_serve_publishes_the_public_jwks_of_a_key(tmp_path: Path) -> None:
    key = generate_signing_key("RS256")
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(key.private_pem())
    port = _free_port()
    jwks_url = f"http://127.0.0.1:{port}/jwks.json"
    with (
        _running("keys", "serve", str(key_file), "--port", str(port)),
        urllib.request.urlopen(jwks_url, timeout=5) as response,
    ):
        served = json.loads(response.read())
    assert public_jwks([key]) == served
    assert "d" not in served["keys"][0]


def test_signing_assertions_and_proofs_raises_no_deprecation_warning_from_authlib_or_joserfc() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", ASSERTION_WITHOUT_WARNINGS], capture_output=True, text=True, check=False
    )
    assert "clean" == result.stdout.strip(), result.stderr


async def test_a_service_app_whose_jwks_url_is_served_by_keys_serve_gets_tokens(tmp_path: Path) -> None:
    from oktakit import OktaClient, PrivateKeyJWT
    from oktakit.testing import OktaSimulator

    key = generate_signing_key("ES384")
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(key.private_pem())
    port = _free_port()
    with _running("keys", "serve", str(key_file), "--port", str(port)):
        async with OktaSimulator(users=3) as sim:
            app = sim.add_service_app(jwks_uri=f"http://127.0.0.1:{port}/jwks.json")
            async with OktaClient(
                sim.url, auth=PrivateKeyJWT(app.client_id, key, ["okta.users.read"])
            ) as okta:
                assert frozenset({"okta.users.read"}) == (await okta.check()).granted_scopes

"""The client's constructor, ``from_env``, credentials and key loading, fuzzed: whatever they are
given, they either build something usable or raise ``ConfigurationError``, nothing else."""

from __future__ import annotations

import functools
import ipaddress
import json
import os
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from yarl import URL

from oktakit import ApiToken, ConfigurationError, OktaClient, PrivateKeyJWT, load_signing_key
from oktakit._settings import auth_from_env
from tests.auth._support import ec_key, pem, private_jwk
from tests.conftest import ORG, TOKEN
from tests.hardening.strategies import anything, fuzz, hostile_text, json_values, numbers

hosts = st.one_of(
    hostile_text,
    st.from_regex(r"[a-z0-9_-]{1,70}(\.[a-z0-9-]{0,66}){0,3}", fullmatch=True),
    st.sampled_from(["127.0.0.1", "[::1]", "localhost", "xn--zz.com", "xn--bcher-kva.example", "bü.example"]),
)
org_urls = st.one_of(
    hostile_text,
    st.builds(
        "{}://{}{}{}".format,
        st.sampled_from(["https", "http", "HTTPS", "ftp", ""]),
        hosts,
        st.one_of(st.just(""), st.integers(-5, 70000).map(":{}".format), st.just(":x")),
        st.sampled_from(["", "/", "/x", "?a=1", "#f", "@"]),
    ),
)


@functools.cache
def es256() -> tuple[str, dict[str, Any]]:
    key = ec_key("P-256")
    return pem(key), private_jwk(key)


# The red-team findings of issue 11, always tried first.
@example(org_url="https://xn--zz.com", auth=ApiToken(TOKEN), session=None, timeout=30, max_response_bytes=1)
@example(org_url="https://a..b", auth=ApiToken(TOKEN), session=None, timeout=30, max_response_bytes=1)
@example(org_url=f"{ORG}:99999", auth=ApiToken(TOKEN), session=None, timeout=30, max_response_bytes=1)
@example(org_url=ORG, auth=ApiToken(TOKEN), session=None, timeout=float("inf"), max_response_bytes=1)
@example(org_url=ORG, auth=ApiToken(TOKEN), session="a session", timeout=30, max_response_bytes=1)
@fuzz
@given(
    org_url=org_urls,
    auth=st.one_of(st.just(ApiToken(TOKEN)), anything),
    session=st.one_of(st.none(), anything),
    timeout=st.one_of(numbers, anything),
    max_response_bytes=st.one_of(numbers, anything),
)
def test_the_constructor_accepts_settings_that_work_or_raises_a_configuration_error(**settings: Any) -> None:
    try:
        client = OktaClient(**settings)
    except ConfigurationError:
        return
    # Accepted: the host is one the resolver can look up (Python's IDNA codec, as asyncio uses).
    origin = URL(client.org_url)
    assert origin.scheme in ("https", "http")
    host = origin.raw_host or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        host.encode("idna")
    assert 0 < (origin.port or 0) < 65536


@functools.cache
def key_file(tmp: str) -> dict[str, str]:
    """Key files of every kind, made once: a good one, a binary one, an unreadable one."""
    folder = Path(tmp)
    (folder / "good.pem").write_text(es256()[0])
    (folder / "binary.pem").write_bytes(b"\xff\xfe-----BEGIN PRIVATE KEY-----\x00")
    return {
        "good": str(folder / "good.pem"),
        "binary": str(folder / "binary.pem"),
        "folder": str(folder),
        "missing": str(folder / "missing.pem"),
        "unknown user": "~no-such-user-oktakit/key.pem",
        "tilde": "~/no-such-file-oktakit.pem",
    }


@pytest.fixture(scope="module")
def key_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return key_file(str(tmp_path_factory.mktemp("keys")))


def env_values(key_files: dict[str, str]) -> st.SearchStrategy[dict[str, str]]:
    good_pem, good_jwk = es256()
    value = st.one_of(hostile_text, st.sampled_from(["1", "true", "no", "okta.users.read okta.users.manage"]))
    return st.fixed_dictionaries(
        {},
        optional={
            "OKTA_ORG_URL": st.one_of(org_urls, st.just(ORG)),
            "OKTA_API_TOKEN": st.one_of(value, st.just(TOKEN)),
            "OKTA_CLIENT_ID": st.one_of(value, st.just("0oa1service")),
            "OKTA_PRIVATE_KEY": st.one_of(
                value, st.sampled_from([good_pem, json.dumps(good_jwk), good_pem.replace("\n", "\\n")])
            ),
            "OKTA_PRIVATE_KEY_FILE": st.one_of(value, st.sampled_from(sorted(key_files.values()))),
            "OKTA_PRIVATE_KEY_PASSPHRASE": value,
            "OKTA_KEY_ID": value,
            "OKTA_SCOPES": value,
            "OKTA_DPOP": value,
        },
    )


@fuzz
@given(data=st.data())
def test_from_env_builds_a_client_or_raises_a_configuration_error(
    data: st.DataObject, key_files: dict[str, str]
) -> None:
    env = data.draw(env_values(key_files), label="environment")
    # os.environ itself refuses NUL and most lone surrogates: such values cannot reach us.
    assume(all("\x00" not in v and _fs_encodable(v) for v in env.values()))
    with mock.patch.dict(os.environ, env, clear=True):
        try:
            client = OktaClient.from_env()
        except ConfigurationError:
            return
    assert client.org_url


@pytest.mark.parametrize(
    "path", ["~no-such-user-oktakit/key.pem", "key\x00.pem", "/"], ids=["unknown-user", "nul", "folder"]
)
def test_an_unreadable_key_file_in_the_environment_is_a_configuration_error(path: str) -> None:
    env = {"OKTA_CLIENT_ID": "0oa1", "OKTA_PRIVATE_KEY_FILE": path, "OKTA_SCOPES": "okta.users.read"}

    with pytest.raises(ConfigurationError, match="cannot read OKTA_PRIVATE_KEY_FILE"):
        auth_from_env(env)


def _fs_encodable(text: str) -> bool:
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return False
    return True


def mutated_jwk() -> st.SearchStrategy[dict[str, Any]]:
    """A good private JWK with members replaced, removed or added."""
    good = es256()[1]
    return st.builds(
        lambda changes, removed: {**{k: v for k, v in good.items() if k not in removed}, **changes},
        st.dictionaries(st.sampled_from([*good, "alg", "kid", "use", "key_ops"]), json_values(4), max_size=2),
        st.sets(st.sampled_from(list(good)), max_size=2),
    )


def mutated_pem() -> st.SearchStrategy[str | bytes]:
    good = es256()[0]

    def mutate(at: int, text: str, as_bytes: bool) -> str | bytes:
        changed = good[:at] + text + good[at + len(text) :]
        return changed.encode("utf-8", "surrogatepass") if as_bytes else changed

    return st.builds(mutate, st.integers(0, len(good)), hostile_text, st.booleans())


keys = st.one_of(mutated_jwk(), mutated_pem(), hostile_text, anything, st.just(es256()[0]))


@fuzz
@given(
    key=keys,
    key_id=st.one_of(st.none(), hostile_text, anything),
    algorithm=st.one_of(st.none(), st.sampled_from(["ES256", "RS256", "ES384", "none", "HS256"]), anything),
    passphrase=st.one_of(st.none(), hostile_text, anything),
)
def test_key_loading_loads_a_usable_key_or_raises_a_configuration_error(**arguments: Any) -> None:
    try:
        key = load_signing_key(**arguments)
    except ConfigurationError:
        return
    # Usable: a kid that fits a JWT header, and a public half that serialises.
    assert key.kid.isascii()
    assert key.kid.isprintable()
    json.dumps(key.public_jwk())


@example(client_id="0oa1", key=es256()[0], scopes=123, dpop=False)
@example(client_id="0oa1", key=b"-----BEGIN PRIVATE KEY-----\xc3\xa9", scopes=["okta.a"], dpop=False)
@example(client_id="0oa1", key="-----BEGIN PRIVATE KEY-----\u00e9", scopes=["okta.a"], dpop=False)
@fuzz
@given(
    client_id=st.one_of(hostile_text, anything, st.just("0oa1service")),
    key=st.one_of(st.just(es256()[0]), st.just(es256()[1]), keys),
    scopes=st.one_of(
        hostile_text, anything, st.lists(hostile_text, max_size=3), st.just(["okta.users.manage"])
    ),
    dpop=st.one_of(st.booleans(), anything),
)
def test_a_service_app_credential_is_built_or_raises_a_configuration_error(**arguments: Any) -> None:
    try:
        credential = PrivateKeyJWT(**arguments)
    except ConfigurationError:
        return
    # What goes into the token request's form and the assertion must be plain printable ASCII.
    for text in (credential.client_id, *credential.scopes, credential.key_id):
        assert text.isascii()
        assert text.isprintable()
        assert " " not in text


@fuzz
@given(token=st.one_of(hostile_text, anything, st.just(TOKEN), st.just(f"SSWS {TOKEN}")))
def test_an_api_token_is_a_valid_header_value_or_raises_a_configuration_error(token: Any) -> None:
    try:
        credential = ApiToken(token)
    except ConfigurationError:
        return
    header = credential._header["Authorization"]
    assert header.startswith("SSWS ")
    header.encode("ascii")  # what any HTTP stack can send as is
    assert header.isprintable()

"""Loading signing keys in every form Okta users have them, and refusing the unusable ones."""

from __future__ import annotations

import json
import traceback
from typing import Any

import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from oktakit import ConfigurationError, SigningKey, generate_signing_key, load_signing_key, public_jwks
from tests.auth._support import (
    CURVE_OF,
    PrivateKey,
    ec_key,
    key_for,
    key_material,
    pem,
    private_jwk,
    public_key,
    public_pem,
    rfc7638,
    rsa_key,
)

PASSPHRASE = "correct horse battery staple"
PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi")
ALGS = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512")


def rendered(alg: str, form: str) -> tuple[Any, str | None]:
    """The key of ``alg`` in ``form``, and the passphrase it needs."""
    private = key_for(alg)
    if form == "traditional":  # PKCS#1 for RSA, SEC1 for EC
        return pem(private, "traditional"), None
    if form == "pkcs8":
        return pem(private), None
    if form == "encrypted pkcs8":
        return pem(private, passphrase=PASSPHRASE.encode()), PASSPHRASE
    if form == "jwk dict":
        return private_jwk(private), None
    return json.dumps(private_jwk(private)), None


def public_thumbprint(private: PrivateKey) -> str:
    return rfc7638(dict(public_key(private).as_dict(private=False)))


def signs_like(loaded: SigningKey, private: PrivateKey) -> bool:
    """The loaded key makes signatures that the original key's public half verifies."""
    token = jws.serialize_compact({"alg": loaded.alg}, b"payload", loaded.key, algorithms=[loaded.alg])
    return b"payload" == jws.deserialize_compact(token, public_key(private), algorithms=[loaded.alg]).payload


@pytest.mark.parametrize("form", ["traditional", "pkcs8", "encrypted pkcs8", "jwk dict", "jwk json"])
@pytest.mark.parametrize("alg", ALGS)
def test_every_key_form_loads_for_every_okta_algorithm(alg: str, form: str) -> None:
    key, passphrase = rendered(alg, form)
    # RSA keys do not say which RS* they are for: ask for it; EC keys imply it from the curve.
    requested = alg if alg.startswith("RS") else None

    loaded = load_signing_key(key, algorithm=requested, passphrase=passphrase)

    assert alg == loaded.alg
    assert public_thumbprint(key_for(alg)) == loaded.kid
    assert signs_like(loaded, key_for(alg))


def test_pem_as_bytes_loads_like_pem_text() -> None:
    assert load_signing_key(pem(rsa_key())).kid == load_signing_key(pem(rsa_key()).encode()).kid


def test_rsa_keys_default_to_rs256_and_ec_keys_to_their_curve() -> None:
    assert "RS256" == load_signing_key(pem(rsa_key())).alg
    assert ["ES256", "ES384", "ES512"] == [load_signing_key(pem(ec_key(c))).alg for c in CURVE_OF.values()]


def test_the_jwk_alg_is_used_unless_an_algorithm_is_given() -> None:
    jwk = {**private_jwk(rsa_key()), "alg": "RS512"}

    assert "RS512" == load_signing_key(jwk).alg
    assert "RS384" == load_signing_key(jwk, algorithm="RS384").alg


def test_kid_comes_from_the_jwk_then_an_explicit_key_id_wins() -> None:
    jwk = {**private_jwk(ec_key("P-256")), "kid": "from-the-jwk"}

    assert "from-the-jwk" == load_signing_key(jwk).kid
    assert "from-the-jwk" == load_signing_key(json.dumps(jwk)).kid
    assert "explicit" == load_signing_key(jwk, key_id="explicit").kid
    assert "explicit" == load_signing_key(pem(ec_key("P-256")), key_id="explicit").kid


@pytest.mark.parametrize("alg", ["RS256", "ES384"])
def test_kid_defaults_to_the_rfc7638_thumbprint_whatever_the_form(alg: str) -> None:
    private = key_for(alg)
    expected = public_thumbprint(private)

    kids = {
        load_signing_key(pem(private)).kid,
        load_signing_key(pem(private, "traditional")).kid,
        load_signing_key(private_jwk(private)).kid,
    }

    assert {expected} == kids


def test_an_already_loaded_key_is_taken_as_is() -> None:
    loaded = load_signing_key(pem(ec_key("P-256")))

    assert loaded is load_signing_key(loaded)


@pytest.mark.parametrize("alg", ["RS256", "ES256"])
def test_public_jwks_has_the_public_half_with_kid_alg_and_use_but_no_private_member(alg: str) -> None:
    loaded = load_signing_key(pem(key_for(alg)), key_id="k1")

    jwks = public_jwks([loaded])

    assert 1 == len(jwks["keys"])
    jwk = jwks["keys"][0]
    assert set() == set(jwk) & set(PRIVATE_MEMBERS)
    assert ("k1", alg, "sig") == (jwk["kid"], jwk["alg"], jwk["use"])
    assert public_key(key_for(alg)).as_dict(private=False).items() <= jwk.items()
    assert all(material not in json.dumps(jwks) for material in key_material(key_for(alg)))


def test_public_jwks_lists_every_key_in_order() -> None:
    keys = [load_signing_key(pem(ec_key("P-256"))), load_signing_key(pem(rsa_key()))]

    assert [k.kid for k in keys] == [jwk["kid"] for jwk in public_jwks(keys)["keys"]]


def test_a_published_jwk_verifies_what_the_key_signs() -> None:
    loaded = load_signing_key(pem(ec_key("P-384")))
    published = public_jwks([loaded])["keys"][0]
    token = jws.serialize_compact({"alg": "ES384"}, b"hello", loaded.key, algorithms=["ES384"])

    assert (
        b"hello" == jws.deserialize_compact(token, ECKey.import_key(published), algorithms=["ES384"]).payload
    )


@pytest.mark.parametrize("alg", ["ES256", "ES384", "ES512", "RS256"])
def test_generated_keys_round_trip_through_encrypted_pem(alg: str) -> None:
    generated = generate_signing_key(alg)

    reloaded = load_signing_key(generated.private_pem(PASSPHRASE), algorithm=alg, passphrase=PASSPHRASE)

    assert alg == generated.alg
    assert rfc7638(generated.public_jwk()) == generated.kid
    assert (generated.kid, alg) == (reloaded.kid, reloaded.alg)
    assert b"ENCRYPTED" in generated.private_pem(PASSPHRASE)


def test_generating_a_key_for_an_algorithm_okta_refuses_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="HS256"):
        generate_signing_key("HS256")


def test_signing_key_repr_shows_alg_and_kid_only() -> None:
    loaded = load_signing_key(pem(rsa_key()), key_id="kid-1")

    assert "SigningKey(alg='RS256', kid='kid-1')" == repr(loaded)


# -- refusals ----------------------------------------------------------------------------------------

P256 = ec_key("P-256")
RSA = rsa_key()


def _public_jwk_only() -> dict[str, Any]:
    return {k: v for k, v in private_jwk(P256).items() if k != "d"}


BAD_KEYS: dict[str, tuple[Any, dict[str, Any], str]] = {
    # name: (key, options, a fragment the message must contain)
    "wrong passphrase": (pem(RSA, passphrase=b"right"), {"passphrase": "wrong"}, "could not be decrypted"),
    "missing passphrase": (pem(P256, passphrase=b"right"), {}, "give its passphrase"),
    "passphrase for an unencrypted key": (pem(RSA), {"passphrase": "unneeded"}, "not encrypted"),
    "public RSA PEM": (public_pem(RSA), {}, "public key"),
    "public EC PEM": (public_pem(P256), {}, "public key"),
    "public JWK": (_public_jwk_only(), {}, "public key"),
    "RSA key for ES256": (pem(RSA), {"algorithm": "ES256"}, "ES256"),
    "P-256 key for ES384": (pem(P256), {"algorithm": "ES384"}, "ES384"),
    "P-256 key for RS256": (pem(P256), {"algorithm": "RS256"}, "RS256"),
    "JWK declaring HS256": ({**private_jwk(RSA), "alg": "HS256"}, {}, "HS256"),
    "secp256k1 PEM": (pem(ec_key("secp256k1")), {}, "secp256k1"),
    "secp256k1 SEC1 PEM": (pem(ec_key("secp256k1"), "traditional"), {}, "secp256k1"),
    "oct JWK": ({"kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQ"}, {}, "'oct'"),
    "OKP JWK": (
        {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
        {},
        "OKP",
    ),
    "JWK without kty": ({"n": "x", "e": "AQAB"}, {}, "key type"),
    "malformed RSA JWK": ({"kty": "RSA", "n": "x"}, {}, "malformed"),
    "JWK JSON that does not parse": ('{"kty": "RSA", ', {}, "JSON"),
    "JSON array": ("[1, 2]", {}, "neither PEM"),
    "garbage": ("definitely not a key", {}, "neither PEM"),
    "PEM with a garbage body": (
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        {},
        "not an RSA",
    ),
    "binary bytes": (b"\x30\x82\xff\xfe", {}, "neither PEM"),
    "empty": ("", {}, "empty"),
    "whitespace": ("  \n ", {}, "empty"),
    "blank key id": (pem(P256), {"key_id": "   "}, "kid"),
}


@pytest.mark.parametrize(("key", "options", "fragment"), BAD_KEYS.values(), ids=BAD_KEYS.keys())
def test_unusable_keys_are_configuration_errors_that_echo_no_key_material(
    key: Any, options: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_signing_key(key, **options)

    assert fragment in str(caught.value)
    text = str(caught.value) + repr(caught.value) + "".join(traceback.format_exception(caught.value))
    for material in key_material(RSA) + key_material(P256) + key_material(ec_key("secp256k1")):
        assert material not in text


@pytest.mark.filterwarnings("ignore::joserfc.jwk.SecurityWarning")
def test_rsa_keys_under_2048_bits_are_refused() -> None:
    small = rsa_key(1024)

    with pytest.raises(ConfigurationError, match="1024 bits") as caught:
        load_signing_key(pem(small))

    assert all(material not in str(caught.value) for material in key_material(small))

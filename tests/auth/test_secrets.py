"""No key, passphrase, token, client assertion or DPoP proof ever shows in logs, reprs or errors."""

from __future__ import annotations

from typing import Any

import pytest

from oktakit import AuthenticationError, OAuthError, OktaError, PrivateKeyJWT, load_signing_key
from oktakit.auth._oauth import ServiceAppAuthorizer
from tests._secrets import capture_debug_logs, renderings
from tests.auth._support import (
    BEARER_CHALLENGE,
    CLIENT_ID,
    INVALID_TOKEN,
    SCOPES,
    Answer,
    Api,
    Clock,
    PrivateKey,
    TokenEndpoint,
    ec_key,
    key_material,
    oauth_error,
    pem,
    private_jwk,
    rsa_key,
)
from tests.auth.conftest import ClientFactory
from tests.client._support import USER_ID

PASSPHRASE = "Very-Secret-Passphrase-8841"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    return capture_debug_logs(caplog)


@pytest.mark.parametrize(
    "dpop", [True, False], ids=["dpop with an encrypted RSA PEM", "bearer with an EC JWK"]
)
async def test_a_whole_service_app_run_leaks_no_secret(
    dpop: bool,
    *,
    clients: ClientFactory,
    token_endpoint: TokenEndpoint,
    api: Api,
    clock: Clock,
    debug_logs: pytest.LogCaptureFixture,
) -> None:
    if dpop:
        private: PrivateKey = rsa_key()
        key: Any = pem(private, passphrase=PASSPHRASE.encode())
        token_endpoint.token_type = "DPoP"
        token_endpoint.then(oauth_error(400, "use_dpop_nonce", "Nonce required.", **{"DPoP-Nonce": "n1"}))
    else:
        private = ec_key("P-384")
        key = private_jwk(private)
    auth = PrivateKeyJWT(CLIENT_ID, key, SCOPES, passphrase=PASSPHRASE if dpop else None, dpop=dpop)
    okta = clients(auth=auth)
    nonce_challenge = Answer(
        401, INVALID_TOKEN, headers={"WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": "n2"}
    )
    expired = Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE))
    api.then(*([nonce_challenge, expired] if dpop else [expired]))

    await okta.get_user(USER_ID)  # nonce handshake, token, API nonce challenge, 401, refresh, success
    authorizer = okta._authorizer
    assert isinstance(authorizer, ServiceAppAuthorizer)
    assert f"<ServiceAppAuthorizer client_id={CLIENT_ID!r} dpop={dpop}>" == repr(authorizer)
    access_token = await authorizer.access_token()

    errors: list[OktaError] = []
    api.respond = lambda request: Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE))
    with pytest.raises(AuthenticationError) as caught:
        await okta.get_user(USER_ID)
    errors.append(caught.value)
    api.respond = None
    clock.elapsed = 3600
    token_endpoint.then(oauth_error(401, "invalid_client", "The client_assertion signature is invalid."))
    with pytest.raises(OAuthError) as refused:
        await okta.get_user(USER_ID)
    errors.append(refused.value)

    secrets = [PASSPHRASE, *key_material(private), *token_endpoint.issued]
    secrets += [r.assertion for r in token_endpoint.requests]
    proofs = [r.proof for r in token_endpoint.requests if r.proof] + [
        r.headers.get("DPoP") for r in api.requests
    ]
    secrets += [proof for proof in proofs if proof]
    assert len(token_endpoint.issued) >= 3
    assert len(api.requests) >= (5 if dpop else 4)
    assert (len(token_endpoint.requests) + len(api.requests) if dpop else 0) == len(proofs) - proofs.count(
        None
    )
    assert any(record.name == "oktakit" for record in debug_logs.records)

    texts = [debug_logs.text]
    for record in debug_logs.records:
        texts += [record.getMessage(), str(record.msg), repr(record.args), record.exc_text or ""]
    texts += [
        repr(auth),
        repr(load_signing_key(pem(private))),
        repr(authorizer),
        repr(access_token),
        repr(okta),
        str(okta),
    ]
    for error in errors:
        texts += renderings(error)
    for text in texts:
        for secret in secrets:
            assert secret not in text

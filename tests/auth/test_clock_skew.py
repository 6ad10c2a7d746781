"""A local clock that is off does not break the client assertion: the org's clock is used."""

from __future__ import annotations

import time

import pytest

from oktakit import OAuthError, OktaClient
from tests.auth._support import (
    Answer,
    Api,
    Clock,
    TokenEndpoint,
    http_now,
    key_for,
    oauth_error,
    public_key,
    verified,
    verified_proof,
)
from tests.auth.conftest import ClientFactory
from tests.client._support import USER_ID, user_json

ISSUED_IN_FUTURE = "The client_assertion token must be issued before the current time."


def claims(token_endpoint: TokenEndpoint, index: int) -> dict[str, int]:
    return verified(token_endpoint.requests[index].assertion, public_key(key_for("ES256")), "ES256")[1]


async def test_a_clock_ahead_is_corrected_from_the_date_header_and_the_assertion_signed_again(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = 60
    token_endpoint.then(oauth_error(401, "invalid_client", ISSUED_IN_FUTURE))  # dated on the org's clock

    await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)
    rejected, accepted = claims(token_endpoint, 0), claims(token_endpoint, 1)
    assert rejected["iat"] > token_endpoint.requests[0].received_at  # why it was refused
    server_now = token_endpoint.requests[1].received_at
    assert accepted["iat"] <= server_now
    assert server_now - 30 == pytest.approx(accepted["iat"], abs=3)
    assert 0 < accepted["exp"] - server_now < 3600
    assert rejected["jti"] != accepted["jti"]


async def test_the_learned_offset_is_kept_for_the_next_token(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = 60
    token_endpoint.then(oauth_error(401, "invalid_client", ISSUED_IN_FUTURE))
    await okta.get_user(USER_ID)

    clock.elapsed = 3600  # the token expired: a new one, signed on the org's clock straight away
    await okta.get_user(USER_ID)

    assert 3 == len(token_endpoint.requests)
    assert claims(token_endpoint, 2)["iat"] <= token_endpoint.requests[2].received_at


async def test_a_clock_behind_works_first_time_with_an_exp_still_ahead_of_the_org(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = -60

    await okta.get_user(USER_ID)

    assert 1 == len(token_endpoint.requests)
    server_now = token_endpoint.requests[0].received_at
    assert claims(token_endpoint, 0)["iat"] <= server_now
    assert 0 < claims(token_endpoint, 0)["exp"] - server_now < 3600


async def test_without_a_date_header_an_assertion_from_the_future_is_refused_not_retried(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = 60
    answer = oauth_error(401, "invalid_client", ISSUED_IN_FUTURE)
    answer.headers["Date"] = "not a date"
    token_endpoint.then(answer)

    with pytest.raises(OAuthError, match="must be issued before the current time"):
        await okta.get_user(USER_ID)

    assert 1 == len(token_endpoint.requests)


async def test_a_refusal_seen_with_a_skewed_clock_is_retried_once_on_the_org_clock_then_surfaces(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = -90
    bad_signature = oauth_error(401, "invalid_client", "The client_assertion signature is invalid.")
    token_endpoint.then(
        bad_signature, oauth_error(401, "invalid_client", bad_signature.payload["error_description"])
    )

    with pytest.raises(OAuthError, match="signature is invalid"):
        await okta.get_user(USER_ID)

    assert 2 == len(token_endpoint.requests)


async def test_dpop_proofs_are_dated_on_the_org_clock_too(
    clients: ClientFactory, token_endpoint: TokenEndpoint, clock: Clock, api: Api
) -> None:
    clock.skew = 60
    token_endpoint.token_type = "DPoP"
    token_endpoint.then(
        Answer(
            400,
            {
                "error": "use_dpop_nonce",
                "error_description": "Authorization server requires nonce in DPoP proof.",
            },
            headers={"DPoP-Nonce": "n1"},
        )
    )

    await clients(dpop=True).get_user(USER_ID)

    first, retry = token_endpoint.requests[:2]
    assert first.proof is not None
    assert retry.proof is not None
    assert first.received_at + 60 == pytest.approx(verified_proof(first.proof)[1]["iat"], abs=2)  # ours
    assert (
        retry.received_at - 2 <= verified_proof(retry.proof)[1]["iat"] <= retry.received_at + 1
    )  # the org's


async def test_once_the_offset_is_learned_a_refusal_on_the_same_clock_is_not_retried(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    clock.skew = 60
    token_endpoint.then(oauth_error(401, "invalid_client", ISSUED_IN_FUTURE))
    await okta.get_user(USER_ID)  # refused, then signed again on the org's clock
    clock.elapsed = 3600
    token_endpoint.then(oauth_error(401, "invalid_client", "The client_assertion signature is invalid."))

    with pytest.raises(OAuthError, match="signature is invalid"):
        await okta.get_user(USER_ID)
    assert 3 == len(token_endpoint.requests)  # the clock was already right: nothing to retry for


async def test_a_right_clock_signs_every_assertion_on_local_time(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    # The Date header (one-second resolution) agrees with the local clock: no correction, so
    # each assertion is issued 30 s before the local time it was signed at.
    await okta.get_user(USER_ID)
    clock.elapsed = 3600
    await okta.get_user(USER_ID)

    for index in (0, 1):
        received = int(token_endpoint.requests[index].received_at)
        assert claims(token_endpoint, index)["iat"] in (received - 31, received - 30)


# -- one wrong Date must not mislead the org's clock for long ------------------------------------


async def test_one_far_future_date_on_a_token_answer_does_not_date_the_next_assertion(
    okta: OktaClient, token_endpoint: TokenEndpoint, clock: Clock
) -> None:
    token_endpoint.extra_headers = {"Date": http_now(10**8)}  # a node three years ahead, once
    await okta.get_user(USER_ID)
    token_endpoint.extra_headers = {}

    clock.elapsed = 3600  # the token expired: a new assertion
    await okta.get_user(USER_ID)

    received = token_endpoint.requests[1].received_at
    assert received - 31 <= claims(token_endpoint, 1)["iat"] <= received - 29


async def test_one_far_future_date_on_an_api_answer_does_not_date_the_next_dpop_proofs(
    clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api
) -> None:
    token_endpoint.token_type = "DPoP"
    okta = clients(dpop=True)
    api.then(Answer(payload=user_json(USER_ID), headers={"Date": http_now(10**8)}))

    for _ in range(3):
        await okta.get_user(USER_ID)

    now = time.time()
    for request in api.requests[1:]:
        assert now - 5 <= verified_proof(request.headers["DPoP"])[1]["iat"] <= now + 1


async def test_api_answers_agreeing_on_the_org_clock_date_the_dpop_proofs(
    clients: ClientFactory, token_endpoint: TokenEndpoint, api: Api, clock: Clock
) -> None:
    # Our clock is 90 s behind the org's (an expired-looking proof): the token answer alone is
    # not believed, but two answers that agree are.
    clock.skew = -90
    token_endpoint.token_type = "DPoP"
    okta = clients(dpop=True)
    api.then(*(Answer(payload=user_json(USER_ID), headers={"Date": http_now()}) for _ in range(2)))

    for _ in range(3):
        await okta.get_user(USER_ID)

    now = time.time()
    assert now - 5 <= verified_proof(api.requests[2].headers["DPoP"])[1]["iat"] <= now + 1

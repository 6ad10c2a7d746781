"""ApiToken, the other credential: one fixed SSWS header, nothing to refresh."""

from __future__ import annotations

from typing import Any

import pytest

from oktakit import ApiToken, AuthenticationError, ConfigurationError
from tests.auth._support import BEARER_CHALLENGE, INVALID_TOKEN, Answer, Api
from tests.auth.conftest import ClientFactory
from tests.client._support import USER_ID
from tests.conftest import TOKEN


@pytest.mark.parametrize("written", [TOKEN, f"  {TOKEN}\n", f"SSWS {TOKEN}", f"ssws  {TOKEN}"])
async def test_the_token_is_sent_as_ssws_however_it_was_written(
    written: str, clients: ClientFactory, api: Api
) -> None:
    await clients(auth=ApiToken(written)).get_user(USER_ID)

    assert f"SSWS {TOKEN}" == api.requests[0].headers["Authorization"]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (None, "must be a string"),
        ("", "empty"),
        ("SSWS", "empty"),
        ("SSWS ", "empty"),
        ("00a b", "whitespace"),
    ],
)
def test_unusable_tokens_are_configuration_errors(token: Any, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        ApiToken(token)


def test_the_repr_masks_the_token() -> None:
    assert "ApiToken(token='***')" == repr(ApiToken(TOKEN))


async def test_a_rejected_api_token_is_not_sent_again(clients: ClientFactory, api: Api) -> None:
    api.then(Answer(401, INVALID_TOKEN, headers=dict(BEARER_CHALLENGE)))

    with pytest.raises(AuthenticationError):
        await clients(auth=ApiToken(TOKEN)).get_user(USER_ID)

    assert 1 == len(api.requests)

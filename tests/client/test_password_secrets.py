"""A temporary password and a password-reset link are secrets (either lets someone take the
account): they never show in a result's repr, a debug log, or an error and its chain, even when
the answer that carries them is torn, of the wrong shape, or the wrong status."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aioresponses import aioresponses

from oktakit import OktaClient, OktaError
from tests._secrets import capture_debug_logs, renderings
from tests.client._support import USER_ID
from tests.conftest import ORG

TEMPORARY = "Tmp-S3cret-Passw0rd-9911"
RESET_URL = f"{ORG}/reset_password/drpSECRETresetTOKEN1234"
SECRETS = (TEMPORARY, RESET_URL, RESET_URL.rsplit("/", 1)[1])
EXPIRE = f"{ORG}/api/v1/users/{USER_ID}/lifecycle/expire_password_with_temp_password"
RESET = f"{ORG}/api/v1/users/{USER_ID}/lifecycle/reset_password?sendEmail=false"


def assert_no_secret(texts: list[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


def log_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    texts = [caplog.text]
    for record in caplog.records:
        texts += [record.getMessage(), str(record.msg), repr(record.args), record.exc_text or ""]
    return texts


async def test_the_results_show_no_secret_and_nothing_logs_one(
    okta: OktaClient, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    capture_debug_logs(caplog)
    mocked.post(EXPIRE, payload={"tempPassword": TEMPORARY})
    mocked.post(RESET, payload={"resetPasswordUrl": RESET_URL})

    temporary = await okta.expire_password_with_temp_password(USER_ID)
    link = await okta.reset_password(USER_ID, send_email=False)

    assert (TEMPORARY, RESET_URL) == (temporary.temp_password, link.reset_password_url)
    assert_no_secret([repr(temporary), str(temporary), repr(link), str(link), repr([temporary, link])])
    assert_no_secret(log_texts(caplog))


Answer = Callable[[OktaClient, aioresponses], Awaitable[Any]]


async def torn_temporary_password(okta: OktaClient, m: aioresponses) -> Any:
    m.post(EXPIRE, body=f'{{"tempPassword": "{TEMPORARY}"', status=200, content_type="application/json")
    return await okta.expire_password_with_temp_password(USER_ID)


async def torn_reset_link(okta: OktaClient, m: aioresponses) -> Any:
    m.post(RESET, body=f'{{"resetPasswordUrl": "{RESET_URL}", ', status=200, content_type="application/json")
    return await okta.reset_password(USER_ID, send_email=False)


async def temporary_password_as_a_list(okta: OktaClient, m: aioresponses) -> Any:
    m.post(EXPIRE, payload=[TEMPORARY])
    return await okta.expire_password_with_temp_password(USER_ID)


async def secret_with_an_undocumented_status(okta: OktaClient, m: aioresponses) -> Any:
    m.post(EXPIRE, payload={"tempPassword": TEMPORARY}, status=201)
    return await okta.expire_password_with_temp_password(USER_ID)


async def secret_beside_an_error(okta: OktaClient, m: aioresponses) -> Any:
    body = {"errorCode": "E0000009", "errorSummary": "Internal Server Error", "resetPasswordUrl": RESET_URL}
    m.post(RESET, payload=body, status=500)
    return await okta.reset_password(USER_ID, send_email=False)


@pytest.mark.parametrize(
    "answer",
    [
        torn_temporary_password,
        torn_reset_link,
        temporary_password_as_a_list,
        secret_with_an_undocumented_status,
        secret_beside_an_error,
    ],
    ids=lambda f: f.__name__,
)
async def test_an_answer_oktakit_cannot_use_raises_without_the_secret_it_held(
    answer: Answer, okta: OktaClient, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    capture_debug_logs(caplog)
    with pytest.raises(OktaError) as caught:
        await answer(okta, mocked)

    assert_no_secret(renderings(caught.value))
    assert_no_secret(log_texts(caplog))

"""Argument checks that a plausible slip would break: each refused argument raises
``InvalidArgumentError`` naming it, and nothing is sent."""

from __future__ import annotations

import re
from typing import Any

import pytest

from oktakit import InvalidArgumentError, OktaClient, TransportError
from tests.client._support import USER_ID
from tests.hardening.conftest import Recorder


async def test_a_password_given_twice_is_refused_before_anything_is_sent(
    recorded_client: OktaClient, recorder: Recorder
) -> None:
    message = "give the password as password= or in credentials, not both"
    with pytest.raises(InvalidArgumentError, match=f"^{re.escape(message)}$"):
        await recorded_client.update_user(
            USER_ID, credentials={"password": {"value": "first-Pa55"}}, password="second-Pa55"
        )
    assert [] == recorder


async def test_a_password_given_once_either_way_is_sent_once(
    recorded_client: OktaClient, recorder: Recorder
) -> None:
    for kwargs in ({"password": "only-Pa55"}, {"credentials": {"password": {"value": "only-Pa55"}}}):
        with pytest.raises(TransportError):  # the recorder refuses every connection
            await recorded_client.update_user(USER_ID, **kwargs)  # type: ignore[arg-type]
    assert [{"credentials": {"password": {"value": "only-Pa55"}}}] * 2 == [sent.json() for sent in recorder]


class Key(str):
    """A str subclass whose own methods lie; only its text may be sent."""

    __slots__ = ()

    def encode(self, *args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("not me")

    def __str__(self) -> str:
        return "something else"


@pytest.mark.parametrize("key", [1, True, None, 1.5, ("a",), b"login", frozenset()])
@pytest.mark.parametrize("where", ["profile", "profile-nested", "credentials"])
async def test_a_key_that_is_not_a_string_is_refused_at_any_depth(
    key: Any, where: str, recorded_client: OktaClient, recorder: Recorder
) -> None:
    mapping: dict[Any, Any] = {key: "x"}
    if where == "profile":
        call = recorded_client.update_user(USER_ID, profile=mapping)
        named = "profile"
    elif where == "profile-nested":
        call = recorded_client.update_user(USER_ID, profile={"address": {"lines": [mapping]}})
        named = "profile['address']['lines'][0]"  # the path to the mapping that holds the key
    else:
        call = recorded_client.update_user(USER_ID, credentials={"recovery_question": mapping})
        named = "credentials['recovery_question']"

    message = f"{named} has a key that is not a string: {type(key).__name__}"
    with pytest.raises(InvalidArgumentError, match=f"^{re.escape(message)}$"):
        await call
    assert [] == recorder


async def test_str_subclasses_are_sent_as_their_text(recorded_client: OktaClient, recorder: Recorder) -> None:
    with pytest.raises(TransportError):
        await recorded_client.update_user(Key("00u1abc"), profile={Key("nickName"): Key("Sam")})
    assert {"profile": {"nickName": "Sam"}} == recorder[0].json()
    assert recorder[0].url.path.endswith("/00u1abc")

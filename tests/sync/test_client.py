"""The blocking client against the simulator: same results and errors as the async client,
nothing sent before arguments are checked, and a lifetime that ends its thread."""

from __future__ import annotations

import gc
import re

import pytest

import oktakit
from oktakit import ApiToken, ConfigurationError, InvalidArgumentError, NotFoundError
from oktakit.sync import OktaClient, PageIterator
from oktakit.testing import OktaSimulator

from .conftest import SimThread, sync_threads


def _listed_by_default(sim_thread: SimThread) -> set[str]:
    # Okta lists every user but the DEPROVISIONED ones when no query is given.
    return sim_thread.call(
        lambda: {u.id for u in sim_thread.sim.org.users.values() if u.status != "DEPROVISIONED"}
    )


def test_a_call_returns_the_async_clients_own_model(okta: OktaClient, sim_thread: SimThread) -> None:
    first = sim_thread.call(lambda: next(iter(sim_thread.sim.org.users.values())))
    user = okta.get_user(first.id)
    assert isinstance(user, oktakit.User)
    assert user.id == first.id
    assert user.profile.email == first.profile["email"]


def test_a_list_is_a_plain_iterator_over_every_page(okta: OktaClient, sim_thread: SimThread) -> None:
    users = okta.list_users(limit=4)
    assert isinstance(users, PageIterator)
    ids = [u.id for u in users]
    assert len(ids) == len(set(ids))
    assert set(ids) == _listed_by_default(sim_thread)
    assert sum(r.operation == "listUsers" for r in sim_thread.sim.request_log) == -(-len(ids) // 4)


def test_an_api_error_is_raised_as_the_same_okta_error_type(okta: OktaClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        okta.get_user("00u00000000000000000")
    assert type(raised.value) is NotFoundError
    assert raised.value.__cause__ is None or isinstance(raised.value.__cause__, oktakit.OktaError)


def test_a_bad_argument_is_refused_before_anything_is_sent(okta: OktaClient, sim: OktaSimulator) -> None:
    sent = len(sim.request_log)
    with pytest.raises(InvalidArgumentError):
        okta.update_user("00u00000000000000000")  # nothing to change
    with pytest.raises(InvalidArgumentError):
        okta.list_users(sort_order="sideways")  # refused when called, not when iterated
    assert len(sim.request_log) == sent


def test_the_token_is_never_in_the_repr(sim: OktaSimulator) -> None:
    with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        okta.get_user("me")
        shown = repr(okta) + str(okta) + repr(okta.list_users())
    assert sim.api_token not in shown
    assert re.fullmatch(r"oktakit\.sync\.OktaClient\('http://127\.0\.0\.1:\d+', auth=.*\)", repr(okta))


def test_from_env_builds_a_blocking_client(sim: OktaSimulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKTA_ORG_URL", sim.url)
    monkeypatch.setenv("OKTA_API_TOKEN", sim.api_token)
    monkeypatch.delenv("OKTA_CLIENT_ID", raising=False)
    with OktaClient.from_env() as okta:
        assert isinstance(okta, OktaClient)
        assert okta.org_url == sim.url
        admin = sim.api_token_admin
        assert admin is not None
        assert okta.get_user("me").id == admin.id


def test_with_closes_the_client_and_ends_its_thread(sim: OktaSimulator) -> None:
    before = len(sync_threads())
    with OktaClient(sim.url, auth=ApiToken(sim.api_token)) as okta:
        okta.get_user("me")
        assert len(sync_threads()) == before + 1
    assert len(sync_threads()) == before
    with pytest.raises(ConfigurationError, match="closed"):
        okta.get_user("me")


def test_close_is_idempotent_and_with_opens_a_closed_client_again(sim: OktaSimulator) -> None:
    okta = OktaClient(sim.url, auth=ApiToken(sim.api_token))
    okta.close()  # never used: nothing to end
    okta.close()
    with okta:
        assert okta.get_user("me").status
    okta.close()
    okta.close()
    assert sync_threads() == []


def test_a_client_is_lazy_no_thread_before_the_first_call(sim: OktaSimulator) -> None:
    okta = OktaClient(sim.url, auth=ApiToken(sim.api_token))
    assert sync_threads() == []
    okta.get_user("me")
    assert len(sync_threads()) == 1
    okta.close()
    assert sync_threads() == []


def test_a_forgotten_client_ends_its_thread_when_collected(sim: OktaSimulator) -> None:
    okta = OktaClient(sim.url, auth=ApiToken(sim.api_token))
    okta.get_user("me")
    assert len(sync_threads()) == 1
    del okta
    gc.collect()
    assert sync_threads() == []


def test_stats_and_credential_read_through(okta: OktaClient) -> None:
    okta.get_user("me")
    assert okta.stats.requests >= 1
    assert okta.granted_scopes is None  # an API token carries its admin's permissions
    assert okta.credential().kind == "api_token"

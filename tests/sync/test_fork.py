"""After ``os.fork`` (multiprocessing's "fork" start method, gunicorn's pre-fork workers): a
client used before the fork says so in the child with a ConfigurationError; one not used yet
works there; the parent's client is untouched."""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

import pytest

from oktakit import ApiToken, ConfigurationError
from oktakit.sync import OktaClient

from .conftest import SimThread

#: Seconds before a silent child fails the test (a guard against a hang, never a measure).
GUARD = 60.0
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")


def _use_in_child(okta: OktaClient, answer: Connection) -> None:
    try:
        answer.send(("ok", okta.get_user("me").id))
    except BaseException as error:  # the parent asserts on what came
        answer.send((type(error).__name__, str(error)))
    finally:
        okta.close()  # never waits on the parent's loop thread, which is not in this process


def _in_forked_child(okta: OktaClient) -> tuple[str, str]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_use_in_child, args=(okta, send))
    child.start()
    if not receive.poll(GUARD):  # a child that waits forever fails the test instead of hanging it
        child.kill()
        child.join()
        pytest.fail("the forked child never answered: it hangs waiting for a loop thread it lacks")
    answer: tuple[str, str] = receive.recv()
    child.join()
    assert child.exitcode == 0
    return answer


def test_a_client_used_before_the_fork_raises_a_configuration_error_in_the_child(
    okta: OktaClient,
) -> None:
    me = okta.get_user("me").id
    kind, message = _in_forked_child(okta)
    assert kind == ConfigurationError.__name__
    assert "os.fork()" in message
    assert "create a new client in the child" in message
    assert okta.get_user("me").id == me  # the parent's client goes on


def test_a_client_not_used_before_the_fork_works_in_the_child(sim_thread: SimThread) -> None:
    okta = OktaClient(sim_thread.sim.url, auth=ApiToken(sim_thread.sim.api_token))
    try:
        kind, user_id = _in_forked_child(okta)
        assert (kind, user_id) == ("ok", okta.get_user("me").id)
    finally:
        okta.close()

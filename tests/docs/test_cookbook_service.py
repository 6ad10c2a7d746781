"""The cookbook's FastAPI service (docs/cookbook/shared_client_service.py) against the simulator."""

from __future__ import annotations

import asyncio

import pytest

from oktakit import ConfigurationError
from oktakit.testing import OktaSimulator

from ._cookbook import load

httpx = pytest.importorskip("httpx", reason="the service is driven through httpx's ASGI transport")
pytest.importorskip("fastapi", reason="the cookbook's service is a FastAPI app (test extra)")
service = load("shared_client_service")


@pytest.mark.okta_sim(users=30, seed=5)
async def test_the_service_serves_concurrent_requests_with_one_client_and_closes_it_at_shutdown(
    org_env: OktaSimulator,
) -> None:
    sim = org_env
    app = service.app
    active = [u for u in sim.org.users.values() if u.status == "ACTIVE"]
    async with app.router.lifespan_context(app):
        shared = app.state.okta
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://directory") as http:
            answers = await asyncio.gather(*(http.get(f"/users/{u.profile['login']}") for u in active[:10]))
            usage = (await http.get("/usage")).json()

            assert [200] * 10 == [a.status_code for a in answers]
            assert [u.id for u in active[:10]] == [a.json()["id"] for a in answers]
            assert app.state.okta is shared
            assert 10 == usage["requests"]  # every request went through the one shared client

            suspended = await http.post(f"/users/{active[0].id}/suspend")
            again = await http.post(f"/users/{active[0].id}/suspend")
            missing = await http.get("/users/nobody.at.all@example.com")

    assert (200, "SUSPENDED") == (suspended.status_code, suspended.json()["status"])
    assert "SUSPENDED" == sim.org.users[active[0].id].status
    assert 409 == again.status_code  # Okta refuses to suspend a user who is not ACTIVE
    assert 404 == missing.status_code
    with pytest.raises(ConfigurationError):  # the lifespan closed it
        await shared.get_user(active[1].id)

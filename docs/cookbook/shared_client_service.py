"""A FastAPI service whose requests share one OktaClient, opened and closed by its lifespan.

Run it with ``OKTA_ORG_URL`` and ``OKTA_API_TOKEN`` (or a service app's ``OKTA_CLIENT_ID`` and
key) in the environment: ``uvicorn shared_client_service:app``. One client per process means
one connection pool, one access token and one rate-limit budget for every request it serves;
each worker process of a multi-worker server opens its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel

from oktakit import BadRequestError, NotFoundError, OktaClient, RateLimitError, User


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Opened on the server's event loop, closed (its session with it) at shutdown.
    async with OktaClient.from_env() as okta:
        app.state.okta = okta
        yield


app = FastAPI(title="directory", lifespan=lifespan)


def shared_client(request: Request) -> OktaClient:
    okta: OktaClient = request.app.state.okta
    return okta


Okta = Annotated[OktaClient, Depends(shared_client)]


class UserSummary(BaseModel):
    id: str
    login: str
    status: str
    department: str | None


class Usage(BaseModel):
    requests: int
    rate_limited: int
    waited_seconds: float


def summary(user: User) -> UserSummary:
    department = user.profile.get("department")
    return UserSummary(
        id=user.id,
        login=user.profile.login,
        status=str(user.status),
        department=department if isinstance(department, str) else None,
    )


@app.get("/users/{login}")
async def get_user(login: str, okta: Okta) -> UserSummary:
    try:
        return summary(await okta.get_user(login))
    except NotFoundError:
        raise HTTPException(status_code=404, detail=f"no user {login}") from None
    except RateLimitError as error:  # Okta's budget ran out past the client's retries
        raise HTTPException(status_code=503, detail="Okta is rate limiting; retry later") from error


@app.post("/users/{user_id}/suspend")
async def suspend_user(user_id: str, okta: Okta) -> UserSummary:
    try:
        await okta.suspend_user(user_id)
    except NotFoundError:
        raise HTTPException(status_code=404, detail=f"no user {user_id}") from None
    except BadRequestError as error:  # Okta suspends ACTIVE users only
        raise HTTPException(status_code=409, detail=error.error_summary) from None
    return summary(await okta.get_user(user_id))


@app.get("/usage")
async def usage(okta: Okta) -> Usage:
    stats = okta.stats  # one client, so these count every request the service made
    return Usage(
        requests=stats.requests, rate_limited=sum(stats.rate_limited.values()), waited_seconds=stats.waited
    )

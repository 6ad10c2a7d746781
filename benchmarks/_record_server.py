"""Serves one realistic Okta user for every ``GET /api/v1/users/{id}`` (run as its own process).

The record (``realistic_user.json``) is a user Okta really returned (a recorded response of the
official SDK's integration tests) with a dozen custom attributes of the kind identity teams
keep, about 2.5 KB on the wire: what parsing costs on real data, not on the simulator's
smallest users. Headers are Okta's (rate-limit ones included), so every client does its usual
work per response.
"""

from __future__ import annotations

import json
import socket
import sys
import time
from email.utils import formatdate
from pathlib import Path

from aiohttp import web

BODY = json.dumps(
    json.loads((Path(__file__).parent / "realistic_user.json").read_text()), separators=(",", ":")
)


async def get_user(request: web.Request) -> web.Response:
    now = time.time()
    return web.Response(
        body=BODY.encode(),
        content_type="application/json",
        charset="utf-8",
        headers={
            "Date": formatdate(now, usegmt=True),
            "X-Okta-Request-Id": "bench",
            "X-Rate-Limit-Limit": "1000000000",
            "X-Rate-Limit-Remaining": "999999999",
            "X-Rate-Limit-Reset": str(int(now) + 60),
        },
    )


def main() -> None:
    app = web.Application()
    app.router.add_get("/api/v1/users/{id}", get_user)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    web.run_app(app, sock=sock, print=None, access_log=None)


if __name__ == "__main__":
    sys.exit(main())

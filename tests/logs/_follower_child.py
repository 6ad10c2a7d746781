"""A follower process for tests/logs/test_kill_follower.py: it follows the System Log with a
state file and, for each event, appends the uuid to GOT (before anything else: what was handed
out is on disk whatever kills the process next), prints it, and waits for a line on stdin (the
event's handling); then it appends the uuid to DONE and asks for the next one (``go``) or stops
(``end``). The test decides, event by event, whether to let it go on or kill it.

    python tests/logs/_follower_child.py STATE GOT DONE SINCE LIMIT

Credentials come from the environment (OKTA_ORG_URL, OKTA_API_TOKEN).
"""

from __future__ import annotations

import asyncio
import os
import sys

from oktakit import OktaClient


async def follow(state: str, got: str, done: str, since: str, limit: int) -> None:
    received = os.open(got, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    handled = os.open(done, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    loop = asyncio.get_running_loop()
    async with OktaClient.from_env() as okta:
        follower = okta.tail_log_events(
            state=state, since=since, limit=limit, poll_interval=0.002, max_poll_interval=0.01
        )
        async with follower:
            async for event in follower:
                os.write(received, f"{event.uuid}\n".encode())
                sys.stdout.write(f"{event.uuid}\n")
                sys.stdout.flush()
                answer = await loop.run_in_executor(None, sys.stdin.readline)
                if not answer:
                    return  # the test closed stdin: stop, the event not handled
                os.write(handled, f"{event.uuid}\n".encode())
                if answer.strip() == "end":
                    return  # handled, and the last one


if __name__ == "__main__":
    asyncio.run(follow(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))

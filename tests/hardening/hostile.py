"""A loopback HTTP server that answers with raw bytes, scripted per path: broken, huge, slow or
lying answers that no well-behaved framework would produce, for the API and the token endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field

Answer = Callable[[asyncio.StreamWriter], Awaitable[None]]
MiB = 1024 * 1024


@dataclass
class Received:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


@dataclass
class HostileServer:
    """Answers each request with ``answers[path]`` (the path without its query)."""

    answers: dict[str, Answer] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    url: str = ""
    _handlers: set[asyncio.Task[None]] = field(default_factory=set)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                while not writer.is_closing():
                    head = await reader.readuntil(b"\r\n\r\n")
                    line, *lines = head.decode("latin-1").split("\r\n")
                    method, target, _ = line.split(" ", 2)
                    headers = dict(h.split(": ", 1) for h in lines if ": " in h)
                    body = await reader.readexactly(int(headers.get("Content-Length", "0")))
                    self.received.append(Received(method, target, headers, body))
                    await self.answers.get(target.split("?", 1)[0], not_found)(writer)
        finally:
            writer.transport.abort()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[HostileServer]:
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=4 * MiB)
        host, port = server.sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}"
        try:
            yield self
        finally:
            server.close()
            # Handlers still writing to a client that gave up (a trickle, say) end here.
            for handler in self._handlers:
                handler.cancel()
            await asyncio.gather(*self._handlers, return_exceptions=True)
            await server.wait_closed()

    def requests_to(self, path: str) -> list[Received]:
        return [r for r in self.received if r.target.split("?", 1)[0] == path]


# -- answers ------------------------------------------------------------------------------------------


def raw(data: bytes, *, close: bool = False) -> Answer:
    async def answer(writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        if close:
            writer.close()

    return answer


def http(
    status: int = 200, body: bytes = b"", headers: Iterable[tuple[str, str]] = (), *, length: bool = True
) -> Answer:
    head = [f"HTTP/1.1 {status} X", *(f"{k}: {v}" for k, v in headers)]
    if length:
        head.append(f"Content-Length: {len(body)}")
    return raw(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body, close=not length)


def json_answer(body: bytes, status: int = 200, headers: Iterable[tuple[str, str]] = ()) -> Answer:
    return http(status, body, [("Content-Type", "application/json"), *headers])


def streamed(size: int, *, status: int = 200, declared: bool = True) -> Answer:
    """``size`` bytes of JSON-looking filler, written as the client reads (a huge body)."""

    async def answer(writer: asyncio.StreamWriter) -> None:
        framing = f"Content-Length: {size}" if declared else "Transfer-Encoding: chunked"
        writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n{framing}\r\n\r\n".encode())
        chunk = b" " * (256 * 1024)
        for _ in range(size // len(chunk)):
            writer.write(chunk if declared else b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
        writer.close()

    return answer


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about a thousandth of the size), made in steps."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MiB)
    parts = [compressor.compress(block) for _ in range(size // MiB)]
    return b"".join(parts) + compressor.flush()


def compressed(body: bytes, status: int = 200) -> Answer:
    return http(status, body, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])


def trickle() -> Answer:
    """Headers, then a body that never ends, a byte now and then."""

    async def answer(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[")
        for _ in range(1000):
            await asyncio.sleep(0.05)
            writer.write(b" ")
            await writer.drain()

    return answer


not_found = json_answer(b'{"errorCode":"E0000007","errorSummary":"Not found"}', 404)


def sequence(*answers: Answer) -> Answer:
    """The answers in turn, one per request; the last one again after that."""
    queue = list(answers)

    async def answer(writer: asyncio.StreamWriter) -> None:
        await (queue.pop(0) if len(queue) > 1 else queue[0])(writer)

    return answer

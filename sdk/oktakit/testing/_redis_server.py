"""A throwaway ``redis-server`` for tests and benchmarks of what oktakit shares through Redis.

``RedisServer`` runs the ``redis-server`` on PATH (or the one named) on a free loopback port,
in memory only (no snapshot, no append-only file), and can be stopped and restarted on the same
port, empty, as a real restart without persistence leaves it::

    with RedisServer() as redis_server:
        policy = RateLimitPolicy(shared=redis_server.url)
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

from oktakit.errors import ConfigurationError

#: Seconds a starting server has to answer PING.
START_TIMEOUT = 20.0


def find_redis_server(executable: str | None = None) -> str | None:
    """The ``redis-server`` to run: ``executable`` if given, else the one on PATH (or None)."""
    return shutil.which(executable or "redis-server")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """One ``redis-server`` process on loopback; ``url`` names its database 0."""

    def __init__(self, executable: str | None = None) -> None:
        found = find_redis_server(executable)
        if found is None:
            raise ConfigurationError("no redis-server found on PATH (apt-get install redis-server)")
        self.executable = found
        self.port = 0
        self._dir = Path(tempfile.mkdtemp(prefix="oktakit-redis-"))
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> RedisServer:
        """Start on a free port (or on the port it had, after ``stop``), and wait for PING."""
        for _ in range(5):  # another process may take a free port before we bind it
            port = self.port or _free_port()
            self._process = subprocess.Popen(  # noqa: S603 - the redis-server found above
                [
                    *(self.executable, "--port", str(port), "--bind", "127.0.0.1"),
                    *("--save", "", "--appendonly", "no", "--dir", str(self._dir)),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + START_TIMEOUT
            while self._process.poll() is None and time.monotonic() < deadline:
                if _answers_ping(port):
                    self.port = port
                    return self
                time.sleep(0.02)
            self.stop()
        raise ConfigurationError(f"{self.executable} did not start")

    def stop(self) -> None:
        """Stop the server (its data goes with it)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def restart(self) -> None:
        """Stop and start again on the same port, empty."""
        self.stop()
        self.start()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)

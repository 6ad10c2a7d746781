"""A bulk journal kept in Redis (``journal="redis://host:6379/0/incident-42"``), shared by every
worker running the same job, on one machine or several.

The records are the file journal's (``_journal``), in one Redis list, in the order they were
written. Workers split the items: before acting on an item a worker claims it with a lease it
renews while it works; an item claimed by a live worker is left to it (and looked at again at
the end of the input), one whose lease ran out (a dead worker) is taken over, in doubt as a
resumed file journal's item is. An outcome is written only while the item is not settled, and
the item is settled with it, in one script: every item ends with exactly one outcome.

Lease length: ``?lease=SECONDS`` on the URL (default 30 s): a killed worker's items wait that
long before another worker takes them over.

Writes go through redis-py's synchronous client, as the file journal's go through ``os.write``:
the executor records each start and outcome before it goes on, and a write that fails stops the
run with ``JournalError``, leaving the journal whole.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import parse_qs, urlsplit, urlunsplit

from oktakit._http.shared._connect import ANSWER_TIMEOUT, CONNECT_TIMEOUT, redacted, require_redis
from oktakit.errors import InvalidArgumentError, JournalError

from ._journal import OutcomeRecord, Record, RunRecord, check_run, decode, encode

if TYPE_CHECKING:
    import redis

DEFAULT_LEASE = 30.0
_PAGE = 1000

# KEYS: claims (hash item -> worker), expiries (zset item -> ms), settled (set), ever (set).
# ARGV: item, worker, lease (ms). Returns 'settled', 'busy', 'mine' or 'again' (claimed before
# by someone: a dead or stopped worker may have left it in doubt).
CLAIM = """
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return 'settled' end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local holder = redis.call('HGET', KEYS[1], ARGV[1])
local expiry = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]) or 0)
if holder and holder ~= ARGV[2] and expiry > now then return 'busy' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
if redis.call('SADD', KEYS[4], ARGV[1]) == 0 then return 'again' end
return 'mine'
"""

# KEYS: records, settled, claims, expiries. ARGV: the record, 1 if it settles the item, then the
# item's names (spelling, user id). Returns 0 (and writes nothing) when the item is settled.
SETTLE = """
if redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 1 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
if ARGV[2] == '1' then
  for i = 3, #ARGV do
    redis.call('SADD', KEYS[2], ARGV[i])
    redis.call('HDEL', KEYS[3], ARGV[i])
    redis.call('ZREM', KEYS[4], ARGV[i])
  end
end
return 1
"""

# KEYS: settled, claims, expiries. ARGV: the item's names. Settles it (no record of its own).
FINISH = """
for i = 1, #ARGV do
  redis.call('SADD', KEYS[1], ARGV[i])
  redis.call('HDEL', KEYS[2], ARGV[i])
  redis.call('ZREM', KEYS[3], ARGV[i])
end
return 1
"""

# KEYS: claims, expiries. ARGV: worker, lease (ms), items. Renews what this worker still holds.
RENEW = """
local t = redis.call('TIME')
local until_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[2])
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then
    redis.call('ZADD', KEYS[2], until_ms, ARGV[i])
  end
end
return 1
"""

# KEYS: claims, expiries. ARGV: worker, items. Gives back what this worker still holds.
RELEASE = """
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
    redis.call('ZREM', KEYS[2], ARGV[i])
  end
end
return 1
"""

Claim = Literal["settled", "busy", "mine", "again"]


def is_redis_journal(journal: object) -> bool:
    return isinstance(journal, str) and journal.lower().startswith(("redis://", "rediss://"))


def _split(url: str) -> tuple[str, str, float]:
    """(the Redis URL, the job's name, the lease in seconds) of a journal URL."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) != 2 or not segments[0].isdigit():
        raise InvalidArgumentError(
            "a Redis journal is redis://HOST:PORT/DB/JOB (for example redis://localhost:6379/0/incident-42),"
            f" not {redacted(url)!r}"
        )
    query = parse_qs(parts.query)
    try:
        lease = float(query.pop("lease", [str(DEFAULT_LEASE)])[-1])
    except ValueError:
        lease = -1.0
    if not 0 < lease <= 3600:
        raise InvalidArgumentError("a Redis journal's lease must be a number of seconds from 0 to 3600")
    rest = "&".join(f"{key}={value}" for key, values in query.items() for value in values)
    return urlunsplit(parts._replace(path=f"/{segments[0]}", query=rest)), segments[1], lease


class RedisJournal:
    """A job's journal in Redis: the file journal's records, plus the items' claims."""

    shared = True

    def __init__(self, url: str) -> None:
        server, self.job, lease = _split(url)
        self.url = url
        #: What messages and reports name it by (no password); never a file on disk.
        self.path = Path(redacted(url))
        require_redis("a Redis journal")
        import redis as sync_redis

        self._client: redis.Redis = sync_redis.Redis.from_url(
            server, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=ANSWER_TIMEOUT * 2
        )
        base = f"oktakit:job:{{{self.job}}}"
        self._records = f"{base}:records"
        self._claims, self._expiries = f"{base}:claims", f"{base}:claim-expiries"
        self._settled, self._ever = f"{base}:settled", f"{base}:claimed"
        self._claim = self._client.register_script(CLAIM)
        self._settle = self._client.register_script(SETTLE)
        self._renew = self._client.register_script(RENEW)
        self._release = self._client.register_script(RELEASE)
        self._finish = self._client.register_script(FINISH)
        self.worker = secrets.token_hex(6)
        self._lease_ms = round(lease * 1000)
        self._held: set[str] = set()
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._failure: str | None = None

    def __repr__(self) -> str:
        return f"<RedisJournal {self.path}>"

    def _call(self, what: str, call: Any) -> Any:
        from redis.exceptions import RedisError

        if self._failure is not None:
            raise JournalError(self._failure)
        try:
            return call()
        except (RedisError, OSError) as exc:
            # redis-py's words may quote the server's address, never more: the type is enough.
            self._failure = f"cannot {what} the journal {self.path}: {type(exc).__name__}; the run stopped"
            raise JournalError(self._failure) from None

    # -- the run's lifetime (the file journal's names) -------------------------------------
    def open_for_run(self) -> RedisJournal:
        self._call("reach", self._client.ping)
        return self

    open_for_reading = open_for_run

    def exists(self) -> bool:
        return bool(self._call("read", lambda: self._client.exists(self._records)))

    def prepare_appending(self) -> None:
        """Nothing to repair: Redis writes each record whole."""

    def close_unused(self) -> None:
        self.close()

    def close(self) -> None:
        """Give back the items this worker still holds (a stopped run: others may take them at
        once) and stop renewing."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
            self._renewer = None
        if self._held and self._failure is None:
            held = sorted(self._held)
            self._held.clear()
            with contextlib.suppress(Exception):  # else their leases run out by themselves
                self._release(keys=[self._claims, self._expiries], args=[self.worker, *held])
        self._client.close()

    # -- records ----------------------------------------------------------------------------
    def records(self, *, check: RunRecord | None = None) -> Iterator[Record]:
        """Every record in order; the first must be a run record and every run record ``check``
        (or the first one's run)."""
        start = 0
        while True:
            page = self._call(
                "read", lambda start=start: self._client.lrange(self._records, start, start + _PAGE - 1)
            )
            for number, line in enumerate(page, start + 1):
                try:
                    record = decode(line if line.endswith(b"\n") else line + b"\n")
                except ValueError:
                    raise JournalError(f"{self.path}: record {number} is not a journal record") from None
                check_run(self.path, record, check, first=number == 1)
                if check is None and isinstance(record, RunRecord):
                    check = record
                yield record
            if len(page) < _PAGE:
                return
            start += _PAGE

    def append(self, record: Record) -> None:
        """Write one record; an outcome only while its item is not settled (else it is left out:
        another worker settled the item after this one's lease ran out)."""
        line = encode(record)
        if not isinstance(record, OutcomeRecord):
            self._call("write", lambda: self._client.rpush(self._records, line))
            return
        names = [record.item, *([record.user] if record.user else [])]
        settles = "1" if record.step is None else "0"
        keys = [self._records, self._settled, self._claims, self._expiries]
        written = self._call("write", lambda: self._settle(keys=keys, args=[line, settles, *names]))
        if not written:
            raise JournalError(
                f"the journal {self.path} already holds an outcome of {record.item!r} (another worker took "
                "it over after this one's lease ran out); the run stopped"
            )
        if record.step is None:
            self._held.difference_update(names)

    def finish(self, *names: str) -> None:
        """Settle an item without an outcome of its own: a playbook's item once its last step's
        outcome is written, or a duplicate of a user another name settles."""
        keys = [self._settled, self._claims, self._expiries]
        self._call("write", lambda: self._finish(keys=keys, args=list(names)))
        self._held.difference_update(names)

    # -- claims -----------------------------------------------------------------------------
    def claim(self, name: str) -> Claim:
        """Claim an item for this worker: 'mine' (or 'again': someone claimed it before and did
        not settle it, so it may be in doubt), 'busy' (a live worker has it), 'settled'."""
        keys = [self._claims, self._expiries, self._settled, self._ever]
        answer = self._call(
            "claim an item in", lambda: self._claim(keys=keys, args=[name, self.worker, self._lease_ms])
        )
        claim = cast(Claim, answer.decode() if isinstance(answer, bytes) else answer)
        if claim in ("mine", "again"):
            self._held.add(name)
            self._keep_renewing()
        return claim

    def _keep_renewing(self) -> None:
        if self._renewer is None:
            self._renewer = threading.Thread(
                target=self._renew_loop, name="oktakit-journal-leases", daemon=True
            )
            self._renewer.start()

    def _renew_loop(self) -> None:
        from redis.exceptions import RedisError

        while not self._stop.wait(self._lease_ms / 3000):
            held = sorted(self._held)
            if held:
                with contextlib.suppress(RedisError, OSError):  # the next write says if Redis is gone
                    self._renew(
                        keys=[self._claims, self._expiries], args=[self.worker, self._lease_ms, *held]
                    )

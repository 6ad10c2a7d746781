"""The Lua scripts of the shared budget: each runs atomically in Redis, so that two processes
can never both take the last place of a bucket.

Keys of one org (``_connect.org_tag``; every key expires when no client touches it):

- ``{tag}:bucket:{name}`` a hash: ``limit``, ``remaining``, ``reset`` (Okta's epoch second),
  ``rolled`` (1 once that reset has passed and ``remaining`` is the whole ``limit`` again),
  ``refused`` (the most Okta still reported left when it answered a rate-limit 429).
- ``{tag}:pending:{name}`` and ``{tag}:in-flight`` sorted sets of leases (one per request on its
  way), scored by when the lease expires (Redis's clock, milliseconds): a process that dies
  mid-request stops renewing its leases and they drop out.
- ``{tag}:peers`` the processes that used the budget lately (scored the same way).

Times that expire leases come from Redis (``TIME``), the one clock every process agrees on;
whether a bucket's window has passed is judged on Okta's clock, as each caller estimates it from
the ``Date`` of Okta's answers (an estimate that errs early, so a window is never taken to have
rolled over before Okta's has).
"""

from __future__ import annotations

# KEYS: bucket, pending, in-flight, peers.
# ARGV: lease, process, Okta's now (s), share, max in flight, lease (ms), poll (ms), longest wait (ms),
#       bucket key's lifetime (s), then (limit, 0, reset) when the caller saw this window spent
#       ('' otherwise): it seeds a bucket Redis knows nothing of (Redis restarted empty), so that
#       a bucket spent before the restart is not taken for a fresh one.
# Returns {1 reserved | 0 not, ms to wait before asking again, processes seen}.
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease_ms = tonumber(ARGV[6])
local poll = tonumber(ARGV[7])
redis.call('ZADD', KEYS[4], now + lease_ms, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
redis.call('PEXPIRE', KEYS[4], lease_ms)
local peers = redis.call('ZCARD', KEYS[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[5]) then
  return {0, poll, peers}
end
local pending = redis.call('ZCARD', KEYS[2])
local b = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'rolled', 'refused')
if not b[1] and ARGV[10] ~= '' then
  redis.call('HSET', KEYS[1], 'limit', ARGV[10], 'remaining', ARGV[11], 'reset', ARGV[12], 'rolled', 0)
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[9]))
  b = {ARGV[10], ARGV[11], ARGV[12], '0', false}
end
local limit = tonumber(b[1])
if limit == nil then
  -- Nothing known of this bucket (a new one, or Redis restarted empty): one request goes
  -- alone to learn its numbers, whichever process sends it.
  if pending > 0 then
    return {0, poll, peers}
  end
elseif limit > 0 then
  local remaining = tonumber(b[2])
  local reset = tonumber(b[3])
  local rolled = b[4] == '1'
  local okta_now = tonumber(ARGV[3])
  if not rolled and okta_now >= reset then
    remaining = limit
    rolled = true
    redis.call('HSET', KEYS[1], 'remaining', limit, 'rolled', 1)
    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[9]))
  end
  local reserve = math.max(limit - math.floor(limit * tonumber(ARGV[4])), tonumber(b[5]) or 0)
  if remaining - pending <= reserve then
    if rolled or pending > 0 then
      return {0, poll, peers}
    end
    return {0, math.min(math.ceil((reset - okta_now) * 1000), tonumber(ARGV[8])), peers}
  end
end
redis.call('ZADD', KEYS[2], now + lease_ms, ARGV[1])
redis.call('ZADD', KEYS[3], now + lease_ms, ARGV[1])
redis.call('PEXPIRE', KEYS[2], lease_ms)
redis.call('PEXPIRE', KEYS[3], lease_ms)
return {1, 0, peers}
"""

# KEYS: bucket, pending, in-flight.
# ARGV: lease ('' for none), what the answer said ('numbers', 'none': no rate-limit headers at
#       all, 'nothing': no answer or one that says nothing of the bucket), limit, remaining,
#       reset, 1 if it was a rate-limit 429, bucket key's lifetime (s).
# The merge rule: a later window's numbers replace the stored ones; numbers of the same window
# can only lower ``remaining`` (answers arrive out of order); an older window's are ignored.
MERGE = """
if ARGV[1] ~= '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
end
if ARGV[2] == 'numbers' then
  local limit = tonumber(ARGV[3])
  local remaining = tonumber(ARGV[4])
  local reset = tonumber(ARGV[5])
  local b = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'rolled', 'refused')
  local known = tonumber(b[1])
  local stored_reset = tonumber(b[3]) or 0
  if known == nil or known < 0 or reset > stored_reset then
    redis.call('HSET', KEYS[1], 'limit', limit, 'remaining', remaining, 'reset', reset, 'rolled', 0)
  elseif reset == stored_reset and b[4] ~= '1' then
    redis.call('HSET', KEYS[1], 'limit', limit, 'remaining', math.min(tonumber(b[2]), remaining))
  end
  if ARGV[6] == '1' and remaining > (tonumber(b[5]) or 0) then
    redis.call('HSET', KEYS[1], 'refused', remaining)
  end
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
elseif ARGV[2] == 'none' and redis.call('HEXISTS', KEYS[1], 'limit') == 0 then
  redis.call('HSET', KEYS[1], 'limit', -1)
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
end
return 1
"""

# KEYS: pending (of one bucket), in-flight. ARGV: lease (ms), then the leases still held.
# Only leases still there are renewed (XX): one released meanwhile stays released.
RENEW = """
local t = redis.call('TIME')
local until_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', until_ms, ARGV[i])
  redis.call('ZADD', KEYS[2], 'XX', until_ms, ARGV[i])
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]))
return 1
"""

"""A rate budget shared by every client of one org through Redis (``RateLimitPolicy(shared=...)``).

``_connect`` builds the Redis client (the ``redis`` extra) and names the keys, ``_scripts`` holds
the Lua scripts that reserve a place and merge Okta's numbers atomically, ``_budget`` is what the
pacer consults before each request and tells after each answer.
"""

from ._budget import SharedBudget
from ._connect import REDIS_EXTRA, redacted, require_redis

__all__ = ["REDIS_EXTRA", "SharedBudget", "redacted", "require_redis"]

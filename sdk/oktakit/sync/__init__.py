"""A blocking ``OktaClient`` for code without an event loop (see ``oktakit.sync.OktaClient``).

>>> from oktakit.sync import OktaClient
>>> with OktaClient("https://acme.okta.com", auth=ApiToken(token)) as okta:
...     user = okta.get_user("jane.doe@acme.com")

Results and errors are the async client's own types (``oktakit.User``, ``oktakit.OktaError``...);
list operations return a ``PageIterator`` and ``tail_log_events`` a blocking ``LogFollower``.
"""

from ._client import OktaClient
from ._iterators import LogFollower, PageIterator

__all__ = ["LogFollower", "OktaClient", "PageIterator"]

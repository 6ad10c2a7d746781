"""The one path a request takes, private to oktakit.

``transport`` sends (the only place that does): it resolves the URL, adds the credentials'
headers, paces (``ratelimit``, by Okta's buckets from ``buckets`` and its clock from ``clock``),
retries (``retry``, on the hints ``hints`` reads), exchanges bytes with aiohttp (``exchange``,
the one place that knows how aiohttp fails) and maps error answers (``error_mapping``).
``pagination`` follows ``Link`` headers, ``parse`` runs the generated parsers, ``urls`` and
``proxy`` check the org URL and build the session, ``lifetime`` guards a client's event loop,
``stats`` counts what happened.
"""

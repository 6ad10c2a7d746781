"""Where the simulator's status rules come from, named the way ``okta_spec/`` names its facts.

Each module that encodes an Okta rule (which operation Okta allows in which user status and what
it answers otherwise; how the System Log is queried and what its events look like) keeps a
``STATUS_RULES`` table: rule name -> the evidence for it,
each a kind (documented, recorded or inferred) and a key of ``okta_spec/sources.yaml``, with a
note saying what the source shows or what was inferred. ``tests/spec/test_fact_sources.py`` checks
every entry and that each rule the modules implement has one.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

#: The modules with a ``STATUS_RULES`` table.
RULE_MODULES = (
    "_lifecycle", "_profile", "_resources", "_query", "_credentials", "_directory", "_peer",
    "_syslog_query", "_syslog_events",
)  # fmt: skip


class Evidence(NamedTuple):
    kind: Literal["documented", "recorded", "inferred"]
    #: A key of okta_spec/sources.yaml.
    source: str
    note: str = ""


def documented(source: str, note: str = "") -> Evidence:
    return Evidence("documented", source, note)


def recorded(source: str, note: str = "") -> Evidence:
    return Evidence("recorded", source, note)


def inferred(source: str, note: str) -> Evidence:
    return Evidence("inferred", source, note)

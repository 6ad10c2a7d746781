"""Pagination details the broader tests leave open: how a ``Link`` header's target and ``rel``
are read (RFC 8288), what a repeated cursor's error names, and a body ``_links.next`` that is
not a usable link. Answers come from aioresponses: the exact header or body is the point."""

from __future__ import annotations

import re

import pytest
from aioresponses import aioresponses

from oktakit import MalformedResponseError, OktaClient
from oktakit._http.pagination import next_link
from tests.client._support import user_json
from tests.client.test_pagination import collect_ids
from tests.conftest import ORG

FIRST = f"{ORG}/api/v1/users?limit=2"
SECOND = f"{ORG}/api/v1/users?after=00u2&limit=2"
RESOURCES = re.compile(rf"^{re.escape(ORG)}/api/v1/iam/resource-sets/iam1/resources(\?.*)?$")


# -- paginate: the repeated cursor ----------------------------------------------------------


async def test_a_repeated_next_link_names_the_page_status_the_get_and_the_repeated_url(
    okta: OktaClient, mocked: aioresponses
) -> None:
    mocked.get(FIRST, payload=[user_json("00u1")], headers={"Link": f'<{SECOND}>; rel="next"'})
    mocked.get(SECOND, payload=[user_json("00u2")], headers={"Link": f'<{FIRST}>; rel="next"'})
    seen: list[str] = []

    with pytest.raises(MalformedResponseError) as caught:
        await collect_ids(okta.list_users(limit=2), into=seen)

    assert ["00u1", "00u2"] == seen
    # The page that handed out the repeated cursor answered 200; following it is a GET.
    assert (200, "GET", FIRST) == (caught.value.status, caught.value.method, caught.value.url)
    assert f"(HTTP 200) [GET {FIRST}]" in str(caught.value)


# -- body _links.next that is no link -------------------------------------------------------


def resource(rid: str) -> dict[str, object]:
    return {
        "id": rid,
        "orn": f"orn:okta:directory:00o1:groups:{rid}",
        "created": "2025-01-01T00:00:00.000Z",
        "lastUpdated": "2025-01-01T00:00:00.000Z",
        "_links": {"self": {"href": f"{ORG}/api/v1/groups/{rid}"}},
    }


@pytest.mark.parametrize("href", ["", 42, None, ["https://x"]], ids=["empty", "number", "null", "list"])
async def test_a_body_next_href_that_is_not_a_non_empty_string_ends_the_listing(
    href: object, okta: OktaClient, mocked: aioresponses
) -> None:
    body = {"resources": [resource("00g1"), resource("00g2")], "_links": {"next": {"href": href}}}
    mocked.get(RESOURCES, payload=body)

    ids = [r.id async for r in okta.list_resource_set_resources("iam1")]

    assert ["00g1", "00g2"] == ids
    assert 1 == sum(len(made) for made in mocked.requests.values())


async def test_a_body_next_href_is_followed_to_the_next_page(okta: OktaClient, mocked: aioresponses) -> None:
    page2 = f"{ORG}/api/v1/iam/resource-sets/iam1/resources?after=00g2"
    mocked.get(RESOURCES, payload={"resources": [resource("00g1")], "_links": {"next": {"href": page2}}})
    mocked.get(RESOURCES, payload={"resources": [resource("00g3")], "_links": {}})

    ids = [r.id async for r in okta.list_resource_set_resources("iam1")]

    assert ["00g1", "00g3"] == ids
    assert any(str(url) == page2 for (_, url) in mocked.requests)


# -- next_link: RFC 8288 parsing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # RFC 8288 section 3: a parameter value may be a quoted string holding any character,
        # ">" included; the target ends at the first ">".
        pytest.param(f'<{SECOND}>; title="older > newer"; rel="next"', SECOND, id="bracket-in-title"),
        # Section 3.3: rel holds space-separated relation types; an extension type is a URI,
        # which may carry "=" in its query. The parameter's name ends at the first "=".
        pytest.param(
            f'<{SECOND}>; rel="next https://example.com/rels/page?kind=cursor"',
            SECOND,
            id="extension-rel-with-equals",
        ),
        # Relation types are compared whole (section 2.1.1): one that merely starts or ends
        # like "next" is another relation.
        pytest.param(f'<{SECOND}>; rel="nextX"', None, id="rel-next-with-suffix"),
        pytest.param(f"<{SECOND}>; rel=Xnext", None, id="rel-next-with-prefix"),
        pytest.param(f'<{SECOND}>; rel="next-archive"', None, id="rfc5005-next-archive"),
    ],
)
def test_next_link_reads_targets_and_relation_types_as_rfc_8288_writes_them(
    header: str, expected: str | None
) -> None:
    assert expected == next_link([header])


@pytest.mark.parametrize("target", ["Xpage?after=00u2", "XX/api/v1/users?after=00u2"])
def test_a_link_target_is_kept_verbatim_with_only_its_enclosing_brackets_removed(target: str) -> None:
    # Only the "<" that opens the target is syntax; what follows it is the URI reference.
    assert target == next_link([f'<{target}>; rel="next"'])

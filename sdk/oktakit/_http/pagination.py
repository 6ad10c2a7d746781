"""Following Okta's ``Link`` headers (or, for the IAM APIs, the body's ``_links.next``) from
page to page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from typing import TypeVar

from oktakit.errors import MalformedResponseError
from oktakit_api.operations import ApiRequest

from .transport import Pipeline, Response

T = TypeVar("T")


def next_link(link_headers: Iterable[str]) -> str | None:
    """Return the ``rel="next"`` target among all ``Link`` header values, if any.

    Okta sends ``self`` and ``next`` as separate headers, but one header may also carry several
    comma-separated links (RFC 8288), so every value is split and read.
    """
    for header in link_headers:
        for link in _split_links(header):
            target, _, params = link.partition(">")
            target = target.strip().lstrip("<").strip()
            for param in params.split(";"):
                key, _, value = param.partition("=")
                if key.strip().lower() == "rel" and "next" in value.strip().strip('"').lower().split():
                    return target
    return None


def _split_links(header: str) -> list[str]:
    # Commas may appear inside <...>, so split only on commas outside angle brackets.
    parts, depth, start = [], 0, 0
    for i, char in enumerate(header):
        if char == "<":
            depth += 1
        elif char == ">":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(header[start:i])
            start = i + 1
    parts.append(header[start:])
    return [p for p in (part.strip() for part in parts) if p.startswith("<")]


def body_next_link(response: Response) -> str | None:
    """``_links.next.href`` of a JSON object body: where Okta's IAM lists (such as a resource
    set's resources) put their next page. The pipeline follows it only on the org's origin."""
    body = response.json()  # parsed (and cached) already by the page's parser
    links = body.get("_links") if isinstance(body, dict) else None
    following = links.get("next") if isinstance(links, dict) else None
    href = following.get("href") if isinstance(following, dict) else None
    return href if isinstance(href, str) and href else None


async def paginate(
    pipeline: Pipeline, first: Response, parse: Callable[[Response], list[T]]
) -> AsyncIterator[T]:
    """Yield every item of the first page, then of each ``next`` page until there is none."""
    response: Response | None = first
    seen: set[str] = {first.url}
    while response is not None:
        for item in parse(response):
            yield item
        link = next_link(response.headers.getall("Link", ())) or body_next_link(response)
        if link is None:
            return
        if link in seen:
            # A server that hands out the same cursor twice would otherwise loop forever.
            raise MalformedResponseError(
                "the next link repeats an earlier page", status=response.status_code, method="GET", url=link
            )
        seen.add(link)
        response = await pipeline.send(ApiRequest(response.operation, link))

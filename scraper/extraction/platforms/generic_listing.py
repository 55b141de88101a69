"""The generic extractor's listing pages: the section's own list of article links (not the
"tin nổi bật" boxes beside it) and the link to the next page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..blocks import element_text
from ..document import Document
from ..model import ListingPage
from .base import absolute_links
from .generic_layout import in_chrome, in_side_box

NAME = "generic"
ARTICLE_LINK = re.compile(
    r"(?:\d{3,}|[a-z0-9]+(?:-[a-z0-9]+){3,})(?:\.html?|\.aspx|/)?$", re.IGNORECASE
)
NEXT_LABEL = re.compile(r"^(?:tiếp|sau|trang sau|trang tiếp|next|›|»|>|>>)$", re.IGNORECASE)
PAGE_PARAM = re.compile(
    r"(?:[?&](?:page|p|trang|pageindex|cur|_cur)=|/page/|/trang-)(\d+)", re.IGNORECASE
)


def is_article_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(ARTICLE_LINK.search(path)) and path.count("/") >= 1


def _next_page(doc: Document) -> str | None:
    for url in absolute_links(doc, doc.tree.xpath("//a[@rel='next'] | //link[@rel='next']")):
        return url
    current_match = PAGE_PARAM.search(doc.url)
    current = int(current_match.group(1)) if current_match else 1
    links = absolute_links(doc, doc.tree.iter("a"))
    for url in links:
        match = PAGE_PARAM.search(url)
        if match and int(match.group(1)) == current + 1:
            return url
    for anchor in doc.tree.iter("a"):
        if NEXT_LABEL.match(element_text(anchor)):
            found = absolute_links(doc, [anchor])
            if found:
                return found[0]
    return None


def _signature(anchor: HtmlElement) -> tuple[str, ...]:
    """The anchor's markup path (tag and first class of each ancestor): items of one list
    share it, while a sidebar box's items have their own."""
    path = []
    for node in (anchor, *anchor.iterancestors()):
        if node.tag in ("body", "html"):
            break
        classes = (node.get("class") or "").split()
        path.append(f"{node.tag}.{classes[0]}" if classes else str(node.tag))
    return tuple(path)


def _lowest_common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    common = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        ancestors = {element, *element.iterancestors()}
        common = [node for node in common if node in ancestors]
    return common[0]


def _main_list(candidates: list[tuple[HtmlElement, str]]) -> list[str]:
    """The links of the section's own list, not of "tin nổi bật" boxes or menus.

    Anchors are grouped by markup path; the group with the most distinct articles wins (side
    boxes count for less). Everything inside that group's common container is kept, so a
    featured first item with its own markup is not lost.
    """
    groups: dict[tuple[str, ...], list[tuple[HtmlElement, str]]] = {}
    for anchor, url in candidates:
        groups.setdefault(_signature(anchor), []).append((anchor, url))

    def weight(group: list[tuple[HtmlElement, str]]) -> float:
        distinct = len({url for _, url in group})
        return distinct * (0.3 if in_side_box(group[0][0]) else 1.0)

    best = max(groups.values(), key=weight)
    container = _lowest_common_ancestor([anchor for anchor, _ in best])
    if len(best) == 1:
        return [best[0][1]]
    inside = {id(node) for node in container.iter()}
    return [url for anchor, url in candidates if id(anchor) in inside]


def parse_listing(doc: Document) -> ListingPage:
    host = urlsplit(doc.url).hostname
    candidates: list[tuple[HtmlElement, str]] = []
    for anchor in doc.tree.iter("a"):
        if len(element_text(anchor)) < 20 or in_chrome(anchor):
            continue
        for url in absolute_links(doc, [anchor]):
            if urlsplit(url).hostname == host and is_article_url(url) and url != doc.url:
                candidates.append((anchor, url))
    urls = list(dict.fromkeys(_main_list(candidates))) if candidates else []
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=_next_page(doc))

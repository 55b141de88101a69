"""Liferay 7 / DXP listing pages: the article links of the section's own list, and the link to
its next page.

Evidence: PORTALS.md §2b gives the article URL forms (see liferay7_common) but no listing HTML.
The rest follows what Liferay 7 itself emits, reconstructed pending a live sample: every
portlet in a `portlet-boundary` wrapper, Clay / `taglib-page-iterator` pagination with an
`active` (or `aria-current`) page item and a page-size dropdown, page numbers in `cur`-style
query parameters (`_…_cur=2`); theme pagers named `paging`, `pager` or `phan-trang` are read
the same way. tests/sites/liferay7*/listing_*_constructed.html are built on these rules.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..blocks import element_text
from ..document import Document
from ..model import ListingPage
from ..urls import resolve_url
from .base import absolute_links, query_int
from .class_rules import ClassRule
from .generic_listing import says_nothing_listed
from .liferay7_common import (
    NAME,
    has_class,
    in_chrome,
    inside,
    is_article_url,
    portlet_of,
)

PAGINATION_CLASS = ClassRule(
    r"pagination|pagination-bar|taglib-page-iterator|lfr-pagination|paging|pager|phan-?trang",
    ("pag", "phan"),
)
PAGE_SIZE_CLASS = ClassRule(
    r"dropdown(?:-menu)?|pagination-items-per-page", ("dropdown", "pagination-items-per-page")
)
ACTIVE_CLASS = ClassRule(r"active|current|selected", ("active", "current", "selected"))
PAGE_KEY = re.compile(r"(?:^|_)(?:cur|page|p|trang|pageindex|pagenumber|start)$", re.IGNORECASE)
NEXT_LABEL = re.compile(
    r"^(?:(?:next|tiếp|sau|trang sau|trang tiếp|tiếp theo)\s*[›»>]*|[›»>]{1,2})$", re.IGNORECASE
)


def _outermost(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """Pagination blocks not nested in another one (a bar inside its `pagination` wrapper)."""
    return [el for el in blocks if not any(inside(el, o) for o in blocks if o is not el)]


def _up_to(element: HtmlElement, container: HtmlElement) -> list[HtmlElement]:
    """The ancestors of `element` up to and including `container` (its ancestor or itself)."""
    found: list[HtmlElement] = []
    if element is container:
        return found
    for node in element.iterancestors():
        found.append(node)
        if node is container:
            break
    return found


def _page_anchors(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """Page links, without the page-size menu (its "5", "10", "20" are not page numbers)."""
    return [
        a
        for block in blocks
        for a in block.iter("a")
        if not any(has_class(n, PAGE_SIZE_CLASS) for n in _up_to(a, block))
    ]


def _current_page(doc: Document, blocks: list[HtmlElement]) -> int:
    for block in blocks:
        for el in block.iter():
            marked = isinstance(el.tag, str) and (
                has_class(el, ACTIVE_CLASS) or el.get("aria-current")
            )
            if marked and (text := element_text(el)).isdecimal():
                return int(text)
    return query_int(doc.url, PAGE_KEY) or 1


def _next_page(doc: Document, blocks: list[HtmlElement]) -> str | None:
    anchors = _page_anchors(blocks)
    wanted = _current_page(doc, blocks) + 1
    for anchor in anchors:
        for url in absolute_links(doc, [anchor]):
            if element_text(anchor) == str(wanted) or query_int(url, PAGE_KEY) == wanted:
                return url
    for anchor in anchors:
        label = element_text(anchor) or anchor.get("aria-label") or anchor.get("title") or ""
        if NEXT_LABEL.match(label.strip()) or NEXT_LABEL.match(anchor.get("title") or ""):
            links = absolute_links(doc, [anchor])
            if links:
                return links[0]
    return None


def parse_listing(doc: Document) -> ListingPage:
    anchors = [
        a
        for a in doc.tree.iter("a")
        if (url := resolve_url(doc.link_base, a.get("href") or "")) is not None
        and is_article_url(url)
        and not in_chrome(a)
    ]
    groups: dict[int, tuple[HtmlElement | None, list[HtmlElement]]] = {}
    for anchor in anchors:
        portlet = portlet_of(anchor)
        groups.setdefault(id(portlet), (portlet, []))[1].append(anchor)
    # Found once per page, in page order; the scoped choices below are subsets of it.
    # One walk reading each class (PAGINATION_CLASS looks for its words first): an XPath
    # `contains(@class, …)` filter costs libxml2 several times more, a string per test.
    pagination = [el for el in doc.tree.iter(etree.Element) if has_class(el, PAGINATION_CLASS)]
    pages = _outermost(pagination)
    # The section's own list is the portlet with the pagination, else the longest list.
    paged = portlet_of(pages[0]) if pages else None
    if paged is not None and id(paged) in groups:
        scope, main = groups[id(paged)]
    elif paged is not None and says_nothing_listed(doc):
        # The paged list is empty ("Không có dữ liệu" past its end): the longest list left
        # is a side box's ("Tin mới"), not this section's.
        scope, main = paged, []
    else:
        scope, main = max(groups.values(), key=lambda g: len(g[1]), default=(None, []))
    urls = [u for u in absolute_links(doc, main) if is_article_url(u) and u != doc.url]
    # The list's own pager, else any on the page (themes may print it outside the portlet).
    scoped = _outermost([el for el in pagination if inside(el, scope)]) if scope is not None else []
    next_url = _next_page(doc, scoped or pages)
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=next_url)

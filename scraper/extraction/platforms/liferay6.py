"""Liferay 6.x "Cổng TTĐT" with the asset publisher (portlet 101): Hanoi's district, ward and
department portals before July 2025, HCMC departments. Evidence: PORTALS.md §2a."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text
from ..css import select
from ..document import Document
from ..model import Article, Image, ListingPage, NotAnArticle
from ..urls import resolve_url
from .base import Platform, absolute_links, query_int, title_segments
from .generic_fields import dateline_texts
from .generic_listing import longer_titled_list
from .pager import NEXT_LABEL

NAME = "liferay6"

# Selectors are data: one place to adjust when a portal's theme differs.
TITLE = ".asset-full-content-title, .header-title"
# (The stock 6.2 full-content view prints the date in its metadata row only.)
DATELINE = ".assetPublishDate, .asset-publish-date, .metadata-publish-date"
CONTENT = ".asset-content"
CONTENT_FALLBACK = ".journal-content-article"
SAPO_WRAPPER = ".sapo-wrapper"
SAPO = "p.sapo, .sapo"
LISTING_ENTRY = ".asset-abstract"
LISTING_TITLE_LINK = ".asset-title a, h3 a"
PAGINATION = ".taglib-page-iterator, .lfr-pagination"
BREADCRUMB = ".breadcrumb li"

# The three article URL forms, plus instance-scoped parameters (sotuphap.hochiminhcity).
ARTICLE_URL = re.compile(
    r"/-/view_content/\d+"
    r"|/-/asset_publisher/[^/?#]+/content/"
    r"|[?&]_101(?:_INSTANCE_[A-Za-z0-9]+)?_(?:assetEntryId|urlTitle)="
    r"|struts_action=(?:%2F|/)asset_publisher(?:%2F|/)view_content",
    re.IGNORECASE,
)
PRINT_VIEW = re.compile(r"viewMode=print|/pop_up/", re.IGNORECASE)
CUR_PARAM = re.compile(r"(?:^|_)cur$")

_LIFERAY_JS = ("var Liferay", "Liferay.Portlet", "themeDisplay", "Liferay.Util")
_ASSET_PUBLISHER = (
    "p_p_id_101_",
    "portlet-asset-publisher",
    "asset-full-content-title",
    "_101_cur",
    "/-/view_content/",
    "/-/asset_publisher/",
)


def fingerprint(doc: Document) -> list[str]:
    # Each page search costs ~5 µs: one for the word all but one of the markers share first.
    if not doc.mentions("Liferay") and not doc.mentions("themeDisplay"):
        return []
    reasons = [f"markup contains {m!r}" for m in _LIFERAY_JS if doc.mentions(m)]
    if not reasons:
        return []
    if doc.mentions("com_liferay_") or doc.mentions("/o/frontend-js"):
        return []  # Liferay 7/DXP names its portlets com_liferay_…: a different template.
    publisher = [f"asset publisher 6.x marker {m!r}" for m in _ASSET_PUBLISHER if doc.mentions(m)]
    if not publisher and not is_article_url(doc.url):
        return []
    root_class = doc.tree.get("class") or ""
    if "aui" in root_class.split():
        reasons.append('<html class="aui …">')
    return reasons + publisher


def is_article_url(url: str) -> bool:
    return bool(ARTICLE_URL.search(url)) and not PRINT_VIEW.search(url)


def _portlet_of(element: HtmlElement) -> HtmlElement | None:
    for ancestor in element.iterancestors():
        if "portlet-boundary" in (ancestor.get("class") or ""):
            return ancestor
    return None


def _in_listing_entry(element: HtmlElement) -> bool:
    return any(
        "asset-abstract" in (ancestor.get("class") or "").split()
        for ancestor in element.iterancestors()
    )


def _dateline_texts(title_el: HtmlElement | None, doc: Document) -> list[str]:
    scopes: list[HtmlElement] = []
    if title_el is not None:
        parent = title_el.getparent()
        portlet = _portlet_of(title_el)
        scopes = [s for s in (parent, portlet) if s is not None]
    scopes.append(doc.tree)
    for scope in scopes:
        # Never an item's of the "Các tin khác" entries that the publisher lists under the
        # article: each of those carries its own publish date.
        found = [el for el in select(scope, DATELINE) if not _in_listing_entry(el)]
        if found:
            return [element_text(found[0])]
    # A theme's own date element ("news-date", "time-post"): the dateline the generic reader
    # finds around the title.
    shown, machine = dateline_texts(doc, title_el)
    return shown[:1] or machine[:1]


def _category(doc: Document, title: str) -> str | None:
    segments = title_segments(doc)
    if len(segments) >= 3:
        return segments[-2]
    crumbs = [element_text(li) for li in select(doc.tree, BREADCRUMB)]
    crumbs = [c for c in crumbs if c and c != title]
    return crumbs[-1] if crumbs else None


def parse_article(doc: Document) -> Article:
    title_el = doc.css_first(TITLE)
    scope = _portlet_of(title_el) if title_el is not None else None
    scope = scope if scope is not None else doc.tree
    contents = select(scope, CONTENT) or select(scope, CONTENT_FALLBACK)
    if title_el is None or not contents:
        raise NotAnArticle("not_an_article", "no Liferay asset-publisher article on the page")
    title = element_text(title_el)
    content = contents[0]

    skip: set[HtmlElement] = set()
    summary = None
    lead_images: list[Image] = []
    for wrapper in select(content, SAPO_WRAPPER):
        skip.add(wrapper)
        sapo = select(wrapper, SAPO)
        summary = element_text(sapo[0]) if sapo else None
        for img in wrapper.iter("img"):
            src = img.get("src")
            url = resolve_url(doc.link_base, src) if src else None
            if url is not None:
                lead_images.append(Image(url=url, caption=None))
    parts = Parts(
        title=title,
        dateline_texts=_dateline_texts(title_el, doc),
        content_roots=[content],
        skip=skip,
        summary=summary,
        category=_category(doc, title),
        loose_byline=False,
        extra_images=lead_images,
    )
    return assemble(doc, NAME, parts)


def _main_listing(doc: Document) -> list[HtmlElement]:
    """The listing entries of the section's own asset publisher, not of sidebar boxes.

    Several asset publishers can sit on one page ("Tin nổi bật" boxes); the section's own
    is the one with the pagination and the most entries.
    """
    groups: dict[int, tuple[HtmlElement | None, list[HtmlElement]]] = {}
    for entry in select(doc.tree, LISTING_ENTRY):
        portlet = _portlet_of(entry)
        key = id(portlet)
        groups.setdefault(key, (portlet, []))[1].append(entry)
    if not groups:
        return []

    paged = _paged_instance(doc.url)

    def rank(group: tuple[HtmlElement | None, list[HtmlElement]]) -> tuple[bool, bool, int]:
        portlet, entries = group
        # The publisher the page's address pages through is the section's own, however few
        # entries its last page holds beside another publisher's ten ("Thông báo").
        named = portlet is not None and paged is not None and paged in (portlet.get("id") or "")
        paginated = portlet is not None and bool(select(portlet, PAGINATION))
        return named, paginated, len(entries)

    return max(groups.values(), key=rank)[1]


# The asset publisher instance whose page an address asks for: "_101_INSTANCE_kT3m_cur=3",
# "p_p_id=101_INSTANCE_kT3m".
_INSTANCE_IN_URL = re.compile(r"101_INSTANCE_([A-Za-z0-9]+)")
# The instance an article link was shown by: "/-/asset_publisher/<instance>/content/<slug>".
_LINK_INSTANCE = re.compile(r"/-/asset_publisher/([^/?#]+)/content/")


def _paged_instance(url: str) -> str | None:
    query = urlsplit(url).query
    found = _INSTANCE_IN_URL.search(query)
    return f"101_INSTANCE_{found.group(1)}" if found else None


def _one_publishers_links(doc: Document, urls: list[str]) -> list[str]:
    """The links of one asset publisher, when the page's article links name theirs: Liferay
    links an article under each publisher that shows it ("/-/asset_publisher/<instance>/
    content/<slug>"), and "Tin nổi bật" would add its own address of the same article. The
    section's publisher is the one the address pages through, else the one with most links."""
    by_instance: dict[str, list[str]] = {}
    for url in urls:
        found = _LINK_INSTANCE.search(url)
        by_instance.setdefault(found.group(1) if found else "", []).append(url)
    if len(by_instance) < 2 or "" in by_instance:
        return urls
    paged = _paged_instance(doc.url)
    named = [i for i in by_instance if paged is not None and paged.endswith(f"_{i}")]
    chosen = named[0] if named else max(by_instance, key=lambda i: len(by_instance[i]))
    return by_instance[chosen]


def _next_page(doc: Document, portlet: HtmlElement | None) -> str | None:
    """The next page of the section's own publisher (`portlet`, when known): another paged
    publisher on the page ("Thông báo" beside the news) has its own."""
    current = query_int(doc.url, CUR_PARAM) or 1
    for scope in (portlet, doc.tree) if portlet is not None else (doc.tree,):
        for url in absolute_links(doc, scope.iter("a")):
            if query_int(url, CUR_PARAM) == current + 1:
                return url
    for block in select(portlet if portlet is not None else doc.tree, PAGINATION):
        for anchor in block.iter("a"):
            if NEXT_LABEL.match(element_text(anchor)):
                links = absolute_links(doc, [anchor])
                if links:
                    return links[0]
    return None


def parse_listing(doc: Document) -> ListingPage:
    entries = _main_listing(doc)
    portlet = _portlet_of(entries[0]) if entries else None
    anchors: list[HtmlElement] = []
    for entry in entries:
        anchors.extend(select(entry, LISTING_TITLE_LINK) or entry.iter("a"))
    unmarked = not anchors
    if unmarked:
        # Themes without asset-abstract markup: any article link of the asset publisher.
        anchors = [a for a in doc.tree.iter("a") if is_article_url(a.get("href") or "")]
    urls = [u for u in absolute_links(doc, anchors) if is_article_url(u)]
    if unmarked:
        urls = _one_publishers_links(doc, urls)
    if entries and not (portlet is not None and select(portlet, PAGINATION)):
        # A few entries of an unpaged publisher ("Tin nổi bật") beside a vendor's news list
        # (portal-newspublisher-portlet) with no asset-abstract markup: that list is the
        # section's when it is longer.
        listed = longer_titled_list(doc, urls, is_article_url)
        if listed is not None:
            urls, portlet = listed, None
    return ListingPage(
        url=doc.url, platform=NAME, article_urls=urls, next_url=_next_page(doc, portlet)
    )


PLATFORM = Platform(
    name=NAME,
    description="Liferay 6.x portal with the asset publisher (portlet 101)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

"""What a platform adapter is: a fingerprint, URL knowledge and two pure parse functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urldefrag, urlsplit

from lxml.html import HtmlElement

from ..blocks import element_text
from ..css import select
from ..document import Document
from ..model import Article, ListingPage
from ..urls import resolve_url, scripted_address


@dataclass(frozen=True)
class Platform:
    name: str
    description: str
    # Reasons the page looks like this platform (markup or URL evidence); empty = not it.
    fingerprint: Callable[[Document], list[str]]
    parse_article: Callable[[Document], Article]
    parse_listing: Callable[[Document], ListingPage]
    is_article_url: Callable[[str], bool]


def absolute_links(doc: Document, anchors: Iterable[HtmlElement]) -> list[str]:
    """Resolved, de-fragmented, de-duplicated hrefs in page order; scripts and mailto dropped."""
    seen: set[str] = set()
    urls: list[str] = []
    for anchor in anchors:
        href = (anchor.get("href") or "").strip()
        if (not href or href.startswith(("javascript:", "#"))) and anchor.get("onclick"):
            href = scripted_address(anchor.get("onclick") or "") or href
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        resolved = resolve_url(doc.link_base, href)
        if resolved is None:
            continue
        url = urldefrag(resolved)[0]
        if url not in seen and urlsplit(url).scheme in ("http", "https"):
            seen.add(url)
            urls.append(url)
    return urls


# A link that goes where its script says: SharePoint's list pager
# (onclick='javascript:RefreshPageTo(event, "/tintuc/default.aspx?Paged=TRUE&…")', href
# "javascript:"), or "location.href='…'" on an anchor of a script-driven list.
def query_int(url: str, key_pattern: re.Pattern[str]) -> int | None:
    """The integer value of the first query parameter whose name matches `key_pattern`."""
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key_pattern.search(key) and value.isdecimal():
            return int(value)
    return None


def title_segments(doc: Document) -> list[str]:
    """<title> cut at " - " / " | ": portals write "Article - Category - Portal"."""
    segments = doc.memo.facts.get("title_segments")
    if segments is None:  # asked several times a page; findtext(".//title") is Python code
        element = next(doc.tree.iterdescendants("title"), None)
        title = (element.text or "") if element is not None else ""
        segments = [s.strip() for s in TITLE_SEPARATOR.split(title) if s.strip()]
        doc.memo.facts["title_segments"] = segments
    return list(segments)


# Not between two numbers: "Đại hội nhiệm kỳ 2020 - 2025 - Cổng TTĐT" keeps its term whole.
# (Old templates also write "Site :: Article", "Site » Article", "Site > Article".)
TITLE_SEPARATOR = re.compile(r"(?<!\d)\s+(?:[-|–»>]|::)\s+|\s+(?:[-|–»>]|::)\s+(?!\d)")


# The home page's crumb ("Trang chủ") and a site's bare root ("Pages"): never a category.
HOME_CRUMB = re.compile(r"^(?:trang chủ|home|pages|trang)$", re.IGNORECASE)


def last_crumb(doc: Document, selector: str, title: str | None) -> str | None:
    """The last breadcrumb step (`selector`: its links or items) that is neither the home page
    nor the article itself (whole, or cut short with "…"): the article's category."""
    crumbs = [element_text(step) for step in select(doc.tree, selector)]
    crumbs = [c for c in crumbs if c and not HOME_CRUMB.match(c) and not _names_article(c, title)]
    return crumbs[-1] if crumbs else None


def _names_article(crumb: str, title: str | None) -> bool:
    if title is None:
        return False
    if crumb.endswith(("…", "...")):
        return title.startswith(crumb.rstrip(".… "))
    return crumb == title

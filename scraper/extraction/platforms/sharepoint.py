"""Microsoft SharePoint portals: HCMC district sites before 2025 and provincial "Cổng TTĐT".
Evidence: PORTALS.md §2d, real-text 12 (Quảng Ngãi) and 13 (Ninh Thuận).

This module recognises the platform (fingerprint, article URL forms), sends each article page
to its template's parser and reads listings. Four URL forms are articles:

* blog posts of a district sub-site, `/tintuc/Lists/Posts/Post.aspx?ItemID=12802&Mode=1…`
  (any case; `ItemID` or `ID`) — parsed by sharepoint_blog;
* publishing pages in a dated folder, `/portal/Pages/2024-5-17/<SLUG>-<random>.aspx`, and
  Quảng Ngãi's rewrite, `/vi/<subsite>/Pages/qnp-<slug>-qnpnd-<newsId>-qnpnc-<catId>-
  qnpsite-<siteId>.html` — parsed by sharepoint_pages;
* items of a custom news list in their display form, `/Lists/TinTuc/DispForm.aspx?ID=214` —
  parsed by sharepoint_list_item.

PORTALS.md gives URLs and page text, no HTML: the markers below are SharePoint's stock page
scaffolding, and the listing markup of tests/sites/sharepoint* is constructed pending a live
sample. Listings are web parts; the section's own one is the web part holding the pager
(`?Page=2`, `?pageindex=2`, or list paging `?Paged=TRUE&p_ID=…&PageFirstRow=11`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from lxml.html import HtmlElement

from ..blocks import element_text
from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from ..urls import resolve_url
from .base import Platform, absolute_links, query_int
from .generic_listing import longer_titled_list
from .markup import is_generator_name
from .sharepoint_blog import find_posts, parse_blog_post
from .sharepoint_common import NAME, web_part
from .sharepoint_list_item import form_fields, parse_list_item
from .sharepoint_pages import parse_publishing_page

__all__ = ["NAME", "PLATFORM", "fingerprint", "is_article_url", "parse_article", "parse_listing"]

# --- fingerprint: any strong marker, or two weak ones (a link to some /_layouts/ is not enough).
STRONG_MARKERS = ("_spPageContextInfo", "__REQUESTDIGEST", "MSOWebPartPage")
WEAK_MARKERS = (
    "/_layouts/",
    "ms-rtestate-field",
    "s4-workspace",
    "WebPartZone",
    "ms-webpart-zone",
    "WebPartWPQ",
    "ms-WPBody",
)
MIN_WEAK_MARKERS = 2
# Two weak markers always include one holding "WebPart" or these.
WEAK_GATES = ("ms-", "/_layouts/")

# --- URL forms (matched on the path; the blog post also needs its item id) ------------------
BLOG_POST_PATH = re.compile(r"/lists/posts/post\.aspx$", re.IGNORECASE)
ITEM_ID = re.compile(r"^(?:item)?id$", re.IGNORECASE)
DATED_PAGE_PATH = re.compile(r"/pages/\d{4}-\d{1,2}-\d{1,2}/[^/]+\.aspx$", re.IGNORECASE)
QNP_PAGE_PATH = re.compile(r"/pages/qnp-[^/]*-qnpnd-\d+[^/]*\.html?$", re.IGNORECASE)
LIST_ITEM_PATH = re.compile(r"/lists/[^/]+/dispform\.aspx$", re.IGNORECASE)
# System pages, list views and site home pages are never articles, whatever they show.
NOT_ARTICLE_PATH = re.compile(
    r"/_layouts/|/_vti_bin/|/forms/[^/]+\.aspx$|/(?:allposts|category|date|default)\.aspx$",
    re.IGNORECASE,
)

# --- listings -----------------------------------------------------------------------------
CHROME = re.compile(
    r"(?:^|[\s_-])(?:sidebar|side|menu|nav|navbar|header|footer|banner|hot-?news|top-?news|"
    r"tin-?noi-?bat|widget)(?:$|[\s_-])",
    re.IGNORECASE,
)
PAGE_PARAM = re.compile(
    r"^(?:page|pageindex|pagenum|pageno|currentpage|pg|p|trang)$", re.IGNORECASE
)
FIRST_ROW = re.compile(r"^PageFirstRow$", re.IGNORECASE)
NEXT_LABEL = re.compile(r"^(?:tiếp|sau|trang sau|bài cũ hơn|next|›|»|>|>>)\W*$", re.IGNORECASE)


def _generator(doc: Document) -> str:
    # Any case of "generator" (SharePoint writes GENERATOR). lxml finds the metas in C and
    # only their names are read: cheaper than looking for "sharepoint" in the page first.
    metas = (m for m in doc.tree.iter("meta") if is_generator_name(m.get("name")))
    return " ".join(content for m in metas if (content := m.get("content")) is not None)


def _url_form(url: str) -> str | None:
    path = urlsplit(url).path
    if BLOG_POST_PATH.search(path) and query_int(url, ITEM_ID) is not None:
        return "blog post (Lists/Posts/Post.aspx?ItemID=…)"
    if DATED_PAGE_PATH.search(path):
        return "publishing page in a dated folder (/Pages/y-m-d/….aspx)"
    if QNP_PAGE_PATH.search(path):
        return "Quảng Ngãi rewritten page (/Pages/qnp-…-qnpnd-<id>-….html)"
    if LIST_ITEM_PATH.search(path) and query_int(url, ITEM_ID) is not None:
        return "list item (/Lists/<list>/DispForm.aspx?ID=…)"
    return None


def fingerprint(doc: Document) -> list[str]:
    # Each look through the page costs ~5 µs: "MSOWebPartPage" needs "WebPart" (a gate).
    webpart = doc.mentions("WebPart")
    weak_possible = webpart or any(doc.mentions(m) for m in WEAK_GATES)
    reasons = [
        f"markup contains {m!r}"
        for m in STRONG_MARKERS
        if (webpart or "WebPart" not in m) and doc.mentions(m)
    ]
    if "sharepoint" in _generator(doc).lower():
        reasons.insert(0, '<meta name="GENERATOR" content="Microsoft SharePoint">')
    if not reasons and not weak_possible:
        return []  # at most "s4-workspace": fewer than MIN_WEAK_MARKERS
    weak = [f"markup contains {m!r}" for m in WEAK_MARKERS if doc.mentions(m)]
    if not reasons and len(weak) < MIN_WEAK_MARKERS:
        return []
    form = _url_form(doc.url)
    return reasons + weak + ([f"URL is a SharePoint {form}"] if form else [])


def is_article_url(url: str) -> bool:
    return _url_form(url) is not None


def parse_article(doc: Document) -> Article:
    if NOT_ARTICLE_PATH.search(urlsplit(doc.url).path):
        raise NotAnArticle(
            "not_an_article", "a SharePoint system page, list view or home page", certain=True
        )
    if fields := form_fields(doc):
        return parse_list_item(doc, fields)
    posts = find_posts(doc)
    if len(posts) > 1:
        raise NotAnArticle(
            "not_an_article", f"a blog page listing {len(posts)} posts", certain=True
        )
    return parse_blog_post(doc, posts[0]) if posts else parse_publishing_page(doc)


# --- listings -----------------------------------------------------------------------------


def _in_chrome(element: HtmlElement) -> bool:
    return any(
        a.tag in ("header", "footer", "nav", "aside")
        or CHROME.search(f"{a.get('class')} {a.get('id')}")
        for a in (element, *element.iterancestors())
    )


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}


def _paging_links(doc: Document, scope: HtmlElement) -> list[str]:
    """Links of the pager: the same page with a page number or SharePoint list paging."""
    path = urlsplit(doc.url).path.lower()
    links = [u for u in absolute_links(doc, scope.iter("a")) if urlsplit(u).path.lower() == path]
    return [u for u in links if query_int(u, PAGE_PARAM) is not None or "paged" in _query(u)]


def _next_page(doc: Document, scope: HtmlElement) -> str | None:
    links = _paging_links(doc, scope)
    page = query_int(doc.url, PAGE_PARAM) or 1
    for url in links:
        if query_int(url, PAGE_PARAM) == page + 1:
            return url
    row = query_int(doc.url, FIRST_ROW) or 1
    forward = [
        (query_int(u, FIRST_ROW) or 0, u)
        for u in links
        if _query(u).get("paged", "").upper() == "TRUE" and "pagedprev" not in _query(u)
    ]
    forward = [(r, u) for r, u in forward if r > row]
    if forward:
        return min(forward)[1]
    for anchor in scope.iter("a"):
        if NEXT_LABEL.match(element_text(anchor)):
            return next(iter(absolute_links(doc, [anchor])), None)
    return None


def parse_listing(doc: Document) -> ListingPage:
    groups: dict[int, tuple[HtmlElement, list[HtmlElement]]] = {}
    for anchor in doc.tree.iter("a"):
        url = resolve_url(doc.link_base, anchor.get("href") or "")
        if url is None or not is_article_url(url):
            continue
        part = web_part(anchor)
        if part is None and _in_chrome(anchor):
            continue
        scope = part if part is not None else doc.tree
        groups.setdefault(id(scope), (scope, []))[1].append(anchor)
    if not groups:
        return ListingPage(url=doc.url, platform=NAME, next_url=_next_page(doc, doc.tree))
    # The section's own web part carries the pager; side boxes ("Tin nổi bật") do not.
    scope, anchors = max(groups.values(), key=lambda g: (bool(_paging_links(doc, g[0])), len(g[1])))
    urls = [u for u in absolute_links(doc, anchors) if is_article_url(u)]
    if not _paging_links(doc, scope):
        # Items this adapter cannot name ("/Pages/<slug>.aspx", publishing's default, with
        # no dated folder) beside a box of dated ones: the page's list of titles is the
        # section's when it is longer.
        listed = longer_titled_list(doc, urls)
        if listed is not None:
            return ListingPage(
                url=doc.url, platform=NAME, article_urls=listed, next_url=_next_page(doc, doc.tree)
            )
    return ListingPage(
        url=doc.url, platform=NAME, article_urls=urls, next_url=_next_page(doc, scope)
    )


PLATFORM = Platform(
    name=NAME,
    description="Microsoft SharePoint portal (HCMC districts before 2025, provincial Cổng TTĐT)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

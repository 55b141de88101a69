"""Hải Phòng ward and commune portals opened after the July 2025 reform (<ward>.haiphong.gov.vn).

Evidence (PORTALS.md §1 and §2e; fixtures/real-text/10): new ward hosts such as
tanhung.haiphong.gov.vn; article URLs `/<cat-slug>-<catId>/<slug>-<articleId>` with no extension
(both segments end in a numeric id, e.g. `/trang-chu-66859/<slug>-777469`); section listings
`/<cat-slug>-<catId>`; the stored text repeats the sapo as the body's first paragraph.

The page markup was NOT observed. The family is one vendor's multi-site system (every ward host
shares one theme), and the theme markers below — the `PortalConfig = {siteId: …}` script object,
the shared `/themes/phuongxa-2025/` asset path, `<body data-site-id>`, the `news-detail__*` and
`news-item__*` classes, `?page=N` pagination — are CONSTRUCTED pending a live sample. So the
URL shape on a *.haiphong.gov.vn host is the strongest evidence and suffices on its own; the
markers (two of them at least) let the adapter recognise pages served elsewhere (a mirror, a
loopback test server). The old city portal (www.haiphong.gov.vn/Portal/Detail.aspx?…,
PrintItem.aspx?ContentID=…, ASP.NET) never has that shape and never matches.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text, is_noise
from ..css import select, select_first
from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from ..text import same_words
from ..urls import resolve_url, site_of
from .base import Platform, absolute_links, last_crumb, query_int
from .pager import NEXT_LABEL

NAME = "haiphong2025"

# --- URL knowledge (PORTALS.md §2e) ---------------------------------------------------------
HOST = re.compile(r"(?:^|\.)haiphong\.gov\.vn$", re.IGNORECASE)
_SLUG_ID = r"(?:[a-z0-9]+-)+\d+"  # "trang-chu-66859", "<slug>-777469"
ARTICLE_PATH = re.compile(rf"^/{_SLUG_ID}/{_SLUG_ID}/?$", re.IGNORECASE)
LISTING_PATH = re.compile(rf"^/{_SLUG_ID}/?$", re.IGNORECASE)
PRINT_VIEW = re.compile(r"(?:^|&)(?:print|view)=(?:1|true|print)(?:&|$)", re.IGNORECASE)

# --- Theme markers (constructed, see the module docstring) ----------------------------------
CONFIG_OBJECT = re.compile(r"\bPortalConfig\s*=\s*\{[^{}]*?\bsiteId\s*:", re.DOTALL)
THEME_ASSETS = "/themes/phuongxa-2025/"
MIN_MARKERS = 2
# Pages of platforms detected after this one that could sit on a haiphong.gov.vn host:
# the URL shape alone must not claim them (ASP.NET city portal, WordPress department sites:
# WordPress' files served from the page's own site; a newspaper's "/wp-content/" picture
# hotlinked into a ward's article is no sign of WordPress).
ASP_NET_MARKER = "__VIEWSTATE"
WORDPRESS_FILES = re.compile(r"""(?:href|src)\s*=\s*["']([^"']*/wp-(?:content|includes)/)""")

# --- Article page ---------------------------------------------------------------------------
ARTICLE_ROOT = "article.news-detail, .news-detail"
TITLE = ".news-detail__title, h1"
DATELINE = ".news-detail__date, .news-detail__meta time"
META_BOX = ".news-detail__meta"
META_PUBLISHED = "article:published_time"  # <meta property>
SAPO = ".news-detail__sapo"
CONTENT = ".news-detail__content"
AUTHOR = ".news-detail__author"
# Widgets the CMS injects into the editor's text ("Tin liên quan" boxes): never article text.
INLINE_WIDGETS = ".box-related-inline, [data-widget=related], [data-widget=share]"
BREADCRUMB = ".breadcrumb li, .breadcrumb-item"
PARAGRAPH_TAGS = ("p", "div", "h2", "h3", "h4", "blockquote", "li")

# --- Listing page ---------------------------------------------------------------------------
LISTING = "[data-role=category-news], .category-news .list-news"
LISTING_TITLE_LINK = ".news-item__title a"
PAGINATION = ".pagination, .pager, .paging, [class*=pagination]"
# Boxes beside the section's own list: "Tin nổi bật", "Tin mới", "Xem nhiều", menus.
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
CHROME_CLASS = re.compile(
    r"(?:^|\s)(?:header|footer|site-header|site-footer|top-bar|menu|main-menu|navbar)(?:$|\s)",
    re.IGNORECASE,
)
# (The right column itself too: "col-right", "right-column", Vietnamese "cot-phai".)
SIDE_BOX = re.compile(
    r"sidebar|widget|box-hot|highlight|noi-?bat|tieu-?diem|tin-?moi|most-?view|xem-?nhieu|related|"
    r"col-?right|right-?col(?:umn)?|cot-?phai|doc-?nhieu",
    re.IGNORECASE,
)
# The theme pages with ?page=N; other common names are accepted as they come.
PAGE_PARAM = re.compile(r"^(?:page|p|trang|pageindex|pagenumber|pi|pg|cur)$", re.IGNORECASE)


def _theme_markers(doc: Document) -> list[str]:
    reasons = []
    # The search starts at the name: the regex begins with \b, which sre cannot skip ahead
    # to, so from the page's start it would try a match at every character.
    if doc.mentions("PortalConfig") and CONFIG_OBJECT.search(
        doc.html, doc.html.find("PortalConfig")
    ):
        reasons.append("script object PortalConfig = {siteId: …} of the 2025 ward portal theme")
    if doc.mentions(THEME_ASSETS):
        reasons.append(f"theme assets under {THEME_ASSETS!r}")
    # (An XPath "//body[…]" walks the whole tree; find("body") runs ElementPath's Python.)
    body = next(doc.tree.iterchildren("body"), None)
    if body is not None and body.get("data-site-id") is not None:
        reasons.append("<body data-site-id=…> of the multi-site portal")
    return reasons


def _url_shape(url: str) -> str | None:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not HOST.search(host):
        return None
    if ARTICLE_PATH.match(parts.path):
        return f"{host}: article URL /<category>-<id>/<slug>-<id> of the 2025 ward portals"
    if LISTING_PATH.match(parts.path):
        return f"{host}: section URL /<category>-<id> of the 2025 ward portals"
    return None


def fingerprint(doc: Document) -> list[str]:
    markers = _theme_markers(doc)
    shape = _url_shape(doc.url)
    if len(markers) >= MIN_MARKERS:
        return markers + ([shape] if shape else [])
    if shape and not doc.mentions(ASP_NET_MARKER) and not _serves_wordpress_files(doc):
        return [shape, *markers]
    return []


def _serves_wordpress_files(doc: Document) -> bool:
    if not doc.mentions("/wp-"):
        return False
    site = site_of(doc.url)
    return any(
        (url := resolve_url(doc.url, found)) is not None and site_of(url) == site
        for found in WORDPRESS_FILES.findall(doc.html)
    )


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    return bool(ARTICLE_PATH.match(parts.path)) and not PRINT_VIEW.search(parts.query)


# --- Article --------------------------------------------------------------------------------


def _repeated_sapo(
    content: HtmlElement, summary: str, skip: set[HtmlElement]
) -> HtmlElement | None:
    """The content's first paragraph when it is the sapo again (PORTALS.md §2e).

    Only a paragraph that is the sapo and nothing else: a first paragraph that starts with the
    sapo's words and goes on is article text, and is kept. Stops at the first paragraph.
    """
    if (content.text or "").strip():
        return None  # the text starts loose in the content element, not in a paragraph
    for element in content.iter(*PARAGRAPH_TAGS):
        if element is content or _skipped(element, content, skip):
            continue
        text = element_text(element)
        if (
            not text
            or next(element.iterdescendants("img"), None) is not None
            or any(child.tag in PARAGRAPH_TAGS for child in element)
        ):
            continue  # a spacer, a photo and its caption, a wrapper (its paragraphs come next)
        return element if same_words(text, summary) else None
    return None


def _skipped(element: HtmlElement, content: HtmlElement, skip: set[HtmlElement]) -> bool:
    for node in (element, *element.iterancestors()):
        if node is content:
            return False
        if node in skip or is_noise(node):
            return True
    return False


def _dateline_texts(doc: Document, root: HtmlElement) -> list[str]:
    texts = [element_text(el) for sel in (DATELINE, META_BOX) for el in select(root, sel)[:1]]
    # (Straight from the tree: doc.metas() copies every meta's attributes into a dict, and
    # nothing else on these pages asks for them.)
    texts.extend(
        content
        for meta in doc.tree.iter("meta")
        if meta.get("property") == META_PUBLISHED and (content := meta.get("content")) is not None
    )
    return [t for t in texts if t]


def _category(doc: Document, title: str) -> str | None:
    return last_crumb(doc, BREADCRUMB, title)


def parse_article(doc: Document) -> Article:
    root = select_first(doc.tree, ARTICLE_ROOT)
    scope = root if root is not None else doc.tree
    content = select_first(scope, CONTENT)
    title_el = select_first(scope, TITLE)
    if content is None or title_el is None:
        raise NotAnArticle("not_an_article", "no news-detail article on the page")
    title = element_text(title_el)

    skip = set(select(content, INLINE_WIDGETS))
    sapo_el = select_first(scope, SAPO)
    summary = element_text(sapo_el) if sapo_el is not None else None
    if summary:
        repeated = _repeated_sapo(content, summary, skip)
        if repeated is not None:
            skip.add(repeated)
    author_el = select_first(scope, AUTHOR)
    parts = Parts(
        title=title,
        dateline_texts=_dateline_texts(doc, scope),
        content_roots=[content],
        skip=skip,
        summary=summary or None,
        category=_category(doc, title),
        loose_byline=False,
        byline=element_text(author_el) if author_el is not None else None,
    )
    return assemble(doc, NAME, parts)


# --- Listing --------------------------------------------------------------------------------


def _in_chrome(element: HtmlElement) -> bool:
    for node in element.iterancestors():
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in CHROME_TAGS or CHROME_CLASS.search(attrs) or SIDE_BOX.search(attrs):
            return True
    return False


def _listing_anchors(doc: Document) -> list[HtmlElement]:
    """Links of the section's own list; without the theme's list markup, every article link
    that is not in the header, menus, footer or a side box."""
    lists = select(doc.tree, LISTING)
    if lists:
        main = max(lists, key=lambda el: len(select(el, LISTING_TITLE_LINK) or el.findall(".//a")))
        return select(main, LISTING_TITLE_LINK) or list(main.iter("a"))
    return [a for a in doc.tree.iter("a") if not _in_chrome(a)]


def _next_page(doc: Document) -> str | None:
    for url in absolute_links(doc, doc.tree.xpath("//a[@rel='next'] | //link[@rel='next']")):
        return url
    current = query_int(doc.url, PAGE_PARAM) or 1
    path = urlsplit(doc.url).path.rstrip("/")
    anchors = [a for block in select(doc.tree, PAGINATION) for a in block.iter("a")]
    for url in absolute_links(doc, anchors):
        if urlsplit(url).path.rstrip("/") == path and query_int(url, PAGE_PARAM) == current + 1:
            return url
    # Themes whose "next" link alone carries the page (no numbered links, or a page jump).
    for anchor in anchors:
        labels = (element_text(anchor), anchor.get("aria-label"), anchor.get("title"))
        if not any(NEXT_LABEL.match((label or "").strip()) for label in labels):
            continue
        for url in absolute_links(doc, [anchor]):
            if url != doc.url and (query_int(url, PAGE_PARAM) or current + 1) > current:
                return url
    return None


def parse_listing(doc: Document) -> ListingPage:
    urls = [u for u in absolute_links(doc, _listing_anchors(doc)) if is_article_url(u)]
    urls = _of_the_section(doc.url, urls)
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=_next_page(doc))


# More than half of the links under the section's own category path: the rest are another
# category's, set in a featured strip (which may hold the section's own items too).
MIN_OWN_SHARE = 0.5


def _of_the_section(listing_url: str, urls: list[str]) -> list[str]:
    """The article addresses name their category ("/tin-tuc-su-kien-66860/<slug>-<id>"):
    when most of the page's links are under the section's own, the few under another
    category come from a featured strip or box set in the main column, not from its list.
    (A parent section listing its children's items has most links under other categories:
    all are kept.)"""
    section = urlsplit(listing_url).path.rstrip("/")
    if not LISTING_PATH.match(section + "/"):
        return urls
    own = [u for u in urls if urlsplit(u).path.startswith(section + "/")]
    return own if urls and len(own) > MIN_OWN_SHARE * len(urls) else urls


PLATFORM = Platform(
    name=NAME,
    description="Hải Phòng ward and commune portals opened in 2025 (…-<catId>/<slug>-<id>)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

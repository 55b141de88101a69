"""Liferay 7.x / DXP portals: Đà Nẵng city and its new wards, HCMC agencies.

Evidence (PORTALS.md §2b, §1): display-page URLs `/w/<slug>` (danang.gov.vn, also `/en/w/…`)
and `/-/<slug>` (itpc.hochiminhcity.gov.vn); `/web/guest/…` pages, `/documents/20121/…` files
and the ward news portlet `/chi-tiet-tin-tuc?d=<id>&c=<cat>` (lienchieu.danang.gov.vn); the
older ward portals' `/chi-tiet-tin-tuc?dinhdanh=<id>&cat=<cat>` (thuanphuoc, noivu). No article
HTML of these portals was stored, so the markup rules follow what Liferay 7 itself emits
(portlet ids `com_liferay_…`, modules under `/o/`, `journal-content-article` and
`asset-full-content` wrappers, Clay pagination) and read the web-content template inside them
by role — heading, date, sapo, body, author classes — not by one theme's class names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text, is_noise
from ..dates import parse_dateline
from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from .base import Platform, absolute_links, query_int, title_segments

NAME = "liferay7"

# --- fingerprint: Liferay's JS globals plus what only 7.x emits (6.x has none of these).
LIFERAY_JS = ("Liferay.ThemeDisplay", "themeDisplay", "var Liferay")
LIFERAY7_MARKERS = {
    "com_liferay_": "Liferay 7 portlet ids (com_liferay_…)",
    "/o/frontend-js-": "Liferay 7 front-end modules (/o/frontend-js-…)",
    "data-senna-track": "SennaJS page tracking (Liferay 7)",
}
THEME_PATH = re.compile(r"/o/[\w.-]+-theme/")

# --- article URLs. Optional locale (/en, /vi-VN) and site (/web/guest) prefixes.
_PREFIX = r"(?:/[a-z]{2}(?:[-_][A-Za-z]{2})?)?(?:/(?:web|group)/[^/?#]+)?"
DISPLAY_PAGE = re.compile(rf"^{_PREFIX}/(?:w|-)/(?P<slug>[^/?#]+)/?$")
# Friendly-URL mappers of other portlets at the same place: lists and tools, not articles.
RESERVED_SLUGS = frozenset({"asset_publisher", "categories", "tags", "search", "document_library"})
ASSET_PUBLISHER_CONTENT = re.compile(r"/-/asset_publisher/[^/?#]+/content/[^/?#]+")
ASSET_PUBLISHER_PARAM = re.compile(
    r"(?:^|&)_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet\w*?_"
    r"(?:assetEntryId|urlTitle)="
)
# Đà Nẵng news portlet: `?d=` (2025 ward portals) or `?dinhdanh=` (older) is the article id.
DANANG_DETAIL_PATH = re.compile(r"/chi-tiet-tin-tuc/?$", re.IGNORECASE)
DANANG_ID_KEYS = ("d", "dinhdanh")
PRINT_VIEW = re.compile(r"p_p_state=pop_up|viewMode=print", re.IGNORECASE)

# --- article markup, as whole class tokens (web-content templates name them freely).
ROOT_CLASS = re.compile(
    r"asset-full-content|journal-content-article|chi-?tiet-?tin(?:-?tuc)?|tin-?chi-?tiet|"
    r"news-detail|detail-news|article-detail"
)
# The same as an XPath pre-filter: lxml walks the tree in C, Python sees a few elements.
ROOT_XPATH = (
    "//*[contains(@class, 'content') or contains(@class, 'detail') or contains(@class, 'chitiet')"
    " or contains(@class, 'chi-tiet')]"
)
TITLE_CLASS = re.compile(r"(?:[\w-]*[_-])?(?:title|tieu-?de|headline)(?:[_-][a-z]+)?")
# The portlet's own decoration names the section ("Tin tức"), not the article.
PORTLET_TITLE = re.compile(r"portlet-(?:title(?:-[a-z]+)?|header|topper)")
DATE_CLASS = re.compile(r"date|time|ngay|thoi-?gian|publish", re.IGNORECASE)
SAPO_CLASS = re.compile(
    r"(?:[\w-]*[_-])?(?:sapo|summary|description|lead|tom-?tat|trich-?yeu|mo-?ta|abstract|intro)"
)
# "image-description", "anh-mo-ta": captions, not the lead.
NOT_SAPO_CLASS = re.compile(r"(?:^|[_-])(?:caption|image|img|photo|anh|chu-?thich)(?:$|[_-])")
# Screen-reader copies of the page title ("hide-accessible sr-only").
HIDDEN_CLASS = re.compile(r"sr-only|hide-accessible|hidden|d-none")
BODY_CLASS = re.compile(
    r"(?:[\w-]*[_-])?(?:content|body|noi-?dung)(?:[_-](?:detail|news|text|body|chi-?tiet))?"
)
AUTHOR_CLASS = re.compile(r"(?:[\w-]*[_-])?(?:author|tac-?gia|byline|but-?danh)")
CATEGORY_CLASS = re.compile(r"(?:[\w-]*[_-])?(?:category|chuyen-?muc|danh-?muc)")
# Asset-publisher furniture: its `metadata-author` is the CMS account, not the writer.
FURNITURE_CLASS = re.compile(
    r"asset-metadata|metadata-[\w-]+|asset-user-actions|asset-links|asset-ratings|"
    r"lfr-discussion|asset-categorization|asset-tags"
)
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
CHROME_CLASS = re.compile(
    r"(?:site-|main-|top-|page-)?(?:header|footer|navbar|navigation|nav|menu|breadcrumbs?)"
    r"(?:-(?:top|main|wrapper|container))?"
)
BREADCRUMB = ".breadcrumb li, .breadcrumb-item"
HOME_LABELS = frozenset({"trang chủ", "home", "trang chu"})
MIN_BODY_CHARS = 80
# Display pages can map the publish date to Open Graph / schema.org tags.
META_DATES = '//meta[@property="article:published_time" or @itemprop="datePublished"]/@content'

# --- listings.
PORTLET_CLASS = re.compile(r"portlet-boundary")
PAGINATION_CLASS = re.compile(
    r"pagination|pagination-bar|taglib-page-iterator|lfr-pagination|paging|pager|phan-?trang"
)
PAGE_SIZE_CLASS = re.compile(r"dropdown(?:-menu)?|pagination-items-per-page")
ACTIVE_CLASS = re.compile(r"active|current|selected")
PAGE_KEY = re.compile(r"(?:^|_)(?:cur|page|p|trang|pageindex|pagenumber|start)$", re.IGNORECASE)
NEXT_LABEL = re.compile(
    r"^(?:(?:next|tiếp|sau|trang sau|trang tiếp|tiếp theo)\s*[›»>]*|[›»>]{1,2})$", re.IGNORECASE
)


def _tokens(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def _has_class(element: HtmlElement, pattern: re.Pattern[str], *, whole: bool = True) -> bool:
    match = pattern.fullmatch if whole else pattern.search
    return any(match(token) for token in _tokens(element))


def _inside(element: HtmlElement, container: HtmlElement | None) -> bool:
    return container is not None and (
        element is container or any(a is container for a in element.iterancestors())
    )


def _text_len(element: HtmlElement) -> int:
    """Length of the raw text: enough to compare blocks, cheaper than normalising it."""
    return sum(len(t) for t in element.itertext())


def _path(element: HtmlElement) -> tuple[HtmlElement, ...]:
    return (element, *element.iterancestors())


def _in_chrome(element: HtmlElement) -> bool:
    return any(node.tag in CHROME_TAGS or _has_class(node, CHROME_CLASS) for node in _path(element))


def _in_noise(element: HtmlElement, root: HtmlElement, *, furniture: bool = True) -> bool:
    """Inside a related/share/comment block (or, with `furniture`, publisher metadata)."""
    for node in _path(element):
        if is_noise(node) or (furniture and _has_class(node, FURNITURE_CLASS)):
            return True
        if node is root:
            return False
    return False


def fingerprint(doc: Document) -> list[str]:
    html = doc.html
    script = next((m for m in LIFERAY_JS if m in html), None)
    if script is None:
        return []
    reasons = [why for marker, why in LIFERAY7_MARKERS.items() if marker in html]
    theme = THEME_PATH.search(html)
    if theme:
        reasons.append(f"theme served from {theme.group()!r}")
    if not reasons:
        return []
    if "ltr" in _tokens(doc.tree) and "aui" not in _tokens(doc.tree):
        reasons.append('<html class="ltr"> without the 6.x "aui" class')
    return [f"markup contains {script!r}", *reasons]


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    if PRINT_VIEW.search(parts.query):
        return False
    path = unquote(parts.path)
    display = DISPLAY_PAGE.match(path)
    if display and display["slug"] not in RESERVED_SLUGS:
        return True
    if ASSET_PUBLISHER_CONTENT.search(path) or ASSET_PUBLISHER_PARAM.search(parts.query):
        return True
    if DANANG_DETAIL_PATH.search(path):
        params = dict(parse_qsl(parts.query))
        return any(params.get(key, "").isdigit() for key in DANANG_ID_KEYS)
    return False


# --- articles ------------------------------------------------------------------------------


def _portlet_of(element: HtmlElement) -> HtmlElement | None:
    return next((a for a in element.iterancestors() if _has_class(a, PORTLET_CLASS)), None)


def _find_root(doc: Document) -> HtmlElement | None:
    """The main article block: the candidate with the most text, outermost on ties."""
    candidates = [
        el for el in doc.tree.xpath(ROOT_XPATH) if _has_class(el, ROOT_CLASS) and not _in_chrome(el)
    ]
    return max(candidates, key=_text_len, default=None)


def _first(root: HtmlElement, keep: Callable[[HtmlElement], bool]) -> HtmlElement | None:
    """The first element of `root` (in page order) that `keep` accepts, has text, is no noise."""
    found = (
        el
        for el in root.iterdescendants()
        if isinstance(el.tag, str) and keep(el) and element_text(el) and not _in_noise(el, root)
    )
    return next(found, None)


# Heading rules, most telling first.
TITLE_RULES: tuple[Callable[[HtmlElement], bool], ...] = (
    lambda el: el.tag == "h1",
    lambda el: _has_class(el, TITLE_CLASS),
    lambda el: el.tag in ("h2", "h3"),
)


def _title(doc: Document, root: HtmlElement) -> HtmlElement | None:
    """The heading inside the block, else the nearest one above it in its portlet (6.x-style
    publishers put it there), else the page's h1 outside the header."""
    for keep in TITLE_RULES:
        found = _first(root, keep)
        if found is not None:
            return found
    portlet = _portlet_of(root)
    above: list[HtmlElement] = []
    for el in portlet.iter() if portlet is not None else ():
        if el is root:
            break
        if isinstance(el.tag, str) and not _inside(root, el) and element_text(el):
            above.append(el)
    above = [el for el in above if not any(_has_class(n, PORTLET_TITLE) for n in _path(el))]
    for keep in TITLE_RULES:
        found = [el for el in above if keep(el)]
        if found:
            return found[-1]
    visible = (h for h in doc.tree.iter("h1") if not _has_class(h, HIDDEN_CLASS))
    return next((h for h in visible if not _in_chrome(h)), None)


def _body(root: HtmlElement, title: HtmlElement | None, sapo: HtmlElement | None) -> HtmlElement:
    """The template's body field, else the whole block (minus the parts read separately)."""
    candidates = [
        el
        for el in root.xpath(".//*[@class]")
        if _has_class(el, BODY_CLASS)
        and not (title is not None and _inside(title, el))
        and not (sapo is not None and _inside(el, sapo))
        and not _in_noise(el, root)
    ]
    return max(candidates, key=_text_len, default=root)


def _dateline_texts(
    doc: Document, root: HtmlElement, title: HtmlElement | None, body: HtmlElement
) -> list[str]:
    """Date-classed elements of the block (above the body first), then short lines after the
    title, then the page's published-time meta tags."""
    dated = [
        el
        for el in root.xpath("descendant-or-self::*[@class]")
        if _has_class(el, DATE_CLASS, whole=False)
        and not _in_noise(el, root, furniture=False)
        and len(element_text(el)) < 200
        and parse_dateline(element_text(el)) is not None
    ]
    # The innermost dated element: a wrapper also holds the view counter and the category.
    dated = [el for el in dated if not any(_inside(o, el) for o in dated if o is not el)]
    dated.sort(key=lambda el: body is not root and _inside(el, body))
    texts = [element_text(el) for el in dated]
    if title is not None:
        following = [
            n for n in title.itersiblings() if isinstance(n.tag, str) and not _in_noise(n, root)
        ][:3]
        texts += [t for n in following if len(t := element_text(n)) < 200 and parse_dateline(t)]
    return texts + [str(v) for v in doc.tree.xpath(META_DATES)]


def _byline(root: HtmlElement, body: HtmlElement) -> str | None:
    """An author field of the template, outside the body (not the asset publisher's user)."""
    author = _first(
        root, lambda el: _has_class(el, AUTHOR_CLASS) and (body is root or not _inside(el, body))
    )
    return element_text(author) if author is not None else None


def _category(doc: Document, root: HtmlElement, title: str) -> str | None:
    label = _first(root, lambda el: _has_class(el, CATEGORY_CLASS))
    if label is not None:
        return element_text(label)
    crumbs = [element_text(li) for li in doc.tree.cssselect(BREADCRUMB)]
    crumbs = [c for c in crumbs if c and c != title and c.lower() not in HOME_LABELS]
    if crumbs:
        return crumbs[-1]
    segments = title_segments(doc)
    return segments[-2] if len(segments) >= 3 else None


def parse_article(doc: Document) -> Article:
    root = _find_root(doc)
    if root is None:
        raise NotAnArticle("not_an_article", "no Liferay web-content or news-detail block")
    title_el = _title(doc, root)
    sapo = _first(
        root,
        lambda el: _has_class(el, SAPO_CLASS) and not _has_class(el, NOT_SAPO_CLASS, whole=False),
    )
    body = _body(root, title_el, sapo)
    if len(element_text(body)) < MIN_BODY_CHARS:
        # A hotline box or a banner: the article (if any) is elsewhere, e.g. in display-page
        # fragments, which the generic extractor reads.
        raise NotAnArticle("not_an_article", "no article text in the Liferay web-content blocks")
    datelines = _dateline_texts(doc, root, title_el, body)
    # Furniture inside the body field: publisher metadata, the title and date repeated.
    skip = {
        el
        for el in body.iter()
        if isinstance(el.tag, str)
        and (
            _has_class(el, FURNITURE_CLASS)
            or (_has_class(el, DATE_CLASS, whole=False) and element_text(el) in datelines)
        )
    }
    skip |= {el for el in (title_el, sapo) if el is not None}
    title = element_text(title_el) if title_el is not None else None
    parts = Parts(
        title=title,
        dateline_texts=datelines,
        content_roots=[body],
        skip=skip,
        summary=element_text(sapo) if sapo is not None else None,
        category=_category(doc, root, title or ""),
        loose_byline=False,
        byline=_byline(root, body),
    )
    return assemble(doc, NAME, parts)


# --- listings ------------------------------------------------------------------------------


def _paginations(scope: HtmlElement) -> list[HtmlElement]:
    found = [
        el for el in scope.iter() if isinstance(el.tag, str) and _has_class(el, PAGINATION_CLASS)
    ]
    return [el for el in found if not any(_inside(el, o) for o in found if o is not el)]


def _page_anchors(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """Page links, without the page-size menu (its "5", "10", "20" are not page numbers)."""
    return [
        a
        for block in blocks
        for a in block.iter("a")
        if not any(_has_class(n, PAGE_SIZE_CLASS) for n in a.iterancestors() if _inside(n, block))
    ]


def _current_page(doc: Document, blocks: list[HtmlElement]) -> int:
    for block in blocks:
        for el in block.iter():
            marked = isinstance(el.tag, str) and (
                _has_class(el, ACTIVE_CLASS) or el.get("aria-current")
            )
            if marked and element_text(el).isdigit():
                return int(element_text(el))
    return query_int(doc.url, PAGE_KEY) or 1


def _next_page(doc: Document, scope: HtmlElement) -> str | None:
    blocks = _paginations(scope) or _paginations(doc.tree)
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
        if is_article_url(urljoin(doc.url, a.get("href") or "")) and not _in_chrome(a)
    ]
    groups: dict[int, tuple[HtmlElement | None, list[HtmlElement]]] = {}
    for anchor in anchors:
        portlet = _portlet_of(anchor)
        groups.setdefault(id(portlet), (portlet, []))[1].append(anchor)
    # The section's own list is the portlet with the pagination, else the longest list.
    pages = _paginations(doc.tree)
    paged = _portlet_of(pages[0]) if pages else None
    if paged is not None and id(paged) in groups:
        scope, main = groups[id(paged)]
    else:
        scope, main = max(groups.values(), key=lambda g: len(g[1]), default=(None, []))
    urls = [u for u in absolute_links(doc, main) if is_article_url(u) and u != doc.url]
    next_url = _next_page(doc, scope if scope is not None else doc.tree)
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=next_url)


PLATFORM = Platform(
    name=NAME,
    description="Liferay 7 / DXP portal (Đà Nẵng city and wards, HCMC agencies)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

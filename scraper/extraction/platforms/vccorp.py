"""VCCorp "Lotus" portal on mediacdn: Hanoi's city, department and ward portals from 2024
(hanoi.gov.vn, soyte.hanoi.gov.vn, caugiay.hanoi.gov.vn as the new phường Cầu Giấy) and the
Chính phủ sites. Evidence: PORTALS.md §2c and the saved vpcp.chinhphu.vn home page.

Seen for real: `pageSettings = {… siteId: "115" …}`, inline scripts with the nonce
`sclotusinnline`, static.mediacdn.vn assets, numeric-entity titles, teaser boxes, and article
URLs `/<cat>/<slug>-<siteId><yyMMddHHmmss><fff>.htm` (also `/<slug>-<digits>.htm`) whose
siteId prefix has a variable length (115, 4, 2849, 2805). Category pages are `/<cat>.htm`.
The gov article template was NOT observed: the selectors below follow what VCCorp's Lotus
news sites emit (`h1.detail-title`, `div.detail-time`, `h2.detail-sapo`,
`div.detail-content[data-role=content]` with `VCSortableInPreviewMode` editor boxes), with
fallbacks, and the URL stamp only stands in when the page shows no publish time at all.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text
from ..css import select
from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from . import generic_listing
from .base import Platform, absolute_links, query_int
from .pager import NEXT_LABEL

NAME = "vccorp"

# Article template (Lotus news sites; data-role attributes are the CMS's own hooks).
TITLE = "h1.detail-title, h1[data-role=title], .detail-title"
DATELINE = ".detail-time, [data-role=publishdate]"
META_PUBLISHED = "meta[property='article:published_time']"
SAPO = ".detail-sapo, [data-role=sapo]"
CONTENT = ".detail-content[data-role=content], [data-role=content], .detail-content, .afcbc-body"
AUTHOR = ".detail-author, [data-role=author]"
CATEGORY = ".detail-cate a, [data-role=cate]"
META_SECTION = "meta[property='article:section']"
# Editor boxes inside the body: `type` says what they hold. Related-news boxes are injected
# mid-article and at its end; video players carry no text of the article.
EDITOR_BOX = ".VCSortableInPreviewMode[type]"
SKIPPED_BOX_TYPE = re.compile(
    r"^(?:related\w*|link-content-footer|videostream|video)$", re.IGNORECASE
)
SKIPPED_IN_CONTENT = ".kbwscwl-relatedbox, .link-content-footer, .VideoCMS_Caption"

# Listing template: the section's own teasers (the focus box on top, then the stream).
LISTING_BOXES = ".box-category-top, .box-stream"
SIDEBAR = re.compile(
    r"(?:^|\s)(?:box-right|sidebar|col-right|detail-right|box-news-hot|box-most-view)(?:\s|$)"
)
PAGE_CHROME = re.compile(r"(?:^|\s)(?:header|footer|menu)(?:__[\w-]+)?(?:\s|$)")
PAGINATION = ".paging, .pagination, .box-pagination"

# "-<siteId><yyMMddHHmmss><fff>.htm": a siteId of 1+ digits and a 15-digit stamp (".chn" on
# VCCorp's press sites). Category (`/<cat>.htm`) and video (`/video/…-<5 digits>.htm`) pages
# are shorter and never match.
ARTICLE_URL = re.compile(r"^/(?:[\w-]+/)*[\w-]+-(?P<digits>\d{16,22})\.(?:htm|chn)$", re.IGNORECASE)
PAGE_IN_PATH = re.compile(r"/trang-(?P<n>\d+)\.htm$", re.IGNORECASE)
PAGE_PARAM = re.compile(r"^(?:page|trang)$", re.IGNORECASE)
# Category pages without page links load more teasers from `/timelinelist/<zoneId>/<n>.htm`
# (the Lotus timeline script on the vpcp home page; the zone id sits in `#hdZoneId`).
TIMELINE_URL = re.compile(r"^/timelinelist/(?P<zone>\d+)/(?P<n>\d+)\.htm$", re.IGNORECASE)
ZONE_INPUT = "input#hdZoneId"

_NONCE = "sclotusinnline"
_PAGE_SETTINGS = re.compile(r"pageSettings\s*=\s*\{[^}]*?\bsiteId\s*:\s*[\"']?(\d+)")
_MEDIACDN = re.compile(r"https?://([\w-]+\.mediacdn\.vn)/")
_EDITOR_MARKERS = ("VCSortableInPreviewMode", "PhotoCMS_Caption", "afcbc-body")
# Entities left over after parsing: attributes and titles double-escaped by the CMS
# (`Qu&amp;#225;n`) read as literal "&#225;".
_LEFTOVER_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


def _stamp_is_valid(digits: str) -> bool:
    """The last 15 digits must read as yyMMddHHmmss + fff."""
    stamp = digits[-15:]
    month, day, hour, minute, second = (int(stamp[i : i + 2]) for i in range(2, 12, 2))
    return 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 60


def is_article_url(url: str) -> bool:
    match = ARTICLE_URL.match(urlsplit(url.strip()).path)
    return match is not None and _stamp_is_valid(match["digits"])


def fingerprint(doc: Document) -> list[str]:
    strong: list[str] = []
    if doc.mentions(_NONCE):
        strong.append(f"inline scripts carry the Lotus nonce {_NONCE!r}")
    # Each regex only where its literal part is in the page: most pages have none.
    # (From the literal's first occurrence: str.find outruns the regex's own scan to it.)
    site = (
        _PAGE_SETTINGS.search(doc.html, doc.html.find("pageSettings"))
        if doc.mentions("pageSettings")
        else None
    )
    if site:
        strong.append(f"pageSettings declares siteId {site.group(1)!r}")
    strong += [f"VCCorp editor markup {m!r}" for m in _EDITOR_MARKERS if doc.mentions(m)]
    url_shaped = is_article_url(doc.url)
    # A timeline fragment has no <head>: its address and teaser links are the evidence.
    fragment = bool(TIMELINE_URL.match(urlsplit(doc.url).path)) and any(
        is_article_url(a.get("href") or "") for a in doc.tree.iter("a")
    )
    if not strong and not fragment and not url_shaped:
        return []  # the mediacdn hosts alone are no evidence: no need to look for them
    hosts = sorted(set(_MEDIACDN.findall(doc.html))) if doc.mentions(".mediacdn.vn/") else []
    if not strong and not fragment and not (hosts and url_shaped):
        return []
    reasons = strong
    if fragment:
        reasons.append("Lotus timeline fragment /timelinelist/<zoneId>/<page>.htm")
    if hosts:
        reasons.append(f"assets on VCCorp's mediacdn ({', '.join(hosts[:3])})")
    if url_shaped:
        reasons.append("URL ends -<siteId><yyMMddHHmmss><fff>.htm")
    return reasons


def _text(element: HtmlElement | None) -> str:
    if element is None:
        return ""
    text = element_text(element)
    # (Every leftover entity holds a "&": the regex only runs on texts with one.)
    return html.unescape(text) if "&" in text and _LEFTOVER_ENTITY.search(text) else text


def _meta(doc: Document, selector: str) -> str:
    element = doc.css_first(selector)
    return (element.get("content") or "").strip() if element is not None else ""


def _skipped_boxes(content: HtmlElement) -> set[HtmlElement]:
    skip = {
        box
        for box in select(content, EDITOR_BOX)
        if SKIPPED_BOX_TYPE.match((box.get("type") or "").strip())
    }
    skip.update(select(content, SKIPPED_IN_CONTENT))
    return skip


def _dateline_texts(doc: Document) -> list[str]:
    shown = [t for t in (_text(e) for e in select(doc.tree, DATELINE)) if t]
    if shown:
        return shown[:1]
    # No time on the page: the meta tag next, and assemble() falls back to the URL stamp.
    published = _meta(doc, META_PUBLISHED)
    return [published] if published else []


def parse_article(doc: Document) -> Article:
    title_el = doc.css_first(TITLE)
    content = doc.css_first(CONTENT)
    if title_el is None or content is None:
        raise NotAnArticle("not_an_article", "no Lotus article (detail-title/detail-content)")
    sapo_el = doc.css_first(SAPO)
    author_el = doc.css_first(AUTHOR)
    skip = _skipped_boxes(content) | {e for e in (sapo_el, author_el, title_el) if e is not None}
    parts = Parts(
        title=_text(title_el),
        dateline_texts=_dateline_texts(doc),
        content_roots=[content],
        skip=skip,
        summary=_text(sapo_el) or None,
        category=_text(doc.css_first(CATEGORY)) or html.unescape(_meta(doc, META_SECTION)),
        loose_byline=False,
        byline=_text(author_el) or None,
    )
    return assemble(doc, NAME, parts)


def _has_class(element: HtmlElement, pattern: re.Pattern[str]) -> bool:
    return any(
        pattern.search(node.get("class") or "") for node in (element, *element.iterancestors())
    )


def _main_anchors(doc: Document) -> list[HtmlElement]:
    """Teaser links of the section's own boxes; on pages without them (home pages), every
    article link outside the header, menus and footer."""
    boxes = [b for b in select(doc.tree, LISTING_BOXES) if not _has_class(b, SIDEBAR)]
    if boxes:
        return [a for box in boxes for a in box.iter("a")]
    return [
        a
        for a in doc.tree.iter("a")
        if not _has_class(a, PAGE_CHROME)
        and not any(n.tag in ("header", "footer", "nav") for n in a.iterancestors())
    ]


def _position(url: str) -> tuple[str, int]:
    """(section path, page number) of a listing URL: `/cat/trang-2.htm` or `/cat.htm?page=2`."""
    path = urlsplit(url).path.lower()
    in_path = PAGE_IN_PATH.search(path)
    if in_path:
        return path[: in_path.start()], int(in_path["n"])
    section = path.removesuffix(".htm")
    return section, query_int(url, PAGE_PARAM) or 1


def _linked_next_page(doc: Document) -> str | None:
    section, page = _position(doc.url)
    for url in absolute_links(doc, doc.tree.iter("a")):
        if _position(url) == (section, page + 1) and not is_article_url(url):
            return url
    for block in select(doc.tree, PAGINATION):
        for anchor in block.iter("a"):
            label = element_text(anchor)
            if NEXT_LABEL.match(label) or "next" in (anchor.get("class") or "").split():
                links = absolute_links(doc, [anchor])
                if links and _position(links[0])[1] > page:
                    return links[0]
    return None


def _timeline_next_page(doc: Document) -> str | None:
    """Page n+1 of the load-more timeline; its fragments end when they bring no teaser."""
    fragment = TIMELINE_URL.match(urlsplit(doc.url).path)
    if fragment:
        zone, page = fragment["zone"], int(fragment["n"])
    else:
        field = doc.css_first(ZONE_INPUT)
        zone, page = (field.get("value") or "").strip() if field is not None else "", 1
        if not zone.isdecimal() or not doc.mentions("/timelinelist/"):
            return None
    return urljoin(doc.url, f"/timelinelist/{zone}/{page + 1}.htm")


def parse_listing(doc: Document) -> ListingPage:
    urls = [u for u in absolute_links(doc, _main_anchors(doc)) if is_article_url(u)]
    if urlsplit(doc.url).path.strip("/") and not select(doc.tree, LISTING_BOXES):
        # A section's page in a theme without the known boxes: its own list, as the generic
        # reader tells it from the side boxes ("Tin đọc nhiều") whatever their names.
        listed = generic_listing.section_list(doc, is_article_url)
        urls = listed or urls
    next_url = _linked_next_page(doc)
    # Page links, when the template prints them, are the whole truth about what comes next.
    if next_url is None and urls and not select(doc.tree, PAGINATION):
        next_url = _timeline_next_page(doc)
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=next_url)


PLATFORM = Platform(
    name=NAME,
    description='VCCorp "Lotus" portal on mediacdn (Hanoi city and ward portals 2024+, '
    "Chính phủ sites)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

"""NukeViet 4.x CMS, news module: youth unions, schools, agencies and some communes.
Evidence: PORTALS.md §2e (`/news/<cat>/<slug>-<id>.html`, the save view `/news/savefile/…`,
the dateline "Thứ tư - 25/02/2026 04:45").

The markup follows what NukeViet 4's default theme emits: `<meta name="generator"
content="NukeViet v4.x">`, the global JS variables `nv_base_siteurl`, `nv_lang_data`, …
(global.js needs them, so every page declares them), `/themes/<theme>/` and `/assets/js/`
files. The news detail template is a `.news_column` panel: `h1.title`, the publish time in
`span.h5` ("<weekday> - dd/mm/YYYY HH:MM"), a `figure.article` home image, `.hometext` (the
lead, bold in the theme's CSS), `#news-bodyhtml` (the editor's HTML), then `p.h5.text-right`
lines "Tác giả: …" / "Nguồn tin: …". Rating, social buttons, keywords and the "Những tin mới
hơn" / "Những tin cũ hơn" lists are separate panels after it. `article:published_time`
is printed with PHP's date('Y-m-dTH:i:s'), where "T" is the zone abbreviation
("2026-02-25ICT04:45:00", which dates.parse_dateline reads), so it is only a fallback after
the visible dateline.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text
from ..bylines import AUTHOR_FIELD
from ..css import select
from ..document import Document
from ..model import Article, Attachment, Image, ListingPage, NotAnArticle
from ..urls import resolve_url
from . import generic_listing
from .base import Platform, absolute_links, title_segments
from .generic_fields import dateline_texts
from .markup import (
    first_with_text,
    generator_reasons,
    in_side_block,
    inline_related_links,
    is_outside,
    meta_content,
    next_page,
)

NAME = "nukeviet"

# Article template (themes/default/modules/news/detail.tpl and its many derivatives).
# `.bodytext` alone: NukeViet 3 themes and customised 4.x ones without the id.
BODY = "#news-bodyhtml, [itemprop=articleBody], .bodytext"
PANEL = ".news_column"
# Tried in this order (a selector group would return document order).
TITLES = ("h1.title", "[itemprop=headline]", "h1")
ANY_TITLE = ", ".join(TITLES)
# The visible dateline first (span.h5 on the page, .time in the print view), then the
# hidden schema.org copy.
DATELINES = ("span.h5", ".time", "[itemprop=datePublished]")
ANY_DATELINE = ", ".join(DATELINES)
HOMETEXT = ".hometext"
HOME_FIGURE = "figure.article, figure"
# (NukeViet 3 themes: "div.aright", "<strong>Tác giả bài viết: </strong>…".)
AUTHOR_LINES = ".margin-bottom-lg p, p.text-right, .text-right, .aright"
DOWNLOAD_LINKS = ".news-download-file a[href]"
BREADCRUMB = ".temp-breadcrumbs li, .breadcrumbs li"
META_PUBLISHED = "meta[property='article:published_time']"
META_SECTION = "meta[property='article:section']"
# The file panel's links read "Tải về: <file name>".
DOWNLOAD_LABEL = re.compile(r"^(?:tải về|download)\s*[:：]?\s*", re.IGNORECASE)

# Listing template: viewcat_* items are `.news_column` panels with a heading link; side
# blocks (block_news "Tin mới", "Tin xem nhiều") are `.panel` boxes with a `.panel-heading`.
LISTING_ITEM_LINK = "h2 a, h3 a, h4 a"
SIDE_BLOCK = re.compile(
    r"(?:^|\s)(?:block_news|block_tophits|other-news|related|headline|"
    r"sidebar|footer|header|navbar|nav|menu[\w-]*)(?:\s|$)"
)
PAGINATION = ".pagination a[href], a[rel=next], link[rel=next]"
PAGE_SEGMENT = re.compile(r"^page-\d+(?:\.html?)?$")
PAGE_NUMBER = re.compile(r"/page-(?P<n>\d+)(?:/|\.html?)?$")

# /news/<cat>/<slug>-<id>.html, with an optional language prefix (/vi/) and any module name
# (sites rename "news" to "tin-tuc"); the non-rewritten form carries the same path in `op`.
ARTICLE_PATH = re.compile(r"^/(?:[\w.-]+/)+[\w.-]+-\d+\.html?$")
ARTICLE_OP = re.compile(r"^(?:[\w.-]+/)+[\w.-]+-\d+$")
# Module functions whose URLs share the article's shape but are not the article itself.
FUNCTION_SEGMENTS = frozenset(
    {"savefile", "print", "sendmail", "rating", "rss", "search", "tag", "topic", "groups"}
)

_GENERATOR = re.compile(r"nukeviet", re.IGNORECASE)
# Declared in an inline <script> by every NukeViet page: global.js reads them
# (nv_siteroot is NukeViet 3's name for nv_base_siteurl).
_JS_GLOBALS = (
    "nv_base_siteurl", "nv_siteroot", "nv_lang_data", "nv_name_variable", "nv_fc_variable",
)  # fmt: skip
_MARKUP = ('id="news-bodyhtml"', "nv_open_browse", "/assets/js/global.js", "/themes/default/")


def fingerprint(doc: Document) -> list[str]:
    reasons = generator_reasons(doc, _GENERATOR)
    if doc.mentions("nv_"):  # the globals' common prefix: one page search for the usual "no"
        reasons += [f"NukeViet JS global {n!r}" for n in _JS_GLOBALS if doc.mentions(n)]
    if not reasons:
        return []  # theme paths alone are shared with other PHP CMSs
    return reasons + [f"markup contains {m!r}" for m in _MARKUP if doc.mentions(m)]


def is_article_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    query = parse_qs(parts.query)
    op = (query.get("op") or [""])[0]
    if "nv" in query and op:
        path = op
        if not ARTICLE_OP.match(path):
            return False
    elif ARTICLE_PATH.match(parts.path):
        path = parts.path
    else:
        return False
    segments = path.strip("/").split("/")
    return not FUNCTION_SEGMENTS.intersection(segments) and not PAGE_SEGMENT.match(segments[-1])


def _is_print_view(url: str) -> bool:
    parts = urlsplit(url)
    path = (parse_qs(parts.query).get("op") or [""])[0] or parts.path
    return bool(FUNCTION_SEGMENTS.intersection(path.strip("/").split("/")))


def _panel(body: HtmlElement, doc: Document) -> HtmlElement:
    """The detail panel holding title, dateline and body (the page if the theme has none):
    the nearest ancestor of the body with a title and a dateline in it.

    Why not ask each ancestor for its titles and datelines: that is two selector runs per
    level. The page's candidates are found once; each says from which ancestor of the body
    up it lies inside (walking up from it to the body's ancestry), and the panel is the
    lowest level that both a title and a dateline reach."""
    ancestors = list(body.iterancestors())
    levels = {ancestor: level for level, ancestor in enumerate(ancestors)}
    title_level = _lowest_level(select(doc.tree, ANY_TITLE), levels)
    dateline_level = _lowest_level(select(doc.tree, ANY_DATELINE), levels)
    if title_level is None or dateline_level is None:
        return doc.tree
    return ancestors[max(title_level, dateline_level)]


def _lowest_level(candidates: list[HtmlElement], levels: dict[HtmlElement, int]) -> int | None:
    """The lowest of `levels` (ancestors of the body, nearest first) holding a candidate."""
    lowest: int | None = None
    for candidate in candidates:
        for node in (candidate, *candidate.iterancestors()):
            level = levels.get(node)
            if level is not None:
                lowest = level if lowest is None else min(lowest, level)
                break
    return lowest


def _author(panel: HtmlElement, body: HtmlElement) -> str | None:
    for line in select(panel, AUTHOR_LINES):
        # Outside the body first: ".margin-bottom-lg p" also finds every body paragraph
        # (the default theme gives #news-bodyhtml that class), whose text need not be read.
        if not is_outside(line, body):
            continue
        # "Tác giả: XUÂN HIẾU - XUÂN THỊNH" is the author field; "Nguồn tin:" names where the
        # story comes from (a newspaper, a unit), which is not who wrote it.
        match = AUTHOR_FIELD.match(element_text(line))
        if match:
            return match["name"].strip()
    return None


def _home_images(panel: HtmlElement, body: HtmlElement, base_url: str) -> list[Image]:
    images: list[Image] = []
    for figure in select(panel, HOME_FIGURE):
        if not is_outside(figure, body):
            continue  # the body's own figures are read with the body
        # (iterdescendants: find(".//img") runs ElementPath's Python for the same answer.)
        img = next(figure.iterdescendants("img"), None)
        src = img.get("src") if img is not None else None
        url = resolve_url(base_url, src) if src else None
        if url is None:
            continue
        caption = next(figure.iterdescendants("figcaption"), None)
        text = element_text(caption) if caption is not None else ""
        images.append(Image(url=url, caption=text or None))
    return images


def _downloads(doc: Document) -> list[Attachment]:
    """Files of the news item's file panel (NukeViet 4.3+), served by a download URL, each
    once (assemble drops those the body already links to)."""
    found: dict[str, Attachment] = {}
    for link in select(doc.tree, DOWNLOAD_LINKS):
        urls = absolute_links(doc, [link])
        if urls and urls[0] not in found:
            title = DOWNLOAD_LABEL.sub("", element_text(link)) or link.get("title")
            found[urls[0]] = Attachment(url=urls[0], title=title or None)
    return list(found.values())


def _category(doc: Document, title: str) -> str | None:
    crumbs = [element_text(li) for li in select(doc.tree, BREADCRUMB)]
    crumbs = [c for c in crumbs if c and c != title]
    if len(crumbs) >= 2:  # the first crumb is the home page
        return crumbs[-1]
    section = meta_content(doc, META_SECTION)
    if section:
        return section
    segments = title_segments(doc)
    return segments[-2] if len(segments) >= 3 else None


def parse_article(doc: Document) -> Article:
    if _is_print_view(doc.url):
        raise NotAnArticle(
            "not_an_article", "a NukeViet print/save/send view, not the article", certain=True
        )
    body = doc.css_first(BODY)
    if body is None:
        raise NotAnArticle("not_an_article", "no NukeViet news body (#news-bodyhtml)")
    panel = _panel(body, doc)
    title_el = first_with_text(panel, TITLES, outside=body)
    title = element_text(title_el) if title_el is not None else None
    datelines = [
        element_text(d)
        for selector in DATELINES
        for d in select(panel, selector)
        if is_outside(d, body)
    ]
    if not any(datelines) and title_el is not None:
        # A theme's own date element ("li.date-post", NukeViet 3's "span.small"): the
        # dateline the generic reader finds by the title.
        datelines = dateline_texts(doc, title_el)[0][:1]
    published = meta_content(doc, META_PUBLISHED)
    hometext = select(panel, HOMETEXT)
    parts = Parts(
        title=title,
        dateline_texts=[d for d in datelines if d] + ([published] if published else []),
        content_roots=[body],
        skip=inline_related_links(body),
        summary=element_text(hometext[0]) if hometext else None,
        category=_category(doc, title or ""),
        loose_byline=False,
        byline=_author(panel, body),
        extra_images=_home_images(panel, body, doc.link_base),
        extra_attachments=_downloads(doc),
    )
    return assemble(doc, NAME, parts)


def _listing_anchors(doc: Document) -> list[HtmlElement]:
    anchors = [
        a
        for item in select(doc.tree, PANEL)
        if not in_side_block(item, SIDE_BLOCK)
        for a in select(item, LISTING_ITEM_LINK)
    ]
    if anchors:
        return anchors
    # Themes without `.news_column`: article links outside the side blocks and menus.
    return [a for a in doc.tree.iter("a") if not in_side_block(a, SIDE_BLOCK)]


def _page_number(url: str) -> int:
    parts = urlsplit(url)
    path = (parse_qs(parts.query).get("op") or [""])[0] or parts.path
    match = PAGE_NUMBER.search("/" + path.strip("/"))
    return int(match["n"]) if match else 1


def parse_listing(doc: Document) -> ListingPage:
    urls = [u for u in absolute_links(doc, _listing_anchors(doc)) if is_article_url(u)]
    if not select(doc.tree, PANEL):
        # A theme's grid or list view without `.news_column` panels: the generic reader tells
        # the section's list from the side panels ("Tin xem nhiều") the selectors cannot.
        listed = generic_listing.section_list(doc, is_article_url)
        urls = listed or urls
    return ListingPage(
        url=doc.url,
        platform=NAME,
        article_urls=urls,
        next_url=next_page(doc, select(doc.tree, PAGINATION), _page_number),
    )


PLATFORM = Platform(
    name=NAME,
    description="NukeViet 4.x news module (/news/<cat>/<slug>-<id>.html)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

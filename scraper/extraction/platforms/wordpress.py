"""WordPress sites of agencies and mass organisations. Evidence: PORTALS.md §2e
(dost.hochiminhcity.gov.vn/<cat>/<slug>/, hoinongdan.bacninh.gov.vn/tin-tuc/page/49).

What WordPress itself emits whatever the theme: `<meta name="generator" content="WordPress
6.x">` (security plugins often remove it), `/wp-content/` and `/wp-includes/` assets, the
REST API link `/wp-json/` (rel="https://api.w.org/"), the emoji loader `wp-emoji-release`,
body classes `single-post postid-N` / `archive category`. Posts are `article.post.hentry`
with `h1.entry-title`, `time.entry-date.published[datetime]` (site-local ISO 8601 with its
offset: a machine date, better than the shown "05/03/2026"), `.entry-content`, the account
`.author.vcard` (often "admin": the real author is the right-aligned last paragraph) and
`a[rel~=category]`. Plugins add inside `.entry-content`: Jetpack sharing (`.sharedaddy`) and
related posts (`#jp-relatedposts`, "Bài viết liên quan"), PrintFriendly buttons, view
counters (`.post-views`); Yoast prints `article:published_time` in UTC (+00:00).
Archives paginate as `/page/N/` with `a.next.page-numbers` and often `<link rel="next">`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble, shown_dateline
from ..blocks import element_text
from ..css import select
from ..dates import with_post_time
from ..document import Document
from ..model import Article, Image, ListingPage, NotAnArticle
from ..urls import resolve_url
from .base import Platform, absolute_links
from .markup import (
    first_element,
    first_text,
    generator_reasons,
    in_side_block,
    inline_related_links,
    meta_content,
    next_page,
)

NAME = "wordpress"

# Post template (the_title / the_content / posted_on of the usual themes), most specific first.
POST = ("article.type-post", "article.post", ".hentry", "article")
TITLES = ("h1.entry-title", ".entry-title", "h1.post-title", "h1")
# (Popular themes' own names after the core ones: Newspaper/tagDiv, JNews, Elementor.)
CONTENT = (
    *(".entry-content", ".post-content", ".single-content", "[itemprop=articleBody]"),
    *(".td-post-content", ".jeg_main_content .content-inner"),
    ".elementor-widget-theme-post-content",
)
SUMMARY = (
    *(".entry-summary", ".post-excerpt", ".sapo", ".entry-subtitle", ".post-subtitle"),
    *(".jeg_post_subtitle", ".td-post-sub-title"),
)
# The featured image (the_post_thumbnail), shown above the content.
FEATURED = ".post-thumbnail img, img.wp-post-image, .elementor-widget-theme-post-featured-image img"
# `published` marks the publish time; `updated` alone is the last edit.
TIMES = (
    "time.published[datetime]",
    "time.entry-date:not(.updated)[datetime]",
    "time[datetime]:not(.updated)",
    # (Newspaper/tagDiv marks its one time, the publish time, "entry-date updated".)
    "time.entry-date[datetime]",
)
META_PUBLISHED = "meta[property='article:published_time']"
# (Astra and other themes: "span.published", "[itemprop=datePublished]" with no datetime.)
SHOWN_DATE = (
    ".posted-on",
    ".entry-date",
    ".post-date",
    ".published",
    "[itemprop=datePublished]",
)
# A time of day shown apart from the date (Elementor's post info: "24/03/2024", "4:35 chiều").
SHOWN_TIME = ".elementor-post-info__item--type-time"
AUTHOR = (".author.vcard", ".byline .author", "[rel=author]")
CATEGORY = (
    *("a[rel~=category]", ".cat-links a", ".td-category a", ".jeg_meta_category a"),
    ".elementor-post-info__terms-list-item",
)
META_SECTION = "meta[property='article:section']"
BREADCRUMB = "#breadcrumbs a, .breadcrumbs a, .breadcrumb a"
# Plugin furniture inside .entry-content (class names are the plugins' own).
IN_CONTENT_NOISE = (
    ".sharedaddy, #jp-relatedposts, .jp-relatedposts, .post-views, .printfriendly, "
    ".addtoany_share_save_container, .a2a_kit, .yarpp-related, .crp_related"
)
# The CMS account that posted, not an author: logins and role names.
ACCOUNT_NAME = re.compile(
    # (A role and the site's name: "Quản trị viên Cổng", "Ban biên tập Trang TTĐT".)
    r"^(?:admin(?:istrator)?|(?:quản trị(?: viên)?|ban biên tập)(?:\s.{0,40})?|biên tập(?: viên)?|"
    r"btv|bbt|"
    r"webmaster|editor|author|[a-z0-9_.-]+)$",
    re.IGNORECASE,
)
# Archive pages (body classes WordPress sets itself) are never articles.
ARCHIVE_BODY = re.compile(r"(?:^|\s)(?:archive|blog|search|error404|category|tag|author)(?:\s|$)")

# Listing: the loop's posts in the main column, not widgets ("Bài viết mới") or footers.
SIDE_BLOCK = re.compile(
    r"(?:^|\s)(?:widget[\w-]*|sidebar[\w-]*|secondary|site-footer|site-header|"
    r"jp-relatedposts|related[\w-]*|menu[\w-]*|nav[\w-]*)(?:\s|$)"
)
LOOP_LINK = (".entry-title a", "a[rel=bookmark]", "h2 a, h3 a")
PAGINATION = (
    "a.next.page-numbers, link[rel=next], a[rel=next], .nav-previous a, a.page-numbers, "
    ".pagination a, .nav-links a"
)
PAGE_NUMBER = re.compile(r"/page/(?P<n>\d+)/?$")

# Path segments and query keys of WordPress pages that are not posts.
NOT_POST_SEGMENTS = frozenset(
    {"category", "tag", "author", "page", "feed", "search", "comments", "trackback",
     "attachment", "amp", "embed", "wp-content", "wp-admin", "wp-includes", "wp-json"}
)  # fmt: skip
NOT_POST_QUERY = frozenset({"cat", "tag", "s", "paged", "page_id", "author", "m"})
DATED_POST = re.compile(r"^\d{4}/\d{2}(?:/\d{2})?/[^/]+$")
DATE_ARCHIVE = re.compile(r"^\d{4}(?:/\d{2}(?:/\d{2})?)?$")
FILE_EXT = re.compile(r"\.(?!html?$|php$)[a-z0-9]{2,5}$", re.IGNORECASE)
# A lone "/<slug>/" is a post only if it reads like a headline, not "/tin-tuc/", "/lien-he/".
HEADLINE_SLUG = re.compile(r"^[\w%]+(?:-[\w%]+){4,}(?:\.html?)?$")

_GENERATOR = re.compile(r"^wordpress\b", re.IGNORECASE)
# Each is something WordPress core prints on every page; one hotlinked image is not enough.
_CORE_MARKERS = {
    "/wp-content/": "assets under /wp-content/",
    "/wp-includes/": "assets under /wp-includes/",
    "api.w.org": 'REST API link rel="https://api.w.org/"',
    "/wp-json/": "REST API under /wp-json/",
    "wp-emoji": "emoji loader wp-emoji",
}


def fingerprint(doc: Document) -> list[str]:
    reasons = generator_reasons(doc, _GENERATOR)
    if not reasons and not doc.mentions("wp-"):
        return []  # two core markers always include one with "wp-": one page search
    core = [reason for marker, reason in _CORE_MARKERS.items() if doc.mentions(marker)]
    if not reasons and len(core) < 2:
        return []
    return reasons + core


def is_article_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    query = parse_qs(parts.query)
    if NOT_POST_QUERY.intersection(query):
        return False
    if (query.get("p") or [""])[0].isdecimal():
        return True
    path = parts.path.strip("/")
    segments = path.split("/") if path else []
    if not segments or NOT_POST_SEGMENTS.intersection(segments) or FILE_EXT.search(path):
        return False
    if DATE_ARCHIVE.match(path):
        return False
    if DATED_POST.match(path):
        return True
    if segments[-1].isdecimal() or segments[-1].endswith(".php"):
        return False
    return len(segments) >= 2 or bool(HEADLINE_SLUG.match(segments[0]))


def _post(doc: Document) -> tuple[HtmlElement, HtmlElement]:
    """The post element and its content element, or NotAnArticle for archives and others."""
    body_class = " ".join(
        c for body in doc.tree.iter("body") if (c := body.get("class")) is not None
    )
    if ARCHIVE_BODY.search(body_class):
        raise NotAnArticle(
            "not_an_article", f"a WordPress archive page ({body_class.strip()})", certain=True
        )
    for selector in POST:
        for post in select(doc.tree, selector):
            content = first_element(post, CONTENT)
            if content is not None and not in_side_block(post, SIDE_BLOCK):
                return post, content
    content = first_element(doc.tree, CONTENT)
    if content is None:
        raise NotAnArticle("not_an_article", "no WordPress post content (.entry-content)")
    return doc.tree, content


def _dates(doc: Document, post: HtmlElement) -> tuple[list[str], str | None]:
    """Machine times (the theme's time[datetime], then the SEO meta) and the shown date."""
    time_el = first_element(post, TIMES)
    machine = [time_el.get("datetime", "")] if time_el is not None else []
    machine.append(meta_content(doc, META_PUBLISHED) or "")
    shown = element_text(time_el) if time_el is not None else None
    shown = shown or first_text(post, SHOWN_DATE)
    if shown and (clock := first_text(post, (SHOWN_TIME,))):
        shown = with_post_time(shown, clock)
    return [m for m in machine if m], shown


def _featured(doc: Document, post: HtmlElement, content: HtmlElement) -> list[Image]:
    for img in select(post, FEATURED):
        src = img.get("src") or ""
        if src and not src.startswith("data:") and content not in img.iterancestors():
            url = resolve_url(doc.link_base, src)
            return [Image(url=url, caption=None)] if url is not None else []
    return []


def _account_author(post: HtmlElement) -> str | None:
    name = first_text(post, AUTHOR)
    return name if name and not ACCOUNT_NAME.match(name) else None


def _category(doc: Document, post: HtmlElement) -> str | None:
    name = first_text(post, CATEGORY) or meta_content(doc, META_SECTION)
    if name:
        return name
    crumbs = [element_text(a) for a in select(doc.tree, BREADCRUMB)]
    return crumbs[-1] if len(crumbs) >= 2 else None


def parse_article(doc: Document) -> Article:
    post, content = _post(doc)
    # Lazy-load plugins repeat each image in <noscript>. blocks ignores that copy as an image,
    # but still counts it when it looks for "one photo and its caption" in a paragraph.
    doc.drop(list(content.iter("noscript")))
    skip = set(select(content, IN_CONTENT_NOISE)) | inline_related_links(content)
    machine, shown = _dates(doc, post)
    summary = first_element(post, SUMMARY)
    parts = Parts(
        title=first_text(post, TITLES) or first_text(doc.tree, TITLES),
        # A machine time gives the value, the date as the page shows it the published_text.
        dateline_texts=machine + ([shown] if shown else []),
        shown_dateline=shown_dateline(shown) if shown else None,
        content_roots=[content],
        skip=skip,
        summary=element_text(summary) if summary is not None else None,
        category=_category(doc, post),
        loose_byline=False,
    )
    article = assemble(doc, NAME, parts)
    # The account's name and the featured image only stand in for a body without byline or
    # photo (the featured image repeats a body photo). Only assemble knows what the body has:
    # a second pass gets the stand-ins as Parts, the Article itself is never patched.
    account = _account_author(post) if article.byline is None else None
    featured = _featured(doc, post, content) if not article.images else []
    if account or featured:
        return assemble(doc, NAME, replace(parts, byline=account, extra_images=featured))
    return article


def _page_number(url: str) -> int:
    parts = urlsplit(url)
    paged = (parse_qs(parts.query).get("paged") or [""])[0]
    match = PAGE_NUMBER.search(parts.path)
    return int(paged) if paged.isdecimal() else int(match["n"]) if match else 1


def _loop_anchors(doc: Document) -> list[HtmlElement]:
    anchors: list[HtmlElement] = []
    for post in select(doc.tree, ", ".join(POST)):
        if in_side_block(post, SIDE_BLOCK) or any(p in anchors for p in post.iter("a")):
            continue
        link = first_element(post, LOOP_LINK)
        if link is not None:
            anchors.append(link)
    return anchors


def parse_listing(doc: Document) -> ListingPage:
    anchors = _loop_anchors(doc) or [
        a for a in doc.tree.iter("a") if not in_side_block(a, SIDE_BLOCK)
    ]
    urls = [u for u in absolute_links(doc, anchors) if is_article_url(u) and u != doc.url]
    return ListingPage(
        url=doc.url,
        platform=NAME,
        article_urls=urls,
        next_url=next_page(doc, select(doc.tree, PAGINATION), _page_number),
    )


PLATFORM = Platform(
    name=NAME,
    description="WordPress site (/<cat>/<slug>/, /?p=N, /page/N/)",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

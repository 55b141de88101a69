"""Microsoft SharePoint portals: HCMC district sites before 2025 and provincial "Cổng TTĐT".
Evidence: PORTALS.md §2d, real-text 12 (Quảng Ngãi) and 13 (Ninh Thuận).

Three page families share the platform, and all three are articles:

* blog posts of a district sub-site, `/tintuc/Lists/Posts/Post.aspx?ItemID=12802&Mode=1…`
  (any case): the post sits in the blog web part (SharePoint 2010 blog classes `ms-PostDate`,
  `ms-PostTitle`, `ms-PostBody`, `ms-PostFooter` "Đăng lúc 14:30 bởi <account>" — the account
  is the CMS user, not the author); the author is the body's last line, the body is
  table-heavy and a "Số lượt người xem: 356" counter follows it;
* publishing pages in a dated folder, `/portal/Pages/2024-5-17/<SLUG>-<random>.aspx`:
  "Đăng ngày 17 - 05 - 2024" beside "Lượt xem: 400" and a "100%" font-size widget; the
  folder date is only the fallback when the page shows none;
* Quảng Ngãi's rewrite, `/vi/<subsite>/Pages/qnp-<slug>-qnpnd-<newsId>-qnpnc-<catId>-
  qnpsite-<siteId>.html`: the author pushed right by a run of &nbsp;, then "Tin đã đưa".

Listings are web parts; the section's own one is the web part holding the pager
(`?Page=2`, `?pageindex=2`, or list paging `?Paged=TRUE&p_ID=…&PageFirstRow=11`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text, paragraphs
from ..bylines import MAX_BYLINE_CHARS, PHOTO_CREDIT
from ..cleanup import RELATED_HEADING, strip_boilerplate
from ..dates import parse_dateline
from ..document import Document
from ..model import Article, Image, ListingPage, NotAnArticle
from ..text import clean_line
from .base import Platform, absolute_links, query_int

NAME = "sharepoint"

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

# --- URL forms (matched on the path; the blog post also needs its item id) ------------------
BLOG_POST_PATH = re.compile(r"/lists/posts/post\.aspx$", re.IGNORECASE)
ITEM_ID = re.compile(r"^(?:item)?id$", re.IGNORECASE)
DATED_PAGE_PATH = re.compile(r"/pages/\d{4}-\d{1,2}-\d{1,2}/[^/]+\.aspx$", re.IGNORECASE)
QNP_PAGE_PATH = re.compile(r"/pages/qnp-[^/]*-qnpnd-\d+[^/]*\.html?$", re.IGNORECASE)
# System pages, list views and site home pages are never articles, whatever they show.
NOT_ARTICLE_PATH = re.compile(
    r"/_layouts/|/_vti_bin/|/forms/[^/]+\.aspx$|/(?:allposts|category|date|default)\.aspx$",
    re.IGNORECASE,
)

# --- blog posts (SharePoint 2010 blog template) ---------------------------------------------
POST = ".ms-PostWrapper"
POST_TITLE = ".ms-PostTitle"
POST_BODY = ".ms-PostBody"
POST_DATE = ".ms-PostDate, .ms-PostDateHeader"
POST_FOOTER = ".ms-PostFooter"
FOOTER_TIME = re.compile(r"\b(?:lúc|at)\s+(\d{1,2}:\d{2}(?:\s?(?:SA|CH|AM|PM)\b)?)", re.IGNORECASE)
CATEGORY_LINK = re.compile(r"/lists/categories/", re.IGNORECASE)

# --- publishing pages (vendor page layouts; the rich text is SharePoint's ms-rtestate-field) -
TITLE = (
    ".news-title, .news-detail-title, .NewsTitle, .title-detail, .detail-title, "
    ".article-title, .tieude, .TieuDe"
)
CONTENT = (
    ".ms-rtestate-field, .news-content, .NewsContent, .article-content, .detail-content, "
    ".content-detail, .noidung, .NoiDung"
)
SAPO = ".news-sapo, .news-summary, .NewsSummary, .article-summary, .sapo, .tomtat, .TomTat"
BYLINE = ".by-line, .news-author, .NewsAuthor, .article-author, .tacgia, .TacGia"
# The PublishingPageImage field of SharePoint's own article layouts, outside the rich text.
CAPTIONED_IMAGE = ".captioned-image"
BREADCRUMB = (
    ".breadcrumb a, .s4-breadcrumb a, a.ms-sitemapdirectional, .ms-sitemapdirectional a, "
    "[id*=siteMapPath] a, [id*=SiteMapPath] a"
)
HOME_CRUMB = re.compile(r"^(?:trang chủ|home|pages|trang)$", re.IGNORECASE)
DATE_HINT = re.compile(r"date|time|ngay|publish|thoigian", re.IGNORECASE)
# Unmarked datelines start with a label or a weekday; a lead "Ngày 24/1, …" is not one.
DATE_LABEL = re.compile(
    r"^(?:đăng ngày|ngày đăng|ngày cập nhật|cập nhật|đăng lúc|"
    r"thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\b",
    re.IGNORECASE,
)
MAX_DATELINE_CHARS = 120
# What shares the dateline's box after the date: counter, font-size widget, print links.
DATELINE_TAIL = re.compile(
    r"[\s|]*(?:lượt xem|số lượt|lượt truy cập|view count|cỡ chữ|\d{1,3}\s?%|\bA\s?[-+](?!\w)"
    r"|in bài|bản in).*$",
    re.IGNORECASE,
)
COUNTER = re.compile(r"^(?:số\s)?lượt\s(?:người\s)?(?:xem|truy cập)\s?:?\s?[\d.,]*$", re.IGNORECASE)
RELATED_HOLDERS = ("p", "div", "h2", "h3", "h4", "h5", "h6")
MIN_RELATED_LINK_SHARE = 0.6
# A byline "right-aligned" by a run of &nbsp; (Quảng Ngãi): at least this many of them.
MIN_INDENT_NBSP = 4
LEADING_SPACE = re.compile(r"^\s*")

# --- listings -----------------------------------------------------------------------------
WEB_PART_ID = re.compile(r"^WebPartWPQ\d+$")
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
    names = doc.tree.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")
    return " ".join(str(n) for n in names)


def _url_form(url: str) -> str | None:
    path = urlsplit(url).path
    if BLOG_POST_PATH.search(path) and query_int(url, ITEM_ID) is not None:
        return "blog post (Lists/Posts/Post.aspx?ItemID=…)"
    if DATED_PAGE_PATH.search(path):
        return "publishing page in a dated folder (/Pages/y-m-d/….aspx)"
    if QNP_PAGE_PATH.search(path):
        return "Quảng Ngãi rewritten page (/Pages/qnp-…-qnpnd-<id>-….html)"
    return None


def fingerprint(doc: Document) -> list[str]:
    html = doc.html
    reasons = [f"markup contains {m!r}" for m in STRONG_MARKERS if m in html]
    if "sharepoint" in _generator(doc).lower():
        reasons.insert(0, '<meta name="GENERATOR" content="Microsoft SharePoint">')
    weak = [f"markup contains {m!r}" for m in WEAK_MARKERS if m in html]
    if not reasons and len(weak) < MIN_WEAK_MARKERS:
        return []
    form = _url_form(doc.url)
    return reasons + weak + ([f"URL is a SharePoint {form}"] if form else [])


def is_article_url(url: str) -> bool:
    return _url_form(url) is not None


def _inside(element: HtmlElement, container: HtmlElement | None) -> bool:
    return container is not None and any(a is container for a in element.iterancestors())


def _counters(root: HtmlElement) -> set[HtmlElement]:
    """View counters inside the post ("Số lượt người xem:" and "356" may sit in two rows)."""
    found: set[HtmlElement] = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or "lượt" not in (element.text or "").lower():
            continue
        if not COUNTER.match(element_text(element)):
            continue
        top = element
        for ancestor in element.iterancestors():
            if ancestor is root or not COUNTER.match(element_text(ancestor)):
                break
            top = ancestor
        found.add(top)
    return found


def _link_share(element: HtmlElement) -> float:
    text = len(element_text(element))
    return sum(len(element_text(a)) for a in element.iter("a")) / text if text else 1.0


def _injected_related(root: HtmlElement) -> set[HtmlElement]:
    """ "Tin liên quan:" pasted into the post and the link lines under it.

    The shared cleanup ends such a block only at a long paragraph; here a table or a short
    line without links right after the links ends it too.
    """
    found: set[HtmlElement] = set()
    for heading in root.iter(*RELATED_HOLDERS):
        if heading in found or not RELATED_HEADING.match(element_text(heading)):
            continue
        found.add(heading)
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.find(".//img") is not None:
                break
            if element_text(sibling) and _link_share(sibling) < MIN_RELATED_LINK_SHARE:
                break
            found.add(sibling)
    return found


def _shown_dateline(text: str) -> str:
    return DATELINE_TAIL.sub("", text).strip(" |-–")


def _dateline_texts(scope: HtmlElement, body: HtmlElement) -> list[str]:
    """The date box above the body: an element named for dates, else a labelled line.

    Only what precedes the body counts: the "Tin đã đưa" lists after it carry dates too.
    """
    before: list[HtmlElement] = []
    for element in scope.iter():
        if element is body:
            break
        if isinstance(element.tag, str):
            before.append(element)
    marked = [e for e in before if DATE_HINT.search(f"{e.get('class')} {e.get('id')}")]
    for group, label_needed in ((marked, False), (before, True)):
        for element in group:
            text = element_text(element)
            if not text or len(text) > MAX_DATELINE_CHARS:
                continue
            if (not label_needed or DATE_LABEL.match(text)) and parse_dateline(text):
                return [_shown_dateline(text)]
    return []


def _indented_byline(body: HtmlElement, skip: set[HtmlElement]) -> str | None:
    """The last paragraph when &nbsp; runs push it to the right (real-text 12).

    Photo credits after it ("Ảnh: …") go with it: they are added to `skip`.
    """
    blocks = strip_boilerplate(paragraphs(body, skip))
    credits = []
    while blocks and PHOTO_CREDIT.match(blocks[-1].text):
        credits.append(blocks.pop().element)
    if not blocks:
        return None
    last = blocks[-1]
    lead = LEADING_SPACE.match("".join(last.element.itertext()))
    nbsp = lead.group().count("\u00a0") if lead else 0
    if nbsp < MIN_INDENT_NBSP or len(last.text) > MAX_BYLINE_CHARS:
        return None
    skip.update(credits)
    return last.text


def _category(doc: Document, title: str) -> str | None:
    crumbs = [element_text(a) for a in doc.tree.cssselect(BREADCRUMB)]
    crumbs = [c for c in crumbs if c and c != title and not HOME_CRUMB.match(c)]
    return crumbs[-1] if crumbs else None


def _parse_blog_post(doc: Document, post: HtmlElement) -> Article:
    title_el = post.cssselect(POST_TITLE)
    bodies = post.cssselect(POST_BODY)
    if not title_el or not bodies:
        raise NotAnArticle("not_an_article", "a SharePoint blog post without title or body")
    body = bodies[0]
    part = _web_part(post)
    scope = part if part is not None else post
    header = next((element_text(e) for e in scope.cssselect(POST_DATE) if element_text(e)), "")
    footer = " ".join(element_text(e) for e in post.cssselect(POST_FOOTER))
    time = FOOTER_TIME.search(footer)
    dateline = header
    if header and time and (parsed := parse_dateline(header)) and parsed.precision == "day":
        dateline = f"{header} lúc {time.group(1)}"  # the day heads the post, the time ends it
    category = next(
        (element_text(a) for e in post.cssselect(POST_FOOTER) for a in e.iter("a")
         if CATEGORY_LINK.search(a.get("href") or "")),
        None,
    )  # fmt: skip
    parts = Parts(
        title=element_text(title_el[0]),
        dateline_texts=[dateline] if dateline else [],
        content_roots=[body],
        skip=_counters(body) | _injected_related(body),
        category=category or _category(doc, element_text(title_el[0])),
        loose_byline=True,  # HCMC blogs end with the author's bare name
    )
    return assemble(doc, NAME, parts)


def _find_title(doc: Document) -> HtmlElement | None:
    found = doc.css_first(TITLE)
    if found is not None and element_text(found):
        return found
    # Vendor layouts unknown here: the heading that repeats the page's <title>.
    page_title = clean_line(doc.tree.findtext(".//title"))
    headings = [h for h in doc.tree.iter("h1", "h2", "h3") if len(element_text(h)) >= 10]
    matching = [h for h in headings if page_title.startswith(element_text(h))]
    return max(matching, key=lambda h: len(element_text(h)), default=None)


def _parse_page(doc: Document) -> Article:
    title_el = _find_title(doc)
    scope = next((a for a in title_el.iterancestors() if a.cssselect(CONTENT)), None) if (
        title_el is not None
    ) else None  # fmt: skip
    if title_el is None or scope is None:
        raise NotAnArticle("not_an_article", "no SharePoint article title and text")
    title = element_text(title_el)
    fields = [c for c in scope.cssselect(CONTENT) if not _inside(c, title_el)]
    outermost = [c for c in fields if not any(_inside(c, other) for other in fields)]
    if not outermost:
        raise NotAnArticle("not_an_article", "the only SharePoint text field is the title")
    body = max(outermost, key=lambda c: len(element_text(c)))
    skip = _counters(body) | _injected_related(body)

    sapo = next((s for s in scope.cssselect(SAPO) if element_text(s) and s is not body), None)
    if sapo is not None and (sapo is body or _inside(body, sapo)):
        sapo = None
    if sapo is not None and _inside(sapo, body):
        skip.add(sapo)
    byline_el = next((b for b in scope.cssselect(BYLINE) if element_text(b)), None)
    byline = element_text(byline_el) if byline_el is not None else _indented_byline(body, skip)
    images = []
    for box in scope.cssselect(CAPTIONED_IMAGE):
        caption = " ".join(element_text(c) for c in box.cssselect(".caption")) or None
        images += [
            Image(url=urljoin(doc.url, img.get("src", "")), caption=caption)
            for img in box.iter("img")
            if img.get("src")
        ]
    parts = Parts(
        title=title,
        dateline_texts=_dateline_texts(scope, body),
        content_roots=[body],
        skip=skip,
        summary=element_text(sapo) if sapo is not None else None,
        category=_category(doc, title),
        loose_byline=False,
        byline=byline,
        extra_images=images,
    )
    return assemble(doc, NAME, parts)


def parse_article(doc: Document) -> Article:
    if NOT_ARTICLE_PATH.search(urlsplit(doc.url).path):
        raise NotAnArticle("not_an_article", "a SharePoint system page, list view or home page")
    posts = doc.tree.cssselect(POST)
    if len(posts) > 1:
        raise NotAnArticle("not_an_article", f"a blog page listing {len(posts)} posts")
    return _parse_blog_post(doc, posts[0]) if posts else _parse_page(doc)


# --- listings -----------------------------------------------------------------------------


def _web_part(element: HtmlElement) -> HtmlElement | None:
    return next((a for a in element.iterancestors() if WEB_PART_ID.match(a.get("id") or "")), None)


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
        if not is_article_url(urljoin(doc.url, anchor.get("href") or "")):
            continue
        part = _web_part(anchor)
        if part is None and _in_chrome(anchor):
            continue
        scope = part if part is not None else doc.tree
        groups.setdefault(id(scope), (scope, []))[1].append(anchor)
    if not groups:
        return ListingPage(url=doc.url, platform=NAME, next_url=_next_page(doc, doc.tree))
    # The section's own web part carries the pager; side boxes ("Tin nổi bật") do not.
    scope, anchors = max(groups.values(), key=lambda g: (bool(_paging_links(doc, g[0])), len(g[1])))
    urls = [u for u in absolute_links(doc, anchors) if is_article_url(u)]
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

"""The fallback for portals of unknown platforms.

Title from the article heading (not <title>, which carries the site name), a Vietnamese
dateline near the title, main text by content density, byline by the conventions of
PORTALS.md §4.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import BLOCK_TAGS, element_text, is_noise, paragraphs
from ..css import select
from ..dates import parse_dateline
from ..document import Document
from ..model import Article, ListingPage, NotAnArticle
from ..text import clean_line
from .base import Platform, absolute_links, title_segments

NAME = "generic"

TITLE_CANDIDATES = "h1, h2, h3, [class*=title], [class*=tieude], [class*=headline]"
CHROME = re.compile(
    r"(?:^|[\s_-])(?:header|footer|nav|navbar|menu|sidebar|side|widget|portlet-title|logo|"
    r"banner|breadcrumbs?)(?:$|[\s_-])",
    re.IGNORECASE,
)
ERROR_PAGE = re.compile(
    r"không tìm thấy (?:trang|bài viết|nội dung|dữ liệu)|trang (?:bạn tìm|không tồn tại)|"
    r"page not found|404 not found|lỗi 404|bài viết không tồn tại|nội dung không tồn tại",
    re.IGNORECASE,
)
META_DATES = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "DC.date.issued",
)
CONTENT_TAGS = ("div", "article", "section", "td", "main")
INLINE_WRAPPERS = ("span", "font", "form", "center")
PARAGRAPH_TAGS = ("p", "div", "li", "td", "blockquote", "h2", "h3", "h4")
MIN_BODY_CHARS = 80
DATELINE_WINDOW = 12  # how many elements after the title to look for a dateline
ARTICLE_LINK = re.compile(
    r"(?:\d{3,}|[a-z0-9]+(?:-[a-z0-9]+){3,})(?:\.html?|\.aspx|/)?$", re.IGNORECASE
)
NEXT_LABEL = re.compile(r"^(?:tiếp|sau|trang sau|trang tiếp|next|›|»|>|>>)$", re.IGNORECASE)
# Boxes beside the section's list: "tin nổi bật", "xem nhiều", "tin liên quan", sidebars.
SIDE_BOX = re.compile(
    r"hot|noi-?bat|noibat|lien-?quan|related|other|khac|xem-?nhieu|most|moi-?nhat|sidebar|"
    r"right|aside|widget|featured-box",
    re.IGNORECASE,
)
PAGE_PARAM = re.compile(
    r"(?:[?&](?:page|p|trang|pageindex|cur|_cur)=|/page/|/trang-)(\d+)", re.IGNORECASE
)


def fingerprint(doc: Document) -> list[str]:
    return ["no platform fingerprint matched: generic extraction"]


def is_article_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(ARTICLE_LINK.search(path)) and path.count("/") >= 1


def _in_chrome(element: HtmlElement) -> bool:
    for node in (element, *element.iterancestors()):
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in ("header", "footer", "nav", "aside") or (
            attrs.strip() and CHROME.search(attrs)
        ):
            return True
    return False


def _similarity(candidate: str, reference: str) -> float:
    """Share of the candidate's words that appear, in order, at the start of the reference."""
    a, b = candidate.lower().split(), reference.lower().split()
    if not a or not b:
        return 0.0
    same = sum(1 for x, y in zip(a, b, strict=False) if x == y)
    return same / max(len(a), 1)


def _has_dateline_after(element: HtmlElement) -> bool:
    return any(
        len(text) < 200 and parse_dateline(text, fallback=False) is not None
        for text in _following_texts(element, 4)
    )


def _near(element: HtmlElement, container: HtmlElement | None, levels: int = 3) -> bool:
    """Whether `element` sits within a few levels above the content container."""
    if container is None:
        return False
    ancestor: HtmlElement | None = container
    for _ in range(levels):
        ancestor = ancestor.getparent() if ancestor is not None else None
        if ancestor is None:
            return False
        if element in ancestor.iterdescendants():
            return True
    return False


def find_title(
    doc: Document, container: HtmlElement | None = None
) -> tuple[str | None, HtmlElement | None]:
    """The article's heading: like <title>/og:title, followed by a dateline, next to the text.

    <title> alone is not trusted: it carries the site name, and on some portals it is only
    the site name, which a logo heading repeats.
    """
    og = doc.tree.xpath('//meta[@property="og:title" or @name="title"]/@content')
    references = [clean_line(str(og[0]))] if og else []
    segments = title_segments(doc)
    if segments:
        references.append(segments[0])
    site_names = {segments[-1]} if len(segments) == 1 else set(segments[1:])
    best: tuple[float, str, HtmlElement] | None = None
    for element in select(doc.tree, TITLE_CANDIDATES):
        text = element_text(element)
        if not (10 <= len(text) <= 400) or element.tag in ("a", "title"):
            continue
        if container is not None and (
            element is container or element in container.iterdescendants()
        ):
            continue
        score = max((_similarity(text, ref) for ref in references), default=0.0)
        score += 0.3 if element.tag == "h1" else 0.0
        score += 0.8 if _has_dateline_after(element) else 0.0
        score += 0.4 if _near(element, container) else 0.0
        score -= 0.5 if _in_chrome(element) else 0.0
        score -= 0.6 if text in site_names and len(references) < 2 else 0.0
        if best is None or score > best[0]:
            best = (score, text, element)
    if best is not None and best[0] >= 0.5:
        return best[1], best[2]
    if references:
        return references[0], None
    return None, None


def _following_texts(element: HtmlElement, limit: int) -> list[str]:
    """Text of the elements that follow `element` in document order (the dateline's place)."""
    texts: list[str] = []
    for node in element.itersiblings():
        if isinstance(node.tag, str):
            raw = node.text_content()
            # A dateline is short: don't clean a whole article body to find that out.
            texts.append(element_text(node) if len(raw) < 600 else raw[:600])
            if len(texts) >= limit:
                return texts
    parent = element.getparent()
    if parent is not None and len(texts) < limit and parent.tag not in ("body", "html"):
        texts.extend(_following_texts(parent, limit - len(texts)))
    return texts


def _dateline_texts(doc: Document, title_el: HtmlElement | None) -> list[str]:
    texts: list[str] = []
    if title_el is not None:
        nearby = _following_texts(title_el, DATELINE_WINDOW)
        before = title_el.getprevious()
        if before is not None and isinstance(before.tag, str):
            nearby.insert(0, element_text(before))
        nearby = [t for t in nearby if t and len(t) < 300]
        # Compiled patterns first; dateparser (month names) only when they find nothing.
        found = [t for t in nearby if parse_dateline(t, fallback=False)]
        texts.extend(found or [t for t in nearby if parse_dateline(t)])
    for name in META_DATES:
        values = doc.tree.xpath(
            f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]/@content'
        )
        texts.extend(str(v) for v in values)
    for value in doc.tree.xpath("//time/@datetime"):
        texts.append(str(value))
    return texts


def _container_of(element: HtmlElement) -> HtmlElement | None:
    """The nearest block container above `element`, looking through inline wrappers
    (ASP.NET portals put the whole body in a <span id="…lblContent">)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in CONTENT_TAGS:
            return ancestor
        if ancestor.tag not in INLINE_WRAPPERS:
            return None
    return None


def _score_containers(doc: Document) -> HtmlElement | None:
    """Readability-style density: paragraphs vote for their parent and grandparent."""
    scores: dict[HtmlElement, float] = {}
    for para in doc.tree.iter(*PARAGRAPH_TAGS):
        if is_noise(para) or any(
            child.tag in BLOCK_TAGS
            for child in para
            if isinstance(child.tag, str) and child.tag not in ("br",)
        ):
            continue
        text = element_text(para)
        if len(text) < 25:
            continue
        links = sum(len(element_text(a)) for a in para.iter("a"))
        if links / max(len(text), 1) > 0.5:
            continue
        value = 1 + min(len(text) / 100, 3) + text.count(",") * 0.1
        parent = _container_of(para)
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + value
            grand = _container_of(parent)
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + value / 2
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el] * (0.4 if _in_chrome(el) else 1.0))


def _visible_length(element: HtmlElement) -> int:
    return sum(len(b.text) for b in paragraphs(element))


def _expand(container: HtmlElement, title_el: HtmlElement | None) -> HtmlElement:
    """Climb to parents that add little text: the lead or byline often sit just outside the
    densest block. Never climb to the block holding the title (it holds the page's chrome)."""
    length = _visible_length(container)
    node = container
    while (parent := node.getparent()) is not None and parent.tag not in ("body", "html"):
        if title_el is not None and (parent is title_el or title_el in parent.iterdescendants()):
            break
        if _in_chrome(parent):
            break
        parent_length = _visible_length(parent)
        if parent_length > length * 1.3 + 200:
            break
        node, length = parent, parent_length
    return node


def _error_message(doc: Document) -> str | None:
    """The "page not found" message of a CMS error page served with status 200."""
    page_title = " ".join(title_segments(doc))
    if ERROR_PAGE.search(page_title):
        return page_title
    if ERROR_PAGE.search(doc.tree.text_content()) is None:
        return None  # one pass over the text spares an element-by-element search
    for element in doc.tree.iter("h1", "h2", "h3", "h4", "p", "div", "span"):
        if element.tag in ("div", "span", "p") and len(element) > 3:
            continue
        text = element_text(element)
        if len(text) < 200 and ERROR_PAGE.search(text):
            return text
    return None


def parse_article(doc: Document) -> Article:
    error = _error_message(doc)
    if error:
        raise NotAnArticle("error_page", error[:120])
    container = _score_containers(doc)
    if container is None or len(element_text(container)) < MIN_BODY_CHARS:
        raise NotAnArticle("no_body", "no block of article text found")
    if _in_chrome(container):
        raise NotAnArticle("no_body", "the only text is in the page's header, footer or menus")
    if ERROR_PAGE.search(element_text(container)[:300]):
        raise NotAnArticle("error_page", element_text(container)[:120])
    title, title_el = find_title(doc, container)
    if title and ERROR_PAGE.search(title):
        raise NotAnArticle("error_page", title[:120])
    container = _expand(container, title_el)
    skip = {title_el} if title_el is not None else set()
    warnings = []
    headings = {element_text(h1) for h1 in doc.tree.iter("h1")} - {""}
    if len(headings) > 1:
        warnings.append(
            f"{len(headings)} different <h1> headings on the page: title chosen by score"
        )
    parts = Parts(
        title=title,
        dateline_texts=_dateline_texts(doc, title_el),
        content_roots=[container],
        skip=skip,
        category=None,
        loose_byline=True,
        warnings=warnings,
    )
    return assemble(doc, NAME, parts)


def _next_page(doc: Document) -> str | None:
    for url in absolute_links(doc, doc.tree.xpath("//a[@rel='next'] | //link[@rel='next']")):
        return url
    current_match = PAGE_PARAM.search(doc.url)
    current = int(current_match.group(1)) if current_match else 1
    links = absolute_links(doc, doc.tree.iter("a"))
    for url in links:
        match = PAGE_PARAM.search(url)
        if match and int(match.group(1)) == current + 1:
            return url
    for anchor in doc.tree.iter("a"):
        if NEXT_LABEL.match(element_text(anchor)):
            found = absolute_links(doc, [anchor])
            if found:
                return found[0]
    return None


def _signature(anchor: HtmlElement) -> tuple[str, ...]:
    """The anchor's markup path (tag and first class of each ancestor): items of one list
    share it, while a sidebar box's items have their own."""
    path = []
    for node in (anchor, *anchor.iterancestors()):
        if node.tag in ("body", "html"):
            break
        classes = (node.get("class") or "").split()
        path.append(f"{node.tag}.{classes[0]}" if classes else str(node.tag))
    return tuple(path)


def _in_side_box(anchor: HtmlElement) -> bool:
    return any(
        SIDE_BOX.search(f"{node.get('class') or ''} {node.get('id') or ''}")
        for node in anchor.iterancestors()
    )


def _lowest_common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    common = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        ancestors = {element, *element.iterancestors()}
        common = [node for node in common if node in ancestors]
    return common[0]


def _main_list(candidates: list[tuple[HtmlElement, str]]) -> list[str]:
    """The links of the section's own list, not of "tin nổi bật" boxes or menus.

    Anchors are grouped by markup path; the group with the most distinct articles wins (side
    boxes count for less). Everything inside that group's common container is kept, so a
    featured first item with its own markup is not lost.
    """
    groups: dict[tuple[str, ...], list[tuple[HtmlElement, str]]] = {}
    for anchor, url in candidates:
        groups.setdefault(_signature(anchor), []).append((anchor, url))

    def weight(group: list[tuple[HtmlElement, str]]) -> float:
        distinct = len({url for _, url in group})
        return distinct * (0.3 if _in_side_box(group[0][0]) else 1.0)

    best = max(groups.values(), key=weight)
    container = _lowest_common_ancestor([anchor for anchor, _ in best])
    if len(best) == 1:
        return [best[0][1]]
    inside = {id(node) for node in container.iter()}
    return [url for anchor, url in candidates if id(anchor) in inside]


def parse_listing(doc: Document) -> ListingPage:
    host = urlsplit(doc.url).hostname
    candidates: list[tuple[HtmlElement, str]] = []
    for anchor in doc.tree.iter("a"):
        if len(element_text(anchor)) < 20 or _in_chrome(anchor):
            continue
        for url in absolute_links(doc, [anchor]):
            if urlsplit(url).hostname == host and is_article_url(url) and url != doc.url:
                candidates.append((anchor, url))
    urls = list(dict.fromkeys(_main_list(candidates))) if candidates else []
    return ListingPage(url=doc.url, platform=NAME, article_urls=urls, next_url=_next_page(doc))


PLATFORM = Platform(
    name=NAME,
    description="any other portal: heading, nearby dateline, densest text block",
    fingerprint=fingerprint,
    parse_article=parse_article,
    parse_listing=parse_listing,
    is_article_url=is_article_url,
)

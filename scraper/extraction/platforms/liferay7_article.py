"""Liferay 7.x / DXP article pages: the web-content block, read by role.

Evidence: PORTALS.md §2b lists the article URLs of danang.gov.vn, its wards and
itpc.hochiminhcity.gov.vn but says "article markup not observed". These rules are therefore a
reconstruction pending a live sample: they follow what Liferay 7 itself emits (the
`journal-content-article` and `asset-full-content` wrappers, the asset publisher's
`metadata-*` furniture, `portlet-boundary` portlets) and read the web-content template inside
by role — heading, date, sapo, body, author and category classes — not by one theme's class
names; the Vietnamese ones (`chi-tiet-tin-tuc`, `noi-dung`, `tac-gia`, …) are plausible theme
names, not observed. tests/sites/liferay7* are constructed on these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text, is_noise
from ..css import select
from ..document import Document
from ..element_texts import node_text
from ..model import Article, NotAnArticle
from ..text import clean_line
from .base import title_segments
from .class_rules import ClassRule
from .liferay7_common import NAME, has_class, in_chrome, inside, path, portlet_of

# --- article markup, as whole class tokens (web-content templates name them freely), each
# with the words every token it accepts contains (see ClassRule).
ROOT_CLASS = ClassRule(
    r"asset-full-content|journal-content-article|chi-?tiet-?tin(?:-?tuc)?|tin-?chi-?tiet|"
    r"news-detail|detail-news|article-detail",
    ("content", "tiet", "detail"),
)
TITLE_CLASS = ClassRule(
    r"(?:[\w-]*[_-])?(?:title|tieu-?de|headline)(?:[_-][a-z]+)?", ("title", "tieu", "headline")
)
# The portlet's own decoration names the section ("Tin tức"), not the article.
PORTLET_TITLE = ClassRule(r"portlet-(?:title(?:-[a-z]+)?|header|topper)", ("portlet-",))
DATE_CLASS = ClassRule(
    r"date|time|ngay|thoi-?gian|publish",
    ("date", "time", "ngay", "thoi", "publish"),
    whole=False,
    flags=re.IGNORECASE,
)
SAPO_CLASS = ClassRule(
    r"(?:[\w-]*[_-])?(?:sapo|summary|description|lead|tom-?tat|trich-?yeu|mo-?ta|abstract|intro)",
    ("sapo", "summary", "description", "lead", "tom", "trich", "mo", "abstract", "intro"),
)
# "image-description", "anh-mo-ta": captions, not the lead.
NOT_SAPO_CLASS = ClassRule(
    r"(?:^|[_-])(?:caption|image|img|photo|anh|chu-?thich)(?:$|[_-])",
    ("caption", "image", "img", "photo", "anh", "chu"),
    whole=False,
)
# Screen-reader copies of the page title ("hide-accessible sr-only").
HIDDEN_CLASS = ClassRule(r"sr-only|hide-accessible|hidden|d-none", ("sr-only", "hid", "d-none"))
BODY_CLASS = ClassRule(
    r"(?:[\w-]*[_-])?(?:content|body|noi-?dung)(?:[_-](?:detail|news|text|body|chi-?tiet))?",
    ("content", "body", "noi"),
)
AUTHOR_CLASS = ClassRule(
    r"(?:[\w-]*[_-])?(?:author|tac-?gia|byline|but-?danh)(?:[_-](?:detail|name|info|news))?",
    ("author", "gia", "byline", "danh"),
)
CATEGORY_CLASS = ClassRule(
    r"(?:[\w-]*[_-])?(?:category|chuyen-?muc|danh-?muc)", ("category", "muc")
)
# Asset-publisher furniture: its `metadata-author` is the CMS account, not the writer.
FURNITURE_CLASS = ClassRule(
    r"asset-metadata|metadata-[\w-]+|asset-user-actions|asset-links|asset-ratings|"
    r"lfr-discussion|asset-categorization|asset-tags",
    ("asset-", "metadata-", "lfr-discussion"),
)
BREADCRUMB = ".breadcrumb li, .breadcrumb-item"
HOME_LABELS = frozenset({"trang chủ", "home", "trang chu"})
MIN_BODY_CHARS = 80
# Display pages can map the publish date to Open Graph / schema.org tags. (libxml2 picks
# them out: doc.metas() would build a dict for every <meta>, and only this reads them here.)
META_DATES = etree.XPath(
    "descendant-or-self::meta[@property='article:published_time' or @itemprop='datePublished']"
    "/@content",
    smart_strings=False,
)


def _text_len(element: HtmlElement) -> int:
    """Length of the raw text: enough to compare blocks, cheaper than normalising it.
    (libxml2 concatenates the same text nodes that itertext() yields, in C.)"""
    return len(node_text(element))


def _in_noise(element: HtmlElement, root: HtmlElement, *, furniture: bool = True) -> bool:
    """Inside a related/share/comment block (or, with `furniture`, publisher metadata)."""
    node: HtmlElement | None = element
    while node is not None:  # up to `root` only, not the whole path to <html>
        if is_noise(node) or (furniture and has_class(node, FURNITURE_CLASS)):
            return True
        if node is root:
            return False
        node = node.getparent()
    return False


def _find_root(doc: Document) -> HtmlElement | None:
    """The main article block: the candidate with the most text, outermost on ties."""
    # Every element's class, read in one walk: the memo's class index would first list every
    # node of the page (which this adapter seldom needs), an XPath testing the class attribute
    # costs several times more (libxml2 builds a string for each test).
    candidates = [
        el
        for el in doc.tree.iter(etree.Element)
        if ROOT_CLASS.accepts(el.get("class")) and not in_chrome(el)
    ]
    longest = max(candidates, key=_text_len, default=None)
    if longest is None or _holds_heading(longest):
        return longest
    # A side box's web content ("Giới thiệu phường") may outweigh a short notice: the block
    # that holds its own heading is the article's, when it has text enough.
    titled = [
        el
        for el in candidates
        if _holds_heading(el) and len(clean_line(node_text(el))) >= MIN_BODY_CHARS
    ]
    return max(titled, key=_text_len, default=longest)


def _holds_heading(element: HtmlElement) -> bool:
    return next(element.iterdescendants("h1", "h2", "h3"), None) is not None


def _first(
    root: HtmlElement, keep: Callable[[HtmlElement], bool], candidates: Iterable[HtmlElement]
) -> HtmlElement | None:
    """The first element of `root` (in page order) that `keep` accepts, has text, is no noise.

    `candidates`: the descendants of `root` that `keep` can accept at all (those of a tag, or
    with a class), in page order: a rule then tests a few elements, not every node."""
    found = (
        el
        for el in candidates
        if isinstance(el.tag, str) and keep(el) and element_text(el) and not _in_noise(el, root)
    )
    return next(found, None)


# The descendants of an element that have a class attribute, in page order.
WITH_CLASS = etree.XPath("descendant::*[@class]")
WITH_CLASS_OR_SELF = etree.XPath("descendant-or-self::*[@class]")

# Heading rules, most telling first: the tags a rule accepts (None: it needs a class).
TITLE_RULES: tuple[tuple[tuple[str, ...] | None, Callable[[HtmlElement], bool]], ...] = (
    (("h1",), lambda el: el.tag == "h1"),
    (None, lambda el: has_class(el, TITLE_CLASS)),
    (("h2", "h3"), lambda el: el.tag in ("h2", "h3")),
)


def _title(doc: Document, root: HtmlElement, classed: list[HtmlElement]) -> HtmlElement | None:
    """The heading inside the block, else the nearest one above it in its portlet (6.x-style
    publishers put it there), else the page's h1 outside the header."""
    for tags, keep in TITLE_RULES:
        found = _first(root, keep, root.iterdescendants(*tags) if tags else classed)
        if found is not None and _in_body_field(found, root):
            # A heading the text itself opens with ("<h1>THÔNG BÁO</h1>" in the body field):
            # the template's title field above it, if there is one.
            outside = _first(
                root,
                lambda el: has_class(el, TITLE_CLASS) and not _in_body_field(el, root),
                classed,
            )
            found = outside if outside is not None else found
        if found is not None:
            return found
    portlet = portlet_of(root)
    above: list[HtmlElement] = []
    for el in portlet.iter() if portlet is not None else ():
        if el is root:
            break
        if isinstance(el.tag, str) and not inside(root, el) and element_text(el):
            above.append(el)
    above = [el for el in above if not any(has_class(n, PORTLET_TITLE) for n in path(el))]
    for _, keep in TITLE_RULES:
        found = [el for el in above if keep(el)]
        if found:
            return found[-1]
    visible = (h for h in doc.tree.iter("h1") if not has_class(h, HIDDEN_CLASS))
    return next((h for h in visible if not in_chrome(h)), None)


def _in_body_field(element: HtmlElement, root: HtmlElement) -> bool:
    """Inside an element of `root` that its class names the body ("noi-dung")."""
    for ancestor in element.iterancestors():
        if ancestor is root:
            return False
        if has_class(ancestor, BODY_CLASS):
            return True
    return False


def _body(
    root: HtmlElement,
    title: HtmlElement | None,
    sapo: HtmlElement | None,
    classed: list[HtmlElement],
) -> HtmlElement:
    """The template's body field, else the whole block (minus the parts read separately)."""
    candidates = [
        el
        for el in classed
        if has_class(el, BODY_CLASS)
        and not (title is not None and inside(title, el))
        and not (sapo is not None and inside(el, sapo))
        and not _in_noise(el, root)
    ]
    return max(candidates, key=_text_len, default=root)


def _dateline_texts(
    doc: Document,
    root: HtmlElement,
    title: HtmlElement | None,
    body: HtmlElement,
    classed: list[HtmlElement],
) -> list[str]:
    """Date-classed elements of the block (above the body first), then short lines after the
    title, then the page's published-time meta tags."""
    dated = [
        el
        for el in _and_self(root, classed)
        if has_class(el, DATE_CLASS)
        and not _in_noise(el, root, furniture=False)
        and len(text := element_text(el)) < 200
        and doc.dateline(text) is not None
    ]
    # The innermost dated element: a wrapper also holds the view counter and the category.
    dated = [el for el in dated if not any(inside(o, el) for o in dated if o is not el)]
    dated.sort(key=lambda el: body is not root and inside(el, body))
    texts = [element_text(el) for el in dated]
    if title is not None:
        # The first three: islice stops there, the title's siblings can be the whole body.
        following = list(
            islice(
                (
                    n
                    for n in title.itersiblings()
                    if isinstance(n.tag, str) and not _in_noise(n, root)
                ),
                3,
            )
        )
        texts += [t for n in following if len(t := element_text(n)) < 200 and doc.dateline(t)]
    return texts + _meta_dates(doc)


def _and_self(root: HtmlElement, classed: list[HtmlElement]) -> list[HtmlElement]:
    """`root` (when it has a class) and its descendants with one."""
    return [root, *classed] if root.get("class") is not None else classed


def _meta_dates(doc: Document) -> list[str]:
    return META_DATES(doc.tree)


def _byline(root: HtmlElement, body: HtmlElement, classed: list[HtmlElement]) -> str | None:
    """An author field of the template, outside the body (not the asset publisher's user)."""
    author = _first(
        root,
        lambda el: has_class(el, AUTHOR_CLASS) and (body is root or not inside(el, body)),
        classed,
    )
    return element_text(author) if author is not None else None


def _category(
    doc: Document, root: HtmlElement, title: str, classed: list[HtmlElement]
) -> str | None:
    label = _first(root, lambda el: has_class(el, CATEGORY_CLASS), classed)
    if label is not None:
        return element_text(label)
    crumbs = [element_text(li) for li in select(doc.tree, BREADCRUMB)]
    crumbs = [c for c in crumbs if c and c != title and c.lower() not in HOME_LABELS]
    if crumbs:
        return crumbs[-1]
    segments = title_segments(doc)
    return segments[-2] if len(segments) >= 3 else None


def parse_article(doc: Document) -> Article:
    root = _find_root(doc)
    if root is None:
        raise NotAnArticle("not_an_article", "no Liferay web-content or news-detail block")
    classed = WITH_CLASS(root)
    title_el = _title(doc, root, classed)
    sapo = _first(
        root,
        lambda el: has_class(el, SAPO_CLASS) and not has_class(el, NOT_SAPO_CLASS),
        classed,
    )
    body = _body(root, title_el, sapo, classed)
    # The text without the spaces element_text puts between pieces is never longer: when
    # it is long enough, the body is (and its element_text, a walk in Python, is not needed).
    if (
        len(clean_line(node_text(body))) < MIN_BODY_CHARS
        and len(element_text(body)) < MIN_BODY_CHARS
    ):
        # A hotline box or a banner: the article (if any) is elsewhere, e.g. in display-page
        # fragments, which the generic extractor reads.
        raise NotAnArticle("not_an_article", "no article text in the Liferay web-content blocks")
    datelines = _dateline_texts(doc, root, title_el, body, classed)
    # Furniture inside the body field: publisher metadata, the title and date repeated.
    skip = {
        el
        for el in (_and_self(root, classed) if body is root else WITH_CLASS_OR_SELF(body))
        if (
            has_class(el, FURNITURE_CLASS)
            or (has_class(el, DATE_CLASS) and element_text(el) in datelines)
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
        category=_category(doc, root, title or "", classed),
        loose_byline=False,
        byline=_byline(root, body, classed),
    )
    return assemble(doc, NAME, parts)

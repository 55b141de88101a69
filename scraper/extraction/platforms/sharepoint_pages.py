"""SharePoint publishing pages: the provincial dated-folder template and Quảng Ngãi's rewrite.

Evidence: PORTALS.md §2d and real-text 13 (Ninh Thuận) — `/portal/Pages/2024-5-17/<SLUG>-
<random>.aspx` shows "Đăng ngày 17 - 05 - 2024" beside "Lượt xem: 400" and a "100%" font-size
widget (the folder date is only the fallback when the page shows none); real-text 12 (Quảng
Ngãi) — `/vi/<subsite>/Pages/qnp-<slug>-qnpnd-<newsId>-….html` ends with the author pushed
right by leading spaces (in HTML, a run of &nbsp;), then "Tin đã đưa".

No HTML of either template has been seen: the rich text is SharePoint's `ms-rtestate-field`,
the `.captioned-image` box is SharePoint's own article-page image field, and the vendor class
lists below are plausible guesses with fallbacks (the heading repeating <title>, a labelled
dateline); tests/sites/sharepoint and tests/sites/sharepoint_qnp are constructed.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..assemble import Parts, assemble
from ..blocks import element_text, paragraphs
from ..bylines import MAX_BYLINE_CHARS, PHOTO_CREDIT
from ..cleanup import strip_boilerplate
from ..css import select
from ..dates import parse_dateline
from ..document import Document
from ..model import Article, Image, NotAnArticle
from ..text import clean_line
from ..urls import resolve_url
from .generic_far_datelines import PUBLISH_LABEL
from .sharepoint_common import NAME, breadcrumb_category, counters, injected_related, inside

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
CAPTION = ".caption"
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
# A byline "right-aligned" by a run of &nbsp; (Quảng Ngãi): at least this many of them.
MIN_INDENT_NBSP = 4
LEADING_SPACE = re.compile(r"^\s*")


def _shown_dateline(text: str) -> str:
    return DATELINE_TAIL.sub("", text).strip(" |-–")


def _dateline_texts(scope: HtmlElement, body: HtmlElement) -> list[str]:
    """The date box above the body: an element named for dates, else a labelled line.

    Only what precedes the body counts: the "Tin đã đưa" lists after it carry dates too.
    """
    before: list[HtmlElement] = []
    marked: list[HtmlElement] = []
    for element in scope.iter(etree.Element):  # (elements only: lxml skips comments in C)
        if element is body:
            break
        before.append(element)
        classes, ident = element.get("class"), element.get("id")
        if (classes is not None or ident is not None) and DATE_HINT.search(f"{classes} {ident}"):
            marked.append(element)
    # Why: the text of an element around the body holds the body's, cut nowhere and at least
    # as long (element_text joins text nodes by spaces, which NFC never composes across). Its
    # length is known already (the body was chosen by it); the text of the whole article is
    # not, and would only be read to be found too long.
    around_body = set(body.iterancestors()) if len(element_text(body)) > MAX_DATELINE_CHARS else ()
    for group, label_needed in ((marked, False), (before, True)):
        for element in group:
            if element in around_body:
                continue
            text = element_text(element)
            if not text or len(text) > MAX_DATELINE_CHARS:
                continue
            if (not label_needed or DATE_LABEL.match(text)) and parse_dateline(text):
                return [_shown_dateline(text)]
    return _labelled_after(body)


# The blocks after the body looked at for a labelled publish line ("Ngày đăng: …" closing
# the article, with the counter and print link), when none is above it.
AFTER_BODY_BLOCKS = 2


def _labelled_after(body: HtmlElement) -> list[str]:
    """The generic reader's publish labels (never "Ngày đăng ký", a registration's date)."""
    looked = 0
    for element in body.itersiblings():
        if not isinstance(element.tag, str) or not (text := element_text(element)):
            continue
        shown = _shown_dateline(text)
        if len(text) <= MAX_DATELINE_CHARS and PUBLISH_LABEL.match(text) and parse_dateline(shown):
            return [shown]
        looked += 1
        if looked == AFTER_BODY_BLOCKS:
            break
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


def _find_title(doc: Document, fields: list[HtmlElement]) -> HtmlElement | None:
    """`fields`: the page's text fields (CONTENT)."""
    named = [el for el in select(doc.tree, TITLE) if element_text(el)]
    # The one set beside a text field: a side box's header can carry a title class too
    # (Quảng Ngãi's left "Chuyên mục" box, "div.tieude").
    found = next((el for el in named if _beside(doc, el, fields)), None)
    if found is not None:
        return found
    # Vendor layouts unknown here: the heading that repeats the page's <title>, else one set
    # beside a text field.
    title = next(doc.tree.iterdescendants("title"), None)
    page_title = clean_line(title.text if title is not None else None)
    headings = [h for h in doc.tree.iter("h1", "h2", "h3") if len(element_text(h)) >= 10]
    matching = [h for h in headings if page_title.startswith(element_text(h))]
    if matching:
        return max(matching, key=lambda h: len(element_text(h)))
    found = next((h for h in headings if _beside(doc, h, fields)), None)
    return found if found is not None else next(iter(named), None)


def _beside(doc: Document, element: HtmlElement, fields: list[HtmlElement]) -> bool:
    """Whether `element`'s parent also holds one of the text `fields`."""
    parent = element.getparent()
    return parent is not None and bool(doc.memo.under(parent, fields))


def _images(doc: Document, scope: HtmlElement) -> list[Image]:
    images = []
    for box in select(scope, CAPTIONED_IMAGE):
        caption = " ".join(element_text(c) for c in select(box, CAPTION)) or None
        images += [
            Image(url=url, caption=caption)
            for img in box.iter("img")
            if img.get("src")
            and (url := resolve_url(doc.link_base, img.get("src", ""))) is not None
        ]
    return images


def parse_publishing_page(doc: Document) -> Article:
    # The text fields of the whole page, once: the title is the one set beside one, and the
    # scope the nearest ancestor of the title holding one (asking the selector again at each
    # ancestor cost eight class lookups each).
    every_field = select(doc.tree, CONTENT)
    title_el = _find_title(doc, every_field)
    scope = next(
        (a for a in title_el.iterancestors() if doc.memo.under(a, every_field)), None
    ) if every_field and title_el is not None else None  # fmt: skip
    if title_el is None or scope is None:
        raise NotAnArticle("not_an_article", "no SharePoint article title and text")
    title = element_text(title_el)
    fields = [c for c in doc.memo.under(scope, every_field) if not inside(c, title_el)]
    outermost = [c for c in fields if not any(inside(c, other) for other in fields)]
    if not outermost:
        raise NotAnArticle("not_an_article", "the only SharePoint text field is the title")
    body = max(outermost, key=lambda c: len(element_text(c)))
    skip = counters(body) | injected_related(body)

    sapo = next((s for s in select(scope, SAPO) if element_text(s) and s is not body), None)
    if sapo is not None and (sapo is body or inside(body, sapo)):
        sapo = None
    if sapo is not None and inside(sapo, body):
        skip.add(sapo)
    byline_el = next((b for b in select(scope, BYLINE) if element_text(b)), None)
    byline = element_text(byline_el) if byline_el is not None else _indented_byline(body, skip)
    parts = Parts(
        title=title,
        dateline_texts=_dateline_texts(scope, body),
        content_roots=[body],
        skip=skip,
        summary=element_text(sapo) if sapo is not None else None,
        category=breadcrumb_category(doc, title),
        loose_byline=False,
        byline=byline,
        extra_images=_images(doc, scope),
    )
    return assemble(doc, NAME, parts)

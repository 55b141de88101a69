"""The generic extractor's article heading: the element most like <title> or og:title with
a dateline after it, next to the text; or, where <title> names only the site (old layouts,
print views), a heading or bold line opening the text."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import islice, pairwise

from lxml.html import HtmlElement

from ..blocks import Block, element_text, paragraphs
from ..cleanup import RELATED_HEADING
from ..dates import count_dates, names_a_month
from ..document import Document
from ..text import clean_line
from .base import title_segments
from .generic_fields import LEADING_LINE_WORDS, TITLE_DATE, following_texts, mostly_date
from .generic_layout import following_elements, in_chrome, is_inside, near
from .own_addresses import links_to_itself

# The title's candidates: "h1, h2, h3, [class*=title], [class*=tieude], [class*=headline]".
TITLE_TAGS = ("h1", "h2", "h3")
# Anywhere in the value, any case: "TieuDe", "NewsTitle"; Joomla 1.x "contentheading".
# ("TenTin", "TenBai": an old template's "name of the news item".)
TITLE_CLASS = re.compile("title|tieude|headline|contentheading|tentin|tenbai", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return text.lower().split()


# How portals name themselves: "Cổng TTĐT xã …", "Trang thông tin điện tử …", "UBND thị trấn …".
SITE_NAME = re.compile(
    r"^(?:cổng (?:thông tin|ttđt|giao tiếp)|trang (?:thông tin|tin|ttđt)|website|ubnd|"
    r"ủy ban nhân dân|uỷ ban nhân dân)\b",
    re.IGNORECASE,
)


# A place's bare name, as small portals name themselves: "Phường Tân Định", "Quận 1".
PLACE_UNIT = re.compile(
    r"^(?:phường|xã|thị trấn|thị xã|quận|huyện|thành phố|tp\.?|tỉnh)\s", re.IGNORECASE
)
MAX_PLACE_NAME_WORDS = 4  # after the unit: "Phường Tân Định", "Xã Ea Kao", "Quận Hai Bà Trưng"


def _names_site(segment: str) -> bool:
    """Whether a <title> segment is a site's name: "Cổng TTĐT …", "UBND …", or a place's
    bare name, its words all capitalised ("Phường Tân Định"; not "Xã tổ chức hội nghị")."""
    if SITE_NAME.match(segment):
        return True
    unit = PLACE_UNIT.match(segment)
    if unit is None:
        return False
    name = segment[unit.end() :].split()
    return 1 <= len(name) <= MAX_PLACE_NAME_WORDS and all(
        word[0].isupper() or word.isdigit() for word in name
    )


def _site_name_last(segments: list[str]) -> list[str]:
    """<title>'s segments with the site's name last: most portals write "Article - Category
    - Portal", some old templates "Portal | Article" or "Portal » Category » Article"."""
    if len(segments) >= 2 and _names_site(segments[0]) and not _names_site(segments[-1]):
        return segments[::-1]
    return segments


# A site's name is short, or says what it is ("Cổng thông tin điện tử …"); a headline says what
# happened in more words ("Nông dân xã Hòa Bình thu hoạch lúa Đông Xuân").
MIN_HEADLINE_WORDS = 8


# Fewest words of a heading that is the title though <title> and og:title do not name it.
MIN_HEADLINE_WORDS_ALONE = 5


def _reads_as_headline(segment: str) -> bool:
    return len(segment.split()) >= MIN_HEADLINE_WORDS and not _names_site(segment)


def _similarity(candidate: list[str], reference: list[str]) -> float:
    """Share of the candidate's words that appear, in order, at the start of the reference
    (both as `_words`)."""
    if not candidate or not reference:
        return 0.0
    same = sum(map(operator.eq, candidate, reference))  # (zip's pairs, equal ones counted)
    return same / len(candidate)


def _has_dateline_after(doc: Document, element: HtmlElement) -> bool:
    return any(
        len(text) < 200
        and (
            doc.dateline(text, fallback=False) is not None
            # (A month in words, "By … | Sunday, March 16, 2025 - 11:20": the fallback reads it.)
            or (names_a_month(text) and doc.dateline(text) is not None)
        )
        for text in islice(following_texts(doc, element), 4)
    )


def find_title(
    doc: Document, container: HtmlElement | None = None
) -> tuple[str | None, HtmlElement | None]:
    """The article's heading: like <title>/og:title, followed by a dateline, next to the text.

    <title> alone is not trusted: it carries the site name, and on some portals it is only
    the site name, which a logo heading repeats.
    """
    og = next(
        (
            meta["content"]
            for meta in doc.metas()
            if (meta.get("property") == "og:title" or meta.get("name") == "title")
            and "content" in meta
        ),
        None,
    )
    references = [clean_line(og)] if og is not None else []
    segments = _site_name_last(title_segments(doc))
    if len(segments) == 1 and PRINT_TITLE.match(segments[0]):
        segments = []  # a print view's <title> names the view, not the article
    if segments:
        references.append(segments[0])
    site_names = set(segments[1:]) if len(segments) > 1 else set(segments[:1])
    if len(segments) == 1 and _reads_as_headline(segments[0]):
        site_names = set()  # <title> is the article's title alone (Joomla's default)
    reference_words = [_words(ref) for ref in references]
    names_headline = any(_reads_as_headline(ref) for ref in references)
    # Each candidate's score with and without a dateline after it (looking for one is the
    # costly part): the datelines are only looked for where they could change the winner.
    scored: list[tuple[float, float, int, str, HtmlElement]] = []
    for element in _title_candidates(doc):
        text = element_text(element)
        if not (10 <= len(text) <= 400) or element.tag == "title":
            continue
        if element.tag == "a" and not links_to_itself(doc, element):
            continue  # a teaser's title; an article's own may link to the article itself
        if RELATED_HEADING.match(text):
            continue  # "Các tin khác" over a list of other news, however its box is named
        inside = container is not None and (
            element is container or container in element.iterancestors()
        )
        if element is container:
            continue
        words = _words(text)
        score = max((_similarity(words, ref) for ref in reference_words), default=0.0)
        if not score and element.tag != "h1":
            # (Words, not the dashes between them: "Tin tức - Sự kiện" is four.)
            if sum(1 for word in words if word.isalnum() or len(word) > 1) < (
                MIN_HEADLINE_WORDS_ALONE
            ):
                # A box's label ("VĂN BẢN MỚI", "Lịch công tác") over its list of dated items:
                # a heading that <title> does not name says more than that to be the title.
                score -= 0.4
            if names_headline:
                score -= 0.5  # <title> names a story, and not this one
        # A heading inside the text block is more often a subheading than the title.
        score -= 0.2 if inside else 0.0
        score += 0.3 if element.tag == "h1" else 0.0
        rest = [
            0.4 if near(element, container) else 0.0,
            # (Closer still, in the text's own box: the tie-break with a side box's heading
            # when the layout is shallow enough for both to be "near".)
            0.1 if near(element, container, levels=1) else 0.0,
            -0.5 if in_chrome(element) else 0.0,
            -0.6 if text in site_names and len(references) < 2 else 0.0,
        ]
        without, with_dateline = score + 0.0, score + 0.8
        for term in rest:
            without, with_dateline = without + term, with_dateline + term
        scored.append((with_dateline, without, len(scored), text, element))
    best = _best_title(doc, scored)
    if best is not None and best[0] >= 0.5:
        return _uncut(best[1], best[2], references), best[2]
    title = None
    printed = None
    if references:
        # og:title often repeats <title>'s " - Section - Site" tail: keep the shortest
        # reference the others start with.
        title = min(references, key=len) if _nested(references) else references[0]
        printed = _printed_as(doc, title)
    if printed is None or in_chrome(printed):
        # <title> names no heading and is printed nowhere but the page's chrome: it is the
        # site's name ("UBND phường …"). The heading that opens the text is the title.
        opening = _opening_heading(container, [row[4] for row in scored])
        if opening is not None:
            return element_text(opening), opening
        bold = _bold_line_over_dateline(doc, container) or _bold_line_above(container)
        if bold is not None:
            return bold.text, _holder(bold)
    return title, printed


CUT_MARKS = ("...", "…")


def _uncut(text: str, heading: HtmlElement, references: list[str]) -> str:
    """The whole title of a heading the template cut short with "…" ("… có đất bị thu hồi…"),
    as its `title` attribute, og:title or <title> give it."""
    if not text.endswith(CUT_MARKS):
        return text
    kept = text.rstrip(".… ")
    wholes = [
        whole
        for whole in (clean_line(heading.get("title")), *references)
        if len(whole) > len(kept) + 1 and whole.startswith(kept) and not whole.endswith(CUT_MARKS)
    ]
    # The shortest: og:title may carry the site's name after the title, <title>'s first
    # segment does not.
    return min(wholes, key=len) if wholes else text


# What print views put in <title>: "Trang in", "In bài viết", "Print".
PRINT_TITLE = re.compile(
    r"^(?:trang in|bản in|in bài(?: viết)?|in trang|print(?: view)?)$", re.IGNORECASE
)


def _bold_line_over_dateline(doc: Document, container: HtmlElement | None) -> Block | None:
    """The text's first line, set in bold with the dateline right under it (or over it): the
    title of an old template that prints it in no heading ("<div><b>…</b></div><div>11/01/2023
    08:47</div>"), when <title> is only the site's name."""
    if container is None:
        return None
    # Above the text block ("<div><b>…</b></div><div>date</div><div>text…"), or opening it.
    # (A table layout's text cell is alone in its row: the title and date rows are above it.)
    box = container
    while box.tag in ("td", "th", "tr") and _alone_in_parent(box):
        box = box.getparent()
    above = [
        el
        for el in box.itersiblings(preceding=True)
        if isinstance(el.tag, str) and element_text(el)
    ][:2]
    blocks = [b for el in reversed(above) for b in paragraphs(el)] if len(above) == 2 else []
    if len(blocks) != 2:
        # (A print view's first lines may be its header: the site's name, when it was printed.)
        blocks = paragraphs(container)[:OPENING_LINES]
    for first, second in pairwise(blocks):
        if _bold_title(first) and mostly_date(doc, second.text):
            return first
        # The date over the title (a print view: "Ngày in: …", then the title, then the text).
        # (Any date there: a print date is no publish date, but it still marks the title below.)
        words = len(first.text.split())
        if _bold_title(second) and count_dates(first.text) == 1 and words <= LEADING_LINE_WORDS:
            return second
    return _bold_title_with_date(blocks[:1])


def _bold_title_with_date(blocks: list[Block]) -> Block | None:
    """The first line set as a bold title with the date after it on the same line, not bold
    ("<b>Trao quà Tết …</b> <font>(15/01/2009)</font>", a frame's content page): the title
    part, held by its bold element."""
    for block in blocks:
        match = TITLE_DATE.match(block.text)
        if match is None:
            continue
        title = match["title"]
        for element in block.element.iter("b", "strong"):
            if element_text(element) == title:
                candidate = Block(title, element, bold=True)
                return candidate if _bold_title(candidate) else None
    return None


def _holder(block: Block) -> HtmlElement:
    """The element holding just the block's text: its bold element when the line is set in a
    block of several lines (`<body><b>Title</b><br>date<br>text…`), so that the date is
    looked for after it and what is above it is known."""
    if element_text(block.element) != block.text:
        for element in block.element.iter(*PLAIN_TITLE_TAGS):
            if element_text(element) == block.text:
                return element
    return block.element


# How far into the text a bold title over (or under) its date line is looked for.
OPENING_LINES = 4


def _bold_line_above(container: HtmlElement | None) -> Block | None:
    """The bold line right above the text's box, alone in its element: an old template's
    title row (`<tr><td><b>…</b></td></tr>` over the text's row), its date elsewhere."""
    box = container
    while box is not None and box.tag in ("td", "th", "tr") and _alone_in_parent(box):
        box = box.getparent()
    if box is None:
        return None
    above = next(
        (
            el
            for el in box.itersiblings(preceding=True)
            if isinstance(el.tag, str) and element_text(el)
        ),
        None,
    )
    blocks = paragraphs(above) if above is not None else []
    return blocks[0] if len(blocks) == 1 and _bold_title(blocks[0]) else None


def _bold_title(block: Block) -> bool:
    return (
        block.bold
        and MIN_OPENING_TITLE <= len(block.text) <= MAX_BOLD_TITLE
        and not block.text.endswith((".", ":"))
        and not SITE_NAME.match(block.text)  # a print view's header: "ỦY BAN NHÂN DÂN XÃ …"
    )


MAX_BOLD_TITLE = 250


def _alone_in_parent(element: HtmlElement) -> bool:
    parent = element.getparent()
    return parent is not None and not any(
        isinstance(other.tag, str) and element_text(other)
        for other in parent
        if other is not element
    )


# A heading that opens the text is its title from this length on ("Thông báo" is a label).
MIN_OPENING_TITLE = 20


def _opening_heading(
    container: HtmlElement | None, candidates: list[HtmlElement]
) -> HtmlElement | None:
    """The candidate heading right before the text block, or opening it."""
    if container is None:
        return None
    text = element_text(container)
    for element in candidates:
        heading = element_text(element)
        if len(heading) < MIN_OPENING_TITLE or heading.endswith(":") or in_chrome(element):
            continue
        if container.tag == "body" and element.getparent() is container:
            return element  # a print view's heading, among its paragraphs under <body>
        if is_inside(element, container):
            if text.startswith(heading):
                return element
        else:
            # (Past empty elements: a heading's cell of icon buttons beside it.)
            after = next((el for el in following_elements(element) if element_text(el)), None)
            if after is not None and (after is container or is_inside(container, after)):
                return element
    return None


# Where a title set in no heading may be printed: old table layouts set it in bold or a font.
PLAIN_TITLE_TAGS = ("b", "strong", "font", "span", "p", "td", "div")


def _children_showing(element: HtmlElement, text: str) -> Iterator[HtmlElement]:
    """The child elements (not comments) of `element` whose text is `text`."""
    return (
        child for child in element if isinstance(child.tag, str) and element_text(child) == text
    )


def _printed_as(doc: Document, title: str) -> HtmlElement | None:
    """The element showing `title` in the page, when no heading or title class holds it
    (`<td><font size=4><b>…</b></font></td>`): the innermost with that text, outside links,
    so that the dateline is looked for after it."""
    for element in doc.tree.iter(*PLAIN_TITLE_TAGS):
        if element_text(element) == title and not any(
            ancestor.tag == "head" or (ancestor.tag == "a" and not links_to_itself(doc, ancestor))
            for ancestor in element.iterancestors()
        ):
            inner = element
            while (child := next(_children_showing(inner, title), None)) is not None:
                inner = child
            return inner
    return None


def _title_candidates(doc: Document) -> list[HtmlElement]:
    """The elements of TITLE_TAGS, or with a class TITLE_CLASS finds, in page order. (What
    css.select does for the selector, less its six separate queries: one pass over the page's
    class values, one walk for the tags.)"""
    memo = doc.memo
    classed = [el for el, value in memo.valued("class") if TITLE_CLASS.search(value)]
    # ASP.NET and DotNetNuke name the title's label by its id: "dnn_ctr456_ViewNews_lblTitle"
    # (its class, "Head", names a style).
    labelled = [el for el, value in memo.valued("id") if TITLE_LABEL_ID.search(value)]
    headings = list(doc.tree.iter(*TITLE_TAGS))
    return memo.in_document_order([headings, classed, labelled])


TITLE_LABEL_ID = re.compile(r"lbl_?(?:title|tieude|tentin)", re.IGNORECASE)


def _best_title(
    doc: Document, scored: list[tuple[float, float, int, str, HtmlElement]]
) -> tuple[float, str, HtmlElement] | None:
    """The highest score (the first candidate in page order on a tie), looking for a dateline
    after a candidate only while its score with one could still win."""
    best: tuple[float, int, str, HtmlElement] | None = None
    for with_dateline, without, order, text, element in sorted(
        scored, key=lambda row: (-row[0], row[2])
    ):
        if best is not None and (with_dateline, -order) <= (best[0], -best[1]):
            break  # sorted: no candidate left can beat the best, nor tie it from earlier on
        score = with_dateline if _has_dateline_after(doc, element) else without
        if best is None or (score, -order) > (best[0], -best[1]):
            best = (score, order, text, element)
    return (best[0], best[2], best[3]) if best is not None else None


def _nested(references: list[str]) -> bool:
    shortest = min(references, key=len)
    return all(ref.startswith(shortest) for ref in references)

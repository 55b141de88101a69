"""Datelines away from the title, for pages that show no date beside it: a labelled publish
line elsewhere, or, on a page whose title is printed nowhere but in <title>, the date line
that opens the text block.

Some templates print "Ngày đăng: 12/06/2025" under the text, before or after the byline, or
in the bar above the article beside the breadcrumb. Far from the title a date may be anything
(a decree's, an event's, another article's), so only a line that says what its date is counts:
a publish or update label, the date, and a few words at most.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..blocks import element_text, paragraphs
from ..document import Document
from ..text import clean_line
from .generic_boxes import after_body_lines
from .generic_fields import MAX_DATELINE_CHARS, could_be_dateline, mostly_date
from .generic_layout import in_side_box

PUBLISH_LABEL = re.compile(
    r"^(?:ngày\s?(?:đăng(?!\s?k[ýy])(?:\s?tin|\s?bài)?|xuất\s?bản|cập\s?nhật)|đăng\s?(?:ngày|lúc)"
    r"|thời\s?gian\s?(?:đăng|cập\s?nhật)|cập\s?nhật(?:\s?lúc)?"
    r"|(?:posted|published|updated)(?:\s?on)?|date\s?posted)\b\s*[:：]?",
    re.IGNORECASE,
)
# The paragraphs that close the text block: the date line sits among the byline and credits.
CLOSING_BLOCKS = 4
# A label in one element, its date in the next ("<b>Ngày đăng:</b> <span>12/06/2025</span>"):
# the line is their parent, this many levels up at most.
LINE_LEVELS = 2


def _texts_above(container: HtmlElement) -> list[str]:
    """The texts just above the block: its previous element with text, and the loose words
    between that element (or the start of the block's own box) and the block: an unclosed date
    box around the text ("<div class=meta><i class=icon></i> 12/03/2025 09:15 <div class=body>").
    """
    tails = []
    above = container.getprevious()
    while above is not None and not (isinstance(above.tag, str) and element_text(above)):
        tails.append(above.tail or "")
        above = above.getprevious()
    if above is not None:
        opening, texts = above.tail, [element_text(above)]
    else:
        parent = container.getparent()
        opening, texts = (parent.text if parent is not None else None), []
    loose = clean_line(" ".join([opening or "", *reversed(tails)]))
    return [*texts, loose] if loose else texts


def far_datelines(doc: Document, container: HtmlElement) -> list[str]:
    """The labelled publish line that closes the text block or follows it; else the only one
    the page holds outside its side boxes (a bar above the article)."""
    texts = [block.text for block in paragraphs(container)]
    after = after_body_lines(container)
    labelled = [text for text in (*texts, *after) if _labelled_dateline(doc, text)]
    if len({doc.dateline(text).value for text in labelled}) > 1:  # type: ignore[union-attr]
        return []  # teasers, each with its date: no article's own
    closing = set(texts[-CLOSING_BLOCKS:]).union(after)
    if labelled and labelled[0] in closing:
        return labelled[:1]
    found: dict[object, str] = {}
    for element in doc.tree.iter(etree.Element):
        if not PUBLISH_LABEL.match((element.text or "").lstrip()) or in_side_box(element):
            continue
        line = _line_of(doc, element)
        if line is not None:
            found.setdefault(doc.dateline(line).value, line)  # type: ignore[union-attr]
    # Two different dates so labelled: a list of other articles, no telling which is this one's.
    return list(found.values()) if len(found) == 1 else []


def _labelled_dateline(doc: Document, text: str) -> bool:
    return (
        len(text) <= MAX_DATELINE_CHARS
        and PUBLISH_LABEL.match(text) is not None
        and mostly_date(doc, text)
    )


def _line_of(doc: Document, element: HtmlElement) -> str | None:
    """The text of the label's line: the element, or its parent when the date is beside it."""
    node: HtmlElement | None = element
    for _ in range(LINE_LEVELS):
        if node is None:
            break
        text = element_text(node)
        if len(text) > MAX_DATELINE_CHARS:
            return None
        if _labelled_dateline(doc, text):
            return text
        node = node.getparent()
    return None


# The first lines of the text block looked at for its date when no heading names the page.
OPENING_LINES = 2


def opening_dateline(doc: Document, container: HtmlElement) -> list[str]:
    """The date line opening the text block, or just above it, on a page with no title
    element ("<td class=date>09/07/2010 09:00</td>" over the text's cell): with no heading to
    stand under, the text's own top is where the date is printed."""
    lines = [block.text for block in paragraphs(container)[:OPENING_LINES]]
    lines[:0] = _texts_above(container)
    return [text for text in lines if mostly_date(doc, text) and could_be_dateline(text)][:1]

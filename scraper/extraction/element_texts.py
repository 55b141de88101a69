"""The text of an element as extractors read it: its text nodes, joined by spaces, cleaned.

Adapters ask for the text of the same elements several times a page (title, content,
captions, candidates for each rule): the document's memo keeps what was read.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from .memo import memo_of
from .text import clean_line


def element_text(element: HtmlElement) -> str:
    """The element's text on one line."""
    memo = memo_of(element)
    if memo is None:
        return clean_line(" ".join(text_pieces(element)))
    text = memo.texts.get(element)
    if text is None:
        text = memo.texts[element] = clean_line(" ".join(text_pieces(element)))
    return text


def node_text(element: HtmlElement) -> str:
    """`element.text_content()` (all its text, raw) from libxml2 directly: lxml.html's method
    goes through an XPath call, whose set-up costs ~10 µs."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def text_pieces(element: HtmlElement) -> list[str]:
    """`list(element.itertext())`: the text nodes under the element, in order.

    itertext() costs ~4 µs of set-up a call and a Python step a node. Small elements are
    read directly, bigger ones get libxml2's own list of their text nodes (the same pieces:
    lxml merges adjacent text nodes into one, and HTML parsing never leaves two side by
    side)."""
    if not isinstance(element.tag, str):
        return list(element.itertext())
    size = len(element)
    if size > 3:
        return _TEXT_NODES(element)
    for child in element if size else ():  # (a loop: any() of a generator costs more here)
        if len(child):
            return _TEXT_NODES(element)
    # A leaf, or a paragraph with a few inline children ("… <b>bold</b> …"): read directly.
    pieces = [element.text] if element.text is not None else []
    for child in element if size else ():
        if isinstance(child.tag, str) and child.text is not None:  # not a comment's text
            pieces.append(child.text)
        if child.tail is not None:
            pieces.append(child.tail)
    return pieces


_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)

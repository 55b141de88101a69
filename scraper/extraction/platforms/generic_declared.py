"""The article a page declares in JSON-LD (`articleBody`) and does not show: an app's shell
(`<app-root></app-root>`) or a template whose text box its scripts fill in. Read only when
the page's own HTML holds no text block, since what a page shows comes first."""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from ..assemble import Parts
from ..document import Document
from ..json_ld import declared_article
from .generic_boxes import plausible_author
from .generic_title import find_title

DECLARED_TEXT = "the text is the page's JSON-LD articleBody: the page itself shows none"
# Paragraphs of a plain-text articleBody: a blank line, else each line.
_BLANK_LINE = re.compile(r"\n\s*\n")


def declared_parts(doc: Document, min_chars: int) -> Parts | None:
    """Parts for the declared article, when its text is at least `min_chars` long; titled
    by its headline, else by the page's."""
    declared = declared_article(doc)
    if declared is None or len(declared.body.strip()) < min_chars:
        return None
    body = doc.tree.find("body")
    if body is None:
        return None
    # (The page's title found before the declared text joins the page.)
    title = declared.headline or find_title(doc)[0]
    box = _text_box(declared.body)
    # (In the page's own tree, so that the text is read as any other: one pass, one memo.)
    body.append(box)
    author = declared.author if declared.author and plausible_author(declared.author) else None
    return Parts(
        title=title,
        dateline_texts=[declared.published] if declared.published else [],
        content_roots=[box],
        loose_byline=False,
        byline=author,
        warnings=[DECLARED_TEXT],
    )


def _text_box(text: str) -> HtmlElement:
    box = lxml.html.Element("div")
    if "</" in text:  # HTML, as some CMSs declare it
        try:
            for fragment in lxml.html.fragments_fromstring(text):
                if isinstance(fragment, str):
                    _paragraph(box, fragment)
                else:
                    box.append(fragment)
            return box
        except (ParserError, ValueError):
            box = lxml.html.Element("div")
    pieces = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    for piece in pieces:
        _paragraph(box, piece)
    return box


def _paragraph(box: HtmlElement, text: str) -> None:
    if text.strip():
        paragraph = lxml.html.Element("p")
        paragraph.text = " ".join(text.split())
        box.append(paragraph)

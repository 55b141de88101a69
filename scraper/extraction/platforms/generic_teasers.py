"""Teasers: headings whose whole text is a link to another page, as listings, home pages and
search results print each item of a list ("<h3><a href=…>Title</a></h3>", a date, a
summary). An article page prints its own title as plain text, or as a link to itself."""

from __future__ import annotations

from itertools import islice

from lxml.html import HtmlElement

from ..blocks import element_text
from ..document import Document
from ..urls import resolve_url
from .generic_layout import is_inside
from .generic_title import TITLE_CLASS
from .own_addresses import address_key, own_addresses

# A list is a few items alike: fewer linked headings are a related-news box, not the page.
MIN_TEASERS = 3
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


# How far up a heading a card's link may wrap it (`a.card > div.card-body > h5`).
CARD_LINK_DEPTH = 3


def _heading_link(heading: HtmlElement) -> HtmlElement | None:
    """The link that is the heading's whole text (`h3 > a`, or the heading itself), or the
    card's link around it that opens with it (`a.card > div > h2` and the card's summary)."""
    links = list(heading.iter("a"))  # (the heading itself, when it is the link)
    if links:
        return (
            links[0]
            if len(links) == 1 and element_text(links[0]) == element_text(heading)
            else None
        )
    for depth, ancestor in enumerate(heading.iterancestors()):
        if depth == CARD_LINK_DEPTH:
            break
        if ancestor.tag == "a":
            return ancestor if element_text(ancestor).startswith(element_text(heading)) else None
    return None


def _linked_elsewhere(doc: Document, heading: HtmlElement, own: set[str]) -> bool:
    """Whether the heading's whole text is one link, to a page other than this one."""
    link = _heading_link(heading)
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    target = resolve_url(doc.link_base, href)
    return target is not None and address_key(target) not in own


def _teasers_alike(doc: Document, teaser: HtmlElement, within: HtmlElement) -> bool:
    """At least MIN_TEASERS headings like `teaser` (same tag and class, itself counted) under
    `within` link to other pages."""
    own = own_addresses(doc)
    kind = teaser.get("class")
    alike = (
        heading
        for heading in within.iter(teaser.tag)
        if heading.get("class") == kind and _linked_elsewhere(doc, heading, own)
    )
    return len(list(islice(alike, MIN_TEASERS))) == MIN_TEASERS


def is_teaser_title(doc: Document, title_el: HtmlElement | None) -> bool:
    """The title chosen is a teaser's heading: it links to another page, and so do at least
    MIN_TEASERS headings like it (same tag and class) on the page. That page lists articles.
    (A related-news box has linked headings too, but an article's own title is no link.)"""
    if title_el is None or _heading_link(title_el) is None:
        return False  # nearly every article: a title with no link, nothing more to look at
    if not _linked_elsewhere(doc, title_el, own_addresses(doc)):
        return False
    return _teasers_alike(doc, title_el, doc.tree)


def _heading_of(link: HtmlElement) -> HtmlElement | None:
    """The heading (a heading tag, or a title class) whose whole text is `link`'s."""
    text = element_text(link)
    node: HtmlElement | None = link
    while node is not None and element_text(node) == text:
        if node.tag in HEADING_TAGS or TITLE_CLASS.search(node.get("class") or ""):
            return node
        node = node.getparent()
    return None


def _card_heading(link: HtmlElement) -> HtmlElement | None:
    """The heading a card's link opens with (its picture aside)."""
    text = element_text(link)
    return next(
        (
            node
            for node in link.iterdescendants(*HEADING_TAGS)
            if text.startswith(element_text(node)) and element_text(node)
        ),
        None,
    )


def opens_with_teasers(doc: Document, block: HtmlElement, title_el: HtmlElement | None) -> bool:
    """The text block found is a list of teasers: past the title (a section's page names
    itself in a heading, as an article does), its text opens with a teaser's linked heading,
    and MIN_TEASERS headings alike follow in it. An article's text never opens so."""
    link = next(block.iter("a"), None)
    if link is None:
        return False  # (the walk stops at the first link: most text blocks hold few)
    text = element_text(block)
    if title_el is not None and is_inside(title_el, block):
        text = text.removeprefix(element_text(title_el)).lstrip()
    if not text.startswith(element_text(link)):
        return False
    heading = _heading_of(link)
    if heading is None:
        heading = _card_heading(link)
    return (
        heading is not None
        and _linked_elsewhere(doc, heading, own_addresses(doc))
        and _teasers_alike(doc, heading, block)
    )


class TeaserBoxes:
    """Whether a block is a teaser's box (a list item holding a heading that links to
    another page, and its summary): its text is a listing's, never the article's. Asked of
    every paragraph's container while the page's text blocks are weighed, so each box is
    looked at once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.known: dict[HtmlElement, bool] = {}
        self.count = 0  # teaser boxes found

    def __call__(self, box: HtmlElement) -> bool:
        found = self.known.get(box)
        if found is None:
            found = self.known[box] = self._links_elsewhere(box)
            self.count += found
        return found

    def _links_elsewhere(self, box: HtmlElement) -> bool:
        return any(
            _heading_like(child) and _linked_elsewhere(self.doc, child, own_addresses(self.doc))
            for child in box
        )


def _heading_like(element: HtmlElement) -> bool:
    """A heading tag, or an element its class names a title: an old table listing's cell
    opens with `<a class="tieudetin">…</a>`, then the date and the summary."""
    if not isinstance(element.tag, str):
        return False
    return element.tag in HEADING_TAGS or TITLE_CLASS.search(element.get("class") or "") is not None

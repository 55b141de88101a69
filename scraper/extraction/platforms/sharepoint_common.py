"""What the SharePoint article templates share: the web part around an element, view counters
and "Tin liên quan" blocks pasted into the rich text, and the breadcrumb category.

Evidence: PORTALS.md §2d — HCMC blog posts end with "Số lượt người xem:" and the count on the
next line; provincial pages put "Lượt xem: 400" by the date; related-link blocks are pasted
into bodies (PORTALS.md §4). The markup (web part ids `WebPartWPQ<n>`, breadcrumb classes) is
SharePoint's stock rendering, constructed in tests/sites/sharepoint* pending a live sample.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..blocks import element_text
from ..cleanup import RELATED_HEADING
from ..document import Document
from .base import last_crumb

NAME = "sharepoint"

# Every web part renders inside a <div id="WebPartWPQ<n>">.
WEB_PART_ID = re.compile(r"^WebPartWPQ\d+$")
BREADCRUMB = (
    ".breadcrumb a, .s4-breadcrumb a, a.ms-sitemapdirectional, .ms-sitemapdirectional a, "
    "[id*=siteMapPath] a, [id*=SiteMapPath] a"
)
COUNTER = re.compile(r"^(?:số\s)?lượt\s(?:người\s)?(?:xem|truy cập)\s?:?\s?[\d.,]*$", re.IGNORECASE)
RELATED_HOLDERS = ("p", "div", "h2", "h3", "h4", "h5", "h6")
MIN_RELATED_LINK_SHARE = 0.6


def inside(element: HtmlElement, container: HtmlElement | None) -> bool:
    return container is not None and any(a is container for a in element.iterancestors())


def web_part(element: HtmlElement) -> HtmlElement | None:
    return next((a for a in element.iterancestors() if WEB_PART_ID.match(a.get("id") or "")), None)


def counters(root: HtmlElement) -> set[HtmlElement]:
    """View counters inside the post ("Số lượt người xem:" and "356" may sit in two rows)."""
    found: set[HtmlElement] = set()
    for element in root.iter(etree.Element):  # (elements only: lxml skips comments in C)
        if "lượt" not in (element.text or "").lower():
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


def injected_related(root: HtmlElement) -> set[HtmlElement]:
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
            if (
                not isinstance(sibling.tag, str)
                or next(sibling.iterdescendants("img"), None) is not None
            ):
                break
            if element_text(sibling) and _link_share(sibling) < MIN_RELATED_LINK_SHARE:
                break
            found.add(sibling)
    return found


def breadcrumb_category(doc: Document, title: str) -> str | None:
    """The last breadcrumb step that is neither the home page nor the article itself."""
    return last_crumb(doc, BREADCRUMB, title)

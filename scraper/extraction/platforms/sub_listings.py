"""The sub-sections a section's landing page leads to.

Many portals open a news section ("/tin-tuc") on a landing page: a box per sub-section ("Tin
địa phương", "Kinh tế", "Văn hóa - Xã hội"), each with its few newest stories and a "Xem tất
cả" link to the sub-section's own paged list ("/tin-tuc/kinh-te"). The landing has no pager:
read alone, the section would be its few newest stories. Its sub-sections are the lists to
walk.

A sub-section's link is named as such: "Xem tất cả" ("Xem thêm", "Xem tiếp", "View all",
"»") or the box's heading (a short name, and no article's address); it leads one level under
the section's own address, to a name, not an item's number; and it is outside the page's
chrome. Two of them at least: one such link is a side box's "more" link, not a landing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..document import Document
from ..element_texts import element_text
from .base import absolute_links
from .generic_layout import in_listing_chrome

VIEW_ALL_LABEL = re.compile(
    r"^(?:xem\s+(?:tất\s+cả|thêm|tiếp|toàn\s+bộ)|tất\s+cả|more|view\s+all|see\s+all)?\s*[›»]*$",
    re.IGNORECASE,
)
HEADING_TAGS = ("h2", "h3", "h4", "h5")
# A sub-section's name, as a box's heading gives it ("Văn hóa - Xã hội"); a longer heading
# link is a teaser's title.
MAX_SECTION_NAME_WORDS = 6
MIN_SUB_LISTINGS = 2
# A landing lists a handful of sub-sections; a page linking more below its address is a
# menu or a directory.
MAX_SUB_LISTINGS = 12
_LETTER = re.compile(r"[^\W\d_]")


def sub_listings(doc: Document, is_article_url: Callable[[str], bool]) -> list[str]:
    """The sub-sections' lists a section's landing page links to, in page order; [] for a
    page that is no such landing."""
    base = _folder(doc.url)
    found: dict[str, None] = {}
    for anchor in doc.tree.iter("a"):
        named = _names_a_list(anchor)
        if named is None or in_listing_chrome(anchor):
            continue
        for url in absolute_links(doc, [anchor]):
            # (A "Xem tất cả" link names a list whatever its address looks like; a heading's
            # link may be a teaser's title.)
            if _one_level_under(url, base) and (named == "more" or not is_article_url(url)):
                found[url] = None
    return list(found) if MIN_SUB_LISTINGS <= len(found) <= MAX_SUB_LISTINGS else []


def _names_a_list(anchor: HtmlElement) -> str | None:
    """ "more" for a "Xem tất cả" link, "heading" for a box's heading that is a link."""
    text = element_text(anchor)
    if text and VIEW_ALL_LABEL.fullmatch(text):
        return "more"
    parent = anchor.getparent()
    if (
        text
        and parent is not None
        and parent.tag in HEADING_TAGS
        and element_text(parent) == text
        and len(text.split()) <= MAX_SECTION_NAME_WORDS
    ):
        return "heading"
    return None


def _folder(url: str) -> tuple[str, str]:
    """The host and the path a section's sub-sections lie under ("/tin-tuc.html" → "/tin-tuc")."""
    parts = urlsplit(url)
    path = re.sub(r"\.(?:html?|aspx?|php)$", "", parts.path.rstrip("/"), flags=re.IGNORECASE)
    return (parts.hostname or "").lower(), path


def _one_level_under(url: str, base: tuple[str, str]) -> bool:
    parts = urlsplit(url)
    host, folder = base
    if (parts.hostname or "").lower() != host or parts.query or not folder:
        return False
    path = parts.path.rstrip("/")
    if not path.startswith(folder + "/"):
        return False
    rest = path[len(folder) + 1 :]
    # (A name, not an item's number: "/tin-tuc/12" is an article of a new portal.)
    return bool(rest) and "/" not in rest and _LETTER.search(rest) is not None

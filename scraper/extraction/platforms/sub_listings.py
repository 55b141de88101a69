"""The sub-sections a section's landing page leads to.

Many portals open a news section ("/tin-tuc") on a landing page: a box per sub-section ("Tin
địa phương", "Kinh tế", "Văn hóa - Xã hội"), each with its few newest stories and a "Xem tất
cả" link to the sub-section's own paged list ("/tin-tuc/kinh-te"). The landing has no pager:
read alone, the section would be its few newest stories. Its sub-sections are the lists to
walk.

A sub-section's link is named as such: "Xem tất cả" (or "Xem thêm", "»") or the box's
heading; it leads one level under the section's own address; and it is no article. Two of
them at least: one such link is a side box's "more" link, not a landing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..document import Document
from ..element_texts import element_text
from .base import absolute_links

MORE_LABEL = re.compile(
    r"^(?:xem\s+(?:tất\s+cả|thêm|tiếp|toàn\s+bộ)|tất\s+cả|more|view\s+all|see\s+all)?"
    r"\s*[›»>…]*$",
    re.IGNORECASE,
)
HEADING_TAGS = ("h2", "h3", "h4", "h5")
MIN_SUB_LISTINGS = 2
# A landing lists a handful of sub-sections; a page linking more below its address is a
# menu or a directory.
MAX_SUB_LISTINGS = 12


def sub_listings(doc: Document, is_article_url: Callable[[str], bool]) -> list[str]:
    """The sub-sections' lists a section's landing page links to, in page order; [] for a
    page that is no such landing."""
    base = _folder(doc.url)
    found: dict[str, None] = {}
    for anchor in doc.tree.iter("a"):
        if not _names_a_list(anchor):
            continue
        for url in absolute_links(doc, [anchor]):
            if _one_level_under(url, base) and not is_article_url(url):
                found[url.split("#", 1)[0]] = None
    return list(found) if MIN_SUB_LISTINGS <= len(found) <= MAX_SUB_LISTINGS else []


def _names_a_list(anchor: HtmlElement) -> bool:
    """A "Xem tất cả" link, or a box's heading that is a link."""
    text = element_text(anchor)
    if text and MORE_LABEL.fullmatch(text):
        return True
    parent = anchor.getparent()
    return (
        parent is not None
        and parent.tag in HEADING_TAGS
        and element_text(parent) == text
        and bool(text)
    )


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
    return bool(rest) and "/" not in rest

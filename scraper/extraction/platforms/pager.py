"""A listing's pager, however it is written: the link to the page after this one.

Pagers name their pages in more ways than any URL rule knows ("?page=2", "/page-2",
"/trang/2", "?start=10", "/2", a form post): what they share is how they look. The next page
is the link labelled as such ("Trang sau", "›", an icon titled "Next"), else the numbered link
one past the page the pager marks as current (a plain number among the links, or a link
classed "active").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import TypeVar

from lxml.html import HtmlElement

from ..blocks import element_text
from .generic_layout import in_chrome

Target = TypeVar("Target")

# "Trang sau", "Tiếp »", "Kế tiếp", "[Tiếp theo >>]", "Next ›", or the arrow alone ("»" at the end of a pager is the next
# page; "»»", "Cuối", "Last" the last one). Shared by the adapters that read a pager's labels
# (Liferay 7's and SharePoint's own add their platforms' words).
_NEXT_WORDS = r"(?:trang\s+|tin\s+|bài\s+)?(?:tiếp(?:\s+theo)?|sau|kế(?:\s+tiếp)?)|next(?:\s+page)?"
# A blog's next page holds its older posts ("Bài đăng cũ hơn", "Xem tin cũ hơn", "Các tin
# cũ hơn", Blogger's "Older Posts").
_OLDER_WORDS = (
    r"(?:xem\s+)?(?:các\s+)?(?:(?:bài|tin)\s+(?:đăng\s+|viết\s+)?)?cũ\s+hơn"
    r"|older\s+(?:posts|entries|news)"
)
NEXT_LABEL = re.compile(
    rf"^\[?(?:(?:{_NEXT_WORDS})\s*(?:[›»>]{{1,2}})?|(?:[«‹<←]\s*)?(?:{_OLDER_WORDS})\s*[›»>→]?"
    # (Drupal 7's mini pager: "‹‹ 1 / 5 ››". "»»" is the last page's.)
    r"|[›»>]|>>|››)\]?$",
    re.IGNORECASE,
)
# "1 … 9 [10] …": the gap after the current page, when it is the last number shown, leads to
# the next block of pages (ASP.NET GridView's default pager, offset pagers).
GAP_LABEL = frozenset({"...", "…", ".."})
# A link that is an icon alone is named by its title ("Đến trang tiếp theo", "Go to next
# page"), its image ("next.gif", alt="Trang sau") or its icon font's class ("fa-angle-right").
# An arrow is also what teasers' "read more" links show: it names the next page only inside
# a box named as a pager, or on a link classed "next".
NEXT_DESCRIPTION = re.compile(r"\b(?:trang (?:tiếp theo|sau|kế tiếp)|next page)\b", re.IGNORECASE)
NEXT_ICON = re.compile(
    r"(?:^|[\s_/-])(?:next|angle-right|chevron-right|arrow-right|caret-right)(?:$|[\s_.-])",
    re.IGNORECASE,
)
PAGER_CLASS = re.compile(r"paginat|paging|pager|page-?nav|phan-?trang|phantrang", re.IGNORECASE)
PAGER_LEVELS = 4  # how far above a numbered link its pager's box may be named
# "active", "current", "selected", also run into a word ("pageActive", "currentPage"), and
# ASP.NET's disabled link for the page shown ("aspNetDisabled").
CURRENT_CLASS = re.compile(
    r"(?:^|[\s_-]|page|item|link)(?:active|current|selected|cur|on|sel)(?:$|[\s_-]|page|item)"
    r"|aspnetdisabled",
    re.IGNORECASE,
)
# An arrow alone names the next page only in a pager: a box's "»" leads to its section.
ARROW_ONLY = re.compile(r"^\[?(?:[›»>]|>>)\]?$")


def next_in_pager(
    anchors: list[HtmlElement], target_of: Callable[[HtmlElement], Target | None]
) -> Target | None:
    """The next page's target (`target_of(anchor)`: a URL, a form post; None for anchors that
    lead nowhere new), from the page's anchors in document order."""
    numbered: list[tuple[int, HtmlElement, Target | None]] = []
    gaps: list[tuple[int, HtmlElement]] = []  # (its rank among the anchors, the anchor)
    rank: dict[HtmlElement, int] = {}  # (the numbered anchors' ranks)
    for position, anchor in enumerate(anchors):
        label = element_text(anchor)
        if label.isdecimal():
            # (A link marked current may lead to the page itself: no target needed.)
            numbered.append((int(label), anchor, target_of(anchor)))
            rank[anchor] = position
            continue
        if label in GAP_LABEL:
            gaps.append((position, anchor))
            continue
        if (
            _named_next(anchor, label)
            and (not ARROW_ONLY.match(label) or _in_a_pager(anchor))
            and (target := target_of(anchor)) is not None
        ):
            return target
    # Numbers in a box named as a pager; else any outside the page's chrome (a calendar's
    # days in a sidebar are numbered links too).
    pager = [row for row in numbered if _in_pager_box(row[1])]
    numbered = pager or [row for row in numbered if not in_chrome(row[1])]
    # One list of numbers is the pager's; another beside it may be a choice of page sizes
    # ("3 5 10 20"): the pager's is the list that shows which page this is.
    lists: dict[HtmlElement, list[tuple[int, HtmlElement, Target | None]]] = {}
    for row in numbered:
        lists.setdefault(_list_of(row[1]), []).append(row)
    best: tuple[int, dict[int, Target]] | None = None
    best_box: HtmlElement | None = None
    for box, rows in lists.items():
        links = {n: target for n, _, target in reversed(rows) if target is not None}
        current = next((n for n, anchor, _ in rows if _marked_current(anchor)), None)
        if current is None:
            current = plain_page_number(box, [anchor for _, anchor, _ in rows])
        if current is not None:
            best, best_box = (current, links), box
            break
        if best is None or len(links) > len(best[1]):
            best = (0, links)  # no page shown as current: the lowest number is next
    if best is None:
        return None
    current, links = best
    later = [n for n in links if n > current]
    if later:
        return links[min(later)]
    if best_box is None or current < max(links, default=0):
        return None
    # The current page is the last number shown: a gap after every number of its pager leads
    # on (the pager's own: a GridView prints one above the list and one under it).
    last_number = max(rank[anchor] for _, anchor, _ in lists[best_box])
    for position, gap in gaps:
        if position > last_number and _list_of(gap) is best_box:
            return target_of(gap)
    return None


def _named_next(anchor: HtmlElement, label: str) -> bool:
    """Whether a link says it leads to the next page, by its text or, when it has none, by
    its title or its icon."""
    if label:
        if NEXT_LABEL.match(label):
            return True
        if any(ch.isalnum() for ch in label):
            return False
        # Marks that say nothing alone ("›››", "→|"): the title says what the link is.
    title = (anchor.get("title") or anchor.get("aria-label") or "").strip()
    if title:
        return bool(NEXT_LABEL.match(title) or NEXT_DESCRIPTION.search(title))
    for node in anchor.iter():
        if node.tag == "img" and (alt := (node.get("alt") or node.get("title") or "").strip()):
            return bool(NEXT_LABEL.match(alt) or NEXT_DESCRIPTION.search(alt))
        if NEXT_ICON.search(f"{node.get('class') or ''} {node.get('src') or ''}"):
            return _in_pager_box(anchor) or "next" in (anchor.get("class") or "").lower()
    return False


def _list_of(anchor: HtmlElement) -> HtmlElement:
    """The list a numbered link belongs to: its parent, or its item's parent (<li>, <td>)."""
    parent = anchor.getparent()
    if parent is None:
        return anchor
    if parent.tag in ("li", "td", "span", "b", "strong", "em", "font"):
        return parent.getparent() if parent.getparent() is not None else parent
    return parent


def _in_pager_box(anchor: HtmlElement) -> bool:
    for node in islice(anchor.iterancestors(), PAGER_LEVELS):
        if PAGER_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _in_a_pager(anchor: HtmlElement) -> bool:
    """Whether a link sits in a pager: a box named as one, or a list of numbered links."""
    if _in_pager_box(anchor):
        return True
    return any(element_text(link).isdecimal() for link in _list_of(anchor).iter("a"))


def _marked_current(anchor: HtmlElement) -> bool:
    """The page shown: a link classed as current, or a link that leads nowhere (ASP.NET's
    disabled LinkButton, an <a> without href)."""
    if anchor.get("href") is None or anchor.get("disabled") is not None:
        return True
    parent = anchor.getparent()
    return any(
        CURRENT_CLASS.search(node.get("class") or "")
        for node in (anchor, parent)
        if node is not None and node.tag in ("a", "li", "span")
    )


def plain_page_number(box: HtmlElement, links: list[HtmlElement]) -> int | None:
    """The page number a pager's list shows as plain text among its links (a <span>, <b>,
    a <td>), if it shows one."""
    linked = {id(node) for link in links for node in link.iter()}
    for node in box.iter():
        if id(node) in linked or node.tag == "a":
            continue
        if (node.text or "").strip().isdecimal():
            return int(node.text.strip())
        if node is not box and (node.tail or "").strip().isdecimal():
            return int(node.tail.strip())  # "<a>1</a> 2 <a>3</a>": the bare number
    return None

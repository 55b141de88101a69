"""The date a listing page shows beside each article link ("Ngày đăng 02/08/2015", a date
column, "(12/03/2025)" after the title).

Some portals print no date on the article page itself (PORTALS.md: district SharePoint pages
whose stored text has no date line); their listings do. The date is looked for in the link's
own item: the largest box around the link that holds no other article of the list, a few
levels up at most, nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice
from urllib.parse import urldefrag

from lxml.html import HtmlElement

from ..dates import parse_dateline
from ..document import Document
from ..element_texts import element_text
from ..urls import url_joiner
from .generic_fields import MAX_DATELINE_CHARS, mostly_date
from .generic_listing import MIN_TITLE

# Levels above the link: a title's heading, its card body, the card, the card's column.
MAX_LEVELS = 4
# An item is a title, a date and a lead at most; a box with more text is a column of the page,
# where a date would be anything (the day's date in the header).
MAX_ITEM_CHARS = 1000


def listed_dates(doc: Document, article_urls: list[str]) -> dict[str, str]:
    """Article URL → the date text its listing item shows, for the links that show one."""
    links = _links(doc)
    wanted = set(article_urls)
    # Which pages each box links to, by their titled links and the list's own: an item's box
    # links to one (a last page's only item must not reach into the sidebar's list).
    held: dict[HtmlElement, set[str]] = {}
    for anchor, url, text in links:
        if url in wanted or len(text) >= MIN_TITLE:
            for box in anchor.iterancestors():
                held.setdefault(box, set()).add(url)
    # A title may hold a date ("Lịch tiếp công dân ngày 14/3/2025"): the date looked for is
    # printed beside it, on its own. The title is an article's longest link; a shorter one
    # may be the date ("Đăng ngày <a>18/01/2026</a>").
    longest: dict[str, str] = {}
    for _, url, text in links:
        if url in wanted and len(text) > len(longest.get(url, "")):
            longest[url] = text
    # (Only those that hold a day: each candidate line is checked against them all, and a
    # list of thousands of items made that quadratic.)
    titles = {title for title in longest.values() if _HOLDS_A_DAY.search(title)}
    dates: dict[str, str] = {}
    for anchor, url, _ in links:
        if url in wanted and url not in dates:
            found = _date_in_item(doc, anchor, held, titles) or _date_at_title_edge(
                longest.get(url, "")
            )
            if found:
                dates[url] = found
    return dates


# A date the link's own text opens or closes with, set apart from the title: "(28/10/2025)
# Hội nghị …", "25/10/2025 - Nông dân …", "Ra quân … (25/10/2025)". (Not a date the title
# says in its words: "Lịch tiếp công dân ngày 14/3/2025".)
_DAY = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}[:h]\d{2})?"
_EDGE_DATE = re.compile(
    rf"^\(\s*(?P<a>{_DAY})\s*\)|^(?P<b>{_DAY})\s*[-–|:]\s|\(\s*(?P<c>{_DAY})\s*\)$"
)


def _date_at_title_edge(title: str) -> str | None:
    found = _EDGE_DATE.search(title)
    return next(day for day in found.groups() if day) if found is not None else None


# A day written in a title, as numbers or with its month in words ("ngày 14/3", "14 tháng 3").
_HOLDS_A_DAY = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2}", re.IGNORECASE)


def _links(doc: Document) -> list[tuple[HtmlElement, str, str]]:
    """Each link of the page: the anchor, its address (no fragment), its text."""
    join = url_joiner(doc.link_base)
    found = []
    for anchor in doc.tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        resolved = join(href) if href else None
        if resolved is not None:
            found.append((anchor, urldefrag(resolved)[0], element_text(anchor)))
    return found


def _date_in_item(
    doc: Document, anchor: HtmlElement, held: dict[HtmlElement, set[str]], titles: set[str]
) -> str | None:
    box = anchor

    def is_date(line: str) -> bool:
        line = _badge(line)
        return (
            len(line) <= MAX_DATELINE_CHARS
            and not any(title in line for title in titles)
            and mostly_date(doc, line)
        )

    if len(anchor):
        # A whole item as one link (Bootstrap's list-group: "<a><h5>title</h5><small>date")
        found = next((line for line in _lines(anchor) if is_date(line)), None)
        if found:
            return _badge(found)
    for _ in range(MAX_LEVELS):
        parent = box.getparent()
        if parent is None or len(held.get(parent, ())) > 1:
            break
        box = parent
        if len(element_text(box)) > MAX_ITEM_CHARS:
            break
        for line in _lines(box):
            if is_date(line):
                return _badge(line)
        if (machine := _machine_time(box)) is not None:
            return machine  # "<time datetime=…>25/10</time>": the label has no year
    if box is anchor:
        # Items that share one box, line by line ("<a>…</a> (12/03/2025)<br><a>…</a> …"):
        # the date is printed right after the link.
        return next((_badge(line) for line in _beside(anchor) if is_date(line)), None)
    if box.tag == "dt":
        # A definition list's item: its <dd>s, up to the next <dt>, describe it (the <dd> before
        # it is the previous item's).
        return _described_by(box, is_date)
    return _day_heading_before(doc, box)


def _machine_time(box: HtmlElement) -> str | None:
    """The `datetime` of the one <time> in an item's box, when it reads as a date."""
    times = list(islice(box.iter("time"), 2))
    if len(times) != 1:
        return None
    value = (times[0].get("datetime") or "").strip()
    return value if value and parse_dateline(value) is not None else None


def _described_by(term: HtmlElement, is_date: Callable[[str], bool]) -> str | None:
    """The date among the <dd>s after a <dt>, before the next <dt>."""
    for sibling in term.itersiblings():
        if sibling.tag == "dt":
            return None
        if sibling.tag == "dd" and is_date(text := element_text(sibling)):
            return _badge(text)
    return None


# Items of one day under their day's heading looked back through (a blog's busiest day).
MAX_ITEMS_UNDER_HEADING = 30
_DAY_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _day_heading_before(doc: Document, item: HtmlElement) -> str | None:
    """The day heading over a run of items ("<h2 class=date-header>Thứ Hai, 24 tháng 3,
    2025</h2>", then that day's posts, as Blogger prints them): the nearest heading before
    the item, past the other items of its day, that is a date and links nowhere."""
    for sibling in islice(item.itersiblings(preceding=True), MAX_ITEMS_UNDER_HEADING):
        if not isinstance(sibling.tag, str):
            continue
        named = "date" in (sibling.get("class") or "")
        if sibling.tag in _DAY_HEADINGS or named:
            text = element_text(sibling)
            if next(sibling.iter("a"), None) is None and mostly_date(doc, text):
                return text
            if sibling.tag in _DAY_HEADINGS:
                return None  # a heading of another kind: the run of items starts under it
    return None


# A date badge, the day over the month and year ("<span>28</span><span>03/2025</span>").
_BADGE = re.compile(r"^(\d{1,2})\s(\d{1,2})([/.-])(\d{4})$")


def _badge(line: str) -> str:
    """A badge's text ("28 03/2025") as the date it shows ("28/03/2025")."""
    found = _BADGE.match(line)
    return f"{found[1]}{found[3]}{found[2]}{found[3]}{found[4]}" if found else line


# What ends an item's line in a box of several: the next line, the next link.
_LINE_END = frozenset({"br", "a", "p", "div", "li", "tr", "td", "h2", "h3", "h4"})


def _beside(anchor: HtmlElement) -> Iterator[str]:
    """The texts right after a link, up to the end of its line."""
    piece = anchor.tail
    for sibling in anchor.itersiblings():
        if piece and piece.strip():
            yield " ".join(piece.split())
        if not isinstance(sibling.tag, str):
            piece = sibling.tail
            continue
        if sibling.tag in _LINE_END:
            return
        yield element_text(sibling)
        piece = sibling.tail
    if piece and piece.strip():
        yield " ".join(piece.split())


def _lines(box: HtmlElement) -> Iterator[str]:
    """The box's texts in page order: each element's, and its loose text pieces ("<a>…</a>
    (12/03/2025)")."""
    for element in box.iter():
        if not isinstance(element.tag, str):
            continue
        yield element_text(element)
        for piece in (element.text, element.tail if element is not box else None):
            if piece and piece.strip():
                yield " ".join(piece.split())

"""The generic extractor's dateline near the article heading: shown under or over it, in
its box, or machine-readable. (The heading itself: generic_title.py; lead, author box and the
lines after the text: generic_boxes.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice, takewhile

from lxml.html import HtmlElement

from ..blocks import BLOCK_TAGS, HEADING_TAGS, element_text
from ..cleanup import AGE_LINE
from ..dates import count_dates, labels_a_date_aside, month_first_reading
from ..document import Document
from ..element_texts import node_text
from ..json_ld import published_times
from ..text import clean_line
from .generic_layout import following_elements, in_chrome

META_DATES = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "DC.date.issued",
)
RDFA_DATES = frozenset({"dc:date", "dc:created", "dc:issued"})
# Blocks that list other articles, each with its date: never a dateline.
LIST_HEADING = re.compile(
    r"^(?:các tin|tin (?:bài )?liên quan|bài viết (?:mới|liên quan)|tin cùng|tin mới|tin khác|"
    r"xem thêm|đọc thêm|tin đã đưa|other news|related|recent posts)",
    re.IGNORECASE,
)
# The page's clock ("Hôm nay: Thứ Bảy, 28/11/2026"), in a bar above the content: today's date,
# never the article's.
CLOCK = re.compile(r"^\W*(?:hôm nay|today)\b", re.IGNORECASE)
MAX_DATELINE_CHARS = 160
# A bare date (and time) closing a heading, in brackets or after a dash.
_DATE_TIME = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:[\s,-]+\d{1,2}[:h]\d{2})?"
TITLE_DATE = re.compile(
    rf"^(?P<title>.*?\S)(?:\s*[(\[]\s*(?P<bracketed>{_DATE_TIME})\s*[)\]]"
    rf"|\s+[-–|]\s+(?P<dashed>{_DATE_TIME}))$"
)
DATELINE_WINDOW = 12  # how many elements after the title to look for a dateline
# When none of those is a dateline: the first lines of the next few blocks, this deep.
LEADING_BLOCKS = 2
LEADING_DEPTH = 6
LEADING_LINE_WORDS = 8  # words beside the date itself in such a line


def following_texts(doc: Document, element: HtmlElement) -> Iterator[str]:
    """Text of the elements that follow `element` in document order (the dateline's place):
    its next siblings, then its parent's, and so on up to <body>.

    Lazy, as callers take the first few and stop at the first dateline; and each element's
    text is read once a page (the title candidates share the elements that follow them)."""
    known: dict[HtmlElement, str] = doc.memo.facts.setdefault("generic.following", {})
    for node in following_elements(element):
        text = known.get(node)
        if text is None:
            raw = node_text(node)
            # A dateline is short: don't clean a whole article body to find that out.
            text = known[node] = element_text(node) if len(raw) < 600 else raw[:600]
        yield text


def _element_before(title_el: HtmlElement) -> HtmlElement | None:
    """The element just above the title: its previous sibling, or, for a heading that opens
    a box of its own ("<div class=title><h3>…"), the box's previous sibling. (Templates put
    the date box there; one level only: higher up sit the page's header and its clock.)"""
    before = title_el.getprevious()
    if before is None:
        box = title_el.getparent()
        if box is not None and box.tag not in ("body", "html") and not in_chrome(box):
            before = box.getprevious()
            if before is not None and isinstance(before.tag, str) and in_chrome(before):
                return None
    return before if before is not None and isinstance(before.tag, str) else None


def _day_heading_over_post(title_el: HtmlElement) -> HtmlElement | None:
    """The element above the box of the box that the title opens: blog templates head the
    day's posts with the date, over each post's boxes ("<h2 class=date-header>",
    "<div class=post-outer><div class=post><h3 class=post-title>"). Only a date is read
    there, and only from a heading or a box named for a date: higher up than
    `_element_before` sit the page's header and its clock (a bar of today's date)."""
    box = title_el.getparent()
    if box is None or title_el.getprevious() is not None:
        return None
    outer = box.getparent()
    if outer is None or box.getprevious() is not None or outer.tag in ("body", "html"):
        return None
    before = outer.getprevious()
    if before is None or not isinstance(before.tag, str):
        return None
    names = f"{before.get('class', '')} {before.get('id', '')}".lower()
    return before if before.tag in HEADING_TAGS or "date" in names else None


def split_title_date(title: str) -> tuple[str, str | None]:
    """A heading that ends with its own date ("Hội nghị … (10/03/2020)", "… - 10/03/2020
    08:15"), as some CMSs print it: the title without it, and the date."""
    match = TITLE_DATE.match(title)
    if match is None:
        return title, None
    return match.group("title"), match.group("bracketed") or match.group("dashed")


def split_heading_date(
    doc: Document, title: str, heading: HtmlElement | None
) -> tuple[str, str | None]:
    """`split_title_date`, and a heading that holds its dateline in an element of its own
    at its end, or after a line break ("<h1>Hội nghị … <span class='date'>10/03/2025</span>
    </h1>", "<h1>Hội nghị …<br>Thứ hai, 10/03/2025 09:15</h1>")."""
    title, date = split_title_date(title)
    if date is not None or heading is None or len(heading) == 0:
        return title, date
    last = heading[len(heading) - 1]
    if last.tag == "br":
        ending = clean_line(last.tail)
    elif isinstance(last.tag, str) and not (last.tail or "").strip():
        ending = element_text(last)
    else:
        return title, None
    if (
        ending
        and title.endswith(ending)
        and len(ending) < len(title)
        and could_be_dateline(ending)
        and doc.dateline(ending, fallback=False) is not None
    ):
        return title[: -len(ending)].rstrip(" -–|,"), ending
    return title, None


def could_be_dateline(text: str) -> bool:
    """Short, one date (and maybe the date of an edit), not a list of other articles
    ("Các tin khác … (20/02/2024) …") nor the page's clock."""
    if not text or len(text) > MAX_DATELINE_CHARS or LIST_HEADING.match(text) or CLOCK.match(text):
        return False
    dates = count_dates(text)
    return dates <= 1 or (dates == 2 and labels_a_date_aside(text))


def _machine_times(doc: Document) -> list[str]:
    """Machine-readable publish times, most specific source first."""
    # One look at each <meta>, not an XPath walk per name.
    metas = [
        (m.get("content"), {m.get("property"), m.get("name"), m.get("itemprop")})
        for m in doc.metas()
    ]
    found = [content for n in META_DATES for content, names in metas if n in names]
    times = doc.memo.facts["generic.times"] = list(doc.tree.iter("time"))
    # Microdata says which time is which: the publish time before an unnamed one, the
    # record's creation and last edit after (Joomla prints "dateCreated" first).
    found += [el.get("datetime") for el in sorted(times, key=_time_rank)]
    found += published_times(doc)
    if doc.mentions("dc:date"):
        # RDFa in the text (Drupal 7: <span property="dc:date dc:created" content="…">; one
        # look through the page: Drupal always writes both).
        found += [
            element.get("content")
            for element, value in doc.memo.valued("property")
            if element.tag != "meta" and RDFA_DATES.intersection(value.split())
        ]
    if doc.mentions("trước<") or doc.mentions("ago<"):
        # A time shown as an age ("2 ngày trước"), the time itself in its tooltip.
        found += [value for element, value in doc.memo.valued("title") if _shows_an_age(element)]
    return [v for v in found if v is not None and v.strip()]


def _shows_an_age(element: HtmlElement) -> bool:
    return len(element) == 0 and AGE_LINE.match(element_text(element)) is not None


_TIME_RANKS = {"datepublished": 0, "datecreated": 2, "datemodified": 3}


def _time_rank(element: HtmlElement) -> int:
    itemprop = element.get("itemprop")
    return _TIME_RANKS.get(itemprop.lower(), 1) if itemprop else 1


# A line labelled as the record's creation: the publish date only when no other line is one.
CREATED_LINE = re.compile(r"^\W*(?:ngày\s?tạo|thời gian tạo|created(?:\s?on)?)\b", re.IGNORECASE)


def dateline_texts(doc: Document, title_el: HtmlElement | None) -> tuple[list[str], list[str]]:
    """(datelines shown near the title, machine-readable times from meta, <time> and JSON-LD)."""
    shown: list[str] = []
    if title_el is not None:
        # Up to a list of other news ("Các tin khác", each with its date): its dates are theirs.
        nearby = list(
            takewhile(
                lambda text: not LIST_HEADING.match(text),
                islice(following_texts(doc, title_el), DATELINE_WINDOW),
            )
        )
        before = _element_before(title_el)
        if before is not None:
            nearby.insert(0, element_text(before))
        if (line := _inline_line_after(title_el)) is not None:
            nearby.insert(0, line)
        found = _datelines_among(doc, nearby)
        if not found:
            leading = [t for t in _leading_lines(title_el) if mostly_date(doc, t)]
            found = _datelines_among(doc, leading)
        if not found and (heading := _day_heading_over_post(title_el)) is not None:
            text = element_text(heading)
            found = _datelines_among(doc, [text]) if mostly_date(doc, text) else []
        if len(found) > 1:
            # Lines that are dates, not a short sentence that mentions one ("UBND phường thông
            # báo lịch nghỉ Tết từ … đến hết ngày 02/02/2025"): that one is text.
            found = [text for text in found if mostly_date(doc, text)] or found
            # A line giving only the time of an edit after those giving more, and the
            # record's creation ("Ngày tạo: …" over "Ngày đăng: …") after a publish date.
            found.sort(key=lambda text: (_edit_only(doc, text), bool(CREATED_LINE.match(text))))
        shown.extend(found)
    return shown, _machine_times(doc)


def _inline_line_after(title_el: HtmlElement) -> str | None:
    """The loose text line right after a title set inline, when its dateline is no element
    of its own (`<b>Title</b><br>Ngày đăng: …<br>`)."""
    if (tail := title_el.tail) and not tail.isspace():
        return clean_line(tail)
    for sibling in title_el.itersiblings():
        if sibling.tag != "br":
            return None
        if (tail := sibling.tail) and not tail.isspace():
            return clean_line(tail)
    return None


def machine_time_lines(doc: Document) -> set[HtmlElement]:
    """The blocks (as dateline_texts found their <time datetime>) that hold a machine time and
    nothing else ("<dd><time datetime=…>Ngày đăng: 12 Tháng 3 2025</time></dd>"): a dateline,
    never text, even where the words beside the date are not understood. (Not a <time> in a
    line or sentence: "Đăng ngày <a><time>…</time></a>" keeps its words together.)"""
    lines = set()
    for element in doc.memo.facts.get("generic.times", ()):
        text = element_text(element)
        if not element.get("datetime") or not text or len(text) > MAX_DATELINE_CHARS:
            continue
        line = element
        while (parent := line.getparent()) is not None and element_text(parent) == text:
            line = parent
        if line.tag in BLOCK_TAGS:
            lines.add(line)
    return lines


def printed_date(doc: Document, text: str, title_el: HtmlElement | None) -> str:
    """The dateline `text` as printed, without what its box holds beside it (the CMS account,
    a view counter, "A- A+ In bài": "quantri Thứ Tư, 12/03/2025 - 08:30"): the innermost
    element of the box, among those `dateline_texts` read, that gives the same date, time and
    label."""
    dateline = doc.dateline(text)
    boxes: list[HtmlElement] = list(doc.memo.facts.get("generic.following", {}))
    before = _element_before(title_el) if title_el is not None else None
    if before is not None:
        boxes.insert(0, before)
    node = next((box for box in boxes if element_text(box) == text), None)
    if dateline is None or node is None:
        return text
    same = (dateline.value, dateline.precision, dateline.updated)
    while True:
        inner = None
        for child in node:
            if isinstance(child.tag, str) and (child_text := element_text(child)):
                found = doc.dateline(child_text)
                if found is not None and (found.value, found.precision, found.updated) == same:
                    inner = child
                    break
        if inner is None:
            return element_text(node)
        node = inner


def _datelines_among(doc: Document, texts: list[str]) -> list[str]:
    texts = [t for t in texts if t and len(t) <= MAX_DATELINE_CHARS]
    # Compiled patterns first; dateparser (month names) only when they find nothing.
    # (Both tests are filters: parsing first, which the title's choice did already for
    # most of these texts, spares counting the dates of the lines that hold none.)
    found = [t for t in texts if doc.dateline(t, fallback=False) and could_be_dateline(t)]
    found = [t for t in found if not _reads_as_sentence(doc, t)]
    # (A report's first sentence, "Sáng 2/3, …", holds a date too: it must not keep the
    # month-name dateline above it from being read.)
    found = found or [t for t in texts if could_be_dateline(t) and doc.dateline(t)]
    return [t for t in found if not _reads_as_sentence(doc, t)]


# The lead of a report ("Sáng ngày 10/3/2025, …"), never a dateline.
NARRATIVE_START = re.compile(
    r"^(?:rạng sáng|sáng|trưa|chiều|tối|đêm)\s(?:ngày\s)?\d", re.IGNORECASE
)
SENTENCE_END = re.compile(r"[.;!?…]\s*$")
LABEL_MARK = re.compile(r"[:|]")
# A line with a time and a full stop is a sentence past this many words.
MAX_TIMED_SENTENCE_WORDS = 20
# An event's particulars under a notice's title ("Thời gian: 08:00 ngày 20/03/2025, …"), not
# when it was posted ("Thời gian đăng: …").
EVENT_LABEL = re.compile(
    r"^(?:thời gian(?!\s*(?:đăng|cập nhật|xuất bản|phát hành))|địa điểm|thành phần|hạn nộp)\b",
    re.IGNORECASE,
)


def _reads_as_sentence(doc: Document, text: str) -> bool:
    """A sentence that mentions a date, set right under the title in flat layouts: the text's
    first line ("Lịch tiếp công dân ngày 20/03/2025 tại trụ sở UBND phường."), or a notice's
    "Thời gian: …", whose date is an event's. A dateline is a date with a few words, or with
    labels, counters and tools ("Ngày đăng: …", "| Lượt xem: 87 A- A+ In bài"), or a time; it
    does not end a sentence, or not a long one."""
    if NARRATIVE_START.match(text) or EVENT_LABEL.match(text):
        return True
    if mostly_date(doc, text):
        return False
    dateline = doc.dateline(text)
    if dateline is None or dateline.precision == "minute":
        # A time of day is a dateline's ("Đăng bởi Ban biên tập lúc 08:30 ngày 12/03/2025."),
        # unless the line reads on well past it.
        return bool(SENTENCE_END.search(text)) and len(text.split()) > MAX_TIMED_SENTENCE_WORDS
    return bool(SENTENCE_END.search(text)) or not LABEL_MARK.search(text)


def mostly_date(doc: Document, text: str, *, fallback: bool = True) -> bool:
    """A line that is a date with a few words around it ("Ngày đăng:", a weekday, a view
    counter, a name), not a sentence that mentions one ("Theo Kế hoạch … ngày 10/03/2020, …").
    `fallback=False`: compiled patterns only, no dateparser (for lines asked in bulk)."""
    if len(text) > MAX_DATELINE_CHARS:
        return False
    dateline = doc.dateline(text, fallback=False) or (doc.dateline(text) if fallback else None)
    if dateline is None:
        return False
    return len(text.replace(dateline.text, " ", 1).split()) <= LEADING_LINE_WORDS


# A line this short opening a box may be an author or a label, with the date next to it.
SHORT_LEADING_LINE = 60


def _leading_lines(title_el: HtmlElement) -> list[str]:
    """The first lines inside the blocks right after the title, when the dateline opens the
    next box instead of standing beside the title ("<div class=card-header><h4>…</div>
    <div class=card-body><p><small>08:30 12/03/2025</small></p><p>…"): each block's first
    child, and its first child, a few levels down, while nothing comes before it."""
    lines: list[str] = []
    # (Empty elements are passed over: a heading's row of icon buttons is no block.)
    blocks = (el for el in following_elements(title_el) if element_text(el))
    for block in islice(blocks, LEADING_BLOCKS):
        node = block
        for _ in range(LEADING_DEPTH):
            if (node.text or "").strip():
                break  # text before the first child: that child does not open the block
            # (An empty element first, as Drupal's hidden RDFa title, comes before nothing.)
            children = (c for c in node if isinstance(c.tag, str) and element_text(c))
            node = next(children, None)
            if node is None:
                break
            lines.append(element_text(node))
            if (
                len(lines[-1]) <= SHORT_LEADING_LINE
                and (second := next(children, None)) is not None
            ):
                # A short line first (Joomla's "Viết bởi Administrator" row): the date may be
                # the next one ("<tr><td class=createdate>Thứ ba, 16 Tháng 3 2010 09:15").
                lines.append(element_text(second))
    return lines


def _edit_only(doc: Document, text: str) -> bool:
    # (The fast path's answer, known already for most of these texts, before dateparser's.)
    dateline = doc.dateline(text, fallback=False) or doc.dateline(text)
    return dateline is not None and dateline.updated


def order_datelines(
    doc: Document, shown: list[str], machine: list[str]
) -> tuple[list[str], str | None]:
    """Datelines in the order to trust them, and the one to show when they differ.

    The page's own dateline comes first; a machine time (<time datetime>, article:published_
    time) only stands in front of it when the page shows the day alone and the machine
    time, on that same day, gives the minute; or when the page's date reads both ways
    ("03/12/2020") and the machine time is on the other reading's day (an en-US site prints
    the month first).
    """
    if shown and machine:
        visible = doc.dateline(shown[0])
        # (The machine time is parsed only when it could matter: when its turn comes, a
        # parse may go through dateparser.)
        if visible is not None and (visible.precision == "day" or visible.value.day <= 12):
            exact = doc.dateline(machine[0])
            if exact is not None:
                day = visible.value.date()
                finer = visible.precision == "day" and exact.precision == "minute"
                if (finer and day == exact.value.date()) or (
                    month_first_reading(day) == exact.value.date()
                ):
                    return [machine[0], *shown, *machine[1:]], shown[0]
    return [*shown, *machine], None

"""The generic extractor's fields around the text: the article heading and the dateline near
it. (Lead, author box and the lines after the text: generic_boxes.py.)"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import islice, pairwise, takewhile

from lxml.html import HtmlElement

from ..blocks import BLOCK_TAGS, HEADING_TAGS, Block, element_text, paragraphs
from ..cleanup import RELATED_HEADING
from ..dates import count_dates, labels_a_date_aside, month_first_reading
from ..document import Document
from ..element_texts import node_text
from ..json_ld import published_times
from ..text import clean_line
from .base import title_segments
from .generic_layout import following_elements, in_chrome, is_inside, near
from .own_addresses import links_to_itself

# The title's candidates: "h1, h2, h3, [class*=title], [class*=tieude], [class*=headline]".
TITLE_TAGS = ("h1", "h2", "h3")
# Anywhere in the value, any case: "TieuDe", "NewsTitle"; Joomla 1.x "contentheading".
# ("TenTin", "TenBai": an old template's "name of the news item".)
TITLE_CLASS = re.compile("title|tieude|headline|contentheading|tentin|tenbai", re.IGNORECASE)
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


def _words(text: str) -> list[str]:
    return text.lower().split()


# How portals name themselves: "Cổng TTĐT xã …", "Trang thông tin điện tử …", "UBND thị trấn …".
SITE_NAME = re.compile(
    r"^(?:cổng (?:thông tin|ttđt|giao tiếp)|trang (?:thông tin|tin|ttđt)|website|ubnd|"
    r"ủy ban nhân dân|uỷ ban nhân dân)\b",
    re.IGNORECASE,
)


# A place's bare name, as small portals name themselves: "Phường Tân Định", "Quận 1".
PLACE_UNIT = re.compile(
    r"^(?:phường|xã|thị trấn|thị xã|quận|huyện|thành phố|tp\.?|tỉnh)\s", re.IGNORECASE
)
MAX_PLACE_NAME_WORDS = 4  # after the unit: "Phường Tân Định", "Xã Ea Kao", "Quận Hai Bà Trưng"


def _names_site(segment: str) -> bool:
    """Whether a <title> segment is a site's name: "Cổng TTĐT …", "UBND …", or a place's
    bare name, its words all capitalised ("Phường Tân Định"; not "Xã tổ chức hội nghị")."""
    if SITE_NAME.match(segment):
        return True
    unit = PLACE_UNIT.match(segment)
    if unit is None:
        return False
    name = segment[unit.end() :].split()
    return 1 <= len(name) <= MAX_PLACE_NAME_WORDS and all(
        word[0].isupper() or word.isdigit() for word in name
    )


def _site_name_last(segments: list[str]) -> list[str]:
    """<title>'s segments with the site's name last: most portals write "Article - Category
    - Portal", some old templates "Portal | Article" or "Portal » Category » Article"."""
    if len(segments) >= 2 and _names_site(segments[0]) and not _names_site(segments[-1]):
        return segments[::-1]
    return segments


def _similarity(candidate: list[str], reference: list[str]) -> float:
    """Share of the candidate's words that appear, in order, at the start of the reference
    (both as `_words`)."""
    if not candidate or not reference:
        return 0.0
    same = sum(map(operator.eq, candidate, reference))  # (zip's pairs, equal ones counted)
    return same / len(candidate)


def _has_dateline_after(doc: Document, element: HtmlElement) -> bool:
    return any(
        len(text) < 200 and doc.dateline(text, fallback=False) is not None
        for text in islice(_following_texts(doc, element), 4)
    )


def find_title(
    doc: Document, container: HtmlElement | None = None
) -> tuple[str | None, HtmlElement | None]:
    """The article's heading: like <title>/og:title, followed by a dateline, next to the text.

    <title> alone is not trusted: it carries the site name, and on some portals it is only
    the site name, which a logo heading repeats.
    """
    og = next(
        (
            meta["content"]
            for meta in doc.metas()
            if (meta.get("property") == "og:title" or meta.get("name") == "title")
            and "content" in meta
        ),
        None,
    )
    references = [clean_line(og)] if og is not None else []
    segments = _site_name_last(title_segments(doc))
    if len(segments) == 1 and PRINT_TITLE.match(segments[0]):
        segments = []  # a print view's <title> names the view, not the article
    if segments:
        references.append(segments[0])
    site_names = {segments[-1]} if len(segments) == 1 else set(segments[1:])
    reference_words = [_words(ref) for ref in references]
    # Each candidate's score with and without a dateline after it (looking for one is the
    # costly part): the datelines are only looked for where they could change the winner.
    scored: list[tuple[float, float, int, str, HtmlElement]] = []
    for element in _title_candidates(doc):
        text = element_text(element)
        if not (10 <= len(text) <= 400) or element.tag == "title":
            continue
        if element.tag == "a" and not links_to_itself(doc, element):
            continue  # a teaser's title; an article's own may link to the article itself
        if RELATED_HEADING.match(text):
            continue  # "Các tin khác" over a list of other news, however its box is named
        inside = container is not None and (
            element is container or container in element.iterancestors()
        )
        if element is container:
            continue
        words = _words(text)
        score = max((_similarity(words, ref) for ref in reference_words), default=0.0)
        # A heading inside the text block is more often a subheading than the title.
        score -= 0.2 if inside else 0.0
        score += 0.3 if element.tag == "h1" else 0.0
        rest = [
            0.4 if near(element, container) else 0.0,
            -0.5 if in_chrome(element) else 0.0,
            -0.6 if text in site_names and len(references) < 2 else 0.0,
        ]
        without, with_dateline = score + 0.0, score + 0.8
        for term in rest:
            without, with_dateline = without + term, with_dateline + term
        scored.append((with_dateline, without, len(scored), text, element))
    best = _best_title(doc, scored)
    if best is not None and best[0] >= 0.5:
        return best[1], best[2]
    title = None
    printed = None
    if references:
        # og:title often repeats <title>'s " - Section - Site" tail: keep the shortest
        # reference the others start with.
        title = min(references, key=len) if _nested(references) else references[0]
        printed = _printed_as(doc, title)
    if printed is None or in_chrome(printed):
        # <title> names no heading and is printed nowhere but the page's chrome: it is the
        # site's name ("UBND phường …"). The heading that opens the text is the title.
        opening = _opening_heading(container, [row[4] for row in scored])
        if opening is not None:
            return element_text(opening), opening
        bold = _bold_line_over_dateline(doc, container) or _bold_line_above(container)
        if bold is not None:
            return bold.text, _holder(bold)
    return title, printed


# What print views put in <title>: "Trang in", "In bài viết", "Print".
PRINT_TITLE = re.compile(
    r"^(?:trang in|bản in|in bài(?: viết)?|in trang|print(?: view)?)$", re.IGNORECASE
)


def _bold_line_over_dateline(doc: Document, container: HtmlElement | None) -> Block | None:
    """The text's first line, set in bold with the dateline right under it (or over it): the
    title of an old template that prints it in no heading ("<div><b>…</b></div><div>11/01/2023
    08:47</div>"), when <title> is only the site's name."""
    if container is None:
        return None
    # Above the text block ("<div><b>…</b></div><div>date</div><div>text…"), or opening it.
    # (A table layout's text cell is alone in its row: the title and date rows are above it.)
    box = container
    while box.tag in ("td", "th", "tr") and _alone_in_parent(box):
        box = box.getparent()
    above = [
        el
        for el in box.itersiblings(preceding=True)
        if isinstance(el.tag, str) and element_text(el)
    ][:2]
    blocks = [b for el in reversed(above) for b in paragraphs(el)] if len(above) == 2 else []
    if len(blocks) != 2:
        # (A print view's first lines may be its header: the site's name, when it was printed.)
        blocks = paragraphs(container)[:OPENING_LINES]
    for first, second in pairwise(blocks):
        if _bold_title(first) and mostly_date(doc, second.text):
            return first
        # The date over the title (a print view: "Ngày in: …", then the title, then the text).
        # (Any date there: a print date is no publish date, but it still marks the title below.)
        words = len(first.text.split())
        if _bold_title(second) and count_dates(first.text) == 1 and words <= LEADING_LINE_WORDS:
            return second
    return _bold_title_with_date(blocks[:1])


def _bold_title_with_date(blocks: list[Block]) -> Block | None:
    """The first line set as a bold title with the date after it on the same line, not bold
    ("<b>Trao quà Tết …</b> <font>(15/01/2009)</font>", a frame's content page): the title
    part, held by its bold element."""
    for block in blocks:
        match = TITLE_DATE.match(block.text)
        if match is None:
            continue
        title = match["title"]
        for element in block.element.iter("b", "strong"):
            if element_text(element) == title:
                candidate = Block(title, element, bold=True)
                return candidate if _bold_title(candidate) else None
    return None


def _holder(block: Block) -> HtmlElement:
    """The element holding just the block's text: its bold element when the line is set in a
    block of several lines (`<body><b>Title</b><br>date<br>text…`), so that the date is
    looked for after it and what is above it is known."""
    if element_text(block.element) != block.text:
        for element in block.element.iter(*PLAIN_TITLE_TAGS):
            if element_text(element) == block.text:
                return element
    return block.element


# How far into the text a bold title over (or under) its date line is looked for.
OPENING_LINES = 4


def _bold_line_above(container: HtmlElement | None) -> Block | None:
    """The bold line right above the text's box, alone in its element: an old template's
    title row (`<tr><td><b>…</b></td></tr>` over the text's row), its date elsewhere."""
    box = container
    while box is not None and box.tag in ("td", "th", "tr") and _alone_in_parent(box):
        box = box.getparent()
    if box is None:
        return None
    above = next(
        (
            el
            for el in box.itersiblings(preceding=True)
            if isinstance(el.tag, str) and element_text(el)
        ),
        None,
    )
    blocks = paragraphs(above) if above is not None else []
    return blocks[0] if len(blocks) == 1 and _bold_title(blocks[0]) else None


def _bold_title(block: Block) -> bool:
    return (
        block.bold
        and MIN_OPENING_TITLE <= len(block.text) <= MAX_BOLD_TITLE
        and not block.text.endswith((".", ":"))
        and not SITE_NAME.match(block.text)  # a print view's header: "ỦY BAN NHÂN DÂN XÃ …"
    )


MAX_BOLD_TITLE = 250


def _alone_in_parent(element: HtmlElement) -> bool:
    parent = element.getparent()
    return parent is not None and not any(
        isinstance(other.tag, str) and element_text(other)
        for other in parent
        if other is not element
    )


# A heading that opens the text is its title from this length on ("Thông báo" is a label).
MIN_OPENING_TITLE = 20


def _opening_heading(
    container: HtmlElement | None, candidates: list[HtmlElement]
) -> HtmlElement | None:
    """The candidate heading right before the text block, or opening it."""
    if container is None:
        return None
    text = element_text(container)
    for element in candidates:
        heading = element_text(element)
        if len(heading) < MIN_OPENING_TITLE or heading.endswith(":") or in_chrome(element):
            continue
        if container.tag == "body" and element.getparent() is container:
            return element  # a print view's heading, among its paragraphs under <body>
        if is_inside(element, container):
            if text.startswith(heading):
                return element
        else:
            # (Past empty elements: a heading's cell of icon buttons beside it.)
            after = next((el for el in following_elements(element) if element_text(el)), None)
            if after is not None and (after is container or is_inside(container, after)):
                return element
    return None


# Where a title set in no heading may be printed: old table layouts set it in bold or a font.
PLAIN_TITLE_TAGS = ("b", "strong", "font", "span", "p", "td", "div")


def _children_showing(element: HtmlElement, text: str) -> Iterator[HtmlElement]:
    """The child elements (not comments) of `element` whose text is `text`."""
    return (
        child for child in element if isinstance(child.tag, str) and element_text(child) == text
    )


def _printed_as(doc: Document, title: str) -> HtmlElement | None:
    """The element showing `title` in the page, when no heading or title class holds it
    (`<td><font size=4><b>…</b></font></td>`): the innermost with that text, outside links,
    so that the dateline is looked for after it."""
    for element in doc.tree.iter(*PLAIN_TITLE_TAGS):
        if element_text(element) == title and not any(
            ancestor.tag == "head" or (ancestor.tag == "a" and not links_to_itself(doc, ancestor))
            for ancestor in element.iterancestors()
        ):
            inner = element
            while (child := next(_children_showing(inner, title), None)) is not None:
                inner = child
            return inner
    return None


def _title_candidates(doc: Document) -> list[HtmlElement]:
    """The elements of TITLE_TAGS, or with a class TITLE_CLASS finds, in page order. (What
    css.select does for the selector, less its six separate queries: one pass over the page's
    class values, one walk for the tags.)"""
    memo = doc.memo
    classed = [el for el, value in memo.valued("class") if TITLE_CLASS.search(value)]
    headings = list(doc.tree.iter(*TITLE_TAGS))
    return memo.in_document_order([headings, classed])


def _best_title(
    doc: Document, scored: list[tuple[float, float, int, str, HtmlElement]]
) -> tuple[float, str, HtmlElement] | None:
    """The highest score (the first candidate in page order on a tie), looking for a dateline
    after a candidate only while its score with one could still win."""
    best: tuple[float, int, str, HtmlElement] | None = None
    for with_dateline, without, order, text, element in sorted(
        scored, key=lambda row: (-row[0], row[2])
    ):
        if best is not None and (with_dateline, -order) <= (best[0], -best[1]):
            break  # sorted: no candidate left can beat the best, nor tie it from earlier on
        score = with_dateline if _has_dateline_after(doc, element) else without
        if best is None or (score, -order) > (best[0], -best[1]):
            best = (score, order, text, element)
    return (best[0], best[2], best[3]) if best is not None else None


def _nested(references: list[str]) -> bool:
    shortest = min(references, key=len)
    return all(ref.startswith(shortest) for ref in references)


def _following_texts(doc: Document, element: HtmlElement) -> Iterator[str]:
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
    found += [el.get("datetime") for el in times]
    found += published_times(doc)
    if doc.mentions("dc:date"):
        # RDFa in the text (Drupal 7: <span property="dc:date dc:created" content="…">; one
        # look through the page: Drupal always writes both).
        found += [
            element.get("content")
            for element, value in doc.memo.valued("property")
            if element.tag != "meta" and RDFA_DATES.intersection(value.split())
        ]
    return [v for v in found if v is not None and v.strip()]


def dateline_texts(doc: Document, title_el: HtmlElement | None) -> tuple[list[str], list[str]]:
    """(datelines shown near the title, machine-readable times from meta, <time> and JSON-LD)."""
    shown: list[str] = []
    if title_el is not None:
        # Up to a list of other news ("Các tin khác", each with its date): its dates are theirs.
        nearby = list(
            takewhile(
                lambda text: not LIST_HEADING.match(text),
                islice(_following_texts(doc, title_el), DATELINE_WINDOW),
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
            # A line giving only the time of an edit after those giving more.
            found.sort(key=lambda text: _edit_only(doc, text))
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

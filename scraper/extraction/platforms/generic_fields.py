"""The generic extractor's fields around the text: the article heading, the dateline near
it, a lead (sapo) and an author box set apart from the body."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from functools import partial
from itertools import islice

from lxml.html import HtmlElement

from ..blocks import element_text, is_noise, paragraphs
from ..bylines import AUTHOR_FIELD, BYLINE_LABEL, PHOTO_CREDIT
from ..dates import count_dates, names_an_edit
from ..document import Document
from ..element_texts import node_text
from ..text import clean_line
from .base import title_segments
from .generic_layout import in_chrome, in_side_box, is_inside, near

# The title's candidates: "h1, h2, h3, [class*=title], [class*=tieude], [class*=headline]".
TITLE_TAGS = ("h1", "h2", "h3")
TITLE_CLASS = re.compile("title|tieude|headline")  # anywhere in the value; case-sensitive
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
DATELINE_WINDOW = 12  # how many elements after the title to look for a dateline


def _words(text: str) -> list[str]:
    return text.lower().split()


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
    segments = title_segments(doc)
    if segments:
        references.append(segments[0])
    site_names = {segments[-1]} if len(segments) == 1 else set(segments[1:])
    reference_words = [_words(ref) for ref in references]
    # Each candidate's score with and without a dateline after it (looking for one is the
    # costly part): the datelines are only looked for where they could change the winner.
    scored: list[tuple[float, float, int, str, HtmlElement]] = []
    for element in _title_candidates(doc):
        text = element_text(element)
        if not (10 <= len(text) <= 400) or element.tag in ("a", "title"):
            continue
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
    if references:
        # og:title often repeats <title>'s " - Section - Site" tail: keep the shortest
        # reference the others start with.
        return min(references, key=len) if _nested(references) else references[0], None
    return None, None


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
    for node in _following_elements(element):
        text = known.get(node)
        if text is None:
            raw = node_text(node)
            # A dateline is short: don't clean a whole article body to find that out.
            text = known[node] = element_text(node) if len(raw) < 600 else raw[:600]
        yield text


def _following_elements(element: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after `element` in document order, but not inside it: its next siblings,
    then its parent's, and so on up to <body>."""
    while True:
        for node in element.itersiblings():
            if isinstance(node.tag, str):
                yield node
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return
        element = parent


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


def _could_be_dateline(text: str) -> bool:
    """Short, one date (and maybe the date of an edit), not a list of other articles
    ("Các tin khác … (20/02/2024) …") nor the page's clock."""
    if not text or len(text) > MAX_DATELINE_CHARS or LIST_HEADING.match(text) or CLOCK.match(text):
        return False
    dates = count_dates(text)
    return dates <= 1 or (dates == 2 and names_an_edit(text))


def _machine_times(doc: Document) -> list[str]:
    """Machine-readable publish times, most specific source first."""
    # One look at each <meta>, not an XPath walk per name.
    metas = [
        (m.get("content"), {m.get("property"), m.get("name"), m.get("itemprop")})
        for m in doc.metas()
    ]
    found = [content for n in META_DATES for content, names in metas if n in names]
    found += [el.get("datetime") for el in doc.tree.iter("time")]
    return [v for v in found if v is not None and v.strip()]


def dateline_texts(doc: Document, title_el: HtmlElement | None) -> tuple[list[str], list[str]]:
    """(datelines shown near the title, machine-readable times from meta and <time>)."""
    shown: list[str] = []
    if title_el is not None:
        nearby = list(islice(_following_texts(doc, title_el), DATELINE_WINDOW))
        before = _element_before(title_el)
        if before is not None:
            nearby.insert(0, element_text(before))
        nearby = [t for t in nearby if t and len(t) <= MAX_DATELINE_CHARS]
        # Compiled patterns first; dateparser (month names) only when they find nothing.
        # (Both tests are filters: parsing first, which the title's choice did already for
        # most of these texts, spares counting the dates of the lines that hold none.)
        found = [t for t in nearby if doc.dateline(t, fallback=False) and _could_be_dateline(t)]
        found = found or [t for t in nearby if _could_be_dateline(t) and doc.dateline(t)]
        if len(found) > 1:  # a line giving only the time of an edit after those giving more
            found.sort(key=lambda text: _edit_only(doc, text))
        shown.extend(found)
    return shown, _machine_times(doc)


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
    time, on that same day, gives the minute.
    """
    if shown and machine:
        visible = doc.dateline(shown[0])
        # (The machine time is parsed only when it could matter: when its turn comes, a
        # parse may go through dateparser.)
        if visible is not None and visible.precision == "day":
            exact = doc.dateline(machine[0])
            if (
                exact is not None
                and exact.precision == "minute"
                and visible.value.date() == exact.value.date()
            ):
                return [machine[0], *shown, *machine[1:]], shown[0]
    return [*shown, *machine], None


# A lead (sapo) or an author box the template sets apart from the text, named by its class.
# A word of a class or id starts after a separator or, in camelCase names ("NewsSummary",
# "NewsAuthor" on ASP.NET portals), at a capital after a small letter; it ends likewise.
_WORD_START = r"(?:^|[\s_-]|(?-i:(?<=[a-z])(?=[A-Z])))"
_WORD_END = r"(?:$|[\s_-]|(?-i:(?=[A-Z])))"


class ClassWords:
    """One of `words` as a word of a class or id value (any case).

    The regex, with its camelCase edges, tries every position of the text (~10 µs over a
    page's classes); a substring test per word (~50 ns) first tells where none occurs."""

    __slots__ = ("pattern", "words")

    def __init__(self, *words: str) -> None:
        self.words = words  # lower case
        alternatives = "|".join(map(re.escape, words))
        self.pattern = re.compile(f"{_WORD_START}(?:{alternatives}){_WORD_END}", re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        # (Beyond ASCII the regex also folds "ſ" and "ı", which lower() keeps: it decides.)
        if text.isascii():
            lowered = text.lower()
            if not any(word in lowered for word in self.words):
                return None
        return self.pattern.search(text)


LEAD_CLASS = ClassWords(
    *("sapo", "lead", "summary", "hometext", "tomtat", "tom-tat", "description", "excerpt"),
    *("intro", "chapeau", "abstract", "teaser", "mota", "mo-ta", "trichdan", "trich-dan"),
)
AUTHOR_CLASS = ClassWords(
    *("author", "authors", "tacgia", "tac-gia", "byline", "writer", "nguoiviet", "nguoi-viet"),
    *("butdanh", "but-danh"),
)
# CMS accounts, not writers: Liferay's view-content-author / metadata-author (PORTALS §2a),
# WordPress's author vcard (usually "admin").
EDITOR_ACCOUNT_CLASS = re.compile(r"view-content-author|metadata-author|vcard", re.IGNORECASE)
ACCOUNT_NAME = re.compile(r"^[\w.@-]+$")  # "admin", "editor01", "bientap@…": one token
LEAD_CHARS = (40, 1200)
AUTHOR_CHARS = (3, 80)
# Where the story comes from (a newspaper, a unit's site), which is not who wrote it: below the
# body, in a field of its own, such a line is the template's source field, not a byline.
SOURCE_LABEL = re.compile(r"^(?:nguồn|theo|source)", re.IGNORECASE)
# The author field below the body sits in the next few short blocks, before the related
# articles, tags and comments that follow it.
AFTER_BODY_ELEMENTS = 3
AFTER_BODY_CHARS = 300
# A post's footer: "Đăng lúc 16:20 bởi Ban biên tập", "Posted by admin at 4:20 PM".
POSTED_AT = re.compile(
    r"^(?:đăng|posted|người đăng)\b.{0,60}?\b(?:lúc|at)\s+"
    r"(?P<time>\d{1,2}:\d{2}(?:\s?(?:SA|CH|AM|PM)\b)?)(?![\d:])",
    re.IGNORECASE,
)


def _classed(doc: Document, pattern: ClassWords) -> list[HtmlElement]:
    """The elements (but <body>, <html>, <meta>) whose class or id `pattern` finds."""
    memo = doc.memo
    # Usually no class or id holds a word of the pattern: one search over the page's class
    # values (joined by newlines, which the patterns' edges accept like the ends of a string)
    # and one over each bare id tell so before any element is listed with its class and id.
    # (Words hold no space: a match in "class id" is a match in the class or in the id.)
    if not pattern.search(memo.class_text()) and not memo.has_value("id", partial(_found, pattern)):
        return []
    rows = memo.facts.get("generic.attrs")
    if rows is None:  # "class id" of the elements with either, for the lead and author rules
        rows = memo.facts["generic.attrs"] = [
            (element, f"{classes or ''} {ident or ''}")
            for element, classes, ident in memo.attributed()
            if element.tag not in ("body", "html", "meta")
        ]
    return [element for element, attrs in rows if attrs.strip() and pattern.search(attrs)]


def _found(pattern: ClassWords, value: str | None) -> bool:
    return value is not None and pattern.search(value) is not None


def _outside(element: HtmlElement, container: HtmlElement) -> bool:
    return (
        element is not container
        and element not in container.iterancestors()
        and (container not in element.iterancestors())
    )


def find_lead(
    doc: Document, container: HtmlElement, title_el: HtmlElement | None
) -> HtmlElement | None:
    """A lead block outside the text container, beside it (not in a side box or chrome)."""
    for element in _classed(doc, LEAD_CLASS):
        if element.tag in ("a", "img") or not _outside(element, container):
            continue
        if title_el is not None and (element is title_el or is_inside(title_el, element)):
            continue
        text = element_text(element)
        if not LEAD_CHARS[0] <= len(text) <= LEAD_CHARS[1]:
            continue
        if in_chrome(element) or in_side_box(element) or not near(element, container):
            continue
        return element
    return None


def find_author_box(doc: Document, container: HtmlElement) -> str | None:
    """An author box beside the text ("detail-author", "tacgia"), never a CMS account."""
    for element in _classed(doc, AUTHOR_CLASS):
        if not _outside(element, container) or EDITOR_ACCOUNT_CLASS.search(
            f"{element.get('class') or ''} {element.get('id') or ''}"
        ):
            continue
        text = clean_line(element_text(element))
        if not _plausible_author(text):
            continue
        if in_chrome(element) or in_side_box(element) or not near(element, container):
            continue
        return text
    return None


def after_body_lines(container: HtmlElement) -> list[str]:
    """The paragraphs of the short blocks right after the text block, where templates put
    their author field and the time of posting; the look ends at the first long block, list
    of other articles or page chrome.

    Only blocks with a colon are cut into paragraphs: every label and clock has one, and most
    other blocks there (print and share links, tags) need not be read to know they hold none."""
    lines: list[str] = []
    looked = 0
    for element in _following_elements(container):
        raw = node_text(element)
        if not raw.strip():
            continue
        if len(raw) > AFTER_BODY_CHARS or LIST_HEADING.match(raw.lstrip()) or in_chrome(element):
            break
        if (":" in raw or "：" in raw) and not is_noise(element):
            lines.extend(block.text for block in paragraphs(element))
        looked += 1
        if looked == AFTER_BODY_ELEMENTS:
            break
    return lines


def find_author_line(lines: list[str]) -> str | None:
    """A labelled author line among `after_body_lines`: the name after "Tác giả:" ("Người
    viết:", "Author:", …), or the whole line for "Tin, ảnh: …"-style credits. Never a source
    line, nor a CMS account."""
    for text in lines:
        field = AUTHOR_FIELD.match(text)
        if field is None and (not BYLINE_LABEL.match(text) or SOURCE_LABEL.match(text)):
            continue
        author = field["name"].strip() if field is not None else text
        if _plausible_author(author):
            return author
    return None


def posted_time(lines: list[str]) -> str | None:
    """The time of day a post line among `after_body_lines` gives ("Đăng lúc 16:20 bởi …",
    "Posted by … at 4:20 PM"), when it gives no date: blog templates head the day's posts with
    the date and end each with its time."""
    for text in lines:
        posted = POSTED_AT.match(text)
        if posted is not None and count_dates(text) == 0:
            return posted["time"]
    return None


def _plausible_author(text: str) -> bool:
    """A person's or unit's name, not an account ("admin", "bientap01"), a date or a credit."""
    return (
        AUTHOR_CHARS[0] <= len(text) <= AUTHOR_CHARS[1]
        and not PHOTO_CREDIT.match(text)
        and not ACCOUNT_NAME.match(text)
        and not any(ch.isdigit() for ch in text)
    )

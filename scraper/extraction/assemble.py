"""The steps every adapter shares once it has found title, dateline and content elements."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import takewhile

from lxml.html import HtmlElement

from .attachment_boxes import attachment_boxes
from .blocks import ATTACHMENT_EXT, Block, Content, extract_content
from .bylines import BylineResult, find_byline, split_authors
from .cleanup import strip_boilerplate
from .dates import (
    Dateline,
    date_from_url,
    is_print_date_header,
    month_first_reading,
    page_writes_month_first,
    parse_dateline,
    written_as_en_us,
)
from .document import Document
from .model import Article, Attachment, Image, NotAnArticle
from .text import clean, clean_line, cut_short_copy, same_words


@dataclass
class Parts:
    """What an adapter located on the page; `assemble` turns it into an Article."""

    title: str | None
    dateline_texts: list[str] = field(default_factory=list)
    content_roots: list[HtmlElement] = field(default_factory=list)
    skip: set[HtmlElement] = field(default_factory=set)
    summary: str | None = None
    category: str | None = None
    # Adapters that know where their byline is pass False: no guessing from a bare name.
    loose_byline: bool = True
    # A byline the adapter read from dedicated markup (an author element outside the body);
    # when set, no paragraph of the body is taken as the byline.
    byline: str | None = None
    # A byline from template markup to use only when the body ends with none (an author box
    # that some pages leave empty while the writer signs the last paragraph): looked for
    # only then, as most bodies end with their byline.
    fallback_byline: Callable[[], str | None] | None = None
    extra_images: list[Image] = field(default_factory=list)
    # Photos the template shows after the text, outside it (a gallery box).
    trailing_images: list[Image] = field(default_factory=list)
    # Files the template lists outside the body (a download panel).
    extra_attachments: list[Attachment] = field(default_factory=list)
    # The dateline as the page shows it, when the time itself is read from machine-readable
    # markup (<time datetime>, article:published_time) given first in `dateline_texts`.
    shown_dateline: str | None = None
    # What the adapter noticed on the way (two headings, a template variant…).
    warnings: list[str] = field(default_factory=list)


# View counters share the dateline's box ("… | 11:41 AM | View count: 1124"): not part of it.
_COUNTER = re.compile(
    r"[\s|-]*(?:lượt xem|số lượt xem|lượt đọc|đã xem|view count|views?)\s*:?\s*[\d.,]*\s*$",
    re.IGNORECASE,
)


def _may_hold_counter(line: str) -> bool:
    """False only where _COUNTER cannot match, as each of its words holds "xem", "đọc" or
    "view": a cheap test first, the regex tries its words at every position of the line.

    Why lower() is exact here: IGNORECASE compares the lower case of each character, which is
    what str.lower() gives, but for "İ" (lower() makes it two characters) and "ı", "ſ" (that
    IGNORECASE also takes for "i" and "s"): lines with those go to the regex."""
    if not line.isascii() and ("İ" in line or "ı" in line or "ſ" in line):
        return True
    folded = line.lower()
    return "xem" in folded or "đọc" in folded or "view" in folded


def _published_text(doc: Document, shown: str | None, text: str, dateline: Dateline) -> str:
    """The line the page shows its publish time in, cut to its field. `dateline`: what `text`
    gave; the shown line is the same or the box around it."""
    if not shown:
        return shown_dateline(text, dateline)
    # (Read before, most often, as the dateline was looked for: the page's memo.)
    read = doc.dateline(shown, fallback=False)
    if read is None and dateline.text in shown:
        read = dateline  # a date only dateparser reads ("By Tam | Sunday, March 16, 2025")
    return shown_dateline(shown, read)


def shown_dateline(text: str, dateline: Dateline | None = None) -> str:
    """The dateline as the page shows it, without the view counter, the CMS account or other
    fields beside it in its box. `dateline`: `text` read already, if it was."""
    line = clean_line(text)
    if _may_hold_counter(line):
        line = _COUNTER.sub("", line)
    return _date_and_its_label(line, dateline).strip(" |-")


# A CMS login before the date: "Gửi bởi admin vào", "Posted by: admin |", "Tác giả: admin".
_ACCOUNT_BEFORE = re.compile(
    r"^.*?\b(?:người đăng|đăng bởi|gửi bởi|posted by|tác giả|author)\s*:?\s*"
    r"[a-z0-9_.@-]+(?:\s+(?:vào|lúc|at|on)\b)?\s*",
    re.IGNORECASE,
)
# A login printed bare before the date, written as logins are ("editor_en", "bientap01").
_BARE_ACCOUNT = re.compile(r"^\s*[a-z][a-z0-9]*[_.\d][a-z0-9_.]*\s+")
# What may follow the date in its box and is no part of it: the account, a bare counter,
# another labelled field after a bar or a dash ("| Tác giả: Ngọc Lan", "— Cập nhật lần cuối:
# 05/11/2025 16:40").
_AFTER_DATE = re.compile(
    r"^\s*(?:[|·•-]?\s*(?:người đăng|đăng bởi|posted by|người cập nhật)\b.*|[|·•-]?\s*[\d.,]+"
    r"|(?:\||\s[—–-]|[·•])\s*[^\W\d][^:|]{0,30}:.*)\s*$",
    re.IGNORECASE,
)


def _date_and_its_label(line: str, dateline: Dateline | None) -> str:
    """`line` cut to the field holding its date: its label or weekday before it, not the
    account or counter that share the box ("Ngày đăng: 21/10/2025 | Người đăng: bientap01",
    "Thứ Hai, 06/10/2025 08:45 SA 1.024", "Gửi bởi admin vào T2, 24/11/2025 - 10:12")."""
    if dateline is None or dateline.text not in line:
        dateline = parse_dateline(line, fallback=False)
    start = line.find(dateline.text) if dateline is not None else -1
    if start < 0:
        return line
    end = start + len(dateline.text)
    before, after = line[:start], line[end:]
    if "|" in before:
        before = before.rsplit("|", 1)[1]
    before = _BARE_ACCOUNT.sub("", _ACCOUNT_BEFORE.sub("", before))
    if _AFTER_DATE.match(after):
        after = ""
    return f"{before}{dateline.text}{after}"


def _lead_from_first_block(blocks: list[Block]) -> str | None:
    """Portals without a sapo field set the lead as the body's first, all-bold paragraph, or
    all-italic: a sentence, not an editor's note ("(Bài đăng lại …)", "LTS: …")."""
    if not blocks or blocks[0].heading or len(blocks[0].text) < MIN_LEAD_CHARS:
        return None
    first = blocks[0]
    if first.bold or (
        first.italic and not _NOT_A_LEAD.match(first.text) and _ENDS.search(first.text)
    ):
        return first.text
    return None


MIN_LEAD_CHARS = 60
_NOT_A_LEAD = re.compile(
    r"^\s*(?:[(\[]|lts\b|lời tòa soạn|lời toà soạn|ghi chú|note\b)", re.IGNORECASE
)
_ENDS = re.compile(r"[.!?…]\W*$")


def _cut_off(doc: Document, dateline_text: str) -> bool:
    """Whether the page ends, cut off, within the dateline."""
    if not doc.truncated:
        return False
    # (Cleaned as the dateline was: control characters and all. Only cut pages get here.)
    tail = clean_line(doc.tree.text_content())[-len(dateline_text) - 8 :]
    return clean_line(dateline_text)[-6:] in tail


def _merge_attachments(extra: list[Attachment], found: list[Attachment]) -> list[Attachment]:
    """Body attachments first, then the template's, each file once: also a file shown in a
    viewer under its address plus a version or cache-busting query ("….pdf/<uuid>?version=1.0"
    in Liferay's PDF iframe beside the link to "….pdf/<uuid>")."""
    merged = {a.url: a for a in found}
    for file in extra:
        merged.setdefault(file.url, file)
    return [a for url, a in merged.items() if not _another_view_of(url, merged)]


def _another_view_of(url: str, files: dict[str, Attachment]) -> bool:
    """Whether `url` is a file of `files` with a query added (its path names a document)."""
    if "?" not in url:
        return False
    path = url.split("?", 1)[0]
    return path in files and ATTACHMENT_EXT.search(path) is not None


# The blocks at the top of the text looked at for the dateline's line, and the words that
# line may hold beside the date (labels, the account, a counter).
DATELINE_BOX_BLOCKS = 3
DATELINE_BOX_WORDS = 8


def _dateline_box(text: str, dateline: str) -> bool:
    if len(dateline) < 8 or dateline not in text or text.rstrip().endswith((".", "!", "?")):
        return _dateline_label(text, dateline)
    return len(text.replace(dateline, " ", 1).split()) <= DATELINE_BOX_WORDS


def _dateline_label(text: str, dateline: str) -> bool:
    """The dateline's label alone, its date in a box of its own (Drupal's field label
    "Ngày đăng:" over the field's value)."""
    return text.endswith((":", "：")) and len(text) < len(dateline) and dateline.startswith(text)


def _merge_images(found: list[Image], extra: list[Image]) -> list[Image]:
    """Each image once, in order, with the first caption any of its copies gives (an
    adapter's picture field may also stand in the text it reads)."""
    merged: dict[str, Image] = {}
    for image in (*found, *extra):
        kept = merged.setdefault(image.url, image)
        if kept.caption is None and image.caption is not None:
            merged[image.url] = replace(kept, caption=image.caption)
    return list(merged.values())


def _content(doc: Document, roots: list[HtmlElement], skip: set[HtmlElement]) -> Content:
    """extract_content, once per page for the same elements: adapters that assemble twice
    (WordPress, with the account's name as a stand-in byline) change only other parts."""
    known = doc.memo.facts.setdefault("contents", {})
    key = (tuple(roots), frozenset(skip))
    if key not in known:
        known[key] = extract_content(roots, doc.link_base, skip)
    return known[key]  # read, never changed, by assemble


# A lead box's own label: "TÓM TẮT:", "Sapo:".
LEAD_LABEL = re.compile(r"^\s*(?:tóm tắt|sapo|trích yếu|tin tóm tắt)\s*[:：]\s*", re.IGNORECASE)
# How many times a lead may stand repeated at the top of the text.
LEAD_REPEATS = 2

URL_DATE = "publish time taken from the URL: no dateline on the page"
LISTING_DATE = "publish time taken from the listing page: no dateline on the article page"
DAY_ONLY = "the dateline gives the day only: no time of publication"


def with_listed_date(article: Article, listed: str | None) -> Article:
    """The date the section's listing showed beside the link, for a page that shows none.

    Before the URL's date (the URL holds when the item was created, the listing what the
    portal calls its publish date), unless the URL gives the time of that same day."""
    if not listed or (article.published_at is not None and URL_DATE not in article.warnings):
        return article
    dateline = parse_dateline(listed)
    if dateline is None or is_print_date_header(listed):
        return article
    value = dateline.isoformat()
    if (
        article.published_at is not None
        and article.published_precision == "minute"
        and article.published_at[:10] == value[:10]
    ):
        return article
    warnings = [w for w in article.warnings if w not in (URL_DATE, DAY_ONLY)]
    warnings.append(LISTING_DATE)
    if dateline.precision == "day":
        warnings.append(DAY_ONLY)
    return replace(
        article,
        published_at=value,
        published_text=shown_dateline(listed),
        published_precision=dateline.precision,
        warnings=warnings,
    )


MONTH_FIRST = "the dateline is read month first, as the date in the URL shows (an en-US site)"
MONTH_FIRST_ONLY = "the dateline is read month first: its second number is no month (an en-US site)"
MONTH_FIRST_PAGE = (
    "the dateline is read month first, as the page's other dates are written (an en-US site)"
)


def _month_first_if_url_or_page_says(
    doc: Document, dateline: Dateline, warnings: list[str]
) -> Dateline:
    """The dateline read month first when it can be read both ways and the URL's own date
    (SharePoint's "/Pages/2024-3-8/", VCCorp's stamp) is that other reading: "3/8/2024 9:15
    AM" on a site left on the en-US setting is 8 March, not 3 August. With no date in the URL,
    when the page's other dates are written month first."""
    value = dateline.value
    other = month_first_reading(value.date())
    if other is None:
        return dateline  # (nearly every page: one reading only)
    from_url = date_from_url(doc.url)
    if from_url is not None and from_url.value.date() == other:
        warnings.append(MONTH_FIRST)
    elif from_url is None and written_as_en_us(dateline.text) and page_writes_month_first(doc.html):
        # "3/12/2009 8:30:00 AM" over a list of other news dated "2/27/2009", "1/30/2009".
        warnings.append(MONTH_FIRST_PAGE)
    else:
        return dateline
    return replace(dateline, value=value.replace(month=other.month, day=other.day))


def _with_time_elsewhere(
    doc: Document, texts: list[str], text: str, dateline: Dateline
) -> tuple[str, Dateline]:
    """The first of `texts` that gives `dateline`'s day to the minute, else `dateline`."""
    day = dateline.value.date()
    for other in texts:
        if other == text or is_print_date_header(other):
            continue
        found = doc.dateline(other)
        if found is not None and found.precision == "minute" and found.value.date() == day:
            return other, found
    return text, dateline


def assemble(doc: Document, platform: str, parts: Parts) -> Article:
    title = clean_line(parts.title)
    if not title:
        raise NotAnArticle("no_title", "no article title found")
    warnings = [*doc.warnings, *parts.warnings]

    published_at = published_text = precision = None
    for text in parts.dateline_texts:
        if is_print_date_header(text):
            # "Hải Phòng, ngày 21 tháng 10 năm 2019" on print views is when it was printed.
            warnings.append(f"print-view date ignored, not a publish date: {clean_line(text)!r}")
            continue
        dateline = doc.dateline(text)
        if dateline is not None and dateline.precision == "minute" and _cut_off(doc, text):
            # "23/07/2022 - 03:42" at the very end of a cut page may have lost its "PM".
            dateline = replace(
                dateline, value=dateline.value.replace(hour=0, minute=0, second=0), precision="day"
            )
            warnings.append("the page is cut off right after its dateline: time of day dropped")
        if dateline is not None and dateline.precision == "day":
            # The same day with its time in another of the template's date fields (a
            # metadata row's "14/08/2025" over the body's "Thu, 14 Aug 2025 02:20:00 +0000").
            text, dateline = _with_time_elsewhere(doc, parts.dateline_texts, text, dateline)
        if dateline is not None:
            dateline = _month_first_if_url_or_page_says(doc, dateline, warnings)
            if dateline.month_first:
                warnings.append(MONTH_FIRST_ONLY)
            published_at, precision = dateline.isoformat(), dateline.precision
            published_text = _published_text(doc, parts.shown_dateline, text, dateline)
            if precision == "day":
                warnings.append(DAY_ONLY)
            if dateline.updated:
                warnings.append(
                    "the only dateline is labelled as an update ('Cập nhật'): taken as published"
                )
            break
    if published_at is None:
        shown_texts = [t for t in parts.dateline_texts if not is_print_date_header(t)]
        shown = shown_dateline(shown_texts[0]) if shown_texts else None
        from_url = date_from_url(doc.url)
        if from_url is not None:
            published_at, precision = from_url.isoformat(), from_url.precision
            warnings.append(URL_DATE)
        elif shown:
            warnings.append(f"dateline not understood: {shown!r}")
        else:
            warnings.append("no dateline found")
        published_text = shown or None

    content = _content(doc, parts.content_roots, parts.skip) if parts.content_roots else None
    blocks = strip_boilerplate(content.blocks) if content else []
    # The title and dateline repeated inside the content block are page furniture, not text
    # (a dateline printed after the text would otherwise stand where the byline is looked for).
    furniture = {title, *(clean_line(t) for t in parts.dateline_texts)}
    blocks = [b for b in blocks if b.text not in furniture]
    if published_text and blocks[:DATELINE_BOX_BLOCKS]:
        # The dateline's line with the account and counter beside it ("14/03/2013 09:20 |
        # Người đăng: admin | Lượt xem: 312"), at the top of the text: furniture as well.
        top = [b for b in blocks[:DATELINE_BOX_BLOCKS] if _dateline_box(b.text, published_text)]
        blocks = [b for b in blocks if b not in top]
    explicit_byline = clean_line(parts.byline) or None
    if explicit_byline:
        byline_result = BylineResult(
            explicit_byline, [b for b in blocks if b.text != explicit_byline]
        )
    else:
        byline_result = find_byline(blocks, loose=parts.loose_byline)
        if byline_result.byline is None and parts.fallback_byline is not None:
            fallback = clean_line(parts.fallback_byline()) or None
            if fallback:
                kept = [b for b in byline_result.blocks if b.text != fallback]
                byline_result = BylineResult(fallback, kept)
    blocks = byline_result.blocks

    summary = clean(LEAD_LABEL.sub("", parts.summary or "")) or None
    paragraphs = [b.text for b in blocks]
    if summary is None:
        summary = _lead_from_first_block(blocks)
    elif paragraphs and cut_short_copy(summary, paragraphs[0]):
        summary = paragraphs[0]  # the CMS's teaser of the first paragraph, cut with "…"
    else:
        # The sapo once: CMSs often paste it again as the body's first paragraph, with a
        # different case, punctuation or spacing (and a lead box inside the text block
        # gives it twice there: the box, then the text's own first paragraph).
        opening = paragraphs[:LEAD_REPEATS]
        repeats = sum(1 for _ in takewhile(lambda text: same_words(text, summary), opening))
        paragraphs[:repeats] = []
        paragraphs.insert(0, summary)
    body = "\n\n".join(p for p in paragraphs if p)
    if not body:
        warnings.append("empty body")

    return Article(
        url=doc.url,
        title=title,
        platform=platform,
        published_at=published_at,
        published_text=published_text,
        published_precision=precision,
        byline=byline_result.byline,
        authors=split_authors(byline_result.byline) if byline_result.byline else [],
        summary=summary,
        body=body,
        images=_merge_images(
            [*parts.extra_images, *(content.images if content else [])], parts.trailing_images
        ),
        attachments=_merge_attachments(
            [*parts.extra_attachments, *attachment_boxes(doc, parts.content_roots)],
            content.attachments if content else [],
        ),
        category=clean_line(parts.category) or None,
        warnings=warnings,
    )

"""The generic extractor's fields set apart from the text: a lead (sapo) box, an author box,
and the short blocks right after the text (an author field, a post's time)."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..blocks import Block, alignment, element_text, is_noise, paragraphs
from ..bylines import (
    ACCOUNT_BOX,
    AUTHOR_FIELD,
    AUTHOR_LABEL_ALONE,
    AUTHOR_WORDS,
    BYLINE_LABEL,
    DATE_TAIL,
    MAX_NAME_WORDS,
    NEXT_FIELD,
    PHOTO_CREDIT,
    PHOTO_CREDIT_TAIL,
    UNIT_WORDS,
    find_byline,
    looks_like_name,
)
from ..cleanup import ACCOUNT_LINE, DROPPED_LINES, POSTED_LINE
from ..dates import count_dates, names_a_month, post_time
from ..document import Document
from ..element_texts import node_text
from ..text import clean_line
from .class_rules import ClassRule
from .generic_fields import LIST_HEADING, MAX_DATELINE_CHARS, mostly_date
from .generic_layout import (
    following_elements,
    in_chrome,
    in_noise_box,
    in_side_box,
    is_inside,
    is_post_footer,
    near,
)

# A lead (sapo) or an author box the template sets apart from the text, named by its class.
# A word of a class or id starts after a separator or, in camelCase names ("NewsSummary",
# "NewsAuthor" on ASP.NET portals), at a capital after a small letter; it ends likewise.
_WORD_START = r"(?:^|[\s_-]|(?-i:(?<=[a-z])(?=[A-Z])))"
_WORD_END = r"(?:$|[\s_-]|(?-i:(?=[A-Z])))"


def _class_words(*words: str) -> ClassRule:
    """One of `words` (lower case) as a word of a class or id, in any letter case."""
    alternatives = "|".join(map(re.escape, words))
    pattern = f"{_WORD_START}(?:{alternatives}){_WORD_END}"
    return ClassRule(pattern, words, whole=False, flags=re.IGNORECASE)


LEAD_CLASS = _class_words(
    *("sapo", "lead", "summary", "hometext", "tomtat", "tom-tat", "description", "excerpt"),
    *("intro", "chapeau", "abstract", "teaser", "mota", "mo-ta", "trichdan", "trich-dan"),
    # ASP.NET portals' "Brief"/"Desc" fields, "trích yếu", "tóm lược", a subtitle under the title.
    *("brief", "desc", "des", "trichyeu", "trich-yeu", "tomluoc", "tom-luoc", "chapo"),
    *("subtitle", "sub-title", "short-content", "shortcontent"),
)
AUTHOR_CLASS = _class_words(*AUTHOR_WORDS)
# CMS accounts, not writers.
EDITOR_ACCOUNT_CLASS = ACCOUNT_BOX
ACCOUNT_NAME = re.compile(r"^[\w.@-]+$")  # "admin", "editor01", "bientap@…": one token
LEAD_CHARS = (40, 1200)
AUTHOR_CHARS = (3, 80)
# Where the story comes from (a newspaper, a unit's site), which is not who wrote it: below the
# body, in a field of its own, such a line is the template's source field, not a byline.
SOURCE_LABEL = re.compile(r"^(?:nguồn|theo|source)", re.IGNORECASE)
# The author field below the body sits in the next few short blocks, before the related
# articles, tags and comments that follow it.
AFTER_BODY_ELEMENTS = 3
CLOSING_DEPTH = 5
AFTER_BODY_CHARS = 300
# What separates the fields of a dateline's box ("Tác giả: … | 12/03/2025 08:30"); not a
# dash, which also joins two authors' names.
BOX_FIELD_SEPARATOR = re.compile(r"[|•·]")
# A post's footer: "Đăng lúc 16:20 bởi Ban biên tập", "Posted by admin at 4:20 PM".
POSTED_LABEL = re.compile(r"^(?:đăng|posted|người đăng)\b", re.IGNORECASE)


def _classed(doc: Document, rule: ClassRule) -> list[HtmlElement]:
    """The elements (but <body>, <html>, <meta>) whose class or id `rule` accepts."""
    memo = doc.memo
    # Usually no class or id holds a word of the rule: one look at the page's class values
    # (joined by newlines, a token separator like the spaces) and one at each bare id tell so
    # before any element is listed with its class and id. (A token of "class id" is a token of
    # the class or of the id.)
    if not rule.accepts(memo.class_text()) and not memo.has_value("id", rule.accepts):
        return []
    rows = memo.facts.get("generic.attrs")
    if rows is None:  # "class id" of the elements with either, for the lead and author rules
        rows = memo.facts["generic.attrs"] = [
            (element, f"{classes or ''} {ident or ''}")
            for element, classes, ident in memo.attributed()
            if element.tag not in ("body", "html", "meta")
        ]
    return [element for element, attrs in rows if rule.accepts(attrs)]


def _outside(element: HtmlElement, container: HtmlElement) -> bool:
    return (
        element is not container
        and element not in container.iterancestors()
        and (container not in element.iterancestors())
    )


def find_lead(
    doc: Document, container: HtmlElement, title_el: HtmlElement | None
) -> HtmlElement | None:
    """A lead block outside the text container, beside it (not in a side box or chrome), or
    opening the container that holds the whole article (title, dateline, lead, text)."""
    for element in _classed(doc, LEAD_CLASS):
        if element.tag in ("a", "img"):
            continue
        if _outside(element, container):
            if _after(doc, element, container):
                continue  # a teaser's "news-item__desc" in a box of other news under the text
        elif not (
            _opens_article(doc, element, container, title_el)
            and _leaves_text_after(element, container)
        ):
            continue
        if title_el is not None and (element is title_el or is_inside(title_el, element)):
            continue
        if _captions_a_picture(element):
            continue  # "<p class=desc>" under a photo: its caption
        text = element_text(element)
        if not LEAD_CHARS[0] <= len(text) <= LEAD_CHARS[1]:
            continue
        if mostly_date(doc, text, fallback=False):
            continue  # the date line under the title ("card-subtitle": "Ngày đăng: …")
        if in_chrome(element) or in_side_box(element) or not near(element, container):
            continue
        return element
    return None


def _after(doc: Document, element: HtmlElement, container: HtmlElement) -> bool:
    """Whether `element` comes after the text's box in the page (a lead comes before it)."""
    here, text = doc.memo.position(element), doc.memo.position(container)
    return here is not None and text is not None and here > text


def _captions_a_picture(element: HtmlElement) -> bool:
    """Whether `element` sits in a figure, or right under a block that is only a picture."""
    if next(element.iterancestors("figure"), None) is not None:
        return True
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return (
        before is not None
        and (before.tag in ("img", "picture") or next(before.iter("img"), None) is not None)
        and not element_text(before)
    )


def _leaves_text_after(lead: HtmlElement, container: HtmlElement) -> bool:
    """A lead inside the text's box is the lesser part of it: Drupal names the whole body
    field "text-with-summary"."""
    return len(element_text(lead)) * 2 < len(element_text(container))


def _opens_article(
    doc: Document, element: HtmlElement, container: HtmlElement, title_el: HtmlElement | None
) -> bool:
    """`element` is the first block with text in `container` after the title and the date
    line: the lead of an article box that holds them all (the body keeps it too). It may sit
    some levels down ("main-col > detail-page > detail-sapo"), each of its boxes first in its
    own; a page with no heading at all (its title only in <title>) needs no title above it."""
    node = element
    while node is not container:
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            if title_el is not None and (sibling is title_el or is_inside(title_el, sibling)):
                return True  # (what stands above the title, a trail or a category, is no text)
            text = element_text(sibling)
            if text and not (len(text) <= MAX_DATELINE_CHARS and _reads_as_date(doc, text)):
                return False  # text before it: not the article's opening
        parent = node.getparent()
        if parent is None:
            return False  # (not in the container at all)
        node = parent
    # The title above the box (the box opens with the lead): not inside it, after the lead.
    return title_el is None or not is_inside(title_el, container)


def _reads_as_date(doc: Document, text: str) -> bool:
    """A dateline, its month in figures or, on English pages, in words ("October 3, 2025")."""
    return doc.dateline(text, fallback=False) is not None or (
        names_a_month(text) and doc.dateline(text) is not None
    )


def find_author_box(doc: Document, container: HtmlElement) -> str | None:
    """An author box beside the text ("detail-author", "tacgia"), never a CMS account."""
    for element in _classed(doc, AUTHOR_CLASS):
        if not _outside(element, container) or EDITOR_ACCOUNT_CLASS.search(
            f"{element.get('class') or ''} {element.get('id') or ''}"
        ):
            continue
        text = NEXT_FIELD.sub("", clean_line(element_text(element)))
        if any(ch.isdigit() for ch in text):
            # A box of the author and the date ("tacgia-ngay": "Lò Văn Toàn - 09/06/2016").
            text = DATE_TAIL.sub("", text)
        text = AUTHOR_LABEL_ALONE.sub("", text)
        if not plausible_author(text) or POSTED_LINE.match(text):
            continue  # ("Viết bởi Super User": Joomla's record account, not an author)
        if in_chrome(element) or in_side_box(element) or not near(element, container):
            continue
        if in_noise_box(element):
            continue  # a reader's comment's "comment-author"
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
    for element in following_elements(container):
        raw = node_text(element)
        if not raw.strip():
            continue
        if (
            len(raw) > AFTER_BODY_CHARS
            or LIST_HEADING.match(raw.lstrip())
            or (in_chrome(element) and not is_post_footer(element))
        ):
            break
        if (":" in raw or "：" in raw) and not is_noise(element):
            lines.extend(block.text for block in paragraphs(element))
        looked += 1
        if looked == AFTER_BODY_ELEMENTS:
            break
    return lines


def byline_after(container: HtmlElement) -> str | None:
    """A byline set on the right in the first block after the text block ("</div><div
    style='text-align:right'><b>Phạm Thu Trang</b></div>"), as bylines inside it are; or
    after a list of related news set between them."""
    passed_list = False
    for element in following_elements(container):
        text = element_text(element)
        if not text:
            continue
        if in_chrome(element):
            return None
        if LIST_HEADING.match(text) and not passed_list:
            passed_list = True
            continue
        if any(rule.match(text) for rule in DROPPED_LINES):
            continue  # the tools under the text, set right too ("[In trang] [Trở về]")
        # A table layout's next row: its cell holds the alignment ("<tr><td align=right>").
        while (
            len(element) == 1
            and isinstance(element[0].tag, str)
            and element_text(element[0]) == text
        ):
            element = element[0]
        if alignment(element) != "right":
            return None
        return find_byline([Block(text, element)], loose=False).byline
    return None


def closing_lines(container: HtmlElement) -> list[str]:
    """The short texts that close the text block, from its last element with text down to
    the innermost: some blog templates end the post with its footer ("Đăng lúc 16:20 bởi
    admin") inside the block, a level or more down."""
    lines: list[str] = []
    node: HtmlElement | None = container
    for _ in range(CLOSING_DEPTH):
        node = next(
            (el for el in reversed(node) if isinstance(el.tag, str) and element_text(el)), None
        )
        if node is None:
            break
        text = element_text(node)
        if len(text) <= AFTER_BODY_CHARS:
            lines.append(text)
    return lines


TRAILING_COUNT = re.compile(r"\s+\d[\d.,]*$")


def find_author_line(lines: list[str]) -> str | None:
    """A labelled author line among `after_body_lines`: the name after "Tác giả:" ("Người
    viết:", "Author:", …), or the whole line for "Tin, ảnh: …"-style credits. Never a source
    line, nor a CMS account."""
    for index, text in enumerate(lines):
        label = BYLINE_LABEL.match(text)
        if label is not None and label.end() == len(text) and not SOURCE_LABEL.match(text):
            # The label alone, its value in the next cell ("Tác giả:" | "Hoàng Long").
            if index + 1 == len(lines):
                continue
            text = f"{text} {lines[index + 1]}"
        field = AUTHOR_FIELD.match(text)
        if field is None and (not BYLINE_LABEL.match(text) or SOURCE_LABEL.match(text)):
            continue
        # (A table row read as one line keeps the cells' bar: "Tác giả: | Thanh Sơn".)
        author = field["name"].strip(" |·-–") if field is not None else text
        author = NEXT_FIELD.sub("", author)
        # (A view counter printed right after it in the same box: "Tác giả: Quang Vinh 318".)
        author = TRAILING_COUNT.sub("", author)
        if plausible_author(author):
            return author
    return None


def author_beside_date(doc: Document, dateline_text: str) -> str | None:
    """A labelled author sharing the dateline's box ("Tác giả: Lê Minh Châu | 12/03/2025
    08:30", "12/03/2025 - Tin, ảnh: Hoàng Yến"): the box's other fields, read as the author
    field below the text is (find_author_line). A bare name there may be a category."""
    dateline = doc.dateline(dateline_text)
    if dateline is None:
        return None
    if ":" in dateline_text or "：" in dateline_text:
        # The date is a field of its own, whatever separates it from the others.
        fields = BOX_FIELD_SEPARATOR.split(dateline_text.replace(dateline.text, "|", 1))
        labelled = find_author_line([field.strip(" -–,") for field in fields])
        if labelled is not None:
            return labelled
    # News sites' "Thành Long 11:24 | 01/07/2025": the writer's name alone before the time.
    before = dateline_text.partition(dateline.text)[0].strip(" -–|,")
    # (The weekday the date opens with, left out of the date read: "… | Sunday, March 16".)
    before = TRAILING_WEEKDAY.sub("", before).strip(" -–|,")
    # (The photographer credited beside the writer: "Nhóm PV HNMO - Ảnh: Viết Thành| …".)
    before = PHOTO_CREDIT_TAIL.sub("", before).strip(" -–|,")
    # English pages' "By Thanh Tam | Sunday, March 16, 2025 - 11:20".
    by = ENGLISH_BY.match(before)
    if by is not None:
        before = before[by.end() :]
    if _unlabelled_name(before):
        return before
    return _declared_author_among(doc, dateline_text)


def _declared_author_among(doc: Document, dateline_text: str) -> str | None:
    """A field of the dateline's box that the page's <meta name="author"> also names: a blog
    theme's "25/08/2023 · 2 phút · Hội Chữ thập đỏ huyện" (date, reading time, author). Either
    alone could be a section or the site's name; the two together are the author."""
    declared = next(
        (clean_line(m.get("content", "")) for m in doc.metas() if m.get("name") == "author"), ""
    )
    if not declared or not plausible_author(declared):
        return None
    # The box holding the date: the date may be an element of its own and the author the text
    # after it, so look for the boxes holding the author's name as text of their own.
    for box in doc.tree.xpath("//body//*[text()[contains(., $name)]]", name=declared):
        text = element_text(box)
        if dateline_text in text and len(text) <= MAX_DATELINE_CHARS:
            fields = (clean_line(f) for f in BOX_FIELD_SEPARATOR.split(text))
            if any(f.casefold() == declared.casefold() for f in fields):
                return declared
    return None


TRAILING_WEEKDAY = re.compile(
    r"(?:^|[\s|,·–-])(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|thứ\s+\w+|chủ nhật)$",
    re.IGNORECASE,
)
ENGLISH_BY = re.compile(r"^(?:written |posted )?by\s+(?=[A-ZĐ])", re.IGNORECASE)


# Capitalised words that open a dateline without naming anyone: "Thứ Hai", "Ngày Đăng".
NOT_NAME_WORDS = frozenset({"thứ", "chủ", "ngày", "cập", "đăng", "tin", "bài", "tháng", "lúc"})
# Sections some templates print in title case where the name would stand ("Kinh Tế | …").
SECTION_NAMES = frozenset(
    (
        *("kinh tế", "chính trị", "giáo dục", "y tế", "văn hóa", "văn hoá", "xã hội"),
        *("thể thao", "du lịch", "an ninh", "quốc phòng", "thời sự", "pháp luật"),
        *("nông nghiệp", "môi trường", "sự kiện", "hoạt động", "thông báo", "đời sống"),
        *("chuyển đổi số", "cải cách hành chính", "khoa học", "công nghệ"),
    )
)


def _unlabelled_name(text: str) -> bool:
    """Whether a field of the dateline's box is a person's name: 2–4 capitalised words
    ("Thành Long"), none that opens a date or a section, no unit."""
    words = text.split()
    return (
        len(words) <= MAX_NAME_WORDS
        and looks_like_name(text)
        and words[0].lower() not in NOT_NAME_WORDS
        and text.lower() not in SECTION_NAMES
        and " ".join(words[:2]).lower() not in SECTION_NAMES
        and not UNIT_WORDS.search(text)
    )


def posted_time(lines: list[str]) -> str | None:
    """The time of day a post line among `after_body_lines` gives ("Đăng lúc 16:20 bởi …",
    "Posted by … at 4:20 PM"), when it gives no date: blog templates head the day's posts with
    the date and end each with its time."""
    for text in lines:
        if POSTED_LABEL.match(text) and count_dates(text) == 0 and (time := post_time(text)):
            return time
    return None


def plausible_author(text: str) -> bool:
    """A person's or unit's name, not an account ("admin", "bientap01"), a date or a credit."""
    return (
        AUTHOR_CHARS[0] <= len(text) <= AUTHOR_CHARS[1]
        and not PHOTO_CREDIT.match(text)
        and not ACCOUNT_NAME.match(text)
        and not any(ch.isdigit() for ch in text)
    )


def microdata_author(doc: Document) -> str | None:
    """The author schema.org microdata names (`itemprop="author"`, its `itemprop="name"`
    inside, or a `content` attribute): a template's author field, when it is no account."""
    if not doc.memo.has_value("itemprop", _names_author):
        return None  # (most pages: no microdata author)
    for element, value in doc.memo.valued("itemprop"):
        if not _names_author(value):
            continue
        name = next(
            (el for el in element.iterdescendants() if el.get("itemprop") == "name"), element
        )
        text = clean_line(name.get("content") or element_text(name))
        if plausible_author(text):
            return text
    return None


def _names_author(value: str | None) -> bool:
    return value is not None and "author" in value.split()


# How far into the text a labelled author line may open it.
OPENING_AUTHOR_LINES = 3


# A writer's line printed over the text is labelled as bylines are (bylines.BYLINE_LABEL:
# "Phóng viên:", "PV:", "Thực hiện:", "Bài, ảnh:"), or as an author field ("Bút danh:"); not
# as a source ("Nguồn:", "Theo:" over a text say where it was taken from).
_OPENING_LABEL = re.compile(BYLINE_LABEL.pattern.removeprefix("^"), re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(?:nguồn|theo|source)\b", re.IGNORECASE)
# The short blocks printed between the dateline and the text that are looked at.
BLOCKS_OVER_TEXT = 3


def opening_author_line(container: HtmlElement) -> str | None:
    """A labelled author line opening the text block or printed right over it ("Tác giả:
    Nguyễn Thị Hoa" over the date, Joomla 1.0's `span.small`; "Phóng viên: Trần Mạnh" between
    the dateline and the text): the whole line, as published, so that it leaves the text.
    Never the site's account ("Tác giả: Quản trị", dropped as furniture)."""
    over = _blocks_over(container)
    if not _OPENING_LABEL.search(element_text(container)[:300]) and not any(
        _OPENING_LABEL.search(node_text(block)) for block in over
    ):
        return None  # (most texts: no such label near their start)
    for element in (*over, container):
        for block in paragraphs(element)[:OPENING_AUTHOR_LINES]:
            name = _labelled_name(block.text)
            if name is not None and plausible_author(name) and not ACCOUNT_LINE.match(block.text):
                return block.text
    return None


def _labelled_name(line: str) -> str | None:
    """The name after a writer's label opening `line`; None without such a label."""
    label = BYLINE_LABEL.match(line)
    if label is not None and not _SOURCE_LABEL.match(line):
        return line[label.end() :].strip()
    field = AUTHOR_FIELD.match(line)
    return field["name"].strip() if field is not None else None


def _blocks_over(container: HtmlElement) -> list[HtmlElement]:
    """The short blocks right before the text block, nearest last."""
    blocks: list[HtmlElement] = []
    for element in container.itersiblings(preceding=True):
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if len(blocks) == BLOCKS_OVER_TEXT or len(node_text(element)) > MAX_DATELINE_CHARS:
            break
        blocks.append(element)
    return blocks[::-1]


# Drupal's label/value fields ("field__label" then "field__item"; Drupal 7: "field-label"),
# set after the body: the author field is the byline, the source is none; neither is text.
FIELD_LABEL_CLASSES = ("field__label", "field-label")
SOURCE_FIELD = re.compile(r"^(?:nguồn(?: tin)?|source)$", re.IGNORECASE)


def labelled_fields(doc: Document) -> tuple[str | None, list[HtmlElement]]:
    """The author a labelled field names, and the author and source fields (to leave out
    of the text: "Nguồn tin Thuế cơ sở 3", "Tác giả Mai Lan" are no sentences)."""
    author: str | None = None
    fields: list[HtmlElement] = []
    if "-label" not in doc.memo.class_text() and "__label" not in doc.memo.class_text():
        return author, fields  # (one look at the page's classes: most pages have no field)
    for name in FIELD_LABEL_CLASSES:
        for label in doc.memo.with_class(name):
            field = label.getparent()
            if field is None:
                continue
            label_text = element_text(label).rstrip(":： ")
            value = element_text(field)[len(element_text(label)) :].strip(" :：")
            if AUTHOR_FIELD.match(f"{label_text}: {value}") and plausible_author(value):
                author = author or value
                fields.append(field)
            elif SOURCE_FIELD.match(label_text):
                fields.append(field)
    return author, fields

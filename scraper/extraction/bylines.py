"""Find the author line at the end of an article body (PORTALS.md §4) and take it out.

Conventions seen: the last right-aligned paragraph; an all-caps name or unit ("NGỌC HÀ",
"HĐND QUẬN CẦU GIẤY"); labelled lines ("Tác giả:", "Tin, ảnh:", "Nguồn:"); a byline glued to
the end of the last paragraph ("…để quản lý. T.DƯƠNG"); several authors ("XUÂN HIẾU - XUÂN
THỊNH"). Photo credits ("Ảnh: …") are not bylines, and the CMS editor account is removed
before this runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .blocks import Block, element_text
from .cleanup import ACCOUNT_LINE
from .dates import is_print_date_header, parse_dateline
from .text import is_upper_text, word_count

BYLINE_LABEL = re.compile(
    # "Tin, ảnh:", "Tin - ảnh:", "Tin/ảnh:", "Bài và ảnh:", "Tin, bài:", "Tin:", "Bài:", and
    # the other way round, "Ảnh, bài:", "Ảnh và tin:" (a photo credit alone is "Ảnh:").
    # (Also typed without accents: "Tin, anh:", "Tac gia:".)
    r"^(?:(?:tin|bài|bai)(?:\s*(?:[,/&-–]|và|va)?\s*(?:ảnh|anh|bài|bai|tin))?|"
    r"(?:ảnh|anh)\s*(?:[,/&-–]|và|va)\s*(?:bài|bai|tin)|"
    r"(?:tác giả|tac gia)(?: bài viết| bai viet)?|(?:nguồn|nguon)(?: tin)?|"
    r"theo|"
    r"người viết(?: bài)?|nguoi viet|(?:nhóm |nhom )?(?:phóng viên|phong vien)|pv|ctv|cộng tác viên|"
    r"cong tac vien|tổng hợp|tong hop|(?:người |nhóm |nguoi |nhom )?(?:thực hiện|thuc hien)|"
    r"sưu tầm|suu tam|biên soạn|bien soan|lược dịch|author|source)\s*[:：]",
    re.IGNORECASE,
)
# A writer's telephone or e-mail, printed after the name.
CONTACT = re.compile(
    r"^(?:(?:đt|sđt|số điện thoại|điện thoại|đtdđ|dđ|tel|phone|mobile|fax|e-?mail|"
    r"liên hệ)\s*[:：.]|\+?\d[\d .()-]{7,}$|\S+@\S+\.\w+$)",
    re.IGNORECASE,
)
# A template's author field ("Tác giả: Minh Khoa"): the label names the field, the name follows.
AUTHOR_FIELD = re.compile(
    r"^(?:tác giả(?: bài viết)?|người viết(?: bài)?|bút danh|author)\s*[:：]\s*(?P<name>.+)$",
    re.IGNORECASE,
)
# Another field printed after an author's name in the same line or box ("Tác giả: Ngọc Ánh
# Nguồn tin: Trung tâm Y tế huyện Lượt xem: 230"): where the name ends. (A name has no colon.)
NEXT_FIELD = re.compile(
    r"\s+(?:nguồn(?: tin)?|(?:số )?lượt (?:xem|đọc|truy cập)|ngày(?: đăng| cập nhật)?|cập nhật"
    r"|email|điện thoại|đơn vị|chức vụ|views?|source|tags?|từ khóa|chuyên mục|danh mục)"
    r"\s*[:：].*$",
    re.IGNORECASE,
)
# An author box's label set apart from the name with no colon ("Tác giả" over "Ngọc Ánh"):
# no byline as published. (With its colon the label is kept, as printed.)
AUTHOR_LABEL_ALONE = re.compile(
    r"^(?:tác giả|người viết|author)(?!(?:\s+bài(?:\s+viết)?)?\s*[:：])\s+", re.IGNORECASE
)
PHOTO_CREDIT = re.compile(
    r"^(?:ảnh|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|photo|video|clip|đồ họa|đồ hoạ|infographic)"
    r"\s*[:：]",
    re.IGNORECASE,
)
# "…để quản lý. T.DƯƠNG" — an upper-case tail after the last sentence's full stop.
GLUED_TAIL = re.compile(
    r"(?<=[.!?…”\"»)])\s+([A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*(?:\s*[-–,&]?\s*[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*){0,7})\s*$"
)
SENTENCE_END = re.compile(r"[.!?…:;]$")
# Words of office and place names: a byline holding them names a unit, not people.
UNIT_WORDS = re.compile(
    r"\b(?:ủy ban|uỷ ban|ubnd|hđnd|mttq|văn phòng|phòng|ban|sở|cục|chi cục|trung tâm|đài|đảng ủy|"
    r"đảng uỷ|công an|hội|đoàn|quận|huyện|phường|xã|thị trấn|tỉnh|thành phố|tp|"
    # Papers, schools, villages and party cells write for ward portals too. ("Trường" alone is
    # a given name: "Xuân Trường".)
    r"(?<!thông )báo(?! cáo)|tạp chí|ttxvn|thôn|tổ dân phố|khu phố|chi bộ|bql|"
    r"trường (?:thcs|thpt|th|tiểu học|mầm non|mẫu giáo|trung học|đại học|cao đẳng|trung cấp)|"
    # A post after the name says who the writer is, as a unit does: "Trần Thị Hoa - Công chức
    # Văn hóa - Xã hội".
    r"công chức|viên chức|cán bộ|chuyên viên|bí thư|chủ tịch|giám đốc|"
    # (The same on /en/ pages: "Thanh Binh - Department of Foreign Affairs".)
    r"department|office|committee|council|cent(?:er|re)|division|board|bureau|union|"
    r"association|ward|commune|district|province)\b",
    re.IGNORECASE,
)
PHOTO_CREDIT_TAIL = re.compile(r"\s*[-–,|]\s*(?:ảnh|photo)\s*[:：].*$", re.IGNORECASE)
# "(Theo Báo Hà Nội Mới)": a source line, printed in brackets and without a colon.
SOURCE_PREFIX = re.compile(r"^theo\s+(?=\S)", re.IGNORECASE)
# A line naming where the text comes from rather than who wrote it.
SOURCE_LINE = re.compile(r"^\(?\s*(?:nguồn|theo|source)\b", re.IGNORECASE)
# "Thanh Tùng (TTVH)": the agency after the name.
AFFILIATION_TAIL = re.compile(r"(?<=\S)\s*\([^()]*\)$")
# "Minh Châu - 12/03/2025", "Thu Hà | 08:30": a date or time printed after the name.
DATE_TAIL = re.compile(
    r"(?:\s*[-–|,]\s*|\s+)(?:[Nn]gày\s*:?\s*)?(?:\d{1,2}[:h]\d{2}\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"
    r"(?:\s*[-–|,]?\s*\d{1,2}[:h]\d{2})?\s*$"
)
_DIGIT = re.compile(r"\d")
# Not "và": unit names contain it ("Phòng Văn hóa và Thông tin").
# ("&" only between spaces: "VHTT&TT" is one unit's name.)
AUTHOR_SEPARATOR = re.compile(r"\s+[-–]\s+|\s*[,;]\s*|\s+&\s+|\s*/\s*")
# What every AUTHOR_SEPARATOR holds.
_SEPARATOR_CHARS = re.compile(r"[-–,;&/]")
# What a line that is only a date holds beside it: "Ngày", a weekday, or a place before
# "ngày" ("Hòa Bình, ngày 12 tháng 3 năm 2025": where and when a notice was signed).
# Or a label of when it was posted or updated ("Cập nhật: 15/06/2025" under the byline).
DATE_LINE_REST = re.compile(
    r"(?:(?:[^,]+,\s*)?ngày(?: đăng| viết| gửi)?|thứ\s+\w+|chủ nhật|(?:ngày )?cập nhật(?: lúc)?"
    r"|đăng(?: ngày| lúc)?)?",
    re.IGNORECASE,
)
# A paragraph the template names as the author's ("<p class=author>", "tacgia"); not a CMS
# account's box (Liferay's view-content-author, a vcard).
AUTHOR_WORDS = (
    *("author", "authors", "tacgia", "tac-gia", "byline", "writer", "nguoiviet", "nguoi-viet"),
    *("butdanh", "but-danh"),
)
AUTHOR_BOX = re.compile(
    rf"(?:^|[\s_-])(?:{'|'.join(map(re.escape, AUTHOR_WORDS))})(?:$|[\s_-])", re.IGNORECASE
)
# Liferay's view-content-author / metadata-author (PORTALS §2a), WordPress's author vcard
# (usually "admin").
ACCOUNT_BOX = re.compile(r"view-content-author|metadata-author|vcard", re.IGNORECASE)
MAX_BYLINE_WORDS = 12
MAX_BYLINE_CHARS = 120


@dataclass
class BylineResult:
    byline: str | None
    blocks: list[Block]


def split_authors(byline: str) -> list[str]:
    """ "XUÂN HIẾU - XUÂN THỊNH" → ["XUÂN HIẾU", "XUÂN THỊNH"]; labels and photo credits
    dropped. A unit's name stays whole: "Văn phòng HĐND - UBND quận" is one author."""
    text = _bare(byline)
    if SOURCE_LINE.match(byline.strip()) and text:
        # Only a source ("Theo Kinh tế & Đô thị", "Nguồn: Báo Bắc Ninh"): a publication's
        # name, whole, whatever it holds.
        return [text]
    # Most bylines hold a single name: no separator character, nothing for the split to find
    # (it would try its four alternatives at every position).
    if _SEPARATOR_CHARS.search(text):
        parts = [p.strip() for p in AUTHOR_SEPARATOR.split(text)]
    else:
        parts = [text]
    parts = [p for p in parts if p and not _aside(p)]
    if len(parts) > 1 and not all(SOURCE_LINE.match(p) for p in parts):
        # "Ngọc Lan - Nguồn: hanoimoi.vn": the source is not an author.
        parts = [p for p in parts if not SOURCE_LINE.match(p)]
    parts = [bare for bare in map(_bare, parts) if bare]
    units = [bool(UNIT_WORDS.search(p)) or _acronym_unit(p, text) for p in parts]
    if not any(units) and any(" và " in p for p in parts):
        # "Minh Anh và Thu Hà": two people (a unit's "và" was kept whole above).
        parts = [name.strip() for p in parts for name in p.split(" và ") if name.strip()]
        units = [False] * len(parts)
    if len(parts) > 1 and any(units):
        if not units[0]:
            # "Thu Hà - Trung tâm VHTT&TT": the people, then the unit they write for.
            return parts[: units.index(True)]
        # "Văn phòng HĐND - UBND quận" is one unit, whose name holds the separator.
        return [PHOTO_CREDIT_TAIL.sub("", text).strip(" -–,")]
    return parts


def _acronym_unit(part: str, byline: str) -> bool:
    """A unit named by its initials ("TT VHTT&TT", "TTXVN") in a byline whose names are
    written in lower case: capitals there are no one's name."""
    letters = [c for c in part if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters)
        and any(c.islower() for c in byline)
        and all(len(word) <= MAX_ACRONYM_CHARS for word in _ACRONYM_SPLIT.split(part) if word)
    )


MAX_ACRONYM_CHARS = 6
_ACRONYM_SPLIT = re.compile(r"[\s&.]+")


def _bare(text: str) -> str:
    """The name in a byline or part of one: no brackets, label, source word or date."""
    # (Each pattern only where the character it needs is: most bylines are a bare name.)
    text = text.strip()
    if text.endswith(")"):
        if text.startswith("(") and ")" not in text[1:-1]:
            text = text[1:-1].strip()
        else:
            text = AFFILIATION_TAIL.sub("", text)
    if ":" in text or "：" in text:
        text = BYLINE_LABEL.sub("", text).strip()
    if text[:4].lower() == "theo":
        text = SOURCE_PREFIX.sub("", text)
    if text[:3].lower() == "by ":  # English pages: "By Thu Trang"
        text = text[3:]
    if _DIGIT.search(text):
        text = DATE_TAIL.sub("", text)
    return text.strip()


def _aside(text: str) -> bool:
    """A line printed with the byline that names no author: a photo credit, the editor or
    approver, the writer's telephone or e-mail."""
    return bool(PHOTO_CREDIT.match(text) or ACCOUNT_LINE.match(text) or CONTACT.match(text))


# A CMS login printed under the byline ("hongphong", "admin_ubnd"): one lower-case token.
LOGIN = re.compile(r"^[a-z][a-z0-9_]{2,29}$")


def _slogan(block: Block) -> bool:
    """Centred capitals closing the text ("ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!"),
    set under the byline as a banner."""
    return block.align == "center" and is_upper_text(block.text)


def _after_byline(block: Block) -> bool:
    """A line set after the byline that is none: a credit, the editor, a contact, the CMS
    login, a slogan."""
    return _aside(block.text) or LOGIN.match(block.text) is not None or _slogan(block)


def _short(text: str) -> bool:
    return len(text) <= MAX_BYLINE_CHARS and word_count(text) <= MAX_BYLINE_WORDS


def looks_like_name(text: str) -> bool:
    """ "Kim Chi", "Thanh Thủy": 2–5 capitalised words, no digits, no sentence ending."""
    words = text.split()
    return (
        2 <= len(words) <= 5
        and not SENTENCE_END.search(text)
        and not any(ch.isdigit() for ch in text)
        and all(w[0].isupper() for w in words if w[0].isalpha())
    )


def _only_a_date(text: str) -> bool:
    """ "Ngày 08/02/2024", "Hòa Bình, ngày 12 tháng 3 năm 2025": a date, set right-aligned
    at the end as bylines are, and no one's name. ("Minh Châu - 12/03/2025" is a byline.)"""
    if not _DIGIT.search(text):
        return False  # (most bylines: no date to read)
    dateline = parse_dateline(text, fallback=False)
    if dateline is None:
        return False
    rest = text.replace(dateline.text, " ", 1).strip(" ,.:;|-–()")
    return DATE_LINE_REST.fullmatch(rest) is not None or is_print_date_header(text)


def _date_line(text: str) -> bool:
    """A short line that is only a date (a paragraph of text that mentions one is not)."""
    return len(text) <= MAX_BYLINE_CHARS and _only_a_date(text)


# A line about the page, set where bylines are: when it was posted or updated, how often read.
PAGE_FACTS = re.compile(
    r"^\(?\s*(?:(?:ngày )?cập nhật|ngày (?:đăng|gửi)|đăng ngày|đã xem|lượt xem|số lượt xem)\b",
    re.IGNORECASE,
)


def _is_byline(block: Block, *, loose: bool, last: bool = False) -> bool:
    text = block.text
    # (A name and a long unit: "Đinh Hương - Trung tâm Văn hóa, Thông tin và Thể thao xã".)
    short = _short(text) or (len(text) <= MAX_BYLINE_CHARS and _name_and_unit(text))
    if not short or PHOTO_CREDIT.match(text) or block.heading or _only_a_date(text):
        return False
    if PAGE_FACTS.match(text):
        return False
    if BYLINE_LABEL.match(text):
        return True
    if block.align == "right" or _named_as_author(block):
        return True
    if is_upper_text(text) and sum(c.isalpha() for c in text) >= 2:
        # Centred capitals close a text as a slogan or a heading ("PHƯỜNG CHUNG TAY XÂY
        # DỰNG ĐÔ THỊ VĂN MINH"); a byline stands on the right or on the left.
        return block.align != "center" and _signs_in_capitals(text)
    if (
        block.bold
        and block.element.tag not in _LINE_BOXES
        and looks_like_name(text)
        and _after_a_break(block)
    ):
        # A name set in bold on the text's last line, under its paragraph's <br><br>: the
        # whole text typed in one <p> ("…trước ngày 25/4.<br><br><strong>Thu Trang</strong>").
        return True
    if (
        last
        and (block.bold or block.italic)
        and block.element.tag not in _LINE_BOXES
        and looks_like_name(text)
    ):
        # A name in bold or italics as the text's last paragraph: no heading has nothing
        # under it ("<p><strong>Nguyễn Văn Bình</strong></p>" closing a WordPress post).
        return True
    if not loose:
        return False
    # "Theo hanoimoi.vn", "(Theo Báo Hà Nội Mới)": a source line, not a sentence.
    source = SOURCE_LINE.match(text) and not SENTENCE_END.search(text) and word_count(text) <= 8
    return bool(source) or looks_like_name(text) or _name_and_unit(text)


# What heads a video or a photo report set under the text ("VIDEO TOÀN CẢNH …").
MEDIA_HEADING = re.compile(
    r"^(?:video|clip|ảnh|hình ảnh|chùm ảnh|phóng sự ảnh|infographics?|toàn cảnh)\b", re.IGNORECASE
)
# The most words of one person's name ("NGUYỄN THỊ THU HÀ").
MAX_NAME_WORDS = 4


def _signs_in_capitals(text: str) -> bool:
    """Whether a line in capitals signs the text: names ("XUÂN HIẾU - XUÂN THỊNH") or a unit
    ("TRUNG TÂM VĂN HÓA, THÔNG TIN VÀ THỂ THAO HUYỆN"), not a slogan ("… XANH, SẠCH, ĐẸP!")
    or the heading of what follows ("VIDEO TOÀN CẢNH BUỔI LỄ RA QUÂN")."""
    if text.endswith(("!", "?")) or MEDIA_HEADING.match(text):
        return False
    if UNIT_WORDS.search(text):
        return True
    return all(len(part.split()) <= MAX_NAME_WORDS for part in AUTHOR_SEPARATOR.split(text))


# Boxes of one line each: a name alone in one is a paragraph of its own, judged as such.
_LINE_BOXES = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"))


def _after_a_break(block: Block) -> bool:
    """Whether the block is the last line of a paragraph that holds text before it, cut from
    it by a line break (a name in bold alone in its own <p> is judged by the other rules:
    a bold line may be a heading)."""
    element = block.element
    if next(element.iter("br"), None) is None:
        return False
    whole = element_text(element)
    return whole.endswith(block.text) and len(whole) > len(block.text)


def _name_and_unit(text: str) -> bool:
    """ "Phạm Hằng - Đài truyền thanh thị trấn": a writer's name, then the unit they write
    for, on one line."""
    name, dash, unit = text.partition(" - ")
    return (
        bool(dash)
        and looks_like_name(name)
        and bool(UNIT_WORDS.search(unit))
        and not (SENTENCE_END.search(unit))
    )


def _named_as_author(block: Block) -> bool:
    """Whether the paragraph's element (or its box) is named as the author's."""
    node = block.element
    for _ in range(2):
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if attrs.strip() and AUTHOR_BOX.search(attrs):
            return not ACCOUNT_BOX.search(attrs)
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return False


def _name_over_unit(name: Block, unit: Block, *, loose: bool) -> bool:
    """A byline printed on two lines: the writer's name, then the unit or source below it
    ("Nguyễn Văn Hùng" / "Phòng Văn hóa và Thông tin", "Ngọc Lan" / "Nguồn: hanoimoi.vn")."""
    below = unit.text
    is_source = bool(SOURCE_LINE.match(below))
    if not (is_source or below.startswith("(") or UNIT_WORDS.search(below)):
        return False
    text = name.text
    if name.heading or not _short(text) or PHOTO_CREDIT.match(text):
        return False
    if BYLINE_LABEL.match(text) and not SOURCE_LINE.match(text):
        return is_source  # "Tác giả: Lan Anh" over "Nguồn: Báo Đà Nẵng": the labels say it
    if UNIT_WORDS.search(text) or BYLINE_LABEL.match(text):
        return False
    a_name = looks_like_name(text) or (
        is_upper_text(text) and word_count(text) <= 5 and not SENTENCE_END.search(text)
    )
    if not a_name or any(ch.isdigit() for ch in text):
        return False
    # Side by side on the right, as bylines are set; or, unaligned, a bare name over a source.
    return name.align == "right" == unit.align or (loose and is_source)


def _source_credit(above: Block, byline: Block, *, loose: bool) -> bool:
    """A source line right over the byline ("Nguồn: Báo Hà Nội Mới" over a right-aligned
    name): a credit, not the text's last paragraph. Labelled, or in loose mode a short line
    that names a source ("Theo hanoimoi.vn")."""
    text = above.text
    if (
        above.heading
        or not _short(text)
        or not SOURCE_LINE.match(text)
        or SOURCE_LINE.match(byline.text)
    ):
        return False
    if BYLINE_LABEL.match(text):
        return True
    return loose and not SENTENCE_END.search(text) and word_count(text) <= 8


# What sets a name apart at the end of a paragraph: bold or italics, nothing after it.
_EMPHASIS_TAGS = frozenset({"b", "strong", "em", "i"})
# Where a sentence ends right before such a name.
_SENTENCE_BEFORE = re.compile(r"[.!?…”\"»]$")


def _marked_name_at_end(block: Block) -> str | None:
    """A mixed-case name set in bold or italics after the last sentence, in the same
    paragraph ("…có thành tích xuất sắc. <strong>Thu Hà</strong>", "<em>(Thu Hà)</em>"):
    the byline, as the upper-case tail GLUED_TAIL finds is."""
    children = [child for child in block.element if isinstance(child.tag, str)]
    last = children[-1] if children else None
    if last is None or last.tag not in _EMPHASIS_TAGS or (last.tail or "").strip():
        return None
    marked = " ".join(last.text_content().split())
    name = marked[1:-1].strip() if marked[:1] == "(" and marked[-1:] == ")" else marked
    if not looks_like_name(name) or UNIT_WORDS.search(name) or not block.text.endswith(marked):
        return None
    before = block.text[: -len(marked)].rstrip()
    return marked if _SENTENCE_BEFORE.search(before) else None


def _credits_cut(body: list[Block]) -> list[Block]:
    """The text above a byline without the credit lines printed right over it ("Ảnh: …",
    "Video: …"): they belong with the byline, not with the text."""
    end = len(body)
    while end > 1 and len(body) - end < 2 and _aside(body[end - 1].text):
        end -= 1
    return body[:end]


# A note under the text: "[1] …" (Word's footnotes, as it exports them) or "(*) …". (Not a bare
# "* …": it opens the next item of a news roundup.)
FOOTNOTE = re.compile(r"^(?:\[\d{1,3}\]|\(\*{1,3}\))\s*\w")
MAX_FOOTNOTES = 10


def _trailing_notes(blocks: list[Block]) -> int:
    """How many of the last paragraphs are footnotes."""
    count = 0
    while (
        count < min(MAX_FOOTNOTES, len(blocks) - 1)
        and FOOTNOTE.match(blocks[-1 - count].text) is not None
    ):
        count += 1
    return count


def find_byline(blocks: list[Block], *, loose: bool = True) -> BylineResult:
    """Take the byline out of the last paragraphs.

    `loose` also accepts a plain short name as last paragraph, for layouts where the byline
    carries no markup; platform adapters that know their byline markup pass False.
    Footnotes under the byline stay in the text, after it.
    """
    if notes := _trailing_notes(blocks):
        found = _byline_above(blocks[:-notes], loose=loose)
        if found.byline is not None:
            return BylineResult(found.byline, [*found.blocks, *blocks[-notes:]])
        return BylineResult(None, blocks)
    return _byline_above(blocks, loose=loose)


def _byline_above(blocks: list[Block], *, loose: bool) -> BylineResult:
    for back in range(1, min(5, len(blocks)) + 1):
        index = len(blocks) - back
        block = blocks[index]
        if _after_byline(block) or (back < len(blocks) and _date_line(block.text)):
            # A credit, the editor, a contact, a slogan or a date line after the byline: look
            # one paragraph up.
            continue
        # A bare name counts only as the last paragraph, credits and such aside.
        only_credits_after = all(
            _after_byline(b) or _date_line(b.text) for b in blocks[index + 1 :]
        )
        if _is_byline(block, loose=loose and only_credits_after, last=only_credits_after):
            # Photo credits after the byline ("Ảnh: TN") go with it: they are not body text.
            if index and _name_over_unit(blocks[index - 1], block, loose=loose):
                name = blocks[index - 1].text
                joiner = " " if block.text.startswith("(") else " - "
                return BylineResult(name + joiner + block.text, _credits_cut(blocks[: index - 1]))
            if index and _source_credit(blocks[index - 1], block, loose=loose):
                # "Nguồn: Báo Hà Nội Mới" over the name: written as the name over its source.
                byline = f"{block.text} - {blocks[index - 1].text}"
                return BylineResult(byline, _credits_cut(blocks[: index - 1]))
            return BylineResult(block.text, _credits_cut(blocks[:index]))
        if back == 1:
            glued = GLUED_TAIL.search(block.text)
            if (
                glued
                and is_upper_text(glued.group(1))
                and sum(c.isalpha() for c in glued.group(1)) >= 3
            ):
                head = block.text[: glued.start()].rstrip()
                return BylineResult(
                    glued.group(1).strip(), [*blocks[:index], replace(block, text=head)]
                )
            if (marked := _marked_name_at_end(block)) is not None:
                head = block.text[: -len(marked)].rstrip()
                return BylineResult(marked, [*blocks[:index], replace(block, text=head)])
        break
    return BylineResult(None, blocks)

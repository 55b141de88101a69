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

from .blocks import Block
from .text import is_upper_text, word_count

BYLINE_LABEL = re.compile(
    r"^(?:tác giả|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|tin|bài|nguồn|theo|người viết|"
    r"phóng viên|nhóm phóng viên|pv|ctv|cộng tác viên|author|source)\s*[:：]",
    re.IGNORECASE,
)
# A template's author field ("Tác giả: Minh Khoa"): the label names the field, the name follows.
AUTHOR_FIELD = re.compile(
    r"^(?:tác giả|người viết|bút danh|author)\s*[:：]\s*(?P<name>.+)$", re.IGNORECASE
)
PHOTO_CREDIT = re.compile(
    r"^(?:ảnh|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|photo)\s*[:：]", re.IGNORECASE
)
# "…để quản lý. T.DƯƠNG" — an upper-case tail after the last sentence's full stop.
GLUED_TAIL = re.compile(
    r"(?<=[.!?…”\"»)])\s+([A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*(?:\s*[-–,&]?\s*[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*){0,7})\s*$"
)
SENTENCE_END = re.compile(r"[.!?…:;]$")
# Words of office and place names: a byline holding them names a unit, not people.
UNIT_WORDS = re.compile(
    r"\b(?:ủy ban|uỷ ban|ubnd|hđnd|mttq|văn phòng|phòng|ban|sở|cục|chi cục|trung tâm|đảng ủy|"
    r"đảng uỷ|công an|hội|đoàn|quận|huyện|phường|xã|thị trấn|tỉnh|thành phố|tp)\b",
    re.IGNORECASE,
)
PHOTO_CREDIT_TAIL = re.compile(r"\s*[-–,|]\s*(?:ảnh|photo)\s*[:：].*$", re.IGNORECASE)
# Not "và": unit names contain it ("Phòng Văn hóa và Thông tin").
AUTHOR_SEPARATOR = re.compile(r"\s+[-–]\s+|\s*[,;]\s*|\s*&\s*|\s*/\s*")
# What every AUTHOR_SEPARATOR holds.
_SEPARATOR_CHARS = re.compile(r"[-–,;&/]")
MAX_BYLINE_WORDS = 12
MAX_BYLINE_CHARS = 120


@dataclass
class BylineResult:
    byline: str | None
    blocks: list[Block]


def split_authors(byline: str) -> list[str]:
    """ "XUÂN HIẾU - XUÂN THỊNH" → ["XUÂN HIẾU", "XUÂN THỊNH"]; labels and photo credits
    dropped. A unit's name stays whole: "Văn phòng HĐND - UBND quận" is one author."""
    text = BYLINE_LABEL.sub("", byline).strip()
    # Most bylines hold a single name: no separator character, nothing for the split to find
    # (it would try its four alternatives at every position).
    if _SEPARATOR_CHARS.search(text):
        parts = [p.strip() for p in AUTHOR_SEPARATOR.split(text)]
    else:
        parts = [text]
    parts = [p for p in parts if p and not PHOTO_CREDIT.match(p)]
    if len(parts) > 1 and any(UNIT_WORDS.search(p) for p in parts):
        return [PHOTO_CREDIT_TAIL.sub("", text).strip(" -–,")]
    return parts


def _short(text: str) -> bool:
    return len(text) <= MAX_BYLINE_CHARS and word_count(text) <= MAX_BYLINE_WORDS


def _looks_like_name(text: str) -> bool:
    """ "Kim Chi", "Thanh Thủy": 2–5 capitalised words, no digits, no sentence ending."""
    words = text.split()
    return (
        2 <= len(words) <= 5
        and not SENTENCE_END.search(text)
        and not any(ch.isdigit() for ch in text)
        and all(w[0].isupper() for w in words if w[0].isalpha())
    )


def _is_byline(block: Block, *, loose: bool) -> bool:
    text = block.text
    if not _short(text) or PHOTO_CREDIT.match(text) or block.heading:
        return False
    if BYLINE_LABEL.match(text):
        return True
    if block.align == "right":
        return True
    if is_upper_text(text) and sum(c.isalpha() for c in text) >= 2:
        return True
    return loose and _looks_like_name(text)


def find_byline(blocks: list[Block], *, loose: bool = True) -> BylineResult:
    """Take the byline out of the last paragraphs.

    `loose` also accepts a plain short name as last paragraph, for layouts where the byline
    carries no markup; platform adapters that know their byline markup pass False.
    """
    for back in range(1, min(3, len(blocks)) + 1):
        index = len(blocks) - back
        block = blocks[index]
        if PHOTO_CREDIT.match(block.text):
            continue  # a credit line after the byline: look one paragraph up
        # A bare name counts only as the last paragraph, photo credits aside.
        only_credits_after = all(PHOTO_CREDIT.match(b.text) for b in blocks[index + 1 :])
        if _is_byline(block, loose=loose and only_credits_after):
            # Photo credits after the byline ("Ảnh: TN") go with it: they are not body text.
            return BylineResult(block.text, blocks[:index])
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
        break
    return BylineResult(None, blocks)

"""Text set loose in a box, not in paragraphs: split by <br> in a <div>, a <span> or a <font>
(old editors, ASP.NET labels such as `<span id="…lblNoiDung">`), or by line breaks in a
<pre>. Its paragraphs are no elements, so they cannot vote for their box as <p> elements do;
these helpers count them, for the generic extractor's choice of the text's box."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..blocks import BLOCK_TAGS, SKIP_TAGS, element_text, pre_lines

# A run of text this long between two breaks is a paragraph of prose, not a label or a date.
MIN_PARAGRAPH_CHARS = 25
# What a box must hold of such text to be taken for the article's.
MIN_LOOSE_TEXT = 80
# Inline elements that hold a whole text in some templates (never <b> or <a>: a line each).
LOOSE_HOLDERS = ("span", "font")


def br_paragraphs(element: HtmlElement) -> list[str]:
    """The paragraphs of prose in `element`'s own text, split by <br> (the text of its block
    children left out); [] when it holds fewer than two or too little text."""
    if element.find("br") is None:  # (a direct child; most boxes have none)
        return []
    runs = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == "br" or (isinstance(tag, str) and tag in BLOCK_TAGS):
            runs.append("")  # a block ends the run as a break does
        elif isinstance(tag, str) and tag not in SKIP_TAGS:
            runs[-1] += element_text(child)
        runs[-1] += child.tail or ""
    return _prose(runs)


def pre_paragraphs(element: HtmlElement) -> list[str]:
    """The paragraphs of prose of a <pre> (element_text would fold its lines into one)."""
    return _prose(pre_lines("".join(element.itertext())))


def loose_vote(texts: list[str]) -> float:
    """What a loose text adds to its box's claim to be the article: as much as the same
    paragraphs set in <p> elements would, about."""
    return box_vote(len(texts), sum(map(len, texts)), sum(text.count(",") for text in texts))


def box_vote(paragraphs: int, length: int, commas: int) -> float:
    """A box's vote for holding the text, from its paragraphs' count, length and commas."""
    return paragraphs + min(length / 100, 3 * paragraphs) + commas * 0.1


def loose_holders(tree: HtmlElement) -> list[HtmlElement]:
    """The inline elements and <pre> blocks whose own text may be a loose article text."""
    holders = dict.fromkeys(br.getparent() for br in tree.iter("br"))  # (in page order)
    found = [el for el in holders if el is not None and el.tag in LOOSE_HOLDERS]
    return found + list(tree.iter("pre"))


# A site's facts, which footers set as lines split by <br> (its owner, address, telephone,
# licence, copyright), never an article's paragraph.
# (Labels with their colon: "Địa chỉ của dự án …" may open a paragraph, "Địa chỉ:" not.)
SITE_FACT = re.compile(
    r"^(?:(?:cơ quan chủ quản|đơn vị chủ quản|địa chỉ|trụ sở|điện thoại|đt|fax|e-?mail|website"
    r"|hotline|đường dây nóng|chịu trách nhiệm(?: chính)?|trưởng ban biên tập)\s*[:：]"
    r"|giấy phép (?:số|thiết lập)|bản quyền|copyright|©|ghi rõ nguồn"
    r"|(?:thiết kế|phát triển|xây dựng) bởi)",
    re.IGNORECASE,
)


def _prose(runs: list[str]) -> list[str]:
    texts = [
        text
        for run in runs
        if len(text := " ".join(run.split())) >= MIN_PARAGRAPH_CHARS and not SITE_FACT.match(text)
    ]
    if len(texts) < 2 or sum(map(len, texts)) < MIN_LOOSE_TEXT:
        return []
    return texts

"""Page bytes whose declared charset is wrong, missing or mixed (scraper/extraction/charsets.py).

Sentences are invented for the tests; legacy-font bytes are made with the legacy-font tests'
encoder (the inverse of the module's own tables).
"""

from __future__ import annotations

import unicodedata

import pytest

from scraper.extraction import NotAnArticle, extract_article
from scraper.extraction.charsets import decode_page
from scraper.extraction.legacy_fonts import TCVN3, VNI

from .test_legacy_fonts import encode

URL = "https://tanlap.example.gov.vn/tin-tuc/ra-quan-lam-duong-318.html"
TITLE = "Xã Tân Lập ra quân làm đường giao thông nông thôn"
SENTENCES = [
    "Sáng nay, xã Tân Lập tổ chức lễ ra quân làm đường giao thông nông thôn tại thôn Đông.",
    "Theo kế hoạch, xã sẽ bê tông hóa hơn ba cây số đường thôn, xóm trong năm nay.",
    "Đồng chí chủ tịch xã đề nghị các thôn tiếp tục vận động nhân dân cùng tham gia.",
]


def page(title: str, paragraphs: list[str], meta: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f"<html><head>{meta}<title>{title}</title></head><body><div class='content'>"
        f"<h1>{title}</h1><div class='date'>12/03/2012 08:30</div>{body}</div></body></html>"
    )


def legacy_bytes(encoding: str, meta: str = "") -> bytes:
    legacy = [encode(text, encoding) for text in [TITLE, *SENTENCES]]
    return page(legacy[0], legacy[1:], meta).encode("latin-1")


def test_undeclared_tcvn3_page_is_read_as_8bit_then_converted():
    # No charset anywhere: UTF-8 is assumed and fails. Read as Windows-1258, the font's bytes
    # for "ó", "í", "ị" become tone marks on consonants ("că", "chƯ", "t̃ch").
    article = extract_article(legacy_bytes(TCVN3), URL)
    assert article.title == TITLE
    assert article.body.split("\n\n") == SENTENCES
    assert "page is not valid utf-8: decoded as cp1252" in article.warnings
    assert "legacy TCVN3 font text converted to Unicode" in article.warnings


def test_tcvn3_page_behind_a_utf8_header_is_converted():
    # A server's default "charset=UTF-8" in front of an old page whose meta says windows-1252.
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    raw = legacy_bytes(TCVN3, meta)
    article = extract_article(raw, URL, content_type="text/html; charset=UTF-8")
    assert article.body.split("\n\n") == SENTENCES


def test_vni_page_declaring_windows_1258_is_read_as_8bit_then_converted():
    meta = '<meta charset="windows-1258">'
    article = extract_article(legacy_bytes(VNI, meta), URL)
    assert article.title == TITLE
    assert article.body.split("\n\n") == SENTENCES
    assert any("tones follow no vowels: decoded as cp1252" in w for w in article.warnings)


def test_windows_1252_page_declared_utf8_keeps_its_letters():
    # An old editor's page: Windows-1252 bytes for the letters it has ("ã", "ì", "Ý"; read
    # as Windows-1258: "ă", a tone on a consonant, "Ư"), character references for the others.
    text = "Đoàn khách từ São Paulo thăm xã; giải nhì thuộc về cô Ý Lan."
    raw = page("Khách thăm xã", [text]).encode("cp1252", errors="xmlcharrefreplace")
    article = extract_article(raw, URL)
    assert article.body == text
    assert "page is not valid utf-8: decoded as cp1252" in article.warnings


def test_windows_1258_page_declared_utf8_is_still_read_as_windows_1258():
    nfd = unicodedata.normalize("NFD", " ".join(SENTENCES))
    # Windows-1258 writes â ê ô ă ơ ư đ as letters of their own, the five tones apart.
    text = unicodedata.normalize("NFC", nfd)
    encoded = "".join(
        unicodedata.normalize("NFC", base) + "".join(marks) for base, marks in _split_tones(text)
    ).encode("cp1258")
    decoded, warning, exact = decode_page(encoded, None)
    assert decoded == text
    assert warning == "page is not valid utf-8: decoded as cp1258"
    assert not exact


def _split_tones(text: str) -> list[tuple[str, list[str]]]:
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        out.append(("".join(c for c in parts if c not in tones), [c for c in parts if c in tones]))
    return out


def test_utf8_template_around_a_pasted_tcvn3_paragraph_keeps_both():
    pasted = encode(SENTENCES[1], TCVN3).encode("latin-1")
    raw = page(TITLE, [SENTENCES[0], "@@", SENTENCES[2]]).encode("utf-8")
    raw = raw.replace(b"@@", pasted)
    article = extract_article(raw, URL)
    assert article.title == TITLE
    assert article.body.split("\n\n") == SENTENCES
    assert any(
        w.endswith("invalid UTF-8 byte sequence(s) read as cp1252") for w in article.warnings
    )


def test_a_word_quote_in_a_mostly_ascii_utf8_page_keeps_the_page_utf8():
    text = "The ward met on 14 May – forty firms came. © 2024 Dong Hai Ward."
    raw = page("Ward meeting", [text, "It is the ward@@s first such meeting."]).encode("utf-8")
    article = extract_article(raw.replace(b"@@", b"\x92"), URL)
    assert article.body.split("\n\n") == [text, "It is the ward\u2019s first such meeting."]
    assert "1 invalid UTF-8 byte sequence(s) read as cp1252" in article.warnings


def test_windows_1258_letters_with_entities_for_the_toned_ones_stay_windows_1258():
    # An old editor's Windows-1258 page writing "ư ơ đ ă" as bytes and every toned letter
    # as a character reference: no tone byte to go by; read as Windows-1252 its "ư" would be
    # "ý" ("Phýờng"), and the page would look like TCVN3 in places.
    text = "Từ ngày 12 đến 14/4, Trạm Y tế phường tổ chức tiêm vắc xin cho trẻ chưa được tiêm."
    body = "".join(
        c if c in "ưƠơĐđĂă" or ord(c) < 0x80 else f"&#{ord(c)};"
        for c in page("Phường tiêm vắc xin", [text])
    )
    for content_type in (None, "text/html; charset=utf-8"):
        article = extract_article(body.encode("cp1258"), URL, content_type=content_type)
        assert article.body == text
        assert article.title == "Phường tiêm vắc xin"


def test_nfd_text_saved_in_windows_1258_with_references_for_its_other_marks():
    # Windows-1258 has the five tones as combining characters but no combining circumflex,
    # breve or horn: NFD text saved in it writes those as references, a tone right after
    # some of them ("nu&#795;\xde" for "nữ").
    text = "Hội Phụ nữ phường ra quân hòa giải ở cơ sở, thống nhất lịch làm việc quý tới."
    nfd = unicodedata.normalize("NFD", page("Hội Phụ nữ phường ra quân", [text]))
    raw = nfd.encode("cp1258", errors="xmlcharrefreplace")
    article = extract_article(raw, URL, content_type="text/html; charset=windows-1258")
    assert article.body == text
    assert article.title == "Hội Phụ nữ phường ra quân"
    assert not any("cp1252" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("codec", "meta", "content_type"),
    [
        ("utf-16-le", '<meta charset="utf-16">', None),
        ("utf-16-le", "", "text/html; charset=utf-16le"),
        ("utf-16-le", "", "text/html; charset=utf-16"),
        ("utf-16-be", '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">', None),
    ],
)
def test_utf16_page_without_byte_order_mark_is_read_as_declared(
    codec: str, meta: str, content_type: str | None
):
    """Declared UTF-16 with no byte-order mark, its zero bytes every other byte: read so,
    not refused as a binary file for its NULs."""
    body = page(TITLE, SENTENCES, meta).encode(codec)
    article = extract_article(body, URL, content_type=content_type)
    assert article.title == TITLE
    assert SENTENCES[2] in article.body


def test_a_binary_file_declared_utf16_stays_refused():
    """A PDF served under a UTF-16 header: its zero bytes fall anywhere, not every other byte."""
    body = b"%PDF-1.4\n" + bytes(range(256)) * 16
    with pytest.raises(NotAnArticle):
        extract_article(body, URL, content_type="text/html; charset=utf-16")


def test_utf16_bytes_without_a_declaration_stay_refused():
    """(NULs every other byte, and a page declared UTF-8 or nothing: not read as UTF-16.)"""
    with pytest.raises(NotAnArticle):
        extract_article(page(TITLE, SENTENCES).encode("utf-16-le"), URL)

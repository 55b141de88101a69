"""Page bytes to text: the declared charset checked against the bytes.

Portals often declare one charset and serve another. Three mistakes are common enough to
handle: UTF-8 declared as something else; an 8-bit Windows page (Windows-1258, or the
Windows-1252 bytes that TCVN3 and VNI fonts draw as Vietnamese) declared, or assumed, as
UTF-8; and a UTF-8 template around text pasted as 8-bit bytes (old database content, a
quote from Word). Each is read the way that keeps the most text right, with a warning.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

from w3lib.encoding import html_body_declared_encoding, html_to_unicode, http_content_type_encoding

from .legacy_fonts import is_syllable, repair_text

# The tones Windows-1258 writes apart from their letter (grave, acute, tilde, hook, dot below).
_WINDOWS_1258_TONES = "\u0300\u0301\u0303\u0309\u0323"
# At most this share of those tones may be left over once NFC has put the others on their
# vowels: in Vietnamese text every tone follows a vowel; in TCVN3/VNI bytes or Windows-1252
# text read as Windows-1258 the same bytes land after consonants and spaces.
_MAX_ORPHAN_TONES = 0.05
_WORD = re.compile(r"[^\W\d_]+")


def _bytes_as_8bit(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not valid in the codec, read as Windows-1252
    (what 8-bit text pasted into a page nearly always is), or as Latin-1 where Windows-1252
    leaves a byte undefined."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="vnnews-latin1"), error.end


def _bytes_as_latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("vnnews-latin1", _bytes_as_latin1)
codecs.register_error("vnnews-8bit", _bytes_as_8bit)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode bytes as browsers do (w3lib: BOM, HTTP header, <meta charset>, UTF-8), with the
    declaration checked against the bytes (`decode_page`)."""
    return decode_page(body, content_type)[0]


def decode_page(body: bytes, content_type: str | None) -> tuple[str, str | None, bool]:
    """The text, a warning when the declared charset was overruled, and whether the text is
    exactly `body` read as UTF-8."""
    utf16 = _declared_utf16(body, content_type)
    if utf16 is not None:
        return utf16, None, False
    encoding, text = html_to_unicode(content_type, body)
    declared = codecs.lookup(encoding).name
    if declared != "utf-8" and not body.isascii():
        # Valid multi-byte UTF-8 is almost never an accident in a legacy 8-bit page.
        try:
            return (
                body.decode("utf-8"),
                f"page declares charset {encoding} but is UTF-8: decoded as UTF-8",
                True,
            )
        except UnicodeDecodeError:
            pass
        if declared == "cp1258" and not _windows_1258_over_1252(text, body, declared=True):
            return (
                body.decode("cp1252", errors="vnnews-latin1"),
                (
                    f"page declares charset {encoding} but its tones follow no vowels: "
                    "decoded as cp1252"
                ),
                False,
            )
        return text, None, False
    if declared == "utf-8" and "\ufffd" in text and "\ufffd".encode() not in body:
        text, warning = _not_utf8(body, text, declared)
        return text, warning, False
    # w3lib drops a byte-order mark from the text; a U+FFFD already in the bytes leaves open
    # whether others were replaced.
    exact = declared == "utf-8" and not body.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, None, exact


# Where a page's start is read for its characters' zero bytes (UTF-16 without a byte-order
# mark): markup and most Vietnamese letters are below U+0100, so one byte of each two is zero.
_UTF16_HEAD_BYTES = 4096
# At least half the characters of that start have their high byte zero, and at most one in
# this many their low byte (U+0300, U+1E00…), or it is no UTF-16 text.
_UTF16_MIN_ZERO_SHARE = 2
_UTF16_MAX_LOW_ZERO_SHARE = 16


def _declared_utf16(body: bytes, content_type: str | None) -> str | None:
    """The text of a page declared UTF-16 (HTTP header, <meta> or XML declaration) without a
    byte-order mark, when its zero bytes fall every other byte as that text's would; else None.
    (w3lib reads such a page big-endian, or as UTF-8 with a NUL every other character, which
    the parser then refuses as a binary file.)"""
    if body.find(b"\x00", 0, _UTF16_HEAD_BYTES) < 0 or body[:2] in (
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
    ):
        return None  # (nearly every page: no zero byte in its start, nothing more is asked)
    head = body[:_UTF16_HEAD_BYTES]
    chars = len(head) // 2
    even, odd = head[0 : 2 * chars : 2].count(0), head[1 : 2 * chars : 2].count(0)
    if odd * _UTF16_MIN_ZERO_SHARE >= chars and even * _UTF16_MAX_LOW_ZERO_SHARE <= chars:
        codec = "utf-16-le"
    elif even * _UTF16_MIN_ZERO_SHARE >= chars and odd * _UTF16_MAX_LOW_ZERO_SHARE <= chars:
        codec = "utf-16-be"
    else:
        return None  # NULs, but not UTF-16's: a binary file, or garbage
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(
        head.replace(b"\x00", b"")
    )
    if not declared or not codecs.lookup(declared).name.startswith("utf-16"):
        return None
    return body.decode(codec, errors="replace")


# (Among 51 pages of 8-bit text, legacy fonts and Windows-1258, at most 3 such sequences.)
MIN_THREE_BYTE_LETTERS = 20


def _not_utf8(body: bytes, replaced: str, encoding: str) -> tuple[str, str]:
    """A page declared (or assumed) UTF-8 that is not valid UTF-8 (`replaced`: its reading
    with U+FFFD for every invalid sequence)."""
    invalid = replaced.count("\ufffd")
    valid = sum(1 for ch in replaced if ord(ch) > 0x7F) - invalid
    # Letters of three UTF-8 bytes (ạ, ấ, ệ, most Vietnamese ones) are rarely an accident of
    # 8-bit bytes: a UTF-8 template full of them around a long TCVN3 text is still UTF-8.
    three_bytes = sum(1 for ch in replaced if "\u0800" <= ch < "\ufffd")
    if 4 * valid >= invalid or three_bytes >= MIN_THREE_BYTE_LETTERS:
        # Mostly UTF-8 (a TCVN3 paragraph pasted into a UTF-8 template, a Word quote): its
        # UTF-8 stays, its other bytes are read as 8-bit text (the legacy-font check then
        # converts the TCVN3 or VNI among them). An 8-bit page has a handful of byte pairs
        # that happen to be valid UTF-8 for hundreds of bytes that are not.
        text = body.decode("utf-8", errors="vnnews-8bit")
        return text, f"{invalid} invalid UTF-8 byte sequence(s) read as cp1252"
    text = body.decode("cp1258", errors="vnnews-latin1")
    charset = "cp1258"  # Vietnamese Windows pages
    if not _windows_1258_over_1252(text, body):
        # TCVN3 or VNI font bytes (converted later), or a Western page.
        text, charset = body.decode("cp1252", errors="vnnews-latin1"), "cp1252"
    return unicodedata.normalize("NFC", text), f"page is not valid {encoding}: decoded as {charset}"


def _windows_1258_over_1252(text: str, body: bytes, declared: bool = False) -> bool:
    """Whether `text` (`body` read as Windows-1258) is Vietnamese in that charset rather than
    legacy-font bytes or a Western page: the reading with more Vietnamese words wins (ties go
    to the declared charset). Windows-1258 writes tones apart (its other letters, or entities,
    for the rest), and NFC puts them on their vowels: tones left on consonants and spaces are
    TCVN3 or VNI bytes, or Windows-1252 letters ("nhì" read "nh́"), at once."""
    # Judged as the page shows it, character references read: Windows-1258 has no combining
    # circumflex, breve or horn, and NFD text saved in it writes them as references, the tone
    # after some of them ("nu&#795;\xde" for "nữ").
    shown = html.unescape(text)
    tones = sum(map(shown.count, _WINDOWS_1258_TONES))
    shown = unicodedata.normalize("NFC", shown)
    if tones and sum(map(shown.count, _WINDOWS_1258_TONES)) > _MAX_ORPHAN_TONES * tones:
        return False
    # (Windows-1258 text read as Windows-1252 looks like legacy-font text in places, "trýờng":
    # that reading is judged after the legacy-font repair it would get.)
    legacy = repair_text(html.unescape(body.decode("cp1252", errors="vnnews-latin1")))[0]
    ours, theirs = _syllables(shown), _syllables(legacy)
    return ours > theirs or (declared and ours == theirs)


def _syllables(text: str) -> int:
    """How many of the words of `text` with a letter beyond ASCII are Vietnamese syllables."""
    return sum(1 for word in _WORD.findall(text) if not word.isascii() and is_syllable(word))

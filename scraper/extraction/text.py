"""Text normalisation shared by every extractor: NFC, whitespace, invisible characters."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and BOM characters that CMS editors paste in from Word and that break search.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


def clean(text: str | None) -> str:
    """NFC, invisible characters dropped, runs of spaces (and nbsp) folded, ends stripped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = _SPACES.sub(" ", text)
    return _SPACE_AROUND_NEWLINE.sub("\n", text).strip()


def clean_line(text: str | None) -> str:
    """Like `clean`, and newlines folded too: for titles, bylines, datelines."""
    return clean(text).replace("\n", " ")


def word_count(text: str) -> int:
    return len(text.split())


def is_upper_text(text: str) -> bool:
    """True when every cased letter is upper case ("HĐND QUẬN CẦU GIẤY", "T.DƯƠNG")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)

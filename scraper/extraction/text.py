"""Text normalisation shared by every extractor: NFC, whitespace, invisible characters."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and BOM characters that CMS editors paste in from Word and that break search:
# dropped. (A regex, not str.translate: translate with a dict costs ~15x more on Vietnamese
# text.)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters are never text (and are invalid in XML exports); they stand where a
# space or a lost character was: they separate words, as the ones str.split() takes for
# whitespace (\x0b, \x0c, \x1c-\x1f) do, so that no junk glues onto a word ("PM\x01A").
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
_UNWANTED = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1b\x7f]")


def clean(text: str | None) -> str:
    """NFC, invisible characters dropped (control characters made spaces), runs of spaces
    (and nbsp) folded, ends stripped."""
    if not text:
        return ""
    if "\n" not in text:
        return clean_line(text)
    lines = (_fold(line) for line in _drop_invisible(text).split("\n"))
    return unicodedata.normalize("NFC", "\n".join(lines).strip())


def clean_line(text: str | None) -> str:
    """Like `clean`, and newlines folded too: for titles, bylines, datelines."""
    if not text:
        return ""
    # _fold(_drop_invisible(text)), written out: this runs for every paragraph and element
    # text of a page. isprintable() rejects every invisible character and every space but
    # " ": text it accepts has nothing to drop, and nothing to fold unless it has a double or
    # an outer space. (Splitting Vietnamese text into words costs ~4x that test, the regex
    # search for invisible characters ~3x: each runs only where the test fails.)
    if text.isprintable():
        if "  " in text or text[0] == " " or text[-1] == " ":
            text = " ".join(text.split())
    else:
        text = " ".join(text.split())
        if not text.isprintable():
            text = " ".join(_drop_invisible(text).split())
    return unicodedata.normalize("NFC", text)


def _drop_invisible(text: str) -> str:
    """Zero-width characters dropped, control characters made spaces."""
    # Searching first is cheaper than always substituting: most text has none.
    if not _UNWANTED.search(text):
        return text
    return _INVISIBLE.sub("", _CONTROL.sub(" ", text))


def _fold(line: str) -> str:
    # str.split() splits on every Unicode space (nbsp, thin and ideographic spaces included)
    # and is several times faster than a regex substitution.
    return " ".join(line.split())


def fold_accents(text: str) -> str:
    """Vietnamese letters without their marks ("Tin-tức" → "Tin-tuc", "đ" → "d"), as slugs are."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_count(text: str) -> int:
    return len(text.split())


def is_upper_text(text: str) -> bool:
    """True when every cased letter is upper case ("HĐND QUẬN CẦU GIẤY", "T.DƯƠNG")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


_NON_WORD = re.compile(r"\W+")


def same_words(a: str, b: str) -> bool:
    """Equal but for case, spacing and punctuation: a sapo pasted again as the first
    paragraph, with a "." more or another case."""
    # Most texts compared differ early on: the starts first (the word characters of a start
    # are the start of the word characters of the whole).
    head_a, head_b = _word_chars(a[:120].casefold()), _word_chars(b[:120].casefold())
    shortest = min(len(head_a), len(head_b))
    if head_a[:shortest] != head_b[:shortest]:
        return False
    return _word_chars(a.casefold()) == _word_chars(b.casefold())


def _word_chars(text: str) -> str:
    """`_NON_WORD.sub("", text)`, word by word: the regex costs ~0.1 µs a character, and
    most words are all letters (isalnum() is the regex's own \\w test, less "_", which
    the regex keeps too), so only those with punctuation stuck to them go through it."""
    return "".join(word if word.isalnum() else _NON_WORD.sub("", word) for word in text.split())


# What ends a lead cut short by the CMS ("…", "...").
_ELLIPSIS = ("…", "...")


def cut_short_copy(lead: str, paragraph: str) -> bool:
    """Whether `lead` is `paragraph` cut short by the CMS and closed with an ellipsis: a
    teaser of the text's first paragraph, not a lead of its own."""
    lead = lead.rstrip()
    if not lead.endswith(_ELLIPSIS):
        return False
    start = _word_chars(lead.rstrip(".…").casefold())
    whole = _word_chars(paragraph.casefold())
    return len(whole) > len(start) > 0 and whole.startswith(start)

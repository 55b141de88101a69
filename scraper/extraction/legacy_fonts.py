"""Text typed in legacy 8-bit Vietnamese fonts (TCVN3/ABC, VNI), turned back into Unicode.

Evidence: PORTALS.md §2e and §4 "Encoding": the old haiphong.gov.vn print view
(/Portal/PrintItem.aspx?ContentID=…) shows TCVN3 mojibake ("tæ chøc héi nghÞ" for "tổ chức
hội nghị") in the middle of Unicode text. Such text was typed with .VnTime (TCVN3) or VNI-Times
fonts and served as windows-1252, so without the font a reader sees Latin-1 symbols.

Pages mix both, even inside one sentence, so the unit of decision is a *run*: the words between
two words that hold a letter beyond Latin-1 (ư, ạ, …), which legacy text cannot contain. A run
is converted only when several of its words hold characters typical of the encoding AND the
conversion turns invalid words into valid Vietnamese syllables (the validator below: onset +
rhyme + tone rules), one of them a frequent one. Once a page has such a clear run, shorter
runs with one such word are converted too. Inside a converted run, words that are proper
Vietnamese already (and would become worse) are kept.

Limitations: TCVN3 (TCVN 5712:1993, VN3) has no capitals with tone marks: they were typed
with the same codes in the ".VnTimeH" font. Runs whose ASCII letters are all capitals, or
inside an element styled with a ".Vn…H" font, are upper-cased; a lower-case run typed in
.VnTimeH stays lower case. The VN1 capitals (0x80-0x9F, 0xC0-0xC5, …) are not in .VnTime and
coincide with Latin-1 letters of Unicode Vietnamese (À Á Â Ã Í Ù Ú), so they are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from lxml import etree
from lxml.html import HtmlElement

TCVN3 = "TCVN3"
VNI = "VNI"

# TCVN 5712:1993 VN3, by runs of consecutive codes (matches glibc's TCVN5712-1 on them).
_TCVN3_RUNS = {
    0xA1: "ĂÂÊÔƠƯĐăâêôơưđ",
    0xB5: "àảãáạ",
    0xBB: "ằẳẵắ",
    0xC6: "ặầẩẫấậè",
    0xCE: "ẻẽéẹềểễếệìỉ",
    0xDC: "ĩíịò",
    0xE1: "ỏõóọồổỗốộờởỡớợù",
    0xF1: "ủũúụừửữứựỳỷỹýỵ",
}
TCVN3_TO_UNICODE: dict[str, str] = {
    chr(start + i): char for start, chars in _TCVN3_RUNS.items() for i, char in enumerate(chars)
}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)
# 0xB0-0xB4 are the tone marks alone (° ± ² ³ ´ in Latin-1): only after a vowel are they marks.
_TCVN3_TONES = re.compile(r"(?<=[aeiouyAEIOUY\xa1-\xfe])[\xb0-\xb4]")
_TCVN3_TONE_MARKS = dict(zip("\xb0\xb1\xb2\xb3\xb4", "\u0300\u0309\u0303\u0301\u0323", strict=True))

# VNI: a base letter followed by one byte carrying diacritic + tone ("toå" = "tổ").
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for marks, bases, extra in (
        ("ùøûõï", "aeouyAEOUY", ""),  # plain vowel + tone
        ("âáàåãä", "aeoAEO", "\u0302"),  # circumflex, then circumflex + tone
        ("êéèúüë", "aA", "\u0306"),  # breve, then breve + tone
    ):
        for base in bases:
            case_marks = marks.upper() if base.isupper() else marks
            for i, mark in enumerate(case_marks):
                tone = "" if extra and i == 0 else _TONES[i - 1 if extra else i]
                table[base + mark] = unicodedata.normalize("NFC", base + extra + tone)
    for vni, horned in (("ô", "ơ"), ("ö", "ư"), ("Ô", "Ơ"), ("Ö", "Ư")):
        for i, mark in enumerate("ùøûõï" if vni.islower() else "ÙØÛÕÏ"):
            table[vni + mark] = unicodedata.normalize("NFC", horned + _TONES[i])
        table[vni] = horned
    table.update(dict(zip("ñæóòîÑÆÓÒÎ", "đỉĩịỵĐỈĨỊỴ", strict=True)))
    table.update({c: c for c in "íìÍÌ"})  # í and ì have the Latin-1 codes in VNI too
    return table


VNI_TO_UNICODE = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))

# Letters of Unicode Vietnamese that sit in Latin-1: never evidence of a legacy font.
_VIET_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_TCVN3_SIGNS = "".join(sorted(set(TCVN3_TO_UNICODE) - set(_VIET_LATIN1)))
_VNI_SIGNS = "øûïåäëüöñæîØÛÏÅÄËÜÖÑÆÎ"
# Old-style Unicode tone placement ("hoà", "khoá", "HOÀ") reads as a VNI pair: no evidence.
_VNI_PAIRS = sorted(
    k for k in VNI_TO_UNICODE if len(k) == 2 and k.lower() not in ("oà", "oá", "oã")
)
_LATIN1_STRETCH = re.compile(r"[\x00-\xff]+")
_UP_TO_LAST_UNICODE = re.compile(r".*[^\x00-\xff]", re.DOTALL)
_SIGN_RE = {
    TCVN3: re.compile(f"[{_TCVN3_SIGNS}]"),
    # The pairs grouped by base letter ("a[øù…]|o[øù…]"): sre tests a class of marks ~2× faster
    # than a hundred two-letter alternatives.
    VNI: re.compile(
        "|".join(
            [
                f"[{_VNI_SIGNS}]",
                *(
                    re.escape(base) + "[" + "".join(p[1] for p in _VNI_PAIRS if p[0] == base) + "]"
                    for base in sorted({p[0] for p in _VNI_PAIRS})
                ),
            ]
        )
    ),
}
# The page-wide pre-check: one compiled scan of the text before any other work.
_ANY_SIGN = re.compile(f"[{_TCVN3_SIGNS}{_VNI_SIGNS}]")
_NOT_SIGN_BYTES = bytes(b for b in range(256) if not _ANY_SIGN.match(chr(b)))
# Words: anything between spaces, ASCII punctuation and general punctuation (cp1252 quotes).
_WORD = re.compile(r"[^\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\xa0\u2000-\u206f\u3000]+")
_SEPARATOR = re.compile(r"[\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\xa0\u2000-\u206f\u3000]")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
_LEGACY_CHAR = re.compile(r"[\xa1-\xff]")
_ASCII_LETTER = re.compile("[A-Za-z]")
# Latin-1 symbols that, standing alone, are symbols (©, «quotes», 25 °C), not letters.
_SYMBOLS_ALONE = frozenset("©«»°±·×÷¶¬")


# --- Vietnamese syllables: the yardstick of a conversion ------------------------------------

_ONSET_TEXT = "ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n r s t v x"
_ONSETS = (*_ONSET_TEXT.split(), "")
_RHYME_TEXT = """
    a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêt yêu
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
    uân uâng uât uây uê uêch uênh uơ uy uya uych uynh uyp uyt uyu uyên uyêt"""
_RHYMES = frozenset(_RHYME_TEXT.split())
_TONE_MARKS = frozenset(_TONES)
# Syllables frequent in local-government news: they break ties between two valid readings
# ("mét"/"một", "công"/"cụng") and a clear run must contain at least one of them.
_FREQUENT_TEXT = """
    và của có các là được trong cho không người những với một đã này để năm đến khi ra
    thì về nhiều cũng như từ trên tại theo vào đó sẽ phải làm nhà nước việc công ngày đồng
    hiện tác thành phố quận phường xã huyện tỉnh hội nghị tổ chức chủ tịch dân nhân ban đảng
    bộ ủy uỷ hoạt động phát triển kinh tế xây dựng quản lý an ninh trật tự giao thông văn
    hóa hoá giáo dục lao đội viên cán kết quả thực nhiệm vụ kế hoạch tiếp tục tăng cường
    đảm bảo trường học sinh gia đình cộng sự tham dự đại biểu lãnh đạo ông bà anh chị em
    sau trước đầu cuối tháng quý số mới cao hơn đạt trình bày báo cáo tổng sơ đánh giá khen
    thưởng thi đua tập thể cá xuất sắc hoàn chương nội dung mặt trận quốc phòng tuyên truyền
    vận môi chính sách hợp đơn vị cơ quan địa bàn khu vực trung tâm toàn điểm thời gian đề
    ý kiến cử tri bầu kỳ họp lần thứ hai ba bốn sáu bảy tám chín mười trăm nghìn triệu hộ
    nghèo lực lượng quân an phòng chống dịch bệnh nhằm qua đây góp phần nâng chất hiệu
    thủ tướng bí thư phó trưởng chi đoàn thanh niên phụ nữ cựu chiến binh nông thống nhất
    đông đảo tích cực nghiêm túc đúng quy định pháp luật nay tới vẫn đang còn rất đều cùng
    tất cả mọi nào nơi sáng chiều tối ở giải pháp hệ tiêu chí mục điều hành chỉ đạo"""
_FREQUENT = frozenset(_FREQUENT_TEXT.split())


_VOWEL_LETTERS = "aăâeêioôơuưy"
# Every vowel letter with each tone (sắc, huyền, hỏi, ngã, nặng), precomposed.
_TONED_VOWELS = {
    vowel: [unicodedata.normalize("NFC", vowel + tone) for tone in _TONES]
    for vowel in _VOWEL_LETTERS
}
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" + _VOWEL_LETTERS)
_PRECOMPOSED_LETTERS = _PLAIN_LETTERS.union(*_TONED_VOWELS.values())
# Characters (of Latin-1, Latin Extended and the combining marks) that put into any word a
# letter or mark no syllable holds, however the word is normalised: "æ", "ö", "þ", "2", "©".
# Legacy mojibake is full of them.
_SYLLABLE_PARTS = _PLAIN_LETTERS | _TONE_MARKS | frozenset("\u0302\u0306\u031b")
_FOREIGN_CHARS = frozenset(
    c
    for c in map(chr, (*range(0x250), *range(0x300, 0x370)))
    if not _SYLLABLE_PARTS.issuperset(unicodedata.normalize("NFD", c))
)
# Checked syllables (-c, -ch, -p, -t) take only the sắc or nặng tone.
_CHECKED_ENDINGS = ("c", "ch", "p", "t")
_CHECKED_TONES = ("\u0301", "\u0323")


def is_syllable(word: str) -> bool:
    """Whether `word` (any case) spells one Vietnamese syllable: onset + rhyme + a fitting tone.

    Loan letters (f, j, w, z) and the loan onset "p" are refused: a real syllable is the
    evidence sought, a foreign word is not.
    """
    low = word.lower()
    if low in _syllables():
        return True
    if _PRECOMPOSED_LETTERS.issuperset(low) or not _FOREIGN_CHARS.isdisjoint(low):
        return False  # (the set holds every syllable spelt in those letters; these hold none)
    # Combining marks typed apart, a tone on a consonant: judged on the decomposed word.
    decomposed = unicodedata.normalize("NFD", low)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if len(tones) > 1 or base not in _syllable_bases():
        return False
    return not base.endswith(_CHECKED_ENDINGS) or "".join(tones) in _CHECKED_TONES


@cache
def _syllables() -> frozenset[str]:
    """Every syllable in precomposed letters, lower case, its tone on any of its vowels (the
    old "hoà" and the new "hòa"): ~28,000, built on the first legacy-looking word (~40 ms).
    Legacy pages check every word they hold, often twice: each check is then one lookup."""
    spellings: set[str] = set()
    for base in _syllable_bases():
        checked = base.endswith(_CHECKED_ENDINGS)
        if not checked:
            spellings.add(base)
        for at, letter in enumerate(base):
            for tone, toned in zip(_TONES, _TONED_VOWELS.get(letter, ()), strict=False):
                if not checked or tone in _CHECKED_TONES:
                    spellings.add(base[:at] + toned + base[at + 1 :])
    return frozenset(spellings)


@cache
def _syllable_bases() -> frozenset[str]:
    """Every toneless syllable: each onset with each rhyme its spelling rules allow (~3,800)."""
    bases: set[str] = set()
    for onset in _ONSETS:
        if onset == "qu":  # a rhyme, or a rhyme in "u" without its "u" ("quych": "uych")
            rhymes = {r for r in _RHYMES if r[0] not in "uo"}
            rhymes |= {r[1:] for r in _RHYMES if r[0] == "u" and len(r) > 1 and r[1] not in "uo"}
        else:
            rhymes = {r for r in _RHYMES if _spelling_ok(onset, r[0])}
        bases.update(onset + rhyme for rhyme in rhymes)
    return frozenset(bases)


def _spelling_ok(onset: str, first: str) -> bool:
    """k/gh/ngh only before i, e, ê, y; c/ng never there, g never before e, ê."""
    front = first in "ieêy"
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    return not (onset == "g" and first in "eê")


def clear_word_caches() -> None:
    """Forget the words read so far, as a benchmark pass over new pages starts (the table of
    syllables stays: it comes from the spelling rules, not from pages)."""
    for cached in (to_unicode, _natural_syllable, _reading, _reads_better):
        cached.cache_clear()


def is_frequent(word: str) -> bool:
    return word.lower() in _FREQUENT


# Legacy text is made of a few thousand syllables, converted again and again (like the
# syllable checks below): each is converted once per process.
@lru_cache(maxsize=16384)
def to_unicode(word: str, encoding: str) -> str:
    """One piece of legacy text in Unicode NFC (no detection: the caller knows the encoding)."""
    if encoding == TCVN3:
        if not _TCVN3_TONE_MARKS.keys().isdisjoint(word):
            word = _TCVN3_TONES.sub(lambda m: _TCVN3_TONE_MARKS[m.group()], word)
        word = word.translate(_TCVN3_TABLE)
    else:
        word = _VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group()], word)
    return unicodedata.normalize("NFC", word)


@lru_cache(maxsize=8192)
def _natural_syllable(word: str) -> bool:
    """A valid syllable written in a normal case: "về", "Về", "VỀ" but not "vÒ"."""
    body = word[1:]
    natural = word.islower() or word.isupper() or body == "" or body.islower()
    return natural and is_syllable(word)


@lru_cache(maxsize=16384)
def _reading(word: str, enc: str) -> tuple[str, bool, bool, bool]:
    """(kind, valid as is, valid converted, frequent converted) of one word of a run.

    Kinds: "legacy" (2+ characters that the encoding changes), "plain" (a word it leaves as
    it is: counts for the share of valid syllables, except acronyms), "skip".
    """
    after = to_unicode(word, enc) if _LEGACY_CHAR.search(word) else word
    if after == word:
        letters = word.isalpha() or any(c.isalpha() for c in word)
        if letters and not (len(word) > 1 and word.isupper()):
            return "plain", False, is_syllable(word), False
        return "skip", False, False, False
    if len(word) < 2:
        return "skip", False, False, False
    return "legacy", _natural_syllable(word), is_syllable(after), is_frequent(after)


class _Run:
    """Words between two Unicode-only words, with how each legacy encoding would read them."""

    def __init__(
        self, words: list[re.Match[str]], known: dict[str, tuple[int, bool, bool]] | None = None
    ) -> None:
        self.words = words
        self.texts = [m.group() for m in words]
        self.scores = known or {enc: self._score(enc) for enc in (TCVN3, VNI)}

    def _score(self, enc: str) -> tuple[int, bool, bool]:
        """(gain, strong, weak) for reading the run in `enc`."""
        words = self.texts
        signs = sum(map(bool, map(_SIGN_RE[enc].search, words)))
        if not signs:
            return 0, False, False
        gained: set[str] = set()  # distinct words: "så så så" is no evidence of TCVN3
        loss = valid_after = candidates = frequent = plain_ok = plain_n = 0
        for word in words:
            kind, before_ok, after_ok, after_frequent = _reading(word, enc)
            if kind == "plain":
                plain_n, plain_ok = plain_n + 1, plain_ok + after_ok
            elif kind == "legacy":
                candidates += 1
                if after_ok and not before_ok:
                    gained.add(word)
                loss += before_ok and not after_ok
                valid_after += after_ok
                frequent += after_frequent
        gain = len(gained)
        if not gain:
            return 0, False, False
        share = valid_after / candidates
        overall = (valid_after + plain_ok) / (candidates + plain_n)
        strong = signs >= 2 and gain >= 2 and loss * 3 <= gain and share >= 0.75
        strong = strong and overall >= 0.6 and frequent >= 1
        return gain, strong, loss < gain and share >= 0.6

    def choose(self, confirmed: set[str], hint: str | None) -> str | None:
        """The encoding to read this run in, given encodings confirmed elsewhere on the page."""
        best: tuple[int, str] | None = None
        for enc, (gain, strong, weak) in self.scores.items():
            if (strong or (weak and (enc in confirmed or enc == hint))) and (
                best is None or gain > best[0]
            ):
                best = (gain, enc)
        return best[1] if best else None

    def apply(self, text: str, enc: str, upper: bool) -> str:
        pieces, last = [], 0
        if not upper and enc == TCVN3:
            letters = "".join(_ASCII_LETTER.findall("".join(self.texts)))
            upper = len(letters) >= 2 and letters.isupper()
        for match in self.words:
            word = after = match.group()
            if word in _SYMBOLS_ALONE:
                continue
            if _LEGACY_CHAR.search(word):
                after = to_unicode(word, enc)
                if _natural_syllable(word) and (
                    not is_syllable(after) or (is_frequent(word) and not is_frequent(after))
                ):
                    continue  # a proper Vietnamese word caught in the run: keep it
            elif not upper:
                continue
            pieces += [text[last : match.start()], after.upper() if upper else after]
            last = match.end()
        return "".join([*pieces, text[last:]])


def _runs(text: str) -> list[_Run]:
    """The runs of `text` that some legacy encoding would read better.

    Legacy text is all Latin-1, so each run lies in a stretch of Latin-1 characters; the
    words at a stretch's edges that touch a character beyond Latin-1 belong to Unicode words.
    Where a Unicode word borders the stretch, the words next to it that read as Vietnamese
    as they stand are Unicode too ("… héi nghÞ cô Thái và thôn Bê được …": legacy words in
    a Unicode sentence, "cô", "thôn" and "Bê" are no TCVN3 "cụ", "thụn", "Bờ").
    """
    runs, end = [], 0
    # (VNI text without ö ñ ø û ï … is too short to judge.) The search resumes after each
    # stretch: legacy text holds a sign in almost every word.
    while (sign := _ANY_SIGN.search(text, end)) is not None:
        last_unicode = _UP_TO_LAST_UNICODE.match(text, end, sign.start())
        start = last_unicode.end() if last_unicode else end
        end = _LATIN1_STRETCH.match(text, sign.start()).end()
        words = list(_WORD.finditer(text, start, end))
        if words and start > 0 and words[0].start() == start:
            words.pop(0)
        if words and end < len(text) and words[-1].end() == end:
            words.pop()
        if start > 0 and text[start - 1].isalpha():
            while words and _reads_as_it_stands(words[0].group()):
                words.pop(0)
        if end < len(text) and text[end].isalpha():
            while words and _reads_as_it_stands(words[-1].group()):
                words.pop()
        run = _Run(words) if words else None
        if run is not None and any(gain for gain, _, _ in run.scores.values()):
            runs.append(run)
    return runs


def _reads_as_it_stands(word: str) -> bool:
    """Plain ASCII, or a Vietnamese syllable written in a normal case."""
    return _LEGACY_CHAR.search(word) is None or _natural_syllable(word)


def _confirmed(runs: list[_Run]) -> set[str]:
    """Encodings that some run shows clearly, with no help from the rest of the page."""
    return {enc for run in runs if (enc := run.choose(set(), None)) is not None}


def _repair(
    text: str, runs: list[_Run], confirmed: set[str], hint: str | None = None, upper: bool = False
) -> tuple[str, list[str]]:
    used = []
    for run in reversed(runs):  # from the end, so that earlier offsets stay valid
        enc = run.choose(confirmed, hint)
        if enc is not None:
            text = run.apply(text, enc, upper and enc == hint)
            used.append(enc)
    return text, used


def repair_text(text: str) -> tuple[str, str | None]:
    """`text` with its legacy-font runs in Unicode, and the encoding found (None: unchanged)."""
    if not text or not _ANY_SIGN.search(text):
        return text, None
    runs = _runs(text)
    fixed, used = _repair(text, runs, _confirmed(runs))
    return (fixed, max(used, key=used.count)) if used else (text, None)


# --- Whole pages ----------------------------------------------------------------------------

_NO_TEXT = frozenset({"script", "style"})
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_META_FIELDS = frozenset(
    {"og:title", "og:description", "title", "description", "twitter:title", "twitter:description"}
)
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;]+)", re.IGNORECASE)


def _font_hint(element: HtmlElement | None) -> tuple[str | None, bool]:
    """The legacy encoding the nearest declared font implies, and whether it is a capitals font.

    Old editors wrapped such text in <font face=".VnTime"> or style="font-family: VNI-Times";
    ".VnTimeH", ".VnArialH", … are the TCVN3 capitals fonts.
    """
    for node in (element, *element.iterancestors()) if element is not None else ():
        style = _FONT_FAMILY.search(node.get("style") or "")
        declared = style.group(1) if style else node.get("face")
        if not declared:
            continue
        family = declared.split(",")[0].strip(" '\"").lower()
        if family.startswith("vni"):
            return VNI, False
        if family.startswith((".vn", "vn")):
            return TCVN3, family.endswith("h")
        return None, False
    return None, False


@lru_cache(maxsize=4096)
def _reads_better(word: str) -> bool:
    """Whether a word is no Vietnamese syllable as it is but one in TCVN3 or VNI."""
    if len(word) < 2 or _BEYOND_LATIN1.search(word) or _natural_syllable(word):
        return False
    return any(is_syllable(to_unicode(word, enc)) for enc in (TCVN3, VNI))


def _may_hold_legacy(text: str) -> bool:
    """Cheap filter: whether some word holding a typical character reads better converted.

    Normal pages have a few such characters (© » in footers and breadcrumbs, ñ ø ü in foreign
    names); legacy text has words like "tæ", "chøc" on every line. The typical characters are
    found at C speed: the Latin-1 part of the text, stripped of all other characters.
    """
    present = text.encode("latin-1", "ignore").translate(None, _NOT_SIGN_BYTES)
    seen: set[str] = set()
    for char in set(present.decode("latin-1")):
        at = text.find(char)
        while at != -1:
            begin = at
            while begin and not _SEPARATOR.match(text, begin - 1):
                begin -= 1
            word = _WORD.match(text, begin).group()
            if word not in seen:
                if _reads_better(word):
                    return True
                seen.add(word)
            at = text.find(char, begin + len(word))
    return False


def _odd_case_words(
    texts: list[tuple[HtmlElement, str, str]], encoding: str
) -> list[tuple[HtmlElement, str, str, list[_Run]]]:
    """On a page in one legacy encoding, the texts holding none of its typical characters
    whose words are no syllable as they stand but one converted: TCVN3 writes "ấ", "ễ",
    "ế" with the bytes of "Ê", "Ô", "Õ", so a byline alone in its paragraph, "Minh TuÊn",
    "NguyÔn TiÕn", shows a capital inside a word, which no Vietnamese word has."""
    found = []
    for element, place, value in texts:
        words = [
            match
            for match in _WORD.finditer(value)
            if _LEGACY_CHAR.search(word := match.group())
            and not _BEYOND_LATIN1.search(word)
            and not _natural_syllable(word)
            and _natural_syllable(to_unicode(word, encoding))
        ]
        if words:
            found.append(
                (element, place, value, [_Run(words, {encoding: (len(words), True, True)})])
            )
    return found


def repair_tree(tree: HtmlElement) -> set[str]:
    """Convert legacy-font text of every text/tail node and title meta, in place.

    Returns the encodings found ({"TCVN3"}, {"VNI"}, both, or an empty set). A page without
    legacy text costs one text serialisation, one Latin-1 encoding and a look at the few
    words that hold a typical character.
    """
    head = next(tree.iterchildren("head"), None)
    metas = [
        m
        for m in (head.iter("meta") if head is not None else ())
        if (m.get("property") or m.get("name") or "").lower() in _META_FIELDS and m.get("content")
    ]
    page_text = etree.tostring(tree, method="text", encoding="unicode")
    if not _may_hold_legacy(" ".join([page_text, *(m.get("content") for m in metas)])):
        return set()
    slots: list[tuple[HtmlElement, str, str, list[_Run]]] = []
    unsigned: list[tuple[HtmlElement, str, str]] = []  # Latin-1 letters, no typical character
    for element in tree.iter():
        places = [("tail", element.tail)]
        if isinstance(element.tag, str) and element.tag not in _NO_TEXT:
            places.append(("text", element.text))
        if element in metas:
            places.append(("content", element.get("content")))
        for place, value in places:
            if value and (runs := _runs(value)):
                slots.append((element, place, value, runs))
            elif value and _LEGACY_CHAR.search(value):
                unsigned.append((element, place, value))
    confirmed = _confirmed([run for *_, runs in slots for run in runs])
    if len(confirmed) == 1:
        slots += _odd_case_words(unsigned, next(iter(confirmed)))
    found: set[str] = set()
    for element, place, value, runs in slots:
        hint, upper = _font_hint(element.getparent() if place == "tail" else element)
        fixed, used = _repair(value, runs, confirmed, hint, upper)
        if not used:
            continue
        found.update(used)
        # The parser keeps control characters it was given (junk bytes in a broken page);
        # lxml refuses them in text it is handed back.
        fixed = _NOT_XML_TEXT.sub("", fixed)
        if place == "content":
            element.set("content", fixed)
        else:
            setattr(element, place, fixed)
    return found

"""Vietnamese text folding for search, and highlighting hits in the original text.

Portals publish the same word in several spellings (issue #6; PORTALS.md notes pages in NFC
and NFD, and legacy-font conversions): precomposed or combining marks, upper case in titles,
and the old or new tone placement in the oa/oe/uy diphthongs (hòa/hoà, khỏe/khoẻ, thủy/thuỷ).
SQLite's unicode61 tokenizer removes most marks but never turns đ into d, so the archive
indexes text folded here, in Python, and folds queries the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

# Tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_MARKS = "\u0300-\u036f"
# Old style marks the first vowel of an open oa/oe/uy syllable (hòa, khỏe, thủy); new style
# marks the second (hoà, khoẻ, thuỷ). With a final letter (hoàn, tuyết) both styles agree,
# and after q the u belongs to the consonant (quý, quả), so neither case is touched.
_OLD_STYLE = re.compile(
    rf"(?<![qQ])([oO])([{_TONES}])([aAeE])(?![\w{_MARKS}])"
    rf"|(?<![qQ])([uU])([{_TONES}])([yY])(?![\w{_MARKS}])"
)
# Tone marks, then circumflex (â ê ô), breve (ă) and horn (ơ ư).
_VIETNAMESE_MARKS = _TONES + "\u0302\u0306\u031b"
_ANY_MARK = re.compile(f"[{_MARKS}]+")
# A word: letters and digits with any combining marks (NFD text keeps its marks inside words).
WORD = re.compile(rf"[\w{_MARKS}]+")
# Most terms a query may hold: longer queries are cut rather than sent whole to FTS5.
MAX_TERMS = 32


def _new_style(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + match.group(3) + match.group(2)
    return match.group(4) + match.group(6) + match.group(5)


def unify_tones(text: str) -> str:
    """Move tone marks to the new-style position in open oa/oe/uy syllables (hòa → hoà).

    Returns NFC text."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_new_style, decomposed))


def fold(text: str | None) -> str:
    """Search form of `text`: lower case, one tone placement, no diacritics, đ → d.

    NFC and NFD input fold alike: the text is decomposed first, with its compatibility
    characters ("m²" is "m2", fullwidth digits are digits). Unifying the tone placement
    (unify_tones) only moves a combining mark, and every combining mark is removed here, so
    the step is implied and skipped: the regex would triple the cost of indexing."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.lower())
    # str.replace per Vietnamese mark is several times faster than translate() or a regex
    # over the whole text; the regex only cleans up the rare other marks.
    for mark in _VIETNAMESE_MARKS:
        folded = folded.replace(mark, "")
    # "ð" (the lower case of "Ð", U+00D0): hand conversions from legacy fonts put it for "Đ".
    folded = folded.replace("đ", "d").replace("ð", "d")
    if _ANY_MARK.search(folded):
        folded = _ANY_MARK.sub("", folded)
    return _FINAL_Y.sub("i", folded)


# A syllable's final "y" after its consonants alone is also spelt "i" (kỳ/kì họp, quý/quí,
# lý/lí, kỹ/kĩ, tỷ/tỉ): both fold to "i". Not in "uy", "ay" (tuy, tay) nor "y" alone (y tế).
# (The "y" first, the letters before it looked back at: the engine jumps from "y" to "y"; a
# pattern opening with the look-behind is tried at every character, 40x slower.)
_FINAL_Y = re.compile(
    r"y(?!\w)(?:(?<=(?<!\w)[bcdghklmnprstvx]y)|(?<=(?<!\w)(?:[cgknpt]h|tr|ng|qu)y)"
    r"|(?<=(?<!\w)nghy))"
)


# Operators a searcher types in capitals, as search engines take them: "hội nghị OR kỳ họp",
# "bão NOT lũ". AND is what a space means already; NEAR(…) is read as its words.
OPERATORS = frozenset({"OR", "AND", "NOT", "NEAR"})


@dataclass
class Alternative:
    """One side of an OR: phrases of folded words that must all be there, and phrases that
    must not."""

    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)


def parse_query(query: str | None) -> list[Alternative]:
    """The query as alternatives (OR) of phrases: a quoted part is one phrase, and so is a
    term written without spaces ("12/NQ-HĐND", "COVID-19"); any other word is a phrase of its
    own. The words after NOT, up to the next operator or quote, are one phrase to exclude
    (Vietnamese words are several syllables: "NOT cử tri"), as is a term after a minus
    ("-bão"). FTS syntax characters are separators, so nothing reaches FTS5 but words. An
    unbalanced quote runs to the end of the query. Alternatives with nothing required are
    dropped (FTS5 can only exclude from hits)."""
    alternatives = [Alternative()]
    negated: list[str] | None = None  # the words after NOT, read so far
    terms = 0

    def add(words: list[str], excluded: bool = False) -> None:
        nonlocal terms
        if words and terms < MAX_TERMS:
            side = alternatives[-1].excluded if excluded else alternatives[-1].phrases
            side.append(words)
            terms += 1

    def close_negation() -> None:
        nonlocal negated
        add(negated or [], excluded=True)
        negated = None

    def term(words: list[str], minus: bool = False) -> None:
        if not words:
            return
        if minus:
            close_negation()
            add(words, excluded=True)
        elif negated is not None:
            negated.extend(words)
        else:
            add(words)

    for index, part in enumerate((query or "").split('"')):
        if index % 2:  # inside quotes
            term([w for w in map(fold, WORD.findall(part)) if w])
            close_negation()  # NOT "cử tri"
            continue
        for chunk in part.split():
            words: list[str] = []
            for token in WORD.findall(chunk):
                if token not in OPERATORS:
                    words += [w] if (w := fold(token)) else []
                    continue
                term(words)  # ("NEAR(hội": the word after the operator)
                words = []
                close_negation()
                if token == "OR" and alternatives[-1].phrases:
                    alternatives.append(Alternative())
                elif token == "NOT":
                    negated = []
            term(words, minus=chunk.startswith("-"))
    close_negation()
    return _with_variants([a for a in alternatives if a.phrases])


# Most alternatives the written variants of a query's terms may add up to (each is one more
# OR in every search tier).
MAX_ALTERNATIVES = 8
_DIGITS_OR_NOT = re.compile(r"\d+|\D+")
_THOUSANDS = re.compile(r"\d{1,3}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def variants(words: list[str]) -> list[list[str]]:
    """The ways a phrase of folded words is also written, which the index keeps as other
    words: letters and digits glued or apart ("covid19", "COVID-19", "COVID 19"), a number with
    or without thousands separators ("1234", "1.234", "1 234"). The phrase itself first."""
    apart = [piece for word in words for piece in _DIGITS_OR_NOT.findall(word)]
    glued: list[str] = []
    for word in apart:
        if glued and glued[-1][-1].isdigit() != word[0].isdigit():
            glued[-1] += word
        else:
            glued.append(word)
    grouped = [piece for word in apart for piece in _thousands(word)]
    found = [words]
    for form in (apart, glued, grouped, _numbers_joined(apart)):
        if form not in found:
            found.append(form)
    return found


def _thousands(word: str) -> list[str]:
    """A number of 4 to 15 digits in groups of three from the right ("1234" → 1, 234); not a
    year (1900-2099), which nobody writes "2.024"."""
    if not (word.isdigit() and 4 <= len(word) <= 15) or _YEAR.fullmatch(word):
        return [word]
    head = len(word) % 3 or 3
    return [word[:head], *_THOUSANDS.findall(word[head:])]


def _numbers_joined(words: list[str]) -> list[str]:
    """A number's groups written with separators, joined ("1 234 567" → 1234567): a group of
    1-3 digits then groups of exactly three."""
    joined: list[str] = []
    in_number = False  # the last word joined is a number that may go on
    for word in words:
        if in_number and len(word) == 3 and word.isdigit():
            joined[-1] += word
            continue
        joined.append(word)
        in_number = word.isdigit() and len(word) <= 3
    return joined


def _with_variants(alternatives: list[Alternative]) -> list[Alternative]:
    """Each alternative once per written variant of its phrases (as many as MAX_ALTERNATIVES
    allows); a variant of an excluded phrase is excluded too."""
    expanded = []
    for alternative in alternatives:
        forms = [Alternative(excluded=[v for w in alternative.excluded for v in variants(w)])]
        for phrase in alternative.phrases:
            options = variants(phrase)
            if len(forms) * len(options) + len(expanded) > MAX_ALTERNATIVES:
                options = options[:1]
            forms = [
                Alternative([*form.phrases, option], form.excluded)
                for form in forms
                for option in options
            ]
        expanded += forms
    return expanded


def query_terms(query: str | None) -> list[list[str]]:
    """The phrases a hit must (or, after OR, may) hold, in the query's order."""
    return [phrase for a in parse_query(query) for phrase in a.phrases]


def has_operators(query: str | None) -> bool:
    """Whether the query says OR or NOT: an expression, not a list of words."""
    parsed = parse_query(query)
    return len(parsed) > 1 or any(a.excluded for a in parsed)


@lru_cache(maxsize=256)
def typed_with_accents(query: str | None) -> tuple[str, ...]:
    """The words of the query sought (not after NOT or a minus) that carry diacritics, NFC:
    what the searcher wrote exactly, which hits written the same way match best."""
    words: list[str] = []
    excluding = False
    for chunk in unicodedata.normalize("NFC", query or "").replace('"', " ").split():
        for word in WORD.findall(chunk):
            if word in OPERATORS:
                excluding = word == "NOT" or (excluding and word != "OR")
            elif not excluding and not chunk.startswith("-") and not word.isascii():
                words.append(word)
    return tuple(words)


@lru_cache(maxsize=256)
def excluded_with_accents(query: str | None) -> tuple[str, ...]:
    """The phrases the query excludes (after NOT, or a minus) written with diacritics, NFC as
    typed: "bão NOT báo" excludes the newspaper, not the storm, which the folded index cannot
    tell apart (both are "bao"), so they are excluded as typed, not through the index."""
    tokens = WORD.findall(unicodedata.normalize("NFC", query or ""))
    folded = [fold(token) for token in tokens]
    found: list[str] = []
    for alternative in parse_query(query):
        for phrase in alternative.excluded:
            # (From the end: what is excluded is written after what is sought, "bão NOT báo".)
            for start in reversed(range(len(folded) - len(phrase) + 1)):
                if folded[start : start + len(phrase)] == phrase:
                    typed = tokens[start : start + len(phrase)]
                    if not all(word.isascii() for word in typed):
                        found.append(" ".join(typed))
                    break
    return tuple(dict.fromkeys(found))


def holds_excluded(query: str | None, *texts: str | None) -> int:
    """1 when the texts hold a phrase the query excludes with its diacritics, written as typed
    (either tone placement), else 0."""
    phrases = excluded_with_accents(query)
    if not phrases:
        return 0
    forms = [form for spellings in _as_typed_forms(phrases).values() for form in spellings]
    return int(
        any(text and any(_holds_word(text.lower(), form) for form in forms) for text in texts)
    )


@lru_cache(maxsize=256)
def _as_typed_forms(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each accented word (lower case, new tone placement), its spellings in lower case
    NFC: either tone placement (unify_tones)."""
    forms: dict[str, tuple[str, ...]] = {}
    for word in words:
        key = unify_tones(word).lower()
        forms[key] = tuple({key, _old_style(key)})
    return forms


def _old_style(word: str) -> str:
    """The old tone placement of a new-style open oa/oe/uy syllable (hoà → hòa)."""
    decomposed = unicodedata.normalize("NFD", unify_tones(word))
    old = _NEW_STYLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", old)


# _OLD_STYLE's syllables with the tone after the second vowel.
_NEW_STYLE = re.compile(rf"(?<![qQ])([oO](?=[aAeE])|[uU](?=[yY]))(\w)([{_TONES}])(?![\w{_MARKS}])")


def as_typed(query: str | None, *texts: str | None) -> int:
    """How many of the query's accented words the texts hold written as typed: "bão" (storm)
    and "báo" (newspaper) fold alike and both match, but a searcher who typed "bão" wants the
    storm first. 0 for a query typed without accents (no preference)."""
    return len(held_as_typed(query, *texts))


def held_as_typed(query: str | None, *texts: str | None) -> tuple[str, ...]:
    """The query's accented words (lower case, new tone placement) that the texts hold
    written as typed, in either tone placement."""
    words = typed_with_accents(query)
    if not words:
        return ()
    missing = dict(_as_typed_forms(words))
    for text in texts:
        if not text or not missing:
            continue
        lowered = text.lower()  # (str.find over the text: a regex would cost ~10x more)
        for key, forms in list(missing.items()):
            if any(_holds_word(lowered, form) for form in forms):
                del missing[key]
    return tuple(key for key in _as_typed_forms(words) if key not in missing)


def _holds_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as a whole word (not inside a longer one)."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not _WORD_CHAR.match(before) and not _WORD_CHAR.match(after):
            return True
        at = text.find(word, at + 1)
    return False


_WORD_CHAR = re.compile(rf"[\w{_MARKS}]")


def _letter_classes() -> dict[str, str]:
    """For each folded letter, a regex class of the NFC letters that fold to it (d: dđDĐ…)."""
    letters: dict[str, set[str]] = {}
    for code in [*range(0x30, 0x250), *range(0x1E00, 0x1F00)]:  # Latin and Vietnamese
        char = chr(code)
        folded = fold(char)
        if unicodedata.normalize("NFC", char) == char and len(folded) == 1 and folded.isalnum():
            letters.setdefault(folded, set()).add(char)
    return {k: "[" + "".join(sorted(map(re.escape, v))) + "]" for k, v in letters.items()}


_LETTER_CLASSES = _letter_classes()
_I_OR_Y = "(?:" + _LETTER_CLASSES["i"] + "|" + _LETTER_CLASSES["y"] + ")"
# Characters per word, roughly, in Vietnamese prose (a syllable and a space).
_CHARS_PER_WORD = 6


def _spelled(word: str) -> str:
    """A regex of every NFC spelling of a folded word: each letter the class of its forms
    (and a final "i" that may be written "y": fold's _FINAL_Y)."""
    spelled = "".join(_LETTER_CLASSES.get(letter, re.escape(letter)) for letter in word)
    if word.endswith("i") and _FINAL_Y.search(word[:-1] + "y"):
        spelled = spelled[: -len(_LETTER_CLASSES["i"])] + _I_OR_Y
    return spelled


# Anything but letters and digits, between the words of a phrase (as FTS5 reads a phrase).
_BETWEEN_WORDS = rf"[^\w{_MARKS}]+"


def _typed_spellings(typed: tuple[str, ...]) -> dict[str, str]:
    """For each folded word of `typed` (accented words, lower case), a regex of its spellings
    as typed: either tone placement, any case."""
    forms: dict[str, set[str]] = {}
    for key, spellings in _as_typed_forms(typed).items():
        forms.setdefault(fold(key), set()).update(spellings)
    return {
        word: "(?i:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")"
        for word, spellings in forms.items()
    }


@lru_cache(maxsize=1024)
def _hits_pattern(
    words: frozenset[str],
    phrases: frozenset[tuple[str, ...]] = frozenset(),
    typed: tuple[str, ...] = (),
) -> re.Pattern[str] | None:
    """Finds, in NFC text, every word that folds to one of `words` and every run of words that
    folds to one of `phrases`, without folding the text; a word that folds like one of `typed`
    only where it is written as typed. None when there is nothing to find."""
    as_typed = _typed_spellings(typed)

    def spelled(word: str) -> str:
        return as_typed.get(word) or _spelled(word)

    # Longest first: where a phrase stands, it is found rather than its first word.
    alternatives = [
        _BETWEEN_WORDS.join(map(spelled, phrase))
        for phrase in sorted(phrases, key=len, reverse=True)
    ]
    alternatives += [spelled(word) for word in sorted(words, key=len, reverse=True)]
    if not alternatives:
        return None
    return re.compile(rf"(?<![\w{_MARKS}])(?:{'|'.join(alternatives)})(?![\w{_MARKS}])")


@lru_cache(maxsize=1024)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Finds `words` in a row, as FTS5 matches a phrase: anything but letters between them."""
    spelled = _BETWEEN_WORDS.join(_spelled(word) for word in words)
    return re.compile(rf"(?<![\w{_MARKS}]){spelled}(?![\w{_MARKS}])")


def highlight_snippet(
    texts: Iterable[str | None],
    words: Collection[str],
    width: int = 32,
    mark: tuple[str, str] = ("<mark>", "</mark>"),
    anchor: tuple[str, ...] = (),
    phrases: Collection[tuple[str, ...]] = (),
    typed: tuple[str, ...] = (),
) -> str:
    """About `width` words of the first text holding a hit, around the first place where the
    folded words of `anchor` stand in a row, else around its densest run of hits; '…' where
    text is cut. Hits, wrapped in `mark`: every word that folds to one of `words`, and the
    words of each of `phrases` where they stand in a row (not alone: "thứ 10" marks no "Thu"
    in a name). A word folding like one of `typed` (accented words, lower case) is a hit only
    where it is written so ("Đà Nẵng" marks no "năng đã"). Without any hit, the start of the
    first non-empty text. The text is shown in NFC (its letters as one character each)."""
    candidates = [t if unicodedata.is_normalized("NFC", t) else _nfc(t) for t in texts if t]
    if not candidates:
        return ""
    pattern = _hits_pattern(frozenset(words), frozenset(phrases), typed)
    if len(anchor) > 1:  # what the searcher typed, in a row, is the best place to show
        in_a_row = _phrase_pattern(anchor)
        for text in candidates:
            if found := in_a_row.search(text):
                return _snippet_around(text, found.start(), pattern, width, mark, anchored=True)
    if pattern is not None:
        # Find the hits with one compiled pattern, then split only the part of the text
        # around the densest run into words.
        for text in candidates:
            offsets = [m.start() for m in pattern.finditer(text)]
            if offsets:
                return _snippet_around(text, _densest(offsets, width), pattern, width, mark)
    return _snippet_around(candidates[0], 0, pattern, width, mark)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _densest(offsets: list[int], width: int) -> int:
    """The offset that starts the run of hits with the most hits within `width` words."""
    span = width * _CHARS_PER_WORD
    best, best_count, end = offsets[0], 0, 0
    for i, start in enumerate(offsets):
        while end < len(offsets) and offsets[end] < start + span:
            end += 1
        if end - i > best_count:
            best, best_count = start, end - i
    return best


def _snippet_around(
    text: str,
    anchor: int,
    pattern: re.Pattern[str] | None,
    width: int,
    mark: tuple[str, str],
    anchored: bool = False,
) -> str:
    """The window over the part of `text` around offset `anchor`, the words of `pattern`'s
    matches marked; `anchored`: start it there rather than at the densest run of hits of that
    part."""
    # Cut at spaces, generously (the window shows a quarter of its width before the run and
    # the rest after), so that no word is split and the run's words are all there.
    reach = width * _CHARS_PER_WORD
    low = text.rfind(" ", 0, anchor - reach) + 1 if anchor > reach else 0
    high = text.find(" ", anchor + 2 * reach)
    high = len(text) if high < 0 else high
    piece = text[low:high]
    tokens = list(WORD.finditer(piece))
    token_at = {token.start(): i for i, token in enumerate(tokens)}
    hits = sorted(
        token_at[word.start()]
        for match in (pattern.finditer(piece) if pattern is not None else ())
        for word in WORD.finditer(piece, match.start(), match.end())
    )
    start = next((i for i, t in enumerate(tokens) if t.start() >= anchor - low), None)
    start_hit = start if anchored else None
    return _window(piece, tokens, hits, width, mark, low > 0, high < len(text), start_hit)


def _densest_run(hits: list[int], width: int) -> int:
    """The hit (a token index) that starts the run of hits with the most within `width`."""
    best_start, best_count = 0, -1
    for i, hit in enumerate(hits):
        count = sum(1 for h in hits[i:] if h < hit + width)
        if count > best_count:
            best_start, best_count = hit, count
    return best_start


def _window(
    text: str,
    tokens: list[re.Match[str]],
    hits: list[int],
    width: int,
    mark: tuple[str, str],
    cut_before: bool = False,
    cut_after: bool = False,
    start_hit: int | None = None,
) -> str:
    if not tokens:
        return " ".join(text.split())[:200]
    best_start = start_hit if start_hit is not None else _densest_run(hits, width)
    # A little context before the first hit, so the reader sees what leads to it.
    start = max(0, min(best_start - width // 4, len(tokens) - width))
    end = min(len(tokens), start + width)
    hit_set = set(hits)
    pieces: list[str] = []
    cursor = tokens[start].start()
    for i in range(start, end):
        token = tokens[i]
        pieces.append(text[cursor : token.start()])
        pieces.append(mark[0] + token.group() + mark[1] if i in hit_set else token.group())
        cursor = token.end()
    if end == len(tokens) and not cut_after:
        pieces.append(text[cursor:])  # the closing punctuation
    body = " ".join("".join(pieces).split())
    prefix = "…" if start > 0 or cut_before else ""
    suffix = "…" if end < len(tokens) or cut_after else ""
    return prefix + body + suffix

"""Whether new content fetched at an article's address is that article at all.

A portal that deletes an article, or moves, often answers its old address with 200 and its
home page, whose featured story reads as an article. Stored as an edit, that would replace
the archived text (often the only copy left) with another story's. An edit keeps the story:
most of its title's wording, or of its text's; a different story keeps neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from archive.vietnamese import WORD, fold

# Below these shares of shared word pairs (of the shorter of the two), titles and texts differ.
# (Pairs, not words: any two Vietnamese texts share "phường", "của", "tại"; few share pairs.)
MIN_SHARED_TITLE_PAIRS = 0.5
MIN_SHARED_TEXT_PAIRS = 0.3
# A text this short (a stub: "Đang cập nhật") says too little to tell a story from its edit.
MIN_TEXT_PAIRS = 30


def another_story(stored: Mapping[str, Any], fetched: Mapping[str, Any]) -> bool:
    """Whether `fetched` (title, body) is another story than `stored`."""
    if shares_title(stored.get("title"), fetched.get("title")):
        return False
    texts = [_pairs(r.get("body")) for r in (stored, fetched)]
    return len(texts[0]) >= MIN_TEXT_PAIRS and _shared(*texts) < MIN_SHARED_TEXT_PAIRS


# A text shares this much of its word pairs with another to be the same text, reworded at
# most by a template (a line more or less).
MIN_SAME_TEXT_PAIRS = 0.8


def same_text(stored: str | None, fetched: str | None) -> bool:
    """Whether two texts are one: equal, or long enough to tell and nearly all shared."""
    if (stored or "").strip() == (fetched or "").strip():
        return True
    pairs = [_pairs(stored), _pairs(fetched)]
    return min(map(len, pairs)) >= MIN_TEXT_PAIRS and _shared(*pairs) >= MIN_SAME_TEXT_PAIRS


def shares_text(stored: str | None, fetched: str | None) -> bool | None:
    """Whether two texts keep most of each other's wording (an edit keeps it); None when
    either is too short to tell ("Xem tệp đính kèm")."""
    pairs = [_pairs(stored), _pairs(fetched)]
    if min(map(len, pairs)) < MIN_TEXT_PAIRS:
        return None
    return _shared(*pairs) >= MIN_SHARED_TEXT_PAIRS


def long_enough_to_tell(text: str | None) -> bool:
    """Whether a text says enough to tell one story from another ("Chi tiết xem tại file
    đính kèm." under two decisions does not)."""
    return len(_pairs(text)) >= MIN_TEXT_PAIRS


def shares_title(stored: str | None, fetched: str | None) -> bool:
    """Whether a title keeps most of another's wording, as an edit of it does."""
    return _shared(_pairs(stored), _pairs(fetched)) >= MIN_SHARED_TITLE_PAIRS


def emptied(stored: Mapping[str, Any], fetched: Mapping[str, Any]) -> bool:
    """Whether the fetched page lost all the text the archived article had: a broken
    template or an empty text box, never an edit worth a version."""
    return bool((stored.get("body") or "").strip()) and not (fetched.get("body") or "").strip()


def _pairs(text: str | None) -> set[tuple[str, str]]:
    words = WORD.findall(fold(text))
    return set(pairwise(words))


def _shared(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0

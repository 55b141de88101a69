"""Rules for class attributes: a pattern for class tokens, tried only where one of its words
occurs. Shared by adapters (Liferay 7) and the generic extractor, which test such rules on
most elements of a page."""

from __future__ import annotations

import re


class ClassRule:
    """A pattern for class tokens, and words that every token it accepts contains.

    Why the words: the rules are tested on most elements of the article block and on their
    ancestors, and few class values can match. A regex call per token costs ~0.3 µs, a
    substring test ~30 ns: the regex runs only on values holding one of the words."""

    __slots__ = ("_folded", "pattern", "whole", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], *, whole: bool = True, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.words = words  # lower case: with re.IGNORECASE they are looked for in value.lower()
        self.whole = whole  # the pattern matches a whole token (else: occurs in one)
        self._folded = bool(flags & re.IGNORECASE)

    def accepts(self, value: str | None) -> bool:
        """`value` (a class attribute) has a token that the pattern matches."""
        if not value:
            return False
        probe = value
        if self._folded:
            # Beyond ASCII, the regex folds letters lower() keeps apart ("ſ" matches "s").
            if not value.isascii():
                return self._tokens_match(value)
            probe = value.lower()
        for word in self.words:  # a loop, not any(genexpr): this runs thousands of times a page
            if word in probe:
                return self._tokens_match(value)
        return False

    def _tokens_match(self, value: str) -> bool:
        test = self.pattern.fullmatch if self.whole else self.pattern.search
        return any(map(test, value.split()))
